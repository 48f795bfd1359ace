package timeline

import "time"

// Event is one entry of an incident's timeline.
type Event struct {
	At       time.Time // the instant, in UTC by convention
	Kind     EventKind // EventUnknown: none given
	State    Level     // the state its services are in from At on; LevelUnknown: no change
	Services []string  // the services State applies to; empty: the incident's services
	Text     string    // what happened, Markdown
	Approx   bool      // reports whether At is approximate ("about 10:53")
}

// Window is a half-open interval [Start, End) during which Services were at Level. A window
// with End at or before Start holds no time. Nil Services means the window's services are not
// named (an incident that lists none); such a window still counts in Measure.
type Window struct {
	Start, End time.Time
	Level      Level
	Services   []string
}

// DefaultPartialWeight is the share of a partial outage counted as downtime, as Statuspage does.
const DefaultPartialWeight = 0.3

// Policy says how downtime and availability are computed. The zero Policy is Statuspage's:
// partial outages weigh 0.3 and maintenance windows are ignored. A Policy is only read, so one
// Policy is safe for concurrent use.
type Policy struct {
	// PartialWeight is the share of partial-outage time counted as downtime.
	// Zero means DefaultPartialWeight; a negative value means 0.
	PartialWeight float64

	// Maintenance says how maintenance windows weigh in Availability. The zero value,
	// MaintenanceIgnore, lets them neither excuse outages nor shorten the period.
	Maintenance MaintenancePolicy
}

// Totals are the measures of a set of windows, each instant counted once at its worst level.
// Sums that would overflow time.Duration saturate.
type Totals struct {
	Major, Partial, Degraded, Maintenance time.Duration
	Downtime                              time.Duration // Major + weight × Partial
}

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

// Period is a half-open calendar period [Start, End) in some zone; Start and End are instants
// (see Periods) and End − Start is the real elapsed length.
type Period struct {
	Start, End time.Time
}
