package incident

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestZoneHint(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string // messages, in order
	}{
		{"a London post with timezone: UTC", []string{"date: 2023-06-01", "timezone: UTC", "timeline:",
			"  - at: 11:36 (10:36 UTC)", "  - at: 11:50 (10:50 UTC)", "  - at: 12:10 BST (11:10 UTC)", "  - at: 12:30 (11:30 UTC)",
			"  - at: 12:45 (11:45 UTC)", "  - at: 13:05 (12:05 UTC)"},
			[]string{`f.yaml:3:1: timezone: the 5 times alone at lines 5, 6, 8, 9, 10 were read in "UTC", the incident's timezone, and each is 1h later than the repeat written with it: the zone is off, not the times; in Europe/London or Africa/Lagos every pair agrees: write timezone: Europe/London [timezone-mismatch]`}},
		{"no timezone, a New York post in winter", []string{"date: 2023-01-10", "timeline:",
			"  - at: 10:36 (15:36 UTC)", "  - at: 10:50am (15:50 UTC)"},
			[]string{`f.yaml:4:16: timezone: the 2 times alone at lines 4, 5 were read in UTC, as no timezone: is given, and each is 5h earlier than the repeat written with it: the zone is off, not the times; in America/New_York every pair agrees: write timezone: America/New_York [timezone-mismatch]`}},
		{"undated: an offset", []string{"timeline:", "  - at: 10:36 (15:36 UTC)", "  - at: 10:50 (15:50 UTC)"},
			[]string{`f.yaml:3:16: timezone: the 2 times alone at lines 3, 4 were read in UTC, as no timezone: is given, and each is 5h earlier than the repeat written with it: the zone is off, not the times; in UTC-05:00 every pair agrees: write timezone: UTC-05:00 [timezone-mismatch]`}},
		{"different offsets: each says where it was read", []string{"date: 2023-06-01", "timezone: Europe/London", "timeline:",
			"  - at: 10:36 (10:36 UTC)", "  - at: 11:50 (11:52 UTC)"},
			[]string{`f.yaml:5:16: timeline[0].at: "10:36 (10:36 UTC)": "10:36" is 2023-06-01T09:36:00Z but "10:36 UTC" is 2023-06-01T10:36:00Z; correct one of them (the time alone was read in "Europe/London", the incident's timezone) [forms-disagree]`,
				`f.yaml:6:16: timeline[1].at: "11:50 (11:52 UTC)": "11:50" is 2023-06-01T10:50:00Z but "11:52 UTC" is 2023-06-01T11:52:00Z; correct one of them (the time alone was read in "Europe/London", the incident's timezone) [forms-disagree]`}},
		{"one pair alone", []string{"date: 2023-06-01", "timeline:", "  - at: 11:36 (10:36 UTC)"},
			[]string{`f.yaml:4:16: timeline[0].at: "11:36 (10:36 UTC)": "11:36" is 2023-06-01T11:36:00Z but "10:36 UTC" is 2023-06-01T10:36:00Z; correct one of them (the time alone was read in UTC, as no timezone: is given) [forms-disagree]`}},
		{"a pair with its own zone is the author's", []string{"date: 2023-06-01", "timeline:", "  - at: 11:36 EDT (11:36 UTC)", "  - at: 11:50 EDT (11:50 UTC)"},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.yaml", doc(append([]string{"title: a"}, tt.lines...)...))
			var got []string
			var l ErrorList
			if err != nil {
				require.ErrorAs(t, err, &l)
				for _, e := range l {
					got = append(got, e.Error())
				}
			}
			if tt.want == nil {
				require.Len(t, l, 2)
				for _, e := range l {
					assert.Equal(t, CodeMismatch, e.Code, "%s", e)
					assert.NotContains(t, e.Error(), "was read in")
				}
				return
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
