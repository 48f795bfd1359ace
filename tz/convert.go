package tz

import (
	"time"
)

// Place is a zone in a converter, with the city it is shown as.
// A nil Loc is UTC. A Place made by NewPlace or DefaultPlaces also carries
// the zone's table of changes of clocks, so that conversions need not look it
// up; compare Places by City and Loc rather than with ==. Rows returned by
// Convert carry a Place without that table.
type Place struct {
	City string
	Loc  *time.Location
	tab  *zoneTab // Loc's table when built by NewPlace; ignored if it belongs to another Location
}

// NewPlace returns the Place {City: city, Loc: loc} (nil loc: UTC), with loc's
// table of changes of clocks from 1900 to 2100 read now rather than in the
// first conversion into it, and found without a lookup in later conversions.
// The table is built once per *time.Location and shared. NewPlace never fails:
// past 1,024 distinct zones it returns a Place without a table, which converts
// to the same rows, more slowly. NewPlace is safe for concurrent use.
func NewPlace(city string, loc *time.Location) Place {
	l := loc
	if l == nil {
		l = time.UTC
	}
	return Place{City: city, Loc: loc, tab: tabFor(l)}
}

// Row is one line of a "what time is that for you" table.
type Row struct {
	Place
	Start, End  time.Time // in Place.Loc; End zero for an instant
	Abbrev      string    // as the tz database has it at Start ("-03", never invented)
	Offset      int       // seconds east of UTC at Start
	EndAbbrev   string    // as Abbrev, at End; "" for an instant
	EndOffset   int       // as Offset, at End; 0 for an instant
	DayShift    int       // calendar day of Start minus that of Start in the source zone, -2..+2
	ClockChange time.Time // zero, or the last change of clocks in Place.Loc within the window or the 7 days before Start
}

// clockChangeLookback is how far before Start a change of clocks is still reported.
const clockChangeLookback = 7 * 24 * time.Hour

// defaultPlaces are the converter's zones, west to east by standard time.
var defaultPlaces = [...]struct{ city, zone string }{
	{"Honolulu", "Pacific/Honolulu"},
	{"Los Angeles", "America/Los_Angeles"},
	{"Denver", "America/Denver"},
	{"Mexico City", "America/Mexico_City"},
	{"Chicago", "America/Chicago"},
	{"New York", "America/New_York"},
	{"São Paulo", "America/Sao_Paulo"},
	{"UTC", "UTC"},
	{"London", "Europe/London"},
	{"Lagos", "Africa/Lagos"},
	{"Paris", "Europe/Paris"},
	{"Berlin", "Europe/Berlin"},
	{"Johannesburg", "Africa/Johannesburg"},
	{"Nairobi", "Africa/Nairobi"},
	{"Moscow", "Europe/Moscow"},
	{"Dubai", "Asia/Dubai"},
	{"Kolkata", "Asia/Kolkata"},
	{"Singapore", "Asia/Singapore"},
	{"Shanghai", "Asia/Shanghai"},
	{"Tokyo", "Asia/Tokyo"},
	{"Sydney", "Australia/Sydney"},
	{"Auckland", "Pacific/Auckland"},
}

// DefaultPlaces returns 22 zones covering the world's main business hubs, west
// to east by standard time, from Honolulu to Auckland, UTC among them. The
// slice is new on each call and the caller's to modify; its Places are made by
// NewPlace, so they carry their zones' tables. Errors: *Error matching
// ErrUnknownZone when the host has no tz database (import time/tzdata in main).
// DefaultPlaces is safe for concurrent use.
func DefaultPlaces() ([]Place, error) {
	ps := make([]Place, 0, len(defaultPlaces))
	for _, p := range defaultPlaces {
		loc, err := Load(p.zone)
		if err != nil {
			return nil, err
		}
		ps = append(ps, NewPlace(p.city, loc))
	}
	return ps, nil
}

// Convert returns one row per place for the instant start or the window
// [start, end) (end zero: instant), each row in the place's zone, with day
// shifts relative to src (nil: UTC). It is AppendConvert to a new slice.
func Convert(start, end time.Time, src *time.Location, places []Place) []Row {
	return AppendConvert(make([]Row, 0, len(places)), start, end, src, places)
}

// AppendConvert is Convert appending to dst; it allocates nothing when dst has room.
// A change of clocks (see Row.ClockChange) is one at which the offset from UTC
// changes, not only the abbreviation. AppendConvert is safe for concurrent use
// as long as dst is not shared.
//
// The first conversion into a *time.Location reads that zone's changes of
// clocks from 1900 to 2100 into a table kept for the life of the program (about
// 20 KB each, up to 1,024 zones; NewPlace and DefaultPlaces build theirs at
// once, and their Places skip finding it); later conversions within
// those years read the table, with no zone lookup. That first conversion
// allocates; the others allocate nothing when dst has room. Instants outside
// those years, and zones beyond the first 1,024, are read from the Location as
// before, with the same results.
func AppendConvert(dst []Row, start, end time.Time, src *time.Location, places []Place) []Row {
	if src == nil {
		src = time.UTC
	}
	var last time.Time // the instant whose period holds the last possible change
	if end.IsZero() {
		last = start
	} else {
		last = end.Add(-time.Nanosecond) // half-open: a change at end is outside
		if last.Before(start) {
			last = start
		}
	}
	from := start.Add(-clockChangeLookback)
	startSec, lastSec, fromSec := start.Unix(), last.Unix(), from.Unix()
	fromWhole := from.Nanosecond() == 0
	endSec := startSec
	if !end.IsZero() {
		endSec = end.Unix()
	}
	// The zones' tables serve the call when every instant it reads lies in their range.
	inTab := fromSec >= tabLo && startSec >= tabLo && endSec >= tabLo &&
		startSec < tabHi && endSec < tabHi && lastSec < tabHi
	var tabs *zoneTabSet
	if inTab {
		tabs = zoneTabs.Load()
	}
	var srcOff int
	if z := tabIn(tabs, inTab, src); z != nil {
		srcOff = z.per[z.period(startSec)].off
	} else {
		_, srcOff = start.In(src).Zone()
	}
	// Seconds since midnight of start's day in src: a place's day shift is how
	// many midnights its offset difference moves that across.
	srcSOD := int(epochSeconds(startSec, srcOff))
	for i := range places {
		p := &places[i]
		loc := p.Loc
		if loc == nil {
			loc = time.UTC
		}
		// Grow without building a Row and copying it: set each field in place.
		if len(dst) < cap(dst) {
			dst = dst[:len(dst)+1]
		} else {
			dst = append(dst, Row{})
		}
		r := &dst[len(dst)-1]
		r.City, r.Loc, r.tab = p.City, loc, nil
		r.Start = start.In(loc)
		var z *zoneTab
		if inTab {
			if z = p.tab; z == nil || z.loc != loc {
				if z = tabs.get(loc); z == nil {
					z = tabFor(loc)
				}
			}
		}
		if z == nil {
			r.Abbrev, r.Offset = r.Start.Zone()
			r.DayShift = dayShift(srcSOD + r.Offset - srcOff)
			if end.IsZero() {
				r.End, r.EndAbbrev, r.EndOffset = time.Time{}, "", 0
			} else {
				r.End = end.In(loc)
				r.EndAbbrev, r.EndOffset = r.End.Zone()
			}
			r.ClockChange = lastChange(last.In(loc), from)
			continue
		}
		k := z.period(startSec)
		ps := &z.per[k]
		r.Abbrev, r.Offset = ps.abbrev, ps.off
		r.DayShift = dayShift(srcSOD + r.Offset - srcOff)
		kl := k
		if end.IsZero() {
			r.End, r.EndAbbrev, r.EndOffset = time.Time{}, "", 0
		} else {
			r.End = end.In(loc)
			pe := &z.per[z.period(endSec)]
			r.EndAbbrev, r.EndOffset = pe.abbrev, pe.off
			kl = z.period(lastSec)
		}
		if c := z.per[kl].chg; c != noChange && (c > fromSec || c == fromSec && fromWhole) {
			r.ClockChange = time.Unix(c, 0).In(loc)
		} else {
			r.ClockChange = time.Time{}
		}
	}
	return dst
}

// tabIn returns loc's table, from tabs if it is there; nil if !inTab or loc
// can have none.
func tabIn(tabs *zoneTabSet, inTab bool, loc *time.Location) *zoneTab {
	if !inTab {
		return nil
	}
	if tabs != nil {
		if z := tabs.get(loc); z != nil {
			return z
		}
	}
	return tabFor(loc)
}

// lastChange returns the last instant, at or before t and not before from, at
// which t's zone changed its offset from UTC, in t's zone; zero if none.
func lastChange(t, from time.Time) time.Time {
	loc := t.Location()
	for {
		s, _ := t.ZoneBounds()
		if s.IsZero() || s.Before(from) {
			return time.Time{}
		}
		_, off := t.Zone()
		prev := s.Add(-time.Nanosecond).In(loc)
		if _, prevOff := prev.Zone(); prevOff != off {
			return s
		}
		t = prev // only the abbreviation changed: look further back
	}
}

// epochSeconds returns the seconds since midnight of the instant unix seen
// offset seconds east of UTC.
func epochSeconds(unix int64, offset int) int64 {
	s := (unix + int64(offset)) % 86400
	if s < 0 {
		s += 86400
	}
	return s
}

// dayShift returns how many days x seconds after a midnight lies from that
// midnight's day: floor(x / 86400) for the small x of offset differences.
func dayShift(x int) int {
	n := 0
	for x < 0 {
		x += 86400
		n--
	}
	for x >= 86400 {
		x -= 86400
		n++
	}
	return n
}

// FixedTimeURL returns timeanddate.com's fixed-time page for t (to the minute,
// in UTC), for readers to check a conversion elsewhere:
// "https://www.timeanddate.com/worldclock/fixedtime.html?iso=20160726T1436&p1=1440"
// (p1=1440 is the site's place number for UTC).
func FixedTimeURL(t time.Time) string {
	const prefix = "https://www.timeanddate.com/worldclock/fixedtime.html?iso="
	var buf [len(prefix) + len("20060102T1504") + len("&p1=1440") + 8]byte
	b := append(buf[:0], prefix...)
	b = t.UTC().AppendFormat(b, "20060102T1504")
	b = append(b, "&p1=1440"...)
	return string(b)
}
