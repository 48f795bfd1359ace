package main

import (
	"io"
	"os"
	"strings"
	"testing"
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
