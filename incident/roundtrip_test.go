package incident

import (
	"io/fs"
	"os"
	"testing"

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

func TestMarshalRoundTripExamples(t *testing.T) {
	fsys := os.DirFS("../examples")
	names, err := fs.Glob(fsys, "*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			incs, err := Load(fsys, name)
			require.NoError(t, err)
			again := roundTrip(t, name, incs)
			assert.Equal(t, forCompare(incs), forCompare(again))
		})
	}
}
