package timeline

import (
	"slices"
	"strings"
	"time"
)

// Derive returns the windows that the events' state changes imply, per service.
//
// An event whose State is not LevelUnknown sets the state of its Services (all of services
// when its Services is empty) from its instant At until that service's next state change; the
// last state holds until end. The caller passes the incident's last instant as end, or the
// current time for an incident still open: Derive never reads the clock. Windows are cut at
// end, so a state set at or after end makes no time.
//
// Events need not be sorted; at one instant, the later event in input order wins. Operational
// and every level that is not Degraded, Partial, Major or Maintenance end the service's
// previous state and make no window. Service names that differ only in case are one service,
// spelled as first seen (services first, then the events in order of time). When services is
// empty, events that name no service apply to the unnamed service, whose windows have nil
// Services.
//
// The windows returned are sorted by Start, then End, then Level; a service's consecutive
// windows of one level are joined, and windows of several services with the same Start, End
// and Level are one window whose Services are sorted case-insensitively. Instants keep the
// location they were given in.
func Derive(events []Event, services []string, end time.Time) []Window {
	order := make([]int, 0, len(events))
	for i := range events {
		if events[i].State != LevelUnknown {
			order = append(order, i)
		}
	}
	if len(order) == 0 {
		return nil
	}
	slices.SortStableFunc(order, func(a, b int) int { return events[a].At.Compare(events[b].At) })

	var reg registry
	defaults := make([]int, 0, len(services))
	for _, s := range services {
		defaults = appendUnique(defaults, reg.id(s))
	}
	unnamed := -1 // the service of events when neither they nor services name one
	if len(defaults) == 0 {
		unnamed = len(reg.names)
		reg.names = append(reg.names, "")
		defaults = append(defaults, unnamed)
	}

	type state struct {
		open  bool
		level Level
		at    time.Time
		last  int // index in raws of the service's last window, -1 for none
	}
	type raw struct {
		start, end time.Time
		level      Level
		svc        int
	}
	var states []state
	var raws []raw
	emit := func(svc int, st *state, until time.Time) {
		if until.After(end) {
			until = end
		}
		if rank(st.level, false) < 0 || !st.at.Before(until) {
			return
		}
		if st.last >= 0 && raws[st.last].level == st.level && raws[st.last].end.Equal(st.at) {
			raws[st.last].end = until
			return
		}
		st.last = len(raws)
		raws = append(raws, raw{st.at, until, st.level, svc})
	}
	var targets []int
	for _, i := range order {
		ev := &events[i]
		targets = targets[:0]
		if len(ev.Services) == 0 {
			targets = append(targets, defaults...)
		} else {
			for _, s := range ev.Services {
				targets = appendUnique(targets, reg.id(s))
			}
		}
		for _, svc := range targets {
			for len(states) <= svc {
				states = append(states, state{last: -1})
			}
			st := &states[svc]
			switch {
			case !st.open:
				st.open, st.level, st.at = true, ev.State, ev.At
			case st.at.Equal(ev.At):
				st.level = ev.State // same instant: the later event wins
			case st.level != ev.State:
				emit(svc, st, ev.At)
				st.level, st.at = ev.State, ev.At
			}
		}
	}
	for svc := range states {
		if st := &states[svc]; st.open {
			emit(svc, st, end)
		}
	}
	if len(raws) == 0 {
		return nil
	}

	slices.SortFunc(raws, func(a, b raw) int {
		if c := a.start.Compare(b.start); c != 0 {
			return c
		}
		if c := a.end.Compare(b.end); c != 0 {
			return c
		}
		if a.level != b.level {
			return int(a.level) - int(b.level)
		}
		return compareName(reg.names[a.svc], reg.names[b.svc])
	})
	out := make([]Window, 0, len(raws))
	for i := 0; i < len(raws); {
		j := i + 1
		for j < len(raws) && raws[j].start.Equal(raws[i].start) && raws[j].end.Equal(raws[i].end) &&
			raws[j].level == raws[i].level {
			j++
		}
		w := Window{Start: raws[i].start, End: raws[i].end, Level: raws[i].level}
		for _, r := range raws[i:j] {
			if r.svc != unnamed {
				w.Services = append(w.Services, reg.names[r.svc])
			}
		}
		out = append(out, w)
		i = j
	}
	return out
}

// registry gives service names ids, names that differ only in case sharing one.
type registry struct {
	ids   map[string]int
	names []string
}

func (r *registry) id(name string) int {
	if r.ids == nil {
		r.ids = make(map[string]int)
	}
	key := strings.ToLower(name)
	if id, ok := r.ids[key]; ok {
		return id
	}
	r.ids[key] = len(r.names)
	r.names = append(r.names, name)
	return len(r.names) - 1
}

func appendUnique(s []int, v int) []int {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// Clip returns the parts of ws inside [start, end), in the order of ws. Windows with no time
// inside are left out; the others keep their Level and share their Services with ws. When
// end is not after start, Clip returns nil.
func Clip(ws []Window, start, end time.Time) []Window {
	if !start.Before(end) {
		return nil
	}
	var out []Window
	for _, w := range ws {
		if w.Start.Before(start) {
			w.Start = start
		}
		if w.End.After(end) {
			w.End = end
		}
		if w.Start.Before(w.End) {
			out = append(out, w)
		}
	}
	return out
}

// Measure returns the totals of ws, which may overlap and need not be sorted: the time of
// the union of the windows at each level, every instant counted once at its worst level
// (Major > Partial > Degraded > Maintenance), and the downtime Major + PartialWeight × Partial
// rounded to the nanosecond. Windows that Merge leaves out count nothing. A nil *Policy is the
// zero Policy.
func (c *Policy) Measure(ws []Window) Totals {
	if c == nil {
		c = &Policy{}
	}
	var m Merger
	return m.measure(ws, c.PartialWeight.Share(), false)
}

// Measure is Measure with the zero Policy.
func Measure(ws []Window) Totals {
	var c Policy
	return c.Measure(ws)
}

// Span returns the first instant at Partial or worse and the last instant leaving it,
// whatever lies between; both are zero when no window at Partial or Major holds time. The
// instants keep the location they have in ws.
func Span(ws []Window) (start, end time.Time) {
	found := false
	for _, w := range ws {
		if !w.Level.Outage() || !w.Start.Before(w.End) {
			continue
		}
		if !found || w.Start.Before(start) {
			start = w.Start
		}
		if !found || w.End.After(end) {
			end = w.End
		}
		found = true
	}
	return start, end
}

// Filter returns the windows of ws that name any of services, in the order of ws, each
// with Services narrowed to those among services (in its own order and spelling). Names match
// case-insensitively. Windows with nil Services name no service and are left out. With no
// services, Filter applies no filter and returns a copy of ws. The result shares no Services
// slice with ws.
func Filter(ws []Window, services ...string) []Window {
	if len(services) == 0 {
		out := slices.Clone(ws)
		for i := range out {
			out[i].Services = slices.Clone(out[i].Services)
		}
		return out
	}
	want := make(map[string]bool, len(services))
	for _, s := range services {
		want[strings.ToLower(s)] = true
	}
	var out []Window
	for _, w := range ws {
		var keep []string
		for _, s := range w.Services {
			if want[strings.ToLower(s)] {
				keep = append(keep, s)
			}
		}
		if keep != nil {
			w.Services = keep
			out = append(out, w)
		}
	}
	return out
}
