package tz

import "errors"

// ParseWindow reads a window given as its two ends, each a time expression
// read as [Parse] reads it, as a command line takes them: "2016-07-26 10:50
// EDT" and "12:38". The end is read on the start's date and in the start's
// zone unless it writes its own, and an end clock time before the start's is
// on the next day ("22:00" to "01:00" lasts three hours). The window is
// half-open, [Start, End); the result is the start's Expr with End set, Approx
// when either end is approximate, and the warnings of both.
//
// Errors are *Error, their Input the text of the end they are about: those of
// Parse; ErrSyntax when the start is already a window or the end is a window;
// ErrBackwards when the end, written with its own date, comes before the
// start. ParseWindow is safe for concurrent use.
func ParseWindow(start, end string, ctx Context) (Expr, error) {
	x, err := Parse(start, ctx)
	if err != nil {
		return Expr{}, err
	}
	if !x.End.IsZero() {
		return Expr{}, &Error{Input: start, Err: ErrSyntax,
			Msg: "is already a window; give its start alone, or drop the end"}
	}
	ectx := ctx
	ectx.Date = x.Date
	ectx.Location = x.Location
	ectx.After = x.Start
	y, err := Parse(end, ectx)
	if errors.Is(err, ErrBackwards) && x.Dated {
		// An end clock time before the start's is on the next day.
		ectx.Date = x.Date.AddDays(1)
		if z, err2 := Parse(end, ectx); err2 == nil && !z.HasDate {
			y, err = z, nil
		}
	}
	if err != nil {
		return Expr{}, err
	}
	if !y.End.IsZero() {
		return Expr{}, &Error{Input: end, Err: ErrSyntax,
			Msg: "is a window; give the end as one instant"}
	}
	if y.Start.Before(x.Start) {
		return Expr{}, &Error{Input: end, Err: ErrBackwards,
			Msg: "is " + fmtInstant(y.Start) + ", before the start " + fmtInstant(x.Start) + "; correct the end's date or time"}
	}
	x.End = y.Start
	x.Approx = x.Approx || y.Approx
	if len(y.Warnings) > 0 {
		x.Warnings = append(x.Warnings[:len(x.Warnings):len(x.Warnings)], y.Warnings...)
	}
	return x, nil
}
