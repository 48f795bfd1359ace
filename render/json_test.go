package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/schema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGoldenJSON writes every example, and the incidents built in Go, as JSON.
func TestGoldenJSON(t *testing.T) {
	for _, name := range examples(t) {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, JSON(&buf, loadExample(t, name)...))
			golden(t, strings.TrimSuffix(name, ".yaml")+".json", buf.Bytes())
			checkJSON(t, buf.Bytes())
		})
	}
	for name, incs := range map[string][]*incident.Incident{
		"go-undated": {undatedGo(t)},
		"go-several": {harvestGo(t), undatedGo(t)},
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, JSON(&buf, incs...))
			golden(t, name+".json", buf.Bytes())
			checkJSON(t, buf.Bytes())
		})
	}
}

// checkJSON checks what jq users rely on: one document, every instant RFC 3339 in UTC.
func checkJSON(t *testing.T, b []byte) {
	t.Helper()
	var doc any
	dec := json.NewDecoder(bytes.NewReader(b))
	require.NoError(t, dec.Decode(&doc))
	assert.False(t, dec.More(), "one document")
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(path+"."+k, x)
			}
		case []any:
			for _, x := range v {
				walk(path+"[]", x)
			}
		case string:
			last := path[strings.LastIndexByte(path, '.')+1:]
			if last == "at" || last == "start" || last == "end" || last == "span_start" || last == "span_end" {
				tm, err := time.Parse(time.RFC3339Nano, v)
				require.NoError(t, err, "%s = %q", path, v)
				assert.True(t, strings.HasSuffix(v, "Z"), "%s = %q is not UTC", path, v)
				_ = tm
			}
		}
	}
	walk("", doc)
}

// fullIncident sets every field of the file format.
const fullIncident = `postmortem: 1
id: 8d9c1a52-2f0e-4c55-9d0c-6a0c2a3f4b11
title: Every field
slug: every-field
kind: incident
date: 2024-03-10
timezone: America/New_York
services: [API, Web]
severity: SEV-2
status: resolved
authors: [Ada]
published: 2024-03-11
summary: The summary.
impact: The impact.
timeline:
  - at: "10:00"
    kind: started
    state: partial_outage
    services: [API]
    text: API errors.
  - at: "10:05"
    kind: detected
    text: Paged.
  - at: "10:20~"
    kind: mitigated
    state: operational
    services: [API]
    text: Rolled back.
    ignore: [unknown-service]
  - at: "10:30"
    kind: resolved
    text: Closed.
outages:
  - start: 2024-03-10 10:10
    end: 2024-03-10 10:15
    level: major_outage
    services: [Web]
    ignore: [outage-counts-nothing]
scheduled:
  start: 2024-03-10 09:00
  end: 2024-03-10 09:30
root_causes: [{text: A bad config., category: config}]
trigger: A push.
detection: Alerts.
resolution: Rollback.
contributing_factors: [No canary.]
lessons:
  went_well: [Fast page.]
  went_wrong: [No canary.]
  lucky: [Quiet hour.]
action_items:
  - text: Add a canary
    kind: prevent
    owner: ops
    priority: P2
    due: 2024-04-01
    status: open
    link: https://tracker.example/1
    ignore: [due-before-incident]
links: [{title: Status, url: "https://status.example/1"}]
source: {system: slack, id: C0001, page: acme, url: "https://acme.slack.com/archives/C0001"}
ignore: [undated]
`

// TestJSONEveryField checks that every field of the file format (as the JSON Schema lists
// them) appears in the JSON, with the value the file gives.
func TestJSONEveryField(t *testing.T) {
	incs, err := incident.Parse("full.yaml", []byte(fullIncident))
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, JSON(&buf, incs...))
	checkJSON(t, buf.Bytes())
	var doc struct {
		Incidents []map[string]any `json:"incidents"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	require.Len(t, doc.Incidents, 1)
	got := doc.Incidents[0]

	var sch struct {
		Properties map[string]any `json:"properties"`
	}
	require.NoError(t, json.Unmarshal(schema.JSON(), &sch))
	require.NotEmpty(t, sch.Properties)
	for key := range sch.Properties {
		v, ok := got[key]
		if assert.True(t, ok, "field %q of the file is missing", key) {
			assert.NotEmpty(t, v, "field %q is empty though the file sets it", key)
		}
	}
	for _, key := range []string{"windows", "services_figures", "figures", "file"} {
		assert.Contains(t, got, key)
	}

	want := map[string]any{
		"postmortem": 1.0, "title": "Every field", "slug": "every-field", "kind": "incident", "date": "2024-03-10",
		"timezone": "America/New_York", "severity": "SEV-2", "status": "resolved", "published": "2024-03-11",
		"summary": "The summary.", "impact": "The impact.", "trigger": "A push.", "detection": "Alerts.",
		"resolution": "Rollback.", "id": "8d9c1a52-2f0e-4c55-9d0c-6a0c2a3f4b11",
		"services": []any{"API", "Web"}, "authors": []any{"Ada"},
		"source":       map[string]any{"system": "slack", "id": "C0001", "page": "acme", "url": "https://acme.slack.com/archives/C0001"},
		"root_causes":  []any{map[string]any{"text": "A bad config.", "category": "config"}},
		"lessons":      map[string]any{"went_well": []any{"Fast page."}, "went_wrong": []any{"No canary."}, "lucky": []any{"Quiet hour."}},
		"links":        []any{map[string]any{"title": "Status", "url": "https://status.example/1"}},
		"action_items": []any{map[string]any{"text": "Add a canary", "kind": "prevent", "owner": "ops", "priority": "P2", "due": "2024-04-01", "status": "open", "link": "https://tracker.example/1", "ignore": []any{"due-before-incident"}}},
		"outages": []any{map[string]any{
			"start":    map[string]any{"at": "2024-03-10T14:10:00Z", "written": "2024-03-10 10:10", "zone": "America/New_York", "approx": false},
			"end":      map[string]any{"at": "2024-03-10T14:15:00Z", "written": "2024-03-10 10:15", "zone": "America/New_York", "approx": false},
			"level":    "major_outage",
			"services": []any{"Web"},
			"ignore":   []any{"outage-counts-nothing"}}},
		"scheduled": map[string]any{
			"start": map[string]any{"at": "2024-03-10T13:00:00Z", "written": "2024-03-10 09:00", "zone": "America/New_York", "approx": false},
			"end":   map[string]any{"at": "2024-03-10T13:30:00Z", "written": "2024-03-10 09:30", "zone": "America/New_York", "approx": false}},
	}
	for k, v := range want {
		assert.Equal(t, v, got[k], "field %q", k)
	}
	tl := got["timeline"].([]any)
	require.Len(t, tl, 4)
	assert.Equal(t, map[string]any{"at": "2024-03-10T14:20:00Z", "written": "10:20~", "zone": "America/New_York", "approx": true,
		"kind": "mitigated", "state": "operational", "services": []any{"API"}, "text": "Rolled back.", "ignore": []any{"unknown-service"}}, tl[2])
	assert.Equal(t, map[string]any{"at": "2024-03-10T14:05:00Z", "written": "10:05", "zone": "America/New_York", "approx": false,
		"kind": "detected", "state": nil, "services": nil, "text": "Paged.", "ignore": []any{}}, tl[1])

	// Windows per service: API partial 10:00-10:20, Web major 10:10-10:15 — the merged
	// windows name exactly the services at each level.
	var ws []string
	for _, w := range got["windows"].([]any) {
		w := w.(map[string]any)
		ws = append(ws, w["start"].(string)[11:16]+"-"+w["end"].(string)[11:16]+" "+w["level"].(string)+" "+strings.Join(strs(w["services"]), ","))
	}
	assert.Equal(t, []string{"14:00-14:10 partial_outage API", "14:10-14:15 major_outage Web", "14:15-14:20 partial_outage API"}, ws)
	figs := got["figures"].(map[string]any)
	assert.Equal(t, 300.0, figs["major_seconds"])
	assert.Equal(t, 900.0, figs["partial_seconds"])
	assert.Equal(t, 300.0, figs["time_to_detect_seconds"])
	assert.Equal(t, 1200.0, figs["time_to_mitigate_seconds"])
	assert.Equal(t, "2024-03-10T13:00:00Z", figs["start"], "the first instant recorded: the scheduled window")
	assert.Equal(t, "2024-03-10T14:30:00Z", figs["end"])
	svcs := got["services_figures"].([]any)
	require.Len(t, svcs, 2)
	api, web := svcs[0].(map[string]any), svcs[1].(map[string]any)
	assert.Equal(t, "API", api["name"])
	assert.Equal(t, 1200.0, api["partial_seconds"])
	assert.Equal(t, 0.0, api["major_seconds"])
	assert.Equal(t, "Web", web["name"])
	assert.Equal(t, 300.0, web["major_seconds"])
	assert.Equal(t, 300.0, web["downtime_seconds"])
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

// TestJSONUndated: instants are null, durations stay.
func TestJSONUndated(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, JSON(&buf, undatedGo(t)))
	var doc struct {
		Incidents []struct {
			Date     *string `json:"date"`
			Timeline []struct {
				At *string `json:"at"`
			} `json:"timeline"`
			Windows []struct {
				Start   *string `json:"start"`
				Seconds float64 `json:"seconds"`
			} `json:"windows"`
			Figures struct {
				Dated        bool     `json:"dated"`
				Start        *string  `json:"start"`
				MajorSeconds float64  `json:"major_seconds"`
				Resolve      *float64 `json:"time_to_resolve_seconds"`
			} `json:"figures"`
		} `json:"incidents"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	inc := doc.Incidents[0]
	assert.Nil(t, inc.Date)
	assert.Nil(t, inc.Timeline[0].At)
	require.Len(t, inc.Windows, 1)
	assert.Nil(t, inc.Windows[0].Start)
	assert.Equal(t, 1800.0, inc.Windows[0].Seconds)
	assert.False(t, inc.Figures.Dated)
	assert.Nil(t, inc.Figures.Start)
	assert.Equal(t, 1800.0, inc.Figures.MajorSeconds)
	require.NotNil(t, inc.Figures.Resolve)
	assert.Equal(t, 1800.0, *inc.Figures.Resolve)
}

func TestJSONErrors(t *testing.T) {
	var buf bytes.Buffer
	assert.Error(t, JSON(&buf))
	assert.Error(t, JSON(&buf, nil))
	inc := undatedGo(t)
	inc.Kind = incident.Kind(99)
	err := JSON(&buf, inc)
	assert.ErrorIs(t, err, incident.ErrInvalid)
}

// FuzzJSON checks that any text in the fields gives one valid JSON document that gives the
// text back.
func FuzzJSON(f *testing.F) {
	f.Add("plain", "x")
	f.Add("<script>\u2028\"\\", "\xff\xfe")
	inc := harvestGo(f)
	f.Fuzz(func(t *testing.T, s, u string) {
		inc.Title, inc.Summary, inc.Timeline[0].Text = s, u, s
		inc.Services = []string{s, u}
		var buf bytes.Buffer
		if err := JSON(&buf, inc); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Incidents []struct {
				Title string `json:"title"`
			} `json:"incidents"`
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, buf.Bytes())
		}
		if want := string([]rune(s)); doc.Incidents[0].Title != want {
			t.Fatalf("title %q came back as %q", want, doc.Incidents[0].Title)
		}
	})
}
