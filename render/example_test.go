package render_test

import (
	"fmt"
	"os"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/render"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
)

// An incident built in Go, written as Markdown by the zero Printer.
func ExampleMarkdown() {
	at := func(h, m int) incident.Time {
		return incident.Time{Time: time.Date(2024, time.March, 5, h, m, 0, 0, time.UTC), Loc: time.UTC, Dated: true}
	}
	inc := &incident.Incident{
		Title:    "API errors after a bad deploy",
		Kind:     incident.KindIncident,
		Date:     tz.Date{Year: 2024, Month: time.March, Day: 5},
		Location: time.UTC,
		Services: []string{"API"},
		Status:   incident.Resolved,
		Summary:  "A deploy broke *half* of the API's requests; rolling back fixed it.",
		Timeline: []incident.Event{
			{At: at(9, 0), Kind: timeline.Deploy, State: timeline.Partial, Text: "Version 42 | rolls out."},
			{At: at(9, 5), Kind: timeline.Detected, Text: "Error-rate alert fires."},
			{At: at(9, 20), Kind: timeline.Resolved, State: timeline.Operational, Text: "Rolled back to version 41."},
		},
		ActionItems: []incident.ActionItem{
			{Text: "Canary deploys for the API.", Kind: incident.Prevent, Owner: "platform", Status: incident.Open},
		},
	}
	if err := render.Markdown(os.Stdout, inc); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # API errors after a bad deploy
	//
	// - **Status:** resolved
	// - **Services:** API
	// - **Date:** 2024-03-05 (UTC)
	//
	// ## Summary
	//
	// A deploy broke *half* of the API's requests; rolling back fixed it.
	//
	// ## Impact
	//
	// - **Impact began:** 09:00 UTC
	// - **Downtime:** 6 min (major outage + 30% of partial outage)
	// - **Outage span:** 20 min (first moment at partial outage or worse to the last one leaving it)
	// - **Partial outage:** 20 min
	// - **Time to detect:** 5 min
	// - **Time to acknowledge:** unavailable
	// - **Time to mitigate:** unavailable
	// - **Time to resolve:** 20 min
	//
	// | From | To | Length | State | Services |
	// |---|---|---|---|---|
	// | 09:00 UTC | 09:20 UTC | 20 min | partial outage | API |
	//
	// ## Timeline
	//
	// Times are UTC.
	//
	// | Time | State | Event |
	// |---|---|---|
	// | 09:00 UTC | → partial outage | **Deploy.** Version 42 \| rolls out. |
	// | 09:05 UTC |  | **Detected.** Error-rate alert fires. |
	// | 09:20 UTC | → operational | **Resolved.** Rolled back to version 41. |
	//
	// ## Action items
	//
	// | Action | Kind | Owner | Status |
	// |---|---|---|---|
	// | Canary deploys for the API. | prevent | platform | open |
}

// The duration format used throughout the documents.
func ExampleDuration() {
	fmt.Println(render.Duration(45 * time.Second))
	fmt.Println(render.Duration(3*time.Minute + 20*time.Second))
	fmt.Println(render.Duration(108 * time.Minute))
	fmt.Println(render.Duration(51 * time.Hour))
	// Output:
	// 45 s
	// 3 min 20 s
	// 1 h 48 min
	// 2 d 3 h
}
