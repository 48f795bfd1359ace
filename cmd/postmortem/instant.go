package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/tz"
)

// parseBound reads the value of --since or --until: the start of a calendar year
// ("2016"), quarter ("2016-Q3"), month ("2016-07") or day ("2016-07-26") in loc, or
// an instant in any form an incident file accepts ("2016-07-26 10:50",
// "2016-07-26T14:50:00Z", "2016-07-26 10:50 EDT"); a time without a zone is in loc.
// A nil loc is UTC. The result is in UTC. The error is one line that shows the forms.
func parseBound(s string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.UTC
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, errors.New("empty time; write a date like 2016-07-26 or an instant like 2016-07-26T14:50:00Z")
	}
	if d, ok, err := parseCalendar(s); ok {
		if err != nil {
			return time.Time{}, err
		}
		t, _, err := tz.Wall(d, 0, 0, 0, loc, tz.Compatible)
		if err != nil {
			return time.Time{}, fmt.Errorf("%q: %v", s, oneLine(err.Error()))
		}
		return t.UTC(), nil
	}
	x, err := tz.Parse(s, tz.Context{Location: loc})
	if err != nil {
		return time.Time{}, fmt.Errorf("%s (want a date like 2016-07-26, 2016-07, 2016-Q3 or 2016, or an instant like 2016-07-26T14:50:00Z)", oneLine(err.Error()))
	}
	if !x.Dated || !x.HasDate {
		return time.Time{}, fmt.Errorf("%q has no date; write one, like 2016-07-26 10:50", s)
	}
	if !x.End.IsZero() {
		return time.Time{}, fmt.Errorf("%q is a range; give one instant", s)
	}
	return x.Start.UTC(), nil
}

// parseCalendar reads "YYYY", "YYYY-Qn", "YYYY-MM" and "YYYY-MM-DD" as the first day
// they cover. It reports false when s has none of these shapes.
func parseCalendar(s string) (d tz.Date, ok bool, err error) {
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
		return tz.Date{}, false, nil
	}
	for _, p := range parts[1:] {
		if len(p) != 2 || !digits(p[1:]) || (!digits(p[:1]) && p[0] != 'Q' && p[0] != 'q') {
			return tz.Date{}, false, nil // not a calendar shape: an instant, perhaps
		}
	}
	year, _ := strconv.Atoi(parts[0])
	if year < 1 {
		return tz.Date{}, true, fmt.Errorf("%q: year must be 0001 or later", s)
	}
	d = tz.Date{Year: year, Month: time.January, Day: 1}
	if len(parts) == 1 {
		return d, true, nil
	}
	if len(parts) == 2 && (parts[1][0] == 'Q' || parts[1][0] == 'q') {
		q := parts[1][1]
		if q < '1' || q > '4' {
			return tz.Date{}, true, fmt.Errorf("%q: quarter must be Q1 to Q4", s)
		}
		d.Month = time.Month(3*int(q-'1') + 1)
		return d, true, nil
	}
	if !digits(parts[1]) {
		return tz.Date{}, false, nil
	}
	month, _ := strconv.Atoi(parts[1])
	if month < 1 || month > 12 {
		return tz.Date{}, true, fmt.Errorf("%q: month must be 01 to 12", s)
	}
	d.Month = time.Month(month)
	if len(parts) == 2 {
		return d, true, nil
	}
	if !digits(parts[2]) {
		return tz.Date{}, false, nil
	}
	day, _ := strconv.Atoi(parts[2])
	d.Day = day
	if !d.Valid() {
		return tz.Date{}, true, fmt.Errorf("%q: no such day", s)
	}
	return d, true, nil
}
