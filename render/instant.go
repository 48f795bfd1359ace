package render

import (
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/tz"
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

	// Written is the time as the file wrote it when that names a zone other than the one
	// shown ("03:18 AM EST", shown as 03:18 EDT in April); "" when it agrees or is unknown.
	Written string
}

// Local returns "10:36 EDT" or "about 10:53 EDT".
func (i Instant) Local() string { return i.Clock + " " + i.Zone }

// String returns the instant as the document shows it: "10:36 EDT · 14:36 UTC", the UTC
// date beside the UTC time when it differs ("20:00 EDT · 00:00 UTC (Sun 22 Oct)"), and what
// the file wrote when it named another zone ("03:18 EDT · 07:18 UTC (written: 03:18 AM EST)").
func (i Instant) String() string {
	s := i.Local()
	if i.UTC != "" {
		s += " · " + i.UTC
	}
	if i.UTCDay != "" {
		s += " (" + i.UTCDay + ")"
	}
	if i.Written != "" {
		s += " (written: " + i.Written + ")"
	}
	return s
}

// writtenNote returns written (one line) when it names a zone abbreviation other than shown,
// the abbreviation the document shows: the author's "03:18 AM EST" of an April date, shown
// as EDT. A UTC or GMT half of a pair ("10:36am EDT (14:36 UTC)") is not another zone.
func writtenNote(written, shown string) string {
	written = oneLine(written)
	if written == "" {
		return ""
	}
	for _, tok := range strings.FieldsFunc(written, func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z')
	}) {
		if strings.ToUpper(tok) != tok && tok != "ChST" {
			continue // a word ("am", "Monday"), not an abbreviation
		}
		switch tok {
		case "UTC", "GMT", "Z", "AM", "PM", "T":
			continue
		}
		if strings.EqualFold(tok, shown) || len(tz.Candidates(tok)) == 0 {
			continue
		}
		return written
	}
	return ""
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
func instant(t incident.Time, loc *time.Location) (in Instant) {
	if t.Loc != nil {
		loc = t.Loc
	}
	if loc == nil {
		loc = time.UTC
	}
	in = Instant{Dated: t.Dated, Approx: t.Approx}
	if t.Dated {
		defer func() { in.Written = writtenNote(t.Written, in.Zone) }()
	}
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
