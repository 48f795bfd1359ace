package slack_test

import (
	"errors"
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/slack"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseTS(t *testing.T) {
	tests := []struct {
		in    string
		sec   int64
		micro int32
		err   string
	}{
		{"1710057000.000200", 1710057000, 200, ""},
		{"1710065400.999999", 1710065400, 999999, ""}, // a float64 reads 1710065400.9999990463
		{"0.000000", 0, 0, ""},
		{"99999999999.000001", 99999999999, 1, ""},
		{"100000000000.000001", 0, 0, "1 to 11 digits"},
		{"1710057000", 0, 0, "want seconds, a dot"},
		{"1710057000.0002", 0, 0, "six digits"},
		{"1710057000.0002000", 0, 0, "six digits"},
		{".000200", 0, 0, "1 to 11 digits"},
		{"-1.000000", 0, 0, "seconds must be digits"},
		{"1e9.000000", 0, 0, "seconds must be digits"},
		{"1710057000.00020x", 0, 0, "microseconds must be digits"},
		{"", 0, 0, "want seconds"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			ts, err := slack.ParseTS(tt.in)
			if tt.err != "" {
				require.Error(t, err)
				assert.True(t, errors.Is(err, slack.ErrTS))
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, slack.TS{Sec: tt.sec, Micro: tt.micro}, ts)
			assert.Equal(t, tt.in, ts.String())
			assert.True(t, ts.Time().Equal(time.Unix(tt.sec, int64(tt.micro)*1000)))
		})
	}
}

func TestTSCompare(t *testing.T) {
	a := slack.TS{Sec: 10, Micro: 999999}
	b := slack.TS{Sec: 11}
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, 1, b.Compare(a))
	assert.Equal(t, 0, a.Compare(a))
	assert.Equal(t, -1, slack.TS{Sec: 10, Micro: 1}.Compare(slack.TS{Sec: 10, Micro: 2}))
}
