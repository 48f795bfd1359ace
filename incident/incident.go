package incident

import (
	"time"

	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/google/uuid"
)

// Outage is an explicit outage window [Start, End). A file writes it as {start, end}, or as
// one window expression ("from 5:45 AM to 7:00 AM UTC", alone or as window:); in the latter
// case Start.Written and End.Written both hold the whole expression.
type Outage struct {
	Start, End Time
	Level      timeline.Level // major_outage when the file gives none
	Services   []string       // nil: the incident's
	Ignore     []string       // codes of the warnings acknowledged on this outage

	pos pos
}

// Schedule is a scheduled maintenance window [Start, End). A file writes it as {start, end} or
// as one window expression ("9am-12pm EDT"); in the latter case Start.Written and End.Written both
// hold the whole expression.
type Schedule struct {
	Start, End Time
}

// Cause is a root cause or contributing factor.
type Cause struct {
	Text     string // Markdown
	Category string
}

// Lessons are what the team learned.
type Lessons struct {
	WentWell, WentWrong, Lucky []string // Markdown
}

// ActionItem is a follow-up task.
type ActionItem struct {
	Text     string // Markdown
	Kind     ActionKind
	Owner    string
	Priority string
	Due      tz.Date
	Status   ActionStatus
	Link     string
	Ignore   []string // codes of the warnings acknowledged on this item

	pos, duePos pos
}

// Source says where an imported incident came from, so that an importer can find the file
// to update. The zero Source is no source.
type Source struct {
	System string // where it came from: "statuspage", "slack", "text" or another name; required
	ID     string // its id there
	Page   string // the page or workspace it belongs to there
	URL    string // a link to it; http or https

	pos pos
}

// Link is a related document.
type Link struct {
	Title, URL string
}

// Incident is one postmortem: an incident or a planned maintenance. Reading an Incident from
// several goroutines is safe; modifying it while others read it is not.
type Incident struct {
	File                string // name it was loaded from
	Version             int
	ID                  uuid.UUID
	Title               string
	Slug                string
	Kind                Kind
	Date                tz.Date        // zero when undated
	TimeZone            string         // as written; "" for UTC
	Location            *time.Location // resolved TimeZone; UTC when absent
	Services            []string
	Severity            string
	Status              Status
	Authors             []string
	Published           tz.Date
	Summary             string  // Markdown
	Impact              string  // Markdown
	Timeline            []Event // sorted by instant
	Outages             []Outage
	Scheduled           *Schedule // the announced window of a maintenance; nil when none
	RootCauses          []Cause
	Trigger             string // Markdown
	Detection           string // Markdown
	Resolution          string // Markdown
	ContributingFactors []Cause
	Lessons             Lessons
	ActionItems         []ActionItem
	Links               []Link
	Source              *Source  // where an imported incident came from; nil when not imported
	Ignore              []string // codes of the warnings acknowledged on the whole incident (ignore: [code, ...])

	src *fileFacts // what Parse learnt about the file; nil for an incident built in code
}

// Metrics are the computed figures of an incident.
type Metrics struct {
	Start, End         time.Time         // first and last instant the incident records: its events, outages and scheduled window (nominal 0001-01-01 when undated)
	Recorded           bool              // reports whether the incident records any instant (else Start and End mean nothing)
	Windows            []timeline.Window // merged outage windows
	Totals             timeline.Totals
	SpanStart, SpanEnd time.Time // first instant at partial or worse → last instant leaving it
	Span               time.Duration
	Lifecycle          timeline.Lifecycle // milestones; TimeTo(timeline.Detected) etc.
	Dated              bool               // reports whether instants are real (false: only durations mean something)
	Services           []ServiceMetrics   // every service the incident lists or a window names, sorted case-insensitively (zero figures for one without windows); nil when none
}

// ServiceMetrics are the figures of one service of an incident, from its own windows alone:
// what it went through, whatever the other services did.
type ServiceMetrics struct {
	Name               string            // as the file spells it (the smallest spelling when it varies in case)
	Windows            []timeline.Window // its merged windows, with nil Services; shared by services of one history
	Totals             timeline.Totals
	SpanStart, SpanEnd time.Time // first instant at partial or worse → last instant leaving it
	Span               time.Duration
}
