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
// and Level are one window whose Services are sorted case-insensitively.
//
// Services that share a history (no event names one without the other) share their windows:
// the work and the memory grow with the events and the names they list, not with services ×
// events, and the windows of such services share one Services slice, which callers treat as
// read-only. Instants keep the location they were given in.
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

	var reg serviceIDs
	idOf := func(name string) int {
		id, _ := reg.id(name)
		return int(id)
	}
	var defaults []int
	for _, s := range services {
		defaults = appendUnique(defaults, idOf(s))
	}
	unnamed := len(defaults) == 0 // the one service of events when neither they nor services name one
	if unnamed {
		defaults = append(defaults, int(reg.reserve()))
	}

	// A service's history is the default events, if it is a default service, and the events
	// that name it: services with the same history form one class.
	isDefault := make([]bool, len(reg.names), len(reg.names)+8)
	for _, id := range defaults {
		isDefault[id] = true
	}
	var named [][]int32 // per service: the positions in order of the events that name it
	for k, i := range order {
		for _, s := range events[i].Services {
			id := idOf(s)
			for len(named) <= id {
				named = append(named, nil)
			}
			if l := named[id]; len(l) == 0 || l[len(l)-1] != int32(k) {
				named[id] = append(l, int32(k))
			}
		}
	}
	for len(isDefault) < len(reg.names) {
		isDefault = append(isDefault, false)
	}
	for len(named) < len(reg.names) {
		named = append(named, nil)
	}
	classOf := make([]int, len(reg.names))
	classes := make(map[string]int)
	var members [][]int // per class: its services
	for id := range reg.names {
		key := make([]byte, 1, 1+4*len(named[id]))
		if isDefault[id] {
			key[0] = 1
		}
		for _, k := range named[id] {
			key = append(key, byte(k), byte(k>>8), byte(k>>16), byte(k>>24))
		}
		c, ok := classes[string(key)]
		if !ok {
			c = len(members)
			classes[string(key)] = c
			members = append(members, nil)
		}
		classOf[id] = c
		members[c] = append(members[c], id)
	}
	var defaultClasses []int
	for c, ms := range members {
		if isDefault[ms[0]] {
			defaultClasses = append(defaultClasses, c)
		}
	}

	type state struct {
		open  bool
		level Level
		at    time.Time
		last  int // index in raws of the class's last window, -1 for none
		mark  int // the position of the last event that touched the class, +1
	}
	type raw struct {
		start, end time.Time
		level      Level
		class      int
	}
	states := make([]state, len(members))
	for c := range states {
		states[c].last = -1
	}
	raws := make([]raw, 0, len(order)) // about one window a state change
	emit := func(c int, st *state, until time.Time) {
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
		raws = append(raws, raw{st.at, until, st.level, c})
	}
	var targets []int
	for k, i := range order {
		ev := &events[i]
		targets = targets[:0]
		if len(ev.Services) == 0 {
			targets = append(targets, defaultClasses...)
		} else {
			for _, s := range ev.Services {
				c := classOf[idOf(s)]
				if states[c].mark != k+1 {
					states[c].mark = k + 1
					targets = append(targets, c)
				}
			}
		}
		for _, c := range targets {
			st := &states[c]
			switch {
			case !st.open:
				st.open, st.level, st.at = true, ev.State, ev.At
			case st.at.Equal(ev.At):
				st.level = ev.State // same instant: the later event wins
			case st.level != ev.State:
				emit(c, st, ev.At)
				st.level, st.at = ev.State, ev.At
			}
		}
	}
	for c := range states {
		if st := &states[c]; st.open {
			emit(c, st, end)
		}
	}
	if len(raws) == 0 {
		return nil
	}

	// Each class's names, sorted, shared by its windows.
	names := make([][]string, len(members))
	nameOf := func(c int) []string {
		if names[c] == nil && !(unnamed && members[c][0] == 0) {
			ns := make([]string, len(members[c]))
			for i, id := range members[c] {
				ns[i] = reg.names[id]
			}
			slices.SortFunc(ns, CompareServices)
			names[c] = ns
		}
		return names[c]
	}
	slices.SortFunc(raws, func(a, b raw) int {
		if c := a.start.Compare(b.start); c != 0 {
			return c
		}
		if c := a.end.Compare(b.end); c != 0 {
			return c
		}
		return int(a.level) - int(b.level)
	})
	out := make([]Window, 0, len(raws))
	for i := 0; i < len(raws); {
		j := i + 1
		for j < len(raws) && raws[j].start.Equal(raws[i].start) && raws[j].end.Equal(raws[i].end) &&
			raws[j].level == raws[i].level {
			j++
		}
		w := Window{Start: raws[i].start, End: raws[i].end, Level: raws[i].level, Services: nameOf(raws[i].class)}
		if j > i+1 {
			n := 0
			for _, r := range raws[i:j] {
				n += len(nameOf(r.class))
			}
			all := make([]string, 0, n)
			for _, r := range raws[i:j] {
				all = append(all, nameOf(r.class)...)
			}
			slices.SortFunc(all, CompareServices)
			w.Services = all
		}
		out = append(out, w)
		i = j
	}
	return out
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
	if t, ok := measureDisjoint(ws, c.PartialWeight.Share()); ok {
		return t
	}
	return measure(ws, c.PartialWeight.Share(), false)
}

// measureDisjoint returns the totals of ws when its windows that hold time are sorted by
// Start and do not overlap, as Merge and ByService return them: each instant is then in one
// window, and the totals are the sums of their lengths, made without the sweep's sorted
// copy. It reports false for other windows. Metrics measures its merged windows so: one
// sweep, with its sorted copy of the points, fewer per incident.
func measureDisjoint(ws []Window, weight float64) (Totals, bool) {
	var t Totals
	var end instant // of the last window that holds time
	found := false
	for i := range ws {
		w := &ws[i]
		s, e := instantOf(w.Start), instantOf(w.End)
		if rank(w.Level, false) < 0 || !s.before(e) {
			continue
		}
		if found && s.before(end) {
			return Totals{}, false
		}
		t.add(w.Level, e.sub(s))
		end, found = e, true
	}
	t.Downtime = addSat(t.Major, scale(t.Partial, weight))
	return t, true
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
// slice with ws; windows of ws that share a Services slice share the narrowed one.
//
// Filter the windows of Derive and of an incident's outages, before Merge: a merged window
// names the services at its level, not the history of each (see ByService).
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
	var last, lastKeep []string
	for _, w := range ws {
		var keep []string
		if len(w.Services) > 0 && len(last) == len(w.Services) && &last[0] == &w.Services[0] {
			keep = lastKeep
		} else {
			for _, s := range w.Services {
				if want[strings.ToLower(s)] {
					keep = append(keep, s)
				}
			}
			last, lastKeep = w.Services, keep
		}
		if keep != nil {
			w.Services = keep
			out = append(out, w)
		}
	}
	return out
}

// ServiceWindows are one service's own windows.
type ServiceWindows struct {
	Service string   // the service, spelled as Merge spells it
	Windows []Window // its windows merged as by Merge, with nil Services
}

// ByService returns, for each service that ws names, the windows of ws that name it merged
// as by Merge: what that service went through, whatever the others did. Services are sorted
// case-insensitively; names that differ only in case are one service, spelled as the smallest
// of its spellings. Windows that name no service belong to none.
//
// Services named by the same windows (as Derive's windows are for services with one history)
// share one Windows slice: treat it as read-only. The work grows with the windows, the names
// they list, and the windows of each distinct history, not with services × windows.
func ByService(ws []Window) []ServiceWindows {
	var m merger
	grp := make([]int32, len(ws))
	for i := range ws {
		grp[i] = m.group(&ws[i])
	}
	if len(m.ids.names) == 0 {
		return nil
	}
	byService := make([][]int32, len(m.ids.names)) // the groups naming each service
	for g, ids := range m.members {
		for _, id := range ids {
			byService[id] = append(byService[id], int32(g))
		}
	}
	classes := make(map[string][]Window)
	out := make([]ServiceWindows, len(m.ids.names))
	in := make([]bool, len(m.members))
	own := make([]Window, 0, len(ws)) // a class's windows, reused: Merge keeps none of them
	for id, gs := range byService {
		key := idsKey(gs)
		merged, ok := classes[key]
		if !ok {
			for _, g := range gs {
				in[g] = true
			}
			own = own[:0]
			for i := range ws {
				if grp[i] >= 0 && in[grp[i]] {
					w := ws[i]
					w.Services = nil
					own = append(own, w)
				}
			}
			for _, g := range gs {
				in[g] = false
			}
			merged = Merge(own)
			classes[key] = merged
		}
		out[id] = ServiceWindows{Service: m.ids.names[id], Windows: merged}
	}
	slices.SortFunc(out, func(a, b ServiceWindows) int { return CompareServices(a.Service, b.Service) })
	return out
}
