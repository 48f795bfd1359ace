package render_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"time"
	_ "time/tzdata"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/render"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/google/uuid"
)

// An incident built in Go, written as Markdown by the zero Printer.
func ExampleMarkdown() {
	at := func(h, m int) incident.Time {
		return incident.Time{Instant: time.Date(2024, time.March, 5, h, m, 0, 0, time.UTC), Loc: time.UTC, Dated: true}
	}
	inc := &incident.Incident{
		Title:    "API errors after a bad deploy",
		Kind:     incident.KindIncident,
		Date:     tz.Date{Year: 2024, Month: time.March, Day: 5},
		Location: time.UTC,
		Services: []string{"API"},
		Status:   incident.StatusResolved,
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
	// ```mermaid
	// gantt
	//     title API errors after a bad deploy (times UTC)
	//     dateFormat YYYY-MM-DD HH:mm:ss
	//     axisFormat %H:%M
	//     section API
	//     partial outage :active, 2024-03-05 09:00:00, 1200s
	//     section Events
	//     detected :milestone, 2024-03-05 09:05:00, 0s
	//     resolved :milestone, 2024-03-05 09:20:00, 0s
	// ```
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

// A "what time is that for you" table of a maintenance window, for chosen zones.
func ExamplePrinter_ConvertMarkdown() {
	ny, _ := time.LoadLocation("America/New_York")
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	london, _ := time.LoadLocation("Europe/London")
	p := &render.Printer{Places: []tz.Place{{City: "London", Loc: london}, {City: "Tokyo", Loc: tokyo}}}
	start := time.Date(2013, time.April, 28, 9, 0, 0, 0, ny)
	err := p.ConvertMarkdown(os.Stdout, render.Conversion{Start: start, End: start.Add(3 * time.Hour), Source: ny})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// Sun 28 Apr 2013, 09:00 EDT · 13:00 UTC to 12:00 EDT · 16:00 UTC in other zones:
	//
	// | City | Zone | From | To | Day |
	// |---|---|---|---|---|
	// | London | BST (UTC+1) | Sun 28 Apr 14:00 | 17:00 |  |
	// | Tokyo | JST (UTC+9) | Sun 28 Apr 22:00 | Mon 29 Apr 01:00 | end +1 day |
	//
	// Check it on [timeanddate.com](<https://www.timeanddate.com/worldclock/fixedtime.html?iso=20130428T1300&p1=1440>).
}

// The maintenance windows of incidents as an iCalendar stream (lines end in CRLF, shown
// here without the CR).
func ExamplePrinter_Calendar() {
	ny, _ := time.LoadLocation("America/New_York")
	at := func(h int) incident.Time {
		return incident.Time{Instant: time.Date(2013, time.April, 28, h, 0, 0, 0, ny).UTC(), Loc: ny, Dated: true}
	}
	inc := &incident.Incident{
		ID:        uuid.MustParse("0b8f52a4-7d51-4f55-9c1e-5a8b1f3e2d10"),
		Title:     "Move to a new data center",
		Kind:      incident.KindMaintenance,
		Location:  ny,
		Published: tz.Date{Year: 2013, Month: time.April, Day: 20},
		Summary:   "Harvest is offline, for up to three hours, while data is copied.",
		Scheduled: &incident.Schedule{Start: at(9), End: at(12)},
	}
	var buf bytes.Buffer
	if err := (&render.Printer{}).Calendar(&buf, inc); err != nil {
		fmt.Println(err)
	}
	fmt.Print(strings.ReplaceAll(buf.String(), "\r\n", "\n"))
	// Output:
	// BEGIN:VCALENDAR
	// VERSION:2.0
	// PRODID:-//go-postmortem//postmortem//EN
	// CALSCALE:GREGORIAN
	// METHOD:PUBLISH
	// BEGIN:VEVENT
	// UID:0b8f52a4-7d51-4f55-9c1e-5a8b1f3e2d10@postmortem
	// DTSTAMP:20130420T000000Z
	// DTSTART:20130428T130000Z
	// DTEND:20130428T160000Z
	// SUMMARY:Move to a new data center
	// DESCRIPTION:Sun 28 Apr 2013\, 09:00 EDT to 12:00 EDT (13:00 UTC to 16:00 UT
	//  C).\n\nHarvest is offline\, for up to three hours\, while data is copied.
	// STATUS:CONFIRMED
	// TRANSP:OPAQUE
	// END:VEVENT
	// END:VCALENDAR
}
