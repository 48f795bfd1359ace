package statuspage

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/google/uuid"
)

// Tolerances of the reading.
const (
	// sitsAt is how close an update must be to started_at or resolved_at to stand for it;
	// farther, an event of its own is written there.
	sitsAt = time.Minute

	// resolvedFar is how far the first resolving update may be from resolved_at before
	// it is worth a warning (incident.CodeResolvedFar).
	resolvedFar = time.Hour
)

// sourceNamespace is the UUID namespace of imported incidents' ids: an incident gets the
// version 5 UUID of "statuspage/PAGE/ID", so that its id stays when its title changes.
var sourceNamespace = uuid.NewSHA1(uuid.MustParse(incident.IDNamespace), []byte("statuspage"))

// reading is the work of turning one payload into an incident.
type reading struct {
	d    *Decoder
	p    *payload
	item *Item
	loc  *time.Location
	zone string // the file's timezone; "" for UTC
	err  *incident.ParseError

	updates       []timed           // the updates in time order, events[i] of updates[i]
	names         map[string]string // component id → its service name
	serviceList   []string          // the incident's services, in order
	embeddedFound bool              // reports whether an update holds an embedded timeline
	embeddedUsed  bool              // reports whether its entries became the events
}

// timed is an update with the instant it is shown at.
type timed struct {
	at incident.Time
	u  *update
}

// read turns p into an Item.
func (d *Decoder) read(p *payload) *Item {
	it := &Item{ID: p.ID, Path: p.path, Line: p.line, Column: p.col}
	if p.err != nil {
		it.Err = &incident.ParseError{File: d.name, Line: p.err.line, Column: p.err.col, Path: p.err.path, Code: incident.CodeJSONType,
			Err: problem(incident.CodeJSONType, p.ID, "%s", p.err.msg)}
		return it
	}
	r := &reading{d: d, p: p, item: it}
	inc := r.incident()
	if r.err == nil && inc != nil {
		// The same bound as for an incident file: its times within the 292 years a duration
		// measures, or no figure of it can be computed.
		var pe *incident.ParseError
		if err := inc.CheckSpan(); errors.As(err, &pe) {
			r.fail(0, 0, "", incident.CodeTooLong, "%v", pe.Err)
		}
	}
	if r.err != nil {
		it.Err = r.err
		it.Warnings = nil
		return it
	}
	it.Incident = inc
	return it
}

// fail records the error that keeps the incident from being written (the first one).
func (r *reading) fail(line, col int, path, code, format string, args ...any) {
	if r.err != nil {
		return
	}
	if line == 0 {
		line, col, path = r.p.line, r.p.col, r.p.path
	}
	r.err = &incident.ParseError{File: r.d.name, Line: line, Column: col, Path: path, Code: code,
		Err: problem(code, r.id(), format, args...)}
}

// warn records a warning about the incident.
func (r *reading) warn(code, format string, args ...any) {
	r.item.Warnings = append(r.item.Warnings, &incident.ParseError{File: r.d.name, Line: r.p.line, Column: r.p.col,
		Path: r.p.path, Warning: true, Code: code, Err: problem(code, r.id(), format, args...)})
}

func (r *reading) id() string {
	if r.p.ID == "" {
		return "(without id)"
	}
	return r.p.ID
}

// at reads a timestamp: RFC 3339, whose offset is authoritative. ok is false when it is
// absent; a bad one fails the incident.
func (r *reading) at(st stamp) (t incident.Time, ok bool) {
	if st.Text == "" {
		return incident.Time{}, false
	}
	if _, err := time.Parse(time.RFC3339Nano, st.Text); err != nil {
		r.fail(st.Line, st.Col, st.Path, incident.CodeBadTime, "%q is not an RFC 3339 timestamp (want 2016-07-26T14:36:00Z)", st.Text)
		return incident.Time{}, false
	}
	e, err := tz.Parse(st.Text, tz.Context{Location: r.loc})
	if err != nil || !e.End.IsZero() {
		r.fail(st.Line, st.Col, st.Path, incident.CodeBadTime, "%q is not an RFC 3339 timestamp (want 2016-07-26T14:36:00Z)", st.Text)
		return incident.Time{}, false
	}
	return newTime(e, st.Text), true
}

// newTime is the incident time of a parsed expression written as text.
func newTime(e tz.Expr, text string) incident.Time {
	return incident.Time{Instant: e.Start, Loc: e.Location, Dated: e.Dated, Approx: e.Approx, Written: text}
}

func instant(t incident.Time) time.Time { return t.Instant }

// zone sets the zone of the file: the Config's, else the page's, else UTC.
func (r *reading) setZone() {
	r.loc = time.UTC
	if l := r.d.cfg.Location; l != nil {
		r.loc = l
	} else if name := r.d.page.TimeZone; name != "" {
		if l, err := tz.Load(name); err == nil {
			r.loc = l
		}
	}
	if name := r.loc.String(); !isUTC(name) {
		r.zone = name
	} else {
		r.loc = time.UTC
	}
}

func isUTC(name string) bool {
	switch name {
	case "", "UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Etc/Zulu", "Z":
		return true
	}
	return false
}

// incident builds the incident, or sets r.err.
func (r *reading) incident() *incident.Incident {
	p := r.p
	r.setZone()
	created, hasCreated := r.at(p.CreatedAt)
	start, hasStart := r.at(p.StartedAt)
	resolved, hasResolved := r.at(p.ResolvedAt)
	schedFor, hasFor := r.at(p.ScheduledFor)
	schedUntil, hasUntil := r.at(p.ScheduledUntil)
	if !hasStart {
		start, hasStart = created, hasCreated
	}
	events := r.events()
	if r.err != nil {
		return nil
	}
	if !hasStart {
		if len(events) == 0 {
			r.fail(0, 0, "", incident.CodeBadTime, "no started_at, created_at or update to date it by; add created_at")
			return nil
		}
		start = events[0].At
	}
	if hasResolved && instant(resolved).Before(instant(start)) {
		r.fail(0, 0, "", incident.CodeResolvedFirst, "resolved_at %s is before started_at %s (a backfilled incident); fix started_at on the page, or write the incident file by hand",
			p.ResolvedAt.Text, startText(p))
		return nil
	}

	inc := &incident.Incident{
		File:     r.d.name,
		Title:    strings.TrimSpace(p.Name),
		Kind:     incident.KindIncident,
		TimeZone: r.zone,
		Location: r.loc,
		Status:   status(p.Status),
		Severity: severity(p.Impact),
	}
	if inc.Title == "" {
		inc.Title = "Incident " + p.ID
	}
	maint := isMaintenance(p)
	if maint && hasFor && hasUntil {
		inc.Kind = incident.KindMaintenance
		inc.Scheduled = &incident.Schedule{Start: schedFor, End: schedUntil}
	} else if maint {
		r.warn(incident.CodeNoSchedule, "a maintenance (status %q, impact %q) without scheduled_for and scheduled_until; read as an incident", p.Status, p.Impact)
		maint = false
	}

	events = r.embedded(events)
	if len(events) > 0 && instant(start).Sub(instant(events[0].At)) > sitsAt {
		first := events[0].At
		if r.d.cfg.EmbeddedTimeline && r.embeddedUsed {
			start = first // the entries are the timeline; started_at is the migration's
		} else {
			r.warn(incident.CodeUpdatesBeforeStart, "an update is shown at %s, before started_at %s; the timeline starts with it, the outage at started_at",
				first.Written, startText(p))
		}
	}

	// The end: resolved_at, else the last update.
	var end incident.Time
	open := !hasResolved
	switch {
	case hasResolved:
		end = resolved
		if r.embeddedUsed && len(events) > 0 && instant(events[len(events)-1].At).After(instant(end)) {
			end = events[len(events)-1].At
		}
	case len(events) > 0:
		end = events[len(events)-1].At
		if instant(end).Before(instant(start)) {
			end = start
		}
	default:
		end = start
	}
	if open && !resolvedStatus(p.Status) && !(maint && p.Status == "scheduled") {
		r.warn(incident.CodeOpen, "still %s: it ends at its last update (%s); import it again once it is resolved", orUnknown(p.Status), end.Written)
	}
	if !open && instant(end).Equal(instant(start)) && !r.embeddedFound {
		r.warn(incident.CodeZeroDuration, "started and resolved at the same instant %s; the outage takes no time, fix started_at or resolved_at on the page", end.Written)
	}
	if hasResolved && !r.embeddedUsed {
		r.checkResolved(events, resolved)
	}

	// Milestones the updates do not show.
	if len(events) == 0 || instant(events[0].At).Sub(instant(start)) > sitsAt {
		events = append([]incident.Event{{At: start, Kind: timeline.Started, Text: "Started."}}, events...)
	}
	if hasResolved && !r.embeddedUsed && !sits(events, instant(resolved)) {
		events = append(events, incident.Event{At: resolved, Kind: timeline.Resolved, Text: "Resolved."})
	}
	sortEvents(events)

	inc.Timeline = events
	inc.Services = r.services()
	inc.Outages = r.outages(inc, start, end, maint)
	d := instant(start).In(r.loc)
	inc.Date = tz.Date{Year: d.Year(), Month: d.Month(), Day: d.Day()}
	inc.Slug = incident.DeriveSlug(inc.Title, inc.Date)
	inc.ID = uuid.NewSHA1(sourceNamespace, []byte(r.pageID()+"/"+p.ID))
	if link := r.url(); link != "" {
		inc.Links = []incident.Link{{Title: r.linkTitle(), URL: link}}
	}
	r.setSource(inc)
	return inc
}

// sits reports whether an event is within sitsAt of t.
func sits(events []incident.Event, t time.Time) bool {
	for _, ev := range events {
		if d := instant(ev.At).Sub(t); d <= sitsAt && d >= -sitsAt {
			return true
		}
	}
	return false
}

// checkResolved warns when the first resolving update is far from resolved_at.
func (r *reading) checkResolved(events []incident.Event, resolved incident.Time) {
	for _, ev := range events {
		if ev.Kind != timeline.Resolved {
			continue
		}
		d := instant(ev.At).Sub(instant(resolved))
		if d > resolvedFar || d < -resolvedFar {
			r.warn(incident.CodeResolvedFar, "the resolved update at %s is %s from resolved_at %s; the outage ends at resolved_at",
				ev.At.Written, roundDuration(d), resolved.Written)
		}
		return
	}
}

func roundDuration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	return d.Round(time.Minute).String()
}

func startText(p *payload) string {
	if p.StartedAt.Text != "" {
		return p.StartedAt.Text
	}
	return p.CreatedAt.Text
}

func orUnknown(s string) string {
	if s == "" {
		return "without status"
	}
	return s
}

// events returns one event per update, in time order; equal instants keep the reverse of
// the API's order (which lists the newest first).
func (r *reading) events() []incident.Event {
	ups := r.p.Updates
	r.updates = make([]timed, 0, len(ups))
	for i := len(ups) - 1; i >= 0; i-- {
		u := &ups[i]
		st := u.DisplayAt
		if st.Text == "" {
			st = u.CreatedAt
		}
		at, ok := r.at(st)
		if !ok {
			if r.err == nil {
				r.fail(0, 0, "", incident.CodeBadTime, "update %s has neither display_at nor created_at; add created_at", orNone(u.ID))
			}
			return nil
		}
		r.updates = append(r.updates, timed{at: at, u: u})
	}
	slices.SortStableFunc(r.updates, func(a, b timed) int { return instant(a.at).Compare(instant(b.at)) })
	events := make([]incident.Event, len(r.updates))
	for i, t := range r.updates {
		events[i] = incident.Event{At: t.at, Kind: eventKind(t.u.Status), Text: markdown(t.u.Body)}
	}
	return events
}

func orNone(s string) string {
	if s == "" {
		return "(without id)"
	}
	return s
}

// eventKind is the kind of an event of an update of status s.
func eventKind(s string) timeline.EventKind {
	switch s {
	case "identified":
		return timeline.Identified
	case "monitoring":
		return timeline.Mitigated
	case "resolved", "completed":
		return timeline.Resolved
	case "postmortem", "scheduled":
		return timeline.Note
	}
	return timeline.Update // investigating, in_progress, verifying, and what else pages write
}

// status is the incident's status of a Statuspage status.
func status(s string) incident.Status {
	switch s {
	case "investigating":
		return incident.StatusInvestigating
	case "identified":
		return incident.StatusIdentified
	case "monitoring", "verifying":
		return incident.StatusMonitoring
	case "resolved", "postmortem", "completed":
		return incident.StatusResolved
	}
	return incident.StatusUnknown // scheduled, in_progress: a maintenance's, which the format lacks
}

func resolvedStatus(s string) bool {
	return s == "resolved" || s == "postmortem" || s == "completed"
}

// severity is the incident's severity of a Statuspage impact.
func severity(impact string) string {
	switch impact {
	case "minor", "major", "critical":
		return impact
	}
	return ""
}

// isMaintenance reports whether p is a scheduled maintenance.
func isMaintenance(p *payload) bool {
	switch p.Status {
	case "scheduled", "in_progress", "verifying", "completed":
		return true
	}
	return p.Impact == "maintenance" || p.ScheduledFor.Text != "" || p.ScheduledUntil.Text != ""
}

func (r *reading) pageID() string {
	if r.p.PageID != "" {
		return r.p.PageID
	}
	return r.d.page.ID
}

// url is the incident's link: its shortlink, else its page on the status page.
func (r *reading) url() string {
	if web(r.p.Shortlink) {
		return r.p.Shortlink
	}
	return r.pageURL()
}

// pageURL is the incident's page on the status page, when the page's address is known.
func (r *reading) pageURL() string {
	if !web(r.d.page.URL) || r.p.ID == "" || strings.ContainsAny(r.p.ID, "/?# ") {
		return ""
	}
	return strings.TrimRight(r.d.page.URL, "/") + "/incidents/" + r.p.ID
}

func (r *reading) linkTitle() string {
	if r.d.page.Name != "" {
		return r.d.page.Name + " status page"
	}
	return "Status page"
}

// sortEvents sorts events by instant, keeping the order of equal instants.
func sortEvents(events []incident.Event) {
	slices.SortStableFunc(events, func(a, b incident.Event) int { return instant(a.At).Compare(instant(b.At)) })
}

// web reports whether s is an http or https address, the links a file may hold.
func web(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
