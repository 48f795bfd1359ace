package render

import (
	"html"
	htmltemplate "html/template"
	"strings"
)

// timelineRows returns the <tr> elements of a timeline table. The built-in HTML template
// uses it instead of ranging over Entry values: html/template's escaping costs reflection
// calls per action, which dominated long timelines. Every string from the incident is
// escaped here, and Text.HTML is goldmark's sanitized output, as in the template.
func timelineRows(entries []Entry) htmltemplate.HTML {
	n := 0
	for _, e := range entries {
		n += len(e.Text.HTML) + len(e.At.Clock) + len(e.At.Zone) + len(e.At.UTC) + 320
	}
	var b strings.Builder
	b.Grow(n)
	writeTimelineRows(&b, entries)
	return htmltemplate.HTML(b.String())
}

// writeTimelineRows writes what timelineRows returns to b.
func writeTimelineRows(b *strings.Builder, entries []Entry) {
	for _, e := range entries {
		b.WriteString("\n<tr")
		if e.Class != "" {
			b.WriteString(` class="`)
			b.WriteString(html.EscapeString(e.Class))
			b.WriteByte('"')
		}
		b.WriteString(`><th scope="row">`)
		if e.ShowDate {
			b.WriteString(`<span class="date">`)
			b.WriteString(html.EscapeString(e.At.Date))
			b.WriteString(`</span> `)
		}
		writeInstant(b, e.At)
		b.WriteString(`</th><td>`)
		if e.State != "" {
			b.WriteString(`<span class="state">→ `)
			b.WriteString(html.EscapeString(e.State))
			b.WriteString(`</span>`)
		}
		if len(e.Services) > 0 {
			b.WriteString(` <small>(`)
			for i, s := range e.Services {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(html.EscapeString(s))
			}
			b.WriteString(`)</small>`)
		}
		b.WriteString(`</td><td>`)
		if e.Kind != "" {
			b.WriteString(`<span class="kind">`)
			b.WriteString(html.EscapeString(e.Kind))
			b.WriteString(`</span> `)
		}
		b.WriteString(string(e.Text.HTML))
		b.WriteString(`</td></tr>`)
	}
}

// writeInstant writes the element the "time" template writes for in.
func writeInstant(b *strings.Builder, in Instant) {
	if !in.Dated {
		b.WriteString(`<span class="wall">`)
		b.WriteString(html.EscapeString(in.Clock + " " + in.Zone))
		b.WriteString(`</span>`)
		return
	}
	b.WriteString(`<time datetime="`)
	b.WriteString(html.EscapeString(in.ISO))
	b.WriteString(`" data-day="`)
	b.WriteString(html.EscapeString(in.Day))
	if in.Written != "" {
		b.WriteString(`" class="written" title="written: `)
		b.WriteString(html.EscapeString(in.Written))
	}
	b.WriteString(`">`)
	b.WriteString(html.EscapeString(in.Clock))
	b.WriteString(` <abbr>`)
	b.WriteString(html.EscapeString(in.Zone))
	b.WriteString(`</abbr>`)
	if in.UTC != "" {
		b.WriteString(` · `)
		b.WriteString(html.EscapeString(in.UTC))
	}
	if in.UTCDay != "" {
		b.WriteString(` <small class="day">(`)
		b.WriteString(html.EscapeString(in.UTCDay))
		b.WriteString(`)</small>`)
	}
	b.WriteString(`</time>`)
}

// outageRows returns the <tr> elements of the outage windows table; withDates shows each
// instant's date. See timelineRows for why it is written in Go.
func outageRows(spans []Span, withDates bool) htmltemplate.HTML {
	var b strings.Builder
	b.Grow(len(spans) * 400)
	writeOutageRows(&b, spans, withDates)
	return htmltemplate.HTML(b.String())
}

// writeOutageRows writes what outageRows returns to b.
func writeOutageRows(b *strings.Builder, spans []Span, withDates bool) {
	for _, s := range spans {
		b.WriteString("\n<tr><td>")
		for i, in := range []Instant{s.Start, s.End} {
			if i == 1 {
				b.WriteString("</td><td>")
			}
			if withDates {
				b.WriteString(`<span class="date">`)
				b.WriteString(html.EscapeString(in.Date))
				b.WriteString(`</span> `)
			}
			writeInstant(b, in)
		}
		b.WriteString("</td><td>")
		b.WriteString(html.EscapeString(s.Length))
		b.WriteString(`</td><td><span class="state `)
		b.WriteString(html.EscapeString(s.Class))
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(s.Level))
		b.WriteString("</span></td><td>")
		for i, svc := range s.Services {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(html.EscapeString(svc))
		}
		b.WriteString("</td></tr>")
	}
}

// TimelineRows returns the <tr> rows of the timeline table, every value escaped.
func (v View) TimelineRows() htmltemplate.HTML { return timelineRows(v.Timeline) }

// OutageRows returns the <tr> rows of the state windows table, every value escaped; dates
// show when the timeline crosses midnight.
func (v View) OutageRows() htmltemplate.HTML { return outageRows(v.Outages, v.TimelineDates) }
