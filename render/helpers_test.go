package render

import (
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

// at is a dated incident time written in loc.
func at(loc *time.Location, y int, mo time.Month, d, h, mi int, approx bool) incident.Time {
	return incident.Time{Instant: time.Date(y, mo, d, h, mi, 0, 0, loc).UTC(), Loc: loc, Dated: true, Approx: approx}
}

// harvestGo is the Harvest outage of 2016-07-26 built in Go, for tests that must not depend
// on the file loader.
func harvestGo(t testing.TB) *incident.Incident {
	ny := mustLoad(t, "America/New_York")
	tm := func(h, m int, approx bool) incident.Time { return at(ny, 2016, time.July, 26, h, m, approx) }
	return &incident.Incident{
		ID:        uuid.MustParse("8d9c1a52-2f0e-4c55-9d0c-6a0c2a3f4b11"),
		Title:     "Harvest and Forecast outage",
		Slug:      "harvest-forecast-outage",
		Kind:      incident.KindIncident,
		Date:      tz.Date{Year: 2016, Month: time.July, Day: 26},
		TimeZone:  "America/New_York",
		Location:  ny,
		Services:  []string{"Harvest", "Forecast"},
		Severity:  "SEV-1",
		Status:    incident.StatusResolved,
		Authors:   []string{"Warwick Poole"},
		Published: tz.Date{Year: 2016, Month: time.July, Day: 27},
		Summary:   "Harvest and Forecast were unreachable from 10:50am to 12:38pm EDT.",
		Impact:    "Every customer lost access for about 1 hour 48 minutes.",
		Timeline: []incident.Event{
			{At: tm(10, 36, false), Kind: timeline.Detected, State: timeline.Degraded, Text: "The primary database crashed; failover to the standby."},
			{At: tm(10, 50, false), State: timeline.Major, Text: "The standby crashed the same way."},
			{At: tm(10, 53, true), Kind: timeline.Action, State: timeline.Operational, Text: "Standby restarted; briefly back."},
			{At: tm(10, 59, false), State: timeline.Major, Text: "The standby crashed again."},
			{At: tm(12, 38, false), Kind: timeline.Resolved, State: timeline.Operational, Text: "Back for all customers."},
		},
		RootCauses: []incident.Cause{{Text: "A database bug made it crash.", Category: "software"}},
		Trigger:    "A deploy at about 10:36am EDT.",
		Resolution: "A second standby was brought into production.",
		ContributingFactors: []incident.Cause{
			{Text: "Primary and standby ran the same software."},
		},
		Lessons: incident.Lessons{
			WentWell:  []string{"No data was at risk."},
			WentWrong: []string{"The standby crashed for the same reason."},
		},
		ActionItems: []incident.ActionItem{
			{Text: "Create an outage page.", Kind: incident.Process, Status: incident.Done},
			{Text: "Upgrade the database.", Kind: incident.Prevent, Owner: "ops", Priority: "P2",
				Due: tz.Date{Year: 2016, Month: time.August, Day: 31}, Status: incident.Open, Link: "https://tracker.example/ISSUE-12"},
		},
		Links: []incident.Link{{Title: "Source", URL: "https://www.getharvest.com/blog/2016/07/harvest-forecast-outage-july-26th"}},
	}
}

// maintenanceGo is a maintenance window crossing midnight in UTC, built in Go.
func maintenanceGo(t testing.TB) *incident.Incident {
	ny := mustLoad(t, "America/New_York")
	start, end := at(ny, 2013, time.April, 28, 21, 0, false), at(ny, 2013, time.April, 29, 0, 30, false)
	start.Written = "2013-04-28 21:00 EDT"
	return &incident.Incident{
		ID:        uuid.MustParse("0b8f52a4-7d51-4f55-9c1e-5a8b1f3e2d10"),
		Title:     "Move to a new data center, phase 2",
		Kind:      incident.KindMaintenance,
		Date:      tz.Date{Year: 2013, Month: time.April, Day: 28},
		TimeZone:  "America/New_York",
		Location:  ny,
		Services:  []string{"Harvest"},
		Status:    incident.StatusResolved,
		Published: tz.Date{Year: 2013, Month: time.April, Day: 20},
		Summary:   "Harvest moves to a new data center; it is offline, for up to three and a half hours, a semicolon; a comma, and a backslash \\.",
		Scheduled: &incident.Schedule{Start: start, End: end},
		Timeline: []incident.Event{
			{At: start, Kind: timeline.Started, State: timeline.Maintenance, Text: "The window opens."},
			{At: end, Kind: timeline.Resolved, State: timeline.Operational, Text: "Harvest is back."},
		},
		Links: []incident.Link{{Title: "Announcement", URL: "https://blog.example/move"}},
	}
}

// undatedGo is an incident whose file gives no date.
func undatedGo(t testing.TB) *incident.Incident {
	la := mustLoad(t, "America/Los_Angeles")
	wall := func(h, m int, approx bool) incident.Time {
		return incident.Time{Instant: time.Date(1, 1, 1, h, m, 0, 0, time.UTC), Loc: la, Approx: approx}
	}
	return &incident.Incident{
		ID:       uuid.MustParse("5f0c1b1e-3a7d-4c55-8e0f-2b6a9d4c7e21"),
		Title:    "Unplanned downtime during a search release",
		Kind:     incident.KindIncident,
		TimeZone: "America/Los_Angeles",
		Location: la,
		Services: []string{"Tracker"},
		Timeline: []incident.Event{
			{At: wall(10, 50, false), Kind: timeline.Started, State: timeline.Major, Text: "The release fails; Tracker is down."},
			{At: wall(11, 20, true), Kind: timeline.Resolved, State: timeline.Operational, Text: "Rolled back by hand."},
		},
	}
}

// places is a short converter list, so that tests do not depend on tz.DefaultPlaces.
func places(t testing.TB) []tz.Place {
	return []tz.Place{
		{City: "Los Angeles", Loc: mustLoad(t, "America/Los_Angeles")},
		{City: "London", Loc: mustLoad(t, "Europe/London")},
		{City: "Kolkata", Loc: mustLoad(t, "Asia/Kolkata")},
		{City: "Tokyo", Loc: mustLoad(t, "Asia/Tokyo")},
	}
}
