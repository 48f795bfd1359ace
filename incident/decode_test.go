package incident

import (
	"errors"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // tests must not depend on the host's zone database

	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// doc joins lines into a file, so that tests can name lines and columns.
func doc(lines ...string) []byte { return []byte(strings.Join(lines, "\n") + "\n") }

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		want error  // sentinel
		at   string // "file:line:col: path"
		msg  string // part of the message
	}{
		{"unknown key with hint", doc("title: x", "sumary: y"), ErrUnknownKey, "f.yaml:2:1: sumary", `did you mean "summary"?`},
		{"unknown key far from any", doc("title: x", "zzzzzzzz: y"), ErrUnknownKey, "f.yaml:2:1: zzzzzzzz", "known keys: postmortem, id"},
		{"unknown nested key", doc("title: x", "timeline:", "  - at: '10:00'", "    txt: y"), ErrUnknownKey, "f.yaml:4:5: timeline[0].txt", `did you mean "text"?`},
		{"duplicate key", doc("title: x", "date: 2016-07-26", "title: y"), ErrDuplicateKey, "f.yaml:3:1: title", "first at line 1"},
		{"list for string", doc("title: [a, b]"), ErrType, "f.yaml:1:8: title", "want a string, got a list"},
		{"string for list", doc("title: x", "services: Harvest"), ErrType, "f.yaml:2:11: services", "write [Harvest]"},
		{"mapping for list", doc("title: x", "timeline: {at: 1}"), ErrType, "f.yaml:2:11: timeline", "want a list of events"},
		{"not a mapping", doc("- a", "- b"), ErrType, "f.yaml:1:1", "an incident is a mapping"},
		{"bad bool", doc("title: x", "timeline:", "  - at: '10:00'", "    approx: maybe"), ErrType, "f.yaml:4:13: timeline[0].approx", "want true or false"},
		{"version", doc("postmortem: 2", "title: x"), ErrVersion, "f.yaml:1:13: postmortem", "version 2 is not supported"},
		{"version text", doc("postmortem: one", "title: x"), ErrVersion, "f.yaml:1:13: postmortem", "not a number"},
		{"missing title", doc("date: 2016-07-26"), ErrMissing, "f.yaml:1:1: title", "title missing"},
		{"bad kind", doc("title: x", "kind: outage"), ErrInvalid, "f.yaml:2:7: kind", `unknown kind "outage"`},
		{"bad status", doc("title: x", "status: done"), ErrInvalid, "f.yaml:2:9: status", "investigating"},
		{"bad state", doc("title: x", "timeline:", "  - at: '10:00'", "    state: down"), ErrInvalid, "f.yaml:4:12: timeline[0].state", "major_outage"},
		{"bad event kind", doc("title: x", "timeline:", "  - at: '10:00'", "    kind: fixed"), ErrInvalid, "f.yaml:4:11: timeline[0].kind", "resolved"},
		{"bad date", doc("title: x", "date: 2016-02-30"), ErrInvalid, "f.yaml:2:7: date", "want YYYY-MM-DD"},
		{"bad uuid", doc("title: x", "id: 1234"), ErrInvalid, "f.yaml:2:5: id", "not a UUID"},
		{"bad slug", doc("title: x", "slug: Big Outage"), ErrInvalid, "f.yaml:2:7: slug", `write "big-outage"`},
		{"unknown zone", doc("title: x", "timezone: Mars/Olympus"), tz.ErrUnknownZone, "f.yaml:2:11: timezone", "Mars/Olympus"},
		{"event without at", doc("title: x", "timeline:", "  - text: y"), ErrMissing, "f.yaml:3:5: timeline[0].at", "event without at"},
		{"bad time", doc("title: x", "date: 2016-07-26", "timeline:", "  - at: 'half past ten'"), tz.ErrSyntax, "f.yaml:4:", "half past ten"},
		{"backwards", doc("title: x", "date: 2016-07-26", "timeline:", "  - at: '10:00'", "  - at: '09:00'"), tz.ErrBackwards, "f.yaml:5:9: timeline[1].at", ""},
		{"nonexistent", doc("title: x", "date: 2016-03-13", "timezone: America/New_York", "timeline:", "  - at: '2:30am'"), tz.ErrNonexistentTime, "f.yaml:5:", "timeline[0].at"},
		{"ambiguous wall time", doc("title: x", "date: 2016-11-06", "timezone: America/New_York", "timeline:", "  - at: '1:30am'"), tz.ErrAmbiguousTime, "f.yaml:5:", "timeline[0].at"},
		{"forms disagree", doc("title: x", "date: 2016-07-26", "timeline:", "  - at: '10:36am EDT (14:37 UTC)'"), tz.ErrMismatch, "f.yaml:4:", "timeline[0].at"},
		{"weekday", doc("title: x", "date: 2013-09-24", "timezone: America/New_York", "timeline:", "  - at: '10pm EDT on Monday September 24th'"), tz.ErrWeekday, "f.yaml:5:22: timeline[0].at", "Tuesday"},
		{"window for instant", doc("title: x", "date: 2016-07-26", "timeline:", "  - at: '10:00-11:00'"), ErrInvalid, "f.yaml:4:9: timeline[0].at", "is a window"},
		{"instant for window", doc("title: x", "date: 2016-07-26", "scheduled: '10:00'"), ErrInvalid, "f.yaml:3:12: scheduled", "is one instant"},
		{"merge key", doc("base: &b {title: x}", "<<: *b"), ErrUnknownKey, "f.yaml:1:1: base", ""},
		{"empty", doc("# nothing"), ErrEmpty, "f.yaml", "no incident"},
		{"syntax", doc("title: x", "  y: : z"), ErrSyntax, "f.yaml:2", "invalid YAML"},
		{"empty entry", doc("title: x", "services: [a, '']"), ErrInvalid, "f.yaml:2:15: services[1]", "empty entry"},
		{"link without url", doc("title: x", "links:", "  - title: t"), ErrMissing, "f.yaml:3:5: links[0].url", "link without url"},
		{"action without text", doc("title: x", "action_items:", "  - owner: ops"), ErrMissing, "f.yaml:3:5: action_items[0].text", "without text"},
		{"strict DST half", nil, tz.ErrDSTMismatch, "", ""}, // below
	}
	for _, tt := range tests {
		if tt.src == nil {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.yaml", tt.src)
			require.Error(t, err, "Parse(%q) = nil error, want %v", tt.src, tt.want)
			assert.ErrorIs(t, err, tt.want, "Parse(%q) = %v, want %v", tt.src, err, tt.want)
			var list ErrorList
			require.ErrorAs(t, err, &list)
			var found *ParseError
			for _, e := range list {
				if errors.Is(e, tt.want) {
					found = e
					break
				}
			}
			require.NotNil(t, found)
			assert.False(t, found.Warning)
			assert.True(t, strings.HasPrefix(found.Error(), tt.at), "Parse(%q) = %q, want prefix %q", tt.src, found.Error(), tt.at)
			assert.Contains(t, found.Error(), tt.msg)
		})
	}
}

func TestParseErrorFormat(t *testing.T) {
	src := doc(
		"title: Harvest and Forecast outage",
		"date: 2016-07-26",
		"timezone: America/New_York",
		"timeline:",
		"  - at: '10:36'",
		"    text: a",
		"  - at: '10:50'",
		"  - at: '09:10'",
	)
	_, err := Parse("harvest.yaml", src)
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "harvest.yaml:8:9: timeline[2].at: "), "Parse() = %q", err)
	assert.ErrorIs(t, err, tz.ErrBackwards)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, ParseError{File: "harvest.yaml", Line: 8, Column: 9, Path: "timeline[2].at", Err: pe.Err, Code: CodeBackwards}, *pe)
}

func TestParseManyErrorsSorted(t *testing.T) {
	src := doc("titel: x", "kind: nope", "date: never", "status: x?")
	_, err := Parse("f.yaml", src)
	var list ErrorList
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 5, "Parse() = %v", list) // titel, title missing, kind, date, status
	for i := 1; i < len(list); i++ {
		assert.LessOrEqual(t, list[i-1].Line, list[i].Line)
	}
	assert.Contains(t, err.Error(), "(and 4 more errors)")
}

func TestParseFields(t *testing.T) {
	src := doc(
		"postmortem: 1",
		"id: 8d9c1a52-2f0e-4c55-9d0c-6a0c2a3f4b11",
		"title: Harvest and Forecast outage",
		"kind: incident",
		"date: 2016-07-26",
		"timezone: America/New_York",
		"services: [Harvest, Forecast]",
		"severity: SEV-1",
		"status: resolved",
		"authors: [Warwick Poole]",
		"published: 2016-07-27",
		"summary: |",
		"  Both *down*.",
		"impact: everyone",
		"timeline:",
		"  - at: '10:50'",
		"    state: major",
		"    text: second",
		"  - at: '2016-07-26 10:36am EDT (14:36 UTC)'",
		"    kind: detected",
		"    state: degraded",
		"    services: [Harvest]",
		"    text: first",
		"  - at: '12:38~'",
		"    state: ok",
		"    kind: resolved",
		"outages:",
		"  - start: 2016-07-26 10:50",
		"    end: '12:38'",
		"    level: major_outage",
		"    services: [Harvest]",
		"root_causes:",
		"  - a bug",
		"  - {text: a deploy, category: change}",
		"trigger: deploy",
		"detection: monitoring",
		"resolution: new hardware",
		"contributing_factors: [same software]",
		"lessons:",
		"  went_well: [backups]",
		"  went_wrong: [standby]",
		"  lucky: [quiet day]",
		"action_items:",
		"  - text: outage page",
		"    kind: process",
		"    owner: ops",
		"    priority: P2",
		"    due: 2016-08-31",
		"    status: in progress",
		"    link: https://tracker.example/ISSUE-12",
		"links:",
		"  - {title: post, url: 'https://example.com/post'}",
	)
	incs, err := Parse("f.yaml", src)
	require.NoError(t, err)
	require.Len(t, incs, 1)
	inc := incs[0]
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)

	assert.Equal(t, 1, inc.Version)
	assert.Equal(t, uuid.MustParse("8d9c1a52-2f0e-4c55-9d0c-6a0c2a3f4b11"), inc.ID)
	assert.Equal(t, "2016-07-26-harvest-and-forecast-outage", inc.Slug)
	assert.Equal(t, KindIncident, inc.Kind)
	assert.Equal(t, tz.Date{Year: 2016, Month: 7, Day: 26}, inc.Date)
	assert.Equal(t, "America/New_York", inc.TimeZone)
	assert.Equal(t, ny.String(), inc.Location.String())
	assert.Equal(t, []string{"Harvest", "Forecast"}, inc.Services)
	assert.Equal(t, "SEV-1", inc.Severity)
	assert.Equal(t, StatusResolved, inc.Status)
	assert.Equal(t, []string{"Warwick Poole"}, inc.Authors)
	assert.Equal(t, tz.Date{Year: 2016, Month: 7, Day: 27}, inc.Published)
	assert.Equal(t, "Both *down*.\n", inc.Summary)
	assert.Equal(t, "everyone", inc.Impact)

	require.Len(t, inc.Timeline, 3)
	first, second, third := inc.Timeline[0], inc.Timeline[1], inc.Timeline[2]
	assert.Equal(t, "first", first.Text, "the timeline is sorted by instant")
	assert.WithinDuration(t, time.Date(2016, 7, 26, 14, 36, 0, 0, time.UTC), first.At.Instant, 0)
	assert.Equal(t, "2016-07-26 10:36am EDT (14:36 UTC)", first.At.Written)
	assert.True(t, first.At.Dated)
	assert.Equal(t, timeline.Detected, first.Kind)
	assert.Equal(t, timeline.Degraded, first.State)
	assert.Equal(t, []string{"Harvest"}, first.Services)
	assert.WithinDuration(t, time.Date(2016, 7, 26, 14, 50, 0, 0, time.UTC), second.At.Instant, 0)
	assert.Nil(t, second.Services)
	assert.Equal(t, timeline.Major, second.State)
	assert.WithinDuration(t, time.Date(2016, 7, 26, 16, 38, 0, 0, time.UTC), third.At.Instant, 0)
	assert.True(t, third.At.Approx)
	assert.False(t, second.At.Approx)
	assert.Equal(t, timeline.Operational, third.State)

	require.Len(t, inc.Outages, 1)
	o := inc.Outages[0]
	assert.WithinDuration(t, time.Date(2016, 7, 26, 14, 50, 0, 0, time.UTC), o.Start.Instant, 0)
	assert.WithinDuration(t, time.Date(2016, 7, 26, 16, 38, 0, 0, time.UTC), o.End.Instant, 0)
	assert.Equal(t, timeline.Major, o.Level)
	assert.Equal(t, []string{"Harvest"}, o.Services)

	assert.Equal(t, []Cause{{Text: "a bug"}, {Text: "a deploy", Category: "change"}}, inc.RootCauses)
	assert.Equal(t, []Cause{{Text: "same software"}}, inc.ContributingFactors)
	assert.Equal(t, "deploy", inc.Trigger)
	assert.Equal(t, "monitoring", inc.Detection)
	assert.Equal(t, "new hardware", inc.Resolution)
	assert.Equal(t, Lessons{WentWell: []string{"backups"}, WentWrong: []string{"standby"}, Lucky: []string{"quiet day"}}, inc.Lessons)
	require.Len(t, inc.ActionItems, 1)
	a := inc.ActionItems[0]
	a.pos, a.duePos = pos{}, pos{}
	assert.Equal(t, ActionItem{Text: "outage page", Kind: Process, Owner: "ops", Priority: "P2",
		Due: tz.Date{Year: 2016, Month: 8, Day: 31}, Status: InProgress, Link: "https://tracker.example/ISSUE-12"}, a)
	assert.Equal(t, []Link{{Title: "post", URL: "https://example.com/post"}}, inc.Links)

	errs, warns := Validate(inc)
	assert.Empty(t, errs)
	assert.Empty(t, warns)
}

func TestParseDefaults(t *testing.T) {
	incs, err := Parse("f.yaml", doc("title: Big Outage!", "date: 2020-01-02"))
	require.NoError(t, err)
	inc := incs[0]
	assert.Equal(t, 1, inc.Version)
	assert.Equal(t, KindIncident, inc.Kind)
	assert.Equal(t, "2020-01-02-big-outage", inc.Slug)
	assert.Equal(t, DeriveID("2020-01-02-big-outage"), inc.ID)
	assert.Equal(t, time.UTC, inc.Location)
	assert.Equal(t, "", inc.TimeZone)
	assert.Equal(t, "f.yaml", inc.File)
}

func TestParseStream(t *testing.T) {
	src := doc("title: one", "date: 2021-03-30", "---", "---", "title: two", "date: 2021-04-01")
	incs, err := Parse("f.yaml", src)
	require.NoError(t, err)
	require.Len(t, incs, 2)
	assert.Equal(t, "one", incs[0].Title)
	assert.Equal(t, "two", incs[1].Title)

	_, err = Parse("f.yaml", doc("title: one", "---", "titel: two"))
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 3, pe.Line, "errors in the second document carry its line")
}

func TestParseJSON(t *testing.T) {
	incs, err := Parse("f.json", []byte(`{"title": "x", "date": "2016-07-26", "timeline": [{"at": "10:00", "state": "major"}, {"at": "10:30", "state": "ok"}]}`))
	require.NoError(t, err)
	require.Len(t, incs[0].Timeline, 2)
	assert.Equal(t, 30*time.Minute, incs[0].Metrics(timeline.Policy{}).Totals.Major)
}

func TestParseApprox(t *testing.T) {
	incs, err := Parse("f.yaml", doc("title: x", "date: 2016-07-26", "timeline:",
		"  - at: '10:00'", "    approx: true", "  - at: '10:05~'", "  - at: '10:10'"))
	require.NoError(t, err)
	tl := incs[0].Timeline
	assert.True(t, tl[0].At.Approx)
	assert.True(t, tl[1].At.Approx)
	assert.False(t, tl[2].At.Approx)
	assert.Equal(t, "10:05~", tl[1].At.Written)
}

func TestParseStrict(t *testing.T) {
	src := doc("title: x", "date: 2021-07-01", "timezone: America/Los_Angeles", "timeline:", "  - at: '12:30 PST'")
	incs, err := Parse("f.yaml", src)
	require.NoError(t, err, "a wrong DST half is a warning by default")
	errs, warns := Validate(incs[0])
	assert.Empty(t, errs)
	require.Len(t, warns, 1)
	assert.ErrorIs(t, warns[0], tz.ErrDSTMismatch)
	assert.True(t, warns[0].Warning)
	assert.Equal(t, "f.yaml", warns[0].File)
	assert.Equal(t, 5, warns[0].Line)
	assert.Equal(t, "timeline[0].at", warns[0].Path)

	strict := Config{Strict: true}
	errs, _ = strict.Validate(incs[0])
	require.Len(t, errs, 1, "Validate in strict mode promotes the warning")
	assert.ErrorIs(t, errs[0], tz.ErrDSTMismatch)
	assert.False(t, errs[0].Warning)

	_, err = strict.Parse("f.yaml", src)
	assert.ErrorIs(t, err, tz.ErrDSTMismatch, "Parse in strict mode rejects the time")
}

func TestParseEmptyServices(t *testing.T) {
	incs, err := Parse("f.yaml", doc("title: x", "date: 2020-01-01", "services: [A]", "timeline:",
		"  - {at: '10:00', state: major, services: []}", "  - {at: '10:30', state: ok}"))
	require.NoError(t, err)
	assert.Nil(t, incs[0].Timeline[0].Services, "services: [] means the incident's")
	assert.Equal(t, 30*time.Minute, incs[0].Metrics(timeline.Policy{}).Totals.Major)
}

func TestParseOutagesOneList(t *testing.T) {
	incs, err := Parse("f.yaml", doc("title: x", "date: 2020-01-01", "outages:",
		"  - {start: '2020-01-02 23:00', end: '23:30'}",
		"  - {start: '23:45', end: '00:15'}"))
	require.Error(t, err, "00:15 after 23:45 goes backwards")
	assert.ErrorIs(t, err, tz.ErrBackwards)

	incs, err = Parse("f.yaml", doc("title: x", "date: 2020-01-01", "outages:",
		"  - {start: '2020-01-02 10:00', end: '10:30'}",
		"  - {start: '11:00', end: '12:00', level: partial}"))
	require.NoError(t, err)
	o := incs[0].Outages
	require.Len(t, o, 2)
	assert.WithinDuration(t, time.Date(2020, 1, 2, 11, 0, 0, 0, time.UTC), o[1].Start.Instant, 0, "the date carries over from the previous outage")
	assert.Equal(t, timeline.Partial, o[1].Level)
	assert.Equal(t, timeline.Major, o[0].Level, "an outage without a level is a major outage")
}

// TestFieldPath checks the paths the decoder reports, made from their parts only when needed.
func TestFieldPath(t *testing.T) {
	tests := []struct {
		p       fieldPath
		want    string
		wantTop string
	}{
		{fieldPath{}, "", ""},
		{field("title"), "title", "title"},
		{fieldPath{}.join("title"), "title", "title"},
		{field("timeline").index(2), "timeline[2]", "timeline"},
		{field("timeline").index(2).join("at"), "timeline[2].at", "timeline"},
		{field("timeline").index(2).join("services").index(0), "timeline[2].services[0]", "timeline"},
		{field("lessons").join("went_well").index(1), "lessons.went_well[1]", "lessons"},
		{field("source").join("url"), "source.url", "source"},
		{field("action_items").index(0).join("links").join("x"), "action_items[0].links.x", "action_items"},
		// An empty key is written as the path before it and a dot, as Parse always reported it.
		{field("timeline").index(0).join(""), "timeline[0].", "timeline"},
		{field("lessons").join(""), "lessons.", "lessons"},
		{fieldPath{}.join(""), "", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.p.String(), "%#v.String()", tt.p)
		assert.Equal(t, tt.wantTop, tt.p.top(), "%#v.top()", tt.p)
	}
}
