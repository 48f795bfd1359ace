package timeline

import "time"

// MaintenancePolicy says how Availability treats maintenance windows. The zero value,
// MaintenanceIgnore, is the default. Do not reorder.
type MaintenancePolicy int

const (
	// MaintenanceIgnore: maintenance windows change nothing. Maintenance is not downtime and
	// outages during it count in full.
	MaintenanceIgnore MaintenancePolicy = iota
	// MaintenanceUp: maintenance time counts as up. Outages overlapping maintenance windows
	// are excused.
	MaintenanceUp
	// MaintenanceExclude: maintenance time is removed from the period (the denominator) and
	// outages in it are excused.
	MaintenanceExclude
)

// String returns the policy's name ("ignore", "up", "exclude") or "MaintenancePolicy(N)".
func (p MaintenancePolicy) String() string { return "" } // TODO(timeline)

// MarshalText returns the policy's name; a value out of range is an error matching ErrInvalid.
func (p MaintenancePolicy) MarshalText() ([]byte, error) { return nil, nil } // TODO(timeline)

// UnmarshalText sets p from "ignore", "up" or "exclude" in any case. The error, a
// *ParseError matching ErrInvalid, lists the accepted names.
func (p *MaintenancePolicy) UnmarshalText(text []byte) error { return nil } // TODO(timeline)

// Availability is a period's availability.
type Availability struct {
	Period               // the calendar period
	Length time.Duration // period length after the maintenance policy (the denominator)
	Totals Totals        // windows clipped to the period, each instant once at its worst level
	Ratio  float64       // 1 − Downtime/Length; 1 when Length is 0
}

// Availability returns the availability of period p given windows ws, per c.Maintenance.
func (c *Config) Availability(ws []Window, p Period) Availability { return Availability{} } // TODO(timeline)

// Budget is an error budget: the downtime a target availability allows over a period.
type Budget struct {
	Target    float64       // the target availability, like 0.999
	Allowed   time.Duration // (1 − Target) × Length
	Consumed  time.Duration // the downtime
	Remaining time.Duration // Allowed − Consumed; negative when overspent
}

// Budget returns the error budget of a for target, like 0.999.
func (a Availability) Budget(target float64) Budget { return Budget{} } // TODO(timeline)

// Span returns the first instant at Partial or worse and the last instant leaving it; both
// are zero when no window is at Partial or worse.
func Span(ws []Window) (start, end time.Time) { return } // TODO(timeline)

// Filter returns the windows of ws that touch any of services, with Services narrowed to them.
func Filter(ws []Window, services ...string) []Window { return nil } // TODO(timeline)

// Lifecycle holds an incident's milestones. A zero time means the milestone is missing.
type Lifecycle struct {
	Start, Detected, Acknowledged, Mitigated, Resolved time.Time
}

// Milestones returns the lifecycle of events: Start is the first Started event, else the
// Span start of ws (the impact start); every other milestone is the first event of its kind.
func Milestones(events []Event, ws []Window) Lifecycle { return Lifecycle{} } // TODO(timeline)

// TimeTo returns the time from Start to milestone k (Detected, Acknowledged, Mitigated or
// Resolved). It reports false when the milestone or Start is missing: it never guesses.
func (l Lifecycle) TimeTo(k Kind) (time.Duration, bool) { return 0, false } // TODO(timeline)

// Summary summarises durations.
type Summary struct {
	Count                   int
	Total, Median, P90, Max time.Duration
}

// Summarize returns the summary of ds.
func Summarize(ds []time.Duration) Summary { return Summary{} } // TODO(timeline)

// Length returns p's real elapsed length, End − Start.
func (p Period) Length() time.Duration { return p.End.Sub(p.Start) }

// ParseUnit returns the unit named s: "day", "week", "month", "quarter" or "year", in any
// case. The error, a *ParseError matching ErrInvalid, lists the names.
func ParseUnit(s string) (Unit, error) { return UnitUnknown, nil } // TODO(timeline)

// String returns the unit's name ("month"), "unknown" or "Unit(N)".
func (u Unit) String() string { return "" } // TODO(timeline)

// MarshalText returns the unit's name; UnitUnknown and values out of range are errors
// matching ErrInvalid.
func (u Unit) MarshalText() ([]byte, error) { return nil, nil } // TODO(timeline)

// UnmarshalText sets u from its name in any case. The error, a *ParseError matching
// ErrInvalid, lists the names.
func (u *Unit) UnmarshalText(text []byte) error { return nil } // TODO(timeline)
