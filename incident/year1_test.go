package incident

import (
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/timeline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFirstInstant checks that 0001-01-01T00:00:00Z, the zero time.Time, is taken as the
// instant it is and not as "no instant".
func TestFirstInstant(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		start time.Time
		span  time.Duration
		dated bool
	}{
		{"dated, starting at the first instant", []string{"date: 0001-01-01", "timeline:",
			"  - {at: '00:00', state: major}", "  - {at: '01:30', state: ok}"}, time.Time{}, 90 * time.Minute, true},
		{"an outage from the first instant", []string{"date: 0001-01-01", "outages:", "  - '00:00-00:45'"}, time.Time{}, 45 * time.Minute, true},
		{"undated, at midnight", []string{"timeline:",
			"  - {at: '00:00', state: partial}", "  - {at: '00:20', state: ok}"}, time.Time{}, 20 * time.Minute, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			incs, err := Parse("f.yaml", doc(append([]string{"title: a"}, tt.lines...)...))
			require.NoError(t, err)
			m := incs[0].Metrics(timeline.Policy{})
			assert.Equal(t, tt.dated, m.Dated)
			assert.True(t, m.Start.Equal(tt.start), "Start = %v", m.Start)
			assert.True(t, m.SpanStart.Equal(tt.start), "SpanStart = %v", m.SpanStart)
			assert.Equal(t, tt.span, m.Span)
		})
	}
}
