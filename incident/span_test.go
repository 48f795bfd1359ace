package incident

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSpanTooLong: an incident whose first and last instant are further apart than
// time.Duration measures (292 years) is an error of Validate, at the time that makes it
// so, with its code; one that fits, however long, is not.
func TestSpanTooLong(t *testing.T) {
	tests := []struct {
		name       string
		lines      []string
		line, col  int
		path, span string
	}{
		{"an event", []string{"timeline:", "  - {at: '2016-01-01T00:00Z', state: major}", "  - {at: '9999-12-31T23:59:59Z', state: ok}"},
			5, 10, "timeline[1].at", "from 2016-01-01 to 9999-12-31"},
		{"an outage's end", []string{"timeline:", "  - {at: '2016-01-01T00:00Z', text: x}", "outages:",
			"  - {start: '2016-01-01T00:00Z', end: '2400-01-01T00:00Z'}"}, 6, 39, "outages[0].end", "from 2016-01-01 to 2400-01-01"},
		{"an earlier event after a later one", []string{"timeline:", "  - {at: '2300-01-01T00:00Z', text: x}", "outages:",
			"  - {start: '1900-01-01T00:00Z', end: '1900-01-02T00:00Z'}"}, 6, 13, "outages[0].start", "from 1900-01-01 to 2300-01-01"},
		{"291 years fit", []string{"timeline:", "  - {at: '2016-01-01T00:00Z', state: major}", "  - {at: '2307-01-01T00:00Z', state: ok}"},
			0, 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			incs, err := Parse("f.yaml", doc(append([]string{"title: a", "date: 2016-01-01"}, tt.lines...)...))
			require.NoError(t, err)
			errs, _ := Validate(incs[0])
			if tt.path == "" {
				assert.Empty(t, errs)
				assert.NoError(t, incs[0].CheckSpan())
				return
			}
			require.Len(t, errs, 1, "%v", errs)
			e := errs[0]
			assert.ErrorIs(t, e, ErrTooLong)
			assert.Equal(t, CodeTooLong, e.Code)
			assert.Equal(t, [3]any{tt.line, tt.col, tt.path}, [3]any{e.Line, e.Column, e.Path})
			assert.Contains(t, e.Error(), tt.span)
			assert.Contains(t, e.Error(), "longer than the 292 years a duration measures")
			var pe *ParseError
			require.True(t, errors.As(incs[0].CheckSpan(), &pe))
			assert.Equal(t, *e, *pe, "CheckSpan gives the same error")
		})
	}
}
