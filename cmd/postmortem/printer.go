package main

import (
	"io"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/render"
)

// renderOptions are render's flags.
type renderOptions struct {
	format                            string // markdown, html or ical
	fragment, frontMatter, unsafeHTML bool
	templateName, templateText        string // "" for the built-in template
}

// docPrinter renders documents as renderOptions say.
type docPrinter struct {
	format string
	p      *render.Printer
}

// printer returns the printer of o, with its template parsed. The error is the
// template's.
func (o renderOptions) printer() (*docPrinter, error) {
	p := &render.Printer{Fragment: o.fragment, FrontMatter: o.frontMatter, UnsafeHTML: o.unsafeHTML}
	if o.templateName != "" {
		var err error
		if o.format == "html" {
			p.HTMLTemplate, err = render.ParseHTMLTemplate(o.templateName, o.templateText)
		} else {
			p.MarkdownTemplate, err = render.ParseMarkdownTemplate(o.templateName, o.templateText)
		}
		if err != nil {
			return nil, err
		}
	}
	return &docPrinter{format: o.format, p: p}, nil
}

// render writes the document of incs to w.
func (d *docPrinter) render(w io.Writer, incs []*incident.Incident) error {
	switch d.format {
	case "html":
		return d.p.HTML(w, incs...)
	case "ical":
		return d.p.Calendar(w, incs...)
	case "json":
		return d.p.JSON(w, incs...)
	}
	return d.p.Markdown(w, incs...)
}
