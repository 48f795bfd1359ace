package tz

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostZones returns the names of the zones in the host's zoneinfo directory;
// it skips the test when there is none.
func hostZones(t *testing.T) []string {
	const dir = "/usr/share/zoneinfo"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no zoneinfo on this host:", err)
	}
	var names []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			if rel == "posix" || rel == "right" || rel == "Etc" {
				return filepath.SkipDir
			}
			return nil
		}
		if rel[0] < 'A' || rel[0] > 'Z' || strings.ContainsAny(rel, ".") || !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		names = append(names, rel)
		return nil
	})
	require.NoError(t, err)
	if len(names) == 0 {
		t.Skip("no zones in", dir)
	}
	return names
}

// observesDST reports whether loc's offset differs between January and July of year.
func observesDST(loc *time.Location, year int) bool {
	_, jan := time.Date(year, time.January, 15, 12, 0, 0, 0, time.UTC).In(loc).Zone()
	_, jul := time.Date(year, time.July, 15, 12, 0, 0, 0, time.UTC).In(loc).Zone()
	return jan != jul
}

// TestParseContextZoneUsesAbbrev checks, for every zone of the host's tz
// database that keeps no DST and shows an abbreviation of a DST pair (Phoenix's
// MST, Regina's CST, Brisbane's AEST, Cancún's EST), that a time written with
// that abbreviation in that zone's Context is that zone's, without a warning,
// rather than the DST region's wall clock an hour off.
func TestParseContextZoneUsesAbbrev(t *testing.T) {
	const year = 2024
	checked := 0
	for _, name := range hostZones(t) {
		loc, err := Load(name)
		if err != nil || observesDST(loc, year) {
			continue
		}
		for _, m := range []time.Month{time.January, time.July} {
			abbr, off := time.Date(year, m, 15, 12, 0, 0, 0, time.UTC).In(loc).Zone()
			pair := false
			for _, c := range Candidates(abbr) {
				if l, err := c.Location(); err == nil && observesDST(l, year) {
					pair = true
				}
			}
			if !pair {
				continue
			}
			checked++
			in := time.Date(year, m, 15, 10, 0, 0, 0, time.UTC).Format("2006-01-02 15:04 ") + abbr
			want := time.Date(year, m, 15, 10, 0, 0, 0, loc)
			e, err := Parse(in, Context{Location: loc})
			if !assert.NoError(t, err, "Parse(%q) in %s", in, name) {
				continue
			}
			assert.True(t, e.Start.Equal(want), "Parse(%q) in %s = %s, want %s (%s, offset %d)",
				in, name, e.Start.Format(time.RFC3339), want.UTC().Format(time.RFC3339), abbr, off)
			assert.Empty(t, e.Warnings, "Parse(%q) in %s", in, name)
			if abbr != "GMT" && abbr != "UTC" { // those are read as UTC itself
				assert.Equal(t, loc, e.Location, "Parse(%q) in %s shows in the Context's zone", in, name)
			}
		}
	}
	t.Logf("%d zone-months checked", checked)
	assert.Positive(t, checked, "some zones of the host use a DST pair's abbreviation without DST")
}
