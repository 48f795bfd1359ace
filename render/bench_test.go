package render

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// bigIncident is an incident with n timeline events, each with a short Markdown text.
func bigIncident(t testing.TB, n int) *incident.Incident {
	inc := harvestGo(t)
	ny := inc.Location
	start := time.Date(2016, time.July, 26, 8, 0, 0, 0, ny)
	levels := []timeline.Level{timeline.Degraded, timeline.Partial, timeline.Major, timeline.Operational}
	inc.Timeline = nil
	for i := range n {
		at := incident.Time{Instant: start.Add(time.Duration(i) * 3 * time.Minute).UTC(), Loc: ny, Dated: true, Approx: i%7 == 0}
		inc.Timeline = append(inc.Timeline, incident.Event{
			At:    at,
			Kind:  timeline.EventKind(1 + i%11),
			State: levels[i%len(levels)],
			Text: fmt.Sprintf("Step %d: the *on-call* engineer checked `db-%d` and saw **%d** errors; "+
				"see [the runbook](https://runbooks.example/db#step-%d) for what to do next.", i, i%5, i*3, i),
		})
	}
	return inc
}

// markdownOf is every Markdown field of inc as one document, for the baseline.
func markdownOf(inc *incident.Incident) []byte {
	var b strings.Builder
	b.WriteString("# " + inc.Title + "\n\n" + inc.Summary + "\n\n" + inc.Impact + "\n\n")
	for _, ev := range inc.Timeline {
		b.WriteString("- " + ev.Text + "\n")
	}
	b.WriteString("\n" + inc.Trigger + "\n\n" + inc.Resolution + "\n")
	return []byte(b.String())
}

// BenchmarkHTML compares a whole HTML page of a 500-event incident (impl=ours) with goldmark
// converting the same Markdown text as one document (impl=baseline).
func BenchmarkHTML(b *testing.B) {
	inc := bigIncident(b, 500)
	src := markdownOf(inc)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	var buf bytes.Buffer
	require.NoError(b, md.Convert(src, &buf))
	b.Run("impl=baseline", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if err := md.Convert(src, io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=ours", func(b *testing.B) {
		p := &Printer{}
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if err := p.HTML(io.Discard, inc); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkMarkdown measures the Markdown document of the same incident.
func BenchmarkMarkdown(b *testing.B) {
	inc := bigIncident(b, 500)
	p := &Printer{}
	b.ReportAllocs()
	for b.Loop() {
		if err := p.Markdown(io.Discard, inc); err != nil {
			b.Fatal(err)
		}
	}
}
