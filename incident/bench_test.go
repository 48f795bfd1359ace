package incident

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// bigIncident returns an incident of n timeline events, written as people write them:
// times alone in the incident's zone, some with an abbreviation, some approximate.
func bigIncident(n int) []byte {
	var b strings.Builder
	b.WriteString("postmortem: 1\ntitle: A long incident\ndate: 2016-07-26\ntimezone: America/New_York\n")
	b.WriteString("services: [Harvest, Forecast]\nseverity: SEV-1\nstatus: resolved\nauthors: [Ops]\n")
	b.WriteString("summary: |\n  A long outage with many updates.\ntimeline:\n")
	states := []string{"degraded", "major_outage", "partial", "operational"}
	for i := range n {
		min := i % (24 * 60)
		day := 26 + i/(24*60)
		at := fmt.Sprintf("%02d:%02d", min/60, min%60)
		switch i % 3 {
		case 1:
			at = fmt.Sprintf("2016-07-%02d %s", day, at)
		case 2:
			at += "~"
		}
		if i%(24*60) == 0 && i > 0 {
			at = fmt.Sprintf("2016-07-%02d 00:00", day)
		}
		fmt.Fprintf(&b, "  - at: %q\n    kind: update\n    state: %s\n    text: Update number %d; the team is still investigating.\n", at, states[i%4], i)
	}
	b.WriteString("root_causes:\n  - {text: a bug, category: software}\nlessons:\n  went_well: [backups]\n")
	b.WriteString("action_items:\n  - {text: fix it, owner: ops, due: 2016-08-31, status: open}\n")
	b.WriteString("links:\n  - {title: post, url: 'https://example.com'}\n")
	return []byte(b.String())
}

func TestBigIncident(t *testing.T) {
	incs, err := Parse("big.yaml", bigIncident(1000))
	require.NoError(t, err)
	require.Len(t, incs[0].Timeline, 1000)
	errs, _ := Validate(incs[0])
	require.Empty(t, errs)
}

// BenchmarkLoad compares loading and validating a 1,000-event incident (impl=ours) with
// yaml.v3 decoding the same bytes into map[string]any (impl=baseline). Target: ours ≤ 2×.
func BenchmarkLoad(b *testing.B) {
	data := bigIncident(1000)
	b.Run("impl=baseline", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var m map[string]any
			if err := yaml.Unmarshal(data, &m); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=ours", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			incs, err := Parse("big.yaml", data)
			if err != nil {
				b.Fatal(err)
			}
			if errs, _ := Validate(incs[0]); len(errs) > 0 {
				b.Fatal(errs)
			}
		}
	})
}

// corpusFiles returns the incident files a corpus benchmark reads: the first 500 files of
// the folder POSTMORTEM_CORPUS names when it is set (a corpus of ../shared/bench/gen_corpus.py),
// else the examples of the repository.
func corpusFiles(b *testing.B) [][]byte {
	dir, pattern := "../examples", "*.yaml"
	if d := os.Getenv("POSTMORTEM_CORPUS"); d != "" {
		dir = d
	}
	names, err := filepath.Glob(filepath.Join(dir, pattern))
	require.NoError(b, err)
	require.NotEmpty(b, names)
	if len(names) > 500 {
		names = names[:500]
	}
	var files [][]byte
	for _, name := range names {
		data, err := os.ReadFile(name)
		require.NoError(b, err)
		files = append(files, data)
	}
	return files
}

// BenchmarkParseCorpus measures, per file of a corpus, what yaml.v3 alone costs to decode it
// into a yaml.Node (step=yaml, the floor of BENCHMARKS.md), Parse (step=parse) and Parse and
// Validate (step=validate), so that the decoder's and validator's own share is the difference:
//
//	POSTMORTEM_CORPUS=/tmp/c10k go test ./incident -run XXX -bench ParseCorpus -benchmem
func BenchmarkParseCorpus(b *testing.B) {
	files := corpusFiles(b)
	perFile := func(b *testing.B, fn func(data []byte)) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			fn(files[n%len(files)])
			n++
		}
	}
	b.Run("step=yaml", func(b *testing.B) {
		perFile(b, func(data []byte) {
			dec := yaml.NewDecoder(bytes.NewReader(data))
			for {
				var node yaml.Node
				if err := dec.Decode(&node); err != nil {
					if err != io.EOF {
						b.Fatal(err)
					}
					return
				}
			}
		})
	})
	b.Run("step=parse", func(b *testing.B) {
		perFile(b, func(data []byte) {
			if _, err := Parse("f.yaml", data); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("step=validate", func(b *testing.B) {
		perFile(b, func(data []byte) {
			incs, err := Parse("f.yaml", data)
			if err != nil {
				b.Fatal(err)
			}
			for _, inc := range incs {
				if errs, _ := Validate(inc); len(errs) > 0 {
					b.Fatal(errs)
				}
			}
		})
	})
}

// BenchmarkValidateCorpus measures, per incident of a corpus parsed beforehand, Validate
// alone (step=validate) and CheckSpan alone (step=checkspan), which `downtime` calls again
// before measuring:
//
//	POSTMORTEM_CORPUS=/tmp/c10k go test ./incident -run XXX -bench ValidateCorpus -benchmem
func BenchmarkValidateCorpus(b *testing.B) {
	var incs []*Incident
	for _, data := range corpusFiles(b) {
		got, err := Parse("f.yaml", data)
		require.NoError(b, err)
		incs = append(incs, got...)
	}
	b.Run("step=validate", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			if errs, _ := Validate(incs[n%len(incs)]); len(errs) > 0 {
				b.Fatal(errs)
			}
			n++
		}
	})
	b.Run("step=checkspan", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			if err := incs[n%len(incs)].CheckSpan(); err != nil {
				b.Fatal(err)
			}
			n++
		}
	})
}
