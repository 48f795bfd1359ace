package incident

import (
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/timeline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOutageForms(t *testing.T) {
	head := []string{"title: a", "date: 2020-07-01", "timezone: America/New_York", "services: [api, web]", "outages:"}
	utc := func(s string) time.Time {
		v, err := time.Parse("2006-01-02 15:04", s)
		require.NoError(t, err)
		return v
	}
	tests := []struct {
		name       string
		items      []string
		start, end string // UTC
		level      timeline.Level
		services   []string
	}{
		{"start and end", []string{"  - {start: '05:45', end: '07:00'}"}, "2020-07-01 09:45", "2020-07-01 11:00", timeline.Major, nil},
		{"a string", []string{`  - "from 5:45 AM to 7:00 AM UTC"`}, "2020-07-01 05:45", "2020-07-01 07:00", timeline.Major, nil},
		{"a string across midnight", []string{`  - "11:30pm-12:30am"`}, "2020-07-02 03:30", "2020-07-02 04:30", timeline.Major, nil},
		{"window beside level and services", []string{"  - window: 5:45 AM - 7:00 AM", "    level: partial", "    services: [api]"},
			"2020-07-01 09:45", "2020-07-01 11:00", timeline.Partial, []string{"api"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			incs, err := Parse("f.yaml", doc(append(head, tt.items...)...))
			require.NoError(t, err)
			require.Len(t, incs[0].Outages, 1)
			o := incs[0].Outages[0]
			assert.Equal(t, utc(tt.start), o.Start.Instant)
			assert.Equal(t, utc(tt.end), o.End.Instant)
			assert.Equal(t, tt.level, o.Level)
			assert.Equal(t, tt.services, o.Services)
			errs, warns := Validate(incs[0])
			assert.Empty(t, errs)
			assert.Empty(t, warns)

			out, err := Marshal(incs[0])
			require.NoError(t, err)
			back, err := Parse("f.yaml", out)
			require.NoError(t, err, "%s", out)
			require.Len(t, back[0].Outages, 1)
			b := back[0].Outages[0]
			assert.True(t, o.Start.Instant.Equal(b.Start.Instant) && o.End.Instant.Equal(b.End.Instant), "%s", out)
			assert.Equal(t, o.Start.Written, b.Start.Written, "the window as written survives: %s", out)
			assert.Equal(t, o.Level, b.Level)
			assert.Equal(t, o.Services, b.Services)
		})
	}
}

// TestOutageMarshalForms checks that each form is written back as it was.
func TestOutageMarshalForms(t *testing.T) {
	src := doc("title: a", "date: 2020-07-01", "outages:",
		`  - "from 5:45 AM to 7:00 AM UTC"`,
		"  - {window: '8:00-9:00', level: partial}",
		"  - {start: '10:00', end: '10:00'}")
	incs, err := Parse("f.yaml", src)
	require.NoError(t, err)
	out, err := Marshal(incs[0])
	require.NoError(t, err)
	assert.Contains(t, string(out), "outages:\n  - \"from 5:45 AM to 7:00 AM UTC\"\n  - window: \"8:00-9:00\"\n    level: partial_outage\n  - start: \"10:00\"\n    end: \"10:00\"\n")
}

// TestOutageErrorsHavePositions checks that every error of an outage has a line and column.
func TestOutageErrorsHavePositions(t *testing.T) {
	head := []string{"title: a", "date: 2020-07-01", "outages:"}
	tests := []struct {
		name string
		item []string
		want string
	}{
		{"no end", []string{"  - start: '10:00'"}, "f.yaml:4:5: outages[0].end: outage without end: write it like end: \"10:36\", or write the window as the post does, like window: \"from 10:50 to 12:38 EDT\" [missing]"},
		{"no start", []string{"  - level: major", "    end: '10:00'"}, "f.yaml:4:5: outages[0].start: outage without start"},
		{"null end", []string{"  - {start: '10:00', end: ~}"}, "f.yaml:4:27: outages[0].end: time missing"},
		{"one instant", []string{"  - '10:00'"}, "f.yaml:4:5: outages[0]: \"10:00\" is one instant; want a window"},
		{"both forms", []string{"  - {window: '10:00-11:00', start: '10:00'}"}, "f.yaml:4:36: outages[0].window: an outage has either window: or start: and end:, not both"},
		{"bad window", []string{"  - window: 10:00 to banana"}, "f.yaml:4:"},
		{"empty item", []string{"  -"}, "f.yaml:4:4: outages[0]: empty outage"},
		{"end before start", []string{"  - '2020-07-01 10:00 UTC to 2020-07-01 09:00 UTC'"}, "f.yaml:4:41: outages[0]: \"2020-07-01 10:00 UTC to 2020-07-01 09:00 UTC\": the window ends"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			incs, err := Parse("f.yaml", doc(append(head, tt.item...)...))
			var all ErrorList
			if err != nil {
				require.ErrorAs(t, err, &all)
			}
			for _, inc := range incs {
				errs, _ := Validate(inc)
				all = append(all, errs...)
			}
			require.NotEmpty(t, all)
			for _, e := range all {
				assert.Positive(t, e.Line, "%s", e)
				assert.Positive(t, e.Column, "%s", e)
			}
			assert.Contains(t, all[0].Error(), tt.want)
		})
	}
}

func TestScheduledMissingBound(t *testing.T) {
	_, err := Parse("f.yaml", doc("title: a", "kind: maintenance", "date: 2020-07-01", "scheduled:", "  start: '09:00'"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "f.yaml:5:3: scheduled.end: scheduled window without end")
}
