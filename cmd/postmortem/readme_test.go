package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"strings"
	"testing"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/render"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The library snippets of README.md, kept here so that they compile and give the figures
// the README shows. Keep both in step.

func Example_library() {
	// Load the incidents of a file (a YAML stream may hold several).
	incs, err := incident.Load(os.DirFS("../../examples"), "harvest-2016-07-26.yaml")
	if err != nil {
		log.Fatal(err) // an incident.ErrorList: file:line:col: path: message
	}
	inc := incs[0]

	// Downtime with Statuspage's weights (a partial outage counts 30%).
	m := inc.Metrics(timeline.Policy{})
	fmt.Println(m.Totals.Downtime, m.Span)

	// Availability of each month the incident touches, in New York.
	ny, err := tz.Resolve("America/New_York")
	if err != nil {
		log.Fatal(err)
	}
	var cfg timeline.Policy
	for _, p := range timeline.Periods(timeline.Month, ny, m.Start, m.End) {
		a := cfg.Availability(m.Windows, p)
		fmt.Printf("%s %.4f%%\n", p.Start.In(ny).Format("2006-01"), 100*a.Ratio)
	}
	// Output:
	// 1h42m0s 1h48m0s
	// 2016-07 99.7715%
}

func TestReadmeRenderAndConvert(t *testing.T) {
	incs, err := incident.Load(os.DirFS("../../examples"), "harvest-2016-07-26.yaml")
	require.NoError(t, err)
	inc := incs[0]
	var w bytes.Buffer

	// Render the postmortem as a standalone HTML page.
	var p render.Printer
	if err := p.HTML(&w, inc); err != nil {
		log.Fatal(err)
	}
	assert.Contains(t, w.String(), "Harvest and Forecast outage")

	// "What time is that for you?" for a maintenance announcement.
	x, err := tz.Parse("2013-09-24 22:00 EDT", tz.Context{})
	if err != nil {
		log.Fatal(err)
	}
	places, err := tz.DefaultPlaces()
	if err != nil {
		log.Fatal(err)
	}
	var lines []string
	for _, r := range tz.Convert(x.Start, x.End, x.Location, places) {
		lines = append(lines, fmt.Sprintf("%-12s %s", r.City, r.Start.Format("Mon 15:04 MST")))
	}
	assert.Contains(t, strings.Join(lines, "\n"), "Wed 11:00 JST")
}

// TestReadmeCommandOutput runs the command shown in README.md and compares its output
// with the one printed there.
func TestReadmeCommandOutput(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	const prompt = "$ postmortem "
	start := strings.Index(string(readme), prompt)
	require.GreaterOrEqual(t, start, 0, "README.md shows no command")
	block := string(readme[start:])
	block = block[:strings.Index(block, "```")]
	command, want, _ := strings.Cut(block, "\n")
	args := strings.Fields(strings.TrimPrefix(command, prompt))

	t.Chdir("../..")
	out, errOut, code := runArgs("", args...)
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, want, out, "README.md shows %q with another output", command)
}
