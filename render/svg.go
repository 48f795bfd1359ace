package render

import (
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"sync"

	"github.com/go-postmortem/postmortem/incident"
)

var (
	//go:embed templates/picture.svg.tmpl
	pictureSource string
	//go:embed templates/palette.css
	paletteSource string
	//go:embed templates/picture.css
	pictureStyleSource string
)

// pageCSS is the page's style: the palette of states that the tables and the figure share,
// the page's own rules and the figure's.
var pageCSS = paletteSource + styleSource + pictureStyleSource

// svgCSS is the style a standalone SVG file carries: the same palette and figure rules.
var svgCSS = template.CSS(paletteSource + pictureStyleSource)

var builtinPicture = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("picture.svg").Funcs(template.FuncMap{
		"add": func(a, b float64) float64 { return round1(a + b) },
		"sub": func(a, b float64) float64 { return round1(a - b) },
	}).Parse(pictureSource))
})

// pictureData is what the picture template receives.
type pictureData struct {
	Picture    *Picture
	Standalone bool         // reports whether the SVG is a file of its own, carrying its style
	CSS        template.CSS // that style
}

// SVG returns the figure as an inline <svg> element for an HTML page, styled by the page.
// Every text in it is escaped; it holds no script, no link and no external reference. A nil
// Picture returns "".
func (p *Picture) SVG() template.HTML {
	if p == nil {
		return ""
	}
	s, err := p.svg(false)
	if err != nil {
		// The template is built in and its data is plain values: an error is a bug.
		panic(err)
	}
	return template.HTML(s)
}

func (p *Picture) svg(standalone bool) (string, error) {
	var b strings.Builder
	b.Grow(2048 + 512*(len(p.Markers)+len(p.Lanes)))
	d := pictureData{Picture: p, Standalone: standalone}
	if standalone {
		d.CSS = svgCSS
	}
	if err := builtinPicture().Execute(&b, d); err != nil {
		return "", fmt.Errorf("render: picture: %w", err)
	}
	return b.String(), nil
}

// PictureFile is an incident's picture as an SVG file of its own.
type PictureFile struct {
	Name string // "<slug>.svg", unique among the files of one call
	SVG  []byte // a standalone SVG document that carries its style (light and dark)
}

// Pictures returns the picture of each of incs that has one as an SVG file, named as
// Markdown links them when Printer.PictureDir is set. It returns the errors of Markdown.
func (p *Printer) Pictures(incs ...*incident.Incident) ([]PictureFile, error) {
	if len(incs) == 0 {
		return nil, errors.New("render: no incident to draw")
	}
	b := p.builder(false)
	defer b.release()
	names := pictureNames(incs)
	var out []PictureFile
	for i, inc := range incs {
		if inc == nil {
			return nil, fmt.Errorf("render: incident %d is nil", i)
		}
		v, err := b.view(inc, 1, "")
		if err != nil {
			return nil, err
		}
		pic := b.picture(inc, &v, "picture-")
		if pic == nil {
			continue
		}
		s, err := pic.svg(true)
		if err != nil {
			return nil, err
		}
		out = append(out, PictureFile{Name: names[i], SVG: []byte(s)})
	}
	return out, nil
}

// pictureNames are the file names of the pictures of incs: each one's slug (else its
// title's) with ".svg", made unique with "-2", "-3".
func pictureNames(incs []*incident.Incident) []string {
	seen := map[string]int{}
	names := make([]string, len(incs))
	for i, inc := range incs {
		if inc == nil {
			continue
		}
		n := headingSlug(inc.Slug)
		if n == "" {
			n = headingSlug(inc.Title)
		}
		if n == "" {
			n = "incident"
		}
		seen[n]++
		if c := seen[n]; c > 1 {
			n += "-" + strconv.Itoa(c)
		}
		names[i] = n + ".svg"
	}
	return names
}

// pictureLink is the Markdown image destination of a picture in dir.
func pictureLink(dir, name string) string {
	if dir == "" {
		return ""
	}
	return strings.TrimSuffix(dir, "/") + "/" + name
}

// draw sets the pictures of d's views from incs, unless p leaves them out.
func (b *builder) draw(d *Document, incs []*incident.Incident) {
	if b.p.NoPictures {
		return
	}
	names := pictureNames(incs)
	for i := range d.Incidents {
		v := &d.Incidents[i]
		v.Picture = b.picture(incs[i], v, v.Anchor+"picture-")
		if v.Picture != nil && !b.html {
			v.Picture.File = pictureLink(b.p.PictureDir, names[i])
			v.Picture.mermaid = mermaid(incs[i], v)
		}
	}
}
