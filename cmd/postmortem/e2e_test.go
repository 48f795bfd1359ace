package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The command, built once, on first use, by the end-to-end tests into a directory that
// TestMain removes at the end. Fuzzing and -list never build it.
var (
	binDir    string
	buildOnce sync.Once
	binary    string
	buildErr  error
)

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "postmortem-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	binDir = dir
	return m.Run()
}

// built returns the path of the command, building it the first time.
func built(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		path := filepath.Join(binDir, "postmortem")
		out, err := exec.Command("go", "build", "-o", path, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("building the command: %v\n%s", err, out)
			return
		}
		binary = path
	})
	require.NoError(t, buildErr)
	return binary
}

// pm runs the built command with args and stdin, and returns its output and exit status.
func pm(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(built(t), args...)
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	default:
		require.NoError(t, err)
	}
	assertNoCrash(t, e.String())
	return o.String(), e.String(), code
}

// assertNoCrash checks that stderr holds no panic or stack trace.
func assertNoCrash(t *testing.T, stderr string) {
	t.Helper()
	for _, bad := range []string{"panic:", "goroutine ", "runtime error", ".go:"} {
		assert.NotContains(t, stderr, bad, "stderr shows a crash")
	}
}

// examples returns the seed incident files.
func examples(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../examples/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files
}

const harvest = "../../examples/harvest-2016-07-26.yaml"

func TestE2EHelp(t *testing.T) {
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := pm(t, "", c.name, "--help")
			assert.Equal(t, 0, code)
			assert.Empty(t, errOut)
			assert.Contains(t, out, "Usage: postmortem "+c.name)
			assert.Contains(t, out, "Example:")
			assert.Contains(t, out, "postmortem "+c.name)
		})
	}
	out, _, code := pm(t, "", "--help")
	assert.Equal(t, 0, code)
	for _, c := range commands {
		assert.Contains(t, out, c.name)
	}
}

func TestE2EValidate(t *testing.T) {
	files := examples(t)
	out, errOut, code := pm(t, "", append([]string{"validate"}, files...)...)
	assert.Equal(t, 0, code, "stderr:\n%s", errOut)
	assert.Empty(t, out)
	// Harness writes PST during daylight-saving time: a warning naming file, line and column.
	assert.Regexp(t, `(?m)^\.\./\.\./examples/harness-2021\.yaml:\d+:\d+: warning: `, errOut)
	assert.NotContains(t, errOut, ": error: ")

	_, errOut, code = pm(t, "", "validate", "--strict", "../../examples/harness-2021.yaml")
	assert.Equal(t, 1, code)
	assert.Regexp(t, `(?m)^\.\./\.\./examples/harness-2021\.yaml:\d+:\d+: error: `, errOut)

	data, err := os.ReadFile(harvest)
	require.NoError(t, err)
	_, errOut, code = pm(t, string(data), "validate", "-")
	assert.Equal(t, 0, code, errOut)
}

func TestE2EValidateReportsEveryFile(t *testing.T) {
	dir := t.TempDir()
	bad1 := filepath.Join(dir, "one.yaml")
	bad2 := filepath.Join(dir, "two.yaml")
	require.NoError(t, os.WriteFile(bad1, []byte("title: One\ndate: 2020-01-01\ntitel: typo\n"), 0o644))
	require.NoError(t, os.WriteFile(bad2, []byte("title: Two\ndate: 2020-02-30\n"), 0o644))
	_, errOut, code := pm(t, "", "validate", bad1, bad2, harvest)
	assert.Equal(t, 1, code)
	assert.Regexp(t, `(?m)^`+regexpQuote(bad1)+`:3:1: error: .*titel`, errOut)
	assert.Regexp(t, `(?m)^`+regexpQuote(bad2)+`:2:\d+: error: `, errOut)
	assert.NotContains(t, errOut, "harvest-2016-07-26.yaml")
}

func regexpQuote(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\.+*?()|[]{}^$`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestE2ERender(t *testing.T) {
	out, errOut, code := pm(t, "", "render", harvest)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Harvest and Forecast outage")
	assert.Contains(t, out, "10:50")

	out, errOut, code = pm(t, "", "render", "--front-matter", harvest)
	require.Equal(t, 0, code, errOut)
	assert.True(t, strings.HasPrefix(out, "---\n"), "front matter first:\n%s", out)

	html, errOut, code := pm(t, "", "render", "--format", "html", harvest)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, html, "<html")
	assert.Contains(t, html, `<time datetime="2016-07-26T14:50:00Z"`)

	frag, errOut, code := pm(t, "", "render", "--format", "html", "--fragment", harvest)
	require.Equal(t, 0, code, errOut)
	assert.NotContains(t, frag, "<html")
	assert.Contains(t, frag, "Harvest and Forecast outage")

	ics, errOut, code := pm(t, "", "render", "--format", "ical", "../../examples/harvest-2013-04-28-maintenance.yaml")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, ics, "BEGIN:VCALENDAR")
	assert.Contains(t, ics, "DTSTART:20130428T130000Z")

	// Every example renders, and rendering is deterministic.
	for _, f := range examples(t) {
		a, errOut, code := pm(t, "", "render", "--format", "html", f)
		require.Equal(t, 0, code, "%s: %s", f, errOut)
		b, _, _ := pm(t, "", "render", "--format", "html", f)
		assert.Equal(t, a, b, f)
	}
}

func TestE2ERenderTemplate(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "t.md")
	require.NoError(t, os.WriteFile(md, []byte("{{range .Incidents}}# {{md .Title}}\n{{end}}"), 0o644))
	out, errOut, code := pm(t, "", "render", "--template", md, harvest, "../../examples/harness-2021.yaml")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "# Harvest and Forecast outage\n# All Harness production clusters down after a firewall blocked Redis\n# Harness prod-1 down after Timescale health checks failed\n", out)

	html := filepath.Join(dir, "t.html")
	require.NoError(t, os.WriteFile(html, []byte("<h1>{{.Title}}</h1>\n"), 0o644))
	out, errOut, code = pm(t, "", "render", "--format", "html", "--template", html, harvest)
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "<h1>Harvest and Forecast outage</h1>\n", out)

	broken := filepath.Join(dir, "broken.md")
	require.NoError(t, os.WriteFile(broken, []byte("{{range .Incidents}"), 0o644))
	out, errOut, code = pm(t, "", "render", "--template", broken, harvest)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Regexp(t, `^postmortem: --template .*broken\.md.*\n$`, errOut)

	// The template is an input too: -o never overwrites it.
	_, errOut, code = pm(t, "", "render", "--template", md, "-o", md, harvest)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "refusing to overwrite")
}

func TestE2ERenderOutput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.yaml")
	data, err := os.ReadFile(harvest)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(in, data, 0o644))

	// -o writes the file and nothing to stdout.
	dst := filepath.Join(dir, "out.md")
	out, errOut, code := pm(t, "", "render", "-o", dst, in)
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, out)
	got, err := os.ReadFile(dst)
	require.NoError(t, err)
	assert.Contains(t, string(got), "Harvest and Forecast outage")

	// -o never overwrites an input, under its own name or another.
	_, errOut, code = pm(t, "", "render", "-o", in, in)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "refusing to overwrite the input file")
	link := filepath.Join(dir, "link.yaml")
	require.NoError(t, os.Symlink(in, link))
	_, errOut, code = pm(t, "", "render", "-o", link, in)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "refusing to overwrite")
	after, err := os.ReadFile(in)
	require.NoError(t, err)
	assert.Equal(t, data, after, "the input was changed")

	// A failed render leaves an existing output as it was and no temporary file.
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("title: [unclosed\n"), 0o644))
	_, _, code = pm(t, "", "render", "-o", dst, bad)
	assert.Equal(t, 1, code)
	kept, err := os.ReadFile(dst)
	require.NoError(t, err)
	assert.Equal(t, got, kept)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.NotContains(t, e.Name(), ".tmp", "temporary file left behind")
	}
}

// downtimeJSON is the shape SPEC §2 fixes for downtime --format json.
type downtimeJSON struct {
	Incidents []struct {
		File               string  `json:"file"`
		ID                 string  `json:"id"`
		Title              string  `json:"title"`
		Start              *string `json:"start"`
		End                *string `json:"end"`
		SpanStart          *string `json:"span_start"`
		SpanEnd            *string `json:"span_end"`
		SpanSeconds        float64 `json:"span_seconds"`
		DowntimeSeconds    float64 `json:"downtime_seconds"`
		MajorSeconds       float64 `json:"major_seconds"`
		PartialSeconds     float64 `json:"partial_seconds"`
		DegradedSeconds    float64 `json:"degraded_seconds"`
		MaintenanceSeconds float64 `json:"maintenance_seconds"`
		Windows            []struct {
			Start    *string  `json:"start"`
			End      *string  `json:"end"`
			Level    string   `json:"level"`
			Services []string `json:"services"`
		} `json:"windows"`
	} `json:"incidents"`
	Total struct {
		DowntimeSeconds float64 `json:"downtime_seconds"`
		MajorSeconds    float64 `json:"major_seconds"`
	} `json:"total"`
	Periods []struct {
		Start           string  `json:"start"`
		End             string  `json:"end"`
		Seconds         float64 `json:"seconds"`
		DowntimeSeconds float64 `json:"downtime_seconds"`
		Availability    float64 `json:"availability"`
	} `json:"periods"`
}

// figures are an example's expected measures in seconds, from the comments of the files.
type figures struct {
	file, title                              string // title prefix tells apart incidents of one file
	span, downtime, major, partial, degraded float64
	undated                                  bool // durations only: no instants
}

var exampleFigures = []figures{
	{file: "harvest-2016-07-26.yaml", title: "Harvest and Forecast", span: 6480, downtime: 6120, major: 6120, degraded: 840},
	{file: "harness-2021.yaml", title: "All Harness", span: 1500, downtime: 1500, major: 1500},
	{file: "harness-2021.yaml", title: "Harness prod-1", span: 1680, downtime: 1680, major: 1680},
	{file: "harvest-2012-10-04.yaml", span: 7200, downtime: 4050, major: 2700, partial: 4500},
	{file: "codeship-2014.yaml", span: 424800, downtime: 115620, major: 60, partial: 385200, degraded: 17940},
	{file: "pivotal-tracker.yaml", span: 1800, downtime: 1800, major: 1800, undated: true},
}

func TestE2EDowntimeJSON(t *testing.T) {
	files := examples(t)
	out, errOut, code := pm(t, "", append([]string{"downtime", "--by", "month", "--tz", "America/New_York", "--format", "json"}, files...)...)
	require.Equal(t, 0, code, errOut)
	var got downtimeJSON
	require.NoError(t, json.Unmarshal([]byte(out), &got), out)
	for _, want := range exampleFigures {
		found := false
		for _, inc := range got.Incidents {
			if filepath.Base(inc.File) != want.file || !strings.HasPrefix(inc.Title, want.title) {
				continue
			}
			found = true
			assert.Equal(t, want.span, inc.SpanSeconds, "%s span", inc.Title)
			assert.Equal(t, want.downtime, inc.DowntimeSeconds, "%s downtime", inc.Title)
			assert.Equal(t, want.major, inc.MajorSeconds, "%s major", inc.Title)
			assert.Equal(t, want.partial, inc.PartialSeconds, "%s partial", inc.Title)
			assert.Equal(t, want.degraded, inc.DegradedSeconds, "%s degraded", inc.Title)
			if want.undated {
				assert.Nil(t, inc.Start, inc.Title)
				assert.Nil(t, inc.End, inc.Title)
				for _, w := range inc.Windows {
					assert.Nil(t, w.Start, inc.Title)
					assert.Nil(t, w.End, inc.Title)
				}
			} else {
				require.NotNil(t, inc.Start, inc.Title)
				assert.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`, *inc.Start)
			}
			assert.NotEmpty(t, inc.ID)
		}
		assert.True(t, found, "no incident %s %q", want.file, want.title)
	}
	// No two examples overlap, so the total is the sum, undated incidents included.
	var sum float64
	for _, inc := range got.Incidents {
		sum += inc.MajorSeconds
	}
	assert.Equal(t, sum, got.Total.MajorSeconds)

	// Harvest 2016-07-26: its windows, in UTC.
	for _, inc := range got.Incidents {
		if filepath.Base(inc.File) == "harvest-2016-07-26.yaml" {
			assert.Equal(t, "2016-07-26T14:36:00Z", *inc.Start)
			var majors []string
			for _, w := range inc.Windows {
				if w.Level == "major_outage" {
					majors = append(majors, *w.Start+"/"+*w.End)
				}
			}
			assert.Equal(t, []string{"2016-07-26T14:50:00Z/2016-07-26T14:53:00Z", "2016-07-26T14:59:00Z/2016-07-26T16:38:00Z"}, majors)
		}
	}
	// The undated incident counts with durations only, and says so.
	for _, inc := range got.Incidents {
		if filepath.Base(inc.File) == "harvest-march-5.yaml" {
			assert.Nil(t, inc.Start)
			assert.Nil(t, inc.End)
		}
	}
	assert.Regexp(t, `(?m)^\.\./\.\./examples/harvest-march-5\.yaml:(\d+:\d+:)? warning: .*date`, errOut)
	// July 2016 in New York: 744 h, 6120 s down.
	var july bool
	for _, p := range got.Periods {
		if p.Start == "2016-07-01T04:00:00Z" {
			july = true
			assert.Equal(t, "2016-08-01T04:00:00Z", p.End)
			assert.Equal(t, float64(744*3600), p.Seconds)
			assert.Equal(t, float64(6120), p.DowntimeSeconds)
			assert.InDelta(t, 1-6120.0/(744*3600), p.Availability, 1e-12)
		}
		if p.Start == "2013-03-01T05:00:00Z" {
			assert.Equal(t, float64(743*3600), p.Seconds, "March in New York")
		}
	}
	assert.True(t, july, "no period for July 2016")
}

func TestE2EDowntimeCSV(t *testing.T) {
	files := examples(t)
	out, errOut, code := pm(t, "", append([]string{"downtime", "--by", "month", "--tz", "America/New_York", "--format", "csv"}, files...)...)
	require.Equal(t, 0, code, errOut)
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, records)
	assert.Equal(t, csvHeader, records[0])
	col := map[string]int{}
	for i, h := range records[0] {
		col[h] = i
	}
	var seen int
	for _, r := range records[1:] {
		if r[0] != "incident" {
			continue
		}
		for _, want := range exampleFigures {
			if filepath.Base(r[col["file"]]) == want.file && strings.HasPrefix(r[col["title"]], want.title) {
				seen++
				assert.Equal(t, fmt.Sprint(want.major), r[col["major_seconds"]], r[col["title"]])
				assert.Equal(t, fmt.Sprint(want.span), r[col["span_seconds"]], r[col["title"]])
				assert.Equal(t, fmt.Sprint(want.downtime), r[col["downtime_seconds"]], r[col["title"]])
			}
		}
	}
	assert.Equal(t, len(exampleFigures), seen)
}

func TestE2EDowntimeTable(t *testing.T) {
	out, errOut, code := pm(t, "", "downtime", "--by", "month", "--tz", "America/New_York", harvest, "../../examples/harness-2021.yaml")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "1 h 48 min")
	assert.Contains(t, out, "1 h 42 min")
	assert.Contains(t, out, "25 min")
	assert.Contains(t, out, "28 min")
	assert.Contains(t, out, "2016-07")
	assert.Contains(t, out, "TOTAL (3 incidents)")
	// Columns are aligned: every incident line has its span at the same offset.
	lines := strings.Split(out, "\n")
	at := strings.Index(lines[0], "SPAN")
	require.Positive(t, at)
	for _, l := range lines[1:4] {
		r := []rune(l)
		require.Greater(t, len(r), at)
		assert.NotEqual(t, ' ', r[at], "misaligned: %q", l)
		assert.Equal(t, ' ', r[at-1], "misaligned: %q", l)
	}
}

func TestE2EDowntimeRangeAndService(t *testing.T) {
	out, errOut, code := pm(t, "", "downtime", "--format", "json", "--since", "2021-04-01", "--until", "2021-04-02",
		"--tz", "America/Los_Angeles", "../../examples/harness-2021.yaml")
	require.Equal(t, 0, code, errOut)
	var got downtimeJSON
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got.Incidents, 1)
	assert.Equal(t, float64(1680), got.Incidents[0].MajorSeconds)
	require.Len(t, got.Periods, 1)
	assert.Equal(t, float64(86400), got.Periods[0].Seconds)
	assert.InDelta(t, 1-1680.0/86400, got.Periods[0].Availability, 1e-12)

	out, errOut, code = pm(t, "", "downtime", "--format", "json", "--service", "prod-2", "../../examples/harness-2021.yaml")
	require.Equal(t, 0, code, errOut)
	got = downtimeJSON{}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got.Incidents, 1, "only the 3/30 outage touched prod-2")
	assert.Equal(t, float64(1500), got.Total.MajorSeconds)

	// Partial weight: Harvest 2012-10-04 with weight 1 counts partial in full.
	out, errOut, code = pm(t, "", "downtime", "--format", "json", "--partial-weight", "1", "../../examples/harvest-2012-10-04.yaml")
	require.Equal(t, 0, code, errOut)
	got = downtimeJSON{}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, float64(2700+4500), got.Total.DowntimeSeconds)
}

func TestE2EDowntimeMaintenance(t *testing.T) {
	// The 2013-04-28 data-center move: 3 h of planned maintenance, no downtime.
	const move = "../../examples/harvest-2013-04-28-maintenance.yaml"
	for _, tt := range []struct {
		policy  string
		seconds float64 // the day's length after the policy
	}{{"ignore", 86400}, {"up", 86400}, {"exclude", 86400 - 3*3600}} {
		out, errOut, code := pm(t, "", "downtime", "--format", "json", "--by", "day", "--tz", "America/New_York", "--maintenance", tt.policy, move)
		require.Equal(t, 0, code, errOut)
		var got downtimeJSON
		require.NoError(t, json.Unmarshal([]byte(out), &got))
		require.Len(t, got.Periods, 1, tt.policy)
		assert.Equal(t, tt.seconds, got.Periods[0].Seconds, tt.policy)
		assert.Equal(t, float64(1), got.Periods[0].Availability, tt.policy)
		assert.Equal(t, float64(0), got.Total.DowntimeSeconds, tt.policy)
		assert.Equal(t, float64(3*3600), got.Incidents[0].MaintenanceSeconds, tt.policy)
	}
}

func TestE2EDowntimeStdin(t *testing.T) {
	data, err := os.ReadFile(harvest)
	require.NoError(t, err)
	out, errOut, code := pm(t, string(data), "downtime", "--format", "csv", "-")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "incident,<stdin>,")
	assert.Contains(t, out, ",6480,6120,6120,")
}

// TestE2EDowntimeFirstInstant checks that an incident dated 0001-01-01 with an outage from
// 00:00Z has its span in downtime --format json, not span_start: null.
func TestE2EDowntimeFirstInstant(t *testing.T) {
	out, errOut, code := pm(t, "title: a\ndate: 0001-01-01\noutages:\n  - '00:00-00:45'\n", "downtime", "--format", "json", "-")
	require.Equal(t, 0, code, errOut)
	var doc downtimeJSON
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	require.Len(t, doc.Incidents, 1)
	inc := doc.Incidents[0]
	require.NotNil(t, inc.SpanStart, out)
	assert.Equal(t, "0001-01-01T00:00:00Z", *inc.SpanStart)
	require.NotNil(t, inc.SpanEnd, out)
	assert.Equal(t, "0001-01-01T00:45:00Z", *inc.SpanEnd)
}

// convertJSON is the shape SPEC §2 fixes for convert --format json.
type convertJSON struct {
	Start  string  `json:"start"`
	End    *string `json:"end"`
	Source struct {
		Zone, Abbrev, Offset string
	} `json:"source"`
	Rows []struct {
		Zone     string  `json:"zone"`
		City     string  `json:"city"`
		Start    string  `json:"start"`
		End      *string `json:"end"`
		Abbrev   string  `json:"abbrev"`
		Offset   string  `json:"offset"`
		DayShift int     `json:"day_shift"`
	} `json:"rows"`
}

func TestE2EConvert(t *testing.T) {
	out, errOut, code := pm(t, "", "convert", "--format", "json", "--to", "Asia/Tokyo,London,UTC", "2013-09-24 22:00 EDT")
	require.Equal(t, 0, code, errOut)
	var got convertJSON
	require.NoError(t, json.Unmarshal([]byte(out), &got), out)
	assert.Equal(t, "2013-09-25T02:00:00Z", got.Start)
	assert.Nil(t, got.End)
	assert.Equal(t, "America/New_York", got.Source.Zone)
	assert.Equal(t, "EDT", got.Source.Abbrev)
	assert.Equal(t, "-04:00", got.Source.Offset)
	require.Len(t, got.Rows, 3)
	assert.Equal(t, "Asia/Tokyo", got.Rows[0].Zone)
	assert.Equal(t, "2013-09-25T11:00:00+09:00", got.Rows[0].Start)
	assert.Equal(t, 1, got.Rows[0].DayShift)
	assert.Equal(t, "Europe/London", got.Rows[1].Zone)
	assert.Equal(t, "BST", got.Rows[1].Abbrev)
	assert.Equal(t, "2013-09-25T03:00:00+01:00", got.Rows[1].Start)

	out, errOut, code = pm(t, "", "convert", "--format", "json", "--year", "2013", "Sunday, April 28th, between 9am – 12pm EDT")
	require.Equal(t, 0, code, errOut)
	got = convertJSON{}
	require.NoError(t, json.Unmarshal([]byte(out), &got), out)
	assert.Equal(t, "2013-04-28T13:00:00Z", got.Start)
	require.NotNil(t, got.End)
	assert.Equal(t, "2013-04-28T16:00:00Z", *got.End)
	assert.GreaterOrEqual(t, len(got.Rows), 15, "the default list covers the main hubs")

	out, errOut, code = pm(t, "", "convert", "--tz", "America/New_York", "--to", "Asia/Kolkata", "2016-07-26 10:50", "12:38")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Kolkata")
	assert.Contains(t, out, "20:20")
	assert.Contains(t, out, "1 h 48 min")

	// An END clock time before TIME's is on the next day.
	out, errOut, code = pm(t, "", "convert", "--format", "json", "--to", "UTC", "2013-09-24 22:00 EDT", "01:00")
	require.Equal(t, 0, code, errOut)
	got = convertJSON{}
	require.NoError(t, json.Unmarshal([]byte(out), &got), out)
	require.NotNil(t, got.End)
	assert.Equal(t, "2013-09-25T05:00:00Z", *got.End)

	for _, f := range []string{"markdown", "html"} {
		out, errOut, code = pm(t, "", "convert", "--format", f, "2013-09-24 22:00 EDT")
		require.Equal(t, 0, code, errOut)
		assert.Contains(t, out, "Tokyo", f)
	}
}

func TestE2ENewValidates(t *testing.T) {
	out, errOut, code := pm(t, "", "new", "--title", `Checkout "errors": 50%`, "--tz", "Europe/Paris", "--date", "2024-03-31")
	require.Equal(t, 0, code, errOut)
	_, errOut, code = pm(t, out, "validate", "-")
	assert.Equal(t, 0, code, "new's file does not validate:\n%s\n%s", errOut, out)
	assert.Empty(t, errOut)
	out, errOut, code = pm(t, out, "downtime", "--format", "json", "-")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, `"title": "Checkout \"errors\": 50%"`)
}

func TestE2EVersion(t *testing.T) {
	out, errOut, code := pm(t, "", "version")
	assert.Equal(t, 0, code)
	assert.Empty(t, errOut)
	assert.Regexp(t, `^postmortem \S+ \(.*go1\.\d+.*\)\n$`, out)
	out2, _, _ := pm(t, "", "--version")
	assert.Equal(t, out, out2)
}

func TestE2EBadInput(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "image.yaml")
	require.NoError(t, os.WriteFile(bin, []byte("title: x\n\x00\x01\x02"), 0o644))
	latin1 := filepath.Join(dir, "latin1.yaml")
	require.NoError(t, os.WriteFile(latin1, []byte("title: Caf\xe9\n"), 0o644))
	missing := filepath.Join(dir, "missing.yaml")
	mars := filepath.Join(dir, "mars.yaml")
	require.NoError(t, os.WriteFile(mars, []byte("title: Dust storm\ndate: 2020-01-01\ntimezone: Mars/Olympus\n"), 0o644))

	tests := []struct {
		name string
		args []string
		code int
		want string // a regular expression the one line of stderr matches
	}{
		{"missing file", []string{"validate", missing}, 1, `missing\.yaml: error: no such file$`},
		{"directory", []string{"render", dir}, 1, `: error: is a directory`},
		{"binary file", []string{"validate", bin}, 1, `image\.yaml:2:1: error: binary file`},
		{"invalid UTF-8", []string{"downtime", latin1}, 1, `latin1\.yaml:1:11: error: invalid UTF-8`},
		{"unknown flag", []string{"render", "--colour", harvest}, 2, `^postmortem render: unknown flag --colour \(see 'postmortem render --help'\)$`},
		{"unknown zone in a file", []string{"render", mars}, 1, `mars\.yaml:3:11: error: timezone: .*Mars/Olympus`},
		{"unknown zone in --tz", []string{"downtime", "--tz", "Mars/Olympus", harvest}, 2, `^postmortem downtime: --tz: .*Mars/Olympus`},
		{"unknown zone in --to", []string{"convert", "--to", "Mars/Olympus", "2013-09-24 22:00 EDT"}, 2, `^postmortem convert: --to: .*Mars/Olympus`},
		{"unknown zone in TIME", []string{"convert", "2013-09-24 22:00 Mars/Olympus"}, 1, `^postmortem: TIME: `},
		{"unknown command", []string{"renderr"}, 2, `^postmortem: unknown command "renderr"`},
		{"bad choice", []string{"render", "--format", "pdf", harvest}, 2, `"pdf" is not one of markdown, html, ical`},
		{"no file", []string{"downtime"}, 2, `no FILE given`},
		{"bad --since", []string{"downtime", "--since", "yesterday-ish", harvest}, 2, `^postmortem downtime: --since: `},
		{"bad weight", []string{"downtime", "--partial-weight", "2", harvest}, 2, `--partial-weight: "2" is outside 0 to 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := pm(t, "", tt.args...)
			assert.Equal(t, tt.code, code, "stderr: %s", errOut)
			assert.Empty(t, out)
			lines := strings.Split(strings.TrimRight(errOut, "\n"), "\n")
			assert.Len(t, lines, 1, "want one line, got:\n%s", errOut)
			assert.Regexp(t, tt.want, lines[0])
		})
	}
}

// TestE2EJSONKeys checks that the JSON outputs carry every key SPEC §2 names.
func TestE2EJSONKeys(t *testing.T) {
	keys := func(v any) []string {
		m, ok := v.(map[string]any)
		require.True(t, ok, "not an object: %v", v)
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		return ks
	}
	out, errOut, code := pm(t, "", "downtime", "--format", "json", "--by", "year", harvest)
	require.Equal(t, 0, code, errOut)
	var d map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &d))
	assert.ElementsMatch(t, []string{"incidents", "total", "periods"}, keys(d))
	inc := d["incidents"].([]any)[0]
	assert.Subset(t, keys(inc), []string{"file", "id", "title", "start", "end", "span_seconds", "downtime_seconds",
		"major_seconds", "partial_seconds", "degraded_seconds", "maintenance_seconds", "windows"})
	assert.Subset(t, keys(inc.(map[string]any)["windows"].([]any)[0]), []string{"start", "end", "level", "services"})
	assert.Subset(t, keys(d["total"]), []string{"downtime_seconds", "major_seconds", "partial_seconds", "degraded_seconds", "maintenance_seconds"})
	assert.Subset(t, keys(d["periods"].([]any)[0]), []string{"start", "end", "seconds", "downtime_seconds", "availability"})

	out, errOut, code = pm(t, "", "convert", "--format", "json", "--to", "Tokyo", "2013-09-24 22:00 EDT")
	require.Equal(t, 0, code, errOut)
	var c map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &c))
	assert.ElementsMatch(t, []string{"start", "source", "rows"}, keys(c), "an instant has no end")
	assert.ElementsMatch(t, []string{"zone", "abbrev", "offset"}, keys(c["source"]))
	assert.ElementsMatch(t, []string{"zone", "city", "start", "abbrev", "offset", "day_shift"}, keys(c["rows"].([]any)[0]))
}
