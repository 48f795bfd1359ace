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

// Resolve returns the location a person means by name: an IANA name or alias (any case),
// UTC/GMT/Z, a numeric offset (a fixed zone), a region generic (ET, PT, Pacific, US Pacific time),
// a city from the tz database, or an abbreviation that names one region's wall clock (EDT →
// America/New_York). Errors: ErrUnknownZone, *AmbiguousError.
func Resolve(name string) (*time.Location, error) { return nil, errors.New("TODO(tz)") }

// Candidates returns every reading of an abbreviation (any case), or nil if unknown.
func Candidates(abbr string) []Candidate { return nil }
