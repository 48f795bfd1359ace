package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

func markdownOfIncs(t *testing.T, p *Printer, incs ...*incident.Incident) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, p.Markdown(&buf, incs...))
	return buf.String()
}

func htmlOf(t *testing.T, p *Printer, incs ...*incident.Incident) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, p.HTML(&buf, incs...))
	return buf.String()
}

func TestTimelineTimes(t *testing.T) {
	p := &Printer{Places: places(t)}
	md := markdownOfIncs(t, p, harvestGo(t))
	assert.Contains(t, md, "| 10:36 EDT · 14:36 UTC | → degraded performance | **Detected.** ")
	assert.Contains(t, md, "| about 10:53 EDT · 14:53 UTC | → operational |")
	// One day only: no dates in the rows.
	assert.NotContains(t, md, "Tue 26 Jul 2016 10:36")

	page := htmlOf(t, p, harvestGo(t))
	assert.Contains(t, page, `<time datetime="2016-07-26T14:36:00Z" data-day="2016-07-26">10:36 <abbr>EDT</abbr> · 14:36 UTC</time>`)
	assert.Contains(t, page, `<time datetime="2016-07-26T14:53:00Z" data-day="2016-07-26">about 10:53 <abbr>EDT</abbr> · 14:53 UTC</time>`)
	// Every <time> carries a UTC instant.
	for _, m := range regexp.MustCompile(`<time datetime="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		assert.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`, m[1])
	}
}

func TestTimelineCrossesMidnight(t *testing.T) {
	md := markdownOfIncs(t, &Printer{Places: places(t)}, maintenanceGo(t))
	assert.Contains(t, md, "| Sun 28 Apr 2013 21:00 EDT · 01:00 UTC (Mon 29 Apr) | → under maintenance |")
	assert.Contains(t, md, "| Mon 29 Apr 2013 00:30 EDT · 04:30 UTC | → operational |")
}

func TestUndated(t *testing.T) {
	inc := undatedGo(t)
	md := markdownOfIncs(t, &Printer{}, inc)
	assert.Contains(t, md, "| 10:50 Los Angeles time | → major outage |")
	assert.Contains(t, md, "| about 11:20 Los Angeles time | → operational |")
	assert.NotContains(t, md, "UTC |")
	assert.NotContains(t, md, "0001")
	assert.Contains(t, md, "- **Downtime:** 30 min")

	page := htmlOf(t, &Printer{}, inc)
	assert.NotContains(t, page, "<time datetime")
	assert.NotContains(t, page, "0001")
	assert.Contains(t, page, `<span class="wall">10:50 Los Angeles time</span>`)
}

func TestFigures(t *testing.T) {
	md := markdownOfIncs(t, &Printer{}, harvestGo(t))
	for _, want := range []string{
		"- **Impact began:** 10:50 EDT · 14:50 UTC",
		"- **Downtime:** 1 h 42 min (time at major outage)",
		"- **Outage span:** 1 h 48 min",
		"- **Degraded performance:** 14 min (not counted as downtime)",
		"- **Time to detect:** detected 14 min before the outage began (while degraded)",
		"- **Time to acknowledge:** unavailable",
		"- **Time to mitigate:** unavailable",
		"- **Time to resolve:** 1 h 48 min",
	} {
		assert.Contains(t, md, want)
	}

	// A partial outage is weighed by the Printer's Config.
	inc := harvestGo(t)
	for i := range inc.Timeline {
		if inc.Timeline[i].State == timeline.Major {
			inc.Timeline[i].State = timeline.Partial
		}
	}
	half, err := timeline.NewWeight(0.5)
	require.NoError(t, err)
	md = markdownOfIncs(t, &Printer{Config: timeline.Policy{PartialWeight: half}}, inc)
	assert.Contains(t, md, "- **Downtime:** 51 min (major outage + 50% of partial outage)")
}

func TestSectionsOmittedWhenEmpty(t *testing.T) {
	inc := undatedGo(t)
	md := markdownOfIncs(t, &Printer{}, inc)
	for _, h := range []string{"## Summary", "## Root causes", "## Trigger", "## Detection", "## Resolution",
		"## Contributing factors", "## Lessons", "## Action items", "## Links", "## Maintenance window"} {
		assert.NotContains(t, md, h)
	}
	// The order of the sections is the SRE book's.
	md = markdownOfIncs(t, &Printer{}, harvestGo(t))
	last := -1
	for _, h := range []string{"# Harvest", "## Summary", "## Impact", "## Timeline", "## Root causes", "## Trigger",
		"## Resolution", "## Contributing factors", "## Lessons learned", "### What went well",
		"### What went wrong", "## Action items", "## Links"} {
		i := strings.Index(md, h)
		require.GreaterOrEqual(t, i, 0, "section %q missing", h)
		assert.Greater(t, i, last, "section %q out of order", h)
		last = i
	}
}

func TestMarkdownTableCells(t *testing.T) {
	inc := harvestGo(t)
	inc.Timeline[0].Text = "a | b\nsecond line with `x|y` code"
	inc.ActionItems[1].Owner = "ops | db\nteam"
	md := markdownOfIncs(t, &Printer{}, inc)
	assert.Contains(t, md, "**Detected.** a \\| b second line with `x\\|y` code |")
	assert.Contains(t, md, "| ops \\| db team |")
}

func TestFrontMatter(t *testing.T) {
	inc := harvestGo(t)
	inc.Title = "Quotes \" and colons: and # hashes\\ 'single'"
	md := markdownOfIncs(t, &Printer{FrontMatter: true}, inc)
	require.True(t, strings.HasPrefix(md, "---\n"))
	end := strings.Index(md[4:], "\n---\n")
	require.Greater(t, end, 0)
	var fm struct {
		Title   string
		Date    string
		Slug    string
		Tags    []string
		Summary string
	}
	require.NoError(t, yaml.Unmarshal([]byte(md[4:4+end]), &fm))
	assert.Equal(t, inc.Title, fm.Title)
	assert.Equal(t, "2016-07-27", fm.Date)
	assert.Equal(t, "harvest-forecast-outage", fm.Slug)
	assert.Equal(t, []string{"Forecast", "Harvest", "incident"}, fm.Tags)
	assert.Equal(t, inc.Summary, fm.Summary)

	assert.False(t, strings.HasPrefix(markdownOfIncs(t, &Printer{}, inc), "---"))
}

func TestHeadingOrder(t *testing.T) {
	p := &Printer{Places: places(t)}
	for _, incs := range [][]*incident.Incident{
		{harvestGo(t)}, {maintenanceGo(t)}, {harvestGo(t), undatedGo(t), maintenanceGo(t)},
	} {
		page := htmlOf(t, p, incs...)
		prev := 0
		for _, m := range regexp.MustCompile(`<h([1-6])[ >]`).FindAllStringSubmatch(page, -1) {
			n, _ := strconv.Atoi(m[1])
			if prev == 0 {
				assert.Equal(t, 1, n, "the first heading is h1")
			}
			assert.LessOrEqual(t, n, prev+1, "heading h%d after h%d skips a level", n, prev)
			prev = n
		}
		assert.Equal(t, 1, strings.Count(page, "<h1"), "one h1")
		assert.Contains(t, page, `<html lang="en">`)
		assert.NotRegexp(t, `<th>`, page, "every th has a scope")
		// No external request of any kind.
		assert.NotRegexp(t, `(?i)<(link|img|iframe|object|embed)\b`, page)
		assert.NotRegexp(t, `(?i)url\([^#]|@import`, page, "url() only of an element of the page")
		ids := regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(page, -1)
		seen := map[string]bool{}
		for _, id := range ids {
			assert.False(t, seen[id[1]], "duplicate id %q", id[1])
			seen[id[1]] = true
		}
	}
}

func TestCSPHashes(t *testing.T) {
	page := htmlOf(t, &Printer{}, harvestGo(t))
	// The policy names the hashes of exactly the inline script and style the page carries.
	script := regexp.MustCompile(`(?s)<script[^>]*>(.*?)</script>`).FindAllStringSubmatch(page, -1)
	require.Len(t, script, 1)
	style := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindAllStringSubmatch(page, -1)
	require.Len(t, style, 1)
	assert.Contains(t, page, "script-src '"+cspHash(script[0][1])+"'")
	assert.Contains(t, page, "style-src '"+cspHash(style[0][1])+"'")
	assert.Contains(t, page, "default-src 'none'")
	assert.NotContains(t, page, " style=", "inline style attributes would be blocked by the policy")
}

func TestMaintenanceConverter(t *testing.T) {
	p := &Printer{Places: places(t)}
	md := markdownOfIncs(t, p, maintenanceGo(t))
	assert.Contains(t, md, "### What time is that for you?")
	assert.Contains(t, md, "| Los Angeles | PDT (UTC-7) | Sun 28 Apr 18:00 | 21:30 | end -1 day |")
	assert.Contains(t, md, "| Tokyo | JST (UTC+9) | Mon 29 Apr 10:00 | 13:30 | +1 day, end same day |")
	assert.Contains(t, md, "| Kolkata | IST (UTC+5:30) | Mon 29 Apr 06:30 | 10:00 | +1 day, end same day |")
	assert.Contains(t, md, "(<https://www.timeanddate.com/worldclock/fixedtime.html?")

	page := htmlOf(t, p, maintenanceGo(t))
	assert.Contains(t, page, `<tr class="yours" hidden data-start="2013-04-29T01:00:00Z" data-day="2013-04-28" data-end="2013-04-29T04:30:00Z" data-end-day="2013-04-29">`)
	assert.Contains(t, page, `<a href="https://www.timeanddate.com/worldclock/fixedtime.html?`)
}

func TestConvert(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	p := &Printer{Places: places(t)}
	start := time.Date(2016, time.July, 26, 22, 36, 0, 0, ny)

	var buf bytes.Buffer
	require.NoError(t, p.ConvertMarkdown(&buf, Conversion{Start: start, Source: ny, Zone: "EDT", Approx: true}))
	md := buf.String()
	assert.Contains(t, md, "Tue 26 Jul 2016, about 22:36 EDT · 02:36 UTC (Wed 27 Jul) in other zones:")
	assert.Contains(t, md, "| City | Zone | Time | Day |")
	assert.Contains(t, md, "| Tokyo | JST (UTC+9) | Wed 27 Jul 11:36 | +1 day |")
	assert.Contains(t, md, "| Los Angeles | PDT (UTC-7) | Tue 26 Jul 19:36 |  |")

	buf.Reset()
	require.NoError(t, p.ConvertHTML(&buf, Conversion{Start: start, End: start.Add(time.Hour), Source: ny}))
	page := buf.String()
	assert.Contains(t, page, "<h1>What time is that for you?</h1>")
	assert.Contains(t, page, `data-start="2016-07-27T02:36:00Z" data-day="2016-07-26" data-end="2016-07-27T03:36:00Z" data-end-day="2016-07-26"`)
	assertInert(t, page, 1)

	assert.Error(t, p.ConvertMarkdown(&buf, Conversion{}))
	assert.Error(t, p.ConvertMarkdown(&buf, Conversion{Start: start, End: start.Add(-time.Minute)}))
}

func TestUserTemplates(t *testing.T) {
	mt, err := ParseMarkdownTemplate("mine", `{{range .Incidents}}{{md .Title}}: {{range .Figures}}{{.Label}}={{.Value}};{{end}}{{end}}`)
	require.NoError(t, err)
	inc := harvestGo(t)
	inc.Title = "A *bold* <b>title</b>"
	md := markdownOfIncs(t, &Printer{MarkdownTemplate: mt}, inc)
	assert.True(t, strings.HasPrefix(md, `A \*bold\* \<b\>title\</b\>: Downtime=1 h 42 min;`), md)

	ht, err := ParseHTMLTemplate("mine", `{{range .Incidents}}<h1>{{.Title}}</h1>{{.Summary.HTML}}{{end}}`)
	require.NoError(t, err)
	page := htmlOf(t, &Printer{HTMLTemplate: ht}, inc)
	assert.Equal(t, "<h1>A *bold* &lt;b&gt;title&lt;/b&gt;</h1><p>Harvest and Forecast were unreachable from 10:50am to 12:38pm EDT.</p>", page)

	_, err = ParseHTMLTemplate("bad", `{{.Nope`)
	assert.Error(t, err)
	bad, err := ParseMarkdownTemplate("bad", `{{.Nope}}`)
	require.NoError(t, err)
	var buf bytes.Buffer
	assert.ErrorContains(t, (&Printer{MarkdownTemplate: bad}).Markdown(&buf, inc), "render: ")
}

func TestNilIncident(t *testing.T) {
	var buf bytes.Buffer
	assert.Error(t, Markdown(&buf, nil))
	assert.Error(t, Markdown(&buf))
	assert.Error(t, HTML(&buf))
	assert.Error(t, HTML(&buf, harvestGo(t), nil))
}

func TestMarkdownFieldsHeadings(t *testing.T) {
	inc := harvestGo(t)
	inc.Resolution = "# Steps\n\nWe did things."
	page := htmlOf(t, &Printer{}, inc)
	// A heading written in a field nests below its section (h2), so the outline stays valid.
	assert.Contains(t, page, "<h3>Steps</h3>")
	md := markdownOfIncs(t, &Printer{}, inc)
	assert.Contains(t, md, "## Resolution\n\n### Steps\n\nWe did things.")

	for _, tc := range []struct {
		in   string
		base int
		want string
	}{
		{"# A\n\ntext", 2, "### A\n\ntext"},
		{"  ## B", 1, "  ### B"},
		{"###### deep", 2, "###### deep"},
		{"not # a heading\n\n`# code`\n\n    # indented code", 2, "not # a heading\n\n`# code`\n\n    # indented code"},
		{"Setext\n===", 2, "Setext\n==="},
		{"- # in a list", 1, "- ## in a list"},
	} {
		assert.Equal(t, tc.want, shiftHeadings(tc.in, tc.base), "shiftHeadings(%q, %d)", tc.in, tc.base)
	}
}

func TestMDEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"America/New_York", "America/New_York"},
		{"_lead and trail_", `\_lead and trail\_`},
		{"a*b* [c](d) <e> `f` | ~g~ #h !i", `a\*b\* \[c\](d) \<e\> \` + "`" + `f\` + "`" + ` \| \~g\~ \#h \!i`},
		{"AT&T &amp; & x", `AT\&T \&amp; & x`},
		{"two\nlines", "two lines"},
	} {
		assert.Equal(t, tc.want, mdEscape(tc.in), "mdEscape(%q)", tc.in)
	}
}

func TestOpenEndedOutage(t *testing.T) {
	inc := undatedGo(t)
	inc.Timeline = inc.Timeline[:1] // down at 10:50, no recovery recorded
	md := markdownOfIncs(t, &Printer{}, inc)
	assert.Contains(t, md, "- **Downtime:** unavailable (the timeline records no end of the outage)")
	assert.Contains(t, md, "- **Time to resolve:** unavailable")
	assert.NotContains(t, md, "Downtime:** none")
}

// The style applies only inside the document, so that a fragment does not restyle the page
// it is embedded in.
func TestStyleScoped(t *testing.T) {
	css := pageCSS
	for i := 0; i < len(css); {
		j := strings.IndexByte(css[i:], '{')
		if j < 0 {
			break
		}
		sel := strings.TrimSpace(css[i : i+j])
		if k := strings.LastIndexByte(sel, '}'); k >= 0 {
			sel = strings.TrimSpace(sel[k+1:])
		}
		i += j + 1
		if strings.HasPrefix(sel, "@media") {
			continue
		}
		// Skip the declarations.
		if k := strings.IndexByte(css[i:], '}'); k >= 0 {
			i += k + 1
		}
		for _, s := range strings.Split(sel, ",") {
			s = strings.TrimSpace(s)
			assert.True(t, strings.HasPrefix(s, ".postmortem") || strings.HasPrefix(s, "body.postmortem-page") ||
				strings.HasPrefix(s, ".pm-timeline") || strings.HasPrefix(s, ":root.pm-timeline"), "unscoped selector %q", s)
		}
	}
}

// TestTemplateRowMethods runs user templates that store the row methods' values, test them
// and place them after other output: the rows must appear where the template puts them, and
// only there.
func TestTemplateRowMethods(t *testing.T) {
	inc := harvestGo(t)
	want := func(v View) (string, string) {
		return string(timelineRows(v.Timeline)), string(outageRows(v.Outages, v.TimelineDates))
	}
	d, err := (&Printer{}).builder(true).document([]*incident.Incident{inc})
	require.NoError(t, err)
	rows, outages := want(d.Incidents[0])
	require.Contains(t, rows, "<tr")
	require.Contains(t, outages, "<tr")

	for _, tc := range []struct {
		name, text, want string
	}{
		{"stored", `{{range .Incidents}}{{$rows := .TimelineRows}}<h1>{{.Title}}</h1><table>{{$rows}}</table>{{end}}`,
			"<h1>Harvest and Forecast outage</h1><table>" + rows + "</table>"},
		{"reordered", `{{range .Incidents}}{{$o := .OutageRows}}{{$t := .TimelineRows}}<p>x</p><table>{{$t}}</table><table>{{$o}}</table>{{end}}`,
			"<p>x</p><table>" + rows + "</table><table>" + outages + "</table>"},
		{"tested", `{{range .Incidents}}{{if .TimelineRows}}yes{{else}}no{{end}}{{end}}`, "yes"},
		{"twice", `{{range .Incidents}}{{.OutageRows}}|{{.OutageRows}}{{end}}`, outages + "|" + outages},
	} {
		t.Run("html/"+tc.name, func(t *testing.T) {
			ht, err := ParseHTMLTemplate(tc.name, tc.text)
			require.NoError(t, err)
			assert.Equal(t, tc.want, htmlOf(t, &Printer{HTMLTemplate: ht}, inc))
		})
	}

	// A Markdown template that tests the rows and counts them gets no HTML written into it.
	mt, err := ParseMarkdownTemplate("md", `{{range .Incidents}}# {{md .Title}}
{{if .TimelineRows}}{{len .Timeline}} events{{end}}{{$r := .OutageRows}}
{{if $r}}windows{{end}}{{end}}`)
	require.NoError(t, err)
	md := markdownOfIncs(t, &Printer{MarkdownTemplate: mt}, inc)
	assert.Equal(t, fmt.Sprintf("# Harvest and Forecast outage\n%d events\nwindows", len(inc.Timeline)), md)
}

// TestMilestoneWording: a milestone before the impact began says so as a fact, with the state
// the services were in; one at the impact's start is "at once".
func TestMilestoneWording(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(inc *incident.Incident)
		want string
	}{
		{"before the outage, while degraded", func(*incident.Incident) {},
			"- **Time to detect:** detected 14 min before the outage began (while degraded)"},
		{"at once", func(inc *incident.Incident) {
			inc.Timeline[0].Kind, inc.Timeline[1].Kind = timeline.Note, timeline.Detected
		}, "- **Time to detect:** at once"},
		{"before a started event", func(inc *incident.Incident) {
			inc.Timeline[1].Kind = timeline.Started
		}, "- **Time to detect:** detected 14 min before the impact began (while degraded)"},
		{"before any state", func(inc *incident.Incident) {
			inc.Timeline[0].State = timeline.LevelUnknown
		}, "- **Time to detect:** detected 14 min before the outage began\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inc := harvestGo(t)
			tc.edit(inc)
			md := markdownOfIncs(t, &Printer{}, inc)
			assert.Contains(t, md, tc.want)
			assert.NotContains(t, md, "0 s")
		})
	}
}

// TestWrittenNote: a time whose written zone is not the one shown ("03:18 AM EST" in April,
// shown as EDT) shows what was written: a note in Markdown, a title in HTML. A written form
// that agrees with what is shown gets none.
func TestWrittenNote(t *testing.T) {
	inc := harvestGo(t)
	inc.Timeline[1].At.Written = "10:50 AM EST"            // the wrong half of the pair
	inc.Timeline[3].At.Written = "10:59am EDT (14:59 UTC)" // agrees
	md := markdownOfIncs(t, &Printer{}, inc)
	assert.Contains(t, md, "| 10:50 EDT · 14:50 UTC (written: 10:50 AM EST) | → major outage |")
	assert.Contains(t, md, "| 10:59 EDT · 14:59 UTC | → major outage |")
	assert.Equal(t, 1, strings.Count(md, "written:"))
	page := htmlOf(t, &Printer{}, inc)
	assert.Contains(t, page, `<time datetime="2016-07-26T14:50:00Z" data-day="2016-07-26" class="written" title="written: 10:50 AM EST">10:50 <abbr>EDT</abbr> · 14:50 UTC</time>`)
	assert.Equal(t, 1, strings.Count(page, "title=\"written:"), "the timeline row only: windows and figures are computed instants")

	for written, want := range map[string]bool{
		"03:18 AM EST": true, "2024-04-11 03:18 CET": true, "03:18 EDT": false, "03:18 edt": false,
		"03:18am EDT (07:18 UTC)": false, "2024-04-11T07:18:00Z": false, "03:18 America/New_York": false,
		"Monday 3am": false, "": false, "03:18 XYZ": false,
	} {
		assert.Equal(t, want, writtenNote(written, "EDT") != "", written)
	}
}

// TestUTCDayBeside: the UTC date of a time past UTC midnight follows the UTC time in every
// table and line that shows it, in one style.
func TestUTCDayBeside(t *testing.T) {
	p := &Printer{Places: places(t)}
	md := markdownOfIncs(t, p, maintenanceGo(t))
	const at = "21:00 EDT · 01:00 UTC (Mon 29 Apr)"
	for _, where := range []string{
		"Sun 28 Apr 2013, " + at + " to ",        // the maintenance window
		"| Sun 28 Apr 2013 " + at + " | ",        // the state windows
		"| Sun 28 Apr 2013 " + at + " | → under", // the timeline
	} {
		assert.Contains(t, md, where)
	}
	page := htmlOf(t, p, maintenanceGo(t))
	assert.Equal(t, 3, strings.Count(page, `01:00 UTC <small class="day">(Mon 29 Apr)</small></time>`))
	assert.NotContains(t, page, "(UTC Mon")

	var buf bytes.Buffer
	ny := mustLoad(t, "America/New_York")
	require.NoError(t, p.ConvertMarkdown(&buf, Conversion{Start: time.Date(2013, time.April, 28, 21, 0, 0, 0, ny), Source: ny}))
	assert.Contains(t, buf.String(), "Sun 28 Apr 2013, "+at+" in other zones:")
}

// TestConverterEndDay: the Day column marks the end's day shift when it is not the start's,
// as the command's table does, in both formats.
func TestConverterEndDay(t *testing.T) {
	london := mustLoad(t, "Europe/London")
	p := &Printer{Places: places(t)}
	start := time.Date(2024, time.March, 23, 23, 30, 0, 0, london)
	c := Conversion{Start: start, End: start.Add(time.Hour), Source: london}
	var md, page bytes.Buffer
	require.NoError(t, p.ConvertMarkdown(&md, c))
	require.NoError(t, p.ConvertHTML(&page, c))
	for _, want := range []string{
		"| Los Angeles | PDT (UTC-7) | Sat 23 Mar 16:30 | 17:30 | end -1 day |",
		"| London | GMT (UTC) | Sat 23 Mar 23:30 | Sun 24 Mar 00:30 |  |",
		"| Tokyo | JST (UTC+9) | Sun 24 Mar 08:30 | 09:30 | +1 day, end same day |",
	} {
		assert.Contains(t, md.String(), want)
	}
	assert.Contains(t, page.String(), "<td>end -1 day</td>")
	assert.Contains(t, page.String(), "<td>&#43;1 day, end same day</td>")
}

// TestSeveralIncidents: a document of several incidents has a title of its own and a table of
// contents whose links reach each incident's heading, in both formats.
func TestSeveralIncidents(t *testing.T) {
	a, b := harvestGo(t), harvestGo(t)
	a.Title, b.Title = "monday.com outage: US accounts", "monday.com outage: US accounts"
	b.Services, b.Date = []string{"API"}, tz.Date{Year: 2016, Month: time.July, Day: 27}
	m := maintenanceGo(t)
	md := markdownOfIncs(t, &Printer{Places: places(t)}, a, b, m)
	assert.True(t, strings.HasPrefix(md, "# Harvest, Forecast and API: 2 incidents and 1 planned maintenance, 2013-04-28 to 2016-07-27\n"), md[:100])
	assert.Contains(t, md, "## Contents\n\n"+
		"- [monday.com outage: US accounts](#mondaycom-outage-us-accounts) (2016-07-26)\n"+
		"- [monday.com outage: US accounts](#mondaycom-outage-us-accounts-1) (2016-07-27)\n"+
		"- [Move to a new data center, phase 2](#move-to-a-new-data-center-phase-2) (planned maintenance, 2013-04-28)\n")

	page := htmlOf(t, &Printer{Places: places(t)}, a, b, m)
	assert.Contains(t, page, "<title>Harvest, Forecast and API: 2 incidents and 1 planned maintenance, 2013-04-28 to 2016-07-27</title>")
	for _, href := range regexp.MustCompile(`<nav class="contents"[\s\S]*?</nav>`).FindAllString(page, -1) {
		links := regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(href, -1)
		require.Len(t, links, 3)
		for _, l := range links {
			assert.Contains(t, page, `id="`+l[1]+`"`, "the contents link to an element of the page")
		}
	}

	assert.Equal(t, "Harvest and Forecast: 2 incidents, 2016-07-26",
		severalTitle([]View{{Services: []string{"Harvest", "Forecast"}, Date: "2016-07-26"}, {Services: []string{"Harvest"}, Date: "2016-07-26"}}))
	assert.Equal(t, "1 incident and 1 planned maintenance",
		severalTitle([]View{{}, {Maintenance: true}}))
	assert.Equal(t, "2 incidents, 2016-07-26",
		severalTitle([]View{{Services: []string{"a", "b", "c", "d"}, Date: "2016-07-26"}, {}}))

	single := markdownOfIncs(t, &Printer{}, harvestGo(t))
	assert.NotContains(t, single, "## Contents")
}
