package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain title – déjà vu, 東京", "plain title – déjà vu, 東京"},
		{"T\x1b[2J\x1b]0;pwned\a", `T\x1b[2J\x1b]0;pwned\x07`},
		{"tab\tnew\nline\r", `tab\x09new\x0aline\x0d`},
		{"del\x7f c1\u0085\u009b", `del\x7f c1\u0085\u009b`},
		{"\u202eevil\u202a\u2066\u2069", `\u202eevil\u202a\u2066\u2069`},
		{"kept \u200d\u2065\u206a\u202f", "kept \u200d\u2065\u206a\u202f"}, // just outside the ranges
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, printable(tt.in), "%q", tt.in)
	}
}

// TestTerminalEscapes checks that what downtime and validate print for a terminal holds no
// control or bidi character from a file, while JSON keeps the text as written.
func TestTerminalEscapes(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "ansi.yaml")
	require.NoError(t, os.WriteFile(file, []byte(`title: "T\e[2J\e]0;pwned\a\u202eevil"
date: 2020-01-01
services: ["S\e[31mred", "B"]
timeline:
  - {at: "10:00Z", state: major, services: ["S\e[31mred"], text: down}
  - {at: "10:30Z", state: ok, services: ["S\e[31mred"], text: up}
`), 0o644))
	clean := func(t *testing.T, out string) {
		t.Helper()
		assert.False(t, strings.ContainsFunc(out, func(r rune) bool { return r != '\n' && unprintable(r) }), "%q", out)
	}

	stdout, stderr, code := runArgs("", "downtime", file)
	require.Equal(t, 0, code, stderr)
	clean(t, stdout)
	assert.Contains(t, stdout, `T\x1b[2J\x1b]0;pwned\x07\u202eevil`)
	assert.Contains(t, stdout, `S\x1b[31mred`)

	_, stderr, code = runArgs("", "downtime", "--service", "nope", file)
	assert.Equal(t, 1, code)
	clean(t, stderr)
	assert.Contains(t, stderr, `the services are: B, S\x1b[31mred`)

	_, stderr, code = runArgs("", "validate", filepath.Join(dir, "x\x1b[31m\u202e.yaml"))
	assert.Equal(t, 1, code)
	clean(t, stderr)
	assert.Contains(t, stderr, `x\x1b[31m\u202e.yaml: error: no such file`)

	stdout, stderr, code = runArgs("", "downtime", "--format", "json", file)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `"title": "T\u001b[2J\u001b]0;pwned\u0007`+"\u202e"+`evil"`, "JSON escapes by its own rules")
}
