package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOutputSymlink checks that -o onto a symbolic link replaces the file it points to and
// keeps the link, and that a link to nowhere is refused.
func TestOutputSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.md")
	require.NoError(t, os.WriteFile(target, []byte("old"), 0o600))
	link := filepath.Join(dir, "link.md")
	require.NoError(t, os.Symlink("real.md", link))
	require.NoError(t, writeFile(link, []byte("new")))
	st, err := os.Lstat(link)
	require.NoError(t, err)
	assert.True(t, st.Mode()&os.ModeSymlink != 0, "the link is kept")
	data, err := os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, "new", string(data))
	st, err = os.Stat(target)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "the file keeps its mode")

	dangling := filepath.Join(dir, "dangling.md")
	require.NoError(t, os.Symlink(filepath.Join(dir, "no", "such"), dangling))
	assert.ErrorContains(t, writeFile(dangling, []byte("x")), "symbolic link")
}

// TestRenderPicturesLink checks that --pictures replaces a symbolic link at a picture's name
// by the picture and leaves the file the link pointed to (outside DIR) as it was.
func TestRenderPicturesLink(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside.txt")
	require.NoError(t, os.WriteFile(outside, []byte("precious"), 0o600))
	img := filepath.Join(dir, "img")
	require.NoError(t, os.Mkdir(img, 0o755))
	name := filepath.Join(img, "2016-07-26-harvest-and-forecast-outage.svg")
	require.NoError(t, os.Symlink(outside, name))

	_, stderr, code := runArgs("", "render", "--pictures", img, "../../examples/harvest-2016-07-26.yaml")
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile(outside)
	require.NoError(t, err)
	assert.Equal(t, "precious", string(data), "the link's target is untouched")
	st, err := os.Lstat(name)
	require.NoError(t, err)
	assert.True(t, st.Mode().IsRegular(), "the link is replaced by the picture: %v", st.Mode())
	svg, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(svg), "<svg "), "%.40q", svg)

	// A folder or a FIFO at the name is refused.
	require.NoError(t, os.Remove(name))
	require.NoError(t, os.Mkdir(name, 0o755))
	_, stderr, code = runArgs("", "render", "--pictures", img, "../../examples/harvest-2016-07-26.yaml")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "--pictures "+name+": is a directory")
	require.NoError(t, os.Remove(name))
	require.NoError(t, syscall.Mkfifo(name, 0o644))
	_, stderr, code = runArgs("", "render", "--pictures", img, "../../examples/harvest-2016-07-26.yaml")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "--pictures "+name+": not a regular file")
}

// TestE2ERenderTemplateStreams runs a template whose output has no end: on standard output
// it arrives while the template runs (nothing is held in memory), and with -o, SIGTERM
// removes the temporary file and leaves the previous OUT as it was.
func TestE2ERenderTemplateStreams(t *testing.T) {
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "endless.tmpl")
	require.NoError(t, os.WriteFile(tmpl, []byte("{{range 1000000000000}}line {{.}}\n{{end}}"), 0o644))
	example := examples(t)[0]

	cmd := exec.Command(built(t), "render", "--template", tmpl, example)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	buf := make([]byte, 4096)
	n, err := stdout.Read(buf)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(buf[:n]), "line 0\n"), "%q", buf[:n])
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	_ = cmd.Wait()

	out := filepath.Join(dir, "out.md")
	require.NoError(t, os.WriteFile(out, []byte("previous"), 0o644))
	cmd = exec.Command(built(t), "render", "--template", tmpl, "-o", out, example)
	require.NoError(t, cmd.Start())
	var tmp []string
	for deadline := time.Now().Add(30 * time.Second); len(tmp) == 0 && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
		tmp, _ = filepath.Glob(filepath.Join(dir, ".out.md.tmp*"))
	}
	require.NotEmpty(t, tmp, "no temporary file appeared")
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	err = cmd.Wait()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit)
	assert.Equal(t, 143, exit.ExitCode())
	left, _ := filepath.Glob(filepath.Join(dir, ".out.md.tmp*"))
	assert.Empty(t, left, "temporary file left behind")
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "previous", string(data))
}
