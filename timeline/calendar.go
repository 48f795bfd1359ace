package timeline

import (
	"strconv"
	"strings"
	"time"
)

// Unit is a calendar period's length. The zero Unit means unknown. Do not reorder.
type Unit int

const (
	UnitUnknown Unit = iota
	Day
	Week // ISO week, from Monday
	Month
	Quarter
	Year
)

// Period is a half-open calendar period [Start, End) in some zone; Start and End are instants
// (see Periods) and End − Start is the real elapsed length.
type Period struct {
	Start, End time.Time
}

// periodShapes are the forms ParsePeriod reads, for its errors.
var periodShapes = []string{"2016", "2016-Q3", "2016-07", "2016-07-26"}

// ParsePeriod reads a calendar period as people name one: a year ("2016"), a quarter
// ("2016-Q3" or "2016-q3"), a month ("2016-07") or a day ("2016-07-26"), with surrounding
// space. It returns the period in loc (nil: UTC), as Periods would give it, and its unit.
//
// Text of another shape, such as an instant, is a *ParseError; a calendar shape with a field
// out of range ("2016-13", "2016-Q5", "2016-02-30", "0000") is another error naming the
// field. Both match ErrInvalid, so a caller that also accepts instants tries them after a
// *ParseError only.
func ParsePeriod(s string, loc *time.Location) (Period, Unit, error) {
	y, m, d, unit, err := parseCalendar(strings.TrimSpace(s))
	if err != nil {
		return Period{}, UnitUnknown, err
	}
	if loc == nil {
		loc = time.UTC
	}
	// Noon of the first day is on that day in every zone; the period holding it is the one named.
	noon := time.Date(y, m, d, 12, 0, 0, 0, loc)
	ps := Periods(unit, loc, noon, noon.Add(time.Nanosecond))
	if len(ps) == 0 {
		return Period{}, UnitUnknown, &periodError{text: s, msg: "no such period in " + loc.String()}
	}
	return ps[0], unit, nil
}

// parseCalendar reads "YYYY", "YYYY-Qn", "YYYY-MM" and "YYYY-MM-DD" as the first day they
// cover and their unit.
func parseCalendar(s string) (int, time.Month, int, Unit, error) {
	notShape := &ParseError{What: "calendar period", Text: s, Valid: periodShapes}
	digits := func(t string) bool {
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return false
			}
		}
		return t != ""
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 || !digits(parts[0]) {
		return 0, 0, 0, UnitUnknown, notShape
	}
	for _, p := range parts[1:] {
		if len(p) != 2 || !digits(p[1:]) || (!digits(p[:1]) && p[0] != 'Q' && p[0] != 'q') {
			return 0, 0, 0, UnitUnknown, notShape
		}
	}
	year, _ := strconv.Atoi(parts[0])
	if year < 1 {
		return 0, 0, 0, UnitUnknown, &periodError{text: s, msg: "year must be 0001 or later"}
	}
	if len(parts) == 1 {
		return year, time.January, 1, Year, nil
	}
	if len(parts) == 2 && (parts[1][0] == 'Q' || parts[1][0] == 'q') {
		q := parts[1][1]
		if q < '1' || q > '4' {
			return 0, 0, 0, UnitUnknown, &periodError{text: s, msg: "quarter must be Q1 to Q4"}
		}
		return year, time.Month(3*int(q-'1') + 1), 1, Quarter, nil
	}
	if !digits(parts[1]) {
		return 0, 0, 0, UnitUnknown, notShape
	}
	month, _ := strconv.Atoi(parts[1])
	if month < 1 || month > 12 {
		return 0, 0, 0, UnitUnknown, &periodError{text: s, msg: "month must be 01 to 12"}
	}
	if len(parts) == 2 {
		return year, time.Month(month), 1, Month, nil
	}
	if !digits(parts[2]) {
		return 0, 0, 0, UnitUnknown, notShape
	}
	day, _ := strconv.Atoi(parts[2])
	if day < 1 || day > daysIn(year, time.Month(month)) {
		return 0, 0, 0, UnitUnknown, &periodError{text: s, msg: "no such day"}
	}
	return year, time.Month(month), day, Day, nil
}

// daysIn returns the number of days of month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// periodError is a calendar period with a field out of range. It matches ErrInvalid.
type periodError struct{ text, msg string }

func (e *periodError) Error() string        { return "timeline: " + strconv.Quote(e.text) + ": " + e.msg }
func (e *periodError) Is(target error) bool { return target == ErrInvalid }
