package tz

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

type parser struct {
	inAlt bool // reading the form after "/"
	s     string
	ctx   Context
	toks  []token
	i     int
	// pick is the reading tried for an ambiguous abbreviation that the
	// Context does not settle, to see whether its own pair does
	pick *Candidate
	// yearWarn is the warning that a year was taken from a weekday while
	// other years near the reference fit too
	yearWarn *Error
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

func (p *parser) errf(off int, err error, format string, args ...any) *Error {
	return &Error{Input: p.s, Offset: off, Err: err, Msg: fmt.Sprintf(format, args...)}
}
