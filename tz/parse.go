package tz

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Context is what a time expression is read against. The zero Context reads
// expressions that carry their own date and zone, in UTC otherwise. To read a
// list, pass each Expr's Date and Start as the next Context's Date and After.
type Context struct {
	Date     Date           // date of an expression that has none; zero: none known; only Year set: the year of a date written without one, and no date for a time alone
	Location *time.Location // zone of an expression that has none, and the context that settles an ambiguous abbreviation; nil is UTC
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
	Warnings []*Error       // e.g. ErrDSTMismatch when not Strict
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
// within seven in which the date falls on that weekday; otherwise
// ctx.Date.Year; otherwise it is ErrNoDate.
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
// without one the time is in ctx.Location. An abbreviation of a
// daylight-saving pair names its region's wall clock; when the half written
// does not match the date ("PST" in July), a warning matching ErrDSTMismatch
// names both readings (it is the error instead when ctx.Strict). An ambiguous
// abbreviation (CST, IST, BST, AST) is settled by ctx.Location when one
// reading's zone is ctx.Location, or keeps the same offsets and abbreviation
// on that date, or ctx.Location itself shows the abbreviation; otherwise it is
// an error listing the readings. A wall-clock time becomes an instant through
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
// Errors are *Error with the byte offset of the offending text and a message
// that says how to fix it; they match ErrSyntax, ErrMismatch, ErrWeekday,
// ErrBackwards, ErrDSTMismatch (Strict), ErrNoDate, ErrInvalidDate,
// ErrNonexistentTime, ErrAmbiguousTime, ErrUnknownZone or ErrAmbiguous (with
// the *AmbiguousError inside). Parse is safe for concurrent use.
func Parse(s string, ctx Context) (Expr, error) {
	if e, ok := fastRFC3339(s); ok {
		return e, nil
	}
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

// fastRFC3339 reads s when it is plain RFC 3339 ("2016-07-26T14:36:00Z",
// "2016-07-26T10:36:00.5-04:00"), the form machines write, as the general
// parser would but without it. It reports false for anything else.
func fastRFC3339(s string) (Expr, bool) {
	if len(s) < len("2006-01-02T15:04:05Z") || len(s) > len("2006-01-02T15:04:05.999999999-07:00") ||
		s[4] != '-' || s[10] != 'T' {
		return Expr{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || t.Year() < 1 {
		return Expr{}, false
	}
	_, off := t.Zone()
	if off%60 != 0 || off > 14*3600 || off < -14*3600 {
		return Expr{}, false
	}
	zone := s[len(s)-1:]
	if c := zone[0]; c != 'Z' && c != 'z' {
		zone = s[len(s)-len("-07:00"):]
	}
	return Expr{
		Start:    t.UTC(),
		Dated:    true,
		HasDate:  true,
		Date:     DateOf(t),
		Location: Fixed(off),
		Zone:     zone,
	}, true
}

// ---- errors ----

func (p *parser) errf(off int, err error, format string, args ...any) *Error {
	return &Error{Input: p.s, Offset: off, Err: err, Msg: fmt.Sprintf(format, args...)}
}

// ---- lexer ----

type tokKind uint8

const (
	tEOF tokKind = iota
	tNum
	tWord
	tPunct
)

// A token holds no pointers, so that copying it is cheap; its text is
// p.s[pos:end] (see tx).
type token struct {
	kind     tokKind
	space    bool // whitespace before the token
	r        rune // tPunct: the character ('-' for every dash)
	pos, end int  // byte offsets in the input
	val      int  // tNum: the value, -1 when too long
}

// tx returns the text of t.
func (p *parser) tx(t token) string { return p.s[t.pos:t.end] }

func (p *parser) lex() error {
	s := p.s
	space := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return p.errf(i, ErrSyntax, "invalid UTF-8 byte %#x", s[i])
		case unicode.IsSpace(r):
			space = true
			i += n
			continue
		case '0' <= r && r <= '9':
			j := i
			v := 0
			for j < len(s) && '0' <= s[j] && s[j] <= '9' {
				if v >= 0 {
					v = v*10 + int(s[j]-'0')
					if v > 1e8 {
						v = -1
					}
				}
				j++
			}
			p.toks = append(p.toks, token{kind: tNum, space: space, pos: i, end: j, val: v})
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r) && r != '_' {
					break
				}
				j += n
			}
			// An IANA name: letters, then "/" and more of a name ("America/New_York", "Etc/GMT+5").
			if j < len(s) && s[j] == '/' && j+1 < len(s) && isASCIILetter(s[j+1]) {
				for j < len(s) && isZoneNameByte(s[j]) {
					j++
				}
			}
			p.toks = append(p.toks, token{kind: tWord, space: space, pos: i, end: j})
			i = j
		default:
			c := r
			switch r {
			case ':', ',', '(', ')', '~', '+', '.', '/', '-', ';':
			case '–', '—', '−', '‒', '―': // dashes and the minus sign
				c = '-'
			case '≈':
				c = '~'
			default:
				return p.errf(i, ErrSyntax, "unexpected %q in a time expression", r)
			}
			p.toks = append(p.toks, token{kind: tPunct, space: space, r: c, pos: i, end: i + n})
			i += n
		}
		space = false
	}
	p.toks = append(p.toks, token{kind: tEOF, space: true, pos: len(s), end: len(s)})
	return nil
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isZoneNameByte(c byte) bool {
	return isASCIILetter(c) || '0' <= c && c <= '9' || c == '/' || c == '_' || c == '-' || c == '+'
}

// ---- parser ----

type parser struct {
	inAlt bool // reading the form after "/"
	s     string
	ctx   Context
	toks  []token
	i     int
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) peekN(n int) token {
	if p.i+n < len(p.toks) {
		return p.toks[p.i+n]
	}
	return p.toks[len(p.toks)-1]
}
func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

type timeSpec struct {
	has      bool
	pos, end int
	h, m, s  int
	ns       int
	exact    bool // written with seconds or in RFC 3339's T form: a following "-HH:MM" is an offset
	mer      byte // 'a' or 'p' when written with am or pm; 'w' for noon and midnight
	bare     bool // an hour alone ("9" in "9 – 11am"): it takes the end's am or pm
}

func (t timeSpec) midnight() bool { return t.h == 0 && t.m == 0 && t.s == 0 && t.ns == 0 }

type dateSpec struct {
	has         bool // month and day written
	pos, end    int
	y, m, d     int
	yearWritten bool
	hasWD       bool
	wd          time.Weekday
	wdPos       int
	afterTime   bool // written after the side's time ("10pm on Tuesday")
	iso         bool // written as YYYY-MM-DD
}

type zoneKind uint8

const (
	zFixed zoneKind = iota + 1 // UTC or a numeric offset
	zAbbr                      // an abbreviation with Candidates
	zLoc                       // anything else Resolve accepts
	zAmbig                     // Resolve said ambiguous and Candidates has nothing
)

type zoneSpec struct {
	kind     zoneKind
	pos, end int
	name     string // as written
	offset   int    // zFixed
	loc      *time.Location
	cands    []Candidate
	amb      *AmbiguousError
}

type side struct {
	date dateSpec
	tm   timeSpec
	zone *zoneSpec
}

type form struct {
	sides     [2]side
	window    bool
	sepPos    int
	approx    bool
	alts      [2]*form // the forms in parentheses after each end, if any
	altPos    [2]int   // where each begins
	from      [2]int   // where the text of each end begins
	dur       time.Duration
	durPos    int
	durApprox bool
	start     int
	end       int
}

var approxWords = map[string]bool{
	"around": true, "about": true, "approximately": true, "approx": true, "circa": true,
	"ca": true, "roughly": true, "abt": true, "apx": true,
}

var fillerWords = map[string]bool{
	"at": true, "on": true, "from": true, "between": true, "the": true, "of": true,
	"hours": true, "hrs": true, "hour": true, "today": true,
}

var sepWords = map[string]bool{
	"to": true, "and": true, "until": true, "till": true, "til": true, "through": true, "thru": true,
}

var monthWords = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

var weekdayWords = map[string]time.Weekday{
	"sunday": time.Sunday, "sun": time.Sunday, "monday": time.Monday, "mon": time.Monday,
	"tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
	"wednesday": time.Wednesday, "wed": time.Wednesday, "thursday": time.Thursday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
	"friday": time.Friday, "fri": time.Friday, "saturday": time.Saturday, "sat": time.Saturday,
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func isOrdinal(w string) bool {
	switch lower(w) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// stopWord reports whether w ends a run of words naming a zone.
func stopWord(w string) bool {
	l := lower(w)
	if approxWords[l] || fillerWords[l] || sepWords[l] || l == "noon" || l == "midnight" {
		return true
	}
	if _, ok := monthWords[l]; ok {
		return true
	}
	_, ok := weekdayWords[l]
	return ok
}

// parseForm reads one written form: an instant or a window with their dates,
// zones and marks. In parentheses (inParen) it stops before ")".
func (p *parser) parseForm(inParen bool) (form, error) {
	var f form
	f.start = p.peek().pos
	f.from[0] = f.start
	cur := 0 // index of the side being read
	for {
		t := p.peek()
		sd := &f.sides[cur]
		switch t.kind {
		case tEOF:
			if inParen {
				return f, p.errf(t.pos, ErrSyntax, "missing \")\"")
			}
			return f, p.finishForm(&f)
		case tPunct:
			switch t.r {
			case '~':
				f.approx = true
				p.next()
			case ',', '.', ';':
				p.next()
			case '(':
				if inParen {
					return f, p.errf(t.pos, ErrSyntax, "parentheses inside parentheses")
				}
				if f.alts[cur] != nil {
					return f, p.errf(t.pos, ErrSyntax, "a second form in parentheses; write one")
				}
				if !sd.tm.has {
					return f, p.errf(t.pos, ErrSyntax, "a form in parentheses must follow the time it repeats")
				}
				if p.approxAhead() {
					f.approx = true // "(approx.)", "(about)", "(~)"
					continue
				}
				p.next()
				alt, err := p.parseForm(true)
				if err != nil {
					return f, err
				}
				p.next() // ")"
				f.alts[cur] = &alt
				f.altPos[cur] = t.pos + 1
			case ')':
				if inParen {
					f.end = t.pos
					return f, p.finishForm(&f)
				}
				return f, p.errf(t.pos, ErrSyntax, "unmatched \")\"")
			case '-':
				if err := p.separator(&f, &cur, t); err != nil {
					return f, err
				}
			case '/':
				// "10:36 PDT / 13:36 EDT": the rest repeats the time in another zone.
				if inParen || p.inAlt || !sd.tm.has || f.alts[cur] != nil {
					return f, p.errf(t.pos, ErrSyntax, "unexpected \"/\"; write another form of the time as \"10:36 PDT / 13:36 EDT\" or \"10:36 PDT (13:36 EDT)\"")
				}
				p.next()
				p.inAlt = true
				alt, err := p.parseForm(false)
				p.inAlt = false
				if err != nil {
					return f, err
				}
				alt.end = p.peek().pos
				f.alts[cur] = &alt
				f.altPos[cur] = t.pos + 1
			case '+':
				return f, p.errf(t.pos, ErrSyntax, "unexpected \"+\"; write an offset right after the time (10:36+05:30)")
			default:
				return f, p.errf(t.pos, ErrSyntax, "unexpected %q", p.tx(t))
			}
		case tNum:
			if err := p.number(sd); err != nil {
				return f, err
			}
		case tWord:
			l := lower(p.tx(t))
			if m, ok := monthWords[l]; ok {
				if err := p.monthDay(sd, m); err != nil {
					return f, err
				}
				continue
			}
			if wd, ok := weekdayWords[l]; ok {
				if sd.date.hasWD {
					return f, p.errf(t.pos, ErrSyntax, "a second weekday; write one")
				}
				sd.date.hasWD, sd.date.wd, sd.date.wdPos = true, wd, t.pos
				if sd.tm.has && !sd.date.has {
					sd.date.afterTime = true
				}
				p.next()
				continue
			}
			switch {
			case approxWords[l]:
				f.approx = true
				p.next()
			case fillerWords[l], l == "time" && sd.zone != nil:
				p.next()
			case l == "for":
				if err := p.duration(&f); err != nil {
					return f, err
				}
			case sepWords[l]:
				if err := p.separator(&f, &cur, t); err != nil {
					return f, err
				}
			case l == "noon" || l == "midnight":
				if sd.tm.has {
					return f, p.errf(t.pos, ErrSyntax, "a second time %q; write a window as \"9am – 1pm\"", p.tx(t))
				}
				p.next()
				sd.tm = timeSpec{has: true, pos: t.pos, end: t.end, mer: 'w'}
				if l == "noon" {
					sd.tm.h = 12
				}
			case sd.tm.has && sd.zone == nil:
				z, err := p.zone()
				if err != nil {
					return f, err
				}
				sd.zone = z
			case sd.tm.has:
				return f, p.errf(t.pos, ErrSyntax, "unexpected %q after the zone %q", p.tx(t), sd.zone.name)
			default:
				return f, p.errf(t.pos, ErrSyntax, "unexpected %q; expected a date or a time (10:36, 10am, noon)", p.tx(t))
			}
		}
	}
}

func (p *parser) separator(f *form, cur *int, t token) error {
	if *cur == 1 {
		return p.errf(t.pos, ErrSyntax, "a window has two ends; %q starts a third", p.tx(t))
	}
	if !f.sides[0].tm.has {
		return p.errf(t.pos, ErrSyntax, "%q needs a time before it, as in \"9am – 1pm\"", p.tx(t))
	}
	p.next()
	f.window, f.sepPos, *cur = true, t.pos, 1
	f.from[1] = p.peek().pos
	return nil
}

// duration reads "for 28 minutes", "for about 15 minutes", "for half an hour".
func (p *parser) duration(f *form) error {
	t := p.next() // "for"
	if f.dur != 0 {
		return p.errf(t.pos, ErrSyntax, "a second duration; write one")
	}
	for w := p.peek(); w.kind == tWord && approxWords[lower(p.tx(w))]; w = p.peek() {
		f.durApprox = true
		p.next()
	}
	n := p.next()
	var d time.Duration
	switch l := lower(p.tx(n)); {
	case n.kind == tNum && n.val > 0 && n.val < 100000:
		d = time.Duration(n.val)
	case l == "a" || l == "an" || l == "one":
		d = 1
	case l == "half":
		if w := p.peek(); w.kind == tWord && (lower(p.tx(w)) == "an" || lower(p.tx(w)) == "a") {
			p.next()
		}
		u := p.next()
		if u.kind != tWord || lower(p.tx(u)) != "hour" {
			return p.errf(u.pos, ErrSyntax, "write \"for half an hour\" or \"for 30 minutes\"")
		}
		f.dur, f.durPos = 30*time.Minute, t.pos
		return nil
	default:
		return p.errf(n.pos, ErrSyntax, "\"for\" must be followed by a duration, as in \"for 28 minutes\"")
	}
	u := p.next()
	if u.kind != tWord {
		return p.errf(u.pos, ErrSyntax, "%q needs a unit: seconds, minutes or hours", p.s[t.pos:n.end])
	}
	switch lower(p.tx(u)) {
	case "second", "seconds", "sec", "secs", "s":
		d *= time.Second
	case "minute", "minutes", "min", "mins", "m":
		d *= time.Minute
	case "hour", "hours", "hr", "hrs", "h":
		d *= time.Hour
	default:
		return p.errf(u.pos, ErrSyntax, "%q is not a unit of time; write seconds, minutes or hours", p.tx(u))
	}
	f.dur, f.durPos = d, t.pos
	return nil
}

func (p *parser) finishForm(f *form) error {
	if f.end == 0 {
		f.end = p.peek().pos
	}
	if !f.sides[0].tm.has {
		if f.sides[0].date.has || f.sides[0].date.hasWD {
			return p.errf(f.start, ErrSyntax, "a date without a time; add the time (10:36, 10am, noon, midnight)")
		}
		return p.errf(f.start, ErrSyntax, "no time; write one like 10:36, 10:36am, 10pm, noon or 2016-07-26T14:36:00Z")
	}
	if f.window && !f.sides[1].tm.has {
		return p.errf(f.sepPos, ErrSyntax, "the window has no end time; write it as \"9am – 1pm\"")
	}
	// "9 – 11am", "10:30 – 1pm": a start without am or pm takes the end's,
	// or the other when that would put it after the end.
	a, b := &f.sides[0].tm, f.sides[1].tm
	if f.window && a.mer == 0 && !a.exact && (b.mer == 'a' || b.mer == 'p') && a.h >= 1 && a.h <= 12 && p.s[a.pos] != '0' {
		h := a.h % 12
		if b.mer == 'p' {
			h += 12
		}
		if h*3600+a.m*60 > b.h*3600+b.m*60 {
			h = (h + 12) % 24
		}
		a.h, a.mer, a.bare = h, b.mer, false
	}
	if a.bare {
		return p.errf(a.pos, ErrSyntax, "%q is not a time; write %s:00, %sam or %spm", p.s[a.pos:a.end], p.s[a.pos:a.end], p.s[a.pos:a.end], p.s[a.pos:a.end])
	}
	return nil
}

// number reads what starts with a number: a date or a time.
func (p *parser) number(sd *side) error {
	t := p.peek()
	n1 := p.peekN(1)
	switch {
	case len(p.tx(t)) == 4 && n1.kind == tPunct && n1.r == '-' && !n1.space && p.peekN(2).kind == tNum && !p.peekN(2).space:
		return p.isoDate(sd)
	case n1.kind == tPunct && n1.r == '/' && !n1.space && p.peekN(2).kind == tNum && !p.peekN(2).space:
		return p.slashDate(sd)
	case n1.kind == tPunct && (n1.r == ':' || n1.r == '.' && p.peekN(2).kind == tNum && len(p.tx(p.peekN(2))) == 2 && p.isMeridiem(3)) && !n1.space:
		return p.clock(sd)
	case n1.kind == tWord && (p.isMeridiem(1) || lower(p.tx(n1)) == "noon" || lower(p.tx(n1)) == "midnight"):
		return p.clock(sd)
	case n1.kind == tWord && isOrdinal(p.tx(n1)) && !n1.space || n1.kind == tWord && isMonth(p.tx(n1)):
		return p.dayMonth(sd)
	case len(p.tx(t)) <= 2 && t.val >= 1 && t.val <= 12 && !sd.tm.has && p.separatorAhead(1):
		// "9" in "9 – 11am": an hour that takes the end's am or pm.
		p.next()
		sd.tm = timeSpec{has: true, pos: t.pos, end: t.end, h: t.val, bare: true}
		return nil
	case len(p.tx(t)) == 4 && n1.kind == tWord && !sd.tm.has && (lower(p.tx(n1)) == "hours" || lower(p.tx(n1)) == "hrs"):
		// military time: "1430 hours"
		return p.clock(sd)
	}
	return p.errf(t.pos, ErrSyntax, "%q is neither a time nor a date; write a time as 10:36, 10am or 14:36, a date as 2016-07-26, July 26th or 7/26", p.tx(t))
}

// approxAhead reports whether the parentheses at p.i hold only a mark of an
// approximate time, and if so moves past them.
func (p *parser) approxAhead() bool {
	k := 1
	for ; ; k++ {
		t := p.peekN(k)
		switch {
		case t.kind == tWord && approxWords[lower(p.tx(t))]:
		case t.kind == tPunct && (t.r == '.' || t.r == '~'):
		case t.kind == tPunct && t.r == ')' && k > 1:
			p.i += k + 1
			return true
		default:
			return false
		}
	}
}

// separatorAhead reports whether the token at p.i+k separates a window's ends.
func (p *parser) separatorAhead(k int) bool {
	t := p.peekN(k)
	return t.kind == tPunct && t.r == '-' || t.kind == tWord && sepWords[lower(p.tx(t))]
}

func isMonth(w string) bool { _, ok := monthWords[lower(w)]; return ok }

// isMeridiem reports whether the tokens at p.i+k spell am or pm ("am", "PM", "a.m.", "p").
func (p *parser) isMeridiem(k int) bool {
	_, n := p.meridiem(k)
	return n > 0
}

// meridiem returns 'a' or 'p' and the number of tokens, or 0, 0.
func (p *parser) meridiem(k int) (byte, int) {
	t := p.peekN(k)
	if t.kind != tWord {
		return 0, 0
	}
	switch lower(p.tx(t)) {
	case "am":
		return 'a', 1
	case "pm":
		return 'p', 1
	case "a", "p":
		c := lower(p.tx(t))[0]
		// "a.m." or "p.m."
		if d := p.peekN(k + 1); d.kind == tPunct && d.r == '.' && !d.space {
			if m := p.peekN(k + 2); m.kind == tWord && lower(p.tx(m)) == "m" && !m.space {
				if e := p.peekN(k + 3); e.kind == tPunct && e.r == '.' && !e.space {
					return c, 4
				}
				return c, 3
			}
		}
		if !t.space {
			return c, 1 // "10a"
		}
	}
	return 0, 0
}

// clock reads a time of day: "10:36", "10:36:00.5", "10am", "10:36 p.m.", "12 noon", "1430 hours".
func (p *parser) clock(sd *side) error {
	t := p.next()
	if sd.tm.has {
		return p.errf(t.pos, ErrSyntax, "a second time %q; write a window as \"9am – 1pm\"", p.tx(t))
	}
	tm := timeSpec{has: true, pos: t.pos, end: t.end}
	if t.val < 0 || len(p.tx(t)) > 2 && len(p.tx(t)) != 4 {
		return p.errf(t.pos, ErrSyntax, "%q is not an hour", p.tx(t))
	}
	tm.h = t.val
	if len(p.tx(t)) == 4 { // "1430 hours"
		tm.h, tm.m = t.val/100, t.val%100
		if w := p.peek(); w.kind != tWord || (lower(p.tx(w)) != "hours" && lower(p.tx(w)) != "hrs") {
			return p.errf(t.pos, ErrSyntax, "%q is not an hour; write 14:30", p.tx(t))
		}
	}
	if c := p.peek(); c.kind == tPunct && (c.r == ':' || c.r == '.') && !c.space {
		p.next()
		m := p.next()
		if m.kind != tNum || m.space || len(p.tx(m)) != 2 {
			return p.errf(m.pos, ErrSyntax, "minutes must be two digits after %q, as in 10:05", p.tx(c))
		}
		tm.m, tm.end = m.val, m.end
		if c2 := p.peek(); c2.kind == tPunct && c2.r == ':' && c.r == ':' && !c2.space {
			p.next()
			s := p.next()
			if s.kind != tNum || s.space || len(p.tx(s)) != 2 {
				return p.errf(s.pos, ErrSyntax, "seconds must be two digits, as in 10:05:09")
			}
			tm.s, tm.end, tm.exact = s.val, s.end, true
			if d := p.peek(); d.kind == tPunct && (d.r == '.' || d.r == ',') && !d.space && p.peekN(1).kind == tNum && !p.peekN(1).space {
				p.next()
				fr := p.next()
				if len(p.tx(fr)) > 9 {
					return p.errf(fr.pos, ErrSyntax, "more than nine digits of a second")
				}
				ns := 0
				for i := 0; i < 9; i++ {
					ns *= 10
					if i < len(p.tx(fr)) {
						ns += int(p.tx(fr)[i] - '0')
					}
				}
				tm.ns, tm.end = ns, fr.end
			}
		}
	}
	if tm.m > 59 {
		return p.errf(t.pos, ErrSyntax, "minute %d is out of range (00-59)", tm.m)
	}
	if tm.s > 59 {
		return p.errf(t.pos, ErrSyntax, "second %d is out of range (00-59)", tm.s)
	}
	if c, n := p.meridiem(0); n > 0 {
		mt := p.peek()
		for range n {
			p.next()
		}
		tm.end = p.toks[p.i-1].end
		tm.mer = c
		switch {
		case tm.h > 12:
			return p.errf(mt.pos, ErrSyntax, "%02d:%02d is already a 24-hour time; drop %q or write %d:%02d %s", tm.h, tm.m, p.s[mt.pos:tm.end], tm.h-12, tm.m, strings.ToUpper(p.s[mt.pos:tm.end]))
		case tm.h == 0:
			return p.errf(t.pos, ErrSyntax, "there is no hour 0 on a 12-hour clock; write 12:%02d%s or %02d:%02d", tm.m, p.s[mt.pos:tm.end], tm.h, tm.m)
		case tm.h == 12 && c == 'a':
			tm.h = 0
		case tm.h != 12 && c == 'p':
			tm.h += 12
		}
	} else if w := p.peek(); w.kind == tWord && (lower(p.tx(w)) == "noon" || lower(p.tx(w)) == "midnight") && w.space {
		// "12 noon", "12 midnight"
		if tm.h != 12 || tm.m != 0 || tm.s != 0 {
			return p.errf(t.pos, ErrSyntax, "%q contradicts %q", p.s[t.pos:tm.end], p.tx(w))
		}
		p.next()
		tm.end, tm.mer = w.end, 'w'
		if lower(p.tx(w)) == "midnight" {
			tm.h = 0
		}
	} else if len(p.tx(t)) != 4 && tm.end == t.end {
		return p.errf(t.pos, ErrSyntax, "%q is not a time; write %s:00 or %sam/%spm", p.tx(t), p.tx(t), p.tx(t), p.tx(t))
	}
	if tm.h > 23 && !(tm.h == 24 && tm.m == 0 && tm.s == 0 && tm.ns == 0 && !p.hadMeridiem(tm)) {
		return p.errf(t.pos, ErrSyntax, "hour %d is out of range (0-23, or 24:00 for the end of the day)", tm.h)
	}
	sd.tm = tm
	// A numeric offset right after the time: "10:36-04:00", "14:36:00+0530".
	if o := p.peek(); o.kind == tPunct && (o.r == '+' || o.r == '-') && p.offsetAhead(tm.exact || o.r == '+' || sd.date.iso) {
		z, err := p.offset(o.pos)
		if err != nil {
			return err
		}
		sd.zone = z
	}
	return nil
}

// hadMeridiem reports whether the time's text ends in am or pm.
func (p *parser) hadMeridiem(tm timeSpec) bool {
	l := strings.ToLower(strings.TrimRight(p.s[tm.pos:tm.end], ". "))
	return strings.HasSuffix(l, "m") || strings.HasSuffix(l, "a") || strings.HasSuffix(l, "p")
}

// offsetAhead reports whether the tokens at p.i spell a numeric offset
// ("+05:30", "-0400", "+05"); with loose false, "-HH:MM" and "-HH" are taken
// to be a window's separator rather than an offset.
func (p *parser) offsetAhead(loose bool) bool {
	n := p.peekN(1)
	if n.kind != tNum || n.space {
		return false
	}
	if p.isMeridiem(2) {
		return false
	}
	switch len(p.tx(n)) {
	case 4:
		return true
	case 1, 2:
		if c := p.peekN(2); c.kind == tPunct && c.r == ':' && !c.space {
			if p.isMeridiem(4) {
				return false
			}
			return loose
		}
		return loose && len(p.tx(n)) == 2
	}
	return false
}

// offset reads "+05:30", "-0400", "+05" or "-4" at p.i; start is where the zone text begins.
func (p *parser) offset(start int) (*zoneSpec, error) {
	sign := p.next()
	n := p.next()
	if n.kind != tNum || n.space {
		return nil, p.errf(sign.pos, ErrSyntax, "%q must be followed by an offset, as in -04:00", p.tx(sign))
	}
	h, m := n.val, 0
	end := n.end
	switch len(p.tx(n)) {
	case 1, 2:
		if c := p.peek(); c.kind == tPunct && c.r == ':' && !c.space {
			p.next()
			mt := p.next()
			if mt.kind != tNum || mt.space || len(p.tx(mt)) != 2 {
				return nil, p.errf(c.pos, ErrSyntax, "an offset's minutes must be two digits, as in +05:30")
			}
			m, end = mt.val, mt.end
		}
	case 4:
		h, m = n.val/100, n.val%100
	default:
		return nil, p.errf(n.pos, ErrSyntax, "%q is not an offset; write it as +05:30 or -0400", p.s[sign.pos:n.end])
	}
	if h > 14 || m > 59 {
		return nil, p.errf(sign.pos, ErrSyntax, "offset %s is out of range (-12:00 to +14:00)", p.s[sign.pos:end])
	}
	off := h*3600 + m*60
	if sign.r == '-' {
		off = -off
	}
	return &zoneSpec{kind: zFixed, pos: start, end: end, name: p.s[start:end], offset: off}, nil
}

// isoDate reads "2016-07-26", and a "T" time after it.
func (p *parser) isoDate(sd *side) error {
	y := p.next()
	p.next() // "-"
	m := p.next()
	d := p.peekN(1)
	if c := p.peek(); c.kind != tPunct || c.r != '-' || c.space || d.kind != tNum || d.space {
		return p.errf(y.pos, ErrSyntax, "%q is not a date; write it as YYYY-MM-DD", p.s[y.pos:m.end])
	}
	p.next()
	p.next()
	if len(p.tx(m)) != 2 || len(p.tx(d)) != 2 {
		return p.errf(y.pos, ErrSyntax, "%q is not a date; write it as YYYY-MM-DD with two-digit month and day", p.s[y.pos:d.end])
	}
	if err := p.setDate(sd, dateSpec{has: true, pos: y.pos, end: d.end, y: y.val, m: m.val, d: d.val, yearWritten: true, iso: true}); err != nil {
		return err
	}
	// RFC 3339: "T" and the time, no spaces; "2016-07-26T14:36:00Z" lexes the "T" as a word.
	if t := p.peek(); t.kind == tWord && !t.space && (p.tx(t) == "T" || p.tx(t) == "t") {
		p.next()
		if h := p.peek(); h.kind != tNum || h.space {
			return p.errf(t.pos, ErrSyntax, "\"T\" must be followed by the time, as in 2016-07-26T14:36:00Z")
		}
		if err := p.clock(sd); err != nil {
			return err
		}
		sd.tm.exact = true
		if sd.zone == nil {
			if o := p.peek(); o.kind == tPunct && (o.r == '+' || o.r == '-') && !o.space && p.offsetAhead(true) {
				z, err := p.offset(o.pos)
				if err != nil {
					return err
				}
				sd.zone = z
			}
		}
	} else if t.kind == tWord && !t.space {
		return p.errf(t.pos, ErrSyntax, "unexpected %q after the date", p.tx(t))
	}
	return nil
}

// slashDate reads "3/30", "3/30/2021" or "3/30/21" (month first).
func (p *parser) slashDate(sd *side) error {
	m := p.next()
	p.next()
	d := p.next()
	ds := dateSpec{has: true, pos: m.pos, end: d.end, m: m.val, d: d.val}
	if c := p.peek(); c.kind == tPunct && c.r == '/' && !c.space {
		p.next()
		y := p.next()
		if y.kind != tNum || y.space || (len(p.tx(y)) != 4 && len(p.tx(y)) != 2) {
			return p.errf(c.pos, ErrSyntax, "a year after %q must have two or four digits", p.s[m.pos:d.end])
		}
		ds.y, ds.yearWritten, ds.end = y.val, true, y.end
		if len(p.tx(y)) == 2 {
			ds.y += 2000
		}
	}
	if len(p.tx(m)) > 2 || len(p.tx(d)) > 2 {
		return p.errf(m.pos, ErrSyntax, "%q is not a date; write month/day, as in 3/30", p.s[m.pos:ds.end])
	}
	return p.setDate(sd, ds)
}

// monthDay reads "April 28th", "Sept 24", "February 29th, 2012", "Jan 30 2014".
func (p *parser) monthDay(sd *side, m time.Month) error {
	mt := p.next()
	if c := p.peek(); c.kind == tPunct && c.r == '.' && !c.space {
		p.next() // "Sept."
	}
	d := p.peek()
	if d.kind != tNum {
		return p.errf(mt.pos, ErrSyntax, "%q needs a day, as in \"%s 28th\"", p.tx(mt), p.tx(mt))
	}
	p.next()
	if len(p.tx(d)) > 2 {
		return p.errf(d.pos, ErrSyntax, "%q is not a day of the month", p.tx(d))
	}
	if c := p.peek(); c.kind == tPunct && c.r == ':' && !c.space {
		return p.errf(mt.pos, ErrSyntax, "%q needs a day before the time, as in \"%s 26th %s\"", p.tx(mt), p.tx(mt), p.s[d.pos:p.peekN(1).end])
	}
	ds := dateSpec{has: true, pos: mt.pos, end: d.end, m: int(m), d: d.val}
	if o := p.peek(); o.kind == tWord && isOrdinal(p.tx(o)) && !o.space {
		p.next()
		ds.end = o.end
	}
	p.year(&ds)
	return p.setDate(sd, ds)
}

// dayMonth reads "28 April", "28th of April 2013", "24th".
func (p *parser) dayMonth(sd *side) error {
	d := p.next()
	ds := dateSpec{has: true, pos: d.pos, end: d.end, d: d.val}
	if o := p.peek(); o.kind == tWord && isOrdinal(p.tx(o)) && !o.space {
		p.next()
		ds.end = o.end
	}
	if o := p.peek(); o.kind == tWord && lower(p.tx(o)) == "of" {
		p.next()
	}
	mt := p.peek()
	m, ok := monthWords[lower(p.tx(mt))]
	if mt.kind != tWord || !ok {
		return p.errf(d.pos, ErrSyntax, "%q needs a month, as in \"%s April\"", p.s[d.pos:ds.end], p.s[d.pos:ds.end])
	}
	p.next()
	if c := p.peek(); c.kind == tPunct && c.r == '.' && !c.space {
		p.next()
	}
	if len(p.tx(d)) > 2 {
		return p.errf(d.pos, ErrSyntax, "%q is not a day of the month", p.tx(d))
	}
	ds.m, ds.end = int(m), mt.end
	p.year(&ds)
	return p.setDate(sd, ds)
}

// year reads an optional year after a month and day: " 2013" or ", 2013".
func (p *parser) year(ds *dateSpec) {
	k := 0
	if c := p.peek(); c.kind == tPunct && c.r == ',' {
		k = 1
	}
	y := p.peekN(k)
	if y.kind != tNum || len(p.tx(y)) != 4 {
		return
	}
	// "April 28th 2013" but not "April 28th, 1130 hours"
	if w := p.peekN(k + 1); w.kind == tWord && (lower(p.tx(w)) == "hours" || lower(p.tx(w)) == "hrs" || p.isMeridiem(k+1)) {
		return
	}
	if c := p.peekN(k + 1); c.kind == tPunct && c.r == ':' {
		return
	}
	for range k + 1 {
		p.next()
	}
	ds.y, ds.yearWritten, ds.end = y.val, true, y.end
}

func (p *parser) setDate(sd *side, ds dateSpec) error {
	if sd.date.has {
		return p.errf(ds.pos, ErrSyntax, "a second date %q; write one date for each time", p.s[ds.pos:ds.end])
	}
	ds.hasWD, ds.wd, ds.wdPos = sd.date.hasWD, sd.date.wd, sd.date.wdPos
	ds.afterTime = sd.tm.has
	sd.date = ds
	return nil
}

// zone reads the zone after a time: a run of words that Resolve or Candidates
// knows ("EDT", "US Pacific time", "America/New_York"), or UTC with an offset ("UTC-4").
func (p *parser) zone() (*zoneSpec, error) {
	t := p.peek()
	l := lower(p.tx(t))
	if l == "utc" || l == "gmt" || l == "z" || l == "ut" || l == "zulu" {
		p.next()
		if o := p.peek(); o.kind == tPunct && (o.r == '+' || o.r == '-') && !o.space && p.peekN(1).kind == tNum && !p.peekN(1).space {
			return p.offset(t.pos)
		}
		return &zoneSpec{kind: zFixed, pos: t.pos, end: t.end, name: p.tx(t)}, nil
	}
	// The longest run of up to four words that names a zone.
	n := 0
	for n < 4 {
		w := p.peekN(n)
		if w.kind != tWord || n > 0 && (!w.space || stopWord(p.tx(w))) {
			break
		}
		n++
	}
	var firstErr error
	for k := n; k >= 1; k-- {
		end := p.peekN(k - 1).end
		text := p.s[t.pos:end]
		z, err := lookupZone(text)
		if err != nil {
			if k == 1 {
				firstErr = err
			}
			continue
		}
		z.pos, z.end, z.name = t.pos, end, text
		p.i += k
		return z, nil
	}
	var te *Error
	if errors.As(firstErr, &te) && errors.Is(te, ErrUnknownZone) && strings.HasPrefix(te.Msg, "unknown zone") {
		// Resolve's message, with its suggestion when it has one.
		return nil, p.errf(t.pos, ErrUnknownZone, "%q: %s", p.tx(t), te.Msg)
	}
	return nil, p.errf(t.pos, ErrUnknownZone, "unknown zone %q; write an IANA name (America/New_York), an offset (-04:00, UTC-4) or an abbreviation (EDT)", p.tx(t))
}

// lookupZone classifies the zone text.
func lookupZone(text string) (*zoneSpec, error) {
	if !strings.ContainsAny(text, " /") {
		if c := Candidates(text); len(c) > 0 {
			return &zoneSpec{kind: zAbbr, cands: c}, nil
		}
	}
	loc, err := Resolve(text)
	if err == nil && loc != nil {
		return &zoneSpec{kind: zLoc, loc: loc}, nil
	}
	var amb *AmbiguousError
	if errors.As(err, &amb) {
		if len(amb.Candidates) > 0 && !strings.Contains(text, " ") {
			return &zoneSpec{kind: zAbbr, cands: amb.Candidates}, nil
		}
		return &zoneSpec{kind: zAmbig, amb: amb}, nil
	}
	if err == nil {
		err = ErrUnknownZone
	}
	return nil, err
}

// ---- resolution ----

// resolved is one form read as instants.
type resolved struct {
	start, end time.Time
	dated      bool
	hasDate    bool
	loc        *time.Location
	zone       string
	warnings   []*Error
	// for an undated form: the UTC clock (seconds in the day) when the zones
	// say it; -1 when they do not
	utcClock [2]int
	// for an end whose abbreviation has the wrong DST half: the instant the
	// abbreviation's literal offset gives, and the index of its warning
	lit     [2]time.Time
	litWarn [2]int
	litSide [2]side // what the warning was made of, to rewrite it
	litZone [2]zoneRes
	litWall [2]time.Time
}

func (p *parser) resolve(f *form) (Expr, error) {
	r, err := p.resolveForm(f, p.ctx, true)
	if err != nil {
		return Expr{}, err
	}
	approx := f.approx
	for i, alt := range f.alts {
		if alt != nil {
			if err := p.checkAlt(f, i, &r); err != nil {
				return Expr{}, err
			}
			approx = approx || alt.approx
		}
	}
	if f.dur != 0 {
		if err := p.checkDuration(f, &r); err != nil {
			return Expr{}, err
		}
	}
	e := Expr{
		Start:    r.start,
		End:      r.end,
		Approx:   approx,
		Dated:    r.dated,
		HasDate:  r.hasDate,
		Location: r.loc,
		Zone:     r.zone,
		Warnings: r.warnings,
	}
	if e.Dated {
		e.Date = DateOf(e.Start.In(e.Location))
	}
	return e, nil
}

func (p *parser) resolveForm(f *form, ctx Context, main bool) (resolved, error) {
	var r resolved
	a, b := f.sides[0], f.sides[1]
	// Dates and zones written once apply to both ends.
	endOwnDate := false
	if f.window {
		switch {
		case b.date.has && (a.date.has || !b.date.afterTime):
			// "Feb 5 11pm – Feb 6 1am", "11pm – Feb 6 1am": the end has its own date.
			endOwnDate = true
		case b.date.has:
			// "11pm – 1am on Feb 5": the date written last is the window's.
			wd := a.date
			a.date = b.date
			if wd.hasWD && !b.date.hasWD {
				a.date.hasWD, a.date.wd, a.date.wdPos = true, wd.wd, wd.wdPos
			}
		case a.date.has:
			b.date = a.date
		}
		if !a.date.has && !b.date.has {
			if a.date.hasWD && !b.date.hasWD {
				b.date = a.date
			} else if b.date.hasWD && !a.date.hasWD {
				a.date = b.date
			}
		}
		if a.zone == nil {
			a.zone = b.zone
		} else if b.zone == nil {
			b.zone = a.zone
		}
	}
	r.hasDate = a.date.has || b.date.has
	if a.zone != nil {
		r.zone = a.zone.name
	}

	d0, dated, err := p.resolveDate(a.date, ctx)
	if err != nil {
		return r, err
	}
	// "11pm to July 27th 1am" with no date known: the start is on the end's
	// date, or the day before when that puts it after the end.
	startFromEnd := false
	if !dated && endOwnDate && !a.date.hasWD {
		if d0, dated, err = p.resolveDate(b.date, ctx); err != nil {
			return r, err
		}
		startFromEnd = true
	}
	r.dated = dated
	r.loc = ctx.Location
	if r.loc == nil {
		r.loc = time.UTC
	}
	zs, err := p.resolveZone(a.zone, d0, dated, ctx)
	if err != nil {
		return r, err
	}
	if zs.loc != nil {
		r.loc = zs.loc
	}
	r.utcClock = [2]int{-1, -1}

	if !dated {
		// The wall clock on 0001-01-01, or on the day of an undated
		// ctx.After, so that a list that passes midnight keeps counting days.
		day := 1
		if ctx.After.Year() == 1 {
			day = ctx.After.YearDay()
		}
		r.start = time.Date(1, 1, day, a.tm.h, a.tm.m, a.tm.s, a.tm.ns, time.UTC)
		// The UTC clock, where the zone says it: a literal offset, or no
		// zone at all in a UTC Context.
		utcCtx := ctx.Location == nil || ctx.Location == time.UTC
		if zs.literal || a.zone == nil && utcCtx {
			r.utcClock[0] = mod(a.tm.h*3600+a.tm.m*60+a.tm.s-zs.offset, 86400)
		}
		if main && ctx.After.Year() == 1 && r.start.Before(ctx.After) {
			if !a.tm.midnight() {
				return r, p.backwards(a, ctx)
			}
			r.start = r.start.AddDate(0, 0, 1)
		}
		if f.window {
			zb, err := p.resolveZone(b.zone, Date{}, false, ctx)
			if err != nil {
				return r, err
			}
			r.end = time.Date(1, 1, day, b.tm.h, b.tm.m, b.tm.s, b.tm.ns, time.UTC)
			for r.end.Before(r.start) {
				r.end = r.end.AddDate(0, 0, 1)
			}
			if zb.literal || b.zone == nil && utcCtx {
				r.utcClock[1] = mod(b.tm.h*3600+b.tm.m*60+b.tm.s-zb.offset, 86400)
			}
		}
		return r, nil
	}

	r.start, err = p.instant(a, d0, zs, ctx)
	if err != nil {
		return r, err
	}
	if main && !a.date.has && !a.date.hasWD && !ctx.After.IsZero() {
		// A list that moves between zones ("9pm EDT", "02:00 UTC", "10:30pm"):
		// ctx.Date is the previous time's date in the previous zone, while
		// in this time's zone ctx.After may be on another day. Of the two
		// days, take the earlier reading that is not before ctx.After.
		if d2 := DateOf(ctx.After.In(r.loc)); d2 != d0 && d2.Valid() {
			if t2, err := p.instant(a, d2, zs, ctx); err == nil && !t2.Before(ctx.After) &&
				(r.start.Before(ctx.After) || t2.Before(r.start)) {
				d0, r.start = d2, t2
			}
		}
	}
	if main && !a.date.has && !ctx.After.IsZero() && r.start.Before(ctx.After) {
		if !a.tm.midnight() {
			return r, p.backwards(a, ctx)
		}
		d0 = d0.AddDays(1)
		r.start, err = p.instant(a, d0, zs, ctx)
		if err != nil {
			return r, err
		}
		if r.start.Before(ctx.After) {
			return r, p.backwards(a, ctx)
		}
	}
	if !f.window {
		return r, p.warnDST(&r, ctx, a, zs, r.start, 0)
	}

	d1 := d0
	if endOwnDate {
		if d1, _, err = p.resolveDate(b.date, ctx); err != nil {
			return r, err
		}
	}
	zb := zs
	if b.zone != a.zone {
		if zb, err = p.resolveZone(b.zone, d1, true, ctx); err != nil {
			return r, err
		}
	}
	r.end, err = p.instant(b, d1, zb, ctx)
	if err != nil {
		return r, err
	}
	if r.end.Before(r.start) && startFromEnd {
		if r.start, err = p.instant(a, d0.AddDays(-1), zs, ctx); err != nil {
			return r, err
		}
	}
	if r.end.Before(r.start) {
		if endOwnDate {
			return r, p.errf(b.tm.pos, ErrBackwards, "the window ends (%s) before it starts (%s); fix one of the dates", fmtInstant(r.end), fmtInstant(r.start))
		}
		// "11pm – 1am": the end is on the next day.
		for k := 0; k < 3 && r.end.Before(r.start); k++ {
			d1 = d1.AddDays(1)
			if r.end, err = p.instant(b, d1, zb, ctx); err != nil {
				return r, err
			}
		}
		if r.end.Before(r.start) {
			return r, p.errf(b.tm.pos, ErrBackwards, "the window ends (%s) before it starts (%s); write the dates", fmtInstant(r.end), fmtInstant(r.start))
		}
	}
	if err := p.warnDST(&r, ctx, a, zs, r.start, 0); err != nil {
		return r, err
	}
	return r, p.warnDST(&r, ctx, b, zb, r.end, 1)
}

// warnDST adds the warning for an abbreviation's wrong DST half at t to r,
// or returns it as the error when ctx.Strict.
func (p *parser) warnDST(r *resolved, ctx Context, sd side, zr zoneRes, t time.Time, i int) error {
	w, lit := p.dstMismatch(sd, zr, t, "")
	switch {
	case w == nil:
		return nil
	case ctx.Strict:
		return w
	}
	r.lit[i], r.litWarn[i] = lit, len(r.warnings)
	r.litSide[i], r.litZone[i], r.litWall[i] = sd, zr, t
	r.warnings = append(r.warnings, w)
	return nil
}

func mod(a, m int) int {
	a %= m
	if a < 0 {
		a += m
	}
	return a
}

func (p *parser) backwards(a side, ctx Context) *Error {
	clock := p.s[a.tm.pos:a.tm.end]
	next := ctx.Date
	if !next.Valid() {
		next = DateOf(ctx.After)
	}
	if next.Year <= 1 {
		return p.errf(a.tm.pos, ErrBackwards, "%s is before the previous time (%s); fix the time or put it in order", clock, fmtInstant(ctx.After))
	}
	return p.errf(a.tm.pos, ErrBackwards, "%s is before the previous time (%s); if it is on a later day, write the date with it, as in \"%s %s\"",
		clock, fmtInstant(ctx.After), next.AddDays(1), clock)
}

func fmtInstant(t time.Time) string {
	if t.Year() == 1 {
		return t.UTC().Format("15:04:05")
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// resolveDate returns the calendar date of a side and whether one is known.
func (p *parser) resolveDate(ds dateSpec, ctx Context) (Date, bool, error) {
	if !ds.has {
		if ctx.Date.IsZero() || ctx.Date.Month == 0 && ctx.Date.Day == 0 {
			if ds.hasWD {
				return Date{}, false, p.errf(ds.wdPos, ErrNoDate, "%s names a weekday but no date is known; write the date, as in \"%s, April 28th 2013\"", p.wdText(ds), p.wdText(ds))
			}
			return Date{}, false, nil
		}
		if !ctx.Date.Valid() {
			return Date{}, false, p.errf(0, ErrInvalidDate, "the context's date %s is not a calendar date", ctx.Date)
		}
		if ds.hasWD && ctx.Date.Weekday() != ds.wd {
			return Date{}, false, p.errf(ds.wdPos, ErrWeekday, "%s is a %s, not a %s; fix the weekday or write the date",
				longDate(ctx.Date), ctx.Date.Weekday(), ds.wd)
		}
		return ctx.Date, true, nil
	}
	d := Date{Year: ds.y, Month: time.Month(ds.m), Day: ds.d}
	if d.Month < 1 || d.Month > 12 {
		return Date{}, false, p.errf(ds.pos, ErrInvalidDate, "month %d does not exist; write the month first (3/30) or in words (March 30th)", ds.m)
	}
	if !ds.yearWritten {
		switch {
		case ctx.Date.Valid():
			d.Year = ctx.Date.Year
		case ds.hasWD:
			ref := ctx.Date.Year
			if ref == 0 && !ctx.After.IsZero() && ctx.After.Year() > 1 {
				ref = ctx.After.Year()
			}
			if ref == 0 {
				return Date{}, false, p.errf(ds.pos, ErrNoDate, "%s has no year and none is known; write the year, as in \"%s %d\"", p.s[ds.pos:ds.end], p.s[ds.pos:ds.end], 2013)
			}
			y, ok := nearestYear(d, ds.wd, ref)
			if !ok {
				return Date{}, false, p.errf(ds.pos, ErrWeekday, "%s %s falls on no year within 7 of %d; write the year", p.wdText(ds), p.s[ds.pos:ds.end], ref)
			}
			d.Year = y
		case ctx.Date.Year != 0:
			d.Year = ctx.Date.Year
		default:
			sep := " "
			if strings.Contains(p.s[ds.pos:ds.end], "/") {
				sep = "/"
			}
			return Date{}, false, p.errf(ds.pos, ErrNoDate, "%s has no year and none is known; write the year, as in \"%s%s2013\"", p.s[ds.pos:ds.end], p.s[ds.pos:ds.end], sep)
		}
	}
	if !d.Valid() {
		if d.Year < 1 || d.Year > 9999 {
			return Date{}, false, p.errf(ds.pos, ErrInvalidDate, "year %d is out of range (1-9999)", d.Year)
		}
		return Date{}, false, p.errf(ds.pos, ErrInvalidDate, "%s %d has %d days, not %d", d.Month, d.Year, daysIn(d.Month, d.Year), d.Day)
	}
	if ds.hasWD && d.Weekday() != ds.wd {
		return Date{}, false, p.errf(ds.wdPos, ErrWeekday, "%s is a %s, not a %s; fix the weekday or the date", longDate(d), d.Weekday(), ds.wd)
	}
	return d, true, nil
}

func (p *parser) wdText(ds dateSpec) string {
	end := ds.wdPos
	for end < len(p.s) && isASCIILetter(p.s[end]) {
		end++
	}
	return p.s[ds.wdPos:end]
}

// nearestYear returns the year nearest ref (the earlier on a tie), at most 7
// away, in which d's month and day fall on wd.
func nearestYear(d Date, wd time.Weekday, ref int) (int, bool) {
	for k := 0; k <= 7; k++ {
		for _, y := range [2]int{ref - k, ref + k} {
			c := Date{y, d.Month, d.Day}
			if c.Valid() && c.Weekday() == wd {
				return y, true
			}
		}
	}
	return 0, false
}

// longDate writes "April 28th 2013".
func longDate(d Date) string {
	return fmt.Sprintf("%s %d%s %d", d.Month, d.Day, ordinal(d.Day), d.Year)
}

func ordinal(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// zoneRes is a zone read on a date.
type zoneRes struct {
	loc     *time.Location // nil: the Context's
	literal bool           // the zone states an offset (UTC, +05:30, an abbreviation)
	fixed   bool           // the offset is all there is (UTC, +05:30): no wall clock
	offset  int            // seconds east, when literal
	cand    *Candidate     // the abbreviation's reading, when one was chosen
	spec    *zoneSpec
}

// resolveZone reads z on date d (when dated).
func (p *parser) resolveZone(z *zoneSpec, d Date, dated bool, ctx Context) (zoneRes, error) {
	if z == nil {
		return zoneRes{}, nil
	}
	zr := zoneRes{spec: z}
	switch z.kind {
	case zFixed:
		zr.literal, zr.fixed, zr.offset, zr.loc = true, true, z.offset, Fixed(z.offset)
		return zr, nil
	case zLoc:
		zr.loc = z.loc
		return zr, nil
	case zAmbig:
		if loc, ok := settle(z.amb.Candidates, d, dated, ctx); ok {
			zr.loc = loc
			return zr, nil
		}
		return zr, p.ambiguous(z, z.amb)
	}
	// An abbreviation.
	var zones []string
	for _, c := range z.cands {
		if !contains(zones, c.Zone) {
			zones = append(zones, c.Zone)
		}
	}
	var loc *time.Location
	if len(zones) == 1 {
		l, err := Load(zones[0])
		if err != nil {
			return zr, p.errf(z.pos, ErrUnknownZone, "%s names %s, which this system's time zone database lacks; write an offset instead", z.name, zones[0])
		}
		loc = l
	} else if l, ok := settle(z.cands, d, dated, ctx); ok {
		loc = l
	} else if off, ok := showsAbbrev(ctx.Location, z.name, d, dated); ok {
		// The Context's zone itself shows the abbreviation: "AST" in Puerto Rico.
		zr.loc, zr.literal, zr.offset = ctx.Location, true, off
		zr.cand = &Candidate{Abbrev: z.name, Zone: ctx.Location.String(), Region: ctx.Location.String(), Offset: off}
		return zr, nil
	} else if l, err := Resolve(z.name); err == nil && l != nil {
		loc = l
	} else {
		amb := &AmbiguousError{Abbrev: z.name, Candidates: z.cands}
		errors.As(err, &amb)
		return zr, p.ambiguous(z, amb)
	}
	zr.loc = loc
	// The reading of the abbreviation in that zone.
	for i := range z.cands {
		c := &z.cands[i]
		if c.Zone == loc.String() && (zr.cand == nil || strings.EqualFold(c.Abbrev, z.name) && !strings.EqualFold(zr.cand.Abbrev, z.name)) {
			zr.cand = c
		}
	}
	if zr.cand != nil {
		zr.literal, zr.offset = true, zr.cand.Offset
	}
	return zr, nil
}

// settle picks the candidate zone that ctx.Location settles: the one that is
// ctx.Location, else the only one whose offsets equal ctx.Location's on d.
func settle(cands []Candidate, d Date, dated bool, ctx Context) (*time.Location, bool) {
	if ctx.Location == nil {
		return nil, false
	}
	name := ctx.Location.String()
	for _, c := range cands {
		if c.Zone == name {
			l, err := Load(c.Zone)
			if err != nil {
				return ctx.Location, true
			}
			return l, true
		}
	}
	if !dated {
		return nil, false
	}
	var found *time.Location
	var seen []string
	for _, c := range cands {
		if contains(seen, c.Zone) {
			continue
		}
		seen = append(seen, c.Zone)
		l, err := Load(c.Zone)
		if err != nil || !sameOffsets(l, ctx.Location, d) || !usesAbbrev(ctx.Location, cands, c.Zone, d) {
			continue
		}
		if found != nil {
			return nil, false
		}
		found = l
	}
	return found, found != nil
}

// usesAbbrev reports whether clocks in loc show, some time in d's year, one of
// the abbreviations the candidates give zone: Winnipeg shows "CST" as Chicago
// does, while New York, with Havana's offsets, never shows Cuba's "CST".
func usesAbbrev(loc *time.Location, cands []Candidate, zone string, d Date) bool {
	for _, m := range [3]time.Month{time.January, time.July, d.Month} {
		day := 15
		if m == d.Month {
			day = d.Day
		}
		name, _ := time.Date(d.Year, m, day, 12, 0, 0, 0, time.UTC).In(loc).Zone()
		for _, c := range cands {
			if c.Zone == zone && strings.EqualFold(c.Abbrev, name) {
				return true
			}
		}
	}
	return false
}

// showsAbbrev reports whether clocks in loc show abbr on day d, or else in
// January or July of its year, and with which offset.
func showsAbbrev(loc *time.Location, abbr string, d Date, dated bool) (int, bool) {
	if loc == nil || !dated {
		return 0, false
	}
	for _, t := range [3]time.Time{
		time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC),
		time.Date(d.Year, time.January, 15, 12, 0, 0, 0, time.UTC),
		time.Date(d.Year, time.July, 15, 12, 0, 0, 0, time.UTC),
	} {
		if name, off := t.In(loc).Zone(); strings.EqualFold(name, abbr) {
			return off, true
		}
	}
	return 0, false
}

// sameOffsets reports whether a and b keep the same offsets over day d.
func sameOffsets(a, b *time.Location, d Date) bool {
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Add(-14 * time.Hour)
	for h := 0; h <= 52; h += 2 {
		u := t.Add(time.Duration(h) * time.Hour)
		_, oa := u.In(a).Zone()
		_, ob := u.In(b).Zone()
		if oa != ob {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (p *parser) ambiguous(z *zoneSpec, amb *AmbiguousError) *Error {
	var b strings.Builder
	for i, c := range amb.Candidates {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s %s (%s, UTC%s)", c.Region, c.Abbrev, c.Zone, FormatOffset(c.Offset, true))
	}
	return &Error{Input: p.s, Offset: z.pos, Err: amb,
		Msg: fmt.Sprintf("%q is ambiguous: %s; write an offset or an IANA name instead, or set the timezone it should be read in", z.name, b.String())}
}

// instant returns the instant of a side's time on d in the zone.
func (p *parser) instant(sd side, d Date, zr zoneRes, ctx Context) (time.Time, error) {
	tm := sd.tm
	if tm.h == 24 { // "24:00": the end of the day
		d, tm.h = d.AddDays(1), 0
	}
	if zr.fixed {
		t := time.Date(d.Year, d.Month, d.Day, tm.h, tm.m, tm.s, tm.ns, zr.loc)
		return t.UTC(), nil
	}
	loc := zr.loc
	if loc == nil {
		loc = ctx.Location
	}
	var t time.Time
	var err error
	if zr.literal {
		// An abbreviation settles a fold when its offset is one of the two readings.
		var c Case
		t, c, err = Wall(d, tm.h, tm.m, tm.s, loc, Earlier)
		if err == nil && c == Fold {
			t2, _, err2 := Wall(d, tm.h, tm.m, tm.s, loc, Later)
			switch {
			case offsetAt(t, loc) == zr.offset:
			case err2 == nil && offsetAt(t2, loc) == zr.offset:
				t = t2
			default:
				t, _, err = Wall(d, tm.h, tm.m, tm.s, loc, ctx.Policy)
			}
		} else if err == nil && c == Gap {
			t, _, err = Wall(d, tm.h, tm.m, tm.s, loc, ctx.Policy)
		}
	} else {
		t, _, err = Wall(d, tm.h, tm.m, tm.s, loc, ctx.Policy)
	}
	if err != nil {
		return time.Time{}, p.wallError(sd, d, loc, err)
	}
	return t.Add(time.Duration(tm.ns)).UTC(), nil
}

func offsetAt(t time.Time, loc *time.Location) int {
	_, off := t.In(loc).Zone()
	return off
}

func (p *parser) wallError(sd side, d Date, loc *time.Location, err error) *Error {
	name := "UTC"
	if loc != nil {
		name = loc.String()
	}
	when := fmt.Sprintf("%s %s in %s", d, p.s[sd.tm.pos:sd.tm.end], name)
	switch {
	case errors.Is(err, ErrNonexistentTime):
		return p.errf(sd.tm.pos, ErrNonexistentTime, "%s does not exist: clocks skipped it (spring forward); check the time, or write the offset meant", when)
	case errors.Is(err, ErrAmbiguousTime):
		t1, _, err1 := Wall(d, sd.tm.h, sd.tm.m, sd.tm.s, loc, Earlier)
		t2, _, err2 := Wall(d, sd.tm.h, sd.tm.m, sd.tm.s, loc, Later)
		if err1 != nil || err2 != nil || loc == nil {
			return p.errf(sd.tm.pos, ErrAmbiguousTime, "%s happened twice (clocks fell back); write the offset meant", when)
		}
		a1, o1 := t1.In(loc).Zone()
		a2, o2 := t2.In(loc).Zone()
		clock := t1.In(loc).Format("15:04")
		return p.errf(sd.tm.pos, ErrAmbiguousTime, "%s happened twice (clocks fell back): first as %s %s (%s) = %sZ, then as %s %s (%s) = %sZ; write the abbreviation or offset meant",
			when, clock, a1, FormatOffset(o1, true), t1.UTC().Format("15:04"), clock, a2, FormatOffset(o2, true), t2.UTC().Format("15:04"))
	case errors.Is(err, ErrInvalidDate):
		return p.errf(sd.tm.pos, ErrInvalidDate, "%s is not a valid date", d)
	}
	var te *Error
	if errors.As(err, &te) && te.Err != nil {
		return p.errf(sd.tm.pos, te.Err, "%s: %s", when, te.Msg)
	}
	return p.errf(sd.tm.pos, ErrInvalidDate, "%s: %v", when, err)
}

// dstMismatch returns the warning for an abbreviation whose half does not
// match the date: "PST" on a day Pacific time was PDT.
//
// With confirmedBy, the text of another form of the time that agrees with the
// literal offset, the warning says the literal reading was taken instead.
func (p *parser) dstMismatch(sd side, zr zoneRes, t time.Time, confirmedBy string) (*Error, time.Time) {
	if zr.cand == nil || zr.loc == nil {
		return nil, time.Time{}
	}
	abbr, off := t.In(zr.loc).Zone()
	if off == zr.offset {
		return nil, time.Time{}
	}
	clock := p.s[sd.tm.pos:sd.tm.end]
	wall := t.In(zr.loc).Format("15:04")
	// The same wall clock at the abbreviation's own offset.
	literal := t.Add(time.Duration(off-zr.offset) * time.Second).UTC()
	region := zr.cand.Region
	if region == "" {
		region = zr.loc.String()
	}
	if confirmedBy != "" {
		return &Error{Input: p.s, Offset: zr.spec.pos, Err: ErrDSTMismatch, Msg: fmt.Sprintf(
			"\"%s %s\" on %s: %s time was %s (%s) that day, but %q agrees with the literal %s: read as %sZ, not as the wall clock %s %s = %sZ",
			clock, zr.spec.name, DateOf(t.In(zr.loc)), region, abbr, FormatOffset(off, true),
			confirmedBy, FormatOffset(zr.offset, true), literal.Format("15:04"), wall, abbr, t.UTC().Format("15:04"))}, literal
	}
	return &Error{Input: p.s, Offset: zr.spec.pos, Err: ErrDSTMismatch, Msg: fmt.Sprintf(
		"\"%s %s\" on %s: %s time was %s (%s) that day; read as the wall clock %s %s = %sZ; the literal %s would be %sZ",
		clock, zr.spec.name, DateOf(t.In(zr.loc)), region, abbr, FormatOffset(off, true),
		wall, abbr, t.UTC().Format("15:04"), FormatOffset(zr.offset, true), literal.UTC().Format("15:04"))}, literal
}

// checkAlt checks that the form in parentheses after end i names the same
// instants as the main one: "10:36am EDT (14:36 UTC)".
func (p *parser) checkAlt(f *form, i int, r *resolved) error {
	alt := f.alts[i]
	pos := f.altPos[i]
	text := strings.TrimSpace(p.s[f.from[i] : pos-1])
	start, end := r.start, r.end
	clock := [2]int{r.utcClock[0], r.utcClock[1]}
	switch {
	case alt.window && !f.window:
		return p.errf(pos, ErrMismatch, "%q is a window but %q is an instant; write both the same way", p.s[alt.start:alt.end], text)
	case alt.window && i == 0:
		return p.errf(pos, ErrSyntax, "a window in parentheses goes after the end of the window it repeats")
	case alt.window:
		text = strings.TrimSpace(p.s[f.start : pos-1])
	case i == 1:
		start, end = r.end, time.Time{}
		clock = [2]int{r.utcClock[1], -1}
	default:
		end = time.Time{}
		clock[1] = -1
	}
	actx := Context{Location: p.ctx.Location, Policy: p.ctx.Policy, Strict: p.ctx.Strict}
	if !r.dated {
		ar, err := p.resolveForm(alt, actx, false)
		if err != nil {
			return err
		}
		if !ar.dated {
			for k := 0; k < 2; k++ {
				if clock[k] >= 0 && ar.utcClock[k] >= 0 && clock[k] != ar.utcClock[k] {
					return p.errf(pos, ErrMismatch, "%q is %02d:%02dZ but %q is %02d:%02dZ; correct one of them",
						text, clock[k]/3600, clock[k]/60%60, p.s[alt.start:alt.end], ar.utcClock[k]/3600, ar.utcClock[k]/60%60)
				}
			}
		}
		r.warnings = append(r.warnings, ar.warnings...)
		return nil
	}
	// Read the form in parentheses on the dates around the main one, in its own zone.
	var best resolved
	var bestErr error
	found := false
	base := DateOf(start.In(r.loc))
	if !alt.sides[0].date.has && !alt.sides[1].date.has {
		for _, k := range [3]int{0, -1, 1} {
			actx.Date = base.AddDays(k)
			ar, err := p.resolveForm(alt, actx, false)
			if err != nil {
				if bestErr == nil {
					bestErr = err
				}
				continue
			}
			if !found || absDur(ar.start.Sub(start)) < absDur(best.start.Sub(start)) {
				best, found = ar, true
			}
		}
	} else {
		actx.Date = base
		best, bestErr = p.resolveForm(alt, actx, false)
		found = bestErr == nil
	}
	if !found {
		return bestErr
	}
	if (!best.start.Equal(start) || !best.end.Equal(end)) && p.literalAgrees(f, i, r, best) {
		r.warnings = append(r.warnings, best.warnings...)
		return nil
	}
	if !best.start.Equal(start) || !best.end.Equal(end) {
		return p.errf(pos, ErrMismatch, "%q is %s but %q is %s; correct one of them",
			text, fmtSpan(start, end), p.s[alt.start:alt.end], fmtSpan(best.start, best.end))
	}
	r.warnings = append(r.warnings, best.warnings...)
	return nil
}

// literalAgrees reports whether the form in parentheses after end i agrees
// with the literal offset of an abbreviation whose DST half did not match
// the date ("10:36am EST (15:36 UTC)" in July); if so, r takes the literal
// reading and the warning says so.
func (p *parser) literalAgrees(f *form, i int, r *resolved, alt resolved) bool {
	ends := []int{i} // the ends the form in parentheses repeats
	if f.alts[i].window {
		ends = []int{0, 1}
	}
	got := [2]time.Time{r.start, r.end}
	used := false
	for _, k := range ends {
		if !r.lit[k].IsZero() {
			got[k], used = r.lit[k], true
		}
	}
	if !used {
		return false
	}
	switch {
	case f.alts[i].window && (!alt.start.Equal(got[0]) || !alt.end.Equal(got[1])):
		return false
	case !f.alts[i].window && !alt.start.Equal(got[i]):
		return false
	}
	if !got[1].IsZero() && got[1].Before(got[0]) {
		return false
	}
	for _, k := range ends {
		if !r.lit[k].IsZero() {
			r.warnings[r.litWarn[k]], _ = p.dstMismatch(r.litSide[k], r.litZone[k], r.litWall[k], p.s[f.alts[i].start:f.alts[i].end])
		}
	}
	r.start, r.end = got[0], got[1]
	return true
}

// checkDuration applies "for 28 minutes": the end of an instant, or a check
// of a window's length.
func (p *parser) checkDuration(f *form, r *resolved) error {
	if !f.window {
		r.end = r.start.Add(f.dur)
		return nil
	}
	if got := r.end.Sub(r.start); got != f.dur && !f.durApprox {
		return p.errf(f.durPos, ErrMismatch, "the window lasts %v but the text says %v; correct one of them", fmtDur(got), fmtDur(f.dur))
	}
	return nil
}

func fmtDur(d time.Duration) string {
	s := d.String()
	s = strings.TrimSuffix(s, "0s")
	return strings.TrimSuffix(s, "h0m")
}

func kind(window bool) string {
	if window {
		return "a window"
	}
	return "an instant"
}

func fmtSpan(a, b time.Time) string {
	if b.IsZero() {
		return fmtInstant(a)
	}
	return fmtInstant(a) + " – " + fmtInstant(b)
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
