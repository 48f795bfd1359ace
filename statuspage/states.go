package statuspage

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
)

// services returns the incident's services: the names of components[] in order, then the
// components named only by updates' affected entries, in the order they are first named.
// Entries are matched to components by code (the component's id), never by name; an entry
// without a code is a placeholder ("No components were affected by this update.").
func (r *reading) services() []string {
	r.names = make(map[string]string)
	var out []string
	used := make(map[string]bool)
	add := func(id, name string) {
		name = strings.TrimSpace(name)
		if name == "" {
			name = id
		}
		if used[strings.ToLower(name)] { // two components of one name: tell them apart
			name += " (" + id + ")"
		}
		used[strings.ToLower(name)] = true
		r.names[id] = name
		out = append(out, name)
	}
	for _, c := range r.p.Components {
		if c.ID != "" && r.names[c.ID] == "" {
			add(c.ID, c.Name)
		}
	}
	// The name an entry gives is the one of its time; the latest is the one kept.
	latest := make(map[string]string)
	var order []string
	for _, t := range r.updates {
		for _, a := range t.u.Affected {
			if a.Code == "" {
				continue
			}
			if _, ok := latest[a.Code]; !ok {
				order = append(order, a.Code)
			}
			latest[a.Code] = a.Name
		}
	}
	var unknown []string
	for _, code := range order {
		if r.names[code] != "" {
			continue
		}
		add(code, latest[code])
		unknown = append(unknown, r.names[code])
	}
	if len(unknown) > 0 && len(r.p.Components) > 0 {
		r.warn(incident.CodeUnknownComponent, "updates name components that components[] lacks: %s; they are added to services",
			strings.Join(unknown, ", "))
	}
	r.serviceList = out
	return out
}

// level is the level of a component status; false when it names none.
func level(s string) (timeline.Level, bool) {
	if s == "" {
		return 0, false
	}
	l, err := timeline.ParseLevel(s)
	return l, err == nil && l != timeline.LevelUnknown
}

// onComponents reports whether the states come from the components: whether an affected
// entry with a code names a status other than operational.
func (r *reading) onComponents() bool {
	for _, t := range r.updates {
		for _, a := range t.u.Affected {
			if a.Code == "" {
				continue
			}
			for _, s := range []string{a.NewStatus, a.OldStatus} {
				if l, ok := level(s); ok && l != timeline.Operational {
					return true
				}
			}
		}
	}
	return false
}

// span is a window of the reading, its ends as written.
type span struct {
	start, end incident.Time
	level      timeline.Level
	services   []string
}

// outages returns the incident's windows [start, end), on one of three bases: the
// maintenance's progress, the components' statuses, or else the impact.
func (r *reading) outages(inc *incident.Incident, start, end incident.Time, maint bool) []incident.Outage {
	var spans []span
	switch {
	case maint:
		spans = r.maintenance(inc, end)
	case r.onComponents():
		spans = r.components(start, end)
	default:
		if l := impactLevel(r.p.Impact); l != timeline.LevelUnknown {
			spans = []span{{start: start, end: end, level: l}}
		}
	}
	var out []incident.Outage
	for _, s := range spans {
		if !instant(s.end).After(instant(s.start)) {
			continue
		}
		out = append(out, incident.Outage{Start: s.start, End: s.end, Level: s.level, Services: s.services})
	}
	return out
}

// impactLevel is the level of an incident's impact: critical and major are a major outage,
// minor a partial one; none (and maintenance) no window.
func impactLevel(impact string) timeline.Level {
	switch impact {
	case "critical", "major":
		return timeline.Major
	case "minor":
		return timeline.Partial
	}
	return timeline.LevelUnknown
}

// maintenance is a maintenance's window: under maintenance from the first in_progress or
// verifying update (else from scheduled_for) to the end; none while it is still scheduled.
func (r *reading) maintenance(inc *incident.Incident, end incident.Time) []span {
	if r.p.Status == "scheduled" {
		return nil
	}
	from := inc.Scheduled.Start
	for _, t := range r.updates {
		if t.u.Status == "in_progress" || t.u.Status == "verifying" {
			from = t.at
			break
		}
	}
	return []span{{start: from, end: end, level: timeline.Maintenance}}
}

// point is a component's status from an instant on.
type point struct {
	at    incident.Time
	level timeline.Level
}

// components reads the components' windows from the affected entries. Each component is
// operational until first named, then in the entry's new_status from the update's instant.
// old_status is not the previous status on many pages (old == new for years on GitHub's); it
// counts only for a real transition (old ≠ new) from a status never posted: that status then
// held since the component's previous mention, or the start.
func (r *reading) components(start, end incident.Time) []span {
	points := make(map[string][]point)
	last := make(map[string]incident.Time) // the previous mention
	var order []string
	for _, t := range r.updates {
		for _, a := range t.u.Affected {
			if a.Code == "" {
				continue
			}
			ps, seen := points[a.Code]
			if !seen {
				order = append(order, a.Code)
			}
			cur := timeline.Operational
			if len(ps) > 0 {
				cur = ps[len(ps)-1].level
			}
			oldL, okOld := level(a.OldStatus)
			newL, okNew := level(a.NewStatus)
			if okOld && okNew && oldL != newL && oldL != cur {
				from, ok := last[a.Code]
				if !ok {
					from = start
				}
				if instant(from).After(instant(t.at)) {
					from = t.at
				}
				if n := len(ps); n > 0 && instant(ps[n-1].at).Equal(instant(from)) {
					ps[n-1].level = oldL
				} else {
					ps = append(ps, point{at: from, level: oldL})
				}
			}
			if okNew {
				if n := len(ps); n > 0 && instant(ps[n-1].at).Equal(instant(t.at)) {
					ps[n-1].level = newL
				} else {
					ps = append(ps, point{at: t.at, level: newL})
				}
			}
			points[a.Code] = ps
			last[a.Code] = t.at
		}
	}
	// Windows per component, then one span per window with every component in it.
	type key struct {
		start, end time.Time
		level      timeline.Level
	}
	var keys []key
	spans := make(map[key]*span)
	for _, code := range order {
		ps := points[code]
		for i, pt := range ps {
			if pt.level == timeline.Operational || !instant(pt.at).Before(instant(end)) {
				continue
			}
			to := end
			if i+1 < len(ps) && instant(ps[i+1].at).Before(instant(end)) {
				to = ps[i+1].at
			}
			k := key{instant(pt.at), instant(to), pt.level}
			s := spans[k]
			if s == nil {
				s = &span{start: pt.at, end: to, level: pt.level}
				spans[k] = s
				keys = append(keys, k)
			}
			if name := r.names[code]; !slices.Contains(s.services, name) {
				s.services = append(s.services, name)
			}
		}
	}
	slices.SortStableFunc(keys, func(a, b key) int {
		return cmp.Or(a.start.Compare(b.start), a.end.Compare(b.end), cmp.Compare(b.level.Severity(), a.level.Severity()))
	})
	rank := make(map[string]int, len(r.serviceList))
	for i, name := range r.serviceList {
		rank[name] = i
	}
	out := make([]span, len(keys))
	for i, k := range keys {
		out[i] = *spans[k]
		slices.SortFunc(out[i].services, func(a, b string) int { return cmp.Compare(rank[a], rank[b]) })
	}
	return out
}
