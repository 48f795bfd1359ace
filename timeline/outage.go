package timeline

import "time"

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
