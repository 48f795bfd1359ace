package render

import (
	"bytes"
	"html"
	"strings"
	"testing"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// FuzzMarkdownField checks, for any field text, that the HTML of the field, the HTML the
// shared goldmark makes of the raw text, and the HTML a raw-HTML-rendering goldmark makes of
// the field's Markdown hold nothing that could run: no script or other active element, no
// event handler, no javascript: URL.
func FuzzMarkdownField(f *testing.F) {
	for _, s := range []string{
		hostileText,
		"plain *text* with `code` and [a link](https://example.com)",
		"<script>alert(1)</script>",
		"[x](javascript:alert(1)) <javascript:alert(1)> ![i](javascript:x)",
		"```\n<script>\n```\n\n<div onclick=x>",
		"[ref]\n\n[ref]: javascript:alert(1)",
		"\\[x](javascript:y)",
		"<a href='javascript:x'>a</a>",
		"| a | b |\n|---|---|\n| <img src=x onerror=y> | c |",
	} {
		f.Add(s)
	}
	unsafe := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1024 {
			return
		}
		txt, err := (&Printer{}).builder(true).text(s, 2)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := toHTML(safeMarkdown, clean(s), 2)
		if err != nil {
			t.Fatal(err)
		}
		var down bytes.Buffer
		if err := unsafe.Convert([]byte(txt.Markdown), &down); err != nil {
			t.Fatal(err)
		}
		for name, out := range map[string]string{"html": string(txt.HTML), "goldmark": string(raw), "downstream": down.String()} {
			for _, tag := range tagRE.FindAllString(out, -1) {
				lower := strings.ToLower(tag)
				if handlerRE.MatchString(tag) {
					t.Errorf("%s: event handler in %q from %q", name, tag, s)
				}
				for _, bad := range []string{"<script", "<iframe", "<object", "<embed", "<svg", "<math", "<form", "<base", "<meta", "<link", "<style"} {
					if strings.HasPrefix(lower, bad) {
						t.Errorf("%s: element %q from %q", name, tag, s)
					}
				}
				for _, m := range hrefRE.FindAllStringSubmatch(tag, -1) {
					u := m[1]
					if len(u) >= 2 && (u[0] == '"' || u[0] == '\'') {
						u = u[1 : len(u)-1]
					}
					if u = html.UnescapeString(u); u != "" && !allowedURL(u, true) {
						t.Errorf("%s: unsafe URL %q in %q from %q", name, u, tag, s)
					}
				}
			}
		}
	})
}

// FuzzPage puts the same text in every field of an incident and checks that the HTML page
// keeps exactly one script, no event handler and no unsafe URL, and that the Markdown
// document renders.
func FuzzPage(f *testing.F) {
	f.Add(hostileText, "javascript:alert(1)")
	f.Add("plain", "https://example.com")
	f.Add("a | b\n\n# h\n\n```\n<x>\n", "/relative")
	// The incident and the zones are made once; every field the target sets is set on
	// every run. The incident holds only what the target sets: hostile's other fields carry
	// a fixed text (TestHostile and TestBrowserHostile check it), and converting it through
	// goldmark again on every run was half of each run's work.
	inc := hostile(f)
	inc.Detection, inc.Resolution = "", ""
	inc.ContributingFactors, inc.Lessons.WentWell, inc.Lessons.WentWrong = nil, nil, nil
	inc.ActionItems, inc.Links = inc.ActionItems[:1], inc.Links[:1]
	inc.Timeline[0].Services = nil
	p := &Printer{Places: places(f), FrontMatter: true}
	f.Fuzz(func(t *testing.T, s, link string) {
		if len(s) > 2048 || len(link) > 512 {
			return
		}
		inc.Title, inc.Summary, inc.Impact, inc.Trigger = s, s, s, s
		inc.Timeline[0].Text, inc.Timeline[1].Text = s, s
		inc.RootCauses[0].Text, inc.Lessons.Lucky[0] = s, s
		inc.ActionItems[0].Text, inc.ActionItems[0].Link, inc.ActionItems[0].Owner = s, link, s
		inc.Links[0] = incident.Link{Title: s, URL: link}
		// One-line fields: plain text, escaped, cheap to render.
		inc.Slug, inc.Severity, inc.Services[0], inc.Authors[0] = s, s, s, s
		inc.RootCauses[0].Category, inc.ActionItems[0].Priority, inc.Scheduled.Start.Written = s, s, s
		var page, md bytes.Buffer
		if err := p.HTML(&page, inc); err != nil {
			t.Fatal(err)
		}
		if err := p.Markdown(&md, inc); err != nil {
			t.Fatal(err)
		}
		out := page.String()
		if n := len(scriptRE.FindAllString(out, -1)); n != 1 {
			t.Fatalf("%d <script> elements", n)
		}
		for _, tag := range tagRE.FindAllString(out, -1) {
			if handlerRE.MatchString(tag) {
				t.Fatalf("event handler in %q", tag)
			}
			for _, m := range hrefRE.FindAllStringSubmatch(tag, -1) {
				u := m[1]
				if len(u) >= 2 && (u[0] == '"' || u[0] == '\'') {
					u = u[1 : len(u)-1]
				}
				if u = html.UnescapeString(u); u != "" && !allowedURL(u, true) && !strings.HasPrefix(u, "#") {
					t.Fatalf("unsafe URL %q in %q", u, tag)
				}
			}
		}
	})
}
