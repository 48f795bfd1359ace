package tz

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
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

// Error returns `tz: "<input>": <message>`.
func (e *Error) Error() string { return fmt.Sprintf("tz: %q: %s", e.Input, e.Msg) }

// Unwrap returns e.Err.
func (e *Error) Unwrap() error { return e.Err }

// Candidate is one reading of a time zone abbreviation. Offset is what the
// abbreviation literally means; Zone is the region that uses it, whose clocks
// follow DST and may not show Offset on a given date (see InEffect).
type Candidate struct {
	Abbrev string // as in the tz database where it has it, e.g. "PDT"
	Zone   string // IANA name of the region whose wall clock it names, e.g. "America/Los_Angeles"
	Region string // human name, e.g. "US Pacific", "India", "Ireland"
	Offset int    // seconds east of UTC that the abbreviation literally means
	DST    bool   // reports whether the abbreviation is the daylight-saving (summer) half of a pair, whatever sign the tz database gives it
	Minor  bool   // reports whether an English-language text rarely means this reading (Philippine "PST"); Resolve ignores minor readings when a major one exists
	Why    string // why this is a candidate, e.g. "Irish Standard Time (summer), tz database Europe/Dublin"
}

// AmbiguousError reports an abbreviation with several readings. It matches ErrAmbiguous.
type AmbiguousError struct {
	Abbrev     string      // the abbreviation, as the tz database spells it ("IST")
	Candidates []Candidate // every reading, the common one first
}

// Error lists the readings: `tz: ambiguous abbreviation "IST": India (+05:30,
// Asia/Kolkata), Ireland summer (+01:00, Europe/Dublin), Israel (+02:00,
// Asia/Jerusalem); write the offset or an IANA zone`.
func (e *AmbiguousError) Error() string {
	var b strings.Builder
	b.WriteString("tz: ambiguous abbreviation ")
	b.WriteString(strconv.Quote(e.Abbrev))
	b.WriteString(": ")
	for i, c := range e.Candidates {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.label())
	}
	b.WriteString("; write the offset or an IANA zone")
	return b.String()
}

// Is reports whether target is ErrAmbiguous.
func (e *AmbiguousError) Is(target error) bool { return target == ErrAmbiguous }

// Date is a calendar date without a zone. The zero Date means unknown.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Policy says what to do with a wall-clock time that falls in a DST gap or fold.
// The zero Policy is Reject. Earlier never gives a later instant than Later.
type Policy int

const (
	Reject     Policy = iota // gap and fold are errors
	Earlier                  // gap: the wall time moved back by the gap's length (02:30 → 01:30 EST, read with the offset after the gap); fold: the earlier instant
	Later                    // gap: the wall time moved forward by the gap's length (02:30 → 03:30 EDT, read with the offset before the gap); fold: the later instant
	Compatible               // RFC 5545: gap moves forward by its length (as Later), fold takes the earlier instant
)

// Case tells what a wall-clock time was. The zero Case means unknown.
type Case int

const (
	CaseUnknown Case = iota // not known: Wall returned an ErrInvalidDate
	Unique                  // exactly one instant
	Gap                     // no instant (spring forward)
	Fold                    // two instants (fall back)
)

// Wall returns the instant (in UTC) at which clocks in loc show the date and time,
// applying policy to gaps and folds and reporting which case occurred.
// A nil loc is UTC. It finds gaps and folds from the zone's transitions, never
// from time.Date's silent choice. The Case is reported with the error too.
// Errors: *Error matching ErrNonexistentTime (gap, Reject), ErrAmbiguousTime
// (fold, Reject), or ErrInvalidDate (no such date, or a clock outside
// 00:00:00-23:59:59). Wall is safe for concurrent use.
func Wall(d Date, hour, min, sec int, loc *time.Location, policy Policy) (time.Time, Case, error) {
	t, c, err := wallTime(d, hour, min, sec, loc, policy)
	return t.UTC(), c, err
}

// Resolve returns the location a person means by name: an IANA name or alias (any case),
// UTC/GMT/Z, a numeric offset (a fixed zone), a region generic (ET, PT, Pacific, US Pacific time),
// a city from the tz database, or an abbreviation that names one region's wall clock (EDT →
// America/New_York).
//
// Offsets read east of UTC after "UTC" and "GMT" too: "GMT+1" is +01:00, while
// the tz database's "Etc/GMT+1" keeps its POSIX meaning, -01:00. Aliases resolve
// to the zone they link to ("Asia/Calcutta" is "Asia/Kolkata"). Cities match
// ignoring case, accents, spaces and underscores ("sao paulo", "São_Paulo").
// An abbreviation resolves to its region's zone, which follows DST ("PST" and
// "PDT" are both America/Los_Angeles); see Candidates for what it literally means.
//
// Errors: *Error matching ErrUnknownZone, with a hint, or *AmbiguousError (matching
// ErrAmbiguous) for an abbreviation with readings of different offsets ("IST", "CST").
// A spelling resolved once is remembered: resolving it again does no I/O and
// allocates nothing. Resolve is safe for concurrent use.
func Resolve(name string) (*time.Location, error) { return resolve(name) }
