package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/render"
)

const renderDoc = `
Render writes the postmortem document of every FILE (- for standard input): GitHub-
flavoured Markdown, a standalone HTML page (CSS inline, no external requests) or an
HTML fragment, an iCalendar file of the planned maintenance windows, or JSON for scripts
and jq ({"incidents": [...]}: every field of the file, each event with "at" in RFC 3339
UTC, the merged windows and the figures of each service and of the incident). Several incidents, from
one file or many, make one document. Nothing is written when any file has an error;
the errors go to standard error as FILE:LINE:COL: error: message.

Raw HTML in the Markdown fields is escaped unless --unsafe-html is given: incident
text is not trusted. --template replaces the built-in template with a Go template
(text/template for Markdown, html/template for HTML).

Each incident's timeline is drawn: an inline SVG in HTML, a Mermaid gantt block in
Markdown (GitHub draws it). --pictures DIR also writes each incident's SVG as
DIR/<slug>.svg and links it from the Markdown, since GitHub shows SVG files but
strips inline SVG. A picture replaces the file of its name in DIR atomically; a symbolic
link of that name in DIR is itself replaced by the picture, never followed, so the file it
pointed to is left as it was (DIR itself is used as named, a link to a folder included).
--diagram none leaves the pictures out.

Example:

	postmortem render examples/harvest-2016-07-26.yaml
	postmortem render --format html -o harvest.html examples/harvest-2016-07-26.yaml
	postmortem render --pictures img -o harvest.md examples/harvest-2016-07-26.yaml
`

func runRender(e *env, args []string) error {
	flags := newFlagSet("render", "[--format markdown|html|ical|json] [--fragment] [--template FILE] [--front-matter] [--unsafe-html] [--pictures DIR] [--diagram auto|none] [--strict] [-o OUT] FILE...", renderDoc)
	format := newChoice("markdown", "markdown", "html", "ical", "json")
	flags.Var(format, "format", "output `format`: markdown, html, ical or json")
	fragment := flags.Bool("fragment", false, "HTML: write the document's body only, to embed in another page")
	tmpl := flags.String("template", "", "render with the Go template in `FILE` instead of the built-in one")
	front := flags.Bool("front-matter", false, "Markdown: begin with YAML front matter (title, date, slug, tags) for Hugo and Jekyll")
	unsafe := flags.Bool("unsafe-html", false, "let raw HTML in the Markdown fields through (only for trusted files)")
	pictures := flags.String("pictures", "", "also write each incident's picture as `DIR`/<slug>.svg, linked from the Markdown")
	diagram := newChoice("auto", "auto", "none")
	flags.Var(diagram, "diagram", "`auto` draws each incident's timeline (SVG in HTML, Mermaid in Markdown); none leaves it out")
	out := flags.String("o", "", "write to `FILE` instead of standard output (atomically; never over an input; a symbolic link is followed and the file it points to replaced)")
	strict := flags.Bool("strict", false, "treat an abbreviation's wrong daylight-saving half (PST in July) as an error")
	files, err := flags.parse(e, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return flags.usagef("no FILE given")
	}
	switch {
	case *fragment && format.value != "html":
		return flags.usagef("--fragment needs --format html")
	case *front && format.value != "markdown":
		return flags.usagef("--front-matter needs --format markdown")
	case *tmpl != "" && (format.value == "ical" || format.value == "json"):
		return flags.usagef("--template works with --format markdown or html")
	case *pictures != "" && (format.value == "ical" || format.value == "json"):
		return flags.usagef("--pictures works with --format markdown or html")
	case *pictures != "" && diagram.value == "none":
		return flags.usagef("--pictures and --diagram none contradict each other")
	}
	inputs := files
	if *tmpl != "" {
		inputs = append(append([]string(nil), files...), *tmpl)
	}
	if err := checkOutput(*out, inputs); err != nil {
		return flags.usagef("%v", err)
	}

	p := renderOptions{format: format.value, fragment: *fragment, frontMatter: *front, unsafeHTML: *unsafe}
	if *tmpl != "" {
		data, err := os.ReadFile(*tmpl)
		if err != nil {
			return fmt.Errorf("--template %s: %v", *tmpl, unwrapPath(err))
		}
		if err := checkText(*tmpl, data); err != nil {
			return err
		}
		p.templateName, p.templateText = *tmpl, string(data)
	}
	pr, err := p.printer()
	if err != nil {
		return fmt.Errorf("--template %s", oneLine(err.Error()))
	}
	pr.p.NoPictures = diagram.value == "none"
	if *pictures != "" && format.value == "markdown" {
		pr.p.PictureDir = pictureLink(*pictures, *out)
	}

	d := newDiagnostics(e.stderr)
	loaded := loadFiles(e, &incident.Config{Strict: *strict}, files, d)
	if d.errors > 0 {
		if d.errors > 1 {
			fmt.Fprintf(e.stderr, "postmortem render: %s; nothing rendered\n", plural(d.errors, "error"))
		}
		return errReported
	}
	var incs []*incident.Incident
	for _, l := range loaded {
		incs = append(incs, l.incidents...)
	}
	// The document is written as it is made: to standard output, or with -o through the
	// temporary file that replaces OUT once it is complete.
	o := &output{path: *out}
	if *pictures != "" {
		if err := writePictures(pr.p, *pictures, files, incs); err != nil {
			return err
		}
	}
	err = o.stream(e, func(w io.Writer) error { return pr.render(w, incs) })
	if err != nil {
		return fmt.Errorf("%s", oneLine(err.Error()))
	}
	return nil
}

// pictureLink is how a document written to out links the folder dir: relative to out's
// folder, with forward slashes.
func pictureLink(dir, out string) string {
	if out != "" && out != "-" {
		if rel, err := filepath.Rel(filepath.Dir(out), dir); err == nil {
			dir = rel
		}
	}
	return filepath.ToSlash(dir)
}

// writePictures writes the SVG file of each of incs into dir, never over an input and
// never through a symbolic link in dir: a link at a picture's name is replaced (a
// folder of contributed files may hold a link to a file outside it).
func writePictures(p *render.Printer, dir string, inputs []string, incs []*incident.Incident) error {
	files, err := p.Pictures(incs...)
	if err != nil {
		return fmt.Errorf("%s", oneLine(err.Error()))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("--pictures %s: %v", dir, unwrapPath(err))
	}
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		if err := checkOutputAs("--pictures", path, inputs); err != nil {
			return err
		}
		svg := f.SVG
		if err := replaceAtomic("--pictures "+path, path, func(w io.Writer) error {
			_, err := w.Write(svg)
			return err
		}); err != nil {
			return err
		}
	}
	return nil
}
