package report_test

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/report"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// monday is a postmortem of two service groups: "US accounts" down from 03:18 to 03:38 EDT
// and degraded until 04:40, then the API, automations and integrations down from 03:38 to
// 04:17 and degraded until 04:40.
const monday = `title: US accounts, then the API
date: 2023-05-02
timezone: America/New_York
services: [US accounts, API, Automations, Integrations]
timeline:
  - {at: "03:18", state: major, services: [US accounts]}
  - {at: "03:38", state: degraded, services: [US accounts]}
  - {at: "03:38", state: major, services: [API, Automations, Integrations]}
  - {at: "04:17", state: degraded, services: [API, Automations, Integrations]}
  - {at: "04:40", state: ok}
`

const other = `title: Billing down
date: 2023-05-20
services: [Billing]
timeline:
  - {at: "10:00", state: major}
  - {at: "10:30", state: partial}
  - {at: "11:30", state: ok}
`

const undated = `title: Slow
services: [API]
timeline:
  - {at: "10:00", state: major}
  - {at: "10:10", state: ok}
`

func parse(t *testing.T, name, src string) *incident.Incident {
	t.Helper()
	incs, err := incident.Parse(name, []byte(src))
	require.NoError(t, err)
	require.Len(t, incs, 1)
	return incs[0]
}

func TestReport(t *testing.T) {
	type fig struct{ downtime, major, partial, degraded, span time.Duration }
	min := time.Minute
	tests := []struct {
		name     string
		opts     report.Options
		files    []string
		want     map[string]fig // per incident title
		services map[string]fig // per service of the monday incident
		windows  []string       // of the monday incident
		total    fig
		unknown  string // the error of Unknown, "" for none
	}{
		{
			name:  "every service",
			files: []string{monday, other},
			want: map[string]fig{
				"US accounts, then the API": {downtime: 59 * min, major: 59 * min, degraded: 23 * min, span: 59 * min},
				"Billing down":              {downtime: 48 * min, major: 30 * min, partial: 60 * min, span: 90 * min},
			},
			services: map[string]fig{
				"US accounts": {downtime: 20 * min, major: 20 * min, degraded: 62 * min, span: 20 * min},
				"API":         {downtime: 39 * min, major: 39 * min, degraded: 23 * min, span: 39 * min},
			},
			windows: []string{
				"07:18 07:38 major_outage [US accounts]",
				"07:38 08:17 major_outage [API Automations Integrations]",
				"08:17 08:40 degraded_performance [API Automations Integrations US accounts]",
			},
			total: fig{downtime: 107 * min, major: 89 * min, partial: 60 * min, degraded: 23 * min},
		},
		{
			name:  "one service, from its own windows",
			opts:  report.Options{Services: []string{"us ACCOUNTS"}},
			files: []string{monday, other},
			want: map[string]fig{
				"US accounts, then the API": {downtime: 20 * min, major: 20 * min, degraded: 62 * min, span: 20 * min},
			},
			windows: []string{
				"07:18 07:38 major_outage [US accounts]",
				"07:38 08:40 degraded_performance [US accounts]",
			},
			total: fig{downtime: 20 * min, major: 20 * min, degraded: 62 * min},
		},
		{
			name:  "two services: the union of their windows",
			opts:  report.Options{Services: []string{"API", "Billing"}},
			files: []string{monday, other},
			want: map[string]fig{
				"US accounts, then the API": {downtime: 39 * min, major: 39 * min, degraded: 23 * min, span: 39 * min},
				"Billing down":              {downtime: 48 * min, major: 30 * min, partial: 60 * min, span: 90 * min},
			},
			total: fig{downtime: 87 * min, major: 69 * min, partial: 60 * min, degraded: 23 * min},
		},
		{
			name:    "an absent service",
			opts:    report.Options{Services: []string{"API", "Bilin"}},
			files:   []string{monday, other},
			want:    map[string]fig{"US accounts, then the API": {downtime: 39 * min, major: 39 * min, degraded: 23 * min, span: 39 * min}},
			total:   fig{downtime: 39 * min, major: 39 * min, degraded: 23 * min},
			unknown: `no incident has a service "Bilin" (did you mean "Billing"?); the services are: API, Automations, Billing, Integrations, US accounts`,
		},
		{
			name:  "a range clips",
			opts:  report.Options{Since: time.Date(2023, 5, 2, 7, 30, 0, 0, time.UTC), Until: time.Date(2023, 5, 3, 0, 0, 0, 0, time.UTC)},
			files: []string{monday, other, undated},
			want: map[string]fig{
				"US accounts, then the API": {downtime: 47 * min, major: 47 * min, degraded: 23 * min, span: 47 * min},
			},
			total: fig{downtime: 47 * min, major: 47 * min, degraded: 23 * min},
		},
		{
			name:  "undated: in the total",
			files: []string{other, undated},
			want: map[string]fig{
				"Billing down": {downtime: 48 * min, major: 30 * min, partial: 60 * min, span: 90 * min},
				"Slow":         {downtime: 10 * min, major: 10 * min, span: 10 * min},
			},
			total: fig{downtime: 58 * min, major: 40 * min, partial: 60 * min},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := report.New(tt.opts)
			got := map[string]fig{}
			for i, src := range tt.files {
				rec, err := r.Add("f.yaml", parse(t, "f.yaml", src))
				if i == 2 && !tt.opts.Since.IsZero() {
					assert.True(t, errors.Is(err, report.ErrUndated), "undated in a range: %v", err)
				}
				if rec == nil {
					continue
				}
				got[rec.Title] = fig{time.Duration(rec.Downtime), time.Duration(rec.Major), time.Duration(rec.Partial),
					time.Duration(rec.Degraded), time.Duration(rec.Span)}
				if rec.Title == "US accounts, then the API" {
					for _, s := range rec.Services {
						if w, ok := tt.services[s.Name]; ok {
							assert.Equal(t, w, fig{time.Duration(s.Downtime), time.Duration(s.Major), time.Duration(s.Partial),
								time.Duration(s.Degraded), time.Duration(s.Span)}, "service %s", s.Name)
						}
					}
					if tt.windows != nil {
						var ws []string
						for _, w := range rec.Windows {
							ws = append(ws, w.Start.Format("15:04")+" "+w.End.Format("15:04")+" "+w.Level+" "+fmtList(w.Services))
						}
						assert.Equal(t, tt.windows, ws)
					}
				}
			}
			assert.Equal(t, tt.want, got)
			tot := r.Total()
			assert.Equal(t, tt.total, fig{time.Duration(tot.Downtime), time.Duration(tot.Major), time.Duration(tot.Partial),
				time.Duration(tot.Degraded), 0}, "total")
			err := r.Unknown()
			if tt.unknown == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.True(t, errors.Is(err, report.ErrUnknownService))
			assert.Equal(t, tt.unknown, err.Error())
		})
	}
}

func fmtList(s []string) string {
	out := "["
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out + "]"
}

func TestPeriodsPerService(t *testing.T) {
	r := report.New(report.Options{Unit: timeline.Day, ServicePeriods: true})
	_, err := r.Add("a.yaml", parse(t, "a.yaml", monday))
	require.NoError(t, err)
	ps, err := r.Periods()
	require.NoError(t, err)
	require.Len(t, ps, 1)
	assert.Equal(t, "2023-05-02", ps[0].Label)
	assert.Equal(t, report.Duration(59*time.Minute), ps[0].Downtime)
	byName := map[string]report.Duration{}
	for _, s := range ps[0].Services {
		byName[s.Name] = s.Downtime
	}
	assert.Equal(t, map[string]report.Duration{"API": report.Duration(39 * time.Minute), "Automations": report.Duration(39 * time.Minute),
		"Integrations": report.Duration(39 * time.Minute), "US accounts": report.Duration(20 * time.Minute)}, byName)
}

func TestPeriodsTooMany(t *testing.T) {
	r := report.New(report.Options{Unit: timeline.Week, Since: time.Date(2, 1, 1, 0, 0, 0, 0, time.UTC),
		Until: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)})
	_, err := r.Periods()
	assert.True(t, errors.Is(err, report.ErrTooManyPeriods), "%v", err)
}

func TestSpanTooLong(t *testing.T) {
	r := report.New(report.Options{})
	inc := parse(t, "long.yaml", `title: long
timeline:
  - {at: "2016-01-01 10:00 UTC", state: major}
  - {at: "9999-01-01 10:00 UTC", state: ok}
`)
	rec, err := r.Add("long.yaml", inc)
	assert.Nil(t, rec)
	assert.True(t, errors.Is(err, report.ErrTooLong), "%v", err)
}

func TestLabel(t *testing.T) {
	at := time.Date(2016, 7, 26, 0, 0, 0, 0, time.UTC)
	for u, want := range map[timeline.Unit]string{timeline.Day: "2016-07-26", timeline.Week: "2016-W30",
		timeline.Month: "2016-07", timeline.Quarter: "2016-Q3", timeline.Year: "2016"} {
		assert.Equal(t, want, report.Label(u, at))
	}
}

// TestFirstInstant checks that an outage from 0001-01-01T00:00Z, the zero time.Time, has its
// span: the instant is one like another, not "no span".
func TestFirstInstant(t *testing.T) {
	tests := []struct {
		name string
		src  string
		span bool
	}{
		{"outage from the first instant", "title: a\ndate: 0001-01-01\noutages:\n  - '00:00-00:45'\n", true},
		{"timeline from the first instant", "title: a\ndate: 0001-01-01\ntimeline:\n  - {at: '00:00', state: major}\n  - {at: '01:30', state: ok}\n", true},
		{"no outage", "title: a\ndate: 0001-01-01\ntimeline:\n  - {at: '00:00', text: calm}\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := report.New(report.Options{}).Add("a.yaml", parse(t, "a.yaml", tt.src))
			require.NoError(t, err)
			if !tt.span {
				assert.Nil(t, rec.SpanStart)
				assert.Nil(t, rec.SpanEnd)
				return
			}
			require.NotNil(t, rec.SpanStart)
			require.NotNil(t, rec.SpanEnd)
			assert.WithinDuration(t, time.Time{}, rec.SpanStart.Time, 0)
			assert.Equal(t, rec.SpanEnd.Sub(rec.SpanStart.Time), time.Duration(rec.Span))
		})
	}
}

// TestRecordServicesAndStart: a record lists every service of the incident, one without
// windows with zero figures, also when the windows are clipped or filtered; Start and End
// are the first and last event, nil for an incident without events, which still sorts by
// its first recorded instant.
func TestRecordServicesAndStart(t *testing.T) {
	const partly = `title: Search down
date: 2023-05-10
services: [Search, Billing]
timeline:
  - {at: "10:00", state: major, services: [Search]}
  - {at: "10:30", state: ok}
outages:
  - {start: "2023-05-10 09:00", end: "09:20", level: partial, services: [Search]}
`
	const scheduled = `title: Database upgrade
kind: maintenance
date: 2023-05-01
services: [Billing]
scheduled: {start: "2023-05-01 22:00", end: "23:00"}
`
	names := func(rec *report.Incident) []string {
		var out []string
		for _, s := range rec.Services {
			out = append(out, s.Name)
		}
		return out
	}
	for _, tt := range []struct {
		name string
		opts report.Options
		want []string
	}{
		{"all", report.Options{}, []string{"Billing", "Search"}},
		{"clipped", report.Options{Since: time.Date(2023, 5, 10, 10, 0, 0, 0, time.UTC)}, []string{"Billing", "Search"}},
		{"filtered", report.Options{Services: []string{"billing"}}, []string{"Billing"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := report.New(tt.opts)
			rec, err := r.Add("partly.yaml", parse(t, "partly.yaml", partly))
			require.NoError(t, err)
			require.NotNil(t, rec)
			assert.Equal(t, tt.want, names(rec))
			for _, s := range rec.Services {
				if s.Name == "Billing" {
					assert.Zero(t, s.Totals, "Billing has no window")
				}
			}
			require.NotNil(t, rec.Start)
			assert.WithinDuration(t, time.Date(2023, 5, 10, 9, 0, 0, 0, time.UTC), rec.Start.Time, 0, "start is the first instant recorded: the outage before the first event")
			assert.WithinDuration(t, time.Date(2023, 5, 10, 10, 30, 0, 0, time.UTC), rec.End.Time, 0)
			assert.WithinDuration(t, time.Date(2023, 5, 10, 9, 0, 0, 0, time.UTC), rec.At, 0, "it sorts by its first recorded instant")
		})
	}

	r := report.New(report.Options{})
	rec, err := r.Add("scheduled.yaml", parse(t, "scheduled.yaml", scheduled))
	require.NoError(t, err)
	require.NotNil(t, rec)
	assert.True(t, rec.Dated)
	require.NotNil(t, rec.Start, "a maintenance written as its schedule alone starts and ends with it")
	assert.WithinDuration(t, time.Date(2023, 5, 1, 22, 0, 0, 0, time.UTC), rec.Start.Time, 0)
	assert.WithinDuration(t, time.Date(2023, 5, 1, 23, 0, 0, 0, time.UTC), rec.End.Time, 0)
	assert.WithinDuration(t, time.Date(2023, 5, 1, 22, 0, 0, 0, time.UTC), rec.At, 0)
	later := &report.Incident{Dated: true, At: time.Date(2023, 5, 10, 9, 0, 0, 0, time.UTC)}
	assert.Negative(t, report.Compare(rec, later))
}

// TestTotalsSaturated: a figure at the most a duration holds is reported, so that no caller
// shows the limit as the measure.
func TestTotalsSaturated(t *testing.T) {
	assert.False(t, report.Totals{Downtime: 1, Major: 1}.Saturated())
	assert.True(t, report.Totals{Major: math.MaxInt64}.Saturated())
	assert.True(t, report.Totals{Maintenance: math.MaxInt64}.Saturated())
}
