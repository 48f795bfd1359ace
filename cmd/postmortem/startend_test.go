package main

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStartEndAgree: every format gives an incident the same start and end, the first and
// last instant it records (SPEC §2's "first and last event", read so that an outage written
// past the last event, or a maintenance written as its scheduled window alone, falls inside
// them): downtime's table, JSON and CSV, and render --format json. An undated incident has
// none.
func TestStartEndAgree(t *testing.T) {
	files, err := filepath.Glob("../../examples/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	noEvents := 0
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			// render --format json: the definition, from the events themselves.
			out, stderr, code := runArgs("", "render", "--format", "json", file)
			require.Equal(t, 0, code, stderr)
			var rendered struct {
				Incidents []struct {
					ID       string `json:"id"`
					Timeline []struct {
						At *string `json:"at"`
					} `json:"timeline"`
					Outages []struct {
						Start, End struct {
							At *string `json:"at"`
						}
					} `json:"outages"`
					Scheduled *struct {
						Start, End struct {
							At *string `json:"at"`
						}
					} `json:"scheduled"`
					Figures struct {
						Dated bool    `json:"dated"`
						Start *string `json:"start"`
						End   *string `json:"end"`
					} `json:"figures"`
				} `json:"incidents"`
			}
			require.NoError(t, json.Unmarshal([]byte(out), &rendered))
			type span struct{ start, end string }
			want := map[string]span{}
			dated := map[string]bool{}
			for _, inc := range rendered.Incidents {
				var ats []string
				see := func(at *string) {
					if at != nil {
						ats = append(ats, *at) // RFC 3339 UTC: ordered as text within a year 1000-9999
					}
				}
				for _, ev := range inc.Timeline {
					see(ev.At)
				}
				events := len(ats)
				for _, o := range inc.Outages {
					see(o.Start.At)
					see(o.End.At)
				}
				if w := inc.Scheduled; w != nil {
					see(w.Start.At)
					see(w.End.At)
				}
				var s span
				if len(ats) > 0 {
					s = span{slices.Min(ats), slices.Max(ats)}
				}
				if events == 0 && len(ats) > 0 {
					noEvents++
				}
				want[inc.ID], dated[inc.ID] = s, inc.Figures.Dated
				assert.Equal(t, s, span{deref(inc.Figures.Start), deref(inc.Figures.End)}, "render --format json figures of %s", inc.ID)
			}

			out, stderr, code = runArgs("", "downtime", "--format", "json", file)
			require.Equal(t, 0, code, stderr)
			var dt struct {
				Incidents []struct {
					ID    string  `json:"id"`
					Start *string `json:"start"`
					End   *string `json:"end"`
				} `json:"incidents"`
			}
			require.NoError(t, json.Unmarshal([]byte(out), &dt))
			require.Len(t, dt.Incidents, len(want))
			var order []string
			for _, inc := range dt.Incidents {
				order = append(order, inc.ID)
				assert.Equal(t, want[inc.ID], span{deref(inc.Start), deref(inc.End)}, "downtime --format json of %s", inc.ID)
			}

			out, stderr, code = runArgs("", "downtime", "--format", "csv", file)
			require.Equal(t, 0, code, stderr)
			recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			require.NoError(t, err)
			require.NotEmpty(t, recs)
			col := map[string]int{}
			for i, name := range recs[0] {
				col[name] = i
			}
			n := 0
			for _, r := range recs[1:] {
				if r[col["record"]] != "incident" {
					continue
				}
				n++
				id := r[col["id"]]
				assert.Equal(t, want[id], span{r[col["start"]], r[col["end"]]}, "downtime --format csv of %s", id)
			}
			assert.Equal(t, len(want), n, "one CSV incident record per incident")

			// The table shows START as a wall clock; --tz UTC makes it the instant's UTC.
			out, stderr, code = runArgs("", "downtime", "--tz", "UTC", file)
			require.Equal(t, 0, code, stderr)
			var lines []string // the header and a line per incident; a service's lines are indented
			for _, l := range strings.Split(out, "\n") {
				if !strings.HasPrefix(l, " ") {
					lines = append(lines, l)
				}
			}
			require.Greater(t, len(lines), len(order))
			for i, id := range order {
				start := "(undated)"
				if s := want[id].start; s != "" {
					at, err := time.Parse(time.RFC3339, s)
					require.NoError(t, err)
					start = at.Format("2006-01-02 15:04 MST")
				} else if dated[id] {
					start = "(no events)"
				}
				assert.Contains(t, lines[1+i], "  "+start+"  ", "downtime table row of %s", id)
			}
		})
	}
	assert.Positive(t, noEvents, "an example without events, bounded by its schedule, is covered")
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
