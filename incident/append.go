package incident

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/tz"
	"github.com/google/uuid"
	"gopkg.in/yaml.v3"
)

// ErrAppend is matched by the errors of Append about a file it cannot add an event to
// (several incidents and none chosen, a timeline in flow style, an event that would not
// read back).
var ErrAppend = errors.New("cannot append an event")

// ErrWhichIncident is matched, beside ErrAppend, by the errors of AppendTo about a file of
// several incidents when which names none of them, or several.
var ErrWhichIncident = errors.New("which incident")

// whichError is an ErrAppend that is also an ErrWhichIncident.
type whichError struct{ msg string }

func (e *whichError) Error() string { return ErrAppend.Error() + ": " + e.msg }

func (e *whichError) Is(target error) bool { return target == ErrAppend || target == ErrWhichIncident }

// Append returns the incident file data with ev added as the last item of its timeline,
// and the rest of the file byte for byte as it was: comments, key order, quoting and
// layout stay. The new item's keys follow the order of the timeline's last item and its at
// and text take that item's quoting. When ev.At.Written is "", the at is ev.At.Instant written in
// the file's own style: a time alone ("10:36", or "10:36am" when the file writes am/pm) in
// the incident's zone when it falls on the previous event's date, else with its date
// ("2024-05-01 10:36"), or RFC 3339 when the file writes that.
//
// The new lines end as the file's first line does (CRLF or LF).
//
// Append first parses the file and refuses one that does not parse, or that holds several
// incidents (a stream of "---" documents): AppendTo chooses one of those. The result must
// read back with the event at the instant asked for (when ev.At.Instant is set; without
// ev.At.Written it is written to the minute) and without new validation errors. Errors:
// the *ParseError or ErrorList of Parse for the file as it is; errors matching ErrAppend
// otherwise, which name the reason (for a stream, its incidents' ids and titles).
// Append is safe for concurrent use.
func (c *Config) Append(name string, data []byte, ev Event) ([]byte, error) {
	return c.AppendTo(name, data, "", ev)
}

// AppendTo is Append into the incident of a stream that which names: its id, its slug or
// its title, compared case-insensitively, which must match exactly one of them. An empty
// which chooses the only incident of a file that has one. Errors: those of Append; when
// which matches none of the incidents or several, an error matching ErrAppend and
// ErrWhichIncident that lists them.
func (c *Config) AppendTo(name string, data []byte, which string, ev Event) ([]byte, error) {
	incs, err := c.Parse(name, data)
	if err != nil {
		return nil, err
	}
	k, err := chooseIncident(name, incs, which)
	if err != nil {
		return nil, err
	}
	inc := incs[k]
	before, _ := c.Validate(inc)

	// The k-th document that holds an incident (Parse skips empty ones), and the line
	// where the next document starts (0: none).
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for n := 0; n <= k; {
		var d yaml.Node
		if err := dec.Decode(&d); err != nil {
			break
		}
		if len(d.Content) == 1 && !isNull(d.Content[0]) {
			doc = d
			n++
		}
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, appendError(name, 0, 0, "not a mapping")
	}
	root := doc.Content[0]
	lines := splitLines(data)
	eol := "\n"
	if len(lines) > 0 && strings.HasSuffix(lines[0], "\r\n") {
		eol = "\r\n"
	}
	end := documentEnd(lines, root.Line) // lines before the next document's marker
	var seq *yaml.Node
	next := 0 // 1-based line of the key after timeline; 0: none
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "timeline" {
			seq = root.Content[i+1]
			if i+2 < len(root.Content) {
				next = root.Content[i+2].Line
			}
		}
	}
	var last *yaml.Node
	if seq != nil {
		if seq.Kind != yaml.SequenceNode || seq.Style&yaml.FlowStyle != 0 && len(seq.Content) > 0 {
			return nil, appendError(name, seq.Line, seq.Column, "the timeline is not a block list (\"- at: ...\" items); write it as one")
		}
		if len(seq.Content) > 0 {
			last = seq.Content[len(seq.Content)-1]
		}
	}
	if ev.At.Written == "" {
		if ev.At.Instant.IsZero() {
			return nil, appendError(name, 0, 0, "the event has no time")
		}
		ev.At.Instant = ev.At.Instant.Truncate(time.Minute)
		ev.At.Written = styleTime(inc, last, ev.At.Instant)
	}
	item, err := eventNode(ev, last)
	if err != nil {
		return nil, err
	}

	var out []byte
	switch {
	case last != nil:
		// Insert after the last item: before the next key (and the comments and blank
		// lines that lead to it), or at the end of the document.
		at := end
		if next > 0 {
			at = next - 1
		}
		dash := indentOf(lines[last.Line-1])
		for at > last.Line && (blank(lines[at-1]) || isComment(lines[at-1]) && indentOf(lines[at-1]) <= dash) {
			at--
		}
		text, err := encodeItem(item, strings.Repeat(" ", dash))
		if err != nil {
			return nil, err
		}
		out = splice(lines, at, text, eol)
	case seq == nil || seq.Kind == yaml.ScalarNode || len(seq.Content) == 0:
		if seq != nil {
			return nil, appendError(name, seq.Line, seq.Column, "the timeline is empty; write its first event as a block list (timeline:, then \"  - at: ...\") or remove the key")
		}
		text, err := encodeItem(item, "  ")
		if err != nil {
			return nil, err
		}
		at := end
		for at > 0 && blank(lines[at-1]) {
			at--
		}
		out = splice(lines, at, "timeline:\n"+text, eol)
	}

	// The result must read back with the event where it was asked for.
	after, err := c.Parse(name, out)
	if err != nil {
		return nil, wouldBreak(name, err)
	}
	if len(after) != len(incs) {
		return nil, appendError(name, 0, 0, "the event did not land in the incident")
	}
	got := after[k]
	if len(got.Timeline) != len(inc.Timeline)+1 {
		return nil, appendError(name, 0, 0, "the event did not land in the timeline")
	}
	if !ev.At.Instant.IsZero() {
		found := false
		for _, e := range got.Timeline {
			if e.At.Written == ev.At.Written && e.At.Instant.Equal(ev.At.Instant) {
				found = true
			}
		}
		if !found {
			return nil, appendError(name, 0, 0, "%q would not read back as %s", ev.At.Written, ev.At.Instant.UTC().Format(time.RFC3339))
		}
	}
	if errs, _ := c.Validate(got); len(errs) > len(before) {
		return nil, wouldBreak(name, errs)
	}
	return out, nil
}

// chooseIncident returns the index of the incident of incs that which names (see AppendTo).
func chooseIncident(name string, incs []*Incident, which string) (int, error) {
	which = strings.TrimSpace(which)
	if which == "" && len(incs) == 1 {
		return 0, nil
	}
	var found []int
	if which != "" {
		for i, inc := range incs {
			if inc.ID != (uuid.UUID{}) && strings.EqualFold(inc.ID.String(), which) ||
				inc.Slug != "" && strings.EqualFold(inc.Slug, which) || strings.EqualFold(inc.Title, which) {
				found = append(found, i)
			}
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	var list strings.Builder
	for i, inc := range incs {
		if len(found) > 1 && !slices.Contains(found, i) {
			continue
		}
		if list.Len() > 0 {
			list.WriteString("; ")
		}
		fmt.Fprintf(&list, "%d. %q", i+1, inc.Title)
		if inc.ID != (uuid.UUID{}) {
			fmt.Fprintf(&list, " (id %s)", inc.ID)
		}
	}
	var msg string
	switch {
	case which == "":
		msg = fmt.Sprintf("the file holds %d incidents; name the one to add to by its id, slug or title: %s", len(incs), list.String())
	case len(found) == 0:
		msg = fmt.Sprintf("no incident of the file has the id, slug or title %q; it holds: %s", which, list.String())
	default:
		msg = fmt.Sprintf("%d incidents have the id, slug or title %q: %s; name one by its id", len(found), which, list.String())
	}
	return 0, &ParseError{File: name, Err: &whichError{msg}}
}

// documentEnd returns the number of lines of lines before the first document marker ("---"
// or "..." at the start of a line) after line from (1-based), or len(lines). A marker cannot
// stand inside a document's values: a block scalar ends at a line that starts at column 0.
func documentEnd(lines []string, from int) int {
	for i := max(from, 0); i < len(lines); i++ {
		l := strings.TrimRight(lines[i], "\r\n")
		for _, m := range []string{"---", "..."} {
			if rest, ok := strings.CutPrefix(l, m); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
				return i
			}
		}
	}
	return len(lines)
}

// appendError is an ErrAppend at a place of the file.
func appendError(name string, line, col int, format string, args ...any) *ParseError {
	return &ParseError{File: name, Line: line, Column: col, Err: fmt.Errorf("%w: "+format, append([]any{ErrAppend}, args...)...)}
}

// wouldBreak reports the first problem the file would have with the event added; its
// position is left out, being in a file that was not written.
func wouldBreak(name string, err error) *ParseError {
	var list ErrorList
	var pe *ParseError
	if errors.As(err, &list) && len(list) > 0 {
		pe = list[0]
	} else if !errors.As(err, &pe) {
		return appendError(name, 0, 0, "%v", err)
	}
	return &ParseError{File: name, Path: pe.Path, Err: fmt.Errorf("%w: %w", ErrAppend, pe.Err)}
}

// Append is (*Config).Append with the zero Config.
func Append(name string, data []byte, ev Event) ([]byte, error) {
	var c Config
	return c.Append(name, data, ev)
}

// AppendTo is (*Config).AppendTo with the zero Config.
func AppendTo(name string, data []byte, which string, ev Event) ([]byte, error) {
	var c Config
	return c.AppendTo(name, data, which, ev)
}

var (
	meridiemRE = regexp.MustCompile(`(?i)\d\s*[ap]\.?m\b`)
	isoDateRE  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)
	rfc3339RE  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T`)
)

// styleTime writes t as the timeline's last item writes its time.
func styleTime(inc *Incident, last *yaml.Node, t time.Time) string {
	loc := locOr(inc.Location)
	lt := t.In(loc)
	if !inc.dated() {
		lt = t.UTC() // an undated instant is its wall clock, kept in UTC
	}
	written := ""
	if last != nil {
		for i := 0; i+1 < len(last.Content); i += 2 {
			if last.Content[i].Value == "at" {
				written = strings.TrimSpace(last.Content[i+1].Value)
			}
		}
	}
	if rfc3339RE.MatchString(written) {
		return lt.Format(time.RFC3339)
	}
	clock := "15:04"
	if meridiemRE.MatchString(written) {
		clock = "3:04pm"
	}
	// A time alone is on the date of the previous time in the list, or the incident's.
	var prevDate tz.Date
	var prev time.Time
	if n := len(inc.Timeline); n > 0 {
		last := writtenOrder(inc.Timeline)[n-1]
		prev = last.At.Instant
		prevDate = tz.DateOf(last.At.Instant.In(locOr(last.At.Loc)))
		if !last.At.Dated {
			prevDate = tz.Date{}
		}
	} else {
		prevDate = inc.Date
	}
	if !inc.dated() {
		return lt.Format(clock)
	}
	if isoDateRE.MatchString(written) || prevDate != tz.DateOf(lt) || t.Before(prev) || written == "" && inc.Date.IsZero() {
		return lt.Format("2006-01-02 " + clock)
	}
	return lt.Format(clock)
}

// eventNode is ev as a timeline item, its keys in the order of last's and its at and text
// quoted as last's are.
func eventNode(ev Event, last *yaml.Node) (*yaml.Node, error) {
	vals := map[string]*yaml.Node{}
	vals["at"] = timeStr(ev.At.Written)
	if ev.At.Approx && !strings.HasSuffix(strings.TrimSpace(ev.At.Written), "~") {
		vals["approx"] = plain("true", "!!bool")
	}
	if ev.Kind != 0 {
		n, err := enumNode(ev.Kind, false)
		if err != nil {
			return nil, err
		}
		vals["kind"] = n
	}
	if ev.State != 0 {
		n, err := enumNode(ev.State, false)
		if err != nil {
			return nil, err
		}
		vals["state"] = n
	}
	if s := flowList(ev.Services); s != nil {
		vals["services"] = s
	}
	if ev.Text != "" {
		vals["text"] = str(ev.Text)
	}
	order := []string{}
	if last != nil && last.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(last.Content); i += 2 {
			k := last.Content[i].Value
			if vals[k] != nil {
				order = append(order, k)
			}
			// Quote as the file does.
			if v := last.Content[i+1]; (k == "at" || k == "text") && vals[k] != nil && v.Kind == yaml.ScalarNode {
				if k == "text" && (v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0) != strings.Contains(ev.Text, "\n") {
					continue
				}
				if k == "at" && v.Style == 0 {
					vals[k].Style = 0 // the encoder quotes what needs it
					continue
				}
				vals[k].Style = v.Style
			}
		}
	}
	for _, k := range eventKeys {
		if vals[k] == nil || slices.Contains(order, k) {
			continue
		}
		if i := slices.Index(order, "text"); i >= 0 {
			order = slices.Insert(order, i, k)
		} else {
			order = append(order, k)
		}
	}
	m := newMap()
	for _, k := range order {
		m.add(k, vals[k])
	}
	return m.n, nil
}

// encodeItem writes item as one "- " list item, each line after indent.
func encodeItem(item *yaml.Node, indent string) (string, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{item}}); err != nil {
		return "", errorf(ErrInvalid, "incident: %v", err)
	}
	if err := enc.Close(); err != nil {
		return "", errorf(ErrInvalid, "incident: %v", err)
	}
	var b strings.Builder
	for _, l := range strings.SplitAfter(buf.String(), "\n") {
		if l == "" {
			continue
		}
		if l != "\n" {
			b.WriteString(indent)
		}
		b.WriteString(l)
	}
	return b.String(), nil
}

// splitLines splits data into lines that keep their line ends.
func splitLines(data []byte) []string {
	var out []string
	for _, l := range strings.SplitAfter(string(data), "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// splice inserts text after the first n lines, its line ends made eol.
func splice(lines []string, n int, text, eol string) []byte {
	var b bytes.Buffer
	for _, l := range lines[:n] {
		b.WriteString(l)
	}
	if b.Len() > 0 && !bytes.HasSuffix(b.Bytes(), []byte("\n")) {
		b.WriteString(eol)
	}
	if eol != "\n" {
		text = strings.ReplaceAll(text, "\n", eol)
	}
	b.WriteString(text)
	for _, l := range lines[n:] {
		b.WriteString(l)
	}
	return b.Bytes()
}

func blank(l string) bool { return strings.TrimSpace(l) == "" }

func isComment(l string) bool { return strings.HasPrefix(strings.TrimSpace(l), "#") }

func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }
