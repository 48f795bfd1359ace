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
	// ErrYearFromWeekday is a warning, never an error: a date written with a
	// weekday and no year took the nearest year that fits while other years
	// near it fit too.
	ErrYearFromWeekday = errors.New("year taken from the weekday")
)

// Error is an error or warning about a piece of text.
type Error struct {
	Input  string // the text that was read
	Offset int    // byte offset in Input of the offending part
	Err    error  // what is wrong: a sentinel above, an *AmbiguousError or a *MismatchError
	Msg    string // explanation and how to fix it; lower case, does not repeat Input
}

// Error returns `tz: "<input>": <message>`.
func (e *Error) Error() string { return fmt.Sprintf("tz: %q: %s", e.Input, e.Msg) }

// Unwrap returns e.Err.
func (e *Error) Unwrap() error { return e.Err }

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

// MismatchError reports a time and its repeat, in parentheses or after a
// slash, that name different instants: "10:36 (11:36 UTC)" read in UTC. It
// matches ErrMismatch. A validator that finds every pair of a file off by the
// same Shift can say once that the file's zone is wrong, rather than once per
// time.
type MismatchError struct {
	Written time.Time // the instant the time names as written, in UTC; when !Dated, its UTC clock on 0001-01-01
	Repeat  time.Time // the instant its repeat names, as Written
	Zone    string    // the zone written with the time; "" when it was read in the Context's
	Dated   bool      // reports whether the instants are dated; if not, only their clocks mean something
}

// Error returns "tz: a time and its repeat disagree by <Shift>".
func (e *MismatchError) Error() string {
	return fmt.Sprintf("tz: a time and its repeat disagree by %s", e.Shift())
}

// Is reports whether target is ErrMismatch.
func (e *MismatchError) Is(target error) bool { return target == ErrMismatch }

// Shift returns Repeat minus Written: how far the written time's zone is off
// if the repeat is right. For undated clocks it is taken within a day, between
// -12 and +12 hours.
func (e *MismatchError) Shift() time.Duration {
	d := e.Repeat.Sub(e.Written)
	if !e.Dated {
		for d > 12*time.Hour {
			d -= 24 * time.Hour
		}
		for d <= -12*time.Hour {
			d += 24 * time.Hour
		}
	}
	return d
}
