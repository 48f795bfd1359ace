package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/report"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
)

// JSON writes incs as one JSON document, {"incidents": [...]}, for scripts and jq: each
// incident with "title", "id", "source", "kind", "timezone", "date", "services", its
// "timeline" (each event as incident.Event.MarshalJSON writes it), its merged "windows", the
// figures of each service ("services_figures") and of the incident ("figures"), then every
// other field of the file, each always present (null, "" or [] when the file has none), in a
// fixed order. Instants are RFC 3339 in UTC, null when the incident is undated; durations are
// seconds. It returns an error when incs is empty or holds nil, when a value is out of range
// (an enum no name is known for, matching incident.ErrInvalid), or w's write error.
func (p *Printer) JSON(w io.Writer, incs ...*incident.Incident) error {
	if len(incs) == 0 {
		return errors.New("render: no incidents")
	}
	doc := jsonDocument{Incidents: make([]jsonIncident, 0, len(incs))}
	for _, inc := range incs {
		if inc == nil {
			return errors.New("render: nil incident")
		}
		j, err := p.jsonIncident(inc)
		if err != nil {
			return err
		}
		doc.Incidents = append(doc.Incidents, j)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // text is read by scripts, not pasted into HTML
	if err := enc.Encode(doc); err != nil {
		var me *json.MarshalerError
		if errors.As(err, &me) {
			err = me.Err
		}
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// JSON writes incs as JSON with the zero Printer.
func JSON(w io.Writer, incs ...*incident.Incident) error {
	var p Printer
	return p.JSON(w, incs...)
}

type jsonDocument struct {
	Incidents []jsonIncident `json:"incidents"`
}

// jsonIncident is one incident of the document. The order of its fields is the order of the
// keys in the output.
type jsonIncident struct {
	Title           string           `json:"title"`
	ID              string           `json:"id"`
	Source          *jsonSource      `json:"source"`
	Kind            string           `json:"kind"`
	TimeZone        string           `json:"timezone"`
	Date            *string          `json:"date"`
	Services        []string         `json:"services"`
	Timeline        []incident.Event `json:"timeline"`
	Windows         []jsonWindow     `json:"windows"`
	ServicesFigures []jsonService    `json:"services_figures"`
	Figures         jsonFigures      `json:"figures"`
	File            string           `json:"file"`
	Version         int              `json:"postmortem"`
	Slug            string           `json:"slug"`
	Severity        string           `json:"severity"`
	Status          *string          `json:"status"`
	Authors         []string         `json:"authors"`
	Published       *string          `json:"published"`
	Summary         string           `json:"summary"`
	Impact          string           `json:"impact"`
	Outages         []jsonOutage     `json:"outages"`
	Scheduled       *jsonSchedule    `json:"scheduled"`
	RootCauses      []jsonCause      `json:"root_causes"`
	Trigger         string           `json:"trigger"`
	Detection       string           `json:"detection"`
	Resolution      string           `json:"resolution"`
	Contributing    []jsonCause      `json:"contributing_factors"`
	Lessons         jsonLessons      `json:"lessons"`
	ActionItems     []jsonActionItem `json:"action_items"`
	Links           []jsonLink       `json:"links"`
	Ignore          []string         `json:"ignore"` // codes of the warnings acknowledged on the incident
}

type jsonSource struct {
	System string `json:"system"`
	ID     string `json:"id"`
	Page   string `json:"page"`
	URL    string `json:"url"`
}

// jsonWindow is a merged window: [start, end) at level, naming exactly its services.
type jsonWindow struct {
	Start    *string  `json:"start"`
	End      *string  `json:"end"`
	Seconds  float64  `json:"seconds"`
	Level    string   `json:"level"`
	Services []string `json:"services"`
}

// jsonTotals are the measures of a set of windows, in seconds: the span, then the totals in
// the names and rounding of downtime --format json.
type jsonTotals struct {
	SpanStart   *string `json:"span_start"`
	SpanEnd     *string `json:"span_end"`
	SpanSeconds float64 `json:"span_seconds"`
	report.Totals
}

// jsonService is one service's figures, from its own windows alone.
type jsonService struct {
	Name string `json:"name"`
	jsonTotals
	Windows []jsonWindow `json:"windows"`
}

// jsonFigures are the incident's figures: the union over its services at the worst level.
type jsonFigures struct {
	Dated bool    `json:"dated"`
	Start *string `json:"start"`
	End   *string `json:"end"`
	jsonTotals
	TimeToDetectSeconds      *float64 `json:"time_to_detect_seconds"`
	TimeToAcknowledgeSeconds *float64 `json:"time_to_acknowledge_seconds"`
	TimeToMitigateSeconds    *float64 `json:"time_to_mitigate_seconds"`
	TimeToResolveSeconds     *float64 `json:"time_to_resolve_seconds"`
}

type jsonOutage struct {
	Start    incident.Time `json:"start"`
	End      incident.Time `json:"end"`
	Level    string        `json:"level"`
	Services []string      `json:"services"`
	Ignore   []string      `json:"ignore"` // codes of the warnings acknowledged on the outage
}

type jsonSchedule struct {
	Start incident.Time `json:"start"`
	End   incident.Time `json:"end"`
}

type jsonCause struct {
	Text     string `json:"text"`
	Category string `json:"category"`
}

type jsonLessons struct {
	WentWell  []string `json:"went_well"`
	WentWrong []string `json:"went_wrong"`
	Lucky     []string `json:"lucky"`
}

type jsonActionItem struct {
	Text     string   `json:"text"`
	Kind     *string  `json:"kind"`
	Owner    string   `json:"owner"`
	Priority string   `json:"priority"`
	Due      *string  `json:"due"`
	Status   *string  `json:"status"`
	Link     string   `json:"link"`
	Ignore   []string `json:"ignore"` // codes of the warnings acknowledged on the item
}

type jsonLink struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

func (p *Printer) jsonIncident(inc *incident.Incident) (jsonIncident, error) {
	m := inc.Metrics(p.Config)
	j := jsonIncident{
		Title: inc.Title, ID: inc.ID.String(), TimeZone: inc.TimeZone, Date: jsonDate(inc.Date),
		Services: list(inc.Services), Timeline: inc.Timeline, File: inc.File, Version: inc.Version,
		Slug: inc.Slug, Severity: inc.Severity, Authors: list(inc.Authors), Published: jsonDate(inc.Published),
		Summary: inc.Summary, Impact: inc.Impact, Trigger: inc.Trigger, Detection: inc.Detection,
		Resolution: inc.Resolution, Ignore: list(inc.Ignore),
		Lessons: jsonLessons{WentWell: list(inc.Lessons.WentWell), WentWrong: list(inc.Lessons.WentWrong),
			Lucky: list(inc.Lessons.Lucky)},
	}
	if j.Timeline == nil {
		j.Timeline = []incident.Event{}
	}
	if s := inc.Source; s != nil {
		j.Source = &jsonSource{System: s.System, ID: s.ID, Page: s.Page, URL: s.URL}
	}
	var err error
	if j.Kind, err = enumName(inc.Kind); err != nil {
		return j, err
	}
	if inc.Status != incident.StatusUnknown {
		s, err := enumName(inc.Status)
		if err != nil {
			return j, err
		}
		j.Status = &s
	}
	if j.Windows, err = windows(m.Windows, m.Dated); err != nil {
		return j, err
	}
	j.Figures = jsonFigures{Dated: m.Dated, jsonTotals: totals(m.Totals, m.SpanStart, m.SpanEnd, m.Dated)}
	if m.Dated && m.Recorded { // the first and last instant recorded, as every format has them
		j.Figures.Start, j.Figures.End = jsonInstant(m.Start, true), jsonInstant(m.End, true)
	}
	for k, f := range map[timeline.EventKind]**float64{
		timeline.Detected: &j.Figures.TimeToDetectSeconds, timeline.Acknowledged: &j.Figures.TimeToAcknowledgeSeconds,
		timeline.Mitigated: &j.Figures.TimeToMitigateSeconds, timeline.Resolved: &j.Figures.TimeToResolveSeconds,
	} {
		if d, ok := m.Lifecycle.TimeTo(k); ok {
			s := secondsOf(d)
			*f = &s
		}
	}
	if j.ServicesFigures, err = serviceFigures(&m); err != nil {
		return j, err
	}
	j.Outages = []jsonOutage{}
	for _, o := range inc.Outages {
		level, err := enumName(o.Level)
		if err != nil {
			return j, err
		}
		j.Outages = append(j.Outages, jsonOutage{Start: o.Start, End: o.End, Level: level, Services: o.Services, Ignore: list(o.Ignore)})
	}
	if s := inc.Scheduled; s != nil {
		j.Scheduled = &jsonSchedule{Start: s.Start, End: s.End}
	}
	j.RootCauses, j.Contributing = causes(inc.RootCauses), causes(inc.ContributingFactors)
	j.ActionItems = []jsonActionItem{}
	for _, a := range inc.ActionItems {
		ja := jsonActionItem{Text: a.Text, Owner: a.Owner, Priority: a.Priority, Due: jsonDate(a.Due), Link: a.Link, Ignore: list(a.Ignore)}
		if a.Kind != incident.ActionUnknown {
			s, err := enumName(a.Kind)
			if err != nil {
				return j, err
			}
			ja.Kind = &s
		}
		if a.Status != incident.ActionStatusUnknown {
			s, err := enumName(a.Status)
			if err != nil {
				return j, err
			}
			ja.Status = &s
		}
		j.ActionItems = append(j.ActionItems, ja)
	}
	j.Links = []jsonLink{}
	for _, l := range inc.Links {
		j.Links = append(j.Links, jsonLink{Title: l.Title, URL: l.URL})
	}
	return j, nil
}

// serviceFigures returns the figures of each service of m (incident.Metrics.Services: every
// service the incident lists or a window names, from its own windows alone, in
// case-insensitive order of name); each window names the service.
func serviceFigures(m *incident.Metrics) ([]jsonService, error) {
	out := make([]jsonService, 0, len(m.Services))
	for _, s := range m.Services {
		jw, err := windows(s.Windows, m.Dated)
		if err != nil {
			return nil, err
		}
		name := []string{s.Name}
		for i := range jw {
			jw[i].Services = name
		}
		out = append(out, jsonService{Name: s.Name, jsonTotals: totals(s.Totals, s.SpanStart, s.SpanEnd, m.Dated), Windows: jw})
	}
	return out, nil
}

func windows(ws []timeline.Window, dated bool) ([]jsonWindow, error) {
	out := make([]jsonWindow, 0, len(ws))
	for _, w := range ws {
		level, err := enumName(w.Level)
		if err != nil {
			return nil, err
		}
		out = append(out, jsonWindow{Start: jsonInstant(w.Start, dated), End: jsonInstant(w.End, dated),
			Seconds: secondsOf(w.End.Sub(w.Start)), Level: level, Services: list(w.Services)})
	}
	return out, nil
}

func totals(t timeline.Totals, spanStart, spanEnd time.Time, dated bool) jsonTotals {
	j := jsonTotals{Totals: report.Totals{Downtime: report.Duration(t.Downtime), Major: report.Duration(t.Major),
		Partial: report.Duration(t.Partial), Degraded: report.Duration(t.Degraded), Maintenance: report.Duration(t.Maintenance)}}
	if spanStart.Before(spanEnd) { // there was an outage (timeline.Span); the zero time is an instant like another
		j.SpanStart, j.SpanEnd = jsonInstant(spanStart, dated), jsonInstant(spanEnd, dated)
		j.SpanSeconds = secondsOf(spanEnd.Sub(spanStart))
	}
	return j
}

func causes(cs []incident.Cause) []jsonCause {
	out := make([]jsonCause, 0, len(cs))
	for _, c := range cs {
		out = append(out, jsonCause{Text: c.Text, Category: c.Category})
	}
	return out
}

// jsonInstant is t in RFC 3339 UTC, or nil when the incident is undated (its instants are nominal).
func jsonInstant(t time.Time, dated bool) *string {
	if !dated {
		return nil
	}
	s := t.UTC().Format(time.RFC3339Nano)
	return &s
}

// jsonDate is d as YYYY-MM-DD, or nil when zero.
func jsonDate(d tz.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

// list is s, or an empty list for nil, so that a field is [] rather than null.
func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// secondsOf returns d in seconds, rounded to the millisecond as report.Duration is.
func secondsOf(d time.Duration) float64 { return report.Duration(d).Seconds() }

// enumName is the name of an enum value.
func enumName(v interface{ MarshalText() ([]byte, error) }) (string, error) {
	b, err := v.MarshalText()
	return string(b), err
}
