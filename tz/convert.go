package tz

import (
	"strconv"
	"time"
)

// Place is a zone in a converter, with the city it is shown as. A nil Loc is UTC.
type Place struct {
	City string         // the name shown, e.g. "São Paulo"
	Loc  *time.Location // the zone; nil is UTC
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
	EndDayShift int       // calendar day of End minus that of End in the source zone, -2..+2; 0 for an instant
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
// slice is new on each call and the caller's to modify. Errors: *Error
// matching ErrUnknownZone when the host has no tz database (import time/tzdata
// in main). DefaultPlaces is safe for concurrent use.
func DefaultPlaces() ([]Place, error) {
	ps := make([]Place, 0, len(defaultPlaces))
	for _, p := range defaultPlaces {
		loc, err := Load(p.zone)
		if err != nil {
			return nil, err
		}
		ps = append(ps, Place{City: p.city, Loc: loc})
	}
	return ps, nil
}

// Convert returns one row per place for the instant start or the window
// [start, end) (end zero: instant), each row in the place's zone, with day
// shifts relative to src (nil: UTC). A change of clocks (see Row.ClockChange)
// is one at which the offset from UTC changes, not only the abbreviation.
// Convert is safe for concurrent use.
func Convert(start, end time.Time, src *time.Location, places []Place) []Row {
	if src == nil {
		src = time.UTC
	}
	last := start // the instant whose period holds the last possible change
	if !end.IsZero() {
		last = end.Add(-time.Nanosecond) // half-open: a change at end is outside
		if last.Before(start) {
			last = start
		}
	}
	from := start.Add(-clockChangeLookback)
	rows := make([]Row, 0, len(places))
	for _, p := range places {
		loc := p.Loc
		if loc == nil {
			loc = time.UTC
		}
		r := Row{Place: Place{City: p.City, Loc: loc}, Start: start.In(loc)}
		r.Abbrev, r.Offset = r.Start.Zone()
		r.DayShift = dayShift(start, src, loc)
		if !end.IsZero() {
			r.End = end.In(loc)
			r.EndAbbrev, r.EndOffset = r.End.Zone()
			r.EndDayShift = dayShift(end, src, loc)
		}
		r.ClockChange = lastChange(last.In(loc), from)
		rows = append(rows, r)
	}
	return rows
}

// dayShift returns the calendar day of t in loc minus its calendar day in src:
// how many midnights the difference of their offsets moves t's time of day in
// src across.
func dayShift(t time.Time, src, loc *time.Location) int {
	_, so := t.In(src).Zone()
	_, lo := t.In(loc).Zone()
	sod := (t.Unix() + int64(so)) % 86400 // seconds since midnight in src
	if sod < 0 {
		sod += 86400
	}
	x := sod + int64(lo-so)
	n := x / 86400
	if x%86400 < 0 {
		n--
	}
	return int(n)
}

// FormatDayShift formats a day shift (Row.DayShift, Row.EndDayShift) for
// people: "" for none, "+1 day", "-1 day", "+2 days".
func FormatDayShift(n int) string {
	switch n {
	case 0:
		return ""
	case 1, -1:
		return signed(n) + " day"
	}
	return signed(n) + " days"
}

// DayShifts formats r's day shifts as the converter's Day column shows them: the shift of
// its instant, or, for a window (End not zero), of its start and, when it differs, of its end:
// "+1 day", "end +1 day", "-1 day, end same day"; "" when there is none.
func (r Row) DayShifts() string {
	text := FormatDayShift(r.DayShift)
	if r.End.IsZero() || r.EndDayShift == r.DayShift {
		return text
	}
	end := "end " + FormatDayShift(r.EndDayShift)
	if r.EndDayShift == 0 {
		end = "end same day"
	}
	if text == "" {
		return end
	}
	return text + ", " + end
}

// signed formats n with its sign, "+1", "-2".
func signed(n int) string {
	if n >= 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
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

// FixedTimeURL returns timeanddate.com's fixed-time page for t (to the minute,
// in UTC), for readers to check a conversion elsewhere:
// "https://www.timeanddate.com/worldclock/fixedtime.html?iso=20160726T1436&p1=1440"
// (p1=1440 is the site's place number for UTC).
func FixedTimeURL(t time.Time) string {
	return "https://www.timeanddate.com/worldclock/fixedtime.html?iso=" +
		t.UTC().Format("20060102T1504") + "&p1=1440"
}
