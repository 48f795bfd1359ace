package incident

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-postmortem/postmortem/timeline"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzParse checks that Parse never panics, and that whatever it reads without error also
// validates, marshals, and parses again to an equal incident.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"../examples", "testdata"} {
		fsys := os.DirFS(dir)
		names, _ := fs.Glob(fsys, "*.yaml")
		for _, name := range names {
			data, err := fs.ReadFile(fsys, name)
			require.NoError(f, err)
			f.Add(data)
		}
	}
	seeds, _ := filepath.Glob("testdata/fuzz-seeds/*")
	for _, name := range seeds {
		data, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(data)
	}
	for _, s := range []string{
		"title: x\n",
		"title: x\ndate: 2016-07-26\ntimeline:\n  - {at: '10:00', state: major}\n  - {at: '10:30~', state: ok}\n",
		"title: x\nkind: maintenance\nscheduled: 9am-noon EDT\ndate: 2013-04-28\n",
		"title: x\noutages: [{start: '2020-01-01 10:00', end: '11:00', level: partial}]\n",
		"a: &a [x, *a]\n",
		"[[[[[[",
		"{title: x, links: [http://x]}",
		"title: x\n---\ntitle: y\n",
		"title: x\ndate: 2020-01-01\nservices: [A]\ntimeline: [{at: '10:00', services: [], state: major}]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		incs, err := Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		for _, inc := range incs {
			Validate(inc)
			inc.Metrics(timeline.Policy{})
			out, err := Marshal(inc)
			require.NoError(t, err, "Marshal of a parsed incident")
			again, err := Parse("fuzz.yaml", out)
			require.NoError(t, err, "Parse of Marshal output:\n%s", out)
			require.Len(t, again, 1)
			assert.Equal(t, forCompare([]*Incident{inc}), forCompare(again), "Marshal output:\n%s", out)
		}
	})
}
