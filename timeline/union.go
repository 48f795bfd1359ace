package timeline

import (
	"slices"
	"time"
)

// Union gathers the windows of many incidents to measure them together, overlaps counted
// once: it keeps only their instants and levels (32 bytes a window, against 80 and the
// services of a Window), so that the windows of 100,000 incidents fit in a few megabytes.
// The zero Union is empty and ready to use. A Union is not safe for concurrent use.
type Union struct {
	recs  []span
	added int // windows added, whatever compact has joined
}

// compactFrom is the length at which a full Union first joins its windows (compact): below
// it, appending is cheaper than sorting.
const compactFrom = 4096

// span is a window reduced to its instants and level.
type span struct {
	ss, es int64 // start and end, seconds since 1970
	sn, en int32 // their nanoseconds
	level  Level
}

// Add adds the windows of ws that hold time at a window-making level.
func (u *Union) Add(ws ...Window) {
	for i := range ws {
		w := &ws[i]
		if rank(w.Level, false) < 0 || !w.Start.Before(w.End) {
			continue
		}
		if len(u.recs) == cap(u.recs) && len(u.recs) >= compactFrom {
			u.compact()
		}
		u.recs = append(u.recs, span{w.Start.Unix(), w.End.Unix(), int32(w.Start.Nanosecond()), int32(w.End.Nanosecond()), w.Level})
		u.added++
	}
}

// Len returns the number of windows added.
func (u *Union) Len() int { return u.added }

// compact joins the windows of one level that overlap or touch, which changes no total and
// no availability (an instant counts at the worst level of the windows that hold it, however
// many of one level do), so that a Union of many incidents holds about as many windows as
// there are disjoint stretches of each level, not one per window added. It runs when the
// windows fill their slice; when joining frees less than half of it, the slice grows as
// append grows it, so that the cost stays proportional to the windows added. Over the
// 100,000 files of BENCHMARKS.md it keeps the Union (and the points Periods sorts) from
// growing with the files: the command's live heap ended near 11 MiB instead of 25 MiB, the
// garbage collector under its 32 MiB memory limit ran 1,325 times instead of 4,880, the CPU
// time fell from 68 s to 43 s (with the decoder's savings measured alongside) and the peak
// RSS from 63 to 41 MiB; the output is the same byte for byte.
func (u *Union) compact() {
	slices.SortFunc(u.recs, func(a, b span) int {
		if a.level != b.level {
			return int(a.level) - int(b.level)
		}
		return instant{a.ss, a.sn}.compare(instant{b.ss, b.sn})
	})
	out := u.recs[:0]
	for _, s := range u.recs {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.level == s.level && !(instant{last.es, last.en}).before(instant{s.ss, s.sn}) {
				if (instant{last.es, last.en}).before(instant{s.es, s.en}) {
					last.es, last.en = s.es, s.en
				}
				continue
			}
		}
		out = append(out, s)
	}
	u.recs = out
	if len(out) > cap(out)/2 {
		u.recs = slices.Grow(out, cap(out))
	}
}

// points returns the starts and ends of u's windows sorted by instant.
func (u *Union) points(maintenanceFirst bool) []point {
	pts := make([]point, 0, 2*len(u.recs))
	for _, s := range u.recs {
		r := int8(rank(s.level, maintenanceFirst))
		pts = append(pts, point{instant{s.ss, s.sn}, -1, r, 1}, point{instant{s.es, s.en}, -1, r, -1})
	}
	slices.SortFunc(pts, func(a, b point) int { return a.at.compare(b.at) })
	return pts
}

// MeasureUnion returns the totals of u's windows, as Measure returns those of the windows
// added. A nil *Policy is the zero Policy.
func (c *Policy) MeasureUnion(u *Union) Totals {
	if c == nil {
		c = &Policy{}
	}
	return measurePoints(u.points(false), c.PartialWeight.Share(), false)
}

// AvailabilityUnion returns the availability of each period of ps given u's windows, as
// Availability computes it for each, in one pass over the windows: ps must be sorted by Start
// and must not overlap (as Periods returns them). A nil *Policy is the zero Policy.
func (c *Policy) AvailabilityUnion(u *Union, ps []Period) []Availability {
	if c == nil {
		c = &Policy{}
	}
	first := c.Maintenance == MaintenanceUp || c.Maintenance == MaintenanceExclude
	levels := &rankLevel[b2i(first)]
	out := make([]Availability, len(ps))
	for i, p := range ps {
		out[i] = Availability{Period: p, Ratio: 1}
	}
	var open [ranks]int
	apply := func(p point) { open[p.rank] += int(p.delta) }
	top := func() int {
		for r := ranks - 1; r >= 0; r-- {
			if open[r] > 0 {
				return r
			}
		}
		return -1
	}
	k := 0 // the first period that ends after the current piece starts
	sweep(u.points(first), apply, top, func(start, end instant, r int) {
		for k < len(ps) && !start.before(instantOf(ps[k].End)) {
			k++
		}
		for j := k; j < len(ps); j++ {
			ps, pe := instantOf(ps[j].Start), instantOf(ps[j].End)
			if !ps.before(end) {
				break
			}
			a, b := start, end
			if a.before(ps) {
				a = ps
			}
			if pe.before(b) {
				b = pe
			}
			if a.before(b) {
				out[j].Totals.add(levels[r], b.sub(a))
			}
		}
	})
	for i := range out {
		a := &out[i]
		a.Totals.Downtime = addSat(a.Totals.Major, scale(a.Totals.Partial, c.PartialWeight.Share()))
		if !a.Start.Before(a.End) {
			continue
		}
		a.Length = a.Period.Length()
		if c.Maintenance == MaintenanceExclude {
			a.Length -= a.Totals.Maintenance
		}
		if a.Length > 0 {
			a.Ratio = 1 - float64(a.Totals.Downtime)/float64(a.Length)
		}
	}
	return out
}

// CountPeriods returns the number of calendar periods of unit in loc that Periods would
// return for [from, to), counted from the calendar dates, whatever the span (a span of
// centuries does not overflow a time.Duration here). It returns 0 when Periods returns nil.
// A nil loc is UTC. The count is exact but for zones that skip whole days, where it may
// exceed Periods' by the days skipped.
func CountPeriods(unit Unit, loc *time.Location, from, to time.Time) int64 {
	if !unit.valid() || !from.Before(to) {
		return 0
	}
	if loc == nil {
		loc = time.UTC
	}
	y1, m1, d1 := from.In(loc).Date()
	y2, m2, d2 := to.Add(-time.Nanosecond).In(loc).Date()
	switch unit {
	case Day:
		return days(y2, m2, d2) - days(y1, m1, d1) + 1
	case Week:
		// Mondays on or before each date, 7 days apart.
		a, b := days(y1, m1, d1), days(y2, m2, d2)
		a -= ((a+3)%7 + 7) % 7 // day 0 (1970-01-01) was a Thursday
		b -= ((b+3)%7 + 7) % 7
		return (b-a)/7 + 1
	case Month:
		return int64(y2-y1)*12 + int64(m2-m1) + 1
	case Quarter:
		return int64(y2-y1)*4 + int64((m2-1)/3-(m1-1)/3) + 1
	}
	return int64(y2-y1) + 1
}

// days returns the days from 1970-01-01 to the date.
func days(y int, m time.Month, d int) int64 {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	s := t.Unix()
	if s < 0 {
		return -((-s + 86399) / 86400)
	}
	return s / 86400
}
