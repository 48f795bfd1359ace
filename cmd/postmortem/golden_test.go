package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden compares the command's output with the files in testdata/. After a
// deliberate change, rewrite them with go test ./cmd/postmortem -update and review the diff.
func TestGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"downtime-month.txt", []string{"downtime", "--by", "month", "--tz", "America/New_York", harvest, "../../examples/harness-2021.yaml"}},
		{"downtime-quarter.json", []string{"downtime", "--by", "quarter", "--tz", "America/New_York", "--format", "json",
			"--since", "2016", "--until", "2022", harvest, "../../examples/harness-2021.yaml", "../../examples/harvest-2012-10-04.yaml"}},
		{"downtime-all.csv", []string{"downtime", "--by", "year", "--format", "csv", "../../examples/*.yaml"}},
		{"convert-window.txt", []string{"convert", "--year", "2013", "Sunday, April 28th, between 9am – 12pm EDT"}},
		{"convert-instant.json", []string{"convert", "--format", "json", "2013-09-24 22:00 EDT"}},
		{"convert-end-day.txt", []string{"convert", "--to", "Europe/London,UTC,Tokyo,PT", "2026-10-24 22:30 UTC", "23:30"}},
		{"convert-to.md", []string{"convert", "--format", "markdown", "--to", "Tokyo,Europe/London,PT", "2016-07-26 10:50 EDT"}},
		{"new.yaml", []string{"new", "--title", "Checkout errors", "--date", "2024-03-31", "--tz", "Europe/Paris"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			args := tt.args
			if last := args[len(args)-1]; strings.Contains(last, "*") {
				files, err := filepath.Glob(last)
				require.NoError(t, err)
				args = append(args[:len(args)-1:len(args)-1], files...)
			}
			out, errOut, code := runArgs("", args...)
			require.Equal(t, 0, code, errOut)
			path := filepath.Join("testdata", tt.golden)
			if *update {
				require.NoError(t, os.MkdirAll("testdata", 0o755))
				require.NoError(t, os.WriteFile(path, []byte(out), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update to create it")
			assert.Equal(t, string(want), out)
		})
	}
}
