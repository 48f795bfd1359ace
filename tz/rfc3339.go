package tz

import (
	"time"
)

// fastRFC3339 reads s when it is plain RFC 3339 ("2016-07-26T14:36:00Z",
// "2016-07-26T10:36:00.5-04:00"), as the general parser would, and reports
// false for anything else, which the general parser then reads.
//
// It exists because RFC 3339 is the form tools write: every time an importer
// produces, and most times in a file written by a program, are in it, and
// time.Parse reads it without the lexer's tokens and the grammar's forms: about
// 0.2 µs and no allocation against 1.5 µs and 5 allocations, some 10 % of
// loading a 1,000-event imported incident (BenchmarkParse/forms=rfc3339,
// impl=ours against impl=general; see BENCHMARKS.md).
// Instants outside years 1 to 9999 in UTC are left to the general parser,
// which refuses them with an error.
func fastRFC3339(s string) (Expr, bool) {
	if len(s) < len("2006-01-02T15:04:05Z") || len(s) > len("2006-01-02T15:04:05.999999999-07:00") ||
		s[4] != '-' || s[10] != 'T' {
		return Expr{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if u := t.UTC().Year(); err != nil || t.Year() < 1 || u < 1 || u > 9999 {
		return Expr{}, false
	}
	_, off := t.Zone()
	if off%60 != 0 || off > 14*3600 || off < -14*3600 {
		return Expr{}, false
	}
	zone := s[len(s)-1:]
	if c := zone[0]; c != 'Z' && c != 'z' {
		zone = s[len(s)-len("-07:00"):]
	}
	return Expr{
		Start:    t.UTC(),
		Dated:    true,
		HasDate:  true,
		Date:     DateOf(t),
		Location: Fixed(off),
		Zone:     zone,
	}, true
}
