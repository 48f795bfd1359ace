package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSpanPastDuration: an incident longer than the 292 years a duration measures is one
// error, at its line, in validate, render and downtime; incidents that fit each alone but
// whose total does not are refused by downtime rather than totalled at 292 years.
func TestSpanPastDuration(t *testing.T) {
	dir := t.TempDir()
	file := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		return p
	}
	long := file("long.yaml", "title: long\ndate: 2016-01-01\ntimeline:\n  - {at: '2016-01-01T00:00Z', state: major}\n  - {at: '9999-12-31T23:59:59Z', state: ok}\n")
	for _, args := range [][]string{{"validate"}, {"render"}, {"render", "--format", "json"}, {"downtime"}, {"downtime", "--format", "json"}} {
		stdout, stderr, code := runArgs("", append(args, long)...)
		assert.Equal(t, 1, code, "%v", args)
		assert.Empty(t, stdout, "%v", args)
		assert.Equal(t, long+":5:10: error: timeline[1].at: with this time the incident runs from 2016-01-01 to 9999-12-31, "+
			"longer than the 292 years a duration measures; check the year [span-too-long]\n", stderr, "%v", args)
	}

	a := file("a.yaml", "title: a\ndate: 1700-01-01\ntimeline:\n  - {at: '1700-01-01T00:00Z', state: major}\n  - {at: '1900-01-01T00:00Z', state: ok}\n")
	b := file("b.yaml", "title: b\ndate: 2000-01-01\ntimeline:\n  - {at: '2000-01-01T00:00Z', state: major}\n  - {at: '2200-01-01T00:00Z', state: ok}\n")
	_, _, code := runArgs("", "downtime", a)
	assert.Equal(t, 0, code, "200 years fit")
	stdout, stderr, code := runArgs("", "downtime", "--format", "json", a, b)
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "the total of these incidents is longer than the 292 years a duration measures")
}
