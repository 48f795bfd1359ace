package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/report"
)

// BenchmarkDowntimeCorpus runs `downtime --by month --format json` over the folder named by
// POSTMORTEM_CORPUS (a corpus of ../shared/bench/gen_corpus.py, say), for profiles of the
// whole command in one process:
//
//	POSTMORTEM_CORPUS=/tmp/c10k go test ./cmd/postmortem -run XXX -bench DowntimeCorpus -cpuprofile cpu.out
//
// It is skipped when POSTMORTEM_CORPUS is not set. The whole-process figures of
// BENCHMARKS.md are the ones that count; this is for finding where the time goes.
func BenchmarkDowntimeCorpus(b *testing.B) {
	benchCorpus(b, "downtime", "--by", "month", "--format", "json")
}

// BenchmarkValidateCorpus is BenchmarkDowntimeCorpus for `validate`.
func BenchmarkValidateCorpus(b *testing.B) {
	benchCorpus(b, "validate")
}

func benchCorpus(b *testing.B, args ...string) {
	dir := os.Getenv("POSTMORTEM_CORPUS")
	if dir == "" {
		b.Skip("POSTMORTEM_CORPUS is not set")
	}
	b.ReportAllocs()
	for b.Loop() {
		e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard}
		if code := e.main(append(args, dir)); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkEncodeRecord measures, per incident of a corpus measured beforehand (the first
// 500 files of POSTMORTEM_CORPUS, else the examples), encoding its record as each format
// spools it.
func BenchmarkEncodeRecord(b *testing.B) {
	dir := "../../examples"
	if d := os.Getenv("POSTMORTEM_CORPUS"); d != "" {
		dir = d
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no incident file in %s: %v", dir, err)
	}
	if len(names) > 500 {
		names = names[:500]
	}
	rep := report.New(report.Options{})
	var recs []*report.Incident
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		incs, err := incident.Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		for _, inc := range incs {
			m, err := rep.Measure(name, inc)
			if err != nil || m == nil || m.Record == nil {
				b.Fatalf("%s: not measured: %v", name, err)
			}
			recs = append(recs, m.Record)
		}
	}
	for _, format := range []string{"json", "csv", "table"} {
		b.Run("format="+format, func(b *testing.B) {
			opts := downtimeOptions{format: format}
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				encodeRecord(opts, recs[n%len(recs)])
				n++
			}
		})
	}
}
