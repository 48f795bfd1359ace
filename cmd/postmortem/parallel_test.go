package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parallelCorpus writes n incident files into a new folder: the examples again and again,
// each copy with a title of its own and a comment of a length of its own (so that files take
// different times to read, and workers finish them out of order), and, with bad set, every
// seventh file broken in one of a few ways. Copies of one example start at the same instant,
// so the order of the records among them is the order of the files alone.
func parallelCorpus(t *testing.T, n int, bad bool) string {
	t.Helper()
	var srcs [][]byte
	for _, name := range examples(t) {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		srcs = append(srcs, data)
	}
	breaks := []func(string) string{
		func(s string) string { return s + "\nbogus_key: 1\n" },
		func(s string) string { return strings.Replace(s, "timeline:", "timeline: [", 1) },
		func(s string) string { return s + "\naction_items:\n  - text: no owner\n" },
	}
	dir := t.TempDir()
	for i := range n {
		s := string(srcs[i%len(srcs)])
		s = strings.Replace(s, "\ntitle: ", fmt.Sprintf("\ntitle: copy %d of ", i), 1)
		s = "# " + strings.Repeat("padding ", (i*7919)%2000) + "\n" + s
		if bad && i%7 == 3 {
			s = breaks[(i/7)%len(breaks)](s)
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%04d.yaml", i)), []byte(s), 0o644))
	}
	return dir
}

// runProcs runs the command with GOMAXPROCS set to procs, which is the number of files
// eachFile parses at once.
func runProcs(t *testing.T, procs int, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(built(t), args...)
	cmd.Env = append(os.Environ(), fmt.Sprintf("GOMAXPROCS=%d", procs))
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	default:
		require.NoError(t, err)
	}
	assertNoCrash(t, e.String())
	return o.String(), e.String(), code
}

// TestParallelOutputIsSequential checks that what downtime and validate print over many
// files, parsed by one worker or by sixteen, is the same, byte for byte.
func TestParallelOutputIsSequential(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and reads 600 files")
	}
	clean := parallelCorpus(t, 300, false)
	broken := parallelCorpus(t, 300, true)
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"downtime json", []string{"downtime", "--by", "month", "--format", "json", clean}, 0},
		{"downtime csv", []string{"downtime", "--by", "quarter", "--format", "csv", clean}, 0},
		{"downtime table", []string{"downtime", clean}, 0},
		{"downtime with errors", []string{"downtime", "--format", "json", broken}, 1},
		{"validate", []string{"validate", broken}, 1},
		{"validate json", []string{"validate", "--format", "json", broken}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out1, err1, code1 := runProcs(t, 1, tt.args...)
			require.Equal(t, tt.code, code1, err1)
			require.NotEmpty(t, out1+err1)
			out16, err16, code16 := runProcs(t, 16, tt.args...)
			assert.Equal(t, code1, code16)
			assert.True(t, out1 == out16, "standard output differs between 1 and 16 workers")
			assert.True(t, err1 == err16, "standard error differs between 1 and 16 workers")
		})
	}
}
