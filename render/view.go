package render

import (
	"fmt"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
)

// View is one incident ready for display. Text that may hold Markdown is a Text; every other
// string is plain text, to be escaped by the template (html/template does; in Markdown,
// pipe it through the "md" or "cell" function).
type View struct {
	ID          string   // the UUID
	Anchor      string   // prefix of the element ids of this incident, "" when the document has one incident
	MarkdownID  string   // the id GitHub and Hugo give the title's heading in Markdown, for the contents of a document of several incidents; "" otherwise
	Title       string   // never empty: "Untitled incident" when the file has none
	Slug        string   //
	Kind        string   // "incident" or "maintenance"
	Maintenance bool     // reports whether Kind is "maintenance"
	Severity    string   //
	Status      string   // "investigating", "identified", "monitoring", "resolved" or ""
	Services    []string //
	Authors     []string //
	Date        string   // "2016-07-26", "" when undated
	Published   string   // "2016-07-27", ""
	Zone        string   // the IANA zone the incident is written in, "UTC" when none
	Dated       bool     // reports whether instants are real; false: clock times only, no UTC

	// Level is the heading level of the incident's title (1, or 2 when the document covers
	// several incidents); its sections use Level+1 and their parts Level+2.
	Level int

	Summary, Impact Text
	Figures         []Figure // computed impact figures, in a fixed order
	ImpactStart     *Instant // when the impact began (the started event, else the outage span's start); times to detect etc. count from it
	Outages         []Span   // the merged outage windows (levels other than operational)

	ServiceFigures []ServiceRow   // each service's own figures, in the incident's order of services; nil with fewer than two
	ServiceColumns ServiceColumns // which columns of ServiceFigures have a value

	Window    *Span      // the announced window of a maintenance, nil when none
	Converter *Converter // the maintenance window in the default zones, nil when the window is undated

	Timeline      []Entry
	TimelineDates bool // reports whether the timeline crosses midnight (entries then show dates)

	RootCauses                     []Cause
	Trigger, Detection, Resolution Text
	ContributingFactors            []Cause
	WentWell, WentWrong, Lucky     []Text
	ActionItems                    []Action
	ActionColumns                  ActionColumns
	Links                          []Link

	Picture *Picture // the timeline drawn; nil when there is nothing to draw or the Printer leaves pictures out

	metrics incident.Metrics // the figures computed once for the view and its picture
}

// HasLessons reports whether v has any lesson.
func (v View) HasLessons() bool { return len(v.WentWell)+len(v.WentWrong)+len(v.Lucky) > 0 }

// Span is a half-open interval [Start, End), with the level of an outage window.
type Span struct {
	Start, End Instant
	Length     string   // "1 h 48 min"
	Level      string   // "major outage"; "" for a maintenance window
	Class      string   // "major_outage", the level's name in files
	Services   []string //
}

// Entry is one line of the timeline.
type Entry struct {
	At       Instant
	ShowDate bool     // reports whether the entry starts a new calendar day (only when TimelineDates)
	Kind     string   // "detected", "status update", ""
	State    string   // "major outage" when the entry changes the state, else ""
	Class    string   // "major_outage", the state's name in files
	Services []string // the services the state applies to, nil: the incident's
	Text     Text
}

// Cause is a root cause or a contributing factor.
type Cause struct {
	Text     Text
	Category string
}

// Action is an action item.
type Action struct {
	Text     Text
	Kind     string // "prevent", ...
	Owner    string
	Priority string
	Due      string // "2016-08-31"
	Status   string // "open", "in progress", "done", "won't do"
	Class    string // the status's name in files ("in_progress")
	URL      string // http, https or mailto only; "" otherwise
	LinkText string // the link as written, shown when URL is "" (an unsafe or relative link)
}

// ActionColumns reports which action item columns have any value.
type ActionColumns struct {
	Kind, Owner, Priority, Due, Status, Link bool
}

// Link is a related document.
type Link struct {
	Title string // the title, else the URL
	URL   string // http, https or mailto only; "" when the link is unsafe (Title then shows it)
}

func cleanList(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = oneLine(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func dateText(d tz.Date) string {
	if d.Year == 0 || d.Month == 0 || d.Day == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// view builds the View of inc, whose title has heading level level.
func (b *builder) view(inc *incident.Incident, level int, anchor string) (View, error) {
	loc := inc.Location
	if loc == nil {
		loc = time.UTC
	}
	v := View{
		ID:          inc.ID.String(),
		Anchor:      anchor,
		Title:       oneLine(inc.Title),
		Slug:        oneLine(inc.Slug),
		Kind:        kindText(inc.Kind),
		Maintenance: inc.Kind == incident.KindMaintenance,
		Severity:    oneLine(inc.Severity),
		Status:      statusText(inc.Status),
		Services:    cleanList(inc.Services),
		Authors:     cleanList(inc.Authors),
		Date:        dateText(inc.Date),
		Published:   dateText(inc.Published),
		Zone:        "UTC",
		Level:       level,
	}
	if v.Title == "" {
		v.Title = "Untitled " + v.Kind
	}
	if !isUTC(loc) {
		v.Zone = loc.String()
	}
	sec, sub := level+1, level+2
	var err error
	if v.Summary, err = b.text(inc.Summary, sec); err != nil {
		return v, err
	}
	if v.Impact, err = b.text(inc.Impact, sec); err != nil {
		return v, err
	}

	m := inc.Metrics(b.p.Config)
	v.metrics = m
	v.Dated = m.Dated || inc.Date != (tz.Date{})
	for _, ev := range inc.Timeline {
		v.Dated = v.Dated || ev.At.Dated
	}
	v.Figures = figures(inc, m, b.p.Config)
	if v.Figures != nil {
		v.ServiceFigures, v.ServiceColumns = serviceRows(inc, &m)
	}
	if st := m.Lifecycle.Start; !st.IsZero() && inc.Kind != incident.KindMaintenance {
		approx := false
		for _, ev := range inc.Timeline {
			if ev.At.Instant.Equal(st) {
				approx = ev.At.Approx
				break
			}
		}
		in := instant(incident.Time{Instant: st, Loc: loc, Dated: v.Dated, Approx: approx}, loc)
		v.ImpactStart = &in
	}
	if m.Dated {
		// A window edge that is an approximate time of the timeline reads "about" too.
		approx, exact := map[int64]bool{}, make(map[int64]bool, len(inc.Timeline))
		for _, ev := range inc.Timeline {
			if ev.State == timeline.LevelUnknown {
				continue
			}
			if ev.At.Approx {
				approx[ev.At.Instant.Unix()] = true
			} else {
				exact[ev.At.Instant.Unix()] = true
			}
		}
		for k := range exact {
			delete(approx, k)
		}
		v.Outages = make([]Span, 0, len(m.Windows))
		rank := serviceRank(inc)
		for _, w := range m.Windows {
			if w.Level == timeline.Operational || w.Level == timeline.LevelUnknown || !w.End.After(w.Start) {
				continue
			}
			v.Outages = append(v.Outages, Span{
				Start:    instant(incident.Time{Instant: w.Start, Loc: loc, Dated: true, Approx: approx[w.Start.Unix()]}, loc),
				End:      instant(incident.Time{Instant: w.End, Loc: loc, Dated: true, Approx: approx[w.End.Unix()]}, loc),
				Length:   Duration(w.End.Sub(w.Start)),
				Level:    levelText(w.Level),
				Class:    levelClass(w.Level),
				Services: cleanList(inServiceOrder(w.Services, rank)),
			})
		}
	}

	if s := inc.Scheduled; s != nil {
		win := &Span{Start: instant(s.Start, loc), End: instant(s.End, loc)}
		if d := s.End.Instant.Sub(s.Start.Instant); d > 0 {
			win.Length = Duration(d)
		}
		v.Window = win
		if s.Start.Dated && s.End.Dated {
			src := s.Start.Loc
			if src == nil {
				src = loc
			}
			c, err := b.p.converter(s.Start.Instant, s.End.Instant, src, s.Start.Written)
			if err != nil {
				return v, err
			}
			v.Converter = c
		}
	}

	days := map[string]bool{}
	v.Timeline = make([]Entry, 0, len(inc.Timeline))
	for _, ev := range inc.Timeline {
		e := Entry{
			At:       instant(ev.At, loc),
			Kind:     eventKindText(ev.Kind),
			State:    levelText(ev.State),
			Class:    levelClass(ev.State),
			Services: cleanList(ev.Services),
		}
		if e.Text, err = b.inline(ev.Text, sec); err != nil {
			return v, err
		}
		if e.At.Dated {
			days[e.At.Day] = true
		}
		v.Timeline = append(v.Timeline, e)
	}
	if len(days) > 1 {
		v.TimelineDates = true
		prev := ""
		for i := range v.Timeline {
			e := &v.Timeline[i]
			if e.At.Dated && e.At.Day != prev {
				e.ShowDate = true
				prev = e.At.Day
			}
		}
	}

	if v.RootCauses, err = b.causes(inc.RootCauses, sec); err != nil {
		return v, err
	}
	if v.Trigger, err = b.text(inc.Trigger, sec); err != nil {
		return v, err
	}
	if v.Detection, err = b.text(inc.Detection, sec); err != nil {
		return v, err
	}
	if v.Resolution, err = b.text(inc.Resolution, sec); err != nil {
		return v, err
	}
	if v.ContributingFactors, err = b.causes(inc.ContributingFactors, sec); err != nil {
		return v, err
	}
	if v.WentWell, err = b.texts(inc.Lessons.WentWell, sub); err != nil {
		return v, err
	}
	if v.WentWrong, err = b.texts(inc.Lessons.WentWrong, sub); err != nil {
		return v, err
	}
	if v.Lucky, err = b.texts(inc.Lessons.Lucky, sub); err != nil {
		return v, err
	}
	for _, a := range inc.ActionItems {
		t, err := b.inline(a.Text, sec)
		if err != nil {
			return v, err
		}
		ai := Action{
			Text:     t,
			Kind:     actionKindText(a.Kind),
			Owner:    oneLine(a.Owner),
			Priority: oneLine(a.Priority),
			Due:      dateText(a.Due),
			Status:   actionStatusText(a.Status),
			Class:    a.Status.String(),
		}
		if link := oneLine(a.Link); link != "" {
			if allowedURL(link, false) {
				ai.URL = link
			} else {
				ai.LinkText = link
			}
		}
		c := &v.ActionColumns
		c.Kind = c.Kind || ai.Kind != ""
		c.Owner = c.Owner || ai.Owner != ""
		c.Priority = c.Priority || ai.Priority != ""
		c.Due = c.Due || ai.Due != ""
		c.Status = c.Status || ai.Status != ""
		c.Link = c.Link || ai.URL != "" || ai.LinkText != ""
		v.ActionItems = append(v.ActionItems, ai)
	}
	for _, l := range inc.Links {
		u, title := oneLine(l.URL), oneLine(l.Title)
		lk := Link{Title: title}
		if allowedURL(u, false) {
			lk.URL = u
		}
		if lk.Title == "" {
			lk.Title = u
		}
		if lk.Title == "" {
			continue
		}
		v.Links = append(v.Links, lk)
	}
	return v, nil
}
