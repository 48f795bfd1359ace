package main

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExpandArgsRegularOnly checks that a folder argument yields regular files and links to
// them only: a FIFO (opening it waits for a writer) or a link to one is skipped, and a file
// that turns into a FIFO after the walk is refused when it is opened, without waiting.
func TestExpandArgsRegularOnly(t *testing.T) {
	dir := t.TempDir()
	example, err := os.ReadFile("../../examples/harvest-2016-07-26.yaml")
	require.NoError(t, err)
	good := filepath.Join(dir, "a.yaml")
	require.NoError(t, os.WriteFile(good, example, 0o644))
	require.NoError(t, os.Symlink("a.yaml", filepath.Join(dir, "b.yaml")))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o644))
	require.NoError(t, os.Symlink("fifo.yaml", filepath.Join(dir, "to-fifo.yaml")))

	d := newDiagnostics(nil)
	found := expandArgs([]string{dir}, d)
	assert.Equal(t, []input{{name: good, found: true}, {name: filepath.Join(dir, "b.yaml"), found: true}}, found)
	assert.Zero(t, d.errors)

	_, stderr, code := runArgs("", "validate", "--quiet", dir)
	assert.Equal(t, 0, code, stderr)

	// A FIFO in place of a file that was regular when it was found.
	st, err := os.Stat(good)
	require.NoError(t, err)
	require.NoError(t, os.Remove(good))
	require.NoError(t, syscall.Mkfifo(good, 0o644))
	_, err = openInput(good, st)
	assert.ErrorContains(t, err, "not a regular file")
	// The same, read as a folder's file: refused, not waited on.
	_, _, err = readFound(good)
	assert.ErrorContains(t, err, "not a regular file")
	p := parseFile(&env{}, &incident.Config{}, found[0])
	require.Len(t, p.problems, 1)
	assert.Contains(t, p.problems[0].Error(), "not a regular file")
	// And gone: worded as readInput words it.
	require.NoError(t, os.Remove(good))
	_, _, err = readFound(good)
	assert.EqualError(t, err, good+": no such file")
}

// TestReadInputSized reads a regular file, an empty one, a FIFO with its writer and a file past
// the limit, through readSized's buffer of the file's size.
func TestReadInputSized(t *testing.T) {
	dir := t.TempDir()
	example, err := os.ReadFile("../../examples/harvest-2016-07-26.yaml")
	require.NoError(t, err)
	name := filepath.Join(dir, "a.yaml")
	require.NoError(t, os.WriteFile(name, example, 0o644))
	_, data, err := readInput(&env{}, name)
	require.NoError(t, err)
	assert.Equal(t, example, data)
	assert.Equal(t, len(example)+1, cap(data), "one buffer, of the file's size and a byte")

	empty := filepath.Join(dir, "empty.yaml")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	_, data, err = readInput(&env{}, empty)
	require.NoError(t, err)
	assert.Empty(t, data)

	fifo := filepath.Join(dir, "fifo.yaml")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.Write(example)
		f.Close()
	}()
	_, data, err = readInput(&env{}, fifo)
	require.NoError(t, err)
	assert.Equal(t, example, data)

	big := filepath.Join(dir, "big.yaml")
	require.NoError(t, os.WriteFile(big, bytes.Repeat([]byte("# x\n"), maxFileSize/4+1), 0o644))
	_, _, err = readInput(&env{}, big)
	assert.ErrorContains(t, err, "larger than the limit")
}
