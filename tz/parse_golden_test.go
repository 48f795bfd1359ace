package tz_test

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-postmortem/postmortem/tz"
)

// The -update flag rewrites the golden files; it is shared with the
// package's other golden tests when one of them defines it first.
var _ = func() bool {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files in testdata")
	}
	return true
}()

func updateRequested() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// parseContextLine reads an "@" line of testdata/parse/*.txt.
func parseContextLine(t testing.TB, line string) tz.Context {
	var ctx tz.Context
	for _, f := range strings.Fields(strings.TrimPrefix(line, "@")) {
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "date":
			d, err := time.Parse(time.DateOnly, v)
			require.NoError(t, err, line)
			ctx.Date = tz.DateOf(d)
		case "zone":
			ctx.Location = mustLoad(t, v)
		case "after":
			a, err := time.Parse(time.RFC3339, v)
			require.NoError(t, err, line)
			ctx.After = a
		case "strict":
			ctx.Strict = true
		case "alone":
			// read by TestParseGolden: each expression on its own, not as a list
		case "policy":
			switch v {
			case "earlier":
				ctx.Policy = tz.Earlier
			case "later":
				ctx.Policy = tz.Later
			case "compatible":
				ctx.Policy = tz.Compatible
			default:
				t.Fatalf("unknown policy in %q", line)
			}
		default:
			t.Fatalf("unknown key %q in %q", k, line)
		}
	}
	return ctx
}

// readParseLines returns the expressions of testdata/parse/*.txt, without
// comments and context lines, for the fuzz seeds and the benchmark.
func readParseLines(t testing.TB) []string {
	files, err := filepath.Glob("testdata/parse/*.txt")
	require.NoError(t, err)
	var lines []string
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		for _, l := range strings.Split(string(data), "\n") {
			if l = strings.TrimSpace(l); l != "" && l[0] != '#' && l[0] != '@' {
				lines = append(lines, l)
			}
		}
	}
	return lines
}

func describe(e tz.Expr) string {
	var b strings.Builder
	b.WriteString("= ")
	if e.Dated {
		b.WriteString(e.Start.Format(time.RFC3339Nano))
	} else {
		b.WriteString("undated " + e.Start.Format("15:04:05"))
	}
	if !e.End.IsZero() {
		if e.Dated {
			b.WriteString(" – " + e.End.Format(time.RFC3339Nano))
		} else {
			fmt.Fprintf(&b, " – +%v", e.End.Sub(e.Start))
		}
	}
	if e.Approx {
		b.WriteString(" approx")
	}
	fmt.Fprintf(&b, " in %s", e.Location)
	if e.Zone != "" {
		fmt.Fprintf(&b, " zone %q", e.Zone)
	}
	if e.Dated {
		fmt.Fprintf(&b, " date %s", e.Date)
	}
	if e.HasDate {
		b.WriteString(" (written)")
	}
	for _, w := range e.Warnings {
		fmt.Fprintf(&b, "\n\twarning at %d: %s", w.Offset, w.Msg)
	}
	return b.String()
}

// TestParseGolden reads the seed posts' times as lists and compares the
// readings, warnings and errors with testdata/parse/*.golden.
func TestParseGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/parse/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			f, err := os.Open(name)
			require.NoError(t, err)
			defer f.Close()
			var out bytes.Buffer
			var ctx, block tz.Context
			alone := false
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				line := strings.TrimSpace(sc.Text())
				switch {
				case line == "" || line[0] == '#':
					continue
				case line[0] == '@':
					ctx = parseContextLine(t, line)
					block, alone = ctx, strings.Contains(line, " alone")
					fmt.Fprintf(&out, "%s\n", line)
					continue
				}
				if alone {
					ctx = block
				}
				e, err := tz.Parse(line, ctx)
				fmt.Fprintf(&out, "%s\n\t", line)
				if err != nil {
					var te *tz.Error
					require.ErrorAs(t, err, &te, "Parse(%q)", line)
					fmt.Fprintf(&out, "error at %d (%v): %s\n", te.Offset, sentinel(err), te.Msg)
					continue
				}
				fmt.Fprintf(&out, "%s\n", describe(e))
				ctx.Date, ctx.After = e.Date, e.Start
			}
			require.NoError(t, sc.Err())
			golden := strings.TrimSuffix(name, ".txt") + ".golden"
			if updateRequested() {
				require.NoError(t, os.WriteFile(golden, out.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./tz/ -run TestParseGolden -update")
			assert.Equal(t, string(want), out.String())
		})
	}
}

// sentinel names the sentinel error err matches.
func sentinel(err error) string {
	for _, s := range []error{tz.ErrAmbiguous, tz.ErrDSTMismatch, tz.ErrWeekday, tz.ErrBackwards, tz.ErrMismatch,
		tz.ErrNoDate, tz.ErrInvalidDate, tz.ErrNonexistentTime, tz.ErrAmbiguousTime, tz.ErrUnknownZone, tz.ErrSyntax} {
		if errors.Is(err, s) {
			return s.Error()
		}
	}
	return "no sentinel"
}
