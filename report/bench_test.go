package report_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/report"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/stretchr/testify/require"
)

// corpusIncidents returns the incidents a corpus benchmark measures: those of the first 500
// files of the folder POSTMORTEM_CORPUS names when it is set (a corpus of
// ../shared/bench/gen_corpus.py), else those of the examples of the repository.
func corpusIncidents(b *testing.B) []*incident.Incident {
	dir := "../examples"
	if d := os.Getenv("POSTMORTEM_CORPUS"); d != "" {
		dir = d
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	require.NoError(b, err)
	require.NotEmpty(b, names)
	if len(names) > 500 {
		names = names[:500]
	}
	var incs []*incident.Incident
	for _, name := range names {
		data, err := os.ReadFile(name)
		require.NoError(b, err)
		got, err := incident.Parse(name, data)
		require.NoError(b, err)
		incs = append(incs, got...)
	}
	return incs
}

// BenchmarkMeasureCorpus measures, per incident of a corpus, what `downtime --by month`
// does with it after parsing: its Metrics alone (step=metrics) and the whole of Measure,
// record included (step=measure):
//
//	POSTMORTEM_CORPUS=/tmp/c10k go test ./report -run XXX -bench MeasureCorpus -benchmem
func BenchmarkMeasureCorpus(b *testing.B) {
	incs := corpusIncidents(b)
	b.Run("step=metrics", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			incs[n%len(incs)].Metrics(timeline.Policy{})
			n++
		}
	})
	b.Run("step=measure", func(b *testing.B) {
		r := report.New(report.Options{Unit: timeline.Month})
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			if _, err := r.Measure("f.yaml", incs[n%len(incs)]); err != nil {
				b.Fatal(err)
			}
			n++
		}
	})
}
