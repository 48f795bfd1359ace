package tz

import (
	"time"
)

// fastRFC3339 reads s when it is plain RFC 3339 ("2016-07-26T14:36:00Z",
// "2016-07-26T10:36:00.5-04:00"), the form machines write, as the general
// parser would but without it. It reports false for anything else.
func fastRFC3339(s string) (Expr, bool) {
	if len(s) < len("2006-01-02T15:04:05Z") || len(s) > len("2006-01-02T15:04:05.999999999-07:00") ||
		s[4] != '-' || s[10] != 'T' {
		return Expr{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || t.Year() < 1 {
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
