package incident

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// forCompare returns copies of incs without what Parse remembers about positions, which
// differ between a file and its marshalled form; everything a user wrote stays.
func forCompare(incs []*Incident) []*Incident {
	out := make([]*Incident, len(incs))
	for i, inc := range incs {
		c := *inc
		c.src = nil
		c.Timeline = append([]Event(nil), inc.Timeline...)
		for j := range c.Timeline {
			c.Timeline[j].pos = pos{}
			c.Timeline[j].At.src = pos{}
		}
		c.Outages = append([]Outage(nil), inc.Outages...)
		for j := range c.Outages {
			c.Outages[j].pos = pos{}
			c.Outages[j].Start.src = pos{}
			c.Outages[j].End.src = pos{}
		}
		if inc.Scheduled != nil {
			w := *inc.Scheduled
			w.Start.src, w.End.src = pos{}, pos{}
			c.Scheduled = &w
		}
		if inc.Source != nil {
			src := *inc.Source
			src.pos = pos{}
			c.Source = &src
		}
		c.ActionItems = append([]ActionItem(nil), inc.ActionItems...)
		for j := range c.ActionItems {
			c.ActionItems[j].pos, c.ActionItems[j].duePos = pos{}, pos{}
		}
		out[i] = &c
	}
	return out
}

// roundTrip marshals each incident and parses it again.
func roundTrip(t testing.TB, name string, incs []*Incident) []*Incident {
	var again []*Incident
	for _, inc := range incs {
		data, err := Marshal(inc)
		require.NoError(t, err)
		got, err := Parse(name, data)
		require.NoError(t, err, "Marshal output:\n%s", data)
		require.Len(t, got, 1)
		again = append(again, got...)
	}
	return again
}

func TestMarshalRoundTrip(t *testing.T) {
	for _, dir := range []string{"../examples", "testdata"} {
		fsys := os.DirFS(dir)
		names, err := fs.Glob(fsys, "*.yaml")
		require.NoError(t, err)
		require.NotEmpty(t, names)
		for _, name := range names {
			t.Run(dir+"/"+name, func(t *testing.T) {
				incs, err := Load(fsys, name)
				require.NoError(t, err)
				again := roundTrip(t, name, incs)
				assert.Equal(t, forCompare(incs), forCompare(again))
				for i := range incs {
					e1, w1 := Validate(incs[i])
					e2, w2 := Validate(again[i])
					assert.Equal(t, len(e1), len(e2), "Validate errors before and after Marshal")
					assert.Equal(t, len(w1), len(w2), "Validate warnings before and after Marshal")
				}
			})
		}
	}
}

func TestMarshalBuilt(t *testing.T) {
	// An incident built in code, without texts: times are written in RFC 3339.
	incs, err := Parse("f.yaml", []byte("title: x\ndate: 2020-01-01\ntimezone: Europe/Paris\ntimeline:\n  - {at: '10:00~', state: major}\n"))
	require.NoError(t, err)
	inc := incs[0]
	inc.Timeline[0].At.Written = ""
	out, err := Marshal(inc)
	require.NoError(t, err)
	assert.Contains(t, string(out), `at: "2020-01-01T10:00:00+01:00~"`)
	again, err := Parse("f.yaml", out)
	require.NoError(t, err)
	assert.WithinDuration(t, inc.Timeline[0].At.Instant, again[0].Timeline[0].At.Instant, 0)
	assert.True(t, again[0].Timeline[0].At.Approx)

	inc.Kind = Kind(42)
	_, err = Marshal(inc)
	assert.ErrorIs(t, err, ErrInvalid)
}

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestMarshalGolden compares the marshalled form of the files of testdata with
// testdata/golden/*.yaml; go test -update rewrites them for review in the diff.
func TestMarshalGolden(t *testing.T) {
	names, err := filepath.Glob("testdata/*.yaml")
	require.NoError(t, err)
	for _, name := range names {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			require.NoError(t, err)
			incs, err := Parse(filepath.Base(name), data)
			require.NoError(t, err)
			var got []byte
			for i, inc := range incs {
				out, err := Marshal(inc)
				require.NoError(t, err)
				if i > 0 {
					got = append(got, "---\n"...)
				}
				got = append(got, out...)
			}
			golden := filepath.Join("testdata", "golden", filepath.Base(name))
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
				require.NoError(t, os.WriteFile(golden, got, 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -update to create %s", golden)
			assert.Equal(t, string(want), string(got), "Marshal(%s) differs from %s", name, golden)

			// The marshalled stream reads back to the same incidents.
			again, err := Parse(filepath.Base(name), got)
			require.NoError(t, err)
			assert.Equal(t, forCompare(incs), forCompare(again))
		})
	}
}

func TestMarshalAwkwardText(t *testing.T) {
	for _, text := range []string{
		"\nleading blank line\n",
		"  leading spaces\nsecond\n",
		"trailing spaces   \nsecond",
		"carriage\r\nreturn\n",
		"tab\tand\nnewline",
		"no final newline\nhere",
		"keep\n\n\n",
		"yes", "10:36", "null", "~", "- dash", "# hash", "key: value", "'quoted'", `"double"`, "@at", "%percent",
	} {
		t.Run(text, func(t *testing.T) {
			inc := &Incident{Title: text, Summary: text, Kind: KindIncident, Version: 1, Location: time.UTC,
				RootCauses: []Cause{{Text: text}}, Lessons: Lessons{Lucky: []string{text}}}
			inc.Slug = DeriveSlug(inc.Title, inc.Date)
			inc.ID = DeriveID(inc.Slug)
			out, err := Marshal(inc)
			require.NoError(t, err)
			again, err := Parse("f.yaml", out)
			require.NoError(t, err, "Marshal output:\n%s", out)
			got := again[0]
			assert.Equal(t, text, got.Summary, "Marshal output:\n%s", out)
			assert.Equal(t, []Cause{{Text: text}}, got.RootCauses)
			assert.Equal(t, []string{text}, got.Lessons.Lucky)
		})
	}
}
