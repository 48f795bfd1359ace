package paste_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/paste"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// timeline returns a pasted timeline of n lines, one time each.
func timeline(n int) string {
	var b strings.Builder
	b.WriteString("2024-01-09\nall times UTC\n")
	for i := range n {
		fmt.Fprintf(&b, "%02d:%02d - step %d\n", i/60%24, i%60, i)
	}
	return b.String()
}

// TestParseMaxEvents checks that reading stops at the line that passes Config.MaxEvents,
// with an error there saying which limit and where to split, and that the times before it
// make the draft.
func TestParseMaxEvents(t *testing.T) {
	cfg := paste.Config{MaxEvents: 3}
	inc, diags := draft(t, cfg, timeline(5))
	require.NotNil(t, inc)
	assert.Len(t, inc.Timeline, 3)
	require.Len(t, diags, 1)
	assert.ErrorIs(t, diags[0], paste.ErrTooLarge)
	assert.Equal(t, incident.CodeTooLarge, diags[0].Code)
	assert.Equal(t, 6, diags[0].Line, "the fourth time, after the date and the zone")
	assert.Contains(t, diags[0].Error(), "more than 3 times")
	assert.Contains(t, diags[0].Error(), "from line 6")
	assert.False(t, diags[0].Warning)

	// The reading stops there: a text ten times as long costs the same allocations.
	short, long := []byte(timeline(50)), []byte(timeline(500))
	cfg.MaxEvents = 40
	a := testing.AllocsPerRun(5, func() { cfg.Parse("in.txt", short) })
	b := testing.AllocsPerRun(5, func() { cfg.Parse("in.txt", long) })
	assert.InDelta(t, a, b, a/10, "allocations for 50 lines %v, for 500 %v", a, b)
}

// allocBytes returns the bytes Parse allocates reading text.
func allocBytes(text string) uint64 {
	cfg := paste.Config{}
	data := []byte(text)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	cfg.Parse("in.txt", data)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestParseContinuationLinear checks that the continuation lines of one time are joined in
// time linear in their number: ten times the lines allocate at most about ten times the
// bytes (joined by repeated concatenation, they were a hundred times).
func TestParseContinuationLinear(t *testing.T) {
	text := func(n int) string {
		return "2020-01-01\n10:00 UTC start\n" + strings.Repeat("continued text line\n", n)
	}
	inc, _ := draft(t, paste.Config{}, text(3))
	require.Len(t, inc.Timeline, 1)
	assert.Equal(t, "Start continued text line continued text line continued text line", inc.Timeline[0].Text)

	small, large := allocBytes(text(2000)), allocBytes(text(20000))
	t.Logf("allocated %d KiB for 2,000 lines, %d KiB for 20,000", small>>10, large>>10)
	assert.Less(t, large, 13*small, "allocations grow faster than the lines")
}

// TestParseLongLine checks that a line longer than the part searched for times keeps all
// of its text, and that a time past that part is text.
func TestParseLongLine(t *testing.T) {
	long := strings.Repeat("x", 100<<10)
	inc, diags := draft(t, paste.Config{}, "2020-01-01\n10:00 UTC start "+long+" 11:00 UTC\n")
	require.NotNil(t, inc, "%v", diags)
	require.Len(t, inc.Timeline, 1, "a time past the first 16 KiB of a line is not looked for")
	text := inc.Timeline[0].Text
	assert.Equal(t, len("Start "+long+" 11:00 UTC"), len(text))
	assert.True(t, text == "Start "+long+" 11:00 UTC", "the text is the whole line after its time")
}

// TestParseManyTimesOnALine checks that each time of a line gets its part of the line, so
// that the draft grows with the line, not with times × line.
func TestParseManyTimesOnALine(t *testing.T) {
	tests := []struct {
		name, line string
		texts      []string
	}{
		{"timeline", "10:00 UTC start 10:05 UTC alert, then 10:10 UTC fixed", []string{"Start", "Alert", "Fixed"}},
		{"prose", "The API failed at 10:05 UTC and recovered at 10:20 UTC.", []string{"The API failed at 10:05 UTC", "and recovered at 10:20 UTC."}},
		{"prose after at", "At 10:05 UTC the API failed and at 10:20 UTC it recovered", []string{"The API failed", "It recovered"}},
		{"times alone", "10:00 UTC 10:01 UTC 10:02 UTC", []string{"10:00 UTC", "10:01 UTC", "10:02 UTC"}},
		{"one time leading", "10:00 UTC start", []string{"Start"}},
		{"one time in prose", "We rolled back at 10:00 UTC, which helped", []string{"We rolled back at 10:00 UTC, which helped"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inc, diags := draft(t, paste.Config{}, "2020-01-01\n"+tt.line+"\n")
			require.NotNil(t, inc, "%v", diags)
			var texts []string
			for _, ev := range inc.Timeline {
				texts = append(texts, ev.Text)
			}
			assert.Equal(t, tt.texts, texts)
		})
	}

	var b strings.Builder
	b.WriteString("2020-01-01\nall times UTC\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "%02d:%02d ", i/60, i%60)
	}
	b.WriteString("tail text\n")
	inc, diags := draft(t, paste.Config{}, b.String())
	require.NotNil(t, inc, "%v", diags)
	require.Len(t, inc.Timeline, 1000)
	total := 0
	for _, ev := range inc.Timeline {
		total += len(ev.Text)
	}
	assert.LessOrEqual(t, total, b.Len(), "the events' texts together are no longer than the line")
	assert.Equal(t, "Tail text", inc.Timeline[999].Text)
}

func TestParseErrTooLargeIs(t *testing.T) {
	cfg := paste.Config{MaxEvents: 1}
	_, diags := cfg.Parse("in.txt", []byte(timeline(2)))
	require.NotEmpty(t, diags)
	assert.True(t, errors.Is(diags.Err(), paste.ErrTooLarge))
}
