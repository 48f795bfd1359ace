package render

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"html/template"
	"io"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// accountsGo is an outage of one service after another, as monday.com's of 03:18 EDT: US
// accounts, then the API, two windows rather than one of all four services.
func accountsGo(t testing.TB) *incident.Incident {
	ny := mustLoad(t, "America/New_York")
	tm := func(h, m int, approx bool) incident.Time { return at(ny, 2023, time.June, 5, h, m, approx) }
	return &incident.Incident{
		Title:    "Accounts unavailable",
		Slug:     "accounts-unavailable",
		Kind:     incident.KindIncident,
		Date:     tz.Date{Year: 2023, Month: time.June, Day: 5},
		Location: ny,
		Services: []string{"US accounts", "EU accounts", "API", "Webhooks"},
		Timeline: []incident.Event{
			{At: tm(3, 10, false), Kind: timeline.Detected, State: timeline.Degraded, Services: []string{"EU accounts"}, Text: "Latency rises."},
			{At: tm(3, 18, false), Kind: timeline.Started, State: timeline.Major, Services: []string{"US accounts"}, Text: "US accounts are down."},
			{At: tm(3, 38, false), State: timeline.Operational, Services: []string{"US accounts", "EU accounts"}, Text: "US accounts are back."},
			{At: tm(3, 38, false), State: timeline.Major, Services: []string{"API"}, Text: "The API fails."},
			{At: tm(3, 50, true), Kind: timeline.Resolved, State: timeline.Operational, Services: []string{"API"}, Text: "The API is back."},
		},
	}
}

// svgOf returns the standalone SVG files of incs.
func svgOf(t *testing.T, p *Printer, incs ...*incident.Incident) []PictureFile {
	t.Helper()
	files, err := p.Pictures(incs...)
	require.NoError(t, err)
	return files
}

// svgElement is an element of an SVG document, for the structure tests.
type svgElement struct {
	Name  string
	Attrs []xml.Attr
	Text  string // its own character data
	Kids  []*svgElement
}

// parseSVG parses an SVG document strictly as XML.
func parseSVG(t *testing.T, data []byte) *svgElement {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var stack []*svgElement
	var root *svgElement
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the SVG is not well-formed XML")
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &svgElement{Name: tok.Name.Local, Attrs: tok.Attr}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.Kids = append(p.Kids, e)
			} else {
				root = e
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].Text += string(tok)
			}
		}
	}
	require.NotNil(t, root)
	return root
}

func (e *svgElement) attr(name string) string {
	for _, a := range e.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// find returns the elements under e (e included) named name whose class starts with class.
func (e *svgElement) find(name, class string) []*svgElement {
	var out []*svgElement
	var walk func(*svgElement)
	walk = func(e *svgElement) {
		if e.Name == name && (class == "" || e.attr("class") == class || strings.HasPrefix(e.attr("class"), class+" ")) {
			out = append(out, e)
		}
		for _, k := range e.Kids {
			walk(k)
		}
	}
	walk(e)
	return out
}

// title is the text of e's <title> child.
func (e *svgElement) title() string {
	for _, k := range e.Kids {
		if k.Name == "title" {
			return k.Text
		}
	}
	return ""
}

// TestGoldenPictures writes the SVG file of every example's incidents.
func TestGoldenPictures(t *testing.T) {
	for _, name := range examples(t) {
		t.Run(name, func(t *testing.T) {
			incs := loadExample(t, name)
			files := svgOf(t, &Printer{}, incs...)
			require.NotEmpty(t, files)
			for _, f := range files {
				golden(t, strings.TrimSuffix(name, ".yaml")+"-"+f.Name, f.SVG)
				root := parseSVG(t, f.SVG)
				assert.Equal(t, "svg", root.Name)
				assert.Equal(t, "img", root.attr("role"))
				assert.NotEmpty(t, root.title())
				assert.Regexp(t, `^0 0 800 \d+(\.\d)?$`, root.attr("viewBox"))
				assert.Empty(t, root.attr("width"), "sized by its viewBox")
			}
		})
	}
}

func TestPictureLanesAndBands(t *testing.T) {
	inc := accountsGo(t)
	files := svgOf(t, &Printer{}, inc)
	require.Len(t, files, 1)
	assert.Equal(t, "accounts-unavailable.svg", files[0].Name)
	root := parseSVG(t, files[0].SVG)

	lanes := root.find("g", "lane")
	var names []string
	for _, l := range lanes {
		names = append(names, l.title())
	}
	assert.Equal(t, []string{"US accounts", "EU accounts", "API", "Webhooks"}, names, "one lane per service, in order")

	var titles []string
	for _, b := range root.find("g", "band") {
		titles = append(titles, b.title())
	}
	assert.Equal(t, []string{
		"US accounts: major outage 03:18–03:38 EDT (07:18–07:38 UTC), 20 min",
		"EU accounts: degraded performance 03:10–03:38 EDT (07:10–07:38 UTC), 28 min",
		"API: major outage 03:38–about 03:50 EDT (07:38–about 07:50 UTC), 12 min",
	}, titles)
	markers := root.find("g", "events")[0].find("g", "mk")
	assert.Len(t, markers, len(inc.Timeline), "one marker per event")
	assert.Len(t, root.find("g", "lanes")[0].find("line", "approx"), 1, "the API's approximate end is drawn dashed")
	for _, m := range markers {
		assert.NotEmpty(t, m.title())
	}
	assert.Contains(t, markers[1].title(), "03:18 EDT (07:18 UTC), started: US accounts major outage. US accounts are down.")
	desc := root.find("desc", "")
	require.Len(t, desc, 1)
	assert.Contains(t, desc[0].Text, "Times are EDT (America/New_York) with UTC beneath.")
	assert.Contains(t, desc[0].Text, "Webhooks: no outage window.")
}

func TestPictureAxis(t *testing.T) {
	ticks := func(inc *incident.Incident) (labels []string, pic *Picture) {
		b := (&Printer{}).builder(true)
		v, err := b.view(inc, 1, "")
		require.NoError(t, err)
		pic = b.picture(inc, &v, "")
		require.NotNil(t, pic)
		for _, tk := range pic.Ticks {
			labels = append(labels, tk.Labels[0])
		}
		return labels, pic
	}
	for _, tc := range []struct {
		name  string
		inc   func() *incident.Incident
		first []string // the first tick labels of the local row
		note  string
	}{
		{"minutes", func() *incident.Incident { return loadExample(t, "harvest-2013-09.yaml")[0] },
			[]string{"05:30 EDT", "05:31", "05:32", "05:33"}, "Times are EDT (America/New_York) with UTC beneath."},
		{"hours", func() *incident.Incident { return harvestGo(t) },
			[]string{"11:00 EDT", "11:30", "12:00", "12:30"}, "Times are EDT (America/New_York) with UTC beneath."},
		{"days", func() *incident.Incident { return loadExample(t, "codeship-2014.yaml")[0] },
			[]string{"Thu 30 Jan", "Mon 3 Feb", "Thu 6 Feb", "Fri 7 Feb", "Sat 8 Feb"}, "Times are UTC."},
		{"undated", func() *incident.Incident { return undatedGo(t) },
			[]string{"T+0", "T+5 min", "T+10 min", "T+15 min"}, "The source gives no date: times are relative to the first event, T+0 at 10:50 Los Angeles time."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			labels, pic := ticks(tc.inc())
			require.GreaterOrEqual(t, len(labels), len(tc.first))
			assert.Equal(t, tc.first, labels[:len(tc.first)], "ticks(%s) = %v", tc.name, labels)
			assert.Equal(t, tc.note, pic.Note)
			for i := 1; i < len(pic.Ticks); i++ {
				assert.Greater(t, pic.Ticks[i].X, pic.Ticks[i-1].X, "ticks in order")
			}
		})
	}
	// Nine days with quiet stretches: the gaps are broken out of the axis.
	_, pic := ticks(loadExample(t, "codeship-2014.yaml")[0])
	assert.Len(t, pic.Breaks, 2)
	assert.Contains(t, pic.Breaks[0].Title, "left out of the axis")
}

func TestPictureDayShift(t *testing.T) {
	// 22:00-22:30 EDT is 02:00-02:30 UTC the next day.
	inc := loadExample(t, "harvest-2013-09.yaml")[2]
	b := (&Printer{}).builder(true)
	v, err := b.view(inc, 1, "")
	require.NoError(t, err)
	pic := b.picture(inc, &v, "")
	require.NotNil(t, pic)
	require.NotEmpty(t, pic.Ticks)
	assert.True(t, pic.Ticks[0].Shift)
	assert.Equal(t, "02:00 UTC", pic.Ticks[0].Labels[1], "the first tick names the zone")
	assert.Equal(t, "Tue 24 Sep 2013 · UTC Wed 25 Sep", pic.Ticks[0].Labels[2], "the UTC date, on the row of dates")
	assert.Equal(t, "02:05", pic.Ticks[1].Labels[1])
	assert.Empty(t, pic.Ticks[1].Labels[2], "the shift is said once per run")
	assert.True(t, pic.Ticks[1].Shift)
	require.NotNil(t, pic.Scheduled)
	assert.Equal(t, "Announced window: 22:00–22:30 EDT (02:00–02:30 UTC), 30 min", pic.Scheduled.Title)
}

func TestPictureManyServices(t *testing.T) {
	inc := accountsGo(t)
	inc.Services = nil
	for i := range 24 {
		inc.Services = append(inc.Services, fmt.Sprintf("service %02d", i))
	}
	inc.Timeline[0].Services = []string{"service 23"}
	files := svgOf(t, &Printer{}, inc)
	root := parseSVG(t, files[0].SVG)
	lanes := root.find("g", "lanes")[0].find("rect", "track")
	assert.Len(t, lanes, 24+3, "the services written and those the events name")
	for _, l := range lanes {
		assert.Equal(t, "20", l.attr("height"), "a lane stays readable")
	}
	var h float64
	_, err := fmt.Sscanf(root.attr("viewBox"), "0 0 800 %g", &h)
	require.NoError(t, err)
	assert.Greater(t, h, 27*20.0, "the figure grows with its lanes")
}

func TestPictureOmitted(t *testing.T) {
	inc := harvestGo(t)
	var page, md bytes.Buffer
	require.NoError(t, (&Printer{NoPictures: true}).HTML(&page, inc))
	require.NoError(t, (&Printer{NoPictures: true}).Markdown(&md, inc))
	assert.NotContains(t, page.String(), "<svg")
	assert.NotContains(t, md.String(), "```mermaid")

	page.Reset()
	md.Reset()
	require.NoError(t, (&Printer{Fragment: true}).HTML(&page, inc))
	require.NoError(t, (&Printer{PictureDir: "img/"}).Markdown(&md, inc))
	assert.Equal(t, 1, strings.Count(page.String(), `<svg xmlns="http://www.w3.org/2000/svg"`))
	assert.Contains(t, md.String(), "![timeline](<img/harvest-forecast-outage.svg>)\n\n```mermaid\ngantt\n")

	// An incident without any time has nothing to draw.
	bare := &incident.Incident{Title: "Nothing yet", Services: []string{"API"}}
	md.Reset()
	require.NoError(t, Markdown(&md, bare))
	assert.NotContains(t, md.String(), "mermaid")
	files, err := (&Printer{}).Pictures(bare)
	require.NoError(t, err)
	assert.Empty(t, files)
}

func TestPictureNames(t *testing.T) {
	a, b := harvestGo(t), harvestGo(t)
	c := undatedGo(t)
	assert.Equal(t, []string{"harvest-forecast-outage.svg", "harvest-forecast-outage-2.svg", "unplanned-downtime-during-a-search-release.svg"},
		pictureNames([]*incident.Incident{a, b, c}))
	hostileInc := hostile(t)
	for _, n := range pictureNames([]*incident.Incident{hostileInc}) {
		assert.Regexp(t, `^[a-z0-9-]+\.svg$`, n, "a file name from a hostile slug")
	}
}

// svgAllowed are the elements and attributes the picture may hold; anything else came from
// the input.
var (
	svgElements   = map[string]bool{"svg": true, "title": true, "desc": true, "style": true, "defs": true, "pattern": true, "rect": true, "circle": true, "g": true, "line": true, "text": true, "path": true}
	svgAttributes = map[string]bool{"xmlns": true, "class": true, "viewBox": true, "role": true, "aria-labelledby": true, "id": true, "width": true, "height": true,
		"patternUnits": true, "patternTransform": true, "cx": true, "cy": true, "r": true, "x": true, "y": true, "x1": true, "x2": true, "y1": true, "y2": true, "dy": true, "d": true, "fill": true, "transform": true}
)

func TestPictureHostile(t *testing.T) {
	inc := hostile(t)
	files := svgOf(t, &Printer{}, inc)
	require.Len(t, files, 1)
	root := parseSVG(t, files[0].SVG)
	assertOwnSVG(t, root)
	// The payload is there, as text.
	lanes := root.find("g", "lane")
	require.NotEmpty(t, lanes)
	assert.Equal(t, oneLine(hostileText), lanes[0].title())

	// Inline in the page, too.
	var page bytes.Buffer
	require.NoError(t, (&Printer{Places: places(t)}).HTML(&page, inc))
	svg := regexp.MustCompile(`(?s)<svg [^>]*class="pm-timeline".*?\n</svg>`).FindString(page.String())
	require.NotEmpty(t, svg)
	assertOwnSVG(t, parseSVG(t, []byte(svg)))
}

// assertOwnSVG checks that the picture root holds only the package's own elements and
// attributes: nothing of the input became markup.
func assertOwnSVG(t *testing.T, root *svgElement) {
	t.Helper()
	var walk func(e *svgElement)
	walk = func(e *svgElement) {
		assert.True(t, svgElements[e.Name], "element <%s> in the picture", e.Name)
		for _, a := range e.Attrs {
			assert.True(t, svgAttributes[a.Name.Local] && a.Name.Space == "" || a.Name.Local == "xmlns", "attribute %s:%s in <%s>", a.Name.Space, a.Name.Local, e.Name)
			if a.Name.Local == "fill" {
				assert.Regexp(t, `^url\(#[a-z0-9-]+\)$`, a.Value)
			}
		}
		for _, k := range e.Kids {
			walk(k)
		}
	}
	walk(root)
}

func TestMermaid(t *testing.T) {
	inc := accountsGo(t)
	inc.Title = "Outage: #1; end"
	inc.Services[0] = "US: accounts; #1 <b>"
	inc.Timeline[1].Services = []string{inc.Services[0]}
	inc.Timeline[2].Services = []string{inc.Services[0], "EU accounts"}
	var md bytes.Buffer
	require.NoError(t, Markdown(&md, inc))
	block := regexp.MustCompile("(?s)```mermaid\n.*?```").FindString(md.String())
	require.NotEmpty(t, block)
	assert.Equal(t, "```mermaid\ngantt\n"+
		"    title Outage#58; #35;1#59; end (times EDT, America/New_York)\n"+
		"    dateFormat YYYY-MM-DD HH:mm:ss\n"+
		"    axisFormat %H:%M\n"+
		"    section US#58; accounts#59; #35;1 #60;b#62;\n"+
		"    major outage :crit, 2023-06-05 03:18:00, 1200s\n"+
		"    section EU accounts\n"+
		"    degraded performance :2023-06-05 03:10:00, 1680s\n"+
		"    section API\n"+
		"    major outage (approximate) :crit, 2023-06-05 03:38:00, 720s\n"+
		"    section Events\n"+
		"    detected :milestone, 2023-06-05 03:10:00, 0s\n"+
		"    started :milestone, 2023-06-05 03:18:00, 0s\n"+
		"    about resolved :milestone, 2023-06-05 03:50:00, 0s\n"+
		"```", block)

	md.Reset()
	require.NoError(t, Markdown(&md, undatedGo(t)))
	assert.Contains(t, md.String(), "    title Unplanned downtime during a search release (times Los Angeles time#59; the source gives no date)\n    dateFormat HH:mm:ss\n")
	assert.Contains(t, md.String(), "    major outage (approximate) :crit, 10:50:00, 1800s\n")
}

// benchIncident is the 500-event incident of BENCHMARKS.md, when present.
func benchIncident(b *testing.B) []*incident.Incident {
	data, err := os.ReadFile("testdata/bench500.yaml")
	if err != nil {
		b.Skip("testdata/bench500.yaml: ", err)
	}
	incs, err := incident.Parse("bench500.yaml", data)
	require.NoError(b, err)
	return incs
}

// BenchmarkHTMLPicture renders a 500-event incident's page with and without its picture.
func BenchmarkHTMLPicture(b *testing.B) {
	incs := benchIncident(b)
	for _, tc := range []struct {
		name string
		p    *Printer
	}{{"with", &Printer{}}, {"without", &Printer{NoPictures: true}}} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				require.NoError(b, tc.p.HTML(io.Discard, incs...))
			}
		})
	}
}

// BenchmarkHTMLPictureExamples renders the examples as one page with and without pictures.
func BenchmarkHTMLPictureExamples(b *testing.B) {
	var incs []*incident.Incident
	for _, n := range []string{"codeship-2014.yaml", "harness-2021.yaml", "harvest-2013-09.yaml", "harvest-2016-07-26.yaml", "pivotal-tracker.yaml"} {
		incs = append(incs, loadExample(b, n)...)
	}
	for _, tc := range []struct {
		name string
		p    *Printer
	}{{"with", &Printer{}}, {"without", &Printer{NoPictures: true}}} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				require.NoError(b, tc.p.HTML(io.Discard, incs...))
			}
		})
	}
}

// TestPictureShortWindow: Codeship's one-minute major outage in nine days is drawn at least
// picBandMin px wide, over its neighbours, while its title keeps its real length.
func TestPictureShortWindow(t *testing.T) {
	files := svgOf(t, &Printer{}, loadExample(t, "codeship-2014.yaml")[0])
	root := parseSVG(t, files[0].SVG)
	var major []*svgElement
	for _, b := range root.find("g", "band") {
		if b.attr("class") == "band major_outage" {
			major = append(major, b)
		}
	}
	require.Len(t, major, 1)
	assert.Equal(t, "Codeship: major outage about Wed 5 Feb 21:00 – about Wed 5 Feb 21:01 UTC, 1 min", major[0].title(), "the title keeps the real length")
	mins := major[0].find("rect", "min")
	require.Len(t, mins, 1, "a short window gets a band of the least width")
	assert.Equal(t, "5", mins[0].attr("width"))
	assert.Regexp(t, `^[0-9.]+%$`, major[0].find("svg", "")[0].attr("x"), "placed at its start along the axis")
	bands := root.find("g", "lanes")[0].find("g", "band")
	assert.Same(t, major[0], bands[len(bands)-1], "drawn over its neighbours")

	// A window of a good part of the axis is drawn as it is.
	root = parseSVG(t, svgOf(t, &Printer{}, harvestGo(t))[0].SVG)
	for _, b := range root.find("g", "band") {
		assert.Empty(t, b.find("rect", "min"), b.title())
	}
}

// TestAppendEscaped: the figure's escaper escapes as html/template's does.
func TestAppendEscaped(t *testing.T) {
	for _, s := range []string{"", "plain", `a "b" & 'c' <d> e`, "nul\x00byte", hostileText, "é ü 漢字 \u202e"} {
		assert.Equal(t, template.HTMLEscapeString(s), string(appendEscaped(nil, s)), "%q", s)
		var sb strings.Builder
		w := svgWriter{b: bufio.NewWriter(&sb)}
		w.e(s)
		require.NoError(t, w.b.Flush())
		assert.Equal(t, template.HTMLEscapeString(s), sb.String(), "%q", s)
	}
}

// BenchmarkPicture draws the 500-event incident's picture and writes its SVG, alone.
func BenchmarkPicture(b *testing.B) {
	inc := benchIncident(b)[0]
	bd := (&Printer{}).builder(true)
	v, err := bd.view(inc, 1, "")
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		pic := bd.picture(inc, &v, "")
		if len(pic.svg(false)) == 0 {
			b.Fatal("no SVG")
		}
	}
}

// TestPictureStreamed: the built-in page writes its figures straight into its writer; the
// same template run as a custom one, through the strings SVG returns, writes the same page.
func TestPictureStreamed(t *testing.T) {
	custom, err := ParseHTMLTemplate("custom.html", htmlSource)
	require.NoError(t, err)
	for _, incs := range [][]*incident.Incident{{harvestGo(t)}, loadExample(t, "harvest-2013-09.yaml"), benchIncidentT(t)} {
		var built, through bytes.Buffer
		require.NoError(t, HTML(&built, incs...))
		require.NoError(t, (&Printer{HTMLTemplate: custom}).HTML(&through, incs...))
		assert.Equal(t, through.String(), built.String())
		assert.Equal(t, len(incs), strings.Count(built.String(), `<svg xmlns="http://www.w3.org/2000/svg"`))
	}
}

// benchIncidentT is the 500-event incident for a test.
func benchIncidentT(t *testing.T) []*incident.Incident {
	data, err := os.ReadFile("testdata/bench500.yaml")
	require.NoError(t, err)
	incs, err := incident.Parse("bench500.yaml", data)
	require.NoError(t, err)
	return incs
}

// TestPictureReflows: inline, the figure takes its container's width (no viewBox: its type
// keeps its px size on a phone) and places everything along the axis in percent; every
// other tick is minor, left out by a narrow page; as a file it scales by its viewBox.
func TestPictureReflows(t *testing.T) {
	inc := harvestGo(t)
	var page bytes.Buffer
	require.NoError(t, HTML(&page, inc))
	svg := regexp.MustCompile(`(?s)<svg [^>]*class="pm-timeline".*?\n</svg>`).FindString(page.String())
	root := parseSVG(t, []byte(svg))
	assert.Equal(t, "100%", root.attr("width"))
	assert.Regexp(t, `^\d+(\.\d)?$`, root.attr("height"))
	assert.Empty(t, root.attr("viewBox"))
	for _, g := range root.find("g", "band") {
		assert.Regexp(t, `%$`, g.find("rect", "")[0].attr("x"), g.title())
		assert.Regexp(t, `%$`, g.find("rect", "")[0].attr("width"), g.title())
	}
	for _, m := range root.find("g", "events")[0].find("g", "mk") {
		assert.Regexp(t, `%$`, m.find("svg", "")[0].attr("x"), m.title())
	}
	var minor []bool
	for _, l := range root.find("g", "ticks")[0].find("line", "axis") {
		if l.attr("x1") != l.attr("x2") || l.attr("y1") == l.attr("y2") {
			continue // the axis itself
		}
		minor = append(minor, l.attr("class") == "axis minor")
	}
	require.Greater(t, len(minor), 2)
	for i, m := range minor {
		assert.Equal(t, i%2 == 1, m, "tick %d", i)
	}
	assert.Contains(t, page.String(), "@media (max-width:40rem){.pm-timeline .minor{display:none}}")
	assert.Contains(t, page.String(), ".pm-timeline text{fill:var(--fg);font-size:12px")

	file := parseSVG(t, svgOf(t, &Printer{}, inc)[0].SVG)
	assert.Regexp(t, `^0 0 800 \d+(\.\d)?$`, file.attr("viewBox"))
}

// FuzzPicture draws incidents whose events fall at any instants, dated or not, from a few
// seconds to thousands of years apart, and checks that the SVG is well-formed XML with one
// marker per event and a band per window.
func FuzzPicture(f *testing.F) {
	f.Add(int64(0), int64(60), int64(3600), uint8(0x0f), true)
	f.Add(int64(-62135596800), int64(1), int64(9*86400), uint8(0x33), false) // 0001-01-01, undated
	f.Add(int64(253402300799), int64(-86400*365*9000), int64(7), uint8(0xff), true)
	f.Add(int64(1391126400), int64(12*3600), int64(86400*4), uint8(0x5a), true)
	ny := mustLoad(f, "America/New_York")
	f.Fuzz(func(t *testing.T, start, d1, d2 int64, bits uint8, dated bool) {
		const lo, hi = -62135596800, 253402300799 // years 1 to 9999
		t0 := max(min(start, hi), lo)
		inc := &incident.Incident{Title: "Fuzzed", Location: ny, Services: []string{"API", "Web"}}
		levels := []timeline.Level{timeline.Degraded, timeline.Partial, timeline.Major, timeline.Operational, timeline.Maintenance}
		at := t0
		for i := range 6 {
			d := d1
			if i%2 == 1 {
				d = d2
			}
			at = max(min(at+d%(hi-lo), hi), lo)
			ev := incident.Event{At: incident.Time{Instant: time.Unix(at, 0).UTC(), Loc: ny, Dated: dated, Approx: bits>>i&1 == 1},
				Kind: timeline.EventKind(i + int(bits)%4), State: levels[(i+int(bits))%len(levels)]}
			if bits>>(i+1)&1 == 1 {
				ev.Services = []string{inc.Services[i%2]}
			}
			inc.Timeline = append(inc.Timeline, ev)
		}
		slices.SortStableFunc(inc.Timeline, func(a, b incident.Event) int { return a.At.Instant.Compare(b.At.Instant) })
		b := (&Printer{}).builder(true)
		v, err := b.view(inc, 1, "")
		if err != nil {
			t.Skip(err)
		}
		pic := b.picture(inc, &v, "")
		if pic == nil {
			t.Fatal("no picture of six events")
		}
		for _, standalone := range []bool{false, true} {
			svg := pic.svg(standalone)
			if len(pic.Ticks) > 64 || len(svg) > 64<<10 {
				t.Fatalf("%d ticks, %d bytes of SVG for six events", len(pic.Ticks), len(svg))
			}
			root := parseSVG(t, []byte(svg))
			assert.Len(t, root.find("g", "events")[0].find("g", "mk"), len(inc.Timeline))
			n := 0
			for _, ln := range pic.Lanes {
				n += len(ln.Bands)
			}
			assert.Len(t, root.find("g", "lanes")[0].find("g", "band"), n)
		}
		for _, m := range pic.Markers {
			if m.X < 0 || m.X > 100 || math.IsNaN(m.X) {
				t.Fatalf("marker at %v%%", m.X)
			}
		}
	})
}

// TestPictureGroupsLanes: past maxLanes services, those with one history share a lane, so
// that a figure's work follows its windows, not services × windows; within it, every
// service keeps its own lane.
func TestPictureGroupsLanes(t *testing.T) {
	lanes := func(n int, alone string) []string {
		var b strings.Builder
		b.WriteString("title: many\ndate: 2024-05-02\ntimezone: UTC\nservices: [")
		for i := range n {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "s%03d", i)
		}
		b.WriteString("]\ntimeline:\n")
		for i := range 50 {
			state := "major"
			if i%2 == 1 {
				state = "ok"
			}
			fmt.Fprintf(&b, "  - {at: \"10:%02d\", state: %s}\n", i, state)
		}
		if alone != "" {
			fmt.Fprintf(&b, "  - {at: \"11:00\", state: degraded, services: [%s]}\n  - {at: \"11:10\", state: ok}\n", alone)
		}
		incs, err := incident.Parse("many.yaml", []byte(b.String()))
		require.NoError(t, err)
		pb := (&Printer{}).builder(true)
		v, err := pb.view(incs[0], 1, "")
		require.NoError(t, err)
		pic := pb.picture(incs[0], &v, "")
		require.NotNil(t, pic)
		var names []string
		for _, ln := range pic.Lanes {
			names = append(names, ln.Name)
			assert.NotEmpty(t, ln.Bands, "lane %s", ln.Name)
		}
		return names
	}
	assert.Len(t, lanes(maxLanes, ""), maxLanes, "up to maxLanes services, one lane each")
	assert.Equal(t, []string{"all 200 services"}, lanes(200, ""))
	assert.Equal(t, []string{"s000, s001 and 197 more", "s007"}, lanes(200, "s007"),
		"a service with a history of its own keeps its lane")
}
