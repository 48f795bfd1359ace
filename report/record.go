package report

import (
	"math"
	"strconv"
	"time"

	"github.com/go-postmortem/postmortem/timeline"
)

// Time is an instant that encodes in JSON as RFC 3339 UTC to the second
// ("2016-07-26T14:50:00Z"). Records use *Time, nil (null) where an incident has no date.
type Time struct{ time.Time }

// String returns t in RFC 3339 UTC to the second.
func (t Time) String() string { return t.UTC().Format(time.RFC3339) }

// MarshalJSON returns t as a JSON string in RFC 3339 UTC.
func (t Time) MarshalJSON() ([]byte, error) { return strconv.AppendQuote(nil, t.String()), nil }

// times hands out the *Time values of a record from one array, made with the capacity the
// record needs: one allocation for all its instants rather than one each (they were a tenth
// of the allocations of Measure over the corpus of BENCHMARKS.md).
type times []Time

// at returns t in UTC as a *Time, or nil when dated is false.
func (ts *times) at(t time.Time, dated bool) *Time {
	if !dated {
		return nil
	}
	if len(*ts) == cap(*ts) { // a new array: the *Time given out keep the old one
		*ts = make([]Time, 0, 4)
	}
	*ts = append(*ts, Time{t.UTC()})
	return &(*ts)[len(*ts)-1]
}

// Duration is a length of time that encodes in JSON as seconds rounded to the millisecond
// (6120, 0.5).
type Duration time.Duration

// Seconds returns d in seconds rounded to the millisecond, as the JSON and CSV print it.
func (d Duration) Seconds() float64 {
	return math.Round(time.Duration(d).Seconds()*1000) / 1000
}

// MarshalJSON returns d in seconds.
func (d Duration) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, d.Seconds(), 'f', -1, 64), nil
}

// String returns the seconds as the CSV prints them.
func (d Duration) String() string { return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) }

// Totals are the time at each level and the downtime, in the JSON's names.
type Totals struct {
	Downtime    Duration `json:"downtime_seconds"`
	Major       Duration `json:"major_seconds"`
	Partial     Duration `json:"partial_seconds"`
	Degraded    Duration `json:"degraded_seconds"`
	Maintenance Duration `json:"maintenance_seconds"`
}

// Saturated reports whether a figure of t reached the most a duration holds (about 292
// years), where it stops growing: that figure is then the limit, not the measure. A total
// over incidents far apart (two of 200 years each) can reach it though each alone does not;
// a caller refuses to show such totals.
func (t Totals) Saturated() bool {
	for _, d := range [...]Duration{t.Downtime, t.Major, t.Partial, t.Degraded, t.Maintenance} {
		if d == math.MaxInt64 {
			return true
		}
	}
	return false
}

func totalsOf(t timeline.Totals) Totals {
	return Totals{Duration(t.Downtime), Duration(t.Major), Duration(t.Partial), Duration(t.Degraded), Duration(t.Maintenance)}
}

// Incident is the record of one incident: what `postmortem downtime` prints of it.
//
// Start and End are the first and last event of its timeline, nil when it has none (an
// incident written as outages or a scheduled window alone); SpanStart and SpanEnd the first
// instant at partial outage or worse and the last instant leaving it, nil when there was no
// outage. All four are nil when the incident has no date. The figures are those of the services counted (Options.Services),
// within [Options.Since, Options.Until).
type Incident struct {
	File      string   `json:"file"`
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Kind      string   `json:"kind"`
	Dated     bool     `json:"dated"`
	Start     *Time    `json:"start"`
	End       *Time    `json:"end"`
	SpanStart *Time    `json:"span_start"`
	SpanEnd   *Time    `json:"span_end"`
	Span      Duration `json:"span_seconds"`
	Totals
	Windows  []Window  `json:"windows"`          // merged, each naming the services at its level
	Services []Service `json:"services"`         // per service, sorted case-insensitively
	Source   *Source   `json:"source,omitempty"` // where an imported incident came from; nil when not imported

	// Location is the incident's zone, for showing its instants; it is not encoded.
	Location *time.Location `json:"-"`

	// At is where a dated incident sorts (Compare): its first recorded instant (an event, an
	// outage or its scheduled window), else the start of its date; it is not encoded.
	At time.Time `json:"-"`
}

// Source says where an imported incident came from (incident.Source).
type Source struct {
	System string `json:"system"`
	ID     string `json:"id,omitempty"`
	Page   string `json:"page,omitempty"`
	URL    string `json:"url,omitempty"`
}

// Window is a merged window of an incident: [Start, End) at Level, naming exactly the
// services at that level in it. Start and End are nil when the incident has no date.
type Window struct {
	Start    *Time    `json:"start"`
	End      *Time    `json:"end"`
	Length   Duration `json:"seconds"`
	Level    string   `json:"level"`
	Services []string `json:"services"` // never nil
}

// Service is one service's figures in an incident, from its own windows alone.
type Service struct {
	Name string   `json:"name"`
	Span Duration `json:"span_seconds"`
	Totals
}

// Total is the sum over the incidents counted, overlaps between incidents counted once
// (undated incidents, which cannot overlap anything known, are added).
type Total struct {
	Incidents int `json:"incidents"`
	Totals
}

// Period is the availability of one calendar period (or, without Options.Unit, of the
// range [Options.Since, Options.Until), labelled "range").
type Period struct {
	Label        string   `json:"period"` // "2016-07-26", "2016-W30", "2016-07", "2016-Q3", "2016" or "range"
	Start        Time     `json:"start"`
	End          Time     `json:"end"`
	Length       Duration `json:"seconds"` // after the maintenance policy: the denominator
	Downtime     Duration `json:"downtime_seconds"`
	Major        Duration `json:"major_seconds"`
	Partial      Duration `json:"partial_seconds"`
	Availability float64  `json:"availability"` // 1 − Downtime / Length; 1 when Length is 0

	// Services holds each service's figures for the period when Options.ServicePeriods is
	// set, sorted case-insensitively; it is not encoded.
	Services []ServicePeriod `json:"-"`
}

// ServicePeriod is one service's availability in a period, from its own windows.
type ServicePeriod struct {
	Name         string
	Downtime     Duration
	Major        Duration
	Partial      Duration
	Availability float64
}

func periodOf(label string, a timeline.Availability) Period {
	return Period{
		Label:        label,
		Start:        Time{a.Start.UTC()},
		End:          Time{a.End.UTC()},
		Length:       Duration(a.Length),
		Downtime:     Duration(a.Totals.Downtime),
		Major:        Duration(a.Totals.Major),
		Partial:      Duration(a.Totals.Partial),
		Availability: a.Ratio,
	}
}
