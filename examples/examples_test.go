package examples_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"

	_ "time/tzdata" // the figures must not depend on the host's zone database
)

// want is what one document of an example file must produce with the zero timeline.Policy
// (Statuspage's 30% partial weight).
type want struct {
	kind                                            incident.Kind
	dated                                           bool
	spanStart                                       string // RFC 3339; "" when there is no span or the incident is undated
	span, downtime, major, partial, degraded, maint time.Duration
	scheduled                                       [2]string // RFC 3339 start and end of the announced window; "" when none
}

// sentinels name the errors a warning may match, most specific first.
var sentinels = []struct {
	name string
	err  error
}{
	{"tz.ErrDSTMismatch", tz.ErrDSTMismatch},
	{"tz.ErrNoDate", tz.ErrNoDate},
	{"tz.ErrWeekday", tz.ErrWeekday},
	{"incident.ErrUndated", incident.ErrUndated},
	{"incident.ErrNoOwner", incident.ErrNoOwner},
	{"incident.ErrDueEarly", incident.ErrDueEarly},
	{"incident.ErrUnknownService", incident.ErrUnknownService},
	{"incident.ErrNoSchedule", incident.ErrNoSchedule},
	{"incident.ErrOrder", incident.ErrOrder},
}

func sentinel(err error) string {
	for _, s := range sentinels {
		if errors.Is(err, s.err) {
			return s.name
		}
	}
	return fmt.Sprintf("other(%v)", err)
}

const (
	min  = time.Minute
	hour = time.Hour
)

var tests = []struct {
	file     string
	docs     []want
	warnings []string // "path: sentinel", sorted
}{
	{
		// Down 10:50-10:53~ and 10:59-12:38 EDT; degraded 10:36-10:50 after the first crash.
		// The span is the post's "from 10:50am EDT until 12:38pm EDT", 1 h 48 min.
		file: "harvest-2016-07-26.yaml",
		docs: []want{{
			kind: incident.KindIncident, dated: true, spanStart: "2016-07-26T14:50:00Z",
			span: 108 * min, downtime: 102 * min, major: 102 * min, degraded: 14 * min,
		}},
	},
	{
		// Two outages of about 3 minutes, then the announced 10pm EDT maintenance.
		file: "harvest-2013-09.yaml",
		docs: []want{
			{kind: incident.KindIncident, dated: true, spanStart: "2013-09-23T09:30:00Z", span: 3 * min, downtime: 3 * min, major: 3 * min},
			{kind: incident.KindIncident, dated: true, spanStart: "2013-09-24T11:40:00Z", span: 3 * min, downtime: 3 * min, major: 3 * min},
			{kind: incident.KindMaintenance, dated: true, scheduled: [2]string{"2013-09-25T02:00:00Z", "2013-09-25T02:30:00Z"}},
		},
	},
	{
		// "Sunday April 28th, 9am – 12pm EDT", offline for the whole window.
		file: "harvest-2013-04-28-maintenance.yaml",
		docs: []want{{
			kind: incident.KindMaintenance, dated: true, maint: 3 * hour,
			scheduled: [2]string{"2013-04-28T13:00:00Z", "2013-04-28T16:00:00Z"},
		}},
	},
	{
		// "11am – 4pm EST", with an interruption of a minute or two.
		file: "harvest-2013-03-03-maintenance.yaml",
		docs: []want{{
			kind: incident.KindMaintenance, dated: true, maint: 2 * min,
			scheduled: [2]string{"2013-03-03T16:00:00Z", "2013-03-03T21:00:00Z"},
		}},
	},
	{
		// "7pm EST", offline for 30 minutes or less.
		file: "harvest-2012-02-29-maintenance.yaml",
		docs: []want{{
			kind: incident.KindMaintenance, dated: true, maint: 30 * min,
			scheduled: [2]string{"2012-03-01T00:00:00Z", "2012-03-01T00:30:00Z"},
		}},
	},
	{
		// Alerts around 10:16am EDT, effects for 2 hours, 45 minutes of them major.
		file: "harvest-2012-10-04.yaml",
		docs: []want{{
			kind: incident.KindIncident, dated: true, spanStart: "2012-10-04T14:16:00Z",
			span: 2 * hour, major: 45 * min, partial: 75 * min,
			downtime: 45*min + 75*min*3/10,
		}},
	},
	{
		// No year in the post, and no recovery time: nothing to measure.
		file:     "harvest-march-5.yaml",
		docs:     []want{{kind: incident.KindIncident}},
		warnings: []string{"title: incident.ErrUndated"},
	},
	{
		// "Today at 10:50 US Pacific time, for approximately half hour."
		file:     "pivotal-tracker.yaml",
		docs:     []want{{kind: incident.KindIncident, span: 30 * min, downtime: 30 * min, major: 30 * min}},
		warnings: []string{"title: incident.ErrUndated"},
	},
	{
		// 3/30 12:30-12:55 and 4/1 11:16-11:44, written PST in PDT season.
		file: "harness-2021.yaml",
		docs: []want{
			{kind: incident.KindIncident, dated: true, spanStart: "2021-03-30T19:30:00Z", span: 25 * min, downtime: 25 * min, major: 25 * min},
			{kind: incident.KindIncident, dated: true, spanStart: "2021-04-01T18:16:00Z", span: 28 * min, downtime: 28 * min, major: 28 * min},
		},
		warnings: []string{"timeline[0].at: tz.ErrDSTMismatch", "timeline[0].at: tz.ErrDSTMismatch"},
	},
	{
		// Partial outages over several days, a 1-minute switchover at 9pm UTC and a
		// maintenance on Saturday, February 8th.
		file: "codeship-2014.yaml",
		docs: []want{{
			kind: incident.KindIncident, dated: true, spanStart: "2014-02-03T12:00:00Z",
			span: 118 * hour, major: 1 * min, partial: 107 * hour, degraded: 4*hour + 59*min, maint: 2 * hour,
			downtime: 1*min + 107*hour*3/10,
		}},
	},
}

func TestExamples(t *testing.T) {
	var cfg timeline.Policy
	fsys := os.DirFS(".")
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			incs, err := incident.Load(fsys, tt.file)
			var warnings []string
			seen := map[string]bool{}
			note := func(list incident.ErrorList) {
				for _, e := range list {
					key := fmt.Sprintf("%d:%s: %s", e.Line, e.Path, sentinel(e))
					if !seen[key] { // a warning reported by both Load and Validate counts once
						seen[key] = true
						warnings = append(warnings, fmt.Sprintf("%s: %s", e.Path, sentinel(e)))
					}
				}
			}
			if err != nil {
				var list incident.ErrorList
				require.ErrorAs(t, err, &list, "Load(%s) = %v, want nil or warnings", tt.file, err)
				for _, e := range list {
					require.True(t, e.Warning, "Load(%s) error %v, want none", tt.file, e)
				}
				note(list)
			}
			require.Len(t, incs, len(tt.docs), "Load(%s) = %d incidents, want %d", tt.file, len(incs), len(tt.docs))
			for i, inc := range incs {
				errs, warns := incident.Validate(inc)
				assert.Empty(t, errs, "Validate(%s[%d]) errors = %v, want none", tt.file, i, errs)
				note(warns)

				w := tt.docs[i]
				name := fmt.Sprintf("%s[%d]", tt.file, i)
				assert.Equal(t, w.kind, inc.Kind, "Kind(%s) = %v, want %v", name, inc.Kind, w.kind)
				assert.Equal(t, w.dated, !inc.Date.IsZero(), "dated(%s) = %v, want %v", name, !inc.Date.IsZero(), w.dated)
				for j, ev := range inc.Timeline {
					assert.Equal(t, w.dated, ev.At.Dated, "Timeline[%d].At.Dated(%s) = %v, want %v", j, name, ev.At.Dated, w.dated)
				}

				m := inc.Metrics(cfg)
				tot := cfg.Measure(inc.Windows())
				assert.Equal(t, tot, m.Totals, "Metrics(%s).Totals = %+v, want Measure(Windows()) %+v", name, m.Totals, tot)
				for _, d := range []struct {
					what      string
					got, want time.Duration
				}{
					{"Span", m.Span, w.span},
					{"Totals.Downtime", m.Totals.Downtime, w.downtime},
					{"Totals.Major", m.Totals.Major, w.major},
					{"Totals.Partial", m.Totals.Partial, w.partial},
					{"Totals.Degraded", m.Totals.Degraded, w.degraded},
					{"Totals.Maintenance", m.Totals.Maintenance, w.maint},
				} {
					// Downtime weighs partial time by a float; allow rounding to the millisecond.
					assert.InDelta(t, d.want.Seconds(), d.got.Seconds(), 0.001,
						"Metrics(%s).%s = %v, want %v", name, d.what, d.got, d.want)
				}

				assert.Equal(t, w.dated, m.Dated, "Metrics(%s).Dated = %v, want %v", name, m.Dated, w.dated)
				if w.spanStart == "" {
					if w.dated {
						assert.True(t, m.SpanStart.IsZero(), "Metrics(%s).SpanStart = %v, want none", name, m.SpanStart)
					}
				} else {
					want := mustTime(t, w.spanStart)
					assert.WithinDuration(t, want, m.SpanStart, 0, "Metrics(%s).SpanStart = %v, want %v", name, m.SpanStart, want)
					assert.WithinDuration(t, want.Add(w.span), m.SpanEnd, 0, "Metrics(%s).SpanEnd = %v, want %v", name, m.SpanEnd, want.Add(w.span))
				}

				if w.scheduled[0] == "" {
					assert.Nil(t, inc.Scheduled, "Scheduled(%s) = %+v, want nil", name, inc.Scheduled)
				} else if assert.NotNil(t, inc.Scheduled, "Scheduled(%s) = nil, want a window", name) {
					s, e := mustTime(t, w.scheduled[0]), mustTime(t, w.scheduled[1])
					assert.WithinDuration(t, s, inc.Scheduled.Start.Instant, 0, "Scheduled(%s).Start = %v, want %v", name, inc.Scheduled.Start.Instant, s)
					assert.WithinDuration(t, e, inc.Scheduled.End.Instant, 0, "Scheduled(%s).End = %v, want %v", name, inc.Scheduled.End.Instant, e)
				}
			}
			slices.Sort(warnings)
			assert.Equal(t, tt.warnings, warnings, "warnings(%s) = %q, want %q", tt.file, warnings, tt.warnings)
		})
	}
}

// TestAllListed makes sure that every example file is checked by TestExamples.
func TestAllListed(t *testing.T) {
	files, err := filepath.Glob("*.yaml")
	require.NoError(t, err)
	var listed []string
	for _, tt := range tests {
		listed = append(listed, tt.file)
	}
	slices.Sort(listed)
	assert.Equal(t, files, listed, "Glob(*.yaml) = %q, want the files of the table %q", files, listed)
}

// TestStrict checks that the Harness file, which writes PST in daylight-saving season, is
// rejected in strict mode with the abbreviation's error.
func TestStrict(t *testing.T) {
	cfg := incident.Config{Strict: true}
	_, err := cfg.Load(os.DirFS("."), "harness-2021.yaml")
	require.Error(t, err, "strict Load(harness-2021.yaml) = nil, want ErrDSTMismatch")
	assert.ErrorIs(t, err, tz.ErrDSTMismatch, "strict Load(harness-2021.yaml) = %v, want ErrDSTMismatch", err)
	var list incident.ErrorList
	require.ErrorAs(t, err, &list)
	var errs int
	for _, e := range list {
		if !e.Warning {
			errs++
		}
	}
	assert.Equal(t, 2, errs, "strict Load(harness-2021.yaml) = %d errors, want 2 (one per incident)", errs)
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return tm
}

// TestFormatDoc loads the complete file shown in docs/format.md, so that the documentation
// cannot drift from what the library reads.
func TestFormatDoc(t *testing.T) {
	data, err := os.ReadFile("../docs/format.md")
	require.NoError(t, err)
	_, rest, ok := strings.Cut(string(data), "## A complete file")
	require.True(t, ok, "docs/format.md has no section \"A complete file\"")
	_, rest, ok = strings.Cut(rest, "```yaml\n")
	require.True(t, ok)
	doc, _, ok := strings.Cut(rest, "```")
	require.True(t, ok)

	incs, err := incident.Parse("format.md", []byte(doc))
	require.NoError(t, err, "Parse(format.md example)")
	require.Len(t, incs, 1)
	errs, warns := incident.Validate(incs[0])
	assert.Empty(t, errs, "Validate(format.md example) errors")
	assert.Empty(t, warns, "Validate(format.md example) warnings")
	var cfg timeline.Policy
	m := incs[0].Metrics(cfg)
	assert.Equal(t, 108*time.Minute, m.Span, "Metrics(format.md example).Span = %v, want 1h48m", m.Span)
	assert.Equal(t, 102*time.Minute, m.Totals.Downtime, "Metrics(format.md example).Totals.Downtime = %v, want 1h42m", m.Totals.Downtime)
}
