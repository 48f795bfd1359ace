package render

import (
	"errors"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/incident"
)

// Document is the data a template receives: one document that covers one or more incidents,
// or a "what time is that for you" conversion. See the package documentation.
type Document struct {
	Title     string // the incident's title; several incidents' titles joined with "; "
	Lang      string // the language of the text, "en"
	Fragment  bool   // reports whether to write a fragment to embed rather than a full page (HTML)
	Incidents []View // in the order given; empty for a conversion

	// Convert is the conversion table of ConvertMarkdown and ConvertHTML; nil otherwise.
	Convert *Converter

	// FrontMatter is the YAML front matter (with its "---" lines) when the Printer asks for
	// it in Markdown, else "".
	FrontMatter string

	// CSP, Style and Script are the HTML page's Content-Security-Policy meta element, inline
	// style element and inline script element. They are constant and trusted; the policy
	// allows exactly this style and this script and nothing else (no request of any kind).
	CSP, Style, Script template.HTML
}

// headingSlug makes an element id from s: lower-case letters, digits and hyphens, at most
// slugMax bytes, cut after a whole word ("…-customer-applications", never "…-retur").
func headingSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() > slugMax {
			break
		}
	}
	out := b.String()
	if len(out) <= slugMax {
		return out
	}
	if i := strings.LastIndexByte(out[:slugMax+1], '-'); i > 0 {
		return out[:i]
	}
	return out[:slugMax] // one word longer than slugMax
}

// slugMax is the longest slug headingSlug makes.
const slugMax = 48

// document builds the Document of incs.
func (b *builder) document(incs []*incident.Incident) (*Document, error) {
	if len(incs) == 0 {
		return nil, errors.New("render: no incident to render")
	}
	d := &Document{Lang: "en", Fragment: b.p.Fragment}
	level := 1
	if len(incs) > 1 {
		level = 2
	}
	var titles []string
	seen := map[string]int{}
	for i, inc := range incs {
		if inc == nil {
			return nil, fmt.Errorf("render: incident %d is nil", i)
		}
		anchor := ""
		if len(incs) > 1 {
			anchor = headingSlug(inc.Slug)
			if anchor == "" {
				anchor = headingSlug(inc.Title)
			}
			if anchor == "" {
				anchor = "incident"
			}
			seen[anchor]++
			if n := seen[anchor]; n > 1 {
				anchor = fmt.Sprintf("%s-%d", anchor, n)
			}
			anchor += "-"
		}
		v, err := b.view(inc, level, anchor)
		if err != nil {
			return nil, err
		}
		d.Incidents = append(d.Incidents, v)
		titles = append(titles, v.Title)
	}
	b.draw(d, incs)
	d.Title = strings.Join(titles, "; ")
	if d.Title == "" {
		d.Title = "Postmortem"
	}
	if b.html {
		ref, ok := firstDated(d.Incidents)
		d.CSP, d.Style, d.Script = pageCSP, pageStyle, script(ref, ok)
	} else if b.p.FrontMatter {
		d.FrontMatter = frontMatter(d, incs)
	}
	return d, nil
}

// firstDated returns the first dated instant of the views' timelines and windows.
func firstDated(vs []View) (time.Time, bool) {
	for _, v := range vs {
		for _, e := range v.Timeline {
			if e.At.Dated {
				return e.At.Time, true
			}
		}
		if v.Window != nil && v.Window.Start.Dated {
			return v.Window.Start.Time, true
		}
		for _, o := range v.Outages {
			return o.Start.Time, true
		}
	}
	return time.Time{}, false
}

// frontMatter returns the YAML front matter of d: title, date, slug, tags and summary.
func frontMatter(d *Document, incs []*incident.Incident) string {
	var sb strings.Builder
	sb.WriteString("---\n")
	sb.WriteString("title: " + yamlQuote(d.Title) + "\n")
	date := ""
	for _, v := range d.Incidents {
		for _, s := range []string{v.Published, v.Date} {
			if s != "" {
				if s > date {
					date = s
				}
				break
			}
		}
	}
	if date != "" {
		sb.WriteString("date: " + date + "\n")
	}
	if len(d.Incidents) > 0 {
		slug := headingSlug(d.Incidents[0].Slug)
		if slug == "" {
			slug = headingSlug(d.Incidents[0].Title)
		}
		if slug != "" {
			sb.WriteString("slug: " + yamlQuote(slug) + "\n")
		}
	}
	var tags []string
	for _, v := range d.Incidents {
		tags = append(tags, v.Kind)
		tags = append(tags, v.Services...)
	}
	slices.Sort(tags)
	tags = slices.Compact(tags)
	if len(tags) > 0 {
		sb.WriteString("tags:\n")
		for _, t := range tags {
			sb.WriteString("  - " + yamlQuote(t) + "\n")
		}
	}
	if len(incs) > 0 {
		if s := summaryLine(incs[0].Summary); s != "" {
			sb.WriteString("summary: " + yamlQuote(s) + "\n")
		}
	}
	sb.WriteString("---\n\n")
	return sb.String()
}

// summaryLine is the first paragraph of a Markdown summary as one line of text.
func summaryLine(s string) string {
	s = strings.TrimSpace(clean(s))
	if i := strings.Index(s, "\n\n"); i >= 0 {
		s = s[:i]
	}
	return oneLine(s)
}
