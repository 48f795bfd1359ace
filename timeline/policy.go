package timeline

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// DefaultPartialWeight is the share of a partial outage counted as downtime, as Statuspage does.
const DefaultPartialWeight = 0.3

// Policy says how downtime and availability are computed. The zero Policy is Statuspage's:
// partial outages weigh DefaultPartialWeight (0.3) and maintenance windows are ignored. A
// Policy is only read, so one Policy is safe for concurrent use.
type Policy struct {
	// PartialWeight is the share of partial-outage time counted as downtime. The zero Weight
	// is DefaultPartialWeight; NewWeight(0) counts no partial outage.
	PartialWeight Weight

	// Maintenance says how maintenance windows weigh in Availability. The zero value,
	// MaintenanceIgnore, lets them neither excuse outages nor shorten the period.
	Maintenance MaintenancePolicy
}

// Weight is a share, from 0 to 1, of partial-outage time counted as downtime. The zero Weight
// stands for DefaultPartialWeight, so that the zero Policy is Statuspage's; any other Weight
// comes from NewWeight, ParseWeight or UnmarshalText, which accept only shares from 0 to 1, so
// a Weight never holds NaN, an infinity or a negative share. NewWeight(0) is the weight that
// counts no partial outage.
type Weight struct {
	share float64
	set   bool // false: DefaultPartialWeight
}

// NewWeight returns the weight share, which must be a number from 0 to 1. NaN, infinities and
// shares outside 0 to 1 are a *WeightError matching ErrInvalid.
func NewWeight(share float64) (Weight, error) {
	if math.IsNaN(share) || share < 0 || share > 1 { // ±Inf fail the range test
		return Weight{}, &WeightError{Text: strconv.FormatFloat(share, 'g', -1, 64), NaN: math.IsNaN(share) || math.IsInf(share, 0)}
	}
	return Weight{share: share, set: true}, nil
}

// ParseWeight reads a weight written as a share ("0.3") or a percentage ("30%"), with
// surrounding space. Other text, NaN, infinities and shares outside 0 to 1 are a
// *WeightError matching ErrInvalid.
func ParseWeight(s string) (Weight, error) {
	t := strings.TrimSpace(s)
	pct := strings.HasSuffix(t, "%")
	if pct {
		t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return Weight{}, &WeightError{Text: s, NaN: true}
	}
	if pct {
		f /= 100
	}
	if f < 0 || f > 1 {
		return Weight{}, &WeightError{Text: s}
	}
	return Weight{share: f, set: true}, nil
}

// Share returns the share w counts: DefaultPartialWeight for the zero Weight.
func (w Weight) Share() float64 {
	if !w.set {
		return DefaultPartialWeight
	}
	return w.share
}

// String returns the share w counts, like "0.3".
func (w Weight) String() string { return strconv.FormatFloat(w.Share(), 'g', -1, 64) }

// MarshalText returns the share w counts, like "0.3".
func (w Weight) MarshalText() ([]byte, error) { return []byte(w.String()), nil }

// UnmarshalText sets w as ParseWeight reads text, leaving w unchanged on error.
func (w *Weight) UnmarshalText(text []byte) error {
	v, err := ParseWeight(string(text))
	if err != nil {
		return err
	}
	*w = v
	return nil
}

// WeightError is the error of NewWeight, ParseWeight and Weight.UnmarshalText for a weight
// that is not a share from 0 to 1. It matches ErrInvalid with errors.Is.
type WeightError struct {
	Text string // the weight as given
	NaN  bool   // reports whether it is not a number at all (or NaN or an infinity)
}

// Error says what is wrong with the weight and how to write one.
func (e *WeightError) Error() string {
	what := "is outside 0 to 1"
	if e.NaN {
		what = "is not a number"
	}
	text := e.Text
	if len(text) > 40 {
		text = strings.ToValidUTF8(text[:40], "") + "..."
	}
	return "timeline: partial weight " + strconv.Quote(text) + " " + what + "; write a share from 0 to 1, like 0.3 or 30%"
}

// Is reports whether target is ErrInvalid.
func (e *WeightError) Is(target error) bool { return target == ErrInvalid }

// MaintenancePolicy says how Availability treats maintenance windows. The zero value,
// MaintenanceIgnore, is the default. Do not reorder.
type MaintenancePolicy int

const (
	// MaintenanceIgnore: maintenance windows change nothing. Maintenance is not downtime and
	// outages during it count in full.
	MaintenanceIgnore MaintenancePolicy = iota
	// MaintenanceUp: maintenance time counts as up. Outages overlapping maintenance windows
	// are excused for the time they overlap.
	MaintenanceUp
	// MaintenanceExclude: maintenance time is removed from the period (the denominator) and
	// outages in it are excused.
	MaintenanceExclude
)

var policyNames = []string{
	MaintenanceIgnore:  "ignore",
	MaintenanceUp:      "up",
	MaintenanceExclude: "exclude",
}

func (p MaintenancePolicy) valid() bool { return p >= MaintenanceIgnore && p <= MaintenanceExclude }

// String returns the policy's name ("ignore", "up", "exclude") or "MaintenancePolicy(N)" for
// a value out of range.
func (p MaintenancePolicy) String() string {
	if p.valid() {
		return policyNames[p]
	}
	return "MaintenancePolicy(" + strconv.Itoa(int(p)) + ")"
}

// MarshalText returns the policy's name. A value out of range has no text form: the error then
// matches ErrInvalid.
func (p MaintenancePolicy) MarshalText() ([]byte, error) {
	if !p.valid() {
		return nil, &ParseError{What: "maintenance policy", Text: p.String(), Valid: slices.Clone(policyNames)}
	}
	return []byte(policyNames[p]), nil
}

// UnmarshalText sets p from "ignore", "up" or "exclude" in any case. The error, a
// *ParseError matching ErrInvalid, lists the accepted names.
func (p *MaintenancePolicy) UnmarshalText(text []byte) error {
	for i, n := range policyNames {
		if strings.EqualFold(string(text), n) {
			*p = MaintenancePolicy(i)
			return nil
		}
	}
	return &ParseError{What: "maintenance policy", Text: string(text), Valid: slices.Clone(policyNames)}
}

// Availability is the availability of one period.
type Availability struct {
	Period               // the calendar period
	Length time.Duration // period length after the maintenance policy (the denominator)
	Totals Totals        // windows clipped to the period, each instant once at its worst level
	Ratio  float64       // 1 − Downtime/Length; 1 when Length is 0
}

// Availability returns the availability of period p given the windows ws of any number of
// incidents, which may overlap and need not be sorted. The windows are clipped to p and every
// instant counts once, at its worst level; then c.Maintenance applies:
//
//   - MaintenanceIgnore: maintenance is neither downtime nor excused time; an outage during
//     a maintenance window counts in full. Totals.Maintenance is the maintenance time during
//     which nothing worse happened.
//   - MaintenanceUp: every instant inside a maintenance window counts as maintenance, so an
//     outage counts only for its time outside maintenance windows (the overlap is excused,
//     not the whole outage). Totals.Maintenance is all maintenance time.
//   - MaintenanceExclude: as MaintenanceUp, and the maintenance time is also taken off the
//     period's length, the denominator.
//
// Ratio is 1 − Downtime/Length, and 1 when Length is 0 (a period wholly under maintenance).
// A period whose End is not after Start has Length 0. A nil *Policy is the zero Policy; a
// policy out of range is taken as MaintenanceIgnore.
func (c *Policy) Availability(ws []Window, p Period) Availability {
	if c == nil {
		c = &Policy{}
	}
	a := Availability{Period: p, Ratio: 1}
	if !p.Start.Before(p.End) {
		return a
	}
	first := c.Maintenance == MaintenanceUp || c.Maintenance == MaintenanceExclude
	a.Totals = measure(Clip(ws, p.Start, p.End), c.PartialWeight.Share(), first)
	a.Length = p.Length()
	if c.Maintenance == MaintenanceExclude {
		a.Length -= a.Totals.Maintenance
	}
	if a.Length > 0 {
		a.Ratio = 1 - float64(a.Totals.Downtime)/float64(a.Length)
	}
	return a
}

// Budget is an error budget: the downtime a target availability allows over a period and how
// much of it was used.
type Budget struct {
	Target    float64       // the target availability, like 0.999
	Allowed   time.Duration // (1 − Target) × the period's length
	Consumed  time.Duration // the downtime
	Remaining time.Duration // Allowed − Consumed; negative when overspent
}

// Budget returns the error budget of a for target, an availability like 0.999:
// Allowed = (1 − target) × Length rounded to the nanosecond, Consumed = the downtime and
// Remaining = Allowed − Consumed, negative when the budget is overspent. Over 30 days, 0.999
// allows 43m12s. A target outside [0, 1] is taken as the nearer bound; NaN allows nothing.
func (a Availability) Budget(target float64) Budget {
	t := target
	switch {
	case math.IsNaN(t) || t > 1:
		t = 1
	case t < 0:
		t = 0
	}
	b := Budget{Target: target, Consumed: a.Totals.Downtime}
	if a.Length > 0 {
		b.Allowed = scale(a.Length, 1-t)
	}
	b.Remaining = addSat(b.Allowed, -b.Consumed)
	return b
}
