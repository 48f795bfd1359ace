package timeline

import (
	"strconv"
	"time"
)

var unitNames = []string{
	UnitUnknown: "",
	Day:         "day",
	Week:        "week",
	Month:       "month",
	Quarter:     "quarter",
	Year:        "year",
}

func (u Unit) valid() bool { return u > UnitUnknown && u <= Year }

// String returns the unit's name ("month"), "unknown" for UnitUnknown and "Unit(N)" for a
// value out of range.
func (u Unit) String() string {
	switch {
	case u == UnitUnknown:
		return "unknown"
	case u.valid():
		return unitNames[u]
	}
	return "Unit(" + strconv.Itoa(int(u)) + ")"
}

// MarshalText returns the unit's name. UnitUnknown and values out of range have no text form:
// the error then matches ErrInvalid.
func (u Unit) MarshalText() ([]byte, error) {
	if !u.valid() {
		return nil, &ParseError{What: "unit", Text: u.String(), Valid: valid(unitNames)}
	}
	return []byte(unitNames[u]), nil
}

// UnmarshalText sets u from its name in any case. The error, a *ParseError matching
// ErrInvalid, lists the names.
func (u *Unit) UnmarshalText(text []byte) error {
	v, err := ParseUnit(string(text))
	if err != nil {
		return err
	}
	*u = v
	return nil
}

// ParseUnit returns the unit named s: day, week, month, quarter or year, in any case. The
// error, a *ParseError matching ErrInvalid, lists the names.
func ParseUnit(s string) (Unit, error) {
	if i := lookup(s, unitNames); i > 0 {
		return Unit(i), nil
	}
	return UnitUnknown, &ParseError{What: "unit", Text: s, Valid: valid(unitNames)}
}

// Length returns p's real elapsed length, End − Start (negative if End is before Start).
func (p Period) Length() time.Duration { return p.End.Sub(p.Start) }

// Periods returns the consecutive calendar periods of unit in loc that cover [from, to): the
// first holds from, the last holds the instant just before to. A nil loc is UTC. Periods are
// calendar days, ISO weeks (from Monday), months, quarters (from January, April, July and
// October) and years of loc's wall clock. Their Start and End are instants in loc, and their
// length is the real elapsed time: a day with a daylight-saving change lasts 23 or 25 hours.
//
// A period starts at the first instant whose local date is its first day. That is midnight,
// except on a day whose midnight does not exist (the clock jumps over it, as in
// America/Santiago on 2024-09-08, which starts at 01:00) or when midnight happens twice: the
// start is then the jump's instant or the first midnight, never time.Date's unspecified
// choice.
//
// Periods returns nil when to is not after from or unit is not a valid Unit. It returns one
// Period per unit in the span, so callers bound the span (ten years of days is 3,653 periods).
func Periods(unit Unit, loc *time.Location, from, to time.Time) []Period {
	if !unit.valid() || !from.Before(to) {
		return nil
	}
	if loc == nil {
		loc = time.UTC
	}
	y, m, d := from.In(loc).Date()
	y, m, d = first(unit, y, m, d)
	start := dayStart(y, m, d, loc)
	for start.After(from) { // only where a day's local date runs backwards (a fold at midnight)
		y, m, d = next(unit, y, m, d, -1)
		start = dayStart(y, m, d, loc)
	}
	var out []Period
	for start.Before(to) {
		y, m, d = next(unit, y, m, d, 1)
		end := dayStart(y, m, d, loc)
		if end.After(start) { // a day the zone skipped entirely is no period
			out = append(out, Period{Start: start, End: end})
		}
		start = end
	}
	return out
}

// first returns the first day of the period of unit that holds the date.
func first(unit Unit, y int, m time.Month, d int) (int, time.Month, int) {
	switch unit {
	case Week:
		wd := time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Weekday()
		back := (int(wd) + 6) % 7 // days since Monday
		return civil(y, m, d-back)
	case Month:
		return y, m, 1
	case Quarter:
		return y, m - (m-1)%3, 1
	case Year:
		return y, time.January, 1
	}
	return y, m, d
}

// next returns the first day of the period n periods after (n = 1) or before (n = −1) the one
// that starts on the date.
func next(unit Unit, y int, m time.Month, d, n int) (int, time.Month, int) {
	switch unit {
	case Week:
		return civil(y, m, d+7*n)
	case Month:
		return civil(y, m+time.Month(n), d)
	case Quarter:
		return civil(y, m+time.Month(3*n), d)
	case Year:
		return y + n, m, d
	}
	return civil(y, m, d+n)
}

// civil normalises a date, as time.Date does, without any zone.
func civil(y int, m time.Month, d int) (int, time.Month, int) {
	return time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Date()
}

// dayStart returns the first instant whose local date in loc is y-m-d.
//
// Candidates are the instants at which one of the zone's offsets near that day reads
// midnight of the day, and the zone's transitions near it (a day whose midnight is skipped
// starts at the transition that jumps over it); the earliest candidate whose local date is
// the day and whose previous nanosecond is on an earlier day wins.
func dayStart(y int, m time.Month, d int, loc *time.Location) time.Time {
	wall := time.Date(y, m, d, 0, 0, 0, 0, time.UTC) // midnight read as UTC
	const reach = 30 * time.Hour                     // beyond every UTC offset there is
	var best time.Time
	found := false
	try := func(t time.Time) {
		lt := t.In(loc)
		if ly, lm, ld := lt.Date(); ly != y || lm != m || ld != d {
			return
		}
		if py, pm, pd := t.Add(-time.Nanosecond).In(loc).Date(); !dateBefore(py, pm, pd, y, m, d) {
			return
		}
		if !found || t.Before(best) {
			best, found = lt, true
		}
	}
	t := wall.Add(-reach)
	for range 64 { // zones change offset a few times a day at most
		_, off := t.In(loc).Zone()
		try(wall.Add(-time.Duration(off) * time.Second))
		_, end := t.In(loc).ZoneBounds()
		if end.IsZero() || end.After(wall.Add(reach)) {
			break
		}
		try(end)
		t = end
	}
	if !found {
		// No instant has that local date (a day a zone skipped entirely, as Pacific/Apia
		// skipped 2011-12-30): the period starts where the next day does.
		ny, nm, nd := civil(y, m, d+1)
		return dayStart(ny, nm, nd, loc)
	}
	return best
}

func dateBefore(y1 int, m1 time.Month, d1, y2 int, m2 time.Month, d2 int) bool {
	if y1 != y2 {
		return y1 < y2
	}
	if m1 != m2 {
		return m1 < m2
	}
	return d1 < d2
}
