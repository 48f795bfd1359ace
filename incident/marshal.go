package incident

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"gopkg.in/yaml.v3"
)

// Marshal returns inc as a YAML document of format version 1 that Parse reads back to an equal
// incident. Times keep the text they were written with, so their zones and approximations
// survive; a time without text (built in code) is written in RFC 3339 in its zone, or as a
// wall clock when undated. Events are written in the order they were read, which keeps the
// meaning of times written without a date. The id is written only when it is not the one
// derived from the slug, and the slug only when it is not the one derived from title and date.
// Errors: ErrInvalid for a value that has no text form (such as an out-of-range enum).
func Marshal(inc *Incident) ([]byte, error) {
	doc, err := marshalNode(inc)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, errorf(ErrInvalid, "incident: %v", err)
	}
	if err := enc.Close(); err != nil {
		return nil, errorf(ErrInvalid, "incident: %v", err)
	}
	return buf.Bytes(), nil
}

type mapBuilder struct{ n *yaml.Node }

func newMap() mapBuilder { return mapBuilder{&yaml.Node{Kind: yaml.MappingNode}} }

func (m mapBuilder) add(key string, v *yaml.Node) {
	if v == nil {
		return
	}
	m.n.Content = append(m.n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}

// str returns a string node, or nil for "" (left out).
func str(s string) *yaml.Node {
	if s == "" {
		return nil
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
		if !literalSafe(s) {
			n.Style = yaml.DoubleQuotedStyle
		}
	}
	return n
}

// literalSafe reports whether a literal block scalar (|) keeps s exactly: it loses leading
// blank lines and cannot hold carriage returns or other control characters.
func literalSafe(s string) bool {
	if strings.HasPrefix(s, "\n") || strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\t") {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' || r == 0x7f || r == '\u0085' || r == '\u2028' || r == '\u2029' || r == '\ufeff' {
			return false
		}
	}
	return true
}

// strOrEmpty is str, with "" written as "".
func strOrEmpty(s string) *yaml.Node {
	if s == "" {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle}
	}
	return str(s)
}

// timeStr is a time's text: always quoted, so that YAML never reads it as a number or a date.
func timeStr(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

func plain(s, tag string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: s}
}

func strList(ss []string, flow bool) *yaml.Node {
	if len(ss) == 0 {
		return nil
	}
	n := &yaml.Node{Kind: yaml.SequenceNode}
	if flow {
		n.Style = yaml.FlowStyle
	}
	for _, s := range ss {
		n.Content = append(n.Content, strOrEmpty(s))
	}
	return n
}

func flowList(ss []string) *yaml.Node {
	for _, s := range ss {
		if len(s) > 40 || strings.ContainsAny(s, "\n,[]{}#&*!|>'\"%@`") {
			return strList(ss, false)
		}
	}
	return strList(ss, true)
}

type textMarshaler interface{ MarshalText() ([]byte, error) }

func enumNode(v textMarshaler, zero bool) (*yaml.Node, error) {
	if zero {
		return nil, nil
	}
	b, err := v.MarshalText()
	if err != nil {
		return nil, err
	}
	return plain(string(b), "!!str"), nil
}

func dateNode(d interface {
	IsZero() bool
	String() string
}) *yaml.Node {
	if d.IsZero() {
		return nil
	}
	return plain(d.String(), "") // plain, like the files people write
}

// timeText returns the text of t as Parse will read it.
func timeText(t Time) string {
	if t.Written != "" {
		return t.Written
	}
	var s string
	if !t.Dated {
		s = t.Instant.UTC().Format("15:04:05")
	} else {
		s = t.Instant.In(locOr(t.Loc)).Format(time.RFC3339Nano)
	}
	if t.Approx {
		s += "~"
	}
	return s
}

func marshalNode(inc *Incident) (*yaml.Node, error) {
	m := newMap()
	m.add("postmortem", plain("1", "!!int"))
	if inc.ID != uuid.Nil && inc.ID != DeriveID(inc.Slug) {
		m.add("id", plain(inc.ID.String(), "!!str"))
	}
	m.add("title", str(inc.Title))
	if inc.Slug != "" && inc.Slug != DeriveSlug(inc.Title, inc.Date) {
		m.add("slug", str(inc.Slug))
	}
	if inc.Kind != KindIncident {
		n, err := enumNode(inc.Kind, inc.Kind == KindUnknown)
		if err != nil {
			return nil, err
		}
		m.add("kind", n)
	}
	m.add("date", dateNode(inc.Date))
	zone := inc.TimeZone
	if zone == "" && inc.Location != nil && inc.Location != time.UTC && inc.Location.String() != "UTC" {
		zone = inc.Location.String() // built in code: name the zone the times are read in
	}
	m.add("timezone", str(zone))
	m.add("services", flowList(inc.Services))
	m.add("severity", str(inc.Severity))
	n, err := enumNode(inc.Status, inc.Status == StatusUnknown)
	if err != nil {
		return nil, err
	}
	m.add("status", n)
	m.add("authors", flowList(inc.Authors))
	m.add("published", dateNode(inc.Published))
	m.add("summary", str(inc.Summary))
	m.add("impact", str(inc.Impact))

	if len(inc.Timeline) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, ev := range writtenOrder(inc.Timeline) {
			e := newMap()
			e.add("at", timeStr(timeText(ev.At)))
			if ev.At.Approx && ev.At.Written != "" && !strings.HasSuffix(strings.TrimSpace(ev.At.Written), "~") {
				e.add("approx", plain("true", "!!bool"))
			}
			n, err := enumNode(ev.Kind, ev.Kind == 0)
			if err != nil {
				return nil, err
			}
			e.add("kind", n)
			if ev.State != 0 {
				n, err := enumNode(ev.State, false)
				if err != nil {
					return nil, err
				}
				e.add("state", n)
			}
			e.add("services", flowList(ev.Services))
			e.add("text", str(ev.Text))
			e.add("ignore", flowList(ev.Ignore))
			seq.Content = append(seq.Content, e.n)
		}
		m.add("timeline", seq)
	}
	if len(inc.Outages) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, o := range inc.Outages {
			window := o.Start.Written != "" && o.Start.Written == o.End.Written &&
				(o.pos.window || !o.Start.Instant.Equal(o.End.Instant))
			if window && o.Level == defaultOutageLevel && len(o.Services) == 0 && len(o.Ignore) == 0 {
				seq.Content = append(seq.Content, timeStr(o.Start.Written))
				continue
			}
			e := newMap()
			if window {
				e.add("window", timeStr(o.Start.Written))
			} else {
				e.add("start", timeStr(timeText(o.Start)))
				e.add("end", timeStr(timeText(o.End)))
			}
			n, err := enumNode(o.Level, false)
			if err != nil {
				return nil, err
			}
			e.add("level", n)
			e.add("services", flowList(o.Services))
			e.add("ignore", flowList(o.Ignore))
			seq.Content = append(seq.Content, e.n)
		}
		m.add("outages", seq)
	}
	if w := inc.Scheduled; w != nil {
		if w.Start.Written != "" && w.Start.Written == w.End.Written {
			m.add("scheduled", timeStr(w.Start.Written))
		} else {
			e := newMap()
			e.add("start", timeStr(timeText(w.Start)))
			e.add("end", timeStr(timeText(w.End)))
			m.add("scheduled", e.n)
		}
	}
	m.add("root_causes", causes(inc.RootCauses))
	m.add("trigger", str(inc.Trigger))
	m.add("detection", str(inc.Detection))
	m.add("resolution", str(inc.Resolution))
	m.add("contributing_factors", causes(inc.ContributingFactors))
	if l := inc.Lessons; len(l.WentWell)+len(l.WentWrong)+len(l.Lucky) > 0 {
		e := newMap()
		e.add("went_well", strList(l.WentWell, false))
		e.add("went_wrong", strList(l.WentWrong, false))
		e.add("lucky", strList(l.Lucky, false))
		m.add("lessons", e.n)
	}
	if len(inc.ActionItems) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, a := range inc.ActionItems {
			e := newMap()
			e.add("text", str(a.Text))
			n, err := enumNode(a.Kind, a.Kind == 0)
			if err != nil {
				return nil, err
			}
			e.add("kind", n)
			e.add("owner", str(a.Owner))
			e.add("priority", str(a.Priority))
			e.add("due", dateNode(a.Due))
			if n, err = enumNode(a.Status, a.Status == 0); err != nil {
				return nil, err
			}
			e.add("status", n)
			e.add("link", str(a.Link))
			e.add("ignore", flowList(a.Ignore))
			seq.Content = append(seq.Content, e.n)
		}
		m.add("action_items", seq)
	}
	if len(inc.Links) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, l := range inc.Links {
			e := newMap()
			e.add("title", str(l.Title))
			e.add("url", str(l.URL))
			seq.Content = append(seq.Content, e.n)
		}
		m.add("links", seq)
	}
	if src := inc.Source; src != nil {
		e := newMap()
		e.add("system", str(src.System))
		e.add("id", str(src.ID))
		e.add("page", str(src.Page))
		e.add("url", str(src.URL))
		m.add("source", e.n)
	}
	m.add("ignore", flowList(inc.Ignore))
	return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{m.n}}, nil
}

func causes(cs []Cause) *yaml.Node {
	if len(cs) == 0 {
		return nil
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, c := range cs {
		if c.Category == "" {
			seq.Content = append(seq.Content, strOrEmpty(c.Text))
			continue
		}
		e := newMap()
		e.add("text", str(c.Text))
		e.add("category", str(c.Category))
		seq.Content = append(seq.Content, e.n)
	}
	return seq
}

// writtenOrder returns the events in the order the file had them when every event comes
// from the file, else in their order.
func writtenOrder(evs []Event) []Event {
	for _, ev := range evs {
		if ev.pos.item == 0 {
			return evs
		}
	}
	out := slices.Clone(evs)
	slices.SortStableFunc(out, func(a, b Event) int { return cmp.Compare(a.pos.item, b.pos.item) })
	return out
}
