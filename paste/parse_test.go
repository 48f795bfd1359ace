package paste_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/paste"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// draft parses text and checks that the draft reads back and validates with the same instants.
func draft(t *testing.T, cfg paste.Config, text string) (*incident.Incident, incident.ErrorList) {
	t.Helper()
	inc, diags := cfg.Parse("in.txt", []byte(text))
	if inc == nil {
		return nil, diags
	}
	b, err := incident.Marshal(inc)
	require.NoError(t, err)
	incs, err := incident.Parse("draft.yaml", b)
	require.NoError(t, err, "draft:\n%s", b)
	require.Len(t, incs, 1)
	errs, _ := incident.Validate(incs[0])
	require.Empty(t, errs, "draft:\n%s", b)
	require.Len(t, incs[0].Timeline, len(inc.Timeline))
	want := slices.Clone(inc.Timeline) // the file keeps its timeline sorted by instant
	slices.SortStableFunc(want, func(a, b incident.Event) int { return a.At.Instant.Compare(b.At.Instant) })
	for i, ev := range want {
		assert.WithinDuration(t, ev.At.Instant, incs[0].Timeline[i].At.Instant, 0, "event %d of draft:\n%s", i, b)
	}
	require.Len(t, incs[0].Outages, len(inc.Outages))
	for i, o := range inc.Outages {
		assert.WithinDuration(t, o.Start.Instant, incs[0].Outages[i].Start.Instant, 0, "outage %d start of draft:\n%s", i, b)
		assert.WithinDuration(t, o.End.Instant, incs[0].Outages[i].End.Instant, 0, "outage %d end of draft:\n%s", i, b)
	}
	return inc, diags
}

func utc(inc *incident.Incident) []string {
	var out []string
	for _, ev := range inc.Timeline {
		out = append(out, ev.At.Instant.UTC().Format("2006-01-02 15:04Z"))
	}
	return out
}

func codes(diags incident.ErrorList) []string {
	var out []string
	for _, d := range diags {
		out = append(out, d.Code)
	}
	return out
}

func date(y int, m time.Month, d int) tz.Date { return tz.Date{Year: y, Month: m, Day: d} }

func TestParseStyles(t *testing.T) {
	tests := []struct {
		name  string
		cfg   paste.Config
		text  string
		want  []string // instants of the events, UTC
		ats   []string // at as written in the draft; nil: not checked
		texts []string // event texts; nil: not checked
		codes []string // diagnostics' codes, in order
	}{
		{name: "iso with utc", text: "2024-01-02 10:00 (UTC) alert fired\n2024-01-02 10:30 (UTC) fixed\n",
			want: []string{"2024-01-02 10:00Z", "2024-01-02 10:30Z"}},
		{name: "dated header", cfg: paste.Config{Year: 2021}, text: "**March 30, 2021**\n\n12:30 PDT api down\n12:55 PDT api back\n",
			want: []string{"2021-03-30 19:30Z", "2021-03-30 19:55Z"}, ats: []string{"12:30 PDT", "12:55 PDT"},
			texts: []string{"Api down", "Api back"}},
		{name: "zone sentence", cfg: paste.Config{Date: date(2024, 5, 2)}, text: "All times are in Pacific time.\n09:00 - paged\n09:20 - mitigated\n",
			want: []string{"2024-05-02 16:00Z", "2024-05-02 16:20Z"}},
		{name: "timeline heading zone", cfg: paste.Config{Date: date(2024, 1, 9)}, text: "Timeline (CET):\n- 23:10 - consumers stopped\n- 23:45: restarted\n",
			want: []string{"2024-01-09 22:10Z", "2024-01-09 22:45Z"}, texts: []string{"Consumers stopped", "Restarted"}},
		{name: "statuspage stamps", cfg: paste.Config{Year: 2024},
			text: "Resolved - all good. Mar 13, 09:12 MDT\nInvestigating - errors. Mar 13, 07:00 MDT\n",
			want: []string{"2024-03-13 15:12Z", "2024-03-13 13:00Z"}, codes: []string{"out-of-order"}},
		{name: "posted dash", text: "Posted May 10, 2019 - 08:46 PDT\n",
			want: []string{"2019-05-10 15:46Z"}, ats: []string{"May 10, 2019 08:46 PDT"}},
		{name: "twelve hour next day", cfg: paste.Config{Date: date(2021, 3, 30), Location: mustLoc(t, "America/Los_Angeles")},
			text:  "10:35AM search slow\n11:35 pm reindex done\n12:27 am back to normal\n",
			want:  []string{"2021-03-30 17:35Z", "2021-03-31 06:35Z", "2021-03-31 07:27Z"},
			ats:   []string{"10:35AM", "11:35 pm", "2021-03-31 12:27 am"},
			codes: []string{"next-day"}},
		{name: "continuation lines", cfg: paste.Config{Date: date(2024, 1, 9)}, text: "all times UTC\n10:00 alert\nthe backlog grew\n\nunrelated paragraph\n",
			want: []string{"2024-01-09 10:00Z"}, texts: []string{"Alert the backlog grew"}},
		{name: "paren second form", cfg: paste.Config{Date: date(2016, 7, 26)}, text: "At 10:36am EDT (14:36 UTC) the database crashed\n",
			want: []string{"2016-07-26 14:36Z"}, texts: []string{"The database crashed"}},
		{name: "forms disagree", cfg: paste.Config{Date: date(2016, 7, 26)}, text: "10:36am EDT (14:37 UTC) crash\n11:00 EDT fixed\n",
			want: []string{"2016-07-26 15:00Z"}, codes: []string{"forms-disagree"}},
		{name: "ambiguous", cfg: paste.Config{Date: date(2024, 1, 9)}, text: "10:00 IST alert\n10:30 UTC fixed\n",
			want: []string{"2024-01-09 10:30Z"}, codes: []string{"ambiguous-abbrev"}},
		{name: "no zone", cfg: paste.Config{Date: date(2024, 1, 9)}, text: "10:00 alert\n10:30 UTC fixed\n",
			want: []string{"2024-01-09 10:30Z"}, codes: []string{"no-zone"}},
		{name: "dst half", cfg: paste.Config{Date: date(2024, 7, 9)}, text: "10:00 PST alert\n",
			want: []string{"2024-07-09 17:00Z"}, codes: []string{"abbrev-dst-mismatch"}},
		{name: "yesterday", cfg: paste.Config{Date: date(2016, 7, 27)}, text: "Yesterday at 10:50am EDT the site went down\n",
			want: []string{"2016-07-26 14:50Z"}},
		{name: "yesterday without date", text: "Yesterday at 10:50am EDT the site went down\n11:00 UTC more\n",
			want: []string{"11:00"}, codes: []string{"undated", "relative-no-date"}},
		{name: "weekday relative", cfg: paste.Config{Date: date(2024, 5, 2)}, text: "Tuesday afternoon\n15:00 UTC deploy\n",
			want: []string{"2024-04-30 15:00Z"}},
		{name: "approximate", cfg: paste.Config{Date: date(2014, 2, 5)}, text: "It was around 9pm UTC when the follower was ready\n",
			want: []string{"2014-02-05 21:00Z"}},
		{name: "out of order literal", cfg: paste.Config{Year: 2021},
			text: "2021-03-30 12:00 UTC start\n2020-03-30 12:30 UTC typo'd year\n",
			want: []string{"2021-03-30 12:00Z", "2020-03-30 12:30Z"}, codes: []string{"out-of-order"}},
		{name: "undated", text: "went down at 10:50 US Pacific time\n",
			want: []string{"10:50"}, codes: []string{"undated"}},
		{name: "undated backwards", text: "Outage\n\n10:50 UTC the site went down\n09:20 UTC it came back\n",
			want: []string{"10:50"}, codes: []string{"undated", "time-backwards"}},
		{name: "utc offset", cfg: paste.Config{Date: date(2024, 1, 9)}, text: "10:00 UTC+2 alert\n",
			want: []string{"2024-01-09 08:00Z"}},
		{name: "dashed date military", text: "30-March-2023 1000 UTC failover\n",
			want: []string{"2023-03-30 10:00Z"}},
		{name: "comma date", text: "8/19/2017, 2:11 AM UTC pager\n",
			want: []string{"2017-08-19 02:11Z"}},
		{name: "markdown table", cfg: paste.Config{Date: date(2024, 4, 18)}, text: "All times are UTC.\n\n| Time | What |\n|---|---|\n| 12:33 | alert |\n| 12:41 | paged |\n",
			want: []string{"2024-04-18 12:33Z", "2024-04-18 12:41Z"}, texts: []string{"Alert", "Paged"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inc, diags := draft(t, tt.cfg, tt.text)
			require.NotNil(t, inc, "diagnostics: %v", diags)
			got := utc(inc)
			if len(tt.want) > 0 && len(tt.want[0]) == 5 {
				got = nil
				for _, ev := range inc.Timeline {
					got = append(got, ev.At.Instant.UTC().Format("15:04"))
				}
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.codes, codes(diags), "diagnostics: %v", diags)
			if tt.ats != nil {
				var ats []string
				for _, ev := range inc.Timeline {
					ats = append(ats, ev.At.Written)
				}
				assert.Equal(t, tt.ats, ats)
			}
			if tt.texts != nil {
				var texts []string
				for _, ev := range inc.Timeline {
					texts = append(texts, ev.Text)
				}
				assert.Equal(t, tt.texts, texts)
			}
		})
	}
}

func mustLoc(t *testing.T, name string) *time.Location {
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

func TestParseWindows(t *testing.T) {
	inc, diags := draft(t, paste.Config{Year: 2021}, "The first outage occurred on 3/30 from 12:30 to 12:55 hours PDT lasting 25 minutes.\n")
	require.NotNil(t, inc, "%v", diags)
	require.Len(t, inc.Outages, 1)
	assert.Empty(t, inc.Timeline)
	assert.Equal(t, "2021-03-30 19:30Z", inc.Outages[0].Start.Instant.UTC().Format("2006-01-02 15:04Z"))
	assert.Equal(t, "2021-03-30 19:55Z", inc.Outages[0].End.Instant.UTC().Format("2006-01-02 15:04Z"))

	// A window that starts a timeline line is an outage and an event at its start.
	inc, _ = draft(t, paste.Config{Date: date(2024, 1, 9)}, "09:00-09:30 UTC: api down\n")
	require.NotNil(t, inc)
	require.Len(t, inc.Outages, 1)
	require.Len(t, inc.Timeline, 1)
	assert.Equal(t, "Api down", inc.Timeline[0].Text)
}

func TestParseBadInput(t *testing.T) {
	for name, text := range map[string]string{
		"binary":  "\x7fELF\x00\x00\x01",
		"latin1":  "10:00 UTC caf\xe9",
		"no time": "just prose, no times here.\n",
	} {
		t.Run(name, func(t *testing.T) {
			inc, diags := paste.Parse("in.txt", []byte(text))
			assert.Nil(t, inc)
			require.Len(t, diags, 1)
			assert.False(t, diags[0].Warning)
			assert.True(t, errors.Is(diags[0], paste.ErrNotText) || errors.Is(diags[0], paste.ErrNoTime), "%v", diags[0])
		})
	}
}

func TestParseErrorPosition(t *testing.T) {
	_, diags := paste.Parse("in.txt", []byte("all times UTC\n  - at 10:00 IST something\n"))
	require.Len(t, diags, 1)
	assert.Equal(t, 2, diags[0].Line)
	assert.Equal(t, 14, diags[0].Column, "%v", diags[0]) // the "IST"
	assert.ErrorIs(t, diags[0], tz.ErrAmbiguous)
	assert.Contains(t, diags[0].Error(), "in.txt:2:14: ")
	assert.Contains(t, diags[0].Error(), "[ambiguous-abbrev]")
}

func TestParseFixtures(t *testing.T) {
	tests := []struct {
		file string
		cfg  paste.Config
		want []string
	}{
		{"statuspage.txt", paste.Config{Year: 2024}, []string{"2024-03-13 15:12Z", "2024-03-13 14:40Z", "2024-03-13 13:00Z"}},
		{"table.md", paste.Config{Year: 2024}, []string{"2024-04-18 12:33Z", "2024-04-18 12:41Z", "2024-04-18 13:05Z"}},
		{"bullets.txt", paste.Config{Date: date(2024, 1, 9)}, []string{"2024-01-09 22:10Z", "2024-01-09 22:45Z", "2024-01-09 23:20Z"}},
		{"noon.txt", paste.Config{}, []string{"2021-03-30 17:35Z", "2021-03-31 06:35Z", "2021-03-31 07:27Z"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			require.NoError(t, err)
			inc, diags := draft(t, tt.cfg, string(data))
			require.NotNil(t, inc, "%v", diags)
			assert.Equal(t, tt.want, utc(inc), "%v", diags)
			for _, d := range diags {
				assert.True(t, d.Warning, "%v", d)
			}
		})
	}
}
