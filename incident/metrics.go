package incident

import (
	"slices"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/timeline"
)

// services returns the services events and outages default to: the incident's, or, when it
// lists none, one service named by the title.
func (inc *Incident) services() []string {
	if len(inc.Services) > 0 {
		return inc.Services
	}
	return []string{inc.Title}
}

// Events returns the timeline as timeline events (instants in UTC; nominal ones when undated).
func (inc *Incident) Events() []timeline.Event {
	evs := make([]timeline.Event, len(inc.Timeline))
	for i, ev := range inc.Timeline {
		evs[i] = timeline.Event{
			At:       ev.At.Instant,
			Kind:     ev.Kind,
			State:    ev.State,
			Services: ev.Services,
			Text:     ev.Text,
			Approx:   ev.At.Approx,
		}
	}
	return evs
}

// Windows returns the outage windows of inc, half-open [Start, End), not merged: those its
// events' states imply for each service (a state holds from its event until that service's next
// state, the last one until the last event of the timeline) followed by the explicit outages.
// Events and outages without services apply to the incident's; an incident that lists no
// services counts as one service named by its title. Undated incidents return windows on the
// nominal date 0001-01-01 (durations are right, instants are not).
func (inc *Incident) Windows() []timeline.Window { return inc.windows(inc.Events()) }

// windows is Windows with the timeline's events, evs, already made.
func (inc *Incident) windows(evs []timeline.Event) []timeline.Window {
	var end time.Time
	for _, ev := range inc.Timeline {
		if ev.At.Instant.After(end) {
			end = ev.At.Instant
		}
	}
	svcs := inc.services()
	ws := timeline.Derive(evs, svcs, end)
	for _, o := range inc.Outages {
		s := o.Services
		if len(s) == 0 {
			s = svcs
		}
		ws = append(ws, timeline.Window{Start: o.Start.Instant, End: o.End.Instant, Level: o.Level, Services: s})
	}
	return ws
}

// Metrics computes the figures of inc with p's weights: the first and last instant, the merged
// windows, their totals, the span, the lifecycle milestones and, per service, the same figures
// from that service's own windows. For an undated incident (Metrics.Dated false) the instants
// are nominal and only durations mean something.
func (inc *Incident) Metrics(p timeline.Policy) Metrics {
	evs := inc.Events()
	ws := inc.windows(evs)
	merged := timeline.Merge(ws)
	// The merged windows hold each instant once at its worst level: they measure as ws do,
	// and, being disjoint, without a second sweep.
	m := Metrics{Windows: merged, Totals: p.Measure(merged), Dated: inc.dated()}
	m.SpanStart, m.SpanEnd, m.Span = span(merged)
	m.Lifecycle = timeline.Milestones(evs, merged)
	m.Start, m.End, m.Recorded = inc.extent()
	m.Services = ServiceFigures(ws, inc.Services, p)
	return m
}

// extent returns the first and last instant inc records (its events, outages and scheduled
// window), and whether it records any. An explicit outage may end after the last event and a
// maintenance may be written as its schedule alone; the incident spans them all.
func (inc *Incident) extent() (start, end time.Time, ok bool) {
	see := func(t time.Time) {
		if !ok || t.Before(start) {
			start = t
		}
		if !ok || t.After(end) {
			end = t
		}
		ok = true
	}
	for _, ev := range inc.Timeline {
		see(ev.At.Instant)
	}
	for _, o := range inc.Outages {
		see(o.Start.Instant)
		see(o.End.Instant)
	}
	if w := inc.Scheduled; w != nil {
		see(w.Start.Instant)
		see(w.End.Instant)
	}
	return start, end, ok
}

// ServiceFigures returns the figures of each service that the windows ws name, from its own
// windows alone, and zero figures for each service of listed that no window names, sorted
// case-insensitively (names that differ only in case are one service): what
// Metrics.Services holds for an incident's windows and services. A caller that clips or
// filters the windows of an incident (as package report does) measures them with it. Services
// with one history share their windows and are measured once; nil when there is no service.
func ServiceFigures(ws []timeline.Window, listed []string, p timeline.Policy) []ServiceMetrics {
	per := timeline.ByService(ws)
	out := make([]ServiceMetrics, len(per), len(per)+len(listed))
	var prev *ServiceMetrics
	for i, s := range per {
		if prev != nil && len(s.Windows) > 0 && len(prev.Windows) == len(s.Windows) && &prev.Windows[0] == &s.Windows[0] {
			out[i] = *prev
			out[i].Name = s.Service
			continue
		}
		sm := ServiceMetrics{Name: s.Service, Windows: s.Windows, Totals: p.Measure(s.Windows)}
		sm.SpanStart, sm.SpanEnd, sm.Span = span(s.Windows)
		out[i] = sm
		prev = &out[i]
	}
	// per is sorted case-insensitively and names each service once: a listed name is found
	// there by binary search. The listed names without windows are few; the map that keeps
	// them apart is made only for them.
	var added map[string]bool
	for _, s := range listed {
		if s == "" {
			continue
		}
		if _, ok := slices.BinarySearchFunc(per, s, func(w timeline.ServiceWindows, s string) int {
			return timeline.CompareLower(w.Service, s)
		}); ok {
			continue
		}
		k := strings.ToLower(s)
		if added[k] {
			continue
		}
		if added == nil {
			added = make(map[string]bool)
		}
		added[k] = true
		out = append(out, ServiceMetrics{Name: s})
	}
	if added != nil {
		slices.SortStableFunc(out, func(a, b ServiceMetrics) int { return timeline.CompareServices(a.Name, b.Name) })
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// span returns the first instant at partial or worse of ws, the last instant leaving it, and
// the time between (zero when there is no outage).
func span(ws []timeline.Window) (start, end time.Time, d time.Duration) {
	start, end = timeline.Span(ws)
	// 0 when there is no span (both zero); 0001-01-01T00:00Z is an instant like another.
	return start, end, end.Sub(start)
}
