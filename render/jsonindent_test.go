package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// indentInChunks feeds the compact JSON src to an indenter n bytes at a time.
func indentInChunks(t testing.TB, src []byte, n int) []byte {
	var out bytes.Buffer
	d := newIndenter(&out)
	for len(src) > 0 {
		k := min(n, len(src))
		_, err := d.Write(src[:k])
		require.NoError(t, err)
		src = src[k:]
	}
	require.NoError(t, d.flush())
	return out.Bytes()
}

// TestIndenter: whatever the pieces, the indenter writes what json.Indent writes for the whole.
func TestIndenter(t *testing.T) {
	for _, src := range []string{
		`{}`, `[]`, `{"a":[]}`, `{"a":{},"b":[1,2,{"c":null}]}`, `"x"`, `[[[]],[[1]]]`,
		`{"k":"a,b:{c}[d]\"e\\\\","u":"\u2028<>&","n":-1.5e+10,"t":true}`,
		`{"incidents":[{"title":"\\\"}","windows":[{"services":["a","b"]}]}]}`,
	} {
		var want bytes.Buffer
		require.NoError(t, json.Indent(&want, []byte(src), "", "  "))
		for _, n := range []int{1, 2, 3, 7, len(src)} {
			assert.Equal(t, want.String(), string(indentInChunks(t, []byte(src), n)), "%s in pieces of %d", src, n)
		}
	}
}

// FuzzJSONIndent checks the indenter against json.Indent on any JSON value, fed in pieces.
func FuzzJSONIndent(f *testing.F) {
	f.Add([]byte(`{"a":[{"b":"c\"]"}],"d":[]}`), uint8(3))
	f.Add([]byte(`[ 1 , "x\\" , {} ]`), uint8(1))
	f.Fuzz(func(t *testing.T, src []byte, n uint8) {
		var compact bytes.Buffer
		if json.Compact(&compact, src) != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := indentInChunks(t, compact.Bytes(), int(n)+1); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("indenter wrote\n%s\njson.Indent\n%s", got, want.Bytes())
		}
	})
}

// servicesByEvents is an incident of s services, all going down and up e times in turn: each
// service has e/2 windows of its own, so the JSON holds s×e/2 of them.
func servicesByEvents(s, e int) *incident.Incident {
	inc := &incident.Incident{Title: "services × events", Kind: incident.KindIncident, Location: time.UTC}
	for i := range s {
		inc.Services = append(inc.Services, fmt.Sprintf("s%d", i))
	}
	t0 := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range e {
		lvl := timeline.Major
		if i%2 == 1 {
			lvl = timeline.Operational
		}
		inc.Timeline = append(inc.Timeline, incident.Event{
			At:    incident.Time{Instant: t0.Add(time.Duration(i) * time.Minute), Loc: time.UTC, Dated: true},
			State: lvl,
		})
	}
	return inc
}

// liveWriter counts what is written and, every sample bytes, the live heap at most.
type liveWriter struct {
	n, next, sample int64
	maxLive         uint64
}

func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

func (w *liveWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	if w.n >= w.next {
		w.next = w.n + w.sample
		w.maxLive = max(w.maxLive, liveHeap())
	}
	return len(p), nil
}

// TestJSONStreams: render --format json writes as it goes. An incident of 300 services × 600
// state changes writes ~25 MB of JSON (90,000 windows of services); while it does, the live
// heap stays within 4 MiB of what it was before, where encoding the whole document first held
// all of it, twice (json.Encoder indents into a second buffer).
func TestJSONStreams(t *testing.T) {
	inc := servicesByEvents(300, 600)
	before := liveHeap()
	w := &liveWriter{sample: 1 << 20}
	require.NoError(t, JSON(w, inc))
	require.Greater(t, w.n, int64(12<<20), "the document is as long as expected")
	grew := int64(w.maxLive) - int64(before)
	assert.Less(t, grew, int64(4<<20), "live heap grew by %d bytes while %d were written", grew, w.n)
}

// TestJSONStreamsSame: the streamed document is, byte for byte, the indented document that
// encoding/json would write for the decoded whole (same keys, same order, same layout).
func TestJSONStreamsSame(t *testing.T) {
	inc := servicesByEvents(3, 5)
	inc.Summary = "<b>&</b> \u2028 \"q\""
	var buf bytes.Buffer
	require.NoError(t, JSON(&buf, inc, harvestGo(t)))
	var want bytes.Buffer
	require.NoError(t, json.Indent(&want, buf.Bytes(), "", "  "))
	assert.Equal(t, want.String(), buf.String())
	assert.True(t, strings.HasSuffix(buf.String(), "}\n"))
	assert.Contains(t, buf.String(), `"summary": "<b>&</b> `, "HTML is not escaped")
}

// TestJSONWriteError: w's error is returned, and writing stops.
func TestJSONWriteError(t *testing.T) {
	w := &failWriter{after: 1}
	err := JSON(w, servicesByEvents(50, 200))
	assert.ErrorIs(t, err, io.ErrShortWrite)
	assert.Equal(t, 2, w.calls, "no write after the failed one")
}

type failWriter struct{ after, calls int }

func (w *failWriter) Write(p []byte) (int, error) {
	w.calls++
	if w.calls > w.after {
		return 0, io.ErrShortWrite
	}
	return len(p), nil
}
