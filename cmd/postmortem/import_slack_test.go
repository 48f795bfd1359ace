package main

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const slackExport = "../../slack/testdata/export"

// TestImportSlack imports the test export as a folder and as a .zip: the same draft, which
// validates; --tz and --since/--until change it as they say.
func TestImportSlack(t *testing.T) {
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "Acme Slack export.zip")
	f, err := os.Create(zipPath)
	require.NoError(t, err)
	zw := zip.NewWriter(f)
	require.NoError(t, zw.AddFS(os.DirFS(slackExport)))
	require.NoError(t, zw.Close())
	require.NoError(t, f.Close())

	folder, stderr, code := runArgs("", "import", "slack", "--channel", "incident-db", slackExport)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "timezone America/Los_Angeles proposed")
	assert.Contains(t, folder, "timezone: America/Los_Angeles\n")
	assert.Contains(t, folder, `- at: "2024-03-10T03:10:00-07:00"`)
	assert.Contains(t, folder, "source:\n  system: slack\n  id: C0001\n  page: export\n")

	out := filepath.Join(dir, "db.yaml")
	_, stderr, code = runArgs("", "import", "slack", "--channel", "#incident-db", "-o", out, zipPath)
	require.Equal(t, 0, code, stderr)
	zipped, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, folder, strings.Replace(string(zipped), "page: Acme Slack export", "page: export", 1))
	_, stderr, code = runArgs("", "validate", out)
	assert.Equal(t, 0, code, stderr)

	clipped, stderr, code := runArgs("", "import", "slack", "--channel", "incident-db", "--tz", "America/New_York",
		"--since", "2024-03-10 04:06", "--until", "2024-03-10T08:08:00Z", zipPath)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "day-mismatch")
	assert.Contains(t, clipped, "timezone: America/New_York\n")
	assert.Contains(t, clipped, `- at: "2024-03-10T04:06:00-04:00"`)
	assert.Contains(t, clipped, `- at: "2024-03-10T04:07:00-04:00"`)
	assert.NotContains(t, clipped, "04:05:00")
	assert.NotContains(t, clipped, "04:08:00")
}

// TestImportSlackBadInput: one clear line on standard error, exit 1, nothing written.
func TestImportSlackBadInput(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "export.zip")
	require.NoError(t, os.WriteFile(bin, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00"), 0o644))
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no such channel", []string{"--channel", "incident-bd", slackExport}, 1,
			`export/channels.json: error: no channel "incident-bd" in the export (it has general, incident-db, random); did you mean "incident-db"? [no-channel]`},
		{"a binary file", []string{"--channel", "x", bin}, 1,
			"export.zip: not a Slack export: want the folder or the .zip Slack gives (zip: not a valid zip file) [not-slack-export]"},
		{"no export", []string{"--channel", "x", filepath.Join(dir, "none")}, 1, "none: no such file or directory"},
		{"no channel flag", []string{slackExport}, 2, "--channel is required"},
		{"bad --since", []string{"--channel", "x", "--since", "soon", slackExport}, 2, "--since:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, "out.yaml")
			stdout, stderr, code := runArgs("", append([]string{"import", "slack", "-o", out}, tt.args...)...)
			assert.Equal(t, tt.code, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.stderr)
			assert.Equal(t, 1, strings.Count(stderr, "\n"), stderr)
			assert.NoFileExists(t, out)
		})
	}
}
