package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestInputMessages checks what validate says of a file too large and of a file saved as
// UTF-16: the limit it names is the one that holds, and UTF-16 is named with what to do.
func TestInputMessages(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(50<<20)) // sparse: 50 MB without writing them
	require.NoError(t, f.Close())
	_, errOut, code := pm(t, "", "validate", big)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "larger than the limit of 8 MiB")
	assert.NotContains(t, errOut, "16 MiB")

	utf16 := filepath.Join(dir, "utf16.yaml")
	require.NoError(t, os.WriteFile(utf16, []byte{0xFF, 0xFE, 't', 0, 'i', 0, 't', 0, 'l', 0, 'e', 0, ':', 0, ' ', 0, 'x', 0, '\n', 0}, 0o644))
	_, errOut, code = pm(t, "", "validate", utf16)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "utf16.yaml:1:1: error: file is UTF-16")
	assert.Contains(t, errOut, "save it as UTF-8")
	assert.NotContains(t, errOut, "NUL")
}
