package statuspage

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var rewrite = flag.Bool("update", false, "rewrite the golden files")

// one is an incident object with the fields given, and an update list.
func one(fields string, updates ...string) string {
	return `{"page": {"id": "pg", "name": "P", "url": "https://status.p.example", "time_zone": "Etc/UTC"},
"incident": {"id": "i1", "name": "Outage", "shortlink": "https://stspg.io/x", ` + fields +
		`, "incident_updates": [` + strings.Join(updates, ",") + `]}}`
}

// up is an update object.
func up(id, status, at, body string, affected ...string) string {
	return `{"id": "` + id + `", "status": "` + status + `", "body": ` + quote(body) +
		`, "created_at": "` + at + `", "display_at": "` + at + `", "affected_components": [` + strings.Join(affected, ",") + `]}`
}

func quote(s string) string {
	return `"` + strings.NewReplacer(`"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

func comp(code, name, old, new string) string {
	return `{"code": "` + code + `", "name": "` + name + `", "old_status": "` + old + `", "new_status": "` + new + `"}`
}

func decodeOne(t *testing.T, cfg *Config, json string) (*incident.Incident, incident.ErrorList, error) {
	t.Helper()
	incs, warns, err := cfg.Decode("t.json", strings.NewReader(json))
	if err != nil {
		return nil, warns, err
	}
	require.Len(t, incs, 1)
	return incs[0], warns, nil
}

func codes(l incident.ErrorList) []string {
	var out []string
	for _, p := range l {
		out = append(out, p.Code)
	}
	return out
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	require.NoError(t, err)
	return v.UTC()
}

const resolvedFields = `"status": "resolved", "impact": "minor", "created_at": "2020-01-01T10:00:00Z", "started_at": "2020-01-01T10:00:00Z", "resolved_at": "2020-01-01T11:00:00Z"`

func TestEvents(t *testing.T) {
	tests := []struct {
		name  string
		json  string
		kinds []timeline.EventKind
		texts []string
		ats   []string
	}{
		{"time order from newest-first, display_at over created_at",
			one(resolvedFields,
				up("b", "resolved", "2020-01-01T11:00:00Z", "Fixed."),
				`{"id": "a", "status": "investigating", "body": "Looking.", "created_at": "2020-01-01T10:30:00Z", "display_at": "2020-01-01T10:00:00Z"}`),
			[]timeline.EventKind{timeline.Update, timeline.Resolved}, []string{"Looking.", "Fixed."},
			[]string{"2020-01-01T10:00:00Z", "2020-01-01T11:00:00Z"}},
		{"equal instants keep the API's reverse order",
			one(resolvedFields,
				up("c", "resolved", "2020-01-01T11:00:00Z", "Third."),
				up("b", "identified", "2020-01-01T10:00:00Z", "Second."),
				up("a", "investigating", "2020-01-01T10:00:00Z", "First.")),
			nil, []string{"First.", "Second.", "Third."}, nil},
		{"kinds of every status",
			one(resolvedFields,
				up("f", "postmortem", "2020-01-01T11:05:00Z", "Why."),
				up("e", "resolved", "2020-01-01T11:00:00Z", "e"),
				up("d", "monitoring", "2020-01-01T10:40:00Z", "d"),
				up("c", "identified", "2020-01-01T10:20:00Z", "c"),
				up("b", "investigating", "2020-01-01T10:00:00Z", "b")),
			[]timeline.EventKind{timeline.Update, timeline.Identified, timeline.Mitigated, timeline.Resolved, timeline.Note}, nil, nil},
		{"the offset of each timestamp counts, milliseconds kept",
			one(`"status": "resolved", "created_at": "2019-03-10T01:59:00.125-06:00", "resolved_at": "2019-03-10T03:01:00.5-05:00"`,
				up("b", "resolved", "2019-03-10T03:01:00.5-05:00", "b"),
				up("a", "investigating", "2019-03-10T01:59:00.125-06:00", "a")),
			nil, nil, []string{"2019-03-10T07:59:00.125Z", "2019-03-10T08:01:00.5Z"}},
		{"a final event at resolved_at when no update sits there",
			one(resolvedFields, up("a", "monitoring", "2020-01-01T10:00:00Z", "Watching.")),
			[]timeline.EventKind{timeline.Mitigated, timeline.Resolved}, []string{"Watching.", "Resolved."}, nil},
		{"a started event when started_at is well before the first update",
			one(`"status": "resolved", "created_at": "2020-01-01T10:30:00Z", "started_at": "2020-01-01T10:00:00Z", "resolved_at": "2020-01-01T11:00:00Z"`,
				up("b", "resolved", "2020-01-01T11:00:00Z", "b"),
				up("a", "investigating", "2020-01-01T10:30:00Z", "a")),
			[]timeline.EventKind{timeline.Started, timeline.Update, timeline.Resolved}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inc, _, err := decodeOne(t, nil, tt.json)
			require.NoError(t, err)
			var kinds []timeline.EventKind
			var texts, ats []string
			for _, ev := range inc.Timeline {
				kinds = append(kinds, ev.Kind)
				texts = append(texts, ev.Text)
				ats = append(ats, ev.At.Instant.Format(time.RFC3339Nano))
			}
			if tt.kinds != nil {
				assert.Equal(t, tt.kinds, kinds)
			}
			if tt.texts != nil {
				assert.Equal(t, tt.texts, texts)
			}
			if tt.ats != nil {
				assert.Equal(t, tt.ats, ats)
			}
		})
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain text.\n\nTwo paragraphs.", "Plain text.\n\nTwo paragraphs."},
		{"One<br>two<br/>three", "One\ntwo\nthree"},
		{"<p>First.</p><p>Second.</p>", "First.\n\nSecond."},
		{`See <a href="https://x.example/a">the post</a>.`, "See [the post](https://x.example/a)."},
		{"<ul><li>a</li><li>b</li></ul>", "- a\n- b"},
		{"<ol><li>a</li><li>b</li></ol>", "1. a\n2. b"},
		{"<strong>Bold</strong>, <em>em</em>, <code>x = 1</code>", "**Bold**, _em_, `x = 1`"},
		{"<span class='x'>kept text</span> &amp; more &lt;3", `kept text & more \<3`},
		{"a < b", `a \< b`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, markdown(tt.in), "markdown(%q)", tt.in)
	}
}

func TestServices(t *testing.T) {
	json := `{"incident": {"id": "i1", "name": "X", "status": "resolved", "created_at": "2020-01-01T10:00:00Z", "resolved_at": "2020-01-01T11:00:00Z",
"components": [{"id": "c2", "name": "API"}, {"id": "c1", "name": "Web"}],
"incident_updates": [` +
		up("b", "resolved", "2020-01-01T11:00:00Z", "b", comp("c3", "Git (renamed)", "operational", "operational"), comp("c1", "Website", "operational", "operational")) + "," +
		up("a", "investigating", "2020-01-01T10:00:00Z", "a", comp("c3", "Git", "operational", "operational"), `{"name": "No components were affected by this update."}`) + `]}}`
	inc, warns, err := decodeOne(t, nil, json)
	require.NoError(t, err)
	assert.Equal(t, []string{"API", "Web", "Git (renamed)"}, inc.Services, "components[] in order, then by code, the latest name")
	assert.Equal(t, []string{incident.CodeUnknownComponent}, codes(warns))
}

func window(t *testing.T, o incident.Outage) [3]string {
	return [3]string{o.Start.Instant.Format("15:04"), o.End.Instant.Format("15:04"), o.Level.String() + " " + strings.Join(o.Services, ",")}
}

func TestStates(t *testing.T) {
	comps := `"components": [{"id": "c1", "name": "Web"}, {"id": "c2", "name": "API"}]`
	tests := []struct {
		name string
		json string
		want [][3]string
	}{
		{"components: each from its update's instant, operational until named",
			one(resolvedFields+", "+comps,
				up("c", "resolved", "2020-01-01T11:00:00Z", "c", comp("c1", "Web", "partial_outage", "operational")),
				up("b", "identified", "2020-01-01T10:20:00Z", "b", comp("c1", "Web", "major_outage", "partial_outage")),
				up("a", "investigating", "2020-01-01T10:10:00Z", "a", comp("c1", "Web", "operational", "major_outage"))),
			[][3]string{{"10:10", "10:20", "major_outage Web"}, {"10:20", "11:00", "partial_outage Web"}}},
		{"components: old_status == new_status is not a transition",
			one(resolvedFields+", "+comps,
				up("b", "resolved", "2020-01-01T11:00:00Z", "b", comp("c2", "API", "operational", "operational")),
				up("a", "investigating", "2020-01-01T10:30:00Z", "a", comp("c2", "API", "major_outage", "major_outage"))),
			[][3]string{{"10:30", "11:00", "major_outage API"}}},
		{"components: a real transition from a status never posted held since the start",
			one(resolvedFields+", "+comps,
				up("b", "resolved", "2020-01-01T11:00:00Z", "b", comp("c2", "API", "partial_outage", "operational")),
				up("a", "investigating", "2020-01-01T10:30:00Z", "a", comp("c1", "Web", "operational", "degraded_performance"))),
			[][3]string{{"10:00", "11:00", "partial_outage API"}, {"10:30", "11:00", "degraded_performance Web"}}},
		{"components: ... or since the component's previous mention",
			one(resolvedFields+", "+comps,
				up("b", "resolved", "2020-01-01T11:00:00Z", "b", comp("c1", "Web", "major_outage", "operational")),
				up("a", "investigating", "2020-01-01T10:30:00Z", "a", comp("c1", "Web", "operational", "operational"))),
			[][3]string{{"10:30", "11:00", "major_outage Web"}}},
		{"components: one window for the components at one level at once",
			one(resolvedFields+", "+comps,
				up("b", "resolved", "2020-01-01T11:00:00Z", "b", comp("c1", "Web", "major_outage", "operational"), comp("c2", "API", "major_outage", "operational")),
				up("a", "investigating", "2020-01-01T10:30:00Z", "a", comp("c2", "API", "operational", "major_outage"), comp("c1", "Web", "operational", "major_outage"))),
			[][3]string{{"10:30", "11:00", "major_outage Web,API"}}},
		{"impact major: a major outage from start to end",
			one(`"status": "resolved", "impact": "major", "created_at": "2020-01-01T10:00:00Z", "resolved_at": "2020-01-01T11:00:00Z"`,
				up("a", "resolved", "2020-01-01T11:00:00Z", "a")),
			[][3]string{{"10:00", "11:00", "major_outage "}}},
		{"impact critical: major too",
			one(`"status": "resolved", "impact": "critical", "created_at": "2020-01-01T10:00:00Z", "resolved_at": "2020-01-01T11:00:00Z"`),
			[][3]string{{"10:00", "11:00", "major_outage "}}},
		{"impact minor: a partial outage",
			one(`"status": "resolved", "impact": "minor", "created_at": "2020-01-01T10:00:00Z", "resolved_at": "2020-01-01T11:00:00Z"`),
			[][3]string{{"10:00", "11:00", "partial_outage "}}},
		{"impact none: no window",
			one(`"status": "resolved", "impact": "none", "created_at": "2020-01-01T10:00:00Z", "resolved_at": "2020-01-01T11:00:00Z"`),
			nil},
		{"maintenance: from the first in_progress update to the end",
			one(`"status": "completed", "impact": "maintenance", "created_at": "2020-01-01T08:00:00Z", "resolved_at": "2020-01-01T11:00:00Z", "scheduled_for": "2020-01-01T10:00:00Z", "scheduled_until": "2020-01-01T12:00:00Z"`,
				up("c", "completed", "2020-01-01T11:00:00Z", "c"),
				up("b", "in_progress", "2020-01-01T10:05:00Z", "b"),
				up("a", "scheduled", "2020-01-01T08:00:00Z", "a")),
			[][3]string{{"10:05", "11:00", "under_maintenance "}}},
		{"maintenance: from scheduled_for without an in_progress update",
			one(`"status": "completed", "impact": "maintenance", "created_at": "2020-01-01T08:00:00Z", "resolved_at": "2020-01-01T11:00:00Z", "scheduled_for": "2020-01-01T10:00:00Z", "scheduled_until": "2020-01-01T12:00:00Z"`,
				up("c", "completed", "2020-01-01T11:00:00Z", "c")),
			[][3]string{{"10:00", "11:00", "under_maintenance "}}},
		{"maintenance still scheduled: no window",
			one(`"status": "scheduled", "impact": "maintenance", "created_at": "2020-01-01T08:00:00Z", "scheduled_for": "2020-01-01T10:00:00Z", "scheduled_until": "2020-01-01T12:00:00Z"`,
				up("a", "scheduled", "2020-01-01T08:00:00Z", "a")),
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inc, _, err := decodeOne(t, nil, tt.json)
			require.NoError(t, err)
			var got [][3]string
			for _, o := range inc.Outages {
				got = append(got, window(t, o))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestLifecycle(t *testing.T) {
	inc, _, err := decodeOne(t, nil, one(`"status": "postmortem", "impact": "major", "created_at": "2020-01-01T10:00:00Z", "resolved_at": "2020-01-01T11:00:00Z", "scheduled_for": null`,
		up("a", "resolved", "2020-01-01T11:00:00Z", "a")))
	require.NoError(t, err)
	assert.Equal(t, incident.StatusResolved, inc.Status)
	assert.Equal(t, incident.KindIncident, inc.Kind)
	assert.Equal(t, "major", inc.Severity)
	assert.Equal(t, &incident.Source{System: "statuspage", ID: "i1", Page: "pg", URL: "https://status.p.example/incidents/i1"}, inc.Source)
	assert.Equal(t, []incident.Link{{Title: "P status page", URL: "https://stspg.io/x"}}, inc.Links)

	m, _, err := decodeOne(t, nil, one(`"status": "completed", "impact": "maintenance", "created_at": "2020-01-01T08:00:00Z", "resolved_at": "2020-01-01T11:00:00Z", "scheduled_for": "2020-01-01T10:00:00Z", "scheduled_until": "2020-01-01T12:00:00Z"`))
	require.NoError(t, err)
	assert.Equal(t, incident.KindMaintenance, m.Kind)
	assert.Equal(t, incident.StatusResolved, m.Status)
	require.NotNil(t, m.Scheduled)
	assert.WithinDuration(t, mustTime(t, "2020-01-01T10:00:00Z"), m.Scheduled.Start.Instant, 0)
	assert.WithinDuration(t, mustTime(t, "2020-01-01T12:00:00Z"), m.Scheduled.End.Instant, 0)

	open, warns, err := decodeOne(t, nil, one(`"status": "identified", "impact": "minor", "created_at": "2020-01-01T10:00:00Z", "resolved_at": null`,
		up("b", "identified", "2020-01-01T10:40:00Z", "b"), up("a", "investigating", "2020-01-01T10:00:00Z", "a")))
	require.NoError(t, err)
	assert.Equal(t, []string{incident.CodeOpen}, codes(warns))
	require.Len(t, open.Outages, 1)
	assert.WithinDuration(t, mustTime(t, "2020-01-01T10:40:00Z"), open.Outages[0].End.Instant, 0, "an open incident ends at its last update")
}

func TestProblems(t *testing.T) {
	tests := []struct {
		name      string
		json      string
		cfg       *Config
		warnings  []string
		errorCode string
	}{
		{"resolved before started", one(`"status": "resolved", "created_at": "2020-01-02T10:00:00Z", "started_at": "2020-01-02T10:00:00Z", "resolved_at": "2020-01-01T10:00:00Z"`), nil, nil, incident.CodeResolvedFirst},
		// 999 years: longer than a duration measures, as an incident file may not be either.
		{"span too long", one(`"status": "resolved", "created_at": "0001-01-01T00:00:00Z", "resolved_at": "1000-01-01T00:00:00Z"`, up("a", "resolved", "1000-01-01T00:00:00Z", "a")), nil, nil, incident.CodeTooLong},
		{"bad timestamp", one(`"status": "resolved", "created_at": "2020-01-02 10:00", "resolved_at": "2020-01-02T11:00:00Z"`), nil, nil, incident.CodeBadTime},
		{"bad update timestamp", one(resolvedFields, up("a", "resolved", "yesterday", "a")), nil, nil, incident.CodeBadTime},
		{"wrong type", one(`"status": "resolved", "created_at": 12, "resolved_at": "2020-01-02T11:00:00Z"`), nil, nil, incident.CodeJSONType},
		{"open", one(`"status": "investigating", "created_at": "2020-01-02T10:00:00Z"`), nil, []string{incident.CodeOpen}, ""},
		{"zero duration", one(`"status": "resolved", "created_at": "2020-01-02T10:00:00Z", "resolved_at": "2020-01-02T10:00:00Z"`, up("a", "resolved", "2020-01-02T10:00:00Z", "a")), nil, []string{incident.CodeZeroDuration}, ""},
		{"updates before the start", one(`"status": "resolved", "created_at": "2020-01-02T10:00:00Z", "started_at": "2020-01-02T11:00:00Z", "resolved_at": "2020-01-02T12:00:00Z"`,
			up("b", "resolved", "2020-01-02T12:00:00Z", "b"), up("a", "investigating", "2020-01-02T10:00:00Z", "a")), nil, []string{incident.CodeUpdatesBeforeStart}, ""},
		{"resolved update far from resolved_at", one(`"status": "resolved", "created_at": "2020-01-02T10:00:00Z", "resolved_at": "2020-01-02T18:00:00Z"`,
			up("a", "resolved", "2020-01-02T11:00:00Z", "a")), nil, []string{incident.CodeResolvedFar}, ""},
		{"maintenance without schedule", one(`"status": "in_progress", "impact": "maintenance", "created_at": "2020-01-02T10:00:00Z", "resolved_at": "2020-01-02T11:00:00Z"`,
			up("a", "in_progress", "2020-01-02T10:00:00Z", "a")), nil, []string{incident.CodeNoSchedule}, ""},
		{"embedded timeline", one(`"status": "resolved", "created_at": "2012-01-02T10:00:00Z", "resolved_at": "2012-01-02T10:00:00Z"`,
			up("a", "resolved", "2012-01-02T10:00:00Z", "<ul><li><strong>2012-01-02 10:00:00</strong> - Down.</li><li><strong>2012-01-02 10:45:00</strong> - Up.</li></ul>")), nil, []string{incident.CodeEmbeddedTimeline}, ""},
		{"embedded timeline read", one(`"status": "resolved", "created_at": "2012-01-02T10:00:00Z", "resolved_at": "2012-01-02T10:00:00Z"`,
			up("a", "resolved", "2012-01-02T10:00:00Z", "<ul><li><strong>2012-01-02 10:00:00</strong> - Down.</li><li><strong>2012-01-02 10:45:00</strong> - Up.</li></ul>")), &Config{EmbeddedTimeline: true}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			incs, warns, err := tt.cfg.Decode("t.json", strings.NewReader(tt.json))
			assert.Equal(t, tt.warnings, codes(warns))
			if tt.errorCode == "" {
				require.NoError(t, err)
				require.Len(t, incs, 1)
				return
			}
			var list incident.ErrorList
			require.ErrorAs(t, err, &list)
			assert.Equal(t, []string{tt.errorCode}, codes(list))
			assert.ErrorIs(t, list[0], sentinels[tt.errorCode])
			assert.Contains(t, list[0].Error(), "incident i1: ")
			assert.True(t, strings.HasSuffix(list[0].Error(), "["+tt.errorCode+"]"), list[0].Error())
			assert.Empty(t, incs)
		})
	}
}

func TestEmbeddedTimeline(t *testing.T) {
	data, err := os.ReadFile("testdata/embedded.json")
	require.NoError(t, err)
	incs, warns, err := (&Config{EmbeddedTimeline: true}).Decode("embedded.json", bytes.NewReader(data))
	require.NoError(t, err)
	assert.Empty(t, warns)
	inc := incs[0]
	require.Len(t, inc.Timeline, 2)
	assert.Equal(t, "We are investigating errors.", inc.Timeline[0].Text)
	assert.Equal(t, timeline.Resolved, inc.Timeline[1].Kind)
	require.Len(t, inc.Outages, 1)
	assert.Equal(t, [3]string{"10:00", "11:30", "partial_outage "}, window(t, inc.Outages[0]))
}

func TestShapes(t *testing.T) {
	inc := `{"id": "i1", "name": "X", "status": "resolved", "created_at": "2020-01-01T10:00:00Z", "resolved_at": "2020-01-01T11:00:00Z", "extra": {"deep": [1, 2, {"x": null}]}}`
	tests := []struct {
		name string
		json string
		n    int
	}{
		{"incidents/ID.json", `{"page": {"id": "p"}, "incident": ` + inc + `}`, 1},
		{"incidents.json", `{"page": {"id": "p"}, "incidents": [` + inc + `, ` + inc + `]}`, 2},
		{"scheduled-maintenances.json", `{"page": {"id": "p"}, "scheduled_maintenances": [` + inc + `]}`, 1},
		{"summary.json", `{"page": {"id": "p"}, "components": [{"id": "c"}], "incidents": [` + inc + `], "scheduled_maintenances": [], "status": {"indicator": "none"}}`, 1},
		{"page after the list", `{"incidents": [` + inc + `], "page": {"id": "p", "time_zone": "America/Chicago"}}`, 1},
		{"bare incident", inc, 1},
		{"bare array", `[` + inc + `, ` + inc + `, ` + inc + `]`, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.True(t, Sniff([]byte(tt.json)), "Sniff")
			incs, _, err := Decode("t.json", strings.NewReader(tt.json))
			require.NoError(t, err)
			assert.Len(t, incs, tt.n)
			for _, inc := range incs {
				assert.Equal(t, "X", inc.Title)
			}
		})
	}
	incs, _, err := Decode("t.json", strings.NewReader(tests[4].json))
	require.NoError(t, err)
	assert.Equal(t, "America/Chicago", incs[0].TimeZone, "the page's zone, even when it comes last")
	assert.False(t, Sniff([]byte(`{"title": "An incident file in JSON", "timeline": []}`)))
	assert.False(t, Sniff([]byte("title: YAML\n")))
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		in   string
		cfg  *Config
		code string
		pos  string
	}{
		{"empty", "", nil, incident.CodeNotStatuspage, ""},
		{"not JSON", "title: x", nil, incident.CodeJSONSyntax, "t.json:1:2"},
		{"cut short", `{"incidents": [{"id": "a"`, nil, incident.CodeJSONSyntax, ""},
		{"too deep", strings.Repeat("[", 10000) + strings.Repeat("]", 10000), nil, incident.CodeJSONDepth, "t.json:1:65"},
		{"too large", `{"incidents": [` + strings.Repeat(" ", 2000) + `]}`, &Config{MaxBytes: 1000}, incident.CodeTooLarge, ""},
		{"a number", "12", nil, incident.CodeNotStatuspage, "t.json:1:1"},
		{"incidents not a list", `{"incidents": 3}`, nil, incident.CodeNotStatuspage, "t.json:1:15"},
		{"no incident", `{"page": {"id": "x"}}`, nil, incident.CodeNotStatuspage, ""},
		{"two documents", `[] []`, nil, incident.CodeJSONSyntax, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := tt.cfg.Decode("t.json", strings.NewReader(tt.in))
			var list incident.ErrorList
			require.ErrorAs(t, err, &list)
			require.Len(t, list, 1)
			assert.Equal(t, []string{tt.code}, codes(list), list.Error())
			if tt.pos != "" {
				assert.Equal(t, tt.pos, list[0].Position())
			}
			assert.NotContains(t, list[0].Error(), "\n")
		})
	}
}

// TestGolden imports the fixtures, and checks that each file written parses and validates.
func TestGolden(t *testing.T) {
	names, err := filepath.Glob("testdata/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, name := range names {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			require.NoError(t, err)
			incs, warns, err := Decode(filepath.Base(name), bytes.NewReader(data))
			var out bytes.Buffer
			for _, w := range warns {
				out.WriteString("# " + w.Error() + "\n")
			}
			if err != nil {
				out.WriteString("# " + strings.ReplaceAll(err.Error(), "\n", "\n# ") + "\n")
			}
			for i, inc := range incs {
				b, err := incident.Marshal(inc)
				require.NoError(t, err)
				back, err := incident.Parse("back.yaml", b)
				require.NoError(t, err, "%s", b)
				errs, warns := incident.Validate(back[0])
				assert.Empty(t, errs)
				assert.Empty(t, warns)
				if i > 0 {
					out.WriteString("---\n")
				}
				out.Write(b)
			}
			golden := strings.TrimSuffix(name, ".json") + ".golden.yaml"
			if *rewrite {
				require.NoError(t, os.WriteFile(golden, out.Bytes(), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), out.String())
		})
	}
}
