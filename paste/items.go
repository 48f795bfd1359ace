package paste

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
)

// preamble is what may come before a time at the start of a timeline line.
var preamble = map[string]bool{"at": true, "on": true, "by": true, "-": true, "–": true, "—": true, "•": true}

// separators are stripped between a leading time and its text.
const separators = " \t-–—:|,.;)"

// add records a time read at s[start:end] of line n.
func (p *parser) add(n, col int, e tz.Expr, written, s string, start, end int) {
	if p.lineErr {
		return
	}
	if e.Zone == "" && p.loc == nil {
		p.diag(n, col, incident.CodeNoZone, ErrNoZone, false,
			"%q has no zone and none is named before it; write the zone (14:36 UTC), name it once (\"all times are UTC\") or pass --tz; the line is left out", written)
		p.lineErr = true
		return
	}
	it := &item{e: e, written: written, ctxDate: p.date, line: n, window: !e.End.IsZero()}
	if !e.Dated && p.prev != nil && !p.prev.e.Dated && e.Start.Before(p.prev.e.Start) {
		// Without a date the draft cannot move it to the next day, and an undated file's
		// times must run forwards.
		p.diag(n, col, incident.CodeBackwards, tz.ErrBackwards, false,
			"%q is earlier than the time before it (line %d), and the text gives no date to put it on the next day; pass --date, or write the date on the line; the line is left out", written, p.prev.line)
		p.lineErr = true
		return
	}
	if e.Dated && p.prev != nil && e.Start.Before(p.prev.e.Start) {
		if !e.HasDate && !p.dateSet {
			if e2, err := tz.Parse(written, p.ctx(p.date.AddDays(1))); err == nil && !e2.Start.Before(p.prev.e.Start) {
				p.diag(n, col, incident.CodeNextDay, ErrNextDay, true,
					"%q is earlier than the time before it (line %d), so it is read as the next day, %s; the draft writes that date", written, p.prev.line, p.date.AddDays(1))
				it.e, it.ctxDate = e2, p.date.AddDays(1)
				e = e2
			}
		}
		if e.Start.Before(p.prev.e.Start) {
			p.diag(n, col, incident.CodeOrder, ErrOrder, true,
				"%q (%s) is before the time of line %d (%s); kept as written: check the date", written,
				e.Start.UTC().Format("2006-01-02 15:04Z"), p.prev.line, p.prev.e.Start.UTC().Format("2006-01-02 15:04Z"))
		}
	}
	for _, w := range e.Warnings {
		c := col
		if w.Offset > 0 && written == s[start:end] {
			c += w.Offset
		}
		p.diag(n, c, codeOf(w), w, true, "%q: %s", written, tzMessage(w))
	}
	it.start, it.end = start, end
	it.leading = true
	for _, w := range strings.Fields(s[:start]) {
		if !preamble[strings.ToLower(w)] {
			it.leading = false
		}
	}
	p.pending = append(p.pending, it)
	if !it.window || it.leading {
		p.prev = it // a window in prose (a summary's "from 10:50 until 12:38") does not order the lines
	}
	if e.Dated {
		p.date = e.Date
	}
	p.dateSet = false
}

// segments gives each time of one line the part of the line that belongs to it, so that a
// line of many times makes events of its length together, not each the whole line. When
// the first time starts the line (a timeline: "10:00 start 10:05 alert"), each time's text
// is what follows it up to the next time; otherwise (prose: "the API failed at 10:05 UTC
// and recovered at 10:20 UTC") what leads up to it from the time before, the last one
// taking the rest of the line. A single time keeps the text it always had: what follows it
// when it starts the line, else the whole line. A window in prose is an outage, not an
// event: it has no text. line is the whole line, of which the times' offsets are.
func segments(items []*item, line string) {
	if len(items) == 0 {
		return
	}
	timeline := items[0].leading
	prev := 0
	for i, it := range items {
		next := len(line)
		if i+1 < len(items) {
			next = items[i+1].start
		}
		switch {
		case it.window && !timeline:
			it.text = ""
		case timeline:
			it.text = trimSegment(line[it.end:next])
			if it.text == "" {
				it.text = strings.TrimSpace(line[it.start:next]) // a time with no text of its own
			} else {
				it.text = upperFirst(it.text)
			}
		default:
			if i+1 == len(items) {
				next = len(line)
			} else {
				next = it.end
			}
			it.text = strings.TrimSpace(line[prev:next])
		}
		prev = it.end
	}
}

// trimSegment trims the separators around a time's text, and words that lead to the next
// time ("and at", "then by") at its end.
func trimSegment(s string) string {
	s = strings.Trim(s, separators)
	for {
		i := strings.LastIndexAny(s, " \t")
		if i < 0 {
			return s
		}
		w := strings.ToLower(s[i+1:])
		if !preamble[w] && !joinWords[w] {
			return s
		}
		s = strings.TrimRight(s[:i], separators)
	}
}

// joinWords join a time's text to the next time on its line.
var joinWords = map[string]bool{"and": true, "then": true}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

var (
	dashDate   = regexp.MustCompile(`\b(\d{1,2})-([A-Za-z]{3,9})-(\d{4})\b`)
	military   = regexp.MustCompile(`\b([01]\d|2[0-3])([0-5]\d)(\s+(?:UTC|GMT|Z|[A-Z]{2,4}T)\b)`)
	slashPair  = regexp.MustCompile(`^(~?\d{1,2}:\d{2})/(\d{1,2}:\d{2})\s*([AaPp]\.?[Mm]\.?)?\s*([A-Za-z]{2,5})/([A-Za-z]{2,5})$`)
	parenZone  = regexp.MustCompile(`\((UTC|GMT|[A-Z]{2,5})\)`)
	dateDashed = regexp.MustCompile(`^([^:]*\d)\s+[-–—]\s+(.*\d.*)$`)
)

// alternatives returns spellings of span that tz.Parse reads, for forms real posts use:
// "May 10, 2019 - 08:46 PDT", "30-March-2023 1000 UTC", "2:20/1:20 PM EST/CST".
func alternatives(span string) []string {
	var out []string
	if m := dateDashed.FindStringSubmatch(span); m != nil {
		out = append(out, m[1]+" "+m[2])
	}
	if t := military.ReplaceAllString(dashDate.ReplaceAllString(span, "$1 $2 $3"), "$1:$2$3"); t != span {
		out = append(out, t)
	}
	if t := parenZone.ReplaceAllString(span, "$1"); t != span {
		out = append(out, strings.Join(strings.Fields(t), " "))
	}
	if m := slashPair.FindStringSubmatch(span); m != nil {
		mer := ""
		if m[3] != "" {
			mer = " " + m[3]
		}
		out = append(out, m[1]+mer+" "+m[4]+" / "+m[2]+mer+" "+m[5])
	}
	return out
}

var zoneWord = regexp.MustCompile(`^(?:[A-Z]{2,5}|(?:UTC|GMT)[+-−]\d{1,2}(?::?\d{2})?|[A-Za-z_]+/[A-Za-z_/+-]+)$`)

var regionWords = map[string]bool{"pacific": true, "eastern": true, "central": true, "mountain": true}

var timeWord = regexp.MustCompile(`(?i)\b(?:times?|timeline|timezone|time zone)\b`)

// zoneSentence reads a line that names the zone of the times after it ("all times are UTC",
// "Timeline (CET):", "(PDT)") and reports whether it did.
func (p *parser) zoneSentence(n, lead int, s string) bool {
	paren := strings.HasPrefix(s, "(") && strings.HasSuffix(strings.TrimSuffix(s, ":"), ")") && len(s) < 40
	if !paren && !timeWord.MatchString(s) {
		return false
	}
	ws := words(s)
	for i, w := range ws {
		tok := strings.Trim(s[w.start:w.end], "()[]*_,.;:!?\"'`")
		name := ""
		switch {
		case zoneWord.MatchString(tok) && tok != "I" && tok != "A":
			name = tok
		case regionWords[strings.ToLower(tok)]:
			name = tok
			if i+1 < len(ws) && strings.EqualFold(strings.Trim(s[ws[i+1].start:ws[i+1].end], "()[]*_,.;:!?"), "time") {
				name += " time"
			}
		default:
			continue
		}
		loc, err := tz.Resolve(name)
		if err != nil {
			if semantic(err) {
				p.diag(n, lead+w.start+1, codeOf(err), err, false, "%q: %s", name, tzMessage(err))
				return true
			}
			continue
		}
		p.loc, p.zoneName = loc, name
		if p.firstLoc == nil {
			p.firstLoc = loc
		}
		return true
	}
	return false
}

// finish builds the draft from the items read.
func (p *parser) finish() (*incident.Incident, incident.ErrorList) {
	if len(p.items) == 0 {
		if !p.hasErrors() {
			p.diag(0, 0, incident.CodeNoTime, ErrNoTime, false, "no line carries a time (like 14:36 UTC, 10:36am EDT or 2016-07-26 14:36); nothing to import")
		}
		return nil, p.sorted()
	}
	inc := &incident.Incident{Title: p.cfg.Title, Kind: incident.KindIncident, Location: time.UTC,
		Source: &incident.Source{System: "text"}}
	if inc.Title == "" {
		inc.Title = p.title
	}
	if inc.Title == "" {
		inc.Title = "Imported timeline"
	}
	inc.Summary = strings.Join(p.summary, "\n\n")
	loc := p.firstLoc
	if loc == nil {
		for _, it := range p.items {
			if l := it.e.Location; l != nil && strings.Contains(l.String(), "/") {
				loc = l
				break
			}
		}
	}
	if loc != nil && loc.String() != "UTC" {
		inc.Location, inc.TimeZone = loc, loc.String()
	}
	dated := false
	for _, it := range p.items {
		if it.e.Dated {
			dated = true
			inc.Date = it.ctxDate
			if it.e.HasDate || it.ctxDate.Day == 0 {
				inc.Date = it.e.Date
			}
			break
		}
	}
	if !dated {
		p.diag(0, 0, incident.CodeUndated, ErrUndated, true,
			"no date in the text: the draft is an undated incident (durations only); pass --date with the day it happened, or add date: to the draft")
	}
	prevDate, prevT := inc.Date, time.Time{}
	for _, it := range p.items {
		if len(it.more) > 0 {
			it.text += " " + strings.Join(it.more, " ")
			it.more = nil
		}
		if it.window {
			start, end := p.windowText(inc, it, it.e.Start), p.windowText(inc, it, it.e.End)
			inc.Outages = append(inc.Outages, incident.Outage{
				Start: incident.Time{Instant: it.e.Start, Loc: it.e.Location, Approx: it.e.Approx, Dated: it.e.Dated, Written: start},
				End:   incident.Time{Instant: it.e.End, Loc: it.e.Location, Approx: it.e.Approx, Dated: it.e.Dated, Written: end},
				Level: timeline.Major,
			})
			if it.text == "" {
				continue
			}
			it.written, it.needDate = start, false
			it.e.End = time.Time{}
		}
		text := it.written
		if it.e.Dated && !it.e.HasDate && (it.ctxDate != prevDate || !prevT.IsZero() && it.e.Start.Before(prevT)) {
			text = it.ctxDate.String() + " " + text
		}
		got, err := tz.Parse(text, tz.Context{Date: prevDate, Location: inc.Location, After: prevT})
		if err != nil || !got.Start.Equal(it.e.Start) {
			text = fallback(it.e, it.e.Start)
			got = it.e
		}
		inc.Timeline = append(inc.Timeline, incident.Event{
			At:   incident.Time{Instant: it.e.Start, Loc: it.e.Location, Approx: it.e.Approx, Dated: it.e.Dated, Written: text},
			Text: it.text,
		})
		prevDate, prevT = got.Date, got.Start
	}
	return inc, p.sorted()
}

// windowText writes one end of a window as a time the incident file reads back to t.
func (p *parser) windowText(inc *incident.Incident, it *item, t time.Time) string {
	loc := it.e.Location
	zone := it.e.Zone
	if zone == "" && loc != inc.Location {
		zone = loc.String()
	}
	wall := t.In(loc).Format("2006-01-02 15:04")
	if !it.e.Dated {
		wall = t.UTC().Format("15:04") // an undated instant is its wall clock, kept in UTC
	}
	s := strings.TrimSpace(wall + " " + zone)
	if it.e.Approx {
		s += "~"
	}
	if got, err := tz.Parse(s, tz.Context{Location: inc.Location}); err == nil && got.Start.Equal(t) {
		return s
	}
	return fallback(it.e, t)
}

// fallback writes t in RFC 3339 in the zone it was written in.
func fallback(e tz.Expr, t time.Time) string {
	var s string
	if e.Dated {
		s = t.In(e.Location).Format(time.RFC3339)
	} else {
		s = strings.TrimSpace(t.UTC().Format("15:04") + " " + e.Zone)
	}
	if e.Approx {
		s += "~"
	}
	return s
}

func (p *parser) hasErrors() bool {
	for _, d := range p.diags {
		if !d.Warning {
			return true
		}
	}
	return false
}

// sorted returns the diagnostics in text order.
func (p *parser) sorted() incident.ErrorList {
	p.diags.Sort() // one file, no paths: by line and column
	return p.diags
}
