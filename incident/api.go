package incident

import (
	"io/fs"
	"time"

	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/google/uuid"
)

// Kind says whether a document is an incident or a planned maintenance. The zero Kind is unknown;
// files without a kind load as KindIncident. Do not reorder.
type Kind int

const (
	KindUnknown Kind = iota
	KindIncident
	KindMaintenance
)

// Status is an incident's public status. The zero Status is unknown. Do not reorder.
type Status int

const (
	StatusUnknown Status = iota
	StatusInvestigating
	StatusIdentified
	StatusMonitoring
	StatusResolved
)

// Outage is an explicit outage window [Start, End).
type Outage struct {
	Start, End Time
	Level      timeline.Level // major_outage when the file gives none
	Services   []string       // nil: the incident's

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

// ActionKind is the kind of an action item. The zero ActionKind is unknown. Do not reorder.
type ActionKind int

const (
	ActionUnknown ActionKind = iota
	Prevent
	Mitigate
	Detect
	Repair
	Process
	Other
)

// ActionStatus is the status of an action item. The zero ActionStatus is unknown. Do not reorder.
type ActionStatus int

const (
	ActionStatusUnknown ActionStatus = iota
	Open
	InProgress
	Done
	WontDo
)

// ActionItem is a follow-up task.
type ActionItem struct {
	Text     string // Markdown
	Kind     ActionKind
	Owner    string
	Priority string
	Due      tz.Date
	Status   ActionStatus
	Link     string

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
	Source              *Source // where an imported incident came from; nil when not imported

	src *fileFacts // what Parse learnt about the file; nil for an incident built in code
}

// ParseError is an error or warning at a place in a file.
type ParseError struct {
	File         string
	Line, Column int    // 1-based; 0 when unknown
	Path         string // field path, e.g. "timeline[2].at"
	Err          error
	Warning      bool // reports whether this is a warning rather than an error
}

// Unwrap returns e.Err.
func (e *ParseError) Unwrap() error { return e.Err }

// ErrorList is a list of *ParseError, sorted by position by Sort.
type ErrorList []*ParseError

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Config says how files are read and checked. The zero Config reads leniently with the
// default limits. A Config is safe for concurrent use as long as it is not modified.
type Config struct {
	// Strict reports whether an abbreviation's wrong daylight-saving half (PST in July) is an
	// error rather than a warning.
	Strict bool

	// MaxBytes is the largest file read; zero means DefaultMaxBytes.
	MaxBytes int64

	// MaxValues bounds the values (list items, keys and lines) of a file, as counted before
	// decoding; zero means DefaultMaxValues.
	MaxValues int

	// MaxDepth is the deepest nesting of lists and mappings accepted; zero means DefaultMaxDepth.
	MaxDepth int
}

// Metrics are the computed figures of an incident.
type Metrics struct {
	Start, End         time.Time         // first and last instant of the timeline (nominal 0001-01-01 when undated)
	Windows            []timeline.Window // merged outage windows
	Totals             timeline.Totals
	SpanStart, SpanEnd time.Time // first instant at partial or worse → last instant leaving it
	Span               time.Duration
	Lifecycle          timeline.Lifecycle // milestones; TimeTo(timeline.Detected) etc.
	Dated              bool               // reports whether instants are real (false: only durations mean something)
	Services           []ServiceMetrics   // per service, sorted case-insensitively; nil when no window names one
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

// Parse is (*Config).Parse with the zero Config.
func Parse(name string, data []byte) ([]*Incident, error) { var c Config; return c.Parse(name, data) }

// Load is (*Config).Load with the zero Config.
func Load(fsys fs.FS, name string) ([]*Incident, error) { var c Config; return c.Load(fsys, name) }
