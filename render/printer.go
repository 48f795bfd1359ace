package render

import (
	htmltemplate "html/template"
	"io"
	texttemplate "text/template"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/go-postmortem/postmortem/tz"
)

// Printer renders incidents. The zero Printer writes a full HTML page or plain Markdown
// without front matter, shows raw HTML in Markdown fields as text, weighs downtime as
// Statuspage does and converts times into tz.DefaultPlaces.
//
// A Printer is safe for concurrent use as long as its fields are not changed meanwhile.
type Printer struct {
	Fragment         bool                   // HTML: a fragment to embed instead of a full page
	FrontMatter      bool                   // Markdown: YAML front matter (title, date, slug, tags, summary) for Hugo and Jekyll
	UnsafeHTML       bool                   // render raw HTML inside Markdown fields (default: not rendered)
	Config           timeline.Policy        // downtime weights
	Places           []tz.Place             // converter zones; nil: tz.DefaultPlaces()
	MarkdownTemplate *texttemplate.Template // nil: built-in
	HTMLTemplate     *htmltemplate.Template // nil: built-in

	// NoPictures leaves out each incident's picture: the SVG in HTML, the Mermaid block
	// and the SVG file's link in Markdown.
	NoPictures bool
	// PictureDir, when set, makes Markdown link each incident's picture as the SVG file
	// PictureDir/<slug>.svg (GitHub shows SVG files, not inline SVG); Pictures makes the files.
	PictureDir string
}

// Markdown writes incs as one GitHub-flavoured Markdown document (a post may cover several
// incidents). It returns an error when incs is empty or holds nil, the template's error, an
// error computing a view (such as missing time zones for a converter), or w's write error;
// after a template or write error part of the document may have been written.
func (p *Printer) Markdown(w io.Writer, incs ...*incident.Incident) error {
	d, err := p.builder(false).document(incs)
	if err != nil {
		return err
	}
	return p.executeMarkdown(w, d)
}

func (p *Printer) executeMarkdown(w io.Writer, d *Document) error {
	if p.MarkdownTemplate != nil {
		return execute(w, d, p.MarkdownTemplate)
	}
	return execute(w, d, builtinMarkdown())
}

// HTML writes incs as one HTML page, or as a fragment when p.Fragment is set. It returns the
// same errors as Markdown.
func (p *Printer) HTML(w io.Writer, incs ...*incident.Incident) error {
	d, err := p.builder(true).document(incs)
	if err != nil {
		return err
	}
	return p.executeHTML(w, d)
}

func (p *Printer) executeHTML(w io.Writer, d *Document) error {
	if p.HTMLTemplate != nil {
		return execute(w, d, p.HTMLTemplate)
	}
	return executeBuiltinHTML(w, d)
}

// Markdown writes incs as Markdown with the zero Printer.
func Markdown(w io.Writer, incs ...*incident.Incident) error {
	var p Printer
	return p.Markdown(w, incs...)
}

// HTML writes incs as an HTML page with the zero Printer.
func HTML(w io.Writer, incs ...*incident.Incident) error {
	var p Printer
	return p.HTML(w, incs...)
}
