package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRenderPictures(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, "docs"), 0o755))
	out, img := filepath.Join(dir, "docs", "harvest.md"), filepath.Join(dir, "img")
	_, stderr, code := runArgs("", "render", "--pictures", img, "-o", out, "../../examples/harvest-2016-07-26.yaml")
	require.Equal(t, 0, code, stderr)
	md, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(md), "![timeline](<../img/2016-07-26-harvest-and-forecast-outage.svg>)")
	assert.Contains(t, string(md), "```mermaid\ngantt\n")
	svg, err := os.ReadFile(filepath.Join(img, "2016-07-26-harvest-and-forecast-outage.svg"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(svg), `<svg xmlns="http://www.w3.org/2000/svg" class="pm-timeline"`))
	assert.Contains(t, string(svg), "<style>", "a file carries its own style")

	stdout, stderr, code := runArgs("", "render", "--diagram", "none", "../../examples/harvest-2016-07-26.yaml")
	require.Equal(t, 0, code, stderr)
	assert.NotContains(t, stdout, "mermaid")
	stdout, stderr, code = runArgs("", "render", "--format", "html", "--diagram", "none", "../../examples/harvest-2016-07-26.yaml")
	require.Equal(t, 0, code, stderr)
	assert.NotContains(t, stdout, "<svg")

	for _, args := range [][]string{
		{"--pictures", img, "--diagram", "none"},
		{"--pictures", img, "--format", "ical"},
		{"--diagram", "svg"},
	} {
		_, stderr, code := runArgs("", append(append([]string{"render"}, args...), "../../examples/harvest-2016-07-26.yaml")...)
		assert.Equal(t, 2, code, "render %v: %s", args, stderr)
	}
}
