package incident

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
	"gopkg.in/yaml.v3"
)

// clock is the context of a list of times: the date and instant of the previous one.
type clock struct {
	date  tz.Date
	after time.Time
}

// time reads a time expression. It reports false when the time could not be read.
// window is set when the expression may be a window (scheduled); the second Time is its end.
func (d *decoder) time(n *yaml.Node, path fieldPath, ck *clock, approx, window bool) (Time, Time, bool) {
	if n == nil || isNull(n) {
		d.errorf(n, path, ErrMissing, "time missing; write it like \"10:36\", \"10:36am EDT\" or \"2016-07-26 14:36 UTC\"")
		return Time{}, Time{}, false
	}
	raw := d.str(n, path)
	text := strings.TrimSpace(raw)
	if text == "" {
		if deref(n).Kind == yaml.ScalarNode {
			d.errorf(n, path, ErrMissing, "empty time; write it like \"10:36\", \"10:36am EDT\" or \"2016-07-26 14:36 UTC\"")
		}
		return Time{}, Time{}, false
	}
	e, err := tz.Parse(text, tz.Context{
		Date:     ck.date,
		Location: d.inc.Location,
		After:    ck.after,
		Policy:   tz.Reject,
	})
	if err != nil {
		d.tzReport(n, path, raw, err, false)
		return Time{}, Time{}, false
	}
	if !window && !e.End.IsZero() {
		d.errorf(n, path, ErrInvalid, "%q is a window; want one instant here (give start and end separately)", text)
		return Time{}, Time{}, false
	}
	if window && e.End.IsZero() {
		d.errorf(n, path, ErrInvalid, "%q is one instant; want a window like \"9am-12pm EDT\", or write start: and end:", text)
		return Time{}, Time{}, false
	}
	for _, w := range e.Warnings {
		d.tzReport(n, path, raw, w, true)
	}
	loc := e.Location
	if loc == nil {
		loc = d.inc.Location
	}
	p := pos{line: n.Line, col: n.Column, path: path}
	t := Time{Instant: e.Start, Written: raw, Loc: loc, Approx: e.Approx || approx, Dated: e.Dated, src: p}
	ck.date, ck.after = e.Date, e.Start
	if !window {
		return t, Time{}, true
	}
	end := t
	end.Instant = e.End
	return t, end, true
}

// tzReport reports an error of package tz, pointing at the offending part of the text when
// the scalar is on one line without escapes.
func (d *decoder) tzReport(n *yaml.Node, path fieldPath, raw string, err error, warning bool) {
	if len(d.errs) >= d.max && !warning {
		return
	}
	pe := &ParseError{File: d.file, Line: n.Line, Column: n.Column, Path: path.String(), Err: tzError(err, ""), Warning: warning, Code: codeOf(err)}
	var te *tz.Error
	if v := deref(n); v == n && errors.As(err, &te) && te.Offset > 0 && !strings.ContainsAny(raw, "\n\\") {
		lead := len(raw) - len(strings.TrimLeft(raw, " \t"))
		switch v.Style {
		case 0:
			pe.Column += lead + te.Offset
		case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
			if !strings.Contains(raw, "'") {
				pe.Column += 1 + lead + te.Offset
			}
		}
	}
	if warning {
		d.src.warnings = append(d.src.warnings, pe)
		return
	}
	d.fail(path)
	d.errs = append(d.errs, pe)
}

var eventKeys = []string{"at", "text", "kind", "state", "services", "approx", "ignore"}

func (d *decoder) timeline(n *yaml.Node, path fieldPath) []Event {
	var out []Event
	if n != nil && deref(n).Kind == yaml.SequenceNode {
		out = make([]Event, 0, len(deref(n).Content))
	}
	ck := clock{date: d.inc.Date}
	d.list(n, path, "events ({at, text, kind, state})", func(i int, c *yaml.Node, p fieldPath) {
		var buf [fieldsBuf]*yaml.Node
		v, _, ok := d.fields(c, p, eventKeys, buf[:])
		if !ok {
			return
		}
		// The event is filled in place, and a field's path made only when it is written:
		// an absent field is read as zero without one.
		out = append(out, Event{pos: pos{line: c.Line, col: c.Column, path: p, item: i + 1}})
		ev := &out[len(out)-1]
		if v[1] != nil {
			ev.Text = d.str(v[1], p.join("text"))
		}
		if v[3] != nil {
			ev.State = d.level(v[3], p.join("state"))
		}
		if v[4] != nil {
			ev.Services = d.strs(v[4], p.join("services"))
		}
		if v[6] != nil {
			ev.Ignore = d.ignore(v[6], p.join("ignore"))
		}
		if v[2] != nil {
			d.enum(v[2], p.join("kind"), func(name string) error {
				k, err := timeline.ParseEventKind(name)
				if err == nil {
					ev.Kind = k
				}
				return err
			})
		}
		approx := v[5] != nil && d.boolean(v[5], p.join("approx"))
		if v[0] == nil {
			out = out[:len(out)-1]
			d.errorf(c, p.join("at"), ErrMissing, "event without at: write when it happened, like at: \"10:36\"")
			return
		}
		at, _, ok := d.time(v[0], p.join("at"), &ck, approx, false)
		if !ok {
			out = out[:len(out)-1]
			return
		}
		ev.At = at
	})
	sortEvents(out)
	return out
}

// sortEvents sorts events by instant, keeping the written order of equal instants.
func sortEvents(evs []Event) {
	slices.SortStableFunc(evs, func(a, b Event) int { return a.At.Instant.Compare(b.At.Instant) })
}

// defaultOutageLevel is the level of an outage written without one.
const defaultOutageLevel = timeline.Major

var outageKeys = []string{"start", "end", "level", "services", "ignore", "window"}

const (
	oStart = iota
	oEnd
	oLevel
	oServices
	oIgnore
	oWindow
)

// outages reads the explicit outage windows. An item is {start, end, level, services}, or
// {window, level, services} with the window as written ("from 5:45 AM to 7:00 AM UTC"), or
// that window alone as a string (level major_outage, the incident's services).
func (d *decoder) outages(n *yaml.Node, path fieldPath) []Outage {
	var out []Outage
	// One list: a time without a date takes the date of the previous time, as in the timeline.
	ck := clock{date: d.inc.Date}
	d.list(n, path, "outages ({start, end, level, services} or a window such as \"10:50-12:38\")", func(i int, c *yaml.Node, p fieldPath) {
		o := Outage{Level: defaultOutageLevel, pos: pos{line: c.Line, col: c.Column, path: p, item: i + 1}}
		if v := deref(c); v.Kind == yaml.ScalarNode && !isNull(v) {
			start, end, ok := d.time(c, p, &ck, false, true)
			if !ok {
				return
			}
			o.Start, o.End, o.pos.window = start, end, true
			out = append(out, o)
			return
		}
		if isNull(c) {
			d.errorf(c, p, ErrMissing, "empty outage; write a window like \"10:50-12:38\" or {start: ..., end: ...}, or remove it")
			return
		}
		var buf [fieldsBuf]*yaml.Node
		v, _, ok := d.fields(c, p, outageKeys, buf[:])
		if !ok {
			return
		}
		o.Level = d.level(v[oLevel], p.join("level"))
		o.Services = d.strs(v[oServices], p.join("services"))
		o.Ignore = d.ignore(v[oIgnore], p.join("ignore"))
		if o.Level == 0 && v[oLevel] == nil {
			o.Level = defaultOutageLevel
		}
		if v[oWindow] != nil {
			if v[oStart] != nil || v[oEnd] != nil {
				at := v[oStart]
				if at == nil {
					at = v[oEnd]
				}
				d.errorf(at, p.join("window"), ErrInvalid, "an outage has either window: or start: and end:, not both; remove one")
				return
			}
			start, end, ok := d.time(v[oWindow], p.join("window"), &ck, false, true)
			if !ok {
				return
			}
			o.Start, o.End, o.pos.window = start, end, true
			out = append(out, o)
			return
		}
		start, ok1 := d.bound(c, v[oStart], p.join("start"), &ck, "outage")
		end, ok2 := d.bound(c, v[oEnd], p.join("end"), &ck, "outage")
		if !ok1 || !ok2 {
			return
		}
		o.Start, o.End = start, end
		out = append(out, o)
	})
	return out
}

// bound reads the start or end of a window written as a mapping. One that is absent is
// reported at the mapping m.
func (d *decoder) bound(m, n *yaml.Node, path fieldPath, ck *clock, what string) (Time, bool) {
	if n == nil {
		key := path.key
		d.errorf(m, path, ErrMissing, "%s without %s: write it like %s: \"10:36\", or write the window as the post does, like window: \"from 10:50 to 12:38 EDT\"", what, key, key)
		return Time{}, false
	}
	t, _, ok := d.time(n, path, ck, false, false)
	return t, ok
}

var windowKeys = []string{"start", "end"}

func (d *decoder) scheduled(n *yaml.Node, path fieldPath) *Schedule {
	if n == nil || isNull(n) {
		return nil
	}
	ck := clock{date: d.inc.Date}
	if deref(n).Kind == yaml.ScalarNode {
		start, end, ok := d.time(n, path, &ck, false, true)
		if !ok {
			return nil
		}
		return &Schedule{Start: start, End: end}
	}
	var buf [fieldsBuf]*yaml.Node
	v, _, ok := d.fields(n, path, windowKeys, buf[:])
	if !ok {
		return nil
	}
	start, ok1 := d.bound(n, v[0], path.join("start"), &ck, "scheduled window")
	end, ok2 := d.bound(n, v[1], path.join("end"), &ck, "scheduled window")
	if !ok1 || !ok2 {
		return nil
	}
	return &Schedule{Start: start, End: end}
}
