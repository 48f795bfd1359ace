package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRenderJSON: render --format json prints one document that carries the events, the
// windows and the figures, and the source of an imported draft.
func TestRenderJSON(t *testing.T) {
	stdout, stderr, code := runArgs("", "render", "--format", "json", "../../examples/harvest-2016-07-26.yaml", "../../examples/harness-2021.yaml")
	require.Equal(t, 0, code, stderr)
	var doc struct {
		Incidents []struct {
			Title    string `json:"title"`
			Timeline []struct {
				At string `json:"at"`
			} `json:"timeline"`
			Figures struct {
				DowntimeSeconds float64 `json:"downtime_seconds"`
			} `json:"figures"`
			Source any `json:"source"`
		} `json:"incidents"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
	require.Len(t, doc.Incidents, 3)
	assert.Equal(t, "Harvest and Forecast outage", doc.Incidents[0].Title)
	assert.Equal(t, "2016-07-26T14:36:00Z", doc.Incidents[0].Timeline[0].At)
	assert.Equal(t, 6120.0, doc.Incidents[0].Figures.DowntimeSeconds)
	assert.Nil(t, doc.Incidents[0].Source)

	// A Slack draft keeps its source through render --format json.
	draft, stderr, code := runArgs("", "import", "slack", "--channel", "incident-db", slackExport)
	require.Equal(t, 0, code, stderr)
	stdout, stderr, code = runArgs(draft, "render", "--format", "json", "-")
	require.Equal(t, 0, code, stderr)
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
	assert.Equal(t, map[string]any{"system": "slack", "id": "C0001", "page": "export", "url": ""}, doc.Incidents[0].Source)
	assert.Equal(t, "2024-03-10T07:50:00Z", doc.Incidents[0].Timeline[0].At)

	_, stderr, code = runArgs("", "render", "--format", "json", "--template", "x.tmpl", "x.yaml")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "--template works with --format markdown or html")
}
