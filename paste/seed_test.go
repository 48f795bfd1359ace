package paste_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/paste"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seed reads a post of the project's reference material, which is not part of the
// repository; the test skips without it.
func seed(t *testing.T, glob string) []byte {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", glob))
	if len(m) == 0 {
		m, _ = filepath.Glob(filepath.Join("/work/shared/seeds", glob))
	}
	if len(m) == 0 {
		t.Skipf("no seed %s", glob)
	}
	data, err := os.ReadFile(m[0])
	require.NoError(t, err)
	return data
}

func TestSeeds(t *testing.T) {
	t.Run("harvest", func(t *testing.T) {
		inc, diags := draft(t, paste.Config{Date: date(2016, 7, 27)}, string(seed(t, "001_*.txt")))
		require.NotNil(t, inc, "%v", diags)
		assert.Empty(t, diags)
		// As examples/harvest-2016-07-26.yaml encodes them.
		assert.Equal(t, []string{"2016-07-26 14:36Z", "2016-07-26 14:50Z", "2016-07-26 14:59Z",
			"2016-07-26 15:15Z", "2016-07-26 16:38Z"}, utc(inc))
		assert.Equal(t, date(2016, 7, 26), inc.Date)
		assert.Equal(t, "America/New_York", inc.TimeZone)
		assert.Equal(t, "text", inc.Source.System)
		require.Len(t, inc.Outages, 1) // "unavailable from 10:50am EDT until 12:38pm EDT"
		assert.Equal(t, "2016-07-26 14:50Z", inc.Outages[0].Start.Instant.UTC().Format("2006-01-02 15:04Z"))
		assert.Equal(t, "2016-07-26 16:38Z", inc.Outages[0].End.Instant.UTC().Format("2006-01-02 15:04Z"))
	})
	t.Run("harness", func(t *testing.T) {
		inc, diags := draft(t, paste.Config{Year: 2021}, string(seed(t, "002_*.txt")))
		require.NotNil(t, inc, "%v", diags)
		require.Len(t, inc.Outages, 2)
		for i, want := range [][2]string{{"2021-03-30 19:30Z", "2021-03-30 19:55Z"}, {"2021-04-01 18:16Z", "2021-04-01 18:44Z"}} {
			assert.Equal(t, want[0], inc.Outages[i].Start.Instant.UTC().Format("2006-01-02 15:04Z"))
			assert.Equal(t, want[1], inc.Outages[i].End.Instant.UTC().Format("2006-01-02 15:04Z"))
		}
		assert.Equal(t, []string{"2021-03-30 18:15Z", "2021-04-01 18:16Z"}, utc(inc))
		dst := 0
		for _, d := range diags {
			assert.True(t, d.Warning, "%v", d)
			if d.Code == incident.CodeDSTMismatch {
				dst++
			}
		}
		assert.Equal(t, 6, dst, "a PST-in-PDT warning for each end of both outages and both events: %v", diags)
	})
	t.Run("codeship", func(t *testing.T) {
		inc, diags := draft(t, paste.Config{Year: 2014}, string(seed(t, "004_*.txt")))
		require.NotNil(t, inc, "%v", diags)
		assert.Equal(t, []string{"2014-02-05 21:00Z", "2014-02-06 00:00Z", "2014-02-06 02:00Z"}, utc(inc))
		assert.True(t, inc.Timeline[0].At.Approx, "around 9pm UTC")
		assert.Equal(t, []string{incident.CodeNextDay}, codes(diags))
	})
	t.Run("pivotal", func(t *testing.T) {
		inc, diags := draft(t, paste.Config{}, string(seed(t, "003_*.txt")))
		require.NotNil(t, inc, "%v", diags)
		assert.True(t, inc.Date.IsZero())
		assert.Equal(t, []string{incident.CodeUndated}, codes(diags))
	})
}
