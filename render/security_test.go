package render

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// pwn is what every hostile payload tries to do: mark the page.
const pwn = `document.documentElement.setAttribute('data-pwned','1')`

// hostileText is put in every text field: script elements, event handlers, attribute-breaking
// quotes, raw HTML and javascript: links in every Markdown form.
const hostileText = `"'><script>` + pwn + `</script><img src=x onerror="` + pwn + `">` +
	` <svg onload=` + pwn + `></svg> ' onmouseover='` + pwn + `' x="` + "\n\n" +
	`<div onclick="` + pwn + `">raw block</div>` + "\n\n" +
	`[click](javascript:` + pwn + `) [tab](java&#x09;script:` + pwn + `) [case](JaVaScRiPt:` + pwn + `)` +
	` <javascript:` + pwn + `> ![img](javascript:` + pwn + `) [data](data:text/html;base64,PHNjcmlwdD4=)` +
	` <a href="javascript:` + pwn + `">a</a> <iframe src="javascript:` + pwn + `"></iframe>` + "\n\n" +
	// Backslash-escaped colons, images, protocol-relative and host-less links.
	`[esc](javascript\:` + pwn + `) [ESC](JavaScript\:x) [d](data\:text/html,x) [vb](vbscript\:x)` +
	` ![i](javascript\:x) [ent](javascript&colon;x) [pr](//evil.example/p) [pr2](/\/evil.example/p)` +
	` [pr3](<//evil.example>) [nohost](https:) [e]()` + "\n\n" +
	// Hugo shortcodes and Liquid, in text and in code.
	"{{< gist evil 1 >}} {{% x %}} {% include x %} {{ site.x }} `{{< y >}}`\n\n```\n{% include z %}\n```\n\n" +
	"[def]: javascript\\:" + pwn + "\n[def2]: //evil.example\n"

// hostileDefinitions are reference definitions a field makes and never uses, and
// hostileUses the field that uses them: in one Markdown document they would meet.
const (
	hostileDefinitions = "x\n\n[s]: javascript:alert(1)\n[t]: data:text/html,x\n[u]: /\\/evil.example\n[v]: javascript\\:x"
	hostileUses        = "see [s], [t][], [u] and [v]"
)

// hostile is an incident with a payload in every field.
func hostile(t testing.TB) *incident.Incident {
	ny := mustLoad(t, "America/New_York")
	s := hostileText
	tm := func(h int) incident.Time { return at(ny, 2016, time.July, 26, h, 0, false) }
	win := &incident.Schedule{Start: tm(9), End: tm(11)}
	win.Start.Written = s
	return &incident.Incident{
		ID:        uuid.MustParse("11111111-2222-4333-8444-555555555555"),
		Title:     "Title \u202Egnp.exe\u202C " + s,
		Slug:      s,
		Kind:      incident.KindMaintenance,
		Date:      tz.Date{Year: 2016, Month: time.July, Day: 26},
		TimeZone:  "America/New_York",
		Location:  ny,
		Services:  []string{s, "Harvest"},
		Severity:  s,
		Status:    incident.StatusResolved,
		Authors:   []string{s},
		Published: tz.Date{Year: 2016, Month: time.July, Day: 27},
		Summary:   s,
		Impact:    s,
		Scheduled: win,
		Timeline: []incident.Event{
			{At: tm(9), Kind: timeline.Started, State: timeline.Major, Services: []string{s}, Text: s},
			{At: tm(11), Kind: timeline.Resolved, State: timeline.Operational, Text: s},
		},
		RootCauses:          []incident.Cause{{Text: s, Category: s}},
		Trigger:             s,
		Detection:           s,
		Resolution:          s,
		ContributingFactors: []incident.Cause{{Text: s, Category: s}},
		Lessons:             incident.Lessons{WentWell: []string{s}, WentWrong: []string{s}, Lucky: []string{s}},
		ActionItems: []incident.ActionItem{
			{Text: s, Kind: incident.Prevent, Owner: s, Priority: s, Status: incident.Open, Link: "javascript:" + pwn},
			{Text: s, Owner: s, Link: " JAVASCRIPT:" + pwn},
			{Text: s, Link: "https://example.com/\"><script>" + pwn + "</script>"},
		},
		Links: []incident.Link{
			{Title: s, URL: "javascript:" + pwn},
			{Title: s, URL: "\tjavascript:" + pwn},
			{Title: s, URL: "data:text/html;base64,PHNjcmlwdD4="},
			{Title: s, URL: "vbscript:" + pwn},
			{Title: s, URL: `https://example.com/" onclick="` + pwn},
		},
	}
}

var (
	tagRE     = regexp.MustCompile(`(?is)<[a-z][^>]*>`)
	handlerRE = regexp.MustCompile(`(?i)[\s"'/]on[a-z]+\s*=`)
	hrefRE    = regexp.MustCompile(`(?i)\s(?:href|src|action|formaction|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
	scriptRE  = regexp.MustCompile(`(?i)<script`)
	nestedSVG = regexp.MustCompile(`^<svg x="[0-9.]+%" y="[0-9.]+">$`)
)

// assertInert checks page, HTML written by the package, for anything that could run.
func assertInert(t *testing.T, page string, scripts int) {
	t.Helper()
	assert.Len(t, scriptRE.FindAllString(page, -1), scripts, "<script> elements")
	for _, tag := range tagRE.FindAllString(page, -1) {
		assert.False(t, handlerRE.MatchString(tag), "event handler in %q", tag)
		for _, m := range hrefRE.FindAllStringSubmatch(tag, -1) {
			u := strings.ToLower(html.UnescapeString(strings.Trim(m[1], `"'`)))
			u = strings.Map(func(r rune) rune {
				if r <= ' ' {
					return -1
				}
				return r
			}, u)
			assert.True(t, strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") ||
				strings.HasPrefix(u, "mailto:") || strings.HasPrefix(u, "#"), "unsafe URL in %q", tag)
		}
		if lower := strings.ToLower(tag); strings.HasPrefix(lower, "<svg") {
			// The only SVG is the package's own picture, and the viewports it places its
			// markers and keys in.
			assert.True(t, strings.HasPrefix(tag, `<svg xmlns="http://www.w3.org/2000/svg" class="pm-timeline" `) ||
				nestedSVG.MatchString(tag), "element %q", tag)
		}
		for _, bad := range []string{"<iframe", "<foreignobject", "<image", "<use", "<animate", "<set", "<img", "<object", "<embed", "<form", "<base", "<meta http-equiv=\"refresh"} {
			assert.False(t, strings.HasPrefix(strings.ToLower(tag), bad), "element %q", tag)
		}
	}
	assert.NotContains(t, page, "\u202E")
	assert.NotContains(t, page, "\u202C")
}

func TestHostileHTML(t *testing.T) {
	inc := hostile(t)
	ps := append(places(t), tz.Place{City: hostileText, Loc: time.UTC})
	for _, p := range []*Printer{{Places: ps}, {Fragment: true, Places: ps}} {
		var buf bytes.Buffer
		require.NoError(t, p.HTML(&buf, inc))
		page := buf.String()
		assertInert(t, page, 1)
		// The payload is shown as text, not dropped, where it is plain text.
		assert.Contains(t, page, "Title gnp.exe ")
		assert.Contains(t, page, "&lt;script&gt;"+html.EscapeString(pwn))
	}
}

func TestHostileMarkdown(t *testing.T) {
	inc := hostile(t)
	inc.Trigger, inc.Resolution = hostileDefinitions, hostileUses
	// A second incident of the stream uses what the first defines.
	other := hostile(t)
	other.Summary, other.Trigger, other.Resolution = hostileUses, hostileUses, hostileUses
	var buf bytes.Buffer
	require.NoError(t, (&Printer{FrontMatter: true, Places: append(places(t), tz.Place{City: hostileText, Loc: time.UTC})}).Markdown(&buf, inc, other))
	out := buf.String()
	assert.NotContains(t, out, "\u202E")
	// Neither Hugo nor Jekyll runs templates in front matter; the rest is content.
	content := out[strings.Index(out[4:], "\n---\n")+9:]
	for _, tag := range []string{"{{", "{%"} {
		if i := strings.Index(content, tag); i >= 0 {
			t.Errorf("%q survives: %q", tag, content[max(0, i-40):min(len(content), i+40)])
		}
	}

	// A site generator that renders raw HTML (Hugo with unsafe: true) still gets nothing
	// that runs from our Markdown.
	var page bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	require.NoError(t, md.Convert([]byte(content), &page))
	got := page.String()
	assert.NotRegexp(t, `(?i)<script`, got)
	for _, tag := range tagRE.FindAllString(got, -1) {
		assert.False(t, handlerRE.MatchString(tag), "event handler in %q", tag)
		assert.NotContains(t, strings.ToLower(tag), "javascript:", "tag %q", tag)
		assert.NotContains(t, strings.ToLower(tag), "<iframe", "tag %q", tag)
		for _, m := range hrefRE.FindAllStringSubmatch(tag, -1) {
			u := strings.Trim(m[1], `"'`)
			assert.True(t, allowedURL(html.UnescapeString(u), true), "href %q in %q", u, tag)
			for _, bad := range []string{"javascript:", "data:", "vbscript:", "//"} {
				assert.False(t, strings.HasPrefix(strings.ToLower(html.UnescapeString(u)), bad), "href %q", u)
			}
		}
	}

	// Table rows keep their shape: every row of the timeline has the header's cell count.
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "| Time | State | Event |") {
			for _, row := range lines[i+2 : i+2+len(inc.Timeline)] {
				assert.Equal(t, 4, len(regexp.MustCompile(`(^|[^\\])\|`).FindAllString(row, -1)), "row %q", row)
			}
		}
	}

	// Front matter stays one quoted YAML scalar per key.
	fm := out[:strings.Index(out[4:], "---")+4]
	for _, l := range strings.Split(strings.TrimSpace(fm), "\n")[1:] {
		assert.Regexp(t, `^(title|date|slug|summary): "?|^tags:$|^  - "`, l)
	}
}

func TestUnsafeHTMLOptIn(t *testing.T) {
	inc := harvestGo(t)
	inc.Summary = "Plain <kbd>Ctrl</kbd> text."
	var safe, unsafe bytes.Buffer
	require.NoError(t, (&Printer{}).HTML(&safe, inc))
	require.NoError(t, (&Printer{UnsafeHTML: true}).HTML(&unsafe, inc))
	assert.NotContains(t, safe.String(), "<kbd>")
	assert.Contains(t, safe.String(), "<p>Plain &lt;kbd&gt;Ctrl&lt;/kbd&gt; text.</p>", "raw HTML shows as text")
	assert.Contains(t, unsafe.String(), "<kbd>Ctrl</kbd>")
}
