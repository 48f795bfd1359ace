package render

import (
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/incident"
)

// Instant is a point in time as the document shows it.
type Instant struct {
	Time   time.Time // in the incident's zone (or the zone it was written in); wall clock only when !Dated
	Dated  bool      // reports whether the date is known, so that Time is a real instant
	Approx bool      // reports whether the time is approximate
	Clock  string    // "10:36", "about 10:53"
	Zone   string    // "EDT"; "Los Angeles time" when undated
	UTC    string    // "14:36 UTC", "" when undated or the zone is UTC
	Date   string    // "Tue 26 Jul 2016" in the incident's zone, "" when undated
	UTCDay string    // "Wed 27 Jul", set only when the UTC date differs from Date
	ISO    string    // "2016-07-26T14:36:00Z" for <time datetime>, "" when undated
	Day    string    // "2016-07-26": Date as ISO 8601, "" when undated
}

// Local returns "10:36 EDT" or "about 10:53 EDT".
func (i Instant) Local() string { return i.Clock + " " + i.Zone }

// String returns the instant as the document shows it: "10:36 EDT · 14:36 UTC".
func (i Instant) String() string {
	s := i.Local()
	if i.UTC != "" {
		s += " · " + i.UTC
	}
	return s
}

// zoneName is how an undated zone is shown: "Los Angeles time", "UTC".
func zoneName(loc *time.Location) string {
	if isUTC(loc) {
		return "UTC"
	}
	name := loc.String()
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	return strings.ReplaceAll(name, "_", " ") + " time"
}

// instant makes the Instant of t shown in loc (t.Loc when set, else loc).
func instant(t incident.Time, loc *time.Location) Instant {
	if t.Loc != nil {
		loc = t.Loc
	}
	if loc == nil {
		loc = time.UTC
	}
	in := Instant{Dated: t.Dated, Approx: t.Approx}
	if !t.Dated {
		in.Time = t.Instant
		in.Clock = clock(t.Instant)
		in.Zone = zoneName(loc)
	} else {
		local := t.Instant.In(loc)
		u := t.Instant.UTC()
		in.Time = local
		in.Zone = zoneAbbrev(local)
		if !fillDated(&in, local, u, !isUTC(loc) || in.Zone != "UTC") {
			in.Clock = clock(local)
			in.Date = shortDate(local, true)
			in.Day = dayKey(local)
			in.ISO = isoUTC(u)
			if !isUTC(loc) || in.Zone != "UTC" {
				in.UTC = clock(u) + " UTC"
				if dayKey(u) != in.Day {
					in.UTCDay = shortDate(u, false)
				}
			}
			if t.Approx {
				in.Clock = "about " + in.Clock
			}
		}
		return in
	}
	if t.Approx {
		in.Clock = "about " + in.Clock
	}
	return in
}

// fillDated sets the strings of a dated Instant (local in its zone, u in UTC) from one
// allocation: they are all formatted into one buffer and sliced from the string it makes.
// withUTC sets UTC and UTCDay. It reports false, setting nothing, for years outside 0-9999,
// which the time package formats instead.
func fillDated(in *Instant, local, u time.Time, withUTC bool) bool {
	y, mo, d := local.Date()
	uy, umo, ud := u.Date()
	if y < 0 || y > 9999 || uy < 0 || uy > 9999 {
		return false
	}
	var arr [128]byte
	b := arr[:0]
	clockAt := len(b)
	if in.Approx {
		b = append(b, "about "...)
	}
	b = appendClock(b, local)
	clockEnd := len(b)
	b = appendShortDate(b, local, y, mo, d, true)
	dateEnd := len(b)
	b = appendDay(b, y, mo, d)
	dayEnd := len(b)
	b = appendISO(b, u, uy, umo, ud)
	isoEnd := len(b)
	utcEnd, utcDayEnd := isoEnd, isoEnd
	if withUTC {
		b = append(appendClock(b, u), " UTC"...)
		utcEnd = len(b)
		if uy != y || umo != mo || ud != d {
			b = appendShortDate(b, u, uy, umo, ud, false)
		}
		utcDayEnd = len(b)
	}
	s := string(b)
	in.Clock = s[clockAt:clockEnd]
	in.Date = s[clockEnd:dateEnd]
	in.Day = s[dateEnd:dayEnd]
	in.ISO = s[dayEnd:isoEnd]
	in.UTC = s[isoEnd:utcEnd]
	in.UTCDay = s[utcEnd:utcDayEnd]
	return true
}

// dated makes the Instant of a computed instant, always dated, shown in loc.
func dated(t time.Time, loc *time.Location, approx bool) Instant {
	return instant(incident.Time{Instant: t.UTC(), Loc: loc, Dated: true, Approx: approx}, loc)
}
