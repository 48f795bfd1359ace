package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
)

// parseBound reads the value of --since or --until: the start of a calendar period
// (timeline.ParsePeriod: "2016", "2016-Q3", "2016-07", "2016-07-26") in loc, or an instant in
// any form an incident file accepts ("2016-07-26 10:50", "2016-07-26T14:50:00Z",
// "2016-07-26 10:50 EDT"); a time without a zone is in loc. A nil loc is UTC. The result is in
// UTC. The error is one line that shows the forms.
func parseBound(s string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.UTC
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, errors.New("empty time; write a date like 2016-07-26 or an instant like 2016-07-26T14:50:00Z")
	}
	p, _, err := timeline.ParsePeriod(s, loc)
	if err == nil {
		return p.Start.UTC(), nil
	}
	var shape *timeline.ParseError
	if !errors.As(err, &shape) {
		return time.Time{}, errors.New(strings.TrimPrefix(oneLine(err.Error()), "timeline: "))
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

// parseDay reads the value of --date, a day written YYYY-MM-DD. The error is one line, to
// follow "--date: ".
func parseDay(s string) (tz.Date, error) {
	p, unit, err := timeline.ParsePeriod(s, time.UTC)
	var shape *timeline.ParseError
	switch {
	case errors.As(err, &shape) || err == nil && unit != timeline.Day:
		return tz.Date{}, fmt.Errorf("%q: want YYYY-MM-DD", s)
	case err != nil:
		return tz.Date{}, errors.New(strings.TrimPrefix(err.Error(), "timeline: "))
	}
	return tz.DateOf(p.Start), nil
}
