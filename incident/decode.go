package incident

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/internal/edit"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/google/uuid"
	"gopkg.in/yaml.v3"
)

// pos is where a value was written: its line and column, and its field path as written
// (so "timeline[2]" is the third event of the file, wherever sorting puts it).
type pos struct {
	line, col int
	path      fieldPath
	item      int  // written index + 1 of a list item; 0 when not from a file
	window    bool // reports whether an outage was written as one window expression
}

// fileFacts is what Parse remembers about a file beyond the incident's values.
type fileFacts struct {
	keys     [len(topKeys)]keyAt // where each top-level key is written, in topKeys' order
	warnings ErrorList           // warnings found while reading, e.g. tz.ErrDSTMismatch
	failed   map[string]bool     // top-level keys with an error, which Validate does not judge again
}

// keyAt is the line and column of a key; line 0 when the key is not written.
type keyAt struct{ line, col int32 }

// key returns the position of the top-level key name, and whether the file writes it.
func (f *fileFacts) key(name string) (pos, bool) {
	i := slices.Index(topKeys[:], name)
	if i < 0 || f.keys[i].line == 0 {
		return pos{}, false
	}
	return pos{line: int(f.keys[i].line), col: int(f.keys[i].col), path: field(name)}, true
}

// Parse reads the incidents of one file: a YAML (or JSON) document, or several as a YAML
// stream. name is the file name used in errors. Errors are reported with their position as
// *ParseError values collected in an ErrorList; the error wraps one of the parse sentinels
// (ErrSyntax, ErrTooLarge, ErrTooDeep, ErrAliases, ErrEmpty, ErrType, ErrUnknownKey,
// ErrDuplicateKey, ErrMissing, ErrInvalid, ErrVersion) or an error of package tz for a time
// that cannot be read (tz.ErrSyntax, tz.ErrNonexistentTime, tz.ErrAmbiguousTime,
// tz.ErrAmbiguous, tz.ErrMismatch, tz.ErrWeekday, tz.ErrBackwards, tz.ErrUnknownZone, and
// tz.ErrDSTMismatch when c.Strict and no ignore: of the incident acknowledges it).
//
// Parse reports only errors. Warnings found while reading (such as an abbreviation's wrong
// daylight-saving half) are kept with the incident and returned by Validate, which also checks
// how the values fit together. When some fields are in error, Parse still returns the
// incidents it read, with those fields left zero, so that a caller may report more; callers
// that need a correct incident treat any error as fatal.
//
// Parse is safe for concurrent use as long as c is not modified.
func (c *Config) Parse(name string, data []byte) ([]*Incident, error) {
	if max := c.maxBytes(); int64(len(data)) > max {
		return nil, ErrorList{{File: name, Err: tooLarge(int64(len(data)), max), Code: CodeTooLarge}}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, ErrorList{{File: name, Line: 1, Column: 1, Code: CodeNotUTF8, Err: errorf(ErrSyntax,
			"file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8")}}
	}
	// countValues(data) ≤ len(data)+1 (a line ends at a byte, and a separator is one), so a
	// file shorter than the limit is not counted.
	if max := c.maxValues(); len(data) >= max && countValues(data) > max {
		return nil, ErrorList{{File: name, Code: CodeTooLarge, Err: errorf(ErrTooLarge,
			"file has more than %d values (list items, keys and scalars); split it into several files", max)}}
	}
	var (
		incs []*Incident
		errs ErrorList
	)
	dec := yaml.NewDecoder(bytes.NewReader(data))
	budget := newAliasBudget(len(data))
	for len(errs) < maxErrors {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, yamlError(name, data, err, c.maxDepth()))
			break
		}
		if lerr, at := checkTree(&doc, c.maxDepth(), budget); lerr != nil {
			errs = append(errs, &ParseError{File: name, Line: at.Line, Column: at.Column, Err: lerr})
			break
		}
		if len(doc.Content) == 0 || isNull(doc.Content[0]) {
			continue // an empty document in a stream
		}
		d := decoder{cfg: c, file: name, max: maxErrors - len(errs)}
		if inc := d.incident(doc.Content[0]); inc != nil {
			incs = append(incs, inc)
		}
		errs = append(errs, d.errs...)
	}
	if len(incs) == 0 && len(errs) == 0 {
		errs = append(errs, &ParseError{File: name, Err: errorf(ErrEmpty, "no incident in file; write at least a title")})
	}
	errs.Sort()
	if len(errs) >= maxErrors {
		errs = append(errs[:maxErrors], &ParseError{File: name, Code: CodeTooManyErrors, Err: errorf(ErrSyntax, "too many errors; fix these first")})
	}
	setCodes(errs)
	return incs, errs.Err()
}

// Load reads the file name of fsys with Parse, naming it name in errors. A file larger than
// the limit is refused before it is read (when fsys reports its size) or as soon as the limit
// is passed. Errors: those of Parse, ErrTooLarge, and the errors of fsys wrapped in a
// *ParseError.
func (c *Config) Load(fsys fs.FS, name string) ([]*Incident, error) {
	max := c.maxBytes()
	if size := statSize(fsys, name); size > max {
		return nil, ErrorList{{File: name, Err: tooLarge(size, max), Code: CodeTooLarge}}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, ErrorList{{File: name, Err: err}}
	}
	defer f.Close()
	data, err := readLimited(f, max)
	if err != nil {
		return nil, ErrorList{{File: name, Err: err}}
	}
	return c.Parse(name, data)
}

// decoder reads one document.
type decoder struct {
	cfg  *Config
	file string
	errs ErrorList
	max  int
	inc  *Incident
	src  *fileFacts
}

func (d *decoder) report(n *yaml.Node, path fieldPath, err error, warning bool) {
	if len(d.errs) >= d.max {
		return
	}
	pe := &ParseError{File: d.file, Path: path.String(), Err: err, Warning: warning, Code: codeOf(err)}
	if n != nil {
		pe.Line, pe.Column = n.Line, n.Column
	}
	if warning {
		d.src.warnings = append(d.src.warnings, pe)
		return
	}
	d.fail(path)
	d.errs = append(d.errs, pe)
}

// fail records that the top-level key of path had an error.
func (d *decoder) fail(path fieldPath) {
	if d.src == nil {
		return
	}
	if d.src.failed == nil {
		d.src.failed = map[string]bool{}
	}
	d.src.failed[path.top()] = true
}

func (d *decoder) errorf(n *yaml.Node, path fieldPath, sentinel error, format string, args ...any) {
	d.report(n, path, errorf(sentinel, format, args...), false)
}

func isNull(n *yaml.Node) bool {
	n = deref(n)
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// deref follows an alias to its value.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func describe(n *yaml.Node) string {
	n = deref(n)
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "null"
		case "!!int", "!!float":
			return "a number"
		case "!!bool":
			return "a boolean"
		}
		return "a string"
	}
	return "nothing"
}

// fieldPath is a field's path as written ("timeline[2].at"), kept in parts so that a path is
// made into text only when a diagnostic reports it: base, the item of its list (index + 1,
// 0 for none), then a key. The zero fieldPath is the document.
type fieldPath struct {
	base string
	item int
	key  string
}

// field returns the path of a top-level key.
func field(key string) fieldPath { return fieldPath{key: key} }

// String returns the path as written: "timeline[2].at".
func (p fieldPath) String() string {
	s := p.base
	if p.item > 0 {
		s += "[" + strconv.Itoa(p.item-1) + "]"
	}
	if p.key != "" {
		if s != "" {
			s += "."
		}
		s += p.key
	}
	return s
}

// top returns the top-level key of the path.
func (p fieldPath) top() string {
	if p.base == "" {
		if p.item > 0 {
			return ""
		}
		return p.key
	}
	if i := strings.IndexAny(p.base, ".["); i >= 0 {
		return p.base[:i]
	}
	return p.base
}

func (p fieldPath) join(key string) fieldPath {
	if key == "" && p != (fieldPath{}) {
		return fieldPath{base: p.String() + "."} // an empty key, as in `"": x`: "timeline[0]."
	}
	if p.key == "" {
		p.key = key
		return p
	}
	return fieldPath{base: p.String(), key: key}
}

func (p fieldPath) index(i int) fieldPath {
	if p.key == "" && p.item == 0 {
		p.item = i + 1
		return p
	}
	if p.item == 0 && p.base == "" {
		return fieldPath{base: p.key, item: i + 1}
	}
	return fieldPath{base: p.String(), item: i + 1}
}

// fieldsBuf is the size of the arrays the readers of lists of mappings give fields: two per
// key of the longest of those mappings (an action item's eight). With them an event's fields
// cost no allocation; they were one of 112 bytes per event, about 3 KB per file of the corpus
// of BENCHMARKS.md (BenchmarkParseCorpus -benchmem).
const fieldsBuf = 16

// fields checks that n is a mapping whose keys are all among names, each at most once, and
// returns the value node of each name (nil when absent) and the key nodes, in buf when it
// holds two per name (a caller's array, so that an event's fields cost no allocation).
func (d *decoder) fields(n *yaml.Node, path fieldPath, names []string, buf []*yaml.Node) (vals, keys []*yaml.Node, ok bool) {
	at := n
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		d.errorf(at, path, ErrType, "want a mapping with keys %s, got %s", strings.Join(names, ", "), describe(n))
		return nil, nil, false
	}
	both := buf[:0]
	if cap(both) < 2*len(names) {
		both = make([]*yaml.Node, 2*len(names)) // one allocation for the two
	} else {
		both = both[:2*len(names)]
		clear(both)
	}
	vals, keys = both[:len(names):len(names)], both[len(names):]
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(n.Content[i], path, ErrType, "keys must be strings, got %s", describe(k))
			continue
		}
		if k.Tag == "!!merge" {
			d.errorf(n.Content[i], path.join(k.Value), ErrUnknownKey, "merge keys (<<) are not supported; write the fields out")
			continue
		}
		j := slices.Index(names, k.Value)
		if j < 0 {
			msg := fmt.Sprintf("unknown key %q", k.Value)
			if s := suggest(k.Value, names); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			} else {
				msg += " (known keys: " + strings.Join(names, ", ") + ")"
			}
			d.report(n.Content[i], path.join(k.Value), &fieldError{msg: msg, err: ErrUnknownKey}, false)
			continue
		}
		if keys[j] != nil {
			d.errorf(n.Content[i], path.join(k.Value), ErrDuplicateKey, "duplicate key %q (first at line %d); remove one", k.Value, keys[j].Line)
			continue
		}
		keys[j], vals[j] = n.Content[i], v
	}
	return vals, keys, true
}

// suggest returns the name closest to key when it is close enough to be a typo.
func suggest(key string, names []string) string {
	best, bestD := "", 3
	k := strings.ToLower(key)
	for _, name := range names {
		if k == name || strings.ReplaceAll(k, "-", "_") == name || strings.ReplaceAll(k, " ", "_") == name {
			return name
		}
		if len(k) > 64 {
			continue
		}
		if dist := edit.Distance(k, name, bestD); dist < bestD {
			best, bestD = name, dist
		}
	}
	if bestD > len(key)/2 {
		return ""
	}
	return best
}

// str reads a scalar as text. Null is "".
func (d *decoder) str(n *yaml.Node, path fieldPath) string {
	if n == nil {
		return ""
	}
	v := deref(n)
	if v.Kind != yaml.ScalarNode {
		d.errorf(n, path, ErrType, "want a string, got %s", describe(v))
		return ""
	}
	if v.Tag == "!!null" {
		return ""
	}
	if v.Tag == "!!binary" {
		d.errorf(n, path, ErrType, "want a string, got binary data")
		return ""
	}
	return v.Value
}

// strs reads a list of strings. Null is nil.
func (d *decoder) strs(n *yaml.Node, path fieldPath) []string {
	if n == nil || isNull(n) {
		return nil
	}
	v := deref(n)
	if v.Kind != yaml.SequenceNode {
		if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			d.errorf(n, path, ErrType, "want a list of strings, got %s (write [%s])", describe(v), v.Value)
		} else {
			d.errorf(n, path, ErrType, "want a list of strings, got %s", describe(v))
		}
		return nil
	}
	out := make([]string, 0, len(v.Content))
	for i, c := range v.Content {
		var s string
		if c.Kind == yaml.ScalarNode && c.Tag != "!!null" && c.Tag != "!!binary" {
			s = c.Value // what str reads of it, without making the path str would report
		} else {
			s = d.str(c, path.index(i))
		}
		if strings.TrimSpace(s) == "" {
			if deref(c).Kind == yaml.ScalarNode {
				d.errorf(c, path.index(i), ErrInvalid, "empty entry; remove it or fill it in")
			}
			continue
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil // [] is no list: events and outages then apply to the incident's services
	}
	return out
}

func (d *decoder) boolean(n *yaml.Node, path fieldPath) bool {
	if n == nil || isNull(n) {
		return false
	}
	v := deref(n)
	if v.Kind == yaml.ScalarNode {
		switch strings.ToLower(v.Value) {
		case "true", "yes", "on":
			return true
		case "false", "no", "off":
			return false
		}
	}
	d.errorf(n, path, ErrType, "want true or false, got %s", describe(v))
	return false
}

// date reads YYYY-MM-DD.
func (d *decoder) date(n *yaml.Node, path fieldPath) tz.Date {
	s := strings.TrimSpace(d.str(n, path))
	if s == "" {
		return tz.Date{}
	}
	dt, err := parseDate(s)
	if err != nil {
		d.report(n, path, err, false)
	}
	return dt
}

func parseDate(s string) (tz.Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return tz.Date{}, errorc(CodeInvalidDate, ErrInvalid, "invalid date %q: want YYYY-MM-DD, like 2016-07-26", s)
	}
	return tz.DateOf(t), nil
}

// enum reads the name of an enum's value with set, which sets the value when it knows the name.
func (d *decoder) enum(n *yaml.Node, path fieldPath, set func(name string) error) {
	s := d.str(n, path)
	if n == nil || strings.TrimSpace(s) == "" {
		return
	}
	if err := set(s); err != nil {
		msg := strings.TrimPrefix(err.Error(), "incident: ")
		msg = strings.TrimPrefix(msg, "timeline: ")
		d.report(n, path, &fieldError{msg: msg, err: err}, false) // err matches ErrInvalid
	}
}

var topKeys = [...]string{
	"postmortem", "id", "title", "slug", "kind", "date", "timezone", "services", "severity",
	"status", "authors", "published", "summary", "impact", "timeline", "outages", "scheduled",
	"root_causes", "trigger", "detection", "resolution", "contributing_factors", "lessons",
	"action_items", "links", "source", "ignore",
}

const (
	kPostmortem = iota
	kID
	kTitle
	kSlug
	kKind
	kDate
	kTimezone
	kServices
	kSeverity
	kStatus
	kAuthors
	kPublished
	kSummary
	kImpact
	kTimeline
	kOutages
	kScheduled
	kRootCauses
	kTrigger
	kDetection
	kResolution
	kContributing
	kLessons
	kActionItems
	kLinks
	kSource
	kIgnore
)

func (d *decoder) incident(n *yaml.Node) *Incident {
	if deref(n).Kind != yaml.MappingNode {
		d.errorf(n, fieldPath{}, ErrType, "an incident is a mapping with keys such as title, date and timeline; got %s", describe(n))
		return nil
	}
	var buf [2 * len(topKeys)]*yaml.Node
	v, keys, _ := d.fields(n, fieldPath{}, topKeys[:], buf[:])
	d.src = &fileFacts{}
	inc := &Incident{File: d.file, Version: 1, Kind: KindIncident, Location: time.UTC, src: d.src}
	d.inc = inc
	for i, k := range keys {
		if k != nil {
			d.src.keys[i] = keyAt{line: int32(min(k.Line, math.MaxInt32)), col: int32(min(k.Column, math.MaxInt32))}
		}
	}

	if n := v[kPostmortem]; n != nil && !isNull(n) {
		s := d.str(n, field("postmortem"))
		ver, err := strconv.Atoi(strings.TrimSpace(s))
		switch {
		case err != nil:
			d.errorf(n, field("postmortem"), ErrVersion, "format version %q is not a number; write postmortem: 1", s)
		case ver != 1:
			d.errorf(n, field("postmortem"), ErrVersion, "format version %d is not supported; this program reads version 1", ver)
		}
	}
	inc.Title = strings.TrimSpace(d.str(v[kTitle], field("title")))
	if inc.Title == "" && v[kTitle] == nil {
		d.errorf(n, field("title"), ErrMissing, "title missing; every incident needs a title")
	} else if inc.Title == "" {
		d.errorf(v[kTitle], field("title"), ErrMissing, "title is empty; every incident needs a title")
	}
	d.enum(v[kKind], field("kind"), inc.Kind.set)
	if inc.Kind == KindUnknown {
		inc.Kind = KindIncident
	}
	inc.Date = d.date(v[kDate], field("date"))
	if zn := v[kTimezone]; zn != nil {
		inc.TimeZone = strings.TrimSpace(d.str(zn, field("timezone")))
		if inc.TimeZone != "" {
			loc, err := tz.Resolve(inc.TimeZone)
			if err != nil {
				d.report(zn, field("timezone"), tzError(err, "zone"), false)
			} else {
				inc.Location = loc
			}
		}
	}
	inc.Slug = strings.TrimSpace(d.str(v[kSlug], field("slug")))
	if inc.Slug != "" {
		if s := Slugify(inc.Slug); s != inc.Slug {
			d.errorf(v[kSlug], field("slug"), ErrInvalid, "slug %q may hold only lower-case letters, digits and single hyphens; write %q", inc.Slug, s)
		}
	} else {
		inc.Slug = DeriveSlug(inc.Title, inc.Date)
	}
	if ids := strings.TrimSpace(d.str(v[kID], field("id"))); ids != "" {
		id, err := uuid.Parse(ids)
		if err != nil {
			d.errorf(v[kID], field("id"), ErrInvalid, "id %q is not a UUID (like 8d9c1a52-2f0e-4c55-9d0c-6a0c2a3f4b11); leave it out to derive one from the slug", ids)
		}
		inc.ID = id
	} else {
		inc.ID = DeriveID(inc.Slug)
	}
	inc.Services = d.strs(v[kServices], field("services"))
	inc.Severity = strings.TrimSpace(d.str(v[kSeverity], field("severity")))
	d.enum(v[kStatus], field("status"), inc.Status.set)
	inc.Authors = d.strs(v[kAuthors], field("authors"))
	inc.Published = d.date(v[kPublished], field("published"))
	inc.Summary = d.str(v[kSummary], field("summary"))
	inc.Impact = d.str(v[kImpact], field("impact"))
	inc.Trigger = d.str(v[kTrigger], field("trigger"))
	inc.Detection = d.str(v[kDetection], field("detection"))
	inc.Resolution = d.str(v[kResolution], field("resolution"))
	inc.RootCauses = d.causes(v[kRootCauses], field("root_causes"))
	inc.ContributingFactors = d.causes(v[kContributing], field("contributing_factors"))
	inc.Lessons = d.lessons(v[kLessons], field("lessons"))
	inc.ActionItems = d.actionItems(v[kActionItems], field("action_items"))
	inc.Links = d.links(v[kLinks], field("links"))
	inc.Timeline = d.timeline(v[kTimeline], field("timeline"))
	inc.Outages = d.outages(v[kOutages], field("outages"))
	inc.Scheduled = d.scheduled(v[kScheduled], field("scheduled"))
	inc.Source = d.source(v[kSource], field("source"))
	inc.Ignore = d.ignore(v[kIgnore], field("ignore"))
	d.checkServices(inc, v[kServices])
	d.zoneHint()
	if d.cfg != nil && d.cfg.Strict {
		d.strict()
	}
	return inc
}

// strict makes errors of the warnings that strict mode refuses (an abbreviation's wrong
// daylight-saving half), unless an ignore: of the incident acknowledges them. The times
// themselves are kept, so that the rest of the incident reads as without Strict.
func (d *decoder) strict() {
	a := newAcks(d.inc)
	warns := d.src.warnings[:0]
	for _, w := range d.src.warnings {
		if !errors.Is(w, tz.ErrDSTMismatch) {
			warns = append(warns, w)
			continue
		}
		if !a.has(w) && len(d.errs) < d.max {
			e := *w
			e.Warning = false
			d.errs = append(d.errs, &e)
		}
	}
	d.src.warnings = warns
}

// list calls fn for each item of a list; null is an empty list.
func (d *decoder) list(n *yaml.Node, path fieldPath, what string, fn func(i int, item *yaml.Node, path fieldPath)) {
	if n == nil || isNull(n) {
		return
	}
	v := deref(n)
	if v.Kind != yaml.SequenceNode {
		d.errorf(n, path, ErrType, "want a list of %s, got %s", what, describe(v))
		return
	}
	for i, c := range v.Content {
		fn(i, c, path.index(i))
	}
}

var causeKeys = []string{"text", "category"}

func (d *decoder) causes(n *yaml.Node, path fieldPath) []Cause {
	var out []Cause
	d.list(n, path, "causes (strings or {text, category})", func(_ int, c *yaml.Node, p fieldPath) {
		if deref(c).Kind == yaml.ScalarNode {
			if s := d.str(c, p); strings.TrimSpace(s) != "" {
				out = append(out, Cause{Text: s})
			} else {
				d.errorf(c, p, ErrInvalid, "empty cause; remove it or fill it in")
			}
			return
		}
		var buf [fieldsBuf]*yaml.Node
		v, _, ok := d.fields(c, p, causeKeys, buf[:])
		if !ok {
			return
		}
		cs := Cause{Text: d.str(v[0], p.join("text")), Category: strings.TrimSpace(d.str(v[1], p.join("category")))}
		if strings.TrimSpace(cs.Text) == "" {
			d.errorf(c, p.join("text"), ErrMissing, "cause without text")
		}
		out = append(out, cs)
	})
	return out
}

var lessonKeys = []string{"went_well", "went_wrong", "lucky"}

func (d *decoder) lessons(n *yaml.Node, path fieldPath) Lessons {
	if n == nil || isNull(n) {
		return Lessons{}
	}
	var buf [fieldsBuf]*yaml.Node
	v, _, ok := d.fields(n, path, lessonKeys, buf[:])
	if !ok {
		return Lessons{}
	}
	return Lessons{
		WentWell:  d.strs(v[0], path.join("went_well")),
		WentWrong: d.strs(v[1], path.join("went_wrong")),
		Lucky:     d.strs(v[2], path.join("lucky")),
	}
}

var actionKeys = []string{"text", "kind", "owner", "priority", "due", "status", "link", "ignore"}

func (d *decoder) actionItems(n *yaml.Node, path fieldPath) []ActionItem {
	var out []ActionItem
	d.list(n, path, "action items", func(_ int, c *yaml.Node, p fieldPath) {
		if deref(c).Kind == yaml.ScalarNode && !isNull(c) {
			d.errorf(c, p, ErrType, "want a mapping {text: ..., owner: ..., due: ...}, got a string; write text: before it")
			return
		}
		var buf [fieldsBuf]*yaml.Node
		v, _, ok := d.fields(c, p, actionKeys, buf[:])
		if !ok {
			return
		}
		a := ActionItem{
			Text:     d.str(v[0], p.join("text")),
			Owner:    strings.TrimSpace(d.str(v[2], p.join("owner"))),
			Priority: strings.TrimSpace(d.str(v[3], p.join("priority"))),
			Due:      d.date(v[4], p.join("due")),
			Link:     strings.TrimSpace(d.str(v[6], p.join("link"))),
			Ignore:   d.ignore(v[7], p.join("ignore")),
			pos:      pos{line: c.Line, col: c.Column, path: p},
		}
		if v[4] != nil {
			a.duePos = pos{line: v[4].Line, col: v[4].Column, path: p.join("due")}
		}
		d.enum(v[1], p.join("kind"), a.Kind.set)
		d.enum(v[5], p.join("status"), a.Status.set)
		if strings.TrimSpace(a.Text) == "" {
			d.errorf(c, p.join("text"), ErrMissing, "action item without text")
		}
		out = append(out, a)
	})
	return out
}

var linkKeys = []string{"title", "url"}

func (d *decoder) links(n *yaml.Node, path fieldPath) []Link {
	var out []Link
	d.list(n, path, "links ({title, url})", func(_ int, c *yaml.Node, p fieldPath) {
		if deref(c).Kind == yaml.ScalarNode && !isNull(c) {
			// A bare URL is a link without a title.
			if s := strings.TrimSpace(d.str(c, p)); s != "" {
				out = append(out, Link{URL: s})
			}
			return
		}
		var buf [fieldsBuf]*yaml.Node
		v, _, ok := d.fields(c, p, linkKeys, buf[:])
		if !ok {
			return
		}
		l := Link{Title: strings.TrimSpace(d.str(v[0], p.join("title"))), URL: strings.TrimSpace(d.str(v[1], p.join("url")))}
		if l.URL == "" {
			d.errorf(c, p.join("url"), ErrMissing, "link without url")
		}
		out = append(out, l)
	})
	return out
}

var sourceKeys = []string{"system", "id", "page", "url"}

// source reads where an imported incident came from. Null is nil.
func (d *decoder) source(n *yaml.Node, path fieldPath) *Source {
	if n == nil || isNull(n) {
		return nil
	}
	before := len(d.errs)
	var buf [fieldsBuf]*yaml.Node
	v, _, ok := d.fields(n, path, sourceKeys, buf[:])
	if !ok {
		return nil
	}
	misspelt := len(d.errs) > before // "sytem: slack" is reported once, as a typo
	src := &Source{
		System: strings.TrimSpace(d.str(v[0], path.join("system"))),
		ID:     strings.TrimSpace(d.str(v[1], path.join("id"))),
		Page:   strings.TrimSpace(d.str(v[2], path.join("page"))),
		URL:    strings.TrimSpace(d.str(v[3], path.join("url"))),
		pos:    pos{line: n.Line, col: n.Column, path: path},
	}
	if v[3] != nil && src.URL != "" {
		if err := checkSourceURL(src.URL); err != nil {
			d.report(v[3], path.join("url"), err, false)
		}
	}
	if src.System == "" && !misspelt {
		at := n
		if v[0] != nil {
			at = v[0]
		}
		d.report(at, path.join("system"), errorc(CodeMissingSystem, ErrMissing, "source without system; write system: statuspage, slack, text or the name of the system it came from"), false)
	}
	return src
}

// checkSourceURL reports whether u is an absolute http or https URL.
func checkSourceURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errorc(CodeInvalidURL, ErrInvalid, "source url %q is not an http or https link; write it like https://status.example.com/incidents/abc", s)
	}
	return nil
}

// tzError turns an error of package tz into the message of a ParseError.
func tzError(err error, _ string) error {
	var te *tz.Error
	if errors.As(err, &te) {
		q := strconv.Quote(te.Input)
		if strings.Contains(te.Msg, q) {
			return &fieldError{msg: te.Msg, err: err}
		}
		return &fieldError{msg: q + ": " + te.Msg, err: err}
	}
	return &fieldError{msg: strings.TrimPrefix(err.Error(), "tz: "), err: err}
}

// ignore reads a list of codes to acknowledge, each a warning's code. Null is nil.
func (d *decoder) ignore(n *yaml.Node, path fieldPath) []string {
	codes := d.strs(n, path)
	if len(codes) == 0 {
		return nil
	}
	items := deref(n).Content
	for i, c := range codes {
		c = strings.ToLower(strings.TrimSpace(c))
		codes[i] = c
		at := n
		if len(items) == len(codes) {
			at = items[i]
		}
		if err := checkIgnore(c); err != nil {
			d.report(at, path.index(i), err, false)
		}
	}
	return codes
}

// Levels, in the order the sort keeps events of one instant.
func (d *decoder) level(n *yaml.Node, path fieldPath) timeline.Level {
	s := strings.TrimSpace(d.str(n, path))
	if n == nil || s == "" {
		return timeline.LevelUnknown
	}
	l, err := timeline.ParseLevel(s)
	if err != nil {
		d.report(n, path, &fieldError{msg: strings.TrimPrefix(err.Error(), "timeline: "), err: err}, false)
	}
	return l
}
