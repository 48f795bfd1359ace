package tz

import (
	"strings"
	"time"
)

// fastISOZone reads s when it is an ISO date, a 24-hour clock and a zone
// name, one space apart, as the general parser would, and reports false for
// anything else, which the general parser then reads:
//
//	2016-07-26 14:36:00 UTC         2016-07-26 10:36 America/New_York
//	2016-07-26 14:36:00.5 GMT       2016-07-26 10:36:00
//
// The zone is UTC, GMT, Z, UT or Zulu in any case (read as +00:00), a name
// with a "/" that Resolve knows (read as that zone's wall clock), or none (the
// wall clock of ctx.Location). Such a time writes its own date and zone, so
// ctx matters only through ctx.Location when no zone is written and through
// ctx.Policy at a DST gap or fold; at a gap or fold this reports false, so
// that the general parser applies the policy and words the error.
// Abbreviations (EDT, PST) and everything unusual (a one-digit hour, 24:00,
// two spaces, a "T", a comma before the fraction) are left to the general
// parser too.
//
// It exists because this is the form most times in incident files are
// written in besides RFC 3339 (over half of the rest in the generated
// corpus), and the general parser reads it through its tokens and forms:
// 2 to 4.5 µs and 8 to 10 allocations, against 0.15 µs with UTC and 0.4 µs
// with a zone name, and none (BenchmarkParse/form=seconds-utc, minutes-iana
// and the like); tz.Parse was 7 % of the CPU of `postmortem downtime` over
// the corpus.
func fastISOZone(s string, ctx Context) (Expr, bool) {
	// "2006-01-02 15:04": the shortest form; the longest zone name is far
	// below this bound.
	if len(s) < len("2006-01-02 15:04") || len(s) > 100 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' {
		return Expr{}, false
	}
	year, ok1 := digits(s[0:4])
	month, ok2 := digits(s[5:7])
	day, ok3 := digits(s[8:10])
	hour, ok4 := digits(s[11:13])
	minute, ok5 := digits(s[14:16])
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || hour > 23 || minute > 59 {
		return Expr{}, false
	}
	d := Date{Year: year, Month: time.Month(month), Day: day}
	if !d.Valid() {
		return Expr{}, false
	}
	rest := s[16:]
	sec, ns := 0, 0
	if rest != "" && rest[0] == ':' {
		if len(rest) < 3 {
			return Expr{}, false
		}
		v, ok := digits(rest[1:3])
		if !ok || v > 59 {
			return Expr{}, false
		}
		sec, rest = v, rest[3:]
		if rest != "" && rest[0] == '.' {
			n := 1
			for n < len(rest) && '0' <= rest[n] && rest[n] <= '9' {
				n++
			}
			if n == 1 || n > 10 {
				return Expr{}, false
			}
			for i := 1; i < 10; i++ {
				ns *= 10
				if i < n {
					ns += int(rest[i] - '0')
				}
			}
			rest = rest[n:]
		}
	}
	var zone string
	switch {
	case rest == "":
	case rest[0] == ' ' && len(rest) > 1:
		zone = rest[1:]
	default:
		return Expr{}, false
	}

	e := Expr{Dated: true, HasDate: true, Zone: zone}
	switch {
	case zone == "":
		// The wall clock of the Context's zone.
		e.Location = ctx.Location
		if e.Location == nil {
			e.Location = time.UTC
		}
		t, ok := uniqueWall(d, hour, minute, sec, e.Location)
		if !ok {
			return Expr{}, false
		}
		e.Start = t.Add(time.Duration(ns)).UTC()
	case isUTCWord(zone):
		e.Location = time.UTC
		e.Start = time.Date(d.Year, d.Month, d.Day, hour, minute, sec, ns, time.UTC)
	case isZonePath(zone):
		loc, err := resolve(zone)
		if err != nil || loc == nil {
			return Expr{}, false
		}
		t, ok := uniqueWall(d, hour, minute, sec, loc)
		if !ok {
			return Expr{}, false
		}
		e.Location, e.Start = loc, t.Add(time.Duration(ns)).UTC()
	default:
		return Expr{}, false
	}
	if y := e.Start.Year(); y < 1 || y > 9999 {
		return Expr{}, false // the general parser says why
	}
	e.Date = DateOf(e.Start.In(e.Location))
	return e, true
}

// uniqueWall returns the instant, in UTC, at which clocks in loc show the
// date and time, as wallTime does, and reports false at a gap or fold.
func uniqueWall(d Date, hour, minute, sec int, loc *time.Location) (time.Time, bool) {
	w := time.Date(d.Year, d.Month, d.Day, hour, minute, sec, 0, time.UTC)
	if loc == time.UTC {
		return w, true
	}
	rs, n, _ := wallReadings(w, loc)
	return rs[0].t.UTC(), n == 1
}

// digits returns the value of s, which must be all ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, s != ""
}

// isUTCWord reports whether the zone's text is a word the general parser
// reads as +00:00 (see (*parser).zone).
func isUTCWord(z string) bool {
	for _, w := range [...]string{"UTC", "GMT", "Z", "UT", "Zulu"} {
		if strings.EqualFold(z, w) {
			return true
		}
	}
	return false
}

// isZonePath reports whether z is one token of the general parser's lexer
// that names a zone by a path ("America/New_York", "Etc/GMT+5"): ASCII
// letters or "_" from a letter on, a "/", a letter, and then only what tz
// database names hold.
func isZonePath(z string) bool {
	if z == "" || !isASCIILetter(z[0]) {
		return false
	}
	i := 1
	for i < len(z) && (isASCIILetter(z[i]) || z[i] == '_') {
		i++
	}
	if i+1 >= len(z) || z[i] != '/' || !isASCIILetter(z[i+1]) {
		return false
	}
	for ; i < len(z); i++ {
		if !isZoneNameByte(z[i]) {
			return false
		}
	}
	return true
}
