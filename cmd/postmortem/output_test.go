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
