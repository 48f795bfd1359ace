package timeline

// This file fixes the exported API of package timeline that other packages build on.
// Bodies marked "TODO(timeline)" are placeholders to be replaced by the real implementation.

import (
	"errors"
	"time"
)

// Level is a service's state, as Statuspage names them. The zero Level means unknown (no state).
// Do not reorder.
type Level int

const (
	LevelUnknown Level = iota
	Operational
	Degraded    // "degraded_performance", short "degraded"
	Partial     // "partial_outage", short "partial"
	Major       // "major_outage", short "major"
	Maintenance // "under_maintenance", short "maintenance"
)

// Kind is the kind of a timeline event. The zero Kind means none given. Do not reorder.
type Kind int

const (
	KindUnknown Kind = iota
	Started
	Detected
	Acknowledged
	Escalated
	Identified
	Mitigated
	Resolved
	Deploy
	Action
	Update
	Note
)

// ErrInvalid is matched by errors from UnmarshalText and the parse functions.
var ErrInvalid = errors.New("invalid value")

// Event is one entry of an incident's timeline.
type Event struct {
	At       time.Time // UTC
	Kind     Kind
	State    Level    // LevelUnknown: no state change
	Services []string // nil: the incident's services
	Text     string
	Approx   bool
}

// Window is a half-open interval [Start, End) during which Services were at Level.
type Window struct {
	Start, End time.Time
	Level      Level
	Services   []string
}

// Derive returns the windows that the events' state changes imply, per service: a state
// holds for a service from its event until that service's next state change, the last one
// until end. Operational and unknown states make no window. Events need not be sorted.
func Derive(events []Event, services []string, end time.Time) []Window { return nil }

// Clip returns the parts of ws inside [start, end).
func Clip(ws []Window, start, end time.Time) []Window { return nil }

// DefaultPartialWeight is the share of a partial outage counted as downtime, as Statuspage does.
const DefaultPartialWeight = 0.3

// Config says how downtime is computed. The zero Config is Statuspage's.
type Config struct {
	// PartialWeight is the share of partial-outage time counted as downtime.
	// Zero means DefaultPartialWeight; a negative value means 0.
	PartialWeight float64

	// Maintenance says how maintenance windows weigh in Availability. The zero value,
	// MaintenanceIgnore, leaves them out of the computation.
	Maintenance MaintenancePolicy
}

// Totals are the measures of a set of windows, each instant counted once at its worst level.
type Totals struct {
	Major, Partial, Degraded, Maintenance time.Duration
	Downtime                              time.Duration // Major + weight × Partial
}

// Measure returns the totals of ws (which may overlap).
func (c *Config) Measure(ws []Window) Totals { return Totals{} }

// Measure is Measure with the zero Config.
func Measure(ws []Window) Totals { return Totals{} }

// Unit is a calendar period's length. The zero Unit means unknown. Do not reorder.
type Unit int

const (
	UnitUnknown Unit = iota
	Day
	Week // ISO week, from Monday
	Month
	Quarter
	Year
)

// Period is a half-open calendar period [Start, End) in some zone.
type Period struct {
	Start, End time.Time
}

// Periods returns the consecutive periods of unit in loc that cover [from, to).
func Periods(unit Unit, loc *time.Location, from, to time.Time) []Period { return nil }
