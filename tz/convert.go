package tz

import (
	"errors"
	"time"
)

// Place is a zone in a converter, with the city it is shown as.
type Place struct {
	City string
	Loc  *time.Location
}

// Row is one line of a "what time is that for you" table.
type Row struct {
	Place
	Start, End  time.Time // in Place.Loc; End zero for an instant
	Abbrev      string    // as the tz database has it at Start ("-03", never invented)
	Offset      int       // seconds east of UTC at Start
	EndAbbrev   string
	EndOffset   int
	DayShift    int       // calendar day of Start minus that of Start in the source zone, -2..+2
	ClockChange time.Time // zero, or the last change of clocks in Place.Loc within the window or the 7 days before Start
}

// DefaultPlaces returns about 20 zones covering the world's main business hubs, west to east.
func DefaultPlaces() ([]Place, error) { return nil, errors.New("TODO(tz)") }

// Convert returns one row per place for the instant start or the window [start, end) (end zero: instant).
func Convert(start, end time.Time, src *time.Location, places []Place) []Row { return nil }

// AppendConvert is Convert appending to dst; it allocates nothing when dst has room.
func AppendConvert(dst []Row, start, end time.Time, src *time.Location, places []Place) []Row {
	return dst
}

// FixedTimeURL returns timeanddate.com's fixed-time page for t, for readers to check offline links.
func FixedTimeURL(t time.Time) string { return "" }
