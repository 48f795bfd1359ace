package incident

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/timeline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMetrics(t *testing.T) {
	tests := []struct {
		name                            string
		src                             []byte
		major, partial, degraded, maint time.Duration
		downtime, span                  time.Duration
		spanStart                       string // RFC 3339, "" when none
		dated                           bool
		toDetect, toResolve             time.Duration // -1 when missing
	}{
		{
			name: "states",
			src: doc("title: x", "date: 2016-07-26", "timezone: America/New_York", "services: [A, B]", "timeline:",
				"  - {at: '10:36', kind: detected, state: degraded}",
				"  - {at: '10:50', state: major}",
				"  - {at: '10:53~', state: ok}",
				"  - {at: '10:59', state: major}",
				"  - {at: '12:38', kind: resolved, state: ok}"),
			major: 102 * time.Minute, degraded: 14 * time.Minute, downtime: 102 * time.Minute, span: 108 * time.Minute,
			spanStart: "2016-07-26T14:50:00Z", dated: true, toDetect: -14 * time.Minute, toResolve: 108 * time.Minute,
		},
		{
			name: "undated",
			src: doc("title: x", "timezone: America/Los_Angeles", "timeline:",
				"  - {at: '10:50 US Pacific time', kind: started, state: major}",
				"  - {at: '11:20~', kind: resolved, state: operational}"),
			major: 30 * time.Minute, downtime: 30 * time.Minute, span: 30 * time.Minute, toDetect: -1, toResolve: 30 * time.Minute,
		},
		{
			name: "per service, last state holds to the last event",
			src: doc("title: x", "date: 2020-01-01", "services: [A, B]", "timeline:",
				"  - {at: '10:00', state: partial, services: [A]}",
				"  - {at: '10:30', state: major, services: [B]}",
				"  - {at: '11:00', state: ok, services: [B]}",
				"  - {at: '12:00', text: the end}"),
			major: 30 * time.Minute, partial: 90 * time.Minute, downtime: 30*time.Minute + 27*time.Minute, span: 2 * time.Hour,
			spanStart: "2020-01-01T10:00:00Z", dated: true, toDetect: -1, toResolve: -1,
		},
		{
			name: "explicit outages merge with states",
			src: doc("title: x", "date: 2020-01-01", "timeline:",
				"  - {at: '10:00', state: major}", "  - {at: '10:10', state: ok}",
				"outages:", "  - {start: '2020-01-01 10:05', end: '10:20'}",
				"  - {start: '2020-01-01 11:00', end: '11:30', level: under_maintenance}"),
			major: 20 * time.Minute, maint: 30 * time.Minute, downtime: 20 * time.Minute, span: 20 * time.Minute,
			spanStart: "2020-01-01T10:00:00Z", dated: true, toDetect: -1, toResolve: -1,
		},
		{
			name:     "no end",
			src:      doc("title: x", "timezone: America/New_York", "timeline:", "  - {at: '8:50am EST~', kind: started, state: partial}"),
			toDetect: -1, toResolve: -1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			incs, err := Parse("f.yaml", tt.src)
			require.NoError(t, err)
			m := incs[0].Metrics(timeline.Policy{})
			assert.Equal(t, tt.major, m.Totals.Major, "Totals.Major")
			assert.Equal(t, tt.partial, m.Totals.Partial, "Totals.Partial")
			assert.Equal(t, tt.degraded, m.Totals.Degraded, "Totals.Degraded")
			assert.Equal(t, tt.maint, m.Totals.Maintenance, "Totals.Maintenance")
			assert.Equal(t, tt.downtime, m.Totals.Downtime, "Totals.Downtime")
			assert.Equal(t, tt.span, m.Span, "Span")
			assert.Equal(t, tt.dated, m.Dated, "Dated")
			if tt.spanStart != "" {
				want, err := time.Parse(time.RFC3339, tt.spanStart)
				require.NoError(t, err)
				assert.WithinDuration(t, want, m.SpanStart, 0)
				assert.WithinDuration(t, want.Add(tt.span), m.SpanEnd, 0)
			}
			for _, c := range []struct {
				k    timeline.EventKind
				want time.Duration
			}{{timeline.Detected, tt.toDetect}, {timeline.Resolved, tt.toResolve}} {
				d, ok := m.Lifecycle.TimeTo(c.k)
				if c.want == -1 {
					assert.False(t, ok, "TimeTo(%v) = %v, true; want missing", c.k, d)
					continue
				}
				assert.True(t, ok, "TimeTo(%v) missing", c.k)
				assert.Equal(t, c.want, d, "TimeTo(%v)", c.k)
			}
			assert.Equal(t, timeline.Merge(incs[0].Windows()), m.Windows)
		})
	}
}

func TestMetricsWeight(t *testing.T) {
	incs, err := Parse("f.yaml", doc("title: x", "date: 2020-01-01", "timeline:",
		"  - {at: '10:00', state: partial}", "  - {at: '11:40', state: ok}"))
	require.NoError(t, err)
	assert.Equal(t, 30*time.Minute, incs[0].Metrics(timeline.Policy{}).Totals.Downtime)
	half, err := timeline.NewWeight(0.5)
	require.NoError(t, err)
	assert.Equal(t, 50*time.Minute, incs[0].Metrics(timeline.Policy{PartialWeight: half}).Totals.Downtime)
}

func TestWindowsServices(t *testing.T) {
	incs, err := Parse("f.yaml", doc("title: Tracker down", "date: 2020-01-01", "timeline:",
		"  - {at: '10:00', state: major}", "  - {at: '10:30', state: ok}"))
	require.NoError(t, err)
	ws := incs[0].Windows()
	require.Len(t, ws, 1)
	assert.Equal(t, []string{"Tracker down"}, ws[0].Services, "an incident without services is one service named by its title")
	assert.Equal(t, timeline.Major, ws[0].Level)
}

func TestMetricsExamples(t *testing.T) {
	// The figures the example files state in their comments.
	incs, err := Load(os.DirFS("../examples"), "pivotal-tracker.yaml")
	require.NoError(t, err)
	m := incs[0].Metrics(timeline.Policy{})
	assert.False(t, m.Dated)
	assert.Equal(t, 30*time.Minute, m.Span, "Pivotal: about 30 min")
	assert.Equal(t, 30*time.Minute, m.Totals.Downtime)

	incs, err = Load(os.DirFS("../examples"), "harvest-2016-07-26.yaml")
	require.NoError(t, err)
	m = incs[0].Metrics(timeline.Policy{})
	assert.True(t, m.Dated)
	assert.Equal(t, 6480*time.Second, m.Span)
	assert.Equal(t, 6120*time.Second, m.Totals.Downtime)
	assert.WithinDuration(t, time.Date(2016, 7, 26, 14, 36, 0, 0, time.UTC), m.Start, 0)
	assert.WithinDuration(t, time.Date(2016, 7, 26, 16, 38, 0, 0, time.UTC), m.End, 0)
}

func TestMetricsPerService(t *testing.T) {
	type fig struct{ major, partial, degraded, span time.Duration }
	tests := []struct {
		name    string
		src     []byte
		total   fig
		windows []string // merged windows: "HH:MM-HH:MM level services"
		want    map[string]fig
	}{
		{
			name: "services change level at different instants (monday.com)",
			src: doc("title: x", "date: 2023-05-02", "timezone: America/New_York",
				"services: [US accounts, API, Automations, Integrations]", "timeline:",
				"  - {at: '03:18', state: major, services: [US accounts]}",
				"  - {at: '03:38', state: degraded, services: [US accounts]}",
				"  - {at: '03:38', state: major, services: [API, Automations, Integrations]}",
				"  - {at: '04:17', state: degraded, services: [API, Automations, Integrations]}",
				"  - {at: '04:40', state: ok}"),
			total: fig{major: 59 * time.Minute, degraded: 23 * time.Minute, span: 59 * time.Minute},
			windows: []string{
				"07:18-07:38 major_outage [US accounts]",
				"07:38-08:17 major_outage [API Automations Integrations]",
				"08:17-08:40 degraded_performance [API Automations Integrations US accounts]",
			},
			want: map[string]fig{
				"US accounts":  {major: 20 * time.Minute, degraded: 62 * time.Minute, span: 20 * time.Minute},
				"API":          {major: 39 * time.Minute, degraded: 23 * time.Minute, span: 39 * time.Minute},
				"Automations":  {major: 39 * time.Minute, degraded: 23 * time.Minute, span: 39 * time.Minute},
				"Integrations": {major: 39 * time.Minute, degraded: 23 * time.Minute, span: 39 * time.Minute},
			},
		},
		{
			name: "overlapping services at different levels, with an outage",
			src: doc("title: x", "date: 2020-01-01", "services: [db, api]", "timeline:",
				"  - {at: '10:00', state: partial, services: [db]}",
				"  - {at: '10:10', state: major, services: [api]}",
				"  - {at: '10:30', state: ok}",
				"outages:", "  - {start: '2020-01-01 10:20', end: '10:40', level: partial_outage, services: [API]}"),
			total: fig{major: 20 * time.Minute, partial: 20 * time.Minute, span: 40 * time.Minute},
			windows: []string{
				"10:00-10:10 partial_outage [db]",
				"10:10-10:30 major_outage [API]", // spelled as the smallest spelling
				"10:30-10:40 partial_outage [API]",
			},
			want: map[string]fig{
				"API": {major: 20 * time.Minute, partial: 10 * time.Minute, span: 30 * time.Minute},
				"db":  {partial: 30 * time.Minute, span: 30 * time.Minute},
			},
		},
		{
			name: "a listed service no window names has zero figures",
			src: doc("title: x", "date: 2020-01-01", "services: [web, Billing]", "timeline:",
				"  - {at: '10:00', state: major, services: [web]}",
				"  - {at: '10:30', state: ok, services: [web]}"),
			total:   fig{major: 30 * time.Minute, span: 30 * time.Minute},
			windows: []string{"10:00-10:30 major_outage [web]"},
			want: map[string]fig{
				"web":     {major: 30 * time.Minute, span: 30 * time.Minute},
				"Billing": {},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			incs, err := Parse("f.yaml", tt.src)
			require.NoError(t, err)
			m := incs[0].Metrics(timeline.Policy{})
			assert.Equal(t, tt.total, fig{m.Totals.Major, m.Totals.Partial, m.Totals.Degraded, m.Span}, "incident")
			var ws []string
			for _, w := range m.Windows {
				ws = append(ws, fmt.Sprintf("%s-%s %s %v", w.Start.Format("15:04"), w.End.Format("15:04"), w.Level, w.Services))
			}
			assert.Equal(t, tt.windows, ws)
			got := map[string]fig{}
			var names []string
			for _, s := range m.Services {
				got[s.Name] = fig{s.Totals.Major, s.Totals.Partial, s.Totals.Degraded, s.Span}
				names = append(names, s.Name)
			}
			assert.Equal(t, tt.want, got)
			assert.True(t, slices.IsSortedFunc(names, func(a, b string) int {
				return strings.Compare(strings.ToLower(a), strings.ToLower(b))
			}), "services sorted case-insensitively: %q", names)
		})
	}
}
