package tz

// This file fixes the exported API of package tz that other packages build on.
// Bodies marked "TODO(tz)" are placeholders to be replaced by the real implementation.

import (
	"errors"
	"fmt"
	"time"
)

// Sentinel errors. Errors returned by this package match one of them with errors.Is.
var (
	ErrUnknownZone     = errors.New("unknown zone")
	ErrAmbiguous       = errors.New("ambiguous abbreviation")
	ErrNonexistentTime = errors.New("nonexistent wall-clock time")
	ErrAmbiguousTime   = errors.New("ambiguous wall-clock time")
	ErrSyntax          = errors.New("invalid time expression")
	ErrMismatch        = errors.New("forms of one instant disagree")
	ErrWeekday         = errors.New("weekday does not match date")
	ErrBackwards       = errors.New("time goes backwards")
	ErrDSTMismatch     = errors.New("abbreviation does not match daylight-saving time on that date")
	ErrNoDate          = errors.New("date unknown")
	ErrInvalidDate     = errors.New("invalid date")
)

// Error is an error or warning about a piece of text.
type Error struct {
	Input  string // the text that was read
	Offset int    // byte offset in Input of the offending part
	Err    error  // what is wrong: a sentinel above, or an *AmbiguousError
	Msg    string // explanation and how to fix it; lower case, does not repeat Input
}

func (e *Error) Error() string { return fmt.Sprintf("tz: %q: %s", e.Input, e.Msg) }

// Unwrap returns e.Err.
func (e *Error) Unwrap() error { return e.Err }

// Candidate is one reading of a time zone abbreviation.
type Candidate struct {
	Abbrev string // as in the tz database where it has it, e.g. "PDT"
	Zone   string // IANA name of the region whose wall clock it names, e.g. "America/Los_Angeles"
	Region string // human name, e.g. "US Pacific", "India", "Ireland"
	Offset int    // seconds east of UTC that the abbreviation literally means
	DST    bool   // reports whether the abbreviation is the daylight-saving half of a pair
	Why    string // why this is a candidate, e.g. "Irish Standard Time (summer), tz database Europe/Dublin"
}

// AmbiguousError reports an abbreviation with several readings. It matches ErrAmbiguous.
type AmbiguousError struct {
	Abbrev     string
	Candidates []Candidate
}

func (e *AmbiguousError) Error() string { return "TODO(tz)" }

// Is reports whether target is ErrAmbiguous.
func (e *AmbiguousError) Is(target error) bool { return target == ErrAmbiguous }

// Date is a calendar date without a zone. The zero Date means unknown.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Policy says what to do with a wall-clock time that falls in a DST gap or fold.
// The zero Policy is Reject.
type Policy int

const (
	Reject     Policy = iota // gap and fold are errors
	Earlier                  // gap: the instant before the gap (offset before); fold: the earlier instant
	Later                    // gap: the offset after the gap; fold: the later instant
	Compatible               // RFC 5545: gap moves forward by its length, fold takes the earlier
)

// Case tells what a wall-clock time was. The zero Case means unknown.
type Case int

const (
	CaseUnknown Case = iota
	Unique           // exactly one instant
	Gap              // no instant (spring forward)
	Fold             // two instants (fall back)
)

// Wall returns the instant (in UTC) at which clocks in loc show the date and time,
// applying policy to gaps and folds and reporting which case occurred.
// A nil loc is UTC. Errors: *Error matching ErrNonexistentTime, ErrAmbiguousTime or ErrInvalidDate.
func Wall(d Date, hour, min, sec int, loc *time.Location, policy Policy) (time.Time, Case, error) {
	return time.Time{}, CaseUnknown, errors.New("TODO(tz)")
}

// Load is time.LoadLocation with a cache: each name is read once. Errors match ErrUnknownZone.
func Load(name string) (*time.Location, error) { return nil, errors.New("TODO(tz)") }

// Resolve returns the location a person means by name: an IANA name or alias (any case),
// UTC/GMT/Z, a numeric offset (a fixed zone), a region generic (ET, PT, Pacific, US Pacific time),
// a city from the tz database, or an abbreviation that names one region's wall clock (EDT →
// America/New_York). Errors: ErrUnknownZone, *AmbiguousError.
func Resolve(name string) (*time.Location, error) { return nil, errors.New("TODO(tz)") }

// Candidates returns every reading of an abbreviation (any case), or nil if unknown.
func Candidates(abbr string) []Candidate { return nil }

// Context is what a time expression is read against. The zero Context reads
// expressions that carry their own date and zone, in UTC otherwise.
type Context struct {
	Date     Date           // date of an expression that has none; zero: none known
	Location *time.Location // zone of an expression that has none, and the context that settles an ambiguous abbreviation; nil is UTC
	After    time.Time      // previous instant in the same list, if any: a time alone before it is ErrBackwards, except midnight, which then means the end of Date
	Strict   bool           // reports whether an abbreviation's wrong DST half is an error rather than a warning
	Policy   Policy         // for DST gaps and folds; zero is Reject
}

// Expr is a parsed time expression: an instant or a window.
type Expr struct {
	Start    time.Time      // UTC; when !Dated, the wall clock on 0001-01-01 in UTC (only differences are meaningful)
	End      time.Time      // UTC; zero for an instant
	Approx   bool           // reports whether the time was marked approximate ("around", "about", "~")
	Dated    bool           // reports whether a date was known (written or from the Context)
	HasDate  bool           // reports whether the expression wrote its own date
	Date     Date           // calendar date of Start in Location (for the next expression in a list)
	Location *time.Location // the zone to display the instant in: the zone written, else the Context's
	Zone     string         // the zone text as written, "" when none
	Warnings []*Error       // e.g. ErrDSTMismatch when not Strict
}

// Parse reads a human-written time or window against ctx. Errors are *Error.
func Parse(s string, ctx Context) (Expr, error) { return Expr{}, errors.New("TODO(tz)") }

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
