package tz

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
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
