package tz

import (
	"fmt"
	"slices"
	"time"
)

// wallSpan is how far from a wall clock, read as UTC, its instants can lie: more
// than any offset the tz database has had (Manila's -15:56 LMT, +14:00 today).
const wallSpan = 26 * time.Hour

// wallReading is one instant at which a zone's clocks show a wall time.
type wallReading struct {
	t    time.Time
	name string
	off  int
}

// wallReadings returns the readings of wall-clock time w (seconds, as if UTC)
// in loc, at most two, earliest first, and for a gap the change of clocks that
// skips it. It asks the zone only for offsets at instants (Time.Zone): around
// year ends past the zone's last listed transition, Time.ZoneBounds can report
// bounds that do not hold the instant asked about.
func wallReadings(w time.Time, loc *time.Location) (rs [2]wallReading, n int, gap zoneChange) {
	offAt := func(t time.Time) (string, int) { return t.In(loc).Zone() }
	var offs [4]int
	_, offs[0] = offAt(w.Add(-wallSpan))
	_, offs[1] = offAt(w.Add(wallSpan))
	_, offs[2] = offAt(w.Add(-time.Duration(offs[0]) * time.Second))
	_, offs[3] = offAt(w.Add(-time.Duration(offs[1]) * time.Second))
	var found [4]wallReading
	k := 0
	for i, o := range offs {
		if slices.Contains(offs[:i], o) {
			continue
		}
		c := w.Add(-time.Duration(o) * time.Second)
		if name, off := offAt(c); off == o {
			found[k] = wallReading{c, name, o}
			k++
		}
	}
	// Readings have distinct offsets, so distinct instants: any sort gives
	// the same order, and this one keeps found on the stack.
	slices.SortFunc(found[:k], func(a, b wallReading) int { return a.t.Compare(b.t) })
	switch {
	case k == 0:
		return rs, 0, findGap(w, loc)
	case k == 1:
		rs[0] = found[0]
	default: // three readings would need two folds within a day: keep the extremes
		rs[0], rs[1] = found[0], found[k-1]
	}
	return rs, min(k, 2), gap
}

// findGap returns the change of clocks at which wall-clock time w (as if UTC)
// is skipped in loc: the first instant whose wall clock is past w, found by
// bisection to the second. Its at is zero if there is none.
func findGap(w time.Time, loc *time.Location) zoneChange {
	past := func(t time.Time) bool {
		_, off := t.In(loc).Zone()
		return t.Add(time.Duration(off) * time.Second).After(w)
	}
	lo, hi := w.Add(-wallSpan), w.Add(wallSpan) // past(lo) is false, past(hi) is true
	if past(lo) || !past(hi) {
		return zoneChange{}
	}
	for hi.Sub(lo) > time.Second {
		mid := lo.Add(hi.Sub(lo) / 2).Truncate(time.Second)
		if !mid.After(lo) {
			mid = lo.Add(time.Second)
		}
		if past(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	fromName, fromOff := hi.Add(-time.Second).In(loc).Zone()
	toName, toOff := hi.In(loc).Zone()
	if toOff <= fromOff {
		return zoneChange{}
	}
	return zoneChange{at: hi, fromName: fromName, fromOff: fromOff, toName: toName, toOff: toOff}
}

// zoneChange is a change of a zone's clocks.
type zoneChange struct {
	at               time.Time
	fromName, toName string
	fromOff, toOff   int
}

func wallTime(d Date, hour, min, sec int, loc *time.Location, policy Policy) (time.Time, Case, error) {
	if loc == nil {
		loc = time.UTC
	}
	// in is the input as text, for errors only: the common path allocates nothing.
	in := func() string { return d.String() + " " + fmtClock(hour, min, sec) }
	if !d.Valid() {
		return time.Time{}, CaseUnknown, &Error{Input: in(), Err: ErrInvalidDate,
			Msg: fmt.Sprintf("%s is not a calendar date; write a real date between 0001-01-01 and 9999-12-31", d)}
	}
	if hour < 0 || hour > 23 || min < 0 || min > 59 || sec < 0 || sec > 59 {
		return time.Time{}, CaseUnknown, &Error{Input: in(), Err: ErrInvalidDate,
			Msg: "invalid clock time; write hours 00-23, minutes and seconds 00-59"}
	}
	w := time.Date(d.Year, d.Month, d.Day, hour, min, sec, 0, time.UTC)
	if loc == time.UTC {
		return w, Unique, nil
	}
	rs, n, gap := wallReadings(w, loc)
	switch {
	case n == 1:
		return rs[0].t, Unique, nil
	case n == 2:
		switch policy {
		case Earlier, Compatible:
			return rs[0].t, Fold, nil
		case Later:
			return rs[1].t, Fold, nil
		}
		c := fmtClock(hour, min, sec)
		return time.Time{}, Fold, &Error{Input: in(), Err: ErrAmbiguousTime,
			Msg: fmt.Sprintf("%s is ambiguous in %s on %s: %s %s (%sZ) or %s %s (%sZ); write the offset or abbreviation",
				c, loc, d, c, rs[0].name, utcClock(rs[0].t), c, rs[1].name, utcClock(rs[1].t))}
	case !gap.at.IsZero():
		switch policy {
		case Earlier: // the wall time moved back by the gap's length
			return w.Add(-time.Duration(gap.toOff) * time.Second), Gap, nil
		case Later, Compatible: // moved forward by the gap's length
			return w.Add(-time.Duration(gap.fromOff) * time.Second), Gap, nil
		}
		before := gap.at.In(time.FixedZone(gap.fromName, gap.fromOff))
		after := gap.at.In(time.FixedZone(gap.toName, gap.toOff))
		return time.Time{}, Gap, &Error{Input: in(), Err: ErrNonexistentTime,
			Msg: fmt.Sprintf("%s does not exist in %s on %s: clocks went from %s to %s (%sZ); write the offset or a time outside the gap",
				fmtClock(hour, min, sec), loc, d, wallLabel(before, d), wallLabel(after, d), utcClock(gap.at))}
	}
	// Unreachable with the tz database's data; say so rather than guess.
	return time.Time{}, CaseUnknown, &Error{Input: in(), Err: ErrNonexistentTime,
		Msg: fmt.Sprintf("no instant found in %s; write the offset", loc)}
}

// clock formats "15:04", or "15:04:05" when sec is not zero.
func fmtClock(hour, min, sec int) string {
	if sec != 0 {
		return fmt.Sprintf("%02d:%02d:%02d", hour, min, sec)
	}
	return fmt.Sprintf("%02d:%02d", hour, min)
}

// utcClock formats t's UTC clock time like clock.
func utcClock(t time.Time) string {
	t = t.UTC()
	return fmtClock(t.Hour(), t.Minute(), t.Second())
}

// wallLabel formats t as "02:00 EST", with its date when that is not d.
func wallLabel(t time.Time, d Date) string {
	name, _ := t.Zone()
	s := fmtClock(t.Hour(), t.Minute(), t.Second()) + " " + name
	if DateOf(t) != d {
		s = DateOf(t).String() + " " + s
	}
	return s
}

// Wall returns the instant (in UTC) at which clocks in loc show the date and time,
// applying policy to gaps and folds and reporting which case occurred.
// A nil loc is UTC. It finds gaps and folds from the zone's transitions, never
// from time.Date's silent choice. The Case is reported with the error too.
// Errors: *Error matching ErrNonexistentTime (gap, Reject), ErrAmbiguousTime
// (fold, Reject), or ErrInvalidDate (no such date, or a clock outside
// 00:00:00-23:59:59). Wall is safe for concurrent use.
func Wall(d Date, hour, min, sec int, loc *time.Location, policy Policy) (time.Time, Case, error) {
	t, c, err := wallTime(d, hour, min, sec, loc, policy)
	return t.UTC(), c, err
}
