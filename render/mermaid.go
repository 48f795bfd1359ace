package render

import (
	"strconv"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
)

// Mermaid returns the figure as a fenced Mermaid gantt block for Markdown, which GitHub
// draws: a section per service, a task per window, a milestone per lifecycle event. GitHub
// reads gantt dates in the reader's zone and mishandles "Z", so the block writes the
// incident's wall clock and names its zone in the title; a task's end is its length, so that
// the drawing keeps real lengths. "" when the picture has no window and no milestone, or is
// nil.
func (p *Picture) Mermaid() string {
	if p == nil {
		return ""
	}
	return p.mermaid
}

// mermaidLevels are the gantt tags of the levels: crit draws red, active and done other
// colours.
var mermaidLevels = map[timeline.Level]string{
	timeline.Major:       "crit, ",
	timeline.Partial:     "active, ",
	timeline.Degraded:    "",
	timeline.Maintenance: "done, ",
}

// mermaid writes the gantt block of inc, whose view is v.
func mermaid(inc *incident.Incident, v *View) string {
	loc := inc.Location
	if loc == nil {
		loc = time.UTC
	}
	names, windows := serviceWindows(inc, &v.metrics)
	dated := v.Dated
	format, layout := "HH:mm:ss", "15:04:05"
	if dated {
		format, layout = "YYYY-MM-DD HH:mm:ss", "2006-01-02 15:04:05"
	}
	wall := func(t time.Time) string {
		if dated {
			t = t.In(loc)
		}
		return t.Format(layout)
	}
	var body strings.Builder
	tasks := 0
	approx := map[int64]bool{}
	for _, ev := range inc.Timeline {
		if ev.At.Approx && ev.State != timeline.LevelUnknown {
			approx[instantOf(ev.At).UnixNano()] = true
		}
	}
	var first, last time.Time
	for i, name := range names {
		var lines strings.Builder
		for _, w := range windows[i] {
			d := w.End.Sub(w.Start).Truncate(time.Second)
			if d <= 0 {
				continue
			}
			if first.IsZero() || w.Start.Before(first) {
				first = w.Start
			}
			if w.End.After(last) {
				last = w.End
			}
			task := levelText(w.Level)
			if approx[w.Start.UnixNano()] || approx[w.End.UnixNano()] {
				task += " (approximate)"
			}
			lines.WriteString("    " + task + " :" + mermaidLevels[w.Level] + wall(w.Start) + ", " +
				strconv.FormatInt(int64(d/time.Second), 10) + "s\n")
			tasks++
		}
		if lines.Len() > 0 {
			body.WriteString("    section " + mermaidText(name) + "\n")
			body.WriteString(lines.String())
		}
	}
	var ms strings.Builder
	for _, ev := range inc.Timeline {
		switch ev.Kind {
		case timeline.Started, timeline.Detected, timeline.Acknowledged, timeline.Mitigated, timeline.Resolved:
		default:
			continue
		}
		t := instantOf(ev.At)
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
		name := eventKindText(ev.Kind)
		if ev.At.Approx {
			name = "about " + name
		}
		ms.WriteString("    " + name + " :milestone, " + wall(t) + ", 0s\n")
		tasks++
	}
	if ms.Len() > 0 {
		body.WriteString("    section Events\n")
		body.WriteString(ms.String())
	}
	if tasks == 0 {
		return ""
	}
	axis := "%H:%M"
	switch span := last.Sub(first); {
	case span > 3*24*time.Hour:
		axis = "%a %d %b"
	case span > 20*time.Hour:
		axis = "%a %d %H:%M"
	}
	if !dated {
		axis = "%H:%M"
	}
	zone := "UTC"
	if !isUTC(loc) {
		zone = zoneAbbrev(first.In(loc))
		if l := zoneAbbrev(last.In(loc)); l != zone {
			zone += "/" + l
		}
		zone += ", " + loc.String()
	}
	if !dated {
		zone = zoneName(loc) + "; the source gives no date"
	}
	var b strings.Builder
	b.WriteString("```mermaid\ngantt\n")
	b.WriteString("    title " + mermaidText(v.Title) + " (times " + mermaidText(zone) + ")\n")
	b.WriteString("    dateFormat " + format + "\n")
	b.WriteString("    axisFormat " + axis + "\n")
	b.WriteString(body.String())
	b.WriteString("```")
	return b.String()
}

// mermaidText makes s safe as a Mermaid name: one line, with the characters that end a
// name or a statement (":", ";", "#") and those that could start markup written as
// Mermaid's entity codes ("#58;"), which it shows as the characters.
func mermaidText(s string) string {
	s = strings.TrimSpace(oneLine(s))
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '#', ':', ';', '<', '>', '&', '"', '%', '`', '{', '}', '\\':
			b.WriteString("#" + strconv.Itoa(int(r)) + ";")
		default:
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "untitled"
	}
	return b.String()
}
