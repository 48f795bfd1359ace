package tz

import (
	"time"
)

// Context is what a time expression is read against. The zero Context reads
// expressions that carry their own date and zone, in UTC otherwise. To read a
// list, pass each Expr's Date and Start as the next Context's Date and After.
type Context struct {
	Date     Date           // date of an expression that has none; zero: none known; only Year set: the year of a date written without one, and no date for a time alone
	Location *time.Location // zone of an expression that has none, and of an abbreviation this zone itself shows on the date; it settles an ambiguous one; nil is UTC
	After    time.Time      // previous instant in the same list, if any: a time alone before it is ErrBackwards, except midnight, which then means the end of Date
	Strict   bool           // reports whether an abbreviation's wrong DST half is an error rather than a warning
	Policy   Policy         // for DST gaps and folds; zero is Reject
}

// Expr is a parsed time expression: an instant, or a half-open window
// [Start, End). Location is never nil; Warnings holds no nil entries.
type Expr struct {
	Start    time.Time      // UTC; when !Dated, the wall clock on 0001-01-01 (or ctx.After's day) in UTC: only differences are meaningful
	End      time.Time      // UTC; zero for an instant
	Approx   bool           // reports whether the time was marked approximate ("around", "about", "~")
	Dated    bool           // reports whether a date was known (written or from the Context)
	HasDate  bool           // reports whether the expression wrote its own date
	Date     Date           // calendar date of Start in Location (for the next expression in a list); zero when !Dated
	Location *time.Location // the zone to display the instant in: the zone written, else the Context's, else UTC
	Zone     string         // the zone text as written, "" when none
	Warnings []*Error       // ErrDSTMismatch when not Strict, ErrYearFromWeekday
}

// maxInput bounds the length of an expression; longer text is not a time.
const maxInput = 512

// Parse reads a human-written time or window against ctx, as such times appear
// in postmortems and announcements:
//
//	2016-07-26T14:36:00Z            2016-07-26 10:36 America/New_York
//	10:36am EDT (14:36 UTC)         around 9pm UTC            12:55~
//	3/30 from 12:30 to 12:55 hours PST
//	Sunday, April 28th, between 9am – 12pm EDT
//	10pm EDT on Tuesday September 24th
//	10:50 US Pacific time           noon    midnight    12am    24:00
//
// Times are H:MM, H:MM:SS[.fraction], with or without am/pm (a.m., PM), an
// hour with am/pm (10pm), noon, midnight, or "1430 hours". 12am is 00:00 and
// 12pm is 12:00; a 24-hour time with am/pm ("22:00 PM") is an error. 24:00 is
// the end of the day. "~" before or after, "around", "about",
// "approximately", "approx." or "circa" before, or "(approx.)" after, mark
// the time approximate.
//
// A window is written with "–", "—", "-", "to", "and", "until" or "through"
// between its ends; a zone or date written once applies to both ends, and an
// end that would come before the start on the same day is on the next day.
// The window is half-open: [Start, End). A start without am or pm takes the
// end's ("9 – 11am", "between 9 and 10am"), or the other half of the day when
// that would put it after the end ("11 – 1pm"). "for 28 minutes" (seconds, minutes,
// hours, "half an hour") makes an instant a window, and must agree with a
// window's length unless marked approximate ("for about 15 minutes").
//
// Dates are ISO (2016-07-26), month and day in words (April 28th, 28 April,
// Sept. 24, 2013), or numeric month/day (3/30, 3/30/2021; month first), each
// with an optional weekday that must agree (else ErrWeekday). A date written
// without its year takes the year of ctx.Date when that is a whole date;
// otherwise, with a weekday, the year nearest ctx.Date.Year (or ctx.After's)
// within seven in which the date falls on that weekday, with a warning
// matching ErrYearFromWeekday that names the other years that fit when that
// is not the reference year itself ("Thursday, April 11th" near 2026 is 2024,
// though 2019 and 2030 fit too); otherwise ctx.Date.Year; otherwise it is
// ErrNoDate.
//
// A time without a date is on ctx.Date. With ctx.After set (the previous
// instant of a list), such a time before it is ErrBackwards, except midnight
// (00:00, 12am), which is then the midnight that ends ctx.Date. When the list
// changed zone ("9pm EDT", then "02:00 UTC"), ctx.After may fall on another
// day in the time's zone than ctx.Date; the earlier reading on either day
// that is not before ctx.After is taken.
//
// Zones are UTC, GMT and Z, numeric offsets (+05:30, -0400, UTC-4, GMT+1),
// IANA names and whatever Resolve accepts (PT, ET, US Pacific time, cities);
// without one the time is in ctx.Location. An abbreviation that ctx.Location
// itself shows on that date, in a zone that is none of its readings' regions,
// is that zone's, with no warning ("MST" in America/Phoenix, "CET" in
// Africa/Algiers in July). Otherwise an abbreviation of a daylight-saving pair
// names its region's wall clock; when the half written does not match the
// date ("PST" in July), a warning matching ErrDSTMismatch names both readings
// (it is the error instead when ctx.Strict). An ambiguous abbreviation (CST,
// IST, BST, AST) is settled by ctx.Location when one reading's zone is
// ctx.Location, or keeps the same offsets and abbreviation on that date;
// else by the time's own repeat in parentheses or after a slash when exactly
// one reading agrees with it ("11:10 BST (10:10 UTC)" is the UK's); otherwise
// it is an error listing the readings. A wall-clock time becomes an instant through
// Wall with ctx.Policy; a written offset, UTC, or an abbreviation whose offset
// is one of the two readings settles a fold.
//
// A form in parentheses after a time or window, "10:36am EDT (14:36 UTC)",
// or after a slash, "10:36 PDT / 13:36 EDT", must name the same instants,
// else ErrMismatch naming both. When it agrees instead with the literal
// offset of an abbreviation whose DST half does not match the date, that
// literal reading is taken, and the warning says so.
//
// Without any date (none written, ctx.Date zero) the result is not Dated and
// Start is the wall clock on 0001-01-01 in UTC (on the day of ctx.After when
// that is such an undated instant, so that a list passing midnight keeps
// counting days): only durations mean something.
//
// Instants must lie within years 1 to 9999 in UTC, which RFC 3339 can write:
// "9999-12-31T23:00-05:00" is ErrInvalidDate.
//
// Errors are *Error with the byte offset of the offending text and a message
// that says how to fix it; they match ErrSyntax, ErrMismatch, ErrWeekday,
// ErrBackwards, ErrDSTMismatch (Strict), ErrNoDate, ErrInvalidDate,
// ErrNonexistentTime, ErrAmbiguousTime, ErrUnknownZone or ErrAmbiguous (with
// the *AmbiguousError inside). Parse is safe for concurrent use.
func Parse(s string, ctx Context) (Expr, error) {
	if e, ok := fastRFC3339(s); ok {
		return e, nil
	}
	if e, ok := fastISOZone(s, ctx); ok {
		return e, nil
	}
	return parseGeneral(s, ctx)
}

// parseGeneral is Parse without the fast paths of the forms tools and
// templates write (rfc3339.go, isozone.go), which must read what they accept
// exactly as it does.
func parseGeneral(s string, ctx Context) (Expr, error) {
	var buf [24]token
	p := parser{s: s, ctx: ctx, toks: buf[:0]}
	if len(s) > maxInput {
		return Expr{}, p.errf(maxInput, ErrSyntax, "too long for a time expression (%d bytes, at most %d)", len(s), maxInput)
	}
	if err := p.lex(); err != nil {
		return Expr{}, err
	}
	f, err := p.parseForm(false)
	if err != nil {
		return Expr{}, err
	}
	if p.peek().kind != tEOF {
		return Expr{}, p.errf(p.peek().pos, ErrSyntax, "unexpected %q; write one time or window per expression", p.tx(p.peek()))
	}
	return p.resolve(&f)
}
