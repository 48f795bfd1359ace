package paste

import (
	"errors"
	"fmt"
	"strconv"
)

// Sentinel errors. Every *Diagnostic matches one of them with errors.Is, or an error of
// package tz (such as tz.ErrAmbiguous) that it wraps.
var (
	ErrNoZone     = errors.New("time without a zone")
	ErrRelative   = errors.New("relative date without --date")
	ErrNoTime     = errors.New("no time in the text")
	ErrNotText    = errors.New("not text")
	ErrOrder      = errors.New("time out of order")
	ErrNextDay    = errors.New("time earlier than the previous one")
	ErrUndated    = errors.New("no date in the text")
	ErrZoneChange = errors.New("zone named for the times")
)

// Codes of the diagnostics, shown at the end of each message as "[code]".
const (
	CodeNoZone      = "no-zone"             // a time with no zone written or named before it
	CodeAmbiguous   = "ambiguous-abbrev"    // an abbreviation with several readings nothing settles
	CodeMismatch    = "forms-disagree"      // two forms of one instant that disagree
	CodeDSTMismatch = "abbrev-dst-mismatch" // PST in July: read as the region's wall clock
	CodeRelative    = "relative-no-date"    // "yesterday" with no date to count from
	CodeNoYear      = "no-year"             // a date without its year and no year known
	CodeWeekday     = "weekday-mismatch"    // a weekday that does not fall on its date
	CodeBadTime     = "invalid-time"        // text tz cannot read as a time
	CodeNonexistent = "nonexistent-time"    // a wall clock in a spring-forward gap
	CodeAmbigTime   = "ambiguous-time"      // a wall clock in a fall-back hour
	CodeBadDate     = "invalid-date"        // a date that does not exist
	CodeNextDay     = "next-day"            // a time earlier than the previous line's, read as the next day
	CodeOrder       = "out-of-order"        // a dated time earlier than the previous one, kept as written
	CodeUndated     = "undated"             // no date anywhere: the draft is an undated incident
	CodeNoTime      = "no-time"             // no line of the text carries a time
	CodeNotText     = "not-text"            // binary input
)

// Diagnostic is an error or warning about a place in the text. Line and Column are 1-based
// (Column counts bytes); 0 when the place is the whole text.
type Diagnostic struct {
	File         string
	Line, Column int
	Code         string
	Msg          string // lower case, says how to fix it; does not repeat the code
	Warning      bool   // reports whether this is a warning rather than an error
	Err          error  // a sentinel above or an error of package tz
}

// Error returns "file:line:col: message [code]".
func (d *Diagnostic) Error() string {
	s := d.File
	if d.Line > 0 {
		if s != "" {
			s += ":"
		}
		s += strconv.Itoa(d.Line)
		if d.Column > 0 {
			s += ":" + strconv.Itoa(d.Column)
		}
	}
	if s != "" {
		s += ": "
	}
	return fmt.Sprintf("%s%s [%s]", s, d.Msg, d.Code)
}

// Unwrap returns d.Err.
func (d *Diagnostic) Unwrap() error { return d.Err }
