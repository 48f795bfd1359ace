package statuspage

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzDecode checks that the decoder never panics, that every problem names its code, and
// that every incident it reads marshals to a file that parses and validates without error.
func FuzzDecode(f *testing.F) {
	names, _ := filepath.Glob("testdata/*.json")
	for _, name := range names {
		data, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte(one(resolvedFields, up("a", "resolved", "2020-01-01T11:00:00Z", "<ul><li><strong>2020-01-01 10:00</strong> - x</li></ul>"))))
	f.Add([]byte(`[{"id": "a", "created_at": "2020-01-01T10:00:00Z", "incident_updates": [{"affected_components": [{"code": "c", "old_status": "major_outage", "new_status": "operational"}]}]}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg := &Config{MaxBytes: 1 << 20, EmbeddedTimeline: len(data)%2 == 0}
		d := cfg.NewDecoder("f.json", bytes.NewReader(data))
		for i := 0; ; i++ {
			it, err := d.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				var pe *incident.ParseError
				assert.True(t, errors.As(err, &pe) && pe.Code != "" && !pe.Warning, "%v", err)
				break
			}
			for _, w := range it.Warnings {
				_, ok := incident.LookupCode(w.Code)
				assert.True(t, w.Warning && ok, "%v", w)
			}
			if it.Err != nil {
				_, ok := incident.LookupCode(it.Err.Code)
				assert.True(t, ok && !it.Err.Warning, "%v", it.Err)
				continue
			}
			out, err := incident.Marshal(it.Incident)
			require.NoError(t, err)
			back, err := incident.Parse("back.yaml", out)
			require.NoError(t, err, "%s", out)
			errs, _ := incident.Validate(back[0])
			assert.Empty(t, errs, "%s", out)
		}
	})
}
