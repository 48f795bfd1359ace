package render

import (
	"errors"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/go-postmortem/postmortem/incident"
)

// Document is the data a template receives: one document that covers one or more incidents,
// or a "what time is that for you" conversion. See the package documentation.
type Document struct {
	Title     string // the incident's title; for several: "Harvest and Forecast: 2 incidents, 2016-07-26 to 2016-07-27"
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
	}
	b.draw(d, incs)
	d.Title = d.Incidents[0].Title
	if len(d.Incidents) > 1 {
		d.Title = severalTitle(d.Incidents)
		markdownIDs(d)
	}
	if b.html {
		ref, ok := firstDated(d.Incidents)
		d.CSP, d.Style, d.Script = pageCSP, pageStyle, script(ref, ok)
	} else if b.p.FrontMatter {
		d.FrontMatter = frontMatter(d, incs)
	}
	return d, nil
}

// severalTitle is the title of a document of several incidents: what they are, the services
// when they are few, and the dates: "Harvest and Forecast: 2 incidents, 2016-07-26 to
// 2016-07-27", "1 incident and 1 planned maintenance, 2013-04-28".
func severalTitle(vs []View) string {
	var incidents, maintenances int
	var services []string
	first, last := "", ""
	for _, v := range vs {
		if v.Maintenance {
			maintenances++
		} else {
			incidents++
		}
		for _, s := range v.Services {
			if !slices.Contains(services, s) {
				services = append(services, s)
			}
		}
		if v.Date != "" {
			if first == "" || v.Date < first {
				first = v.Date
			}
			last = max(last, v.Date)
		}
	}
	count := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	var what []string
	if incidents > 0 {
		what = append(what, count(incidents, "incident", "incidents"))
	}
	if maintenances > 0 {
		what = append(what, count(maintenances, "planned maintenance", "planned maintenances"))
	}
	title := strings.Join(what, " and ")
	if n := len(services); n > 0 && n <= 3 {
		names := strings.Join(services[:n-1], ", ")
		if n > 1 {
			names += " and "
		}
		title = names + services[n-1] + ": " + title
	}
	switch {
	case first == "":
	case first == last:
		title += ", " + first
	default:
		title += ", " + first + " to " + last
	}
	return title
}

// markdownIDs sets the MarkdownID of each incident of d: the id GitHub (and Hugo, by default)
// give its title's heading, made as github-slugger makes it: lower case, letters, digits,
// "-" and "_" kept, each space a "-", everything else dropped, "-1", "-2" added to repeats.
// The document's own title and its "Contents" heading come first.
func markdownIDs(d *Document) {
	slug := func(s string) string {
		var b strings.Builder
		for _, r := range strings.ToLower(s) {
			switch {
			case unicode.IsLetter(r), unicode.IsDigit(r), unicode.Is(unicode.Mn, r), r == '-', r == '_':
				b.WriteRune(r)
			case r == ' ':
				b.WriteByte('-')
			}
		}
		return b.String()
	}
	seen := map[string]int{}
	unique := func(s string) string {
		id := slug(s)
		n := seen[id]
		seen[id]++
		if n > 0 {
			id = fmt.Sprintf("%s-%d", id, n)
		}
		return id
	}
	unique(d.Title)
	unique("Contents")
	for i := range d.Incidents {
		d.Incidents[i].MarkdownID = unique(d.Incidents[i].Title)
	}
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
