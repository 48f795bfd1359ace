package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// archived is an archived post that keeps the author's "03:18 AM EST" in April.
const archived = `title: Archived
date: 2019-04-02
timezone: America/New_York
timeline:
  - at: "03:18 AM EST"
    text: x
`

// TestValidateIgnore checks the acknowledgment of a warning by its code in every format
// of validate, with and without --strict.
func TestValidateIgnore(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	plain := write("plain.yaml", archived)
	onIncident := write("incident.yaml", archived+"ignore: [abbrev-dst-mismatch]\n")
	onEvent := write("event.yaml", strings.Replace(archived, "    text: x\n", "    text: x\n    ignore: [abbrev-dst-mismatch]\n", 1))
	anError := write("error.yaml", archived+"ignore: [forms-disagree]\n")
	typo := write("typo.yaml", archived+"ignore: [abbrev-dst-missmatch]\n")

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // regexp; "" for none
		stderr string // regexp; "" for none
	}{
		{"warning", []string{plain}, 0, "", `plain\.yaml:5:19: warning: timeline\[0\]\.at: .*\[abbrev-dst-mismatch\]\n$`},
		{"strict", []string{"--strict", plain}, 1, "", `plain\.yaml:5:19: error: timeline\[0\]\.at: .*\[abbrev-dst-mismatch\]\n$`},
		{"json", []string{"--format", "json", plain}, 0, `"code": "abbrev-dst-mismatch",\n\s*"message": ".*\[abbrev-dst-mismatch\]"`, ""},
		{"github", []string{"--format", "github", "--strict", plain}, 1, `^::error file=[^:]*plain\.yaml,line=5,col=19,title=timeline\[0\]\.at::.*\[abbrev-dst-mismatch\]\n$`, ""},
		{"on the incident", []string{onIncident}, 0, "", ""},
		{"on the incident, strict", []string{"--strict", onIncident}, 0, "", ""},
		{"on the incident, json", []string{"--format", "json", "--strict", onIncident}, 0, `^\[\]\n$`, ""},
		{"on the incident, github", []string{"--format", "github", "--strict", onIncident}, 0, "", ""},
		{"on the event, strict", []string{"--strict", onEvent}, 0, "", ""},
		{"on the event, json", []string{"--format", "json", onEvent}, 0, `^\[\]\n$`, ""},
		{"an error's code", []string{anError}, 1, "", `error\.yaml:7:10: error: ignore\[0\]: .*cannot be ignored.*\[not-ignorable\]\n.*warning: .*\[abbrev-dst-mismatch\]\n$`},
		{"a typo", []string{"--format", "json", typo}, 1, `"code": "unknown-code",\n\s*"message": ".*did you mean \\"abbrev-dst-mismatch\\"\?\) \[unknown-code\]"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runArgs("", append([]string{"validate"}, tt.args...)...)
			assert.Equal(t, tt.code, code, "stdout %s\nstderr %s", out, errOut)
			if tt.stdout == "" {
				assert.Empty(t, out)
			} else {
				assert.Regexp(t, tt.stdout, out)
			}
			if tt.stderr == "" {
				assert.Empty(t, errOut)
			} else {
				assert.Regexp(t, tt.stderr, errOut)
			}
		})
	}
}

// TestValidateJSONCode checks that every problem of --format json has its code.
func TestValidateJSONCode(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f.yaml")
	require.NoError(t, os.WriteFile(p, []byte("title: a\ndate: 2020-01-01\ntitel: b\naction_items:\n  - text: x\n"), 0o644))
	out, _, code := runArgs("", "validate", "--format", "json", p)
	assert.Equal(t, 1, code)
	var got []struct{ Code, Severity string }
	require.NoError(t, json.Unmarshal([]byte(out), &got), out)
	assert.Equal(t, []struct{ Code, Severity string }{{"unknown-key", "error"}, {"no-owner", "warning"}}, got)
}
