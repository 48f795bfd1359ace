package main

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// TestPreCommitHooks checks that every hook of .pre-commit-hooks.yaml runs a real command
// line: its entry, given the examples, validates them the way the hook promises.
func TestPreCommitHooks(t *testing.T) {
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	require.NoError(t, err)
	var hooks []struct {
		ID       string   `yaml:"id"`
		Name     string   `yaml:"name"`
		Entry    string   `yaml:"entry"`
		Language string   `yaml:"language"`
		TypesOr  []string `yaml:"types_or"`
	}
	require.NoError(t, yaml.Unmarshal(data, &hooks))
	require.NotEmpty(t, hooks)
	for _, h := range hooks {
		t.Run(h.ID, func(t *testing.T) {
			assert.Equal(t, "golang", h.Language, "pre-commit builds the command with go install")
			assert.NotEmpty(t, h.Name)
			args := strings.Fields(h.Entry)
			require.Greater(t, len(args), 1)
			require.Equal(t, "postmortem", args[0])
			// pre-commit appends the staged files to the entry.
			_, errOut, code := runArgs("", append(args[1:], "../../examples/harvest-2016-07-26.yaml")...)
			assert.Equal(t, 0, code, "%s on a clean example: %s", h.Entry, errOut)
			bad := t.TempDir() + "/bad.yaml"
			require.NoError(t, os.WriteFile(bad, []byte("title: x\ntimeline:\n  - at: \"25:00\"\n    text: y\n"), 0o644))
			_, errOut, code = runArgs("", append(args[1:], bad)...)
			assert.Equal(t, 1, code, "%s on an invalid file must fail the commit: %s", h.Entry, errOut)
		})
	}
}
