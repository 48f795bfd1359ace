package timeline_test

import (
	"fmt"
	"math"
	"time"

	"github.com/go-postmortem/postmortem/timeline"
)

func hm(h, m int) time.Time { return time.Date(2016, 7, 26, h, m, 0, 0, time.UTC) }

func ExampleDerive() {
	events := []timeline.Event{
		{At: hm(14, 36), State: timeline.Degraded, Kind: timeline.Detected},
		{At: hm(14, 50), State: timeline.Major},
		{At: hm(14, 53), State: timeline.Operational},
		{At: hm(14, 59), State: timeline.Major},
		{At: hm(16, 38), State: timeline.Operational, Kind: timeline.Resolved},
	}
	for _, w := range timeline.Derive(events, []string{"Harvest", "Forecast"}, hm(16, 38)) {
		fmt.Println(w.Start.Format("15:04"), w.End.Format("15:04"), w.Level, w.Services)
	}
	// Output:
	// 14:36 14:50 degraded_performance [Forecast Harvest]
	// 14:50 14:53 major_outage [Forecast Harvest]
	// 14:59 16:38 major_outage [Forecast Harvest]
}

func ExampleMerge() {
	ws := []timeline.Window{
		{Start: hm(10, 0), End: hm(11, 0), Level: timeline.Maintenance, Services: []string{"db"}},
		{Start: hm(10, 30), End: hm(10, 45), Level: timeline.Major, Services: []string{"api"}},
		{Start: hm(10, 40), End: hm(10, 50), Level: timeline.Major, Services: []string{"web"}},
	}
	for _, w := range timeline.Merge(ws) {
		fmt.Println(w.Start.Format("15:04"), w.End.Format("15:04"), w.Level, w.Services)
	}
	// Output:
	// 10:00 10:30 under_maintenance [db]
	// 10:30 10:40 major_outage [api]
	// 10:40 10:45 major_outage [api web]
	// 10:45 10:50 major_outage [web]
	// 10:50 11:00 under_maintenance [db]
}

func ExampleByService() {
	// "US accounts" is down first, then the API; both are degraded until 04:40.
	events := []timeline.Event{
		{At: hm(3, 18), State: timeline.Major, Services: []string{"US accounts"}},
		{At: hm(3, 38), State: timeline.Degraded, Services: []string{"US accounts"}},
		{At: hm(3, 38), State: timeline.Major, Services: []string{"API"}},
		{At: hm(4, 17), State: timeline.Degraded, Services: []string{"API"}},
		{At: hm(4, 40), State: timeline.Operational},
	}
	ws := timeline.Derive(events, []string{"US accounts", "API"}, hm(4, 40))
	for _, s := range timeline.ByService(ws) {
		t := timeline.Measure(s.Windows)
		fmt.Printf("%s: major %v, degraded %v\n", s.Service, t.Major, t.Degraded)
	}
	// Output:
	// API: major 39m0s, degraded 23m0s
	// US accounts: major 20m0s, degraded 1h2m0s
}

func ExampleMeasure() {
	ws := []timeline.Window{
		{Start: hm(10, 0), End: hm(11, 0), Level: timeline.Major},
		{Start: hm(10, 30), End: hm(12, 0), Level: timeline.Major}, // overlaps: counted once
		{Start: hm(12, 0), End: hm(13, 40), Level: timeline.Partial},
	}
	t := timeline.Measure(ws)
	fmt.Println("major", t.Major, "partial", t.Partial, "downtime", t.Downtime)

	full, err := timeline.ParseWeight("100%")
	if err != nil {
		fmt.Println(err)
		return
	}
	c := timeline.Policy{PartialWeight: full}
	fmt.Println("downtime, partial in full:", c.Measure(ws).Downtime)
	// Output:
	// major 2h0m0s partial 1h40m0s downtime 2h30m0s
	// downtime, partial in full: 3h40m0s
}

func ExamplePeriods() {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		fmt.Println(err)
		return
	}
	from := time.Date(2024, 3, 9, 0, 0, 0, 0, ny)
	for _, p := range timeline.Periods(timeline.Day, ny, from, from.AddDate(0, 0, 3)) {
		fmt.Println(p.Start.Format("2006-01-02 MST"), p.Length())
	}
	for _, p := range timeline.Periods(timeline.Month, ny, from, from.Add(time.Hour)) {
		fmt.Println(p.Start.Format("January 2006"), p.Length())
	}
	// Output:
	// 2024-03-09 EST 24h0m0s
	// 2024-03-10 EST 23h0m0s
	// 2024-03-11 EDT 24h0m0s
	// March 2024 743h0m0s
}

func ExamplePolicy_Availability() {
	june := timeline.Period{
		Start: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC),
		End:   time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC),
	}
	at := func(d, h int) time.Time { return time.Date(2024, 6, d, h, 0, 0, 0, time.UTC) }
	ws := []timeline.Window{
		{Start: at(3, 9), End: at(3, 12), Level: timeline.Maintenance},
		{Start: at(3, 11), End: at(3, 13), Level: timeline.Major}, // one hour inside maintenance
	}
	for _, policy := range []timeline.MaintenancePolicy{timeline.MaintenanceIgnore, timeline.MaintenanceUp, timeline.MaintenanceExclude} {
		c := timeline.Policy{Maintenance: policy}
		a := c.Availability(ws, june)
		b := a.Budget(0.999)
		fmt.Printf("%-7s length %v downtime %v availability %.5f%% budget %v remaining %v\n",
			policy, a.Length, a.Totals.Downtime, 100*a.Ratio, b.Allowed, b.Remaining)
	}
	// Output:
	// ignore  length 720h0m0s downtime 2h0m0s availability 99.72222% budget 43m12s remaining -1h16m48s
	// up      length 720h0m0s downtime 1h0m0s availability 99.86111% budget 43m12s remaining -16m48s
	// exclude length 717h0m0s downtime 1h0m0s availability 99.86053% budget 43m1.2s remaining -16m58.8s
}

func ExampleMilestones() {
	events := []timeline.Event{
		{At: hm(14, 36), Kind: timeline.Detected, State: timeline.Major},
		{At: hm(14, 41), Kind: timeline.Acknowledged},
		{At: hm(16, 38), Kind: timeline.Resolved, State: timeline.Operational},
	}
	ws := timeline.Derive(events, nil, hm(16, 38))
	l := timeline.Milestones(events, ws)
	for _, k := range []timeline.EventKind{timeline.Detected, timeline.Acknowledged, timeline.Mitigated, timeline.Resolved} {
		if d, ok := l.TimeTo(k); ok {
			fmt.Println("time to", k, d)
		} else {
			fmt.Println("time to", k, "unavailable")
		}
	}
	// Output:
	// time to detected 0s
	// time to acknowledged 5m0s
	// time to mitigated unavailable
	// time to resolved 2h2m0s
}

func ExampleSummarize() {
	s := timeline.Summarize([]time.Duration{
		4 * time.Minute, 12 * time.Minute, 7 * time.Minute, 95 * time.Minute, 30 * time.Minute,
	})
	fmt.Println(s.Count, s.Total, s.Median, s.P90, s.Max)
	// Output:
	// 5 2h28m0s 12m0s 1h35m0s 1h35m0s
}

func ExampleSpan() {
	ws := []timeline.Window{
		{Start: hm(14, 36), End: hm(14, 50), Level: timeline.Degraded},
		{Start: hm(14, 50), End: hm(14, 53), Level: timeline.Major},
		{Start: hm(14, 59), End: hm(16, 38), Level: timeline.Major},
	}
	start, end := timeline.Span(ws)
	fmt.Println(start.Format("15:04"), end.Format("15:04"), end.Sub(start))
	// Output:
	// 14:50 16:38 1h48m0s
}

func ExampleFilter() {
	ws := []timeline.Window{
		{Start: hm(10, 0), End: hm(11, 0), Level: timeline.Major, Services: []string{"Forecast", "Harvest"}},
		{Start: hm(11, 0), End: hm(12, 0), Level: timeline.Partial, Services: []string{"Forecast"}},
	}
	for _, w := range timeline.Filter(ws, "harvest") {
		fmt.Println(w.Start.Format("15:04"), w.End.Format("15:04"), w.Level, w.Services)
	}
	// Output:
	// 10:00 11:00 major_outage [Harvest]
}

func ExampleParseUnit() {
	u, err := timeline.ParseUnit("Quarter")
	fmt.Println(u, err)
	_, err = timeline.ParseUnit("fortnight")
	fmt.Println(err)
	// Output:
	// quarter <nil>
	// timeline: unknown unit "fortnight": want one of day, week, month, quarter, year
}

func ExampleNewWeight() {
	ws := []timeline.Window{{Start: hm(10, 0), End: hm(11, 40), Level: timeline.Partial}}
	none, err := timeline.NewWeight(0)
	if err != nil {
		fmt.Println(err)
		return
	}
	var statuspage timeline.Policy // the zero Weight: DefaultPartialWeight
	fmt.Println("statuspage:", statuspage.Measure(ws).Downtime)
	nothing := timeline.Policy{PartialWeight: none}
	fmt.Println("no weight:", nothing.Measure(ws).Downtime)
	_, err = timeline.NewWeight(math.NaN())
	fmt.Println(err)
	// Output:
	// statuspage: 30m0s
	// no weight: 0s
	// timeline: partial weight "NaN" is not a number; write a share from 0 to 1, like 0.3 or 30%
}

func ExampleParsePeriod() {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range []string{"2016-Q3", "2016-07-26", "2016-13"} {
		p, unit, err := timeline.ParsePeriod(s, ny)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(unit, p.Start.UTC().Format(time.RFC3339), p.End.UTC().Format(time.RFC3339))
	}
	// Output:
	// quarter 2016-07-01T04:00:00Z 2016-10-01T04:00:00Z
	// day 2016-07-26T04:00:00Z 2016-07-27T04:00:00Z
	// timeline: "2016-13": month must be 01 to 12
}
