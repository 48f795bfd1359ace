package statuspage

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/go-postmortem/postmortem/incident"
)

// Limits of the zero Config.
const (
	DefaultMaxBytes = 64 << 20 // a page's whole history is a few MiB
	DefaultMaxDepth = 64       // Statuspage's JSON nests 6 deep
)

// Config says how Statuspage JSON is read. The zero Config reads each incident in its
// page's zone, leaves embedded timelines as text, and applies the default limits. A Config
// is safe for concurrent use as long as it is not modified.
type Config struct {
	// Location is the zone of the imported files (their timezone) and of the times of an
	// embedded timeline. Nil means the page's time_zone, else UTC. Instants never depend
	// on it: the offset in each timestamp is authoritative.
	Location *time.Location

	// EmbeddedTimeline reports whether a timeline written as an HTML list inside one update
	// (<li><strong>2011-07-28 03:06:00</strong> - …</li>, as GitHub's history before 2019
	// is) becomes one event per entry. When false, such an incident is written as it is,
	// with a warning (incident.CodeEmbeddedTimeline).
	EmbeddedTimeline bool

	// MaxBytes is the largest input read; zero means DefaultMaxBytes.
	MaxBytes int64

	// MaxDepth is the deepest nesting of arrays and objects accepted; zero means
	// DefaultMaxDepth.
	MaxDepth int
}

// Item is one incident of the input: the incident read, or the error that kept it from
// being read, with the warnings of its reading.
type Item struct {
	ID       string             // its Statuspage id
	Incident *incident.Incident // nil when Err is set
	Warnings incident.ErrorList // each a warning, with its code
	Err      *incident.ParseError

	// Path, Line and Column say where the incident's object is in the input
	// ("incidents[3]" at 4:5), for a problem the caller finds with it; Path is "" for a
	// bare incident object, the whole document.
	Path         string
	Line, Column int
}

// Decoder reads the incidents of one Statuspage JSON input as a stream: each incident is
// decoded when Next reaches it, so that memory stays flat in the length of a list. It reads
// every shape the API and its copies take: {"page", "incident"} (incidents/ID.json),
// {"page", "incidents"} (incidents.json, incidents/unresolved.json), {"page",
// "scheduled_maintenances"} (scheduled-maintenances.json and its upcoming and active),
// summary.json (both lists), a bare incident object and a bare array of them. Unknown keys
// are ignored. A Decoder is not safe for concurrent use.
type Decoder struct {
	cfg  Config
	name string
	pos  *positions
	dec  *json.Decoder

	state    int // where the walk is, one of the walk constants
	depth    int // of the arrays and objects open
	list     string
	index    int
	page     page
	pageSeen bool
	bare     *payload  // the fields of a bare incident object seen so far
	pending  []payload // incidents read before the page they belong to
	err      error     // the error that ended the input
	closed   bool      // reports whether the top object has been read to its end
	wrapper  bool      // reports whether the top object holds incidents rather than being one
	topLine  int       // where the document starts
	topCol   int
	found    int // incidents found
}

// Where the walk of the document is.
const (
	walkStart  = iota
	walkArray  // in a bare array of incidents
	walkObject // in the top object, between keys
	walkList   // in a list of the top object
	walkDone
)

// NewDecoder returns a decoder of r, whose problems name the input name.
func (c *Config) NewDecoder(name string, r io.Reader) *Decoder {
	d := &Decoder{name: name}
	if c != nil {
		d.cfg = *c
	}
	if d.cfg.MaxBytes <= 0 {
		d.cfg.MaxBytes = DefaultMaxBytes
	}
	if d.cfg.MaxDepth <= 0 {
		d.cfg.MaxDepth = DefaultMaxDepth
	}
	d.pos = newPositions(r, d.cfg.MaxBytes)
	d.dec = json.NewDecoder(d.pos)
	d.dec.UseNumber()
	return d
}

// NewDecoder is (*Config).NewDecoder with the zero Config.
func NewDecoder(name string, r io.Reader) *Decoder {
	var c Config
	return c.NewDecoder(name, r)
}

// Next returns the next incident. It returns io.EOF after the last one; any other error
// ends the input, and Next returns it again when called again: an *incident.ParseError of
// code incident.CodeJSONSyntax, CodeJSONDepth, CodeTooLarge or CodeNotStatuspage (matching
// ErrSyntax, ErrDepth, incident.ErrTooLarge or ErrShape), or one of the reader's. An incident that
// cannot be read is an Item whose Err says why; the next ones are still read.
func (d *Decoder) Next() (*Item, error) {
	if d.err != nil {
		return nil, d.err
	}
	p, err := d.next()
	if err != nil {
		d.err = err
		return nil, err
	}
	return d.read(p), nil
}

// next walks the document to its next incident.
func (d *Decoder) next() (*payload, error) {
	for {
		switch d.state {
		case walkStart:
			line, col := d.pos.at(d.dec.InputOffset())
			d.topLine, d.topCol = line, col
			tok, err := d.token()
			if err == io.EOF {
				return nil, d.fatal(line, col, incident.CodeNotStatuspage, "empty input; want Statuspage JSON such as /api/v2/incidents.json")
			}
			if err != nil {
				return nil, err
			}
			switch tok {
			case json.Delim('['):
				d.state, d.list = walkArray, ""
			case json.Delim('{'):
				d.state = walkObject
			default:
				return nil, d.fatal(line, col, incident.CodeNotStatuspage, "JSON %s, not Statuspage JSON; want an object such as /api/v2/incidents.json or an array of incidents", kind(tok))
			}
		case walkArray, walkList:
			if !d.dec.More() {
				if _, err := d.token(); err != nil { // ]
					return nil, err
				}
				if d.state == walkArray {
					return nil, d.end()
				}
				d.state = walkObject
				continue
			}
			path := d.list + "[" + strconv.Itoa(d.index) + "]"
			d.index++
			p, err := d.incident(path)
			if err != nil {
				return nil, err
			}
			if p == nil {
				continue // not an object: reported as an item
			}
			if d.state == walkList && !d.pageSeen {
				d.pending = append(d.pending, *p)
				continue
			}
			return p, nil
		case walkObject:
			if len(d.pending) > 0 && d.pageSeen {
				p := d.pending[0]
				d.pending = d.pending[1:]
				return &p, nil
			}
			if d.closed {
				d.state = walkDone
				if d.bare != nil && !d.wrapper {
					d.found++
					p := d.bare
					d.bare = nil
					return p, nil
				}
				return nil, d.end()
			}
			if !d.dec.More() {
				if _, err := d.token(); err != nil { // }
					return nil, err
				}
				d.closed = true
				d.pageSeen = true // what came without a page is read without one
				continue
			}
			tok, err := d.token()
			if err != nil {
				return nil, err
			}
			key, _ := tok.(string)
			switch key {
			case "page":
				d.wrapper = true
				if err := d.readPage(); err != nil {
					return nil, err
				}
			case "incident":
				d.wrapper = true
				p, err := d.incident("incident")
				if err != nil {
					return nil, err
				}
				if p == nil {
					continue
				}
				if !d.pageSeen {
					d.pending = append(d.pending, *p)
					continue
				}
				return p, nil
			case "incidents", "scheduled_maintenances":
				d.wrapper = true
				line, col := d.pos.at(d.dec.InputOffset())
				tok, err := d.token()
				if err != nil {
					return nil, err
				}
				switch tok {
				case json.Delim('['):
					d.state, d.list, d.index = walkList, key, 0
				case nil:
				default:
					return nil, d.fatal(line, col, incident.CodeNotStatuspage, "%s: want an array of incidents, got %s", key, kind(tok))
				}
			default:
				if incidentKey(key) && !d.wrapper {
					if d.bare == nil {
						d.bare = &payload{line: d.topLine, col: d.topCol}
					}
					if err := d.field(d.bare, key, key); err != nil && !errors.As(err, &d.bare.err) {
						return nil, err
					}
					continue
				}
				if err := d.skip(); err != nil {
					return nil, err
				}
			}
		case walkDone:
			return nil, d.end()
		}
	}
}

// end checks what follows the document and returns io.EOF, or the error that ends the input.
func (d *Decoder) end() error {
	d.state = walkDone
	line, col := d.pos.at(d.dec.InputOffset())
	if _, err := d.dec.Token(); err != io.EOF {
		if err != nil {
			return d.wrap(err)
		}
		return d.fatal(line, col, incident.CodeJSONSyntax, "more JSON after the document; want one document per input")
	}
	if d.found == 0 {
		return d.fatal(0, 0, incident.CodeNotStatuspage, "no incident in the JSON; want Statuspage JSON such as /api/v2/incidents.json")
	}
	return io.EOF
}

// token returns the next token, with its errors as the input's.
func (d *Decoder) token() (json.Token, error) {
	tok, err := d.dec.Token()
	if err != nil {
		return nil, d.wrap(err)
	}
	switch tok {
	case json.Delim('{'), json.Delim('['):
		d.depth++
		if d.depth > d.cfg.MaxDepth {
			line, col := d.pos.at(d.dec.InputOffset() - 1)
			return nil, d.fatal(line, col, incident.CodeJSONDepth, "nested more than %d deep; Statuspage JSON nests 6 deep", d.cfg.MaxDepth)
		}
	case json.Delim('}'), json.Delim(']'):
		d.depth--
	}
	return tok, nil
}

// wrap returns an error of the JSON decoder as the input's.
func (d *Decoder) wrap(err error) error {
	var syn *json.SyntaxError
	switch {
	case err == io.EOF && d.state == walkStart:
		return io.EOF
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		line, col := d.pos.at(d.dec.InputOffset())
		return d.fatal(line, col, incident.CodeJSONSyntax, "unexpected end of JSON; the input is cut short")
	case errors.Is(err, incident.ErrTooLarge):
		return d.fatal(0, 0, incident.CodeTooLarge, "larger than %d MiB; split the list, or raise the limit", d.cfg.MaxBytes>>20)
	case errors.As(err, &syn):
		line, col := d.pos.at(syn.Offset - 1)
		return d.fatal(line, col, incident.CodeJSONSyntax, "invalid JSON: %s", syn.Error())
	}
	return &incident.ParseError{File: d.name, Err: err}
}

// fatal returns the error that ends the input.
func (d *Decoder) fatal(line, col int, code, format string, args ...any) error {
	return &incident.ParseError{File: d.name, Line: line, Column: col, Code: code,
		Err: problem(code, "", format, args...)}
}

// kind names the JSON type of a token.
func kind(tok json.Token) string {
	switch tok.(type) {
	case json.Delim:
		if tok == json.Delim('[') {
			return "array"
		}
		return "object"
	case string:
		return "string"
	case json.Number, float64:
		return "number"
	case bool:
		return "boolean"
	}
	return "null"
}

// skip reads past one value, nested as deep as MaxDepth.
func (d *Decoder) skip() error {
	tok, err := d.token()
	if err != nil {
		return err
	}
	if tok != json.Delim('{') && tok != json.Delim('[') {
		return nil
	}
	return d.skipRest()
}

// skipRest reads past the rest of the array or object just opened.
func (d *Decoder) skipRest() error {
	for depth := d.depth; d.depth >= depth; {
		if _, err := d.token(); err != nil {
			return err
		}
	}
	return nil
}

// typeError is a value of the wrong JSON type inside an incident: the incident is not read,
// the input goes on.
type typeError struct {
	path      string
	line, col int
	msg       string
}

// value reads the next value when it is a string or null; otherwise it skips it and
// returns a *typeError.
func (d *Decoder) str(path, want string) (string, int, int, error) {
	line, col := d.pos.at(d.dec.InputOffset())
	tok, err := d.token()
	if err != nil {
		return "", line, col, err
	}
	switch v := tok.(type) {
	case string:
		return v, line, col, nil
	case nil:
		return "", line, col, nil
	case json.Delim:
		if err := d.skipRest(); err != nil {
			return "", line, col, err
		}
	}
	return "", line, col, &typeError{path: path, line: line, col: col, msg: fmt.Sprintf("want %s, got %s", want, kind(tok))}
}

// open reads the '{' or '[' that starts a value; null reports false. Another value is
// skipped and returned as a *typeError.
func (d *Decoder) open(path string, delim json.Delim, want string) (bool, error) {
	line, col := d.pos.at(d.dec.InputOffset())
	tok, err := d.token()
	if err != nil {
		return false, err
	}
	switch tok {
	case delim:
		return true, nil
	case nil:
		return false, nil
	case json.Delim('{'), json.Delim('['):
		if err := d.skipRest(); err != nil {
			return false, err
		}
	}
	return false, &typeError{path: path, line: line, col: col, msg: fmt.Sprintf("want %s, got %s", want, kind(tok))}
}

func (e *typeError) Error() string { return e.path + ": " + e.msg }

// keepTypeError returns err unless it is a *typeError, which it keeps in *first when it is
// the first: a value of the wrong type fails its incident, but its container is read to
// its end.
func keepTypeError(first *error, err error) error {
	var te *typeError
	if err == nil || !errors.As(err, &te) {
		return err
	}
	if *first == nil {
		*first = err
	}
	return nil
}

// object reads an object (or null), calling f with each key to read its value.
func (d *Decoder) object(path, want string, f func(key, path string) error) error {
	ok, err := d.open(path, '{', want)
	if !ok || err != nil {
		return err
	}
	var first error // the first type error
	for d.dec.More() {
		tok, err := d.token()
		if err != nil {
			return err
		}
		key := tok.(string)
		if err := keepTypeError(&first, f(key, path+"."+key)); err != nil {
			return err
		}
	}
	if _, err := d.token(); err != nil {
		return err
	}
	return first
}

// array reads an array (or null), calling f for each element to read it.
func (d *Decoder) array(path, want string, f func(i int, path string) error) error {
	ok, err := d.open(path, '[', want)
	if !ok || err != nil {
		return err
	}
	var first error
	for i := 0; d.dec.More(); i++ {
		if err := keepTypeError(&first, f(i, path+"["+strconv.Itoa(i)+"]")); err != nil {
			return err
		}
	}
	if _, err := d.token(); err != nil {
		return err
	}
	return first
}

func (d *Decoder) readPage() error {
	var pg page
	err := d.object("page", "the page object", func(key, path string) error {
		var dst *string
		switch key {
		case "id":
			dst = &pg.ID
		case "name":
			dst = &pg.Name
		case "url":
			dst = &pg.URL
		case "time_zone":
			dst = &pg.TimeZone
		default:
			return d.skip()
		}
		s, _, _, err := d.str(path, "a string")
		*dst = s
		return err
	})
	var te *typeError
	if errors.As(err, &te) {
		return d.fatal(te.line, te.col, incident.CodeNotStatuspage, "%s", te.Error())
	}
	if err != nil {
		return err
	}
	d.page, d.pageSeen = pg, true
	return nil
}

// incidentKey reports whether key is a key of an incident object (and not of the
// documents that hold incidents), telling a bare incident from a wrapper.
func incidentKey(key string) bool {
	switch key {
	case "id", "name", "status", "impact", "shortlink", "page_id", "created_at", "started_at",
		"resolved_at", "updated_at", "monitoring_at", "scheduled_for", "scheduled_until",
		"incident_updates", "components":
		return true
	}
	return false
}

// incident reads the incident object at path. A value of the wrong type in it is kept in
// the payload's err, to be reported as its Item.
func (d *Decoder) incident(path string) (*payload, error) {
	line, col := d.pos.at(d.dec.InputOffset())
	p := &payload{path: path, line: line, col: col}
	err := d.object(path, "an incident object", func(key, path string) error {
		return d.field(p, key, path)
	})
	if errors.As(err, &p.err) {
		err = nil
	}
	if err != nil {
		return nil, err
	}
	d.found++
	return p, nil
}

// field reads the value of key of an incident object into p.
func (d *Decoder) field(p *payload, key, path string) error {
	var dst *string
	var st *stamp
	switch key {
	case "id":
		dst = &p.ID
	case "name":
		dst = &p.Name
	case "status":
		dst = &p.Status
	case "impact":
		dst = &p.Impact
	case "shortlink":
		dst = &p.Shortlink
	case "page_id":
		dst = &p.PageID
	case "created_at":
		st = &p.CreatedAt
	case "started_at":
		st = &p.StartedAt
	case "resolved_at":
		st = &p.ResolvedAt
	case "scheduled_for":
		st = &p.ScheduledFor
	case "scheduled_until":
		st = &p.ScheduledUntil
	case "incident_updates":
		return objects(d, &p.Updates, path, "an array of updates", "an update object", d.updateField)
	case "components":
		return objects(d, &p.Components, path, "an array of components", "a component object", func(c *component, key, path string) error {
			switch key {
			case "id":
				return d.into(&c.ID, path)
			case "name":
				return d.into(&c.Name, path)
			}
			return d.skip()
		})
	default:
		return d.skip()
	}
	if st != nil {
		return d.stamp(st, path)
	}
	return d.into(dst, path)
}

// into reads a string (or null) into dst.
func (d *Decoder) into(dst *string, path string) error {
	s, _, _, err := d.str(path, "a string")
	*dst = s
	return err
}

// stamp reads a timestamp (a string or null) into st.
func (d *Decoder) stamp(st *stamp, path string) error {
	s, line, col, err := d.str(path, "an RFC 3339 timestamp string")
	*st = stamp{Text: s, Path: path, Line: line, Col: col}
	return err
}

// objects reads an array of objects (want and wantObj say what is expected, for errors),
// appending to *list one T per object, whose keys field reads. An object is appended even
// when reading it fails, with what was read of it.
func objects[T any](d *Decoder, list *[]T, path, want, wantObj string, field func(v *T, key, path string) error) error {
	return d.array(path, want, func(i int, path string) error {
		var v T
		err := d.object(path, wantObj, func(key, path string) error { return field(&v, key, path) })
		*list = append(*list, v)
		return err
	})
}

// updateField reads the key of an update object.
func (d *Decoder) updateField(u *update, key, path string) error {
	switch key {
	case "id":
		return d.into(&u.ID, path)
	case "status":
		return d.into(&u.Status, path)
	case "body":
		return d.into(&u.Body, path)
	case "created_at":
		return d.stamp(&u.CreatedAt, path)
	case "display_at":
		return d.stamp(&u.DisplayAt, path)
	case "affected_components":
		return objects(d, &u.Affected, path, "an array of affected components", "an affected component object", func(a *affected, key, path string) error {
			switch key {
			case "code":
				return d.into(&a.Code, path)
			case "name":
				return d.into(&a.Name, path)
			case "old_status":
				return d.into(&a.OldStatus, path)
			case "new_status":
				return d.into(&a.NewStatus, path)
			}
			return d.skip()
		})
	}
	return d.skip()
}

// Decode reads every incident of r, a Statuspage JSON input named name (see Decoder for the
// shapes read). It returns the incidents read, in the input's order, and their warnings;
// err is an incident.ErrorList of the incidents that could not be read and of the error that
// ended the input, if any, each with the code of what is wrong.
func (c *Config) Decode(name string, r io.Reader) (incs []*incident.Incident, warnings incident.ErrorList, err error) {
	d := c.NewDecoder(name, r)
	var errs incident.ErrorList
	for {
		it, err := d.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *incident.ParseError
			if !errors.As(err, &pe) {
				pe = &incident.ParseError{File: name, Err: err}
			}
			errs = append(errs, pe)
			break
		}
		warnings = append(warnings, it.Warnings...)
		if it.Err != nil {
			errs = append(errs, it.Err)
			continue
		}
		incs = append(incs, it.Incident)
	}
	return incs, warnings, errs.Err()
}

// Decode is (*Config).Decode with the zero Config.
func Decode(name string, r io.Reader) ([]*incident.Incident, incident.ErrorList, error) {
	var c Config
	return c.Decode(name, r)
}
