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
