package statuspage

import (
	"regexp"
	"strings"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
)

// entryRE is one entry of an embedded timeline: <li><strong>2011-07-28 03:06:00</strong> - text</li>.
var entryRE = regexp.MustCompile(`(?is)<li>\s*<(?:strong|b)>\s*(\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?)\s*</(?:strong|b)>\s*(?:-|–|—|:)?\s*(.*?)</li>`)

var liRE = regexp.MustCompile(`(?i)<li\b`)

// entry is one entry of an embedded timeline.
type entry struct {
	at   string // wall clock, in the page's zone
	body string // HTML
}

// entries returns the embedded timeline of an update's body, and the body without it: nil
// unless every list item of the body starts with a date and time in bold.
func entries(body string) ([]entry, string) {
	ms := entryRE.FindAllStringSubmatchIndex(body, -1)
	if len(ms) == 0 || len(ms) != len(liRE.FindAllStringIndex(body, -1)) {
		return nil, body
	}
	out := make([]entry, len(ms))
	var rest strings.Builder
	prev := 0
	for i, m := range ms {
		out[i] = entry{at: body[m[2]:m[3]], body: body[m[4]:m[5]]}
		rest.WriteString(body[prev:m[0]])
		prev = m[1]
	}
	rest.WriteString(body[prev:])
	return out, rest.String()
}

// embedded finds the updates whose body is a timeline of its own (GitHub's history before
// 2019 was migrated so: created = started = resolved, and the real timeline as a list in one
// update). With Config.EmbeddedTimeline each entry becomes an event, read in the file's zone,
// the last one of the update's kind; the rest of the body stays as the update's event.
// Otherwise the update stays as it is, with a warning.
func (r *reading) embedded(events []incident.Event) []incident.Event {
	var out []incident.Event
	for i, t := range r.updates {
		es, rest := entries(t.u.Body)
		if len(es) == 0 {
			out = append(out, events[i])
			continue
		}
		r.embeddedFound = true
		if !r.d.cfg.EmbeddedTimeline {
			r.warn(incident.CodeEmbeddedTimeline, "update %s holds the timeline as a list of %d entries, from %s to %s; import with --embedded-timeline to make them events (read in %s)",
				orNone(t.u.ID), len(es), es[0].at, es[len(es)-1].at, zoneName(r.zone))
			out = append(out, events[i])
			continue
		}
		r.embeddedUsed = true
		if text := markdown(rest); strings.TrimSpace(text) != "" {
			out = append(out, incident.Event{At: t.at, Kind: timeline.Update, Text: text})
		}
		ck := tz.Context{Location: r.loc}
		for j, e := range es {
			x, err := tz.Parse(e.at, ck)
			if err != nil {
				r.fail(0, 0, "", incident.CodeBadTime, "update %s: embedded time %q: %v", orNone(t.u.ID), e.at, err)
				return events
			}
			kind := timeline.Update
			if j == len(es)-1 {
				kind = events[i].Kind
			}
			out = append(out, incident.Event{At: newTime(x, e.at), Kind: kind, Text: markdown(e.body)})
		}
	}
	if r.embeddedUsed {
		sortEvents(out)
	}
	return out
}

func zoneName(z string) string {
	if z == "" {
		return "UTC"
	}
	return z
}
