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
func (d *decoder) time(n *yaml.Node, path string, ck *clock, approx, window bool) (Time, Time, bool) {
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
func (d *decoder) tzReport(n *yaml.Node, path, raw string, err error, warning bool) {
	if len(d.errs) >= d.max && !warning {
		return
	}
	pe := &ParseError{File: d.file, Line: n.Line, Column: n.Column, Path: path, Err: tzError(err, ""), Warning: warning, Code: codeOf(err)}
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

func (d *decoder) timeline(n *yaml.Node, path string) []Event {
	var out []Event
	ck := clock{date: d.inc.Date}
	d.list(n, path, "events ({at, text, kind, state})", func(i int, c *yaml.Node, p string) {
		v, _, ok := d.fields(c, p, eventKeys)
		if !ok {
			return
		}
		ev := Event{
			Text:     d.str(v[1], join(p, "text")),
			State:    d.level(v[3], join(p, "state")),
			Services: d.strs(v[4], join(p, "services")),
			Ignore:   d.ignore(v[6], join(p, "ignore")),
			pos:      pos{line: c.Line, col: c.Column, path: p, item: i + 1},
		}
		d.enum(v[2], join(p, "kind"), &ev.Kind)
		approx := d.boolean(v[5], join(p, "approx"))
		if v[0] == nil {
			d.errorf(c, join(p, "at"), ErrMissing, "event without at: write when it happened, like at: \"10:36\"")
			return
		}
		at, _, ok := d.time(v[0], join(p, "at"), &ck, approx, false)
		if !ok {
			return
		}
		ev.At = at
		out = append(out, ev)
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

var outageKeys = []string{"start", "end", "level", "services", "ignore"}

func (d *decoder) outages(n *yaml.Node, path string) []Outage {
	var out []Outage
	// One list: a time without a date takes the date of the previous time, as in the timeline.
	ck := clock{date: d.inc.Date}
	d.list(n, path, "outages ({start, end, level, services})", func(i int, c *yaml.Node, p string) {
		v, _, ok := d.fields(c, p, outageKeys)
		if !ok {
			return
		}
		o := Outage{
			Level:    d.level(v[2], join(p, "level")),
			Services: d.strs(v[3], join(p, "services")),
			Ignore:   d.ignore(v[4], join(p, "ignore")),
			pos:      pos{line: c.Line, col: c.Column, path: p, item: i + 1},
		}
		if o.Level == 0 && v[2] == nil {
			o.Level = defaultOutageLevel
		}
		start, _, ok1 := d.time(v[0], join(p, "start"), &ck, false, false)
		end, _, ok2 := d.time(v[1], join(p, "end"), &ck, false, false)
		if !ok1 || !ok2 {
			return
		}
		o.Start, o.End = start, end
		out = append(out, o)
	})
	return out
}

var windowKeys = []string{"start", "end"}

func (d *decoder) scheduled(n *yaml.Node, path string) *Schedule {
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
	v, _, ok := d.fields(n, path, windowKeys)
	if !ok {
		return nil
	}
	start, _, ok1 := d.time(v[0], join(path, "start"), &ck, false, false)
	end, _, ok2 := d.time(v[1], join(path, "end"), &ck, false, false)
	if !ok1 || !ok2 {
		return nil
	}
	return &Schedule{Start: start, End: end}
}
