package slack

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLinesAt checks that lines.at, counting each byte once over increasing offsets, places
// every offset where position, counting from the start, does.
func TestLinesAt(t *testing.T) {
	data := []byte("[\n  {\"ts\": \"1.0\"},\n\n  {\"ts\": \"2.0\", \"text\": \"é\"}, {\"ts\": \"3.0\"}\n]")
	l := newLines(data)
	for off := int64(0); off <= int64(len(data))+2; off++ {
		line, col := l.at(off)
		wl, wc := position(data, off)
		assert.Equal(t, [2]int{wl, wc}, [2]int{line, col}, "at(%d)", off)
	}
	line, col := l.at(3) // an offset before the last: from the start
	assert.Equal(t, [2]int{2, 2}, [2]int{line, col})
}

// channel returns an export of one channel, "incident", whose day file holds n messages,
// pretty-printed (as Slack writes) when indent is set.
func channelExport(n int, indent bool) fstest.MapFS {
	var msgs []string
	for i := range n {
		msgs = append(msgs, fmt.Sprintf(`{"type": "message", "user": "U1", "text": "message %d", "ts": "%d.%06d"}`, i, 1577880000+i, i%1000))
	}
	sep := ","
	if indent {
		sep = ",\n    "
	}
	return fstest.MapFS{
		"channels.json":            {Data: []byte(`[{"id": "C1", "name": "incident"}]`)},
		"users.json":               {Data: []byte(`[{"id": "U1", "name": "alice"}]`)},
		"incident/2020-01-01.json": {Data: []byte("[\n    " + strings.Join(msgs, sep) + "\n]")},
	}
}

// TestReadMaxEvents checks that a channel with more messages than a draft holds gives no
// draft but one error saying how many, the limit and where the part past it starts.
func TestReadMaxEvents(t *testing.T) {
	cfg := Config{Channel: "incident", MaxEvents: 3, Location: time.UTC}
	inc, diags := cfg.Read(channelExport(5, true), "export")
	assert.Nil(t, inc)
	require.Len(t, diags, 1, "%v", diags)
	assert.ErrorIs(t, diags[0], ErrTooLarge)
	assert.Equal(t, incident.CodeTooLarge, diags[0].Code)
	assert.Contains(t, diags[0].Error(), "has 5 messages to import, more than the 3 one draft holds")
	assert.Contains(t, diags[0].Error(), "message 4 is at 2020-01-01T12:00:03Z")

	cfg.MaxEvents = 5
	inc, diags = cfg.Read(channelExport(5, true), "export")
	require.NotNil(t, inc, "%v", diags)
	assert.Len(t, inc.Timeline, 5)
}

// TestReadDayPositions checks that every message of a day file keeps its place: a bad ts
// is reported at its own line and column, in a file of many messages.
func TestReadDayPositions(t *testing.T) {
	fsys := channelExport(2000, true)
	data := string(fsys["incident/2020-01-01.json"].Data)
	data = strings.Replace(data, `"ts": "1577881500.000500"`, `"ts": "soon"`, 1)
	fsys["incident/2020-01-01.json"].Data = []byte(data)
	cfg := Config{Channel: "incident", Location: time.UTC}
	inc, diags := cfg.Read(fsys, "export")
	require.NotNil(t, inc)
	assert.Len(t, inc.Timeline, 1999)
	require.Len(t, diags, 1, "%v", diags)
	assert.Equal(t, incident.CodeInvalidTS, diags[0].Code)
	assert.Equal(t, 1502, diags[0].Line, "the 1,501st message, on the file's 1,502nd line")
	assert.Equal(t, 5, diags[0].Column)
}

// BenchmarkReadDay reads a day file of 20,000 messages, written without line breaks (as
// json.dump writes them): its time and allocations per message stay flat in the length of
// the file (placing each message from the start of the file made them quadratic).
func BenchmarkReadDay(b *testing.B) {
	fsys := channelExport(20000, false)
	cfg := Config{Channel: "incident", Location: time.UTC}
	b.ReportAllocs()
	for b.Loop() {
		if inc, diags := cfg.Read(fsys, "export"); inc == nil {
			b.Fatal(diags)
		}
	}
}
