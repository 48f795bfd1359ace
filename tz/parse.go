package tz

import (
	"errors"
	"time"
)

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
