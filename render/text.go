package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/yuin/goldmark"
)

// Text is a field written in Markdown.
type Text struct {
	// Markdown is the source, cleaned of control and bidirectional formatting characters.
	// Unless the Printer sets UnsafeHTML, raw HTML in it is escaped so that a Markdown
	// renderer downstream shows it as text.
	Markdown string
	// HTML is Markdown converted by the shared goldmark: raw HTML shows as text unless
	// UnsafeHTML, links other than http, https, mailto and relative ones lose their link,
	// images become links. Set only when rendering HTML.
	HTML template.HTML
}

// IsZero reports whether the text is empty.
func (t Text) IsZero() bool { return strings.TrimSpace(t.Markdown) == "" }

// builder turns incidents into views for one output format.
type builder struct {
	p    *Printer
	html bool
	md   goldmark.Markdown // the shared goldmark the fields are converted with
}

func (p *Printer) builder(html bool) *builder {
	md := safeMarkdown
	if p.UnsafeHTML {
		md = unsafeMarkdown
	}
	return &builder{p: p, html: html, md: md}
}

// text prepares a Markdown field rendered under a heading of level base.
func (b *builder) text(s string, base int) (Text, error) {
	s = strings.TrimSpace(clean(s))
	if s == "" {
		return Text{}, nil
	}
	if overLimits(s) {
		t := plainText(s, b.html)
		t.Markdown = quoteTemplateTags(t.Markdown)
		return t, nil
	}
	t := Text{Markdown: s}
	if !b.p.UnsafeHTML {
		t.Markdown = inertMarkdown(s)
	}
	if b.html {
		// Headings are nested by the goldmark transformer.
		// Raw HTML is shown as the text it is rather than dropped, so nothing written is lost.
		h, err := toHTML(b.md, t.Markdown, base)
		if err != nil {
			return Text{}, fmt.Errorf("render: markdown: %w", err)
		}
		t.HTML = h
	} else {
		t.Markdown = quoteTemplateTags(shiftHeadings(t.Markdown, base))
	}
	return t, nil
}

// inline is text for a list item or a table cell: a lone paragraph loses its <p> element.
func (b *builder) inline(s string, base int) (Text, error) {
	t, err := b.text(s, base)
	if err != nil {
		return t, err
	}
	h := string(t.HTML)
	if strings.HasPrefix(h, "<p>") && strings.HasSuffix(h, "</p>") && !strings.Contains(h[len("<p>"):], "<p>") {
		t.HTML = template.HTML(h[len("<p>") : len(h)-len("</p>")])
	}
	return t, nil
}

func (b *builder) texts(ss []string, base int) ([]Text, error) {
	var out []Text
	for _, s := range ss {
		t, err := b.inline(s, base)
		if err != nil {
			return nil, err
		}
		if !t.IsZero() {
			out = append(out, t)
		}
	}
	return out, nil
}

func (b *builder) causes(cs []incident.Cause, base int) ([]Cause, error) {
	var out []Cause
	for _, c := range cs {
		t, err := b.inline(c.Text, base)
		if err != nil {
			return nil, err
		}
		if t.IsZero() {
			continue
		}
		out = append(out, Cause{Text: t, Category: oneLine(c.Category)})
	}
	return out, nil
}
