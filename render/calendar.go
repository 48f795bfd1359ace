package render

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/google/uuid"
)

// ErrNoWindow is returned by Calendar when no incident has a dated maintenance window.
var ErrNoWindow = errors.New("render: no dated maintenance window to put in a calendar")

// calendarEvent is one VEVENT.
type calendarEvent struct {
	uid                string
	stamp, start, end  time.Time
	summary, desc, url string
}

// Calendar writes the maintenance windows of incs as an iCalendar (RFC 5545) stream: one
// VEVENT per announced window (an incident's scheduled window, else each of its windows at
// the under_maintenance level), in UTC. The UID derives from the incident's ID and DTSTAMP
// from the incident (its published date, else the window's start), so the same input writes
// the same bytes. Undated incidents are skipped. Errors: ErrNoWindow, or w's write error.
func (p *Printer) Calendar(w io.Writer, incs ...*incident.Incident) error {
	var events []calendarEvent
	for _, inc := range incs {
		if inc == nil {
			continue
		}
		type span struct{ start, end time.Time }
		var spans []span
		if s := inc.Scheduled; s != nil {
			if s.Start.Dated && s.End.Dated && s.End.Instant.After(s.Start.Instant) {
				spans = append(spans, span{s.Start.Instant, s.End.Instant})
			}
		} else if inc.Kind == incident.KindMaintenance {
			m := inc.Metrics(p.Config)
			if m.Dated {
				for _, win := range m.Windows {
					if win.Level == timeline.Maintenance && win.End.After(win.Start) {
						spans = append(spans, span{win.Start, win.End})
					}
				}
			}
		}
		loc := inc.Location
		if loc == nil {
			loc = time.UTC
		}
		title := oneLine(inc.Title)
		if title == "" {
			title = "Maintenance"
		}
		var url string
		for _, l := range inc.Links {
			if u := oneLine(l.URL); allowedURL(u, false) && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
				url = u
				break
			}
		}
		id := inc.ID
		if id == uuid.Nil && len(spans) > 0 {
			// An incident built without an ID: derive one from what identifies the window.
			id = uuid.NewSHA1(uuid.NameSpaceOID, []byte(title+"\x00"+icalTime(spans[0].start)))
		}
		for i, s := range spans {
			ev := calendarEvent{
				uid:     id.String() + "@postmortem",
				stamp:   s.start,
				start:   s.start,
				end:     s.end,
				summary: title,
				url:     url,
			}
			if i > 0 {
				ev.uid = fmt.Sprintf("%s-%d@postmortem", id, i+1)
			}
			if d := inc.Published; d.Year != 0 && d.Month != 0 && d.Day != 0 {
				ev.stamp = time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
			}
			a, b := dated(s.start, loc, false), dated(s.end, loc, false)
			endDate := ""
			if a.Day != b.Day {
				endDate = b.Date + ", "
			}
			desc := fmt.Sprintf("%s, %s to %s%s", a.Date, a.Local(), endDate, b.Local())
			if a.UTC != "" {
				desc += fmt.Sprintf(" (%s to %s)", a.UTC, b.UTC)
			}
			desc += "."
			if sum := strings.TrimSpace(clean(inc.Summary)); sum != "" {
				desc += "\n\n" + sum
			}
			ev.desc = desc
			events = append(events, ev)
		}
	}
	if len(events) == 0 {
		return ErrNoWindow
	}
	bw := bufio.NewWriter(w)
	line := func(name, value string) { writeFolded(bw, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//go-postmortem//postmortem//EN")
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	for _, ev := range events {
		line("BEGIN", "VEVENT")
		line("UID", icalText(ev.uid))
		line("DTSTAMP", icalTime(ev.stamp))
		line("DTSTART", icalTime(ev.start))
		line("DTEND", icalTime(ev.end))
		line("SUMMARY", icalText(ev.summary))
		line("DESCRIPTION", icalText(ev.desc))
		if ev.url != "" {
			line("URL", ev.url)
		}
		line("STATUS", "CONFIRMED")
		line("TRANSP", "OPAQUE")
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return bw.Flush()
}

func icalTime(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// icalText escapes s as an RFC 5545 TEXT value: backslash, semicolon, comma and newline.
// Other control characters are dropped.
func icalText(s string) string {
	s = clean(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case ';':
			b.WriteString(`\;`)
		case ',':
			b.WriteString(`\,`)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeFolded writes a content line ending in CRLF, folded so that no line is longer than
// 75 octets, never inside a UTF-8 sequence; continuation lines start with a space.
func writeFolded(w *bufio.Writer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = 74
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}
