package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunLiveWorkflow is README's workflow: new, then log several times, then validate and render.
func TestRunLiveWorkflow(t *testing.T) {
	file := filepath.Join(t.TempDir(), "api.yaml")
	_, stderr, code := runArgs("", "new", "--title", "API errors", "--date", "2024-05-01", "--tz", "UTC", "-o", file)
	require.Equal(t, 0, code, stderr)
	before, err := os.ReadFile(file)
	require.NoError(t, err)
	_, stderr, code = runArgs("", "log", file, "--at", "10:50", "--kind", "update", "--state", "degraded", "--service", "API", "posted", "an update")
	require.Equal(t, 0, code, stderr)
	after, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(after), strings.SplitAfter(string(before), "    text: Error rates stayed normal for fifteen minutes; the incident was closed.\n")[0]))
	assert.Contains(t, string(after), "  - at: \"10:50\"\n    kind: update\n    state: degraded_performance\n    services: [API]\n    text: posted an update\n")
	assert.Equal(t, len(before)+len("  - at: \"10:50\"\n    kind: update\n    state: degraded_performance\n    services: [API]\n    text: posted an update\n"), len(after))
	_, stderr, code = runArgs("", "validate", file)
	assert.Equal(t, 0, code, stderr)
	_, stderr, code = runArgs("", "render", file)
	assert.Equal(t, 0, code, stderr)

	// Refused: nothing written, one clear line, exit 1.
	_, stderr, code = runArgs("", "log", file, "--at", "09:00", "too early")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "write the date with it")
	again, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, string(after), string(again))

	bad := filepath.Join(t.TempDir(), "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("title: [\n"), 0o644))
	_, stderr, code = runArgs("", "log", bad, "x")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "bad.yaml:1: error: invalid YAML")

	_, _, code = runArgs("", "log", file)
	assert.Equal(t, 2, code)
}

func TestRunImportText(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "post.txt")
	require.NoError(t, os.WriteFile(in, []byte("DNS outage\n\nAll times are UTC.\n09:10 resolvers failing\n09:40 IST restarted\n10:00 fixed\n"), 0o644))
	stdout, stderr, code := runArgs("", "import", "text", "--date", "2024-05-01", in)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, in+":5:7: error: ")
	assert.Contains(t, stderr, "[ambiguous-abbrev]")
	assert.Contains(t, stdout, "title: DNS outage\n")
	assert.Contains(t, stdout, "date: 2024-05-01\n")
	assert.NotContains(t, stdout, "restarted")
	out := filepath.Join(dir, "draft.yaml")
	require.NoError(t, os.WriteFile(out, []byte(stdout), 0o644))
	_, stderr, code = runArgs("", "validate", out)
	assert.Equal(t, 0, code, stderr)

	// Binary input: one line, exit 1, nothing written.
	bin := filepath.Join(dir, "a.out")
	require.NoError(t, os.WriteFile(bin, []byte("\x7fELF\x00\x00\x00"), 0o644))
	stdout, stderr, code = runArgs("", "import", "text", bin)
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Equal(t, 1, strings.Count(stderr, "\n"), stderr)

	stdout, stderr, code = runArgs("10:00 UTC started\n10:05 UTC paged\n", "import", "text", "--date", "2024-05-01", "-")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "at: \"10:05 UTC\"")

	_, _, code = runArgs("", "import", "text", "--date", "May 1", in)
	assert.Equal(t, 2, code)
}

// TestRunLogStream checks that log refuses a file of several incidents, naming them and the
// flag that chooses one, and appends to the one --incident names.
func TestRunLogStream(t *testing.T) {
	file := filepath.Join(t.TempDir(), "stream.yaml")
	stream := "title: a\r\ndate: 2020-01-01\r\ntimeline:\r\n  - {at: \"10:00\", text: x}\r\n---\r\ntitle: b\r\ndate: 2020-01-02\r\ntimeline:\r\n  - {at: \"10:00\", text: x}\r\n"
	require.NoError(t, os.WriteFile(file, []byte(stream), 0o644))
	_, stderr, code := runArgs("", "log", file, "--at", "10:30", "y")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, `the file holds 2 incidents; name the one to add to by its id, slug or title: 1. "a" (id `)
	assert.Contains(t, stderr, "is unchanged; choose its incident with --incident\n")
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, stream, string(data))

	_, stderr, code = runArgs("", "log", file, "--incident", "a", "--at", "10:30", "y")
	require.Equal(t, 0, code, stderr)
	data, err = os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, strings.Replace(stream, "---", "  - at: \"10:30\"\r\n    text: y\r\n---", 1), string(data), "in the first incident, with CRLF")
}
