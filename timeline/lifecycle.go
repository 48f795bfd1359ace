package timeline

import (
	"slices"
	"time"
)

// Lifecycle holds an incident's milestones, instants as given in the events. A zero time
// means the milestone is missing.
type Lifecycle struct {
	Start, Detected, Acknowledged, Mitigated, Resolved time.Time
}

// Milestones returns the lifecycle of an incident: Start is the earliest Started event, or,
// when there is none, the Span start of ws (the impact start); Detected, Acknowledged,
// Mitigated and Resolved are each the earliest event of that kind. Events need not be sorted.
// A milestone with no event stays zero: it is never guessed.
func Milestones(events []Event, ws []Window) Lifecycle {
	var l Lifecycle
	for i := range events {
		ev := &events[i]
		var p *time.Time
		switch ev.Kind {
		case Started:
			p = &l.Start
		case Detected:
			p = &l.Detected
		case Acknowledged:
			p = &l.Acknowledged
		case Mitigated:
			p = &l.Mitigated
		case Resolved:
			p = &l.Resolved
		default:
			continue
		}
		if p.IsZero() || ev.At.Before(*p) {
			*p = ev.At
		}
	}
	if l.Start.IsZero() {
		l.Start, _ = Span(ws)
	}
	return l
}

// TimeTo returns the time from Start to milestone k: Detected, Acknowledged, Mitigated or
// Resolved (Started gives 0). It reports false when k is another kind or when the milestone
// or Start is missing: a missing milestone is unavailable, never estimated. The duration is
// negative when the milestone came before Start (detected before the impact began).
func (l Lifecycle) TimeTo(k EventKind) (time.Duration, bool) {
	var at time.Time
	switch k {
	case Started:
		at = l.Start
	case Detected:
		at = l.Detected
	case Acknowledged:
		at = l.Acknowledged
	case Mitigated:
		at = l.Mitigated
	case Resolved:
		at = l.Resolved
	default:
		return 0, false
	}
	if l.Start.IsZero() || at.IsZero() {
		return 0, false
	}
	return at.Sub(l.Start), true
}

// Summary summarises a set of durations. Median and P90 are nearest-rank percentiles: the
// smallest duration of the set such that at least 50% (90%) of the set is at or below it, so
// they are always durations that occurred (the median of 1h and 3h is 1h). All fields are zero
// for an empty set.
type Summary struct {
	Count                   int
	Total, Median, P90, Max time.Duration // Total saturates at the range of time.Duration
}

// Summarize returns the summary of ds, which it does not modify.
func Summarize(ds []time.Duration) Summary {
	s := Summary{Count: len(ds)}
	if len(ds) == 0 {
		return s
	}
	sorted := slices.Clone(ds)
	slices.Sort(sorted)
	for _, d := range sorted {
		s.Total = addSat(s.Total, d)
	}
	s.Median = sorted[nearestRank(len(sorted), 50)]
	s.P90 = sorted[nearestRank(len(sorted), 90)]
	s.Max = sorted[len(sorted)-1]
	return s
}

// nearestRank returns the 0-based index of the pct-th percentile of n sorted values:
// ⌈pct/100 × n⌉ − 1, computed in integers.
func nearestRank(n, pct int) int {
	r := (pct*n + 99) / 100
	if r < 1 {
		r = 1
	}
	return r - 1
}
