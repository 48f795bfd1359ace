package render

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAllServices: a state window that names every service of an incident of four or more
// is written "all N services" in both documents; fewer services, or a window of some of
// them, are listed. The view keeps the list for templates that want it.
func TestAllServices(t *testing.T) {
	for _, tt := range []struct {
		services int
		all      bool
	}{{2, false}, {3, false}, {4, true}, {50, true}} {
		inc := servicesByEvents(tt.services, 3)
		v, err := (&Printer{}).builder(false).view(inc, 1, "")
		require.NoError(t, err)
		require.Len(t, v.Outages, 1)
		assert.Equal(t, tt.all, v.Outages[0].All, "%d services", tt.services)
		assert.Equal(t, inc.Services, v.Outages[0].Services)

		var md, page bytes.Buffer
		p := Printer{NoPictures: true}
		require.NoError(t, p.Markdown(&md, inc))
		require.NoError(t, p.HTML(&page, inc))
		last := inc.Services[len(inc.Services)-1]
		if tt.all {
			assert.Contains(t, md.String(), "| major outage | all "+strconv.Itoa(tt.services)+" services |")
			assert.Contains(t, page.String(), "<td>all "+strconv.Itoa(tt.services)+" services</td>")
			assert.NotContains(t, md.String(), ", "+last+" |", "the window lists no service")
		} else {
			assert.Contains(t, md.String(), "| major outage | "+strings.Join(inc.Services, ", ")+" |")
			assert.Contains(t, page.String(), "<td>"+strings.Join(inc.Services, ", ")+"</td>")
		}
	}

	// Two of four services down: listed.
	inc := servicesByEvents(4, 3)
	inc.Timeline[0].Services = []string{"s1", "s3"}
	var md bytes.Buffer
	require.NoError(t, (&Printer{NoPictures: true}).Markdown(&md, inc))
	assert.Contains(t, md.String(), "| major outage | s1, s3 |")
}

// TestServicesByWindowsLinear: the Markdown and HTML documents (pictures aside) of s
// services going down and up e times together cost work in s + e, not s × e: four times the
// services allocate less than twice as much (listing every service in every window made it
// 3.4 times: 22 MB, then 75 MB).
func TestServicesByWindowsLinear(t *testing.T) {
	cost := func(s, e int) uint64 {
		inc := servicesByEvents(s, e)
		p := Printer{NoPictures: true}
		return allocated(func() {
			require.NoError(t, p.Markdown(io.Discard, inc))
			require.NoError(t, p.HTML(io.Discard, inc))
		})
	}
	few, many := cost(200, 800), cost(800, 800)
	assert.Less(t, float64(many), 2*float64(few), "allocated %d bytes for 200 services, %d for 800", few, many)
}
