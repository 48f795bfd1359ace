package render

import (
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/go-postmortem/postmortem/incident"
)

var (
	//go:embed templates/palette.css
	paletteSource string
	//go:embed templates/picture.css
	pictureStyleSource string
)

// pageCSS is the page's style: the palette of states that the tables and the figure share,
// the page's own rules and the figure's.
var pageCSS = paletteSource + styleSource + pictureStyleSource

// svgCSS is the style a standalone SVG file carries: the same palette and figure rules.
var svgCSS = paletteSource + pictureStyleSource

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
	w := &svgWriter{b: make([]byte, 0, p.sizeHint(standalone))}
	w.picture(p, standalone)
	return string(w.b), nil
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

// The SVG is written by hand rather than by a template: a long timeline has hundreds of
// bands and markers, and through html/template (and the one-time cost of parsing and
// escaping the template) the figure cost a page 25-40 % more CPU, against 10 % allowed
// (BENCHMARKS.md, "Pictures"). Every text goes through html/template's escaper; every
// number is formatted by strconv; the markup around them is constant.

// svgWriter writes a picture.
type svgWriter struct{ b []byte }

func (w *svgWriter) s(parts ...string) {
	for _, p := range parts {
		w.b = append(w.b, p...)
	}
}

// e writes s escaped for XML text and attribute values.
func (w *svgWriter) e(s string) { w.b = appendEscaped(w.b, s) }

// appendEscaped appends s escaped as html/template's HTMLEscapeString escapes it, for XML
// text and attribute values: &, <, >, " and ' as references, NUL as U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case 0:
			esc = "\uFFFD"
		default:
			continue
		}
		b = append(append(b, s[last:i]...), esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

func (w *svgWriter) n(f float64) { w.b = appendNum(w.b, f) }

// attr writes name="number".
func (w *svgWriter) attr(name string, f float64) {
	w.b = append(append(append(w.b, ' '), name...), `="`...)
	w.n(f)
	w.b = append(w.b, '"')
}

func (w *svgWriter) picture(p *Picture, standalone bool) {
	id := p.ID
	w.s(`<svg xmlns="http://www.w3.org/2000/svg" class="pm-timeline" viewBox="0 0 `)
	w.n(p.Width)
	w.s(" ")
	w.n(p.Height)
	w.s(`" role="img" aria-labelledby="`)
	w.e(id + "title " + id + "desc")
	w.s(`">`, "\n", `<title id="`)
	w.e(id + "title")
	w.s(`">`)
	w.e(p.Title)
	w.s("</title>\n", `<desc id="`)
	w.e(id + "desc")
	w.s(`">`)
	w.e(p.Desc)
	w.s("</desc>")
	if standalone {
		w.s("\n<style>", svgCSS, "</style>\n", `<rect class="bg"`)
		w.attr("width", p.Width)
		w.attr("height", p.Height)
		w.s("/>")
	}
	w.s("\n<defs>\n", `<pattern id="`)
	w.e(id + "hatch")
	w.s(`" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="hatch" width="2.5" height="6"/></pattern>`, "\n", `<pattern id="`)
	w.e(id + "dots")
	w.s(`" width="5" height="5" patternUnits="userSpaceOnUse"><circle class="dot" cx="2.5" cy="2.5" r="1.2"/></pattern>`, "\n</defs>\n", `<g class="grid">`)
	for _, t := range p.Ticks {
		w.s("\n<line")
		w.attr("x1", t.X)
		w.attr("y1", p.LanesTop)
		w.attr("x2", t.X)
		w.attr("y2", p.LanesBottom)
		w.s("/>")
	}
	for _, t := range p.Days {
		w.s("\n", `<line class="day"`)
		w.attr("x1", t.X)
		w.attr("y1", p.EventY)
		w.attr("x2", t.X)
		w.attr("y2", p.LanesBottom)
		w.s("/>")
	}
	w.s("\n</g>\n", `<g class="lanes">`)
	for _, ln := range p.Lanes {
		w.s("\n", `<g class="lane"><title>`)
		w.e(ln.Name)
		w.s("</title>\n", `<text class="name"`)
		w.attr("x", p.LabelX)
		w.attr("y", ln.Y)
		w.s(` dy="14">`)
		w.e(ln.Label)
		w.s("</text>\n", `<rect class="track"`)
		w.attr("x", p.PlotX)
		w.attr("y", ln.Y)
		w.attr("width", p.PlotEnd-p.PlotX)
		w.attr("height", ln.H)
		w.s("/>\n</g>")
		w.bands(ln.Bands)
	}
	w.s("\n</g>")
	if sc := p.Scheduled; sc != nil {
		w.s("\n", `<g class="scheduled"><title>`)
		w.e(sc.Title)
		w.s("</title>")
		w.b = appendRect(w.b, "", sc.X, sc.Y, sc.W, sc.H)
		w.s("</g>")
	}
	top, h := p.EventY-8, p.LanesBottom-(p.EventY-12)
	for _, br := range p.Breaks {
		w.s("\n", `<g class="break"><title>`)
		w.e(br.Title)
		w.s("</title>")
		w.b = appendRect(w.b, "", br.X, top, br.W, h)
		w.s(`<path d="M`)
		w.n(br.X + 9)
		w.s(" ")
		w.n(top)
		w.s("v")
		w.n(h)
		w.s("M")
		w.n(br.X + 17)
		w.s(" ")
		w.n(top)
		w.s("v")
		w.n(h)
		w.s(`"/></g>`)
	}
	w.s("\n", `<g class="events">`, "\n", `<text class="name"`)
	w.attr("x", p.LabelX)
	w.attr("y", p.EventY)
	w.s(` dy="4">Events</text>`, "\n", `<line class="axis"`)
	w.attr("x1", p.PlotX)
	w.attr("y1", p.EventY)
	w.attr("x2", p.PlotEnd)
	w.attr("y2", p.EventY)
	w.s("/>")
	w.markers(p.Markers)
	w.s("\n</g>\n", `<g class="ticks">`, "\n", `<line class="axis"`)
	w.attr("x1", p.PlotX)
	w.attr("y1", p.LanesBottom)
	w.attr("x2", p.PlotEnd)
	w.attr("y2", p.LanesBottom)
	w.s("/>")
	for _, r := range p.Rows {
		if r.Name == "" {
			continue
		}
		w.s("\n", `<text class="name"`)
		w.attr("x", p.LabelX)
		w.attr("y", r.Y)
		w.s(">")
		w.e(r.Name)
		w.s("</text>")
	}
	for _, t := range p.Ticks {
		w.s("\n", `<line class="axis"`)
		w.attr("x1", t.X)
		w.attr("y1", p.LanesBottom)
		w.attr("x2", t.X)
		w.attr("y2", p.LanesBottom+4)
		w.s("/>")
		for i, l := range t.Labels {
			if l == "" || i >= len(p.Rows) {
				continue
			}
			w.s("\n<text")
			w.attr("x", t.X)
			w.attr("y", p.Rows[i].Y)
			class := t.Anchor
			if t.Shift && i == 1 {
				class = strings.TrimSpace(class + " shift")
			}
			if class != "" {
				w.s(` class="`)
				w.e(class)
				w.s(`"`)
			}
			w.s(">")
			w.e(l)
			w.s("</text>")
		}
	}
	w.s("\n</g>\n", `<g class="legend">`)
	for _, k := range p.Legend {
		w.s("\n", `<g class="key">`)
		switch {
		case k.Path != "":
			w.s(`<g class="`)
			w.e(k.Class)
			w.s(`"><path transform="translate(`)
			w.n(k.X + 7)
			w.s(" ")
			w.n(k.Y + 5)
			w.s(`)" d="`)
			w.e(k.Path)
			w.s(`"/></g>`)
		case k.Class == "approx":
			w.b = appendEdge(w.b, k.X+7, k.Y, 10)
		case k.Class == "break":
			w.s(`<g class="break"><path d="M`)
			w.n(k.X + 4)
			w.s(" ")
			w.n(k.Y - 1)
			w.s("v12M")
			w.n(k.X + 10)
			w.s(" ")
			w.n(k.Y - 1)
			w.s(`v12"/></g>`)
		default:
			w.s(`<rect class="`)
			w.e(k.Class)
			w.s(`"`)
			w.b = appendRect(w.b, "-", k.X, k.Y, 14, 10)
			if k.Pattern != "" {
				w.s(`<rect class="pattern" fill="url(#`)
				w.e(k.Pattern)
				w.s(`)"`)
				w.b = appendRect(w.b, "-", k.X, k.Y, 14, 10)
			}
		}
		w.s("<text")
		w.attr("x", k.X+20)
		w.attr("y", k.Y+9)
		w.s(">")
		w.e(k.Text)
		w.s("</text></g>")
	}
	w.s("\n</g>\n</svg>")
}

// sizeHint is about the length of the figure's SVG, so that it is written without growing
// its buffer more than once.
func (p *Picture) sizeHint(standalone bool) int {
	n := 3072 + 2*len(p.Desc) + 200*(len(p.Ticks)+len(p.Legend)+len(p.Breaks)+len(p.Days)) + 160*len(p.Lanes)
	if standalone {
		n += len(svgCSS)
	}
	for _, m := range p.Markers {
		n += 96 + len(m.Path) + len(m.Title) + len(m.Title)/8
	}
	for _, ln := range p.Lanes {
		for _, bd := range ln.Bands {
			n += 240 + len(bd.Title) + len(bd.Title)/8
		}
	}
	return n
}

// bands writes a lane's bands, each with its <title>.
func (w *svgWriter) bands(bands []Band) {
	b := w.b
	for _, bd := range bands {
		b = append(b, "\n<g class=\"band "...)
		b = appendEscaped(b, bd.Class)
		b = append(b, "\"><title>"...)
		b = appendEscaped(b, bd.Title)
		b = append(b, "</title>"...)
		b = appendRect(b, "", bd.X, bd.Y, bd.W, bd.H)
		if bd.Pattern != "" {
			b = append(b, `<rect class="pattern" fill="url(#`...)
			b = appendEscaped(b, bd.Pattern)
			b = append(b, `)"`...)
			b = appendRect(b, "-", bd.X, bd.Y, bd.W, bd.H)
		}
		if bd.ApproxStart {
			b = appendEdge(b, bd.X, bd.Y, bd.H)
		}
		if bd.ApproxEnd {
			b = appendEdge(b, bd.X+bd.W, bd.Y, bd.H)
		}
		b = append(b, "</g>"...)
	}
	w.b = b
}

// appendRect appends a rect element; with open "-" it continues a start tag already begun.
func appendRect(b []byte, open string, x, y, w, h float64) []byte {
	if open == "" {
		b = append(b, "<rect"...)
	}
	b = append(b, ` x="`...)
	b = appendNum(b, x)
	b = append(b, `" y="`...)
	b = appendNum(b, y)
	b = append(b, `" width="`...)
	b = appendNum(b, w)
	b = append(b, `" height="`...)
	b = appendNum(b, h)
	return append(b, `"/>`...)
}

// appendEdge appends the dashed line of an approximate edge at x.
func appendEdge(b []byte, x, y, h float64) []byte {
	b = append(b, `<line class="approx" x1="`...)
	b = appendNum(b, x)
	b = append(b, `" y1="`...)
	b = appendNum(b, y)
	b = append(b, `" x2="`...)
	b = appendNum(b, x)
	b = append(b, `" y2="`...)
	b = appendNum(b, y+h)
	return append(b, `"/>`...)
}

// markers writes the markers, each with its <title>.
func (w *svgWriter) markers(markers []Marker) {
	b := w.b
	for _, m := range markers {
		b = append(b, "\n<g class=\"mk "...)
		b = appendEscaped(b, m.Class)
		if m.Approx {
			b = append(b, " approx"...)
		}
		b = append(b, "\"><title>"...)
		b = appendEscaped(b, m.Title)
		b = append(b, `</title><path transform="translate(`...)
		b = appendNum(b, m.X)
		b = append(b, ' ')
		b = appendNum(b, m.Y)
		b = append(b, `)" d="`...)
		b = appendEscaped(b, m.Path)
		b = append(b, `"/></g>`...)
	}
	w.b = b
}

func appendNum(b []byte, f float64) []byte { return strconv.AppendFloat(b, round1(f), 'f', -1, 64) }
