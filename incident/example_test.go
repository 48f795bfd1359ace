package incident_test

import (
	"errors"
	"fmt"
	"testing/fstest"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
)

const harvest = `title: Harvest and Forecast outage
date: 2016-07-26
timezone: America/New_York
services: [Harvest, Forecast]
timeline:
  - at: "10:36am EDT (14:36 UTC)"
    kind: detected
    state: degraded
  - at: "10:50"
    state: major
  - at: "10:53~"
    state: ok
  - at: "10:59"
    state: major
  - at: "12:38pm EDT"
    kind: resolved
    state: operational
`

func ExampleParse() {
	incs, err := incident.Parse("harvest.yaml", []byte(harvest))
	if err != nil {
		fmt.Println(err)
		return
	}
	inc := incs[0]
	fmt.Println(inc.Slug)
	for _, ev := range inc.Timeline {
		fmt.Printf("%-24q %s approx=%v\n", ev.At.Written, ev.At.Instant.Format("15:04Z"), ev.At.Approx)
	}
	// Output:
	// 2016-07-26-harvest-and-forecast-outage
	// "10:36am EDT (14:36 UTC)" 14:36Z approx=false
	// "10:50"                  14:50Z approx=false
	// "10:53~"                 14:53Z approx=true
	// "10:59"                  14:59Z approx=false
	// "12:38pm EDT"            16:38Z approx=false
}

func ExampleIncident_Metrics() {
	incs, err := incident.Parse("harvest.yaml", []byte(harvest))
	if err != nil {
		fmt.Println(err)
		return
	}
	m := incs[0].Metrics(timeline.Policy{})
	fmt.Println("downtime:", m.Totals.Downtime)
	fmt.Println("degraded:", m.Totals.Degraded)
	fmt.Println("span:", m.Span, "from", m.SpanStart.Format("15:04Z"))
	resolve, _ := m.Lifecycle.TimeTo(timeline.Resolved)
	fmt.Println("time to resolve:", resolve)
	// Output:
	// downtime: 1h42m0s
	// degraded: 14m0s
	// span: 1h48m0s from 14:50Z
	// time to resolve: 1h48m0s
}

func ExampleIncident_Metrics_undated() {
	// A post that says only "today at 10:50 US Pacific time": durations still work.
	incs, err := incident.Parse("tracker.yaml", []byte(`title: Tracker down
timezone: America/Los_Angeles
timeline:
  - {at: "10:50 US Pacific time", kind: started, state: major_outage}
  - {at: "11:20~", kind: resolved, state: operational}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	m := incs[0].Metrics(timeline.Policy{})
	fmt.Println("dated:", m.Dated, "downtime:", m.Totals.Downtime)
	_, warnings := incident.Validate(incs[0])
	fmt.Println(warnings)
	// Output:
	// dated: false downtime: 30m0s
	// tracker.yaml:1:1: title: incident has no date: durations are computed, but UTC times and time zone conversions are left out; add date: YYYY-MM-DD when it is known [undated]
}

func ExampleParse_errors() {
	_, err := incident.Parse("harvest.yaml", []byte(`title: Harvest outage
date: 2016-07-26
sumary: typo
timeline:
  - at: "10:50"
  - at: "09:10"
`))
	var list incident.ErrorList
	if errors.As(err, &list) {
		fmt.Println(list[0])
		// The message of a time comes from package tz; it says what to write instead.
		fmt.Println(list[1].Position(), list[1].Path)
	}
	fmt.Println(errors.Is(err, incident.ErrUnknownKey), errors.Is(err, tz.ErrBackwards))
	// Output:
	// harvest.yaml:3:1: sumary: unknown key "sumary" (did you mean "summary"?) [unknown-key]
	// harvest.yaml:6:9 timeline[1].at
	// true true
}

func ExampleConfig_Validate() {
	src := []byte(`title: Harness down
date: 2021-03-30
timezone: America/Los_Angeles
kind: incident
timeline:
  - {at: "12:30 PST", kind: started, state: major}
  - {at: "12:55 PST", kind: resolved, state: ok}
action_items:
  - text: Publish SLAs per cluster.
`)
	incs, err := incident.Parse("harness.yaml", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	var c incident.Config
	errs, warnings := c.Validate(incs[0])
	fmt.Println(len(errs), "errors")
	for _, w := range warnings { // the column of a time points at the abbreviation
		fmt.Println(w.Position(), w.Path, errors.Is(w, tz.ErrDSTMismatch), errors.Is(w, incident.ErrNoOwner))
	}
	strict := incident.Config{Strict: true}
	errs, _ = strict.Validate(incs[0])
	fmt.Println(len(errs), "errors in strict mode")
	// Output:
	// 0 errors
	// harness.yaml:6:17 timeline[0].at true false
	// harness.yaml:7:17 timeline[1].at true false
	// harness.yaml:9:5 action_items[0] false true
	// 2 errors in strict mode
}

func ExampleLoad() {
	fsys := fstest.MapFS{"outage.yaml": {Data: []byte(harvest)}}
	incs, err := incident.Load(fsys, "outage.yaml")
	fmt.Println(len(incs), err, incs[0].File)
	// Output:
	// 1 <nil> outage.yaml
}

func ExampleMarshal() {
	incs, err := incident.Parse("harvest.yaml", []byte(`title: Harvest outage
date: 2016-07-26
timezone: America/New_York
timeline:
  - at: "10:53~"
    state: major
  - at: "11:00"
    approx: true
    state: ok
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := incident.Marshal(incs[0])
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// postmortem: 1
	// title: Harvest outage
	// date: 2016-07-26
	// timezone: America/New_York
	// timeline:
	//   - at: "10:53~"
	//     state: major_outage
	//   - at: "11:00"
	//     approx: true
	//     state: operational
}

// Each service has its own figures, from its own windows: here the API went down after the
// web front end, and Billing, which the incident lists, had no outage. ServiceFigures measures
// windows clipped to a range the same way.
func ExampleServiceFigures() {
	incs, err := incident.Parse("f.yaml", []byte(`title: Web, then the API
date: 2024-01-01
services: [web, API, Billing]
timeline:
  - {at: "10:00", state: major, services: [web]}
  - {at: "10:20", state: ok, services: [web]}
  - {at: "10:20", state: major, services: [API]}
  - {at: "10:50", state: ok}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	inc := incs[0]
	m := inc.Metrics(timeline.Policy{})
	fmt.Println("incident:", m.Totals.Major, "from", m.Start.Format("15:04"), "to", m.End.Format("15:04"))
	for _, s := range m.Services {
		fmt.Println(s.Name+":", s.Totals.Major)
	}
	// The same figures within 10:30–11:00.
	from := time.Date(2024, 1, 1, 10, 30, 0, 0, time.UTC)
	clipped := timeline.Clip(inc.Windows(), from, from.Add(30*time.Minute))
	for _, s := range incident.ServiceFigures(clipped, inc.Services, timeline.Policy{}) {
		fmt.Println("after 10:30,", s.Name+":", s.Totals.Major)
	}
	// Output:
	// incident: 50m0s from 10:00 to 10:50
	// API: 30m0s
	// Billing: 0s
	// web: 20m0s
	// after 10:30, API: 20m0s
	// after 10:30, Billing: 0s
	// after 10:30, web: 0s
}
