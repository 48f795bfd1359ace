package render

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loadTestdata loads testdata/name.
func loadTestdata(t testing.TB, name string) []*incident.Incident {
	t.Helper()
	incs, err := incident.Load(os.DirFS("testdata"), name)
	require.NoError(t, err)
	require.NotEmpty(t, incs)
	return incs
}

// TestServicesDocument: an incident whose services change level at different instants gets
// a state-windows table whose rows name exactly the services at each level, and a
// per-service table in the incident's order of services with each one's own figures; both
// formats, checked against goldens.
func TestServicesDocument(t *testing.T) {
	incs := loadTestdata(t, "services.yaml")
	v, err := (&Printer{}).builder(false).view(incs[0], 1, "")
	require.NoError(t, err)

	var rows []string
	for _, s := range v.Outages {
		rows = append(rows, s.Start.Local()+"–"+s.End.Local()+" "+s.Length+" "+s.Level+": "+strings.Join(s.Services, ", "))
	}
	assert.Equal(t, []string{
		"03:18 EDT–03:38 EDT 20 min major outage: US accounts",
		"03:38 EDT–04:17 EDT 39 min major outage: API, Automations, Integrations",
		"04:17 EDT–04:40 EDT 23 min degraded performance: US accounts, API, Automations, Integrations",
	}, rows, "state windows")

	assert.Equal(t, []ServiceRow{
		{Name: "US accounts", Downtime: "20 min", Major: "20 min", Partial: "—", Degraded: "1 h 2 min", Maintenance: "—", Span: "20 min"},
		{Name: "API", Downtime: "39 min", Major: "39 min", Partial: "—", Degraded: "23 min", Maintenance: "—", Span: "39 min"},
		{Name: "Automations", Downtime: "39 min", Major: "39 min", Partial: "—", Degraded: "23 min", Maintenance: "—", Span: "39 min"},
		{Name: "Integrations", Downtime: "39 min", Major: "39 min", Partial: "—", Degraded: "23 min", Maintenance: "—", Span: "39 min"},
	}, v.ServiceFigures)
	assert.Equal(t, ServiceColumns{Downtime: true, Major: true, Degraded: true, Span: true}, v.ServiceColumns)

	var md, page bytes.Buffer
	require.NoError(t, Markdown(&md, incs...))
	require.NoError(t, HTML(&page, incs...))
	golden(t, "services.md", md.Bytes())
	golden(t, "services.html", page.Bytes())
	assert.Contains(t, md.String(), "| US accounts | 20 min | 20 min | 1 h 2 min | 20 min |")
	assert.Contains(t, page.String(), `<tr><th scope="row">US accounts</th><td>20 min</td><td>20 min</td><td>1 h 2 min</td><td>20 min</td></tr>`)
	assertInert(t, page.String(), 1)
}

// TestServiceRows covers when the per-service table shows and which columns it has.
func TestServiceRows(t *testing.T) {
	doc := func(lines ...string) []byte { return []byte(strings.Join(lines, "\n") + "\n") }
	tests := []struct {
		name string
		src  []byte
		want []string // "name downtime major partial degraded maintenance span", the shown columns only
	}{
		{
			name: "one service: the headline says it all",
			src: doc("title: x", "date: 2024-01-01", "services: [web]", "timeline:",
				"  - {at: '10:00', state: major}", "  - {at: '10:30', state: ok}"),
		},
		{
			name: "no services listed: one, named by the title",
			src:  doc("title: x", "date: 2024-01-01", "timeline:", "  - {at: '10:00', state: major}", "  - {at: '10:30', state: ok}"),
		},
		{
			name: "a listed service without windows, and one only an event names, in the incident's order",
			src: doc("title: x", "date: 2024-01-01", "services: [web, Billing]", "timeline:",
				"  - {at: '10:00', state: partial, services: [web]}",
				"  - {at: '10:10', state: major, services: [search]}",
				"  - {at: '10:30', state: ok}"),
			want: []string{"web 9 min — 30 min 30 min", "Billing none — — —", "search 20 min 20 min — 20 min"},
		},
		{
			name: "a maintenance without downtime has no downtime column",
			src: doc("title: x", "kind: maintenance", "date: 2024-01-01", "services: [db, api]",
				"scheduled: {start: '10:00', end: '11:00'}", "timeline:",
				"  - {at: '10:00', state: maintenance, services: [db]}",
				"  - {at: '10:20', state: maintenance, services: [api]}",
				"  - {at: '11:00', state: ok}"),
			want: []string{"db 1 h", "api 40 min"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			incs, err := incident.Parse("f.yaml", tt.src)
			require.NoError(t, err)
			v, err := (&Printer{}).builder(false).view(incs[0], 1, "")
			require.NoError(t, err)
			c := v.ServiceColumns
			var got []string
			for _, r := range v.ServiceFigures {
				cells := []string{r.Name}
				for _, col := range []struct {
					show bool
					val  string
				}{{c.Downtime, r.Downtime}, {c.Major, r.Major}, {c.Partial, r.Partial}, {c.Degraded, r.Degraded}, {c.Maintenance, r.Maintenance}, {c.Span, r.Span}} {
					if col.show {
						cells = append(cells, col.val)
					}
				}
				got = append(got, strings.Join(cells, " "))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
