package paste

import (
	"bytes"
	"cmp"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/tz"
)

// Config says how a text is read. The zero Config knows no date and no zone: the text must
// name them. A Config is safe for concurrent use as long as it is not modified.
type Config struct {
	// Date is the day the text was written: "yesterday", "today", "this morning" and
	// weekdays count from it, and times before any date is known fall on it. Zero: unknown.
	Date tz.Date
	// Year is the year of dates the text writes without one; zero: Date's year, else unknown.
	Year int
	// Location is the zone of times written without one; nil: the text must name it.
	Location *time.Location
	// Zone is Location's name as given (the draft's timezone); "" means Location.String().
	Zone string
	// Title is the draft's title; "" takes the text's first heading or short first line.
	Title string
	// Strict reports whether an abbreviation's wrong daylight-saving half is an error.
	Strict bool
	// MaxEvents bounds the times (events and windows) of one draft; zero means
	// DefaultMaxEvents. Reading stops at the line that passes it, with an error there.
	MaxEvents int
}

// DefaultMaxEvents is the most times one draft holds when Config.MaxEvents is zero. A
// timeline of hundreds of events is long; an event of a draft is about 7 of the values an
// incident file may hold (incident.DefaultMaxValues), so that a draft of this many still
// reads back.
const DefaultMaxEvents = 25_000

// Parse is (*Config).Parse with the zero Config.
func Parse(name string, data []byte) (*incident.Incident, incident.ErrorList) {
	var c Config
	return c.Parse(name, data)
}

// maxLine bounds the part of a line that is searched for times; the rest of a longer line is
// text only, kept whole.
const maxLine = 16 << 10

// maxSpan is the most words one time expression is looked for in.
const maxSpan = 14

// Parse reads a pasted timeline or a whole post and returns an incident draft whose
// timeline has one event per time the text carries, with the diagnostics, errors first
// in text order. Every time-carrying line becomes an event whose at is the time as written,
// completed with its date when it has none and the date is needed; windows ("from 12:30 to
// 12:55 PST") become outages. A line with an error (no zone, an ambiguous abbreviation,
// forms that disagree) is left out of the draft. The draft is nil only when the text
// cannot be read at all (binary, or no time in it). Parse never invents a date: a text with
// none gives an undated incident and a warning coded "undated". An event's text is the part
// of its line that belongs to its time (see segments), with the lines that continue it; only
// the first 16 KiB of a line are searched for times, the rest is text. Past Config.MaxEvents
// times, reading stops at that line with an error matching ErrTooLarge (code
// incident.CodeTooLarge); the draft holds the times before it.
func (c *Config) Parse(name string, data []byte) (*incident.Incident, incident.ErrorList) {
	p := &parser{cfg: c, file: name}
	if i := bytes.IndexByte(data, 0); i >= 0 || !utf8.Valid(data) {
		msg := "binary data, not text"
		if i < 0 {
			msg = "not UTF-8 text"
		}
		p.diag(0, 0, incident.CodeNotText, ErrNotText, false, "%s; paste the post or timeline as text", msg)
		return nil, p.diags
	}
	p.init()
	text := string(data)
	for n := 1; !p.stopped; n++ {
		raw, rest, more := strings.Cut(text, "\n")
		p.line(n, strings.TrimSuffix(raw, "\r"))
		if !more {
			break
		}
		text = rest
	}
	return p.finish()
}

type parser struct {
	cfg   *Config
	file  string
	diags incident.ErrorList

	date     tz.Date        // date of a time written without one
	dateSet  bool           // reports whether a date was named since the last event
	loc      *time.Location // zone named by the text or the Config; nil: none
	zoneName string         // how loc was named
	firstLoc *time.Location // first zone named for the whole text (timezone of the draft)

	title    string
	summary  []string
	inPara   bool // the current paragraph has had an event
	last     *item
	items    []*item
	lineNo   int
	anyEvent bool
	lineErr  bool    // reports whether the current line has an error: its times are left out
	pending  []*item // the times of the current line
	prev     *item   // the last event or window start kept
	stopped  bool    // reports whether reading stopped at Config.MaxEvents
}

// item is an event or an outage window read from one place of the text.
type item struct {
	e        tz.Expr
	written  string  // the time expression as written
	ctxDate  tz.Date // the date it was read on
	text     string
	more     []string // continuation lines, joined to text by finish
	window   bool
	line     int
	needDate bool

	start, end int  // byte offsets of the time in its line
	leading    bool // reports whether the time starts its line ("10:05 - paged")
}

func (p *parser) init() {
	p.date = p.cfg.Date
	if p.date.IsZero() && p.cfg.Year != 0 {
		p.date = tz.Date{Year: p.cfg.Year}
	}
	if p.cfg.Location != nil {
		p.loc = p.cfg.Location
		p.zoneName = p.cfg.Zone
		if p.zoneName == "" {
			p.zoneName = p.cfg.Location.String()
		}
		p.firstLoc = p.loc
	}
}

// diag reports a problem at line and col (0 for the whole text): its Err says the formatted
// text and matches err.
func (p *parser) diag(line, col int, code string, err error, warning bool, format string, args ...any) {
	p.diags = append(p.diags, &incident.ParseError{File: p.file, Line: line, Column: col, Code: code,
		Err: incident.Errorf(err, format, args...), Warning: warning})
}

// word is a whitespace-separated word of a line, at byte offsets [start, end).
type word struct{ start, end int }

func words(s string) []word {
	var out []word
	start := -1
	for i, r := range s {
		sp := r == ' ' || r == '\t' || r == '\u00a0'
		switch {
		case sp && start >= 0:
			out = append(out, word{start, i})
			start = -1
		case !sp && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, word{start, len(s)})
	}
	return out
}

// clean strips Markdown decoration a pasted line carries: heading marks, bullets, bold
// and table pipes (cells are joined with " - ").
func clean(raw string) (s string, heading bool) {
	s = strings.TrimSpace(raw)
	if strings.HasPrefix(s, "#") {
		heading = true
		s = strings.TrimSpace(strings.TrimLeft(s, "#"))
	}
	if strings.HasPrefix(s, "|") {
		cells := strings.Split(strings.Trim(s, "|"), "|")
		var keep []string
		for _, c := range cells {
			c = strings.TrimSpace(c)
			if strings.Trim(c, "-: ") == "" {
				continue
			}
			keep = append(keep, c)
		}
		s = strings.Join(keep, " - ")
	}
	for _, b := range []string{"- ", "* ", "• ", "+ ", "– ", "— ", "> "} {
		s = strings.TrimPrefix(s, b)
	}
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "__", "")
	s = strings.TrimSpace(s)
	return s, heading
}

func (p *parser) line(n int, raw string) {
	p.lineNo = n
	s, heading := clean(raw)
	if s == "" {
		p.inPara = false
		p.last = nil
		return
	}
	lead := strings.Index(raw, s)
	if lead < 0 {
		lead = 0 // decoration removed from inside the line: columns are approximate
	}
	search := s
	if len(search) > maxLine {
		cut := maxLine
		for cut > 0 && !utf8.RuneStart(search[cut]) {
			cut--
		}
		search = search[:cut]
	}
	p.lineErr, p.pending = false, nil
	found := p.scan(n, lead, search)
	if !p.lineErr && len(p.pending) > 0 {
		if max := cmp.Or(p.cfg.MaxEvents, DefaultMaxEvents); len(p.items)+len(p.pending) > max {
			p.diag(n, lead+p.pending[0].start+1, incident.CodeTooLarge, ErrTooLarge, false,
				"more than %d times, the most one draft holds: the text from this line on is left out; import it separately (from line %d)", max, n)
			p.stopped = true
			return
		}
		segments(p.pending, s)
	}
	// One time and a duration in words ("10:05 UTC the API failed, lasting 25 minutes",
	// "for nineteen minutes from 11:16"): the window [time, time+duration).
	if !p.lineErr && len(p.pending) == 1 && !p.pending[0].window {
		if d, ok := durationIn(search); ok {
			it := p.pending[0]
			it.window = true
			it.e.End = it.e.Start.Add(d)
		}
	}
	if !p.lineErr && len(p.pending) > 0 {
		p.items = append(p.items, p.pending...)
		for _, it := range p.pending {
			if !it.window || it.text != "" {
				p.last = it
			}
		}
		p.anyEvent = true
		p.inPara = true
	}
	if len(p.pending) == 0 && !p.lineErr && p.zoneSentence(n, lead, s) {
		return
	}
	if !found {
		if p.cfg.Title == "" && p.title == "" && !p.anyEvent && len(s) <= 120 &&
			(heading || len(p.summary) == 0 && !strings.ContainsAny(s[len(s)-1:], ".!?")) {
			p.title = strings.TrimSuffix(s, ":")
			return
		}
		switch {
		case p.last != nil && p.inPara:
			p.last.more = append(p.last.more, s)
		case !p.anyEvent && !heading:
			p.summary = append(p.summary, s)
		}
	}
}

// relative words and the day they mean, counted back from Config.Date.
var relativeWords = map[string]int{
	"yesterday": -1, "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
	"this evening": 0, "earlier today": 0, "last night": -1,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var months = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
	"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
	"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true,
}

var leadWords = map[string]bool{
	"around": true, "about": true, "approximately": true, "approx.": true, "circa": true,
	"between": true, "from": true, "noon": true, "midnight": true, "~": true,
}

// trailingWords never end a time expression, though tz.Parse may read them as part of one.
var trailingWords = map[string]bool{"the": true, "on": true, "at": true, "of": true, "in": true, "a": true, "an": true, "and": true, "we": true}

func bare(w string) string {
	return strings.ToLower(strings.Trim(w, "()[]*_,.;:!?\"'`"))
}

// startsTime reports whether a time expression may start with w.
func startsTime(w string) bool {
	w = strings.TrimLeft(w, "*_\"'`[")
	if w == "" {
		return false
	}
	if c := w[0]; '0' <= c && c <= '9' || c == '~' {
		return true
	}
	b := bare(w)
	return leadWords[b] || months[strings.TrimSuffix(b, ".")] || weekdays[b] != 0 || b == "sunday"
}

// trimSpan drops trailing punctuation and an unbalanced closing parenthesis.
func trimSpan(s string) string {
	for {
		t := strings.TrimRight(s, ",.;:!?*_\"'`")
		if strings.HasSuffix(t, ")") && strings.Count(t, "(") < strings.Count(t, ")") {
			t = t[:len(t)-1]
		}
		if t == s {
			return s
		}
		s = t
	}
}

// semantic reports whether err is about a time that was read, not text that is no time.
func semantic(err error) bool {
	return errors.Is(err, tz.ErrAmbiguous) || errors.Is(err, tz.ErrMismatch) ||
		errors.Is(err, tz.ErrWeekday) || errors.Is(err, tz.ErrNonexistentTime) ||
		errors.Is(err, tz.ErrAmbiguousTime) || errors.Is(err, tz.ErrDSTMismatch) ||
		errors.Is(err, tz.ErrNoDate)
}

// codeOf returns the code of a tz error; invalid-time for text that is no time.
func codeOf(err error) string { return cmp.Or(incident.CodeOf(err), incident.CodeBadTime) }

// tzMessage is a tz error's message without its "tz: \"input\": " prefix.
func tzMessage(err error) string {
	var te *tz.Error
	if errors.As(err, &te) {
		return te.Msg
	}
	return strings.TrimPrefix(err.Error(), "tz: ")
}

func (p *parser) ctx(d tz.Date) tz.Context {
	return tz.Context{Date: d, Location: p.loc, Strict: p.cfg.Strict}
}

// scan finds the dates, relative words and times of a line, in order, and reports whether
// the line carried a time or a date.
func (p *parser) scan(n, lead int, s string) bool {
	ws := words(s)
	found := false
	for i := 0; i < len(ws); i++ {
		w := s[ws[i].start:ws[i].end]
		if j, ok := p.relative(n, lead, s, ws, i); ok {
			i = j
			found = true
			continue
		}
		if !startsTime(w) {
			continue
		}
		j, ok := p.expr(n, lead, s, ws, i)
		if ok {
			found = true
			i = j
		}
	}
	return found
}

// relative reads a relative date word at ws[i]; it returns the index of its last word.
func (p *parser) relative(n, lead int, s string, ws []word, i int) (int, bool) {
	one := bare(s[ws[i].start:ws[i].end])
	two := ""
	if i+1 < len(ws) {
		two = one + " " + bare(s[ws[i+1].start:ws[i+1].end])
	}
	days, ok := relativeWords[two]
	last := i + 1
	if !ok {
		days, ok = relativeWords[one]
		last = i
	}
	if !ok {
		return i, false
	}
	if p.cfg.Date.IsZero() {
		if days != 0 {
			p.diag(n, lead+ws[i].start+1, incident.CodeRelative, ErrRelative, false,
				"%q without a date to count from; pass --date with the day the text was written", s[ws[i].start:ws[last].end])
			p.lineErr = true
		}
		return last, true
	}
	p.date = p.cfg.Date.AddDays(days)
	p.dateSet = true
	return last, true
}

// expr reads the longest time expression that starts at ws[i]; it returns the index of
// its last word and reports whether one was read (a time, a window or a date).
func (p *parser) expr(n, lead int, s string, ws []word, i int) (int, bool) {
	hi := min(len(ws), i+maxSpan) - 1
	col := lead + ws[i].start + 1
	for j := hi; j >= i; j-- {
		span := trimSpan(s[ws[i].start:ws[j].end])
		if span == "" || trailingWords[bare(s[ws[j].start:ws[j].end])] && j > i {
			continue
		}
		e, text, err := p.parse(span)
		if err == nil {
			p.add(n, col, e, text, s, ws[i].start, ws[i].start+len(span))
			return j, true
		}
		if semantic(err) {
			var te *tz.Error
			c := col
			if errors.As(err, &te) && te.Offset > 0 && text == span {
				c += te.Offset
			}
			p.diag(n, c, codeOf(err), err, false, "%q: %s; the line is left out", span, tzMessage(err))
			p.lineErr = true
			return j, true
		}
	}
	// A date alone: a heading or a date in prose names the day of what follows.
	for j := hi; j >= i; j-- {
		span := trimSpan(s[ws[i].start:ws[j].end])
		e, err := tz.Parse(span+" 12:00", p.ctx(p.dateForDates()))
		if err == nil && e.HasDate {
			p.date = e.Date
			p.dateSet = true
			return j, true
		}
		if (errors.Is(err, tz.ErrNoDate) || errors.Is(err, tz.ErrWeekday)) && strings.ContainsAny(span, "0123456789") {
			p.diag(n, col, codeOf(err), err, false, "%q: %s", span, tzMessage(err))
			p.lineErr = true
			return j, true
		}
	}
	if w := bare(s[ws[i].start:ws[i].end]); weekdays[w] != 0 || w == "sunday" {
		if !p.cfg.Date.IsZero() {
			d := p.cfg.Date
			for d.Weekday() != weekdays[w] {
				d = d.AddDays(-1)
			}
			p.date = d
			p.dateSet = true
		}
	}
	return i, false
}

// dateForDates is the context date of a date written without its year.
func (p *parser) dateForDates() tz.Date {
	if p.date.IsZero() && p.cfg.Year != 0 {
		return tz.Date{Year: p.cfg.Year}
	}
	if p.date.IsZero() && !p.cfg.Date.IsZero() {
		return tz.Date{Year: p.cfg.Date.Year}
	}
	return p.date
}

// parse reads span with tz.Parse, trying the spellings real posts use that tz.Parse does not
// read ("May 10, 2019 - 08:46 PDT", "30-March-2023"). It returns the text it read.
func (p *parser) parse(span string) (tz.Expr, string, error) {
	e, err := tz.Parse(span, p.ctx(p.date))
	if err == nil || semantic(err) {
		return e, span, err
	}
	for _, alt := range alternatives(span) {
		if e2, err2 := tz.Parse(alt, p.ctx(p.date)); err2 == nil || semantic(err2) {
			return e2, alt, err2
		}
	}
	return e, span, err
}
