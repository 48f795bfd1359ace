package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRun runs the program on the example incidents and checks figures the posts state.
func TestRun(t *testing.T) {
	tests := []struct {
		zone  string
		lines []string // each must appear as a line of the output, spaces collapsed
	}{
		{"UTC", []string{
			"FILE START DOWNTIME TITLE",
			// 10:50-12:38 EDT less the few minutes back up around 10:53.
			"harvest-2016-07-26.yaml 2016-07-26 14:36 UTC 1h42m0s Harvest and Forecast outage",
			"harness-2021.yaml 2021-03-30 19:30 UTC 25m0s All Harness production clusters down after a firewall blocked Redis",
			"harness-2021.yaml 2021-04-01 18:16 UTC 28m0s Harness prod-1 down after Timescale health checks failed",
			"pivotal-tracker.yaml undated 30m0s Unplanned Pivotal Tracker downtime during a search release",
			"harvest-2013-04-28-maintenance.yaml 2013-04-28 13:00 UTC 0s Move to a new data center",
			"ACROSS INCIDENTS COUNT TOTAL MEDIAN P90 MAX",
			// Nine incidents (maintenances left out); nearest-rank median of the sorted
			// downtimes 0, 3m, 3m, 25m, 28m, 30m, 1h7m30s, 1h42m, 32h7m is the fifth.
			"downtime 9 36h25m30s 28m0s 32h7m0s 32h7m0s",
			// Harvest 2016 detected the crash 14 min before the outage span began: negative.
			"time to detect 5 -14m0s 0s 0s 0s",
			"MONTH DOWNTIME AVAILABILITY",
			"2013-09 6m0s 99.9861%",    // two outages of about 3 minutes
			"2014-02 32h7m0s 95.2207%", // 60 s + 30% of 107 h of partial outage, in a 28-day month
			"2016-07 1h42m0s 99.7715%",
			"2021-03 25m0s 99.9440%", // 1500 s of a 744-hour month
		}},
		{"America/New_York", []string{
			"harvest-2016-07-26.yaml 2016-07-26 10:36 EDT 1h42m0s Harvest and Forecast outage",
			"harvest-2013-09.yaml 2013-09-24 22:00 EDT 0s Database maintenance to finish the memory increase",
			"2021-03 25m0s 99.9439%", // March in New York has 743 hours
		}},
	}
	space := regexp.MustCompile(` +`)
	for _, tt := range tests {
		t.Run(tt.zone, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, run(&buf, os.DirFS(".."), tt.zone), "run(.., %s)", tt.zone)
			var got []string
			for _, l := range strings.Split(buf.String(), "\n") {
				got = append(got, strings.TrimSpace(space.ReplaceAllString(l, " ")))
			}
			for _, want := range tt.lines {
				assert.Contains(t, got, want, "run(.., %s) = %s, want a line %q", tt.zone, buf.String(), want)
			}
			// Months without downtime are left out, and undated incidents have no month.
			assert.NotContains(t, buf.String(), "2013-04 ", "run(.., %s): maintenance is not downtime", tt.zone)
			assert.NotContains(t, buf.String(), "0001-", "run(.., %s): undated incidents have no month", tt.zone)
		})
	}
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
		zone string
		want string
	}{
		{"unknown zone", fstest.MapFS{"a.yaml": {Data: []byte("title: a\n")}}, "Mars/Olympus", "unknown zone"},
		{"no files", fstest.MapFS{"a.txt": {Data: []byte("x")}}, "UTC", "no *.yaml files"},
		{"invalid file", fstest.MapFS{"a.yaml": {Data: []byte("title: a\ntimeline:\n  - at: '25:00'\n")}}, "UTC", "a.yaml:3:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := run(&buf, tt.fsys, tt.zone)
			require.Error(t, err, "run(%s) = nil, want an error containing %q", tt.name, tt.want)
			assert.Contains(t, err.Error(), tt.want, "run(%s) = %v, want %q", tt.name, err, tt.want)
		})
	}
}
