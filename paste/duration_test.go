package paste_test

import (
	"testing"

	"github.com/go-postmortem/postmortem/paste"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDurationInWords(t *testing.T) {
	tests := []struct {
		text       string
		start, end string // the outage, UTC; "" for none
	}{
		{"10:05 UTC the API failed, lasting 25 minutes", "10:05", "10:30"},
		{"10:05 UTC the API failed, lasting nineteen minutes", "10:05", "10:24"},
		{"For nineteen minutes from 11:16 UTC nothing worked", "11:16", "11:35"},
		{"for 28 minutes from 11:16 UTC the site was down", "11:16", "11:44"},
		{"12:00 UTC the queue stalled; it lasted about two hours", "12:00", "14:00"},
		{"12:00 UTC an outage lasting twenty-five minutes", "12:00", "12:25"},
		{"12:00 UTC an outage lasting 90 seconds", "12:00", "12:01"},
		{"12:00 UTC the API failed", "", ""},
		{"12:00 UTC we looked for clues", "", ""},
		{"12:00 UTC lasting many minutes", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			inc, diags := draft(t, paste.Config{Date: tz.Date{Year: 2024, Month: 5, Day: 1}}, tt.text)
			require.NotNil(t, inc, "%v", diags)
			require.Len(t, inc.Timeline, 1)
			if tt.start == "" {
				assert.Empty(t, inc.Outages)
				return
			}
			require.Len(t, inc.Outages, 1)
			assert.Equal(t, tt.start, inc.Outages[0].Start.Instant.UTC().Format("15:04"))
			assert.Equal(t, tt.end, inc.Outages[0].End.Instant.UTC().Format("15:04"))
			assert.True(t, inc.Timeline[0].At.Instant.Equal(inc.Outages[0].Start.Instant))
		})
	}
}

// TestSlashPair: "2:20/1:20 PM EST/CST" is one instant, the EST half settling which CST is
// meant (US Central, an hour behind); halves that disagree are an error and the line is left out.
func TestSlashPair(t *testing.T) {
	cfg := paste.Config{Date: tz.Date{Year: 2024, Month: 1, Day: 10}}
	inc, diags := draft(t, cfg, "2:20/1:20 PM EST/CST we paged the team\n3:00 PM EST resolved")
	require.NotNil(t, inc, "%v", diags)
	assert.Empty(t, diags)
	require.Len(t, inc.Timeline, 2)
	assert.Equal(t, "2024-01-10 19:20Z", utc(inc)[0])
	assert.Equal(t, "We paged the team", inc.Timeline[0].Text)

	// 3:20 PM CST would be UTC-4: no CST is that.
	inc, diags = draft(t, cfg, "2:20/3:20 PM EST/CST we paged the team\n3:00 PM EST resolved")
	require.NotNil(t, inc)
	require.NotEmpty(t, diags)
	assert.False(t, diags[0].Warning)
	assert.Equal(t, 1, diags[0].Line)
	assert.Equal(t, []string{"2024-01-10 20:00Z"}, utc(inc))
}
