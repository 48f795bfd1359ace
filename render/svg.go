package render

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"math"
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
	if p.out != nil {
		// The built-in page, which calls SVG once where the figure goes: it is written
		// straight into the page rather than through a string as long as the rest of it.
		w := svgWriter{b: p.out}
		w.picture(p, false)
		return ""
	}
	return template.HTML(p.svg(false))
}

// executeBuiltinHTML writes d with the built-in HTML template, its pictures straight into
// the page's writer.
func executeBuiltinHTML(w io.Writer, d *Document) error {
	bw := bufio.NewWriterSize(w, 32<<10)
	for i := range d.Incidents {
		if pic := d.Incidents[i].Picture; pic != nil {
			pic.out = bw
		}
	}
	defer func() {
		for i := range d.Incidents {
			if pic := d.Incidents[i].Picture; pic != nil {
				pic.out = nil
			}
		}
	}()
	return execute(bw, d, builtinHTML())
}

// svg writes the figure; standalone makes it a file of its own, which carries its style.
func (p *Picture) svg(standalone bool) string {
	var sb strings.Builder
	sb.Grow(p.sizeHint(standalone))
	bw := bufio.NewWriterSize(&sb, 4096)
	w := svgWriter{b: bw}
	w.picture(p, standalone)
	bw.Flush() // into a strings.Builder, which does not fail
	return sb.String()
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
		out = append(out, PictureFile{Name: names[i], SVG: []byte(pic.svg(true))})
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
	var names []string
	if !b.html {
		names = pictureNames(incs)
	}
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
// (BENCHMARKS.md, "Pictures"). Every text goes through appendEscaped, which escapes as
// html/template does; every number is formatted by strconv; the markup around them is
// constant. The built-in page has it written straight into its own writer; else it goes
// into a strings.Builder grown once, whose string is not copied.

// svgWriter writes a picture. A write error is kept by b and returned by its Flush.
type svgWriter struct {
	b   *bufio.Writer
	tmp [64]byte
}

func (w *svgWriter) s(parts ...string) {
	for _, p := range parts {
		w.b.WriteString(p)
	}
}

// e writes s escaped for XML text and attribute values.
func (w *svgWriter) e(s string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&', '<', '>', '"', '\'', 0:
			w.b.Write(appendEscaped(w.tmp[:0], s))
			return
		}
	}
	w.b.WriteString(s)
}

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

// n writes a number of px, to a tenth.
func (w *svgWriter) n(f float64) { w.b.Write(appendPx(w.tmp[:0], f)) }

// pc writes a position along the axis, in percent to a hundredth.
func (w *svgWriter) pc(f float64) { w.b.Write(appendPc(w.tmp[:0], f)) }

// appendPx appends a number of px, to a tenth: "63", "4.3", "-2.5".
func appendPx(b []byte, f float64) []byte { return appendFixed(b, f, 10) }

// appendPc appends a position along the axis, in percent to a hundredth: "39.68%".
func appendPc(b []byte, f float64) []byte { return append(appendFixed(b, f, 100), '%') }

// appendFixed appends f rounded to 1/scale (scale 10 or 100) without trailing zeros, as
// strconv.AppendFloat(b, rounded, 'f', -1, 64) does, at a fraction of its cost.
func appendFixed(b []byte, f float64, scale int64) []byte {
	if !(math.Abs(f) < 1e12) {
		return strconv.AppendFloat(b, math.Round(f*float64(scale))/float64(scale), 'f', -1, 64)
	}
	n := int64(math.Round(f * float64(scale)))
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/scale, 10)
	frac := n % scale
	switch {
	case frac == 0:
		return b
	case scale == 10:
		return append(b, '.', byte('0'+frac))
	case frac%10 == 0:
		return append(b, '.', byte('0'+frac/10))
	}
	return append(b, '.', byte('0'+frac/10), byte('0'+frac%10))
}

// attr writes name="number" in px.
func (w *svgWriter) attr(name string, f float64) {
	w.s(" ", name, `="`)
	w.n(f)
	w.b.WriteByte('"')
}

// attrPc writes name="number%".
func (w *svgWriter) attrPc(name string, f float64) {
	w.s(" ", name, `="`)
	w.pc(f)
	w.b.WriteByte('"')
}

// rect writes a rect x% wide w% at y, h px high, with the attributes attrs (` class="…"`).
func (w *svgWriter) rect(attrs string, x, y, wd, h float64) {
	w.s("<rect", attrs)
	w.attrPc("x", x)
	w.attr("y", y)
	w.attrPc("width", wd)
	w.attr("height", h)
	w.s("/>")
}

// vline writes a vertical line at x% from y1 to y2 px.
func (w *svgWriter) vline(attrs string, x, y1, y2 float64) {
	w.s("<line", attrs)
	w.attrPc("x1", x)
	w.attr("y1", y1)
	w.attrPc("x2", x)
	w.attr("y2", y2)
	w.s("/>")
}

// at opens a nested viewport at x% and y px, whose content is drawn in px from there.
func (w *svgWriter) at(x, y float64) {
	w.s("<svg")
	w.attrPc("x", x)
	w.attr("y", y)
	w.s(">")
}

func (w *svgWriter) picture(p *Picture, standalone bool) {
	id := p.ID
	w.s(`<svg xmlns="http://www.w3.org/2000/svg" class="pm-timeline"`)
	if standalone {
		// A file scales as an image: its percentages are of the viewBox's width.
		w.s(` viewBox="0 0 `)
		w.n(p.Width)
		w.s(" ")
		w.n(p.Height)
		w.s(`"`)
	} else {
		// Inline, it takes its container's width and reflows; its type keeps its size.
		w.s(` width="100%"`)
		w.attr("height", p.Height)
	}
	w.s(` role="img" aria-labelledby="`)
	w.e(id)
	w.s("title ")
	w.e(id)
	w.s("desc")
	w.s(`">`, "\n", `<title id="`)
	w.e(id)
	w.s("title")
	w.s(`">`)
	w.e(p.Title)
	w.s("</title>\n", `<desc id="`)
	w.e(id)
	w.s("desc")
	w.s(`">`)
	w.e(p.Desc)
	w.s("</desc>")
	if standalone {
		w.s("\n<style>", svgCSS, "</style>\n", `<rect class="bg" width="100%" height="100%"/>`)
	}
	w.s("\n<defs>\n", `<pattern id="`)
	w.e(id)
	w.s("hatch")
	w.s(`" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="hatch" width="2.5" height="6"/></pattern>`, "\n", `<pattern id="`)
	w.e(id)
	w.s("dots")
	w.s(`" width="5" height="5" patternUnits="userSpaceOnUse"><circle class="dot" cx="2.5" cy="2.5" r="1.2"/></pattern>`, "\n</defs>\n", `<g class="grid">`)
	for _, t := range p.Ticks {
		w.s("\n")
		if t.Minor {
			w.vline(` class="minor"`, t.X, p.LanesTop, p.LanesBottom)
		} else {
			w.vline("", t.X, p.LanesTop, p.LanesBottom)
		}
	}
	for _, t := range p.Days {
		w.s("\n")
		w.vline(` class="day"`, t.X, p.EventY, p.LanesBottom)
	}
	w.s("\n</g>\n", `<g class="lanes">`)
	for _, ln := range p.Lanes {
		w.s("\n", `<g class="lane"><title>`)
		w.e(ln.Name)
		w.s("</title>\n")
		w.rect(` class="track"`, p.PlotX, ln.Y, p.PlotEnd-p.PlotX, ln.H)
		w.s("\n</g>")
		w.bands(ln.Bands)
	}
	w.s("\n</g>")
	if sc := p.Scheduled; sc != nil {
		w.s("\n", `<g class="scheduled"><title>`)
		w.e(sc.Title)
		w.s("</title>")
		w.rect("", sc.X, sc.Y, sc.W, sc.H)
		w.s("</g>")
	}
	top, bottom := p.EventY-8, p.LanesBottom+4
	for _, br := range p.Breaks {
		w.s("\n", `<g class="break"><title>`)
		w.e(br.Title)
		w.s("</title>")
		w.rect("", br.X, top, br.W, bottom-top)
		w.vline("", br.X+br.W/3, top, bottom)
		w.vline("", br.X+2*br.W/3, top, bottom)
		w.s(`</g>`)
	}
	// The lanes' names, over the breaks.
	w.s("\n", `<g class="names">`)
	for _, ln := range p.Lanes {
		w.s("\n", `<text class="name"`)
		w.attrPc("x", p.PlotX)
		w.attr("y", ln.NameY)
		w.s(">")
		w.e(ln.Label)
		w.s("</text>")
	}
	w.s("\n</g>")
	w.s("\n", `<g class="events">`, "\n", `<text class="name"`)
	w.attrPc("x", p.PlotX)
	w.s(` y="12">Events</text>`, "\n", `<line class="axis"`)
	w.attrPc("x1", p.PlotX)
	w.attr("y1", p.EventY)
	w.attrPc("x2", p.PlotEnd)
	w.attr("y2", p.EventY)
	w.s("/>")
	w.markers(p.Markers)
	w.s("\n</g>\n", `<g class="ticks">`, "\n", `<line class="axis"`)
	w.attrPc("x1", p.PlotX)
	w.attr("y1", p.LanesBottom)
	w.attrPc("x2", p.PlotEnd)
	w.attr("y2", p.LanesBottom)
	w.s("/>")
	for _, t := range p.Ticks {
		w.s("\n")
		if t.Minor {
			w.vline(` class="axis minor"`, t.X, p.LanesBottom, p.LanesBottom+4)
		} else {
			w.vline(` class="axis"`, t.X, p.LanesBottom, p.LanesBottom+4)
		}
		for i, l := range t.Labels {
			if l == "" || i >= len(p.Rows) {
				continue
			}
			w.s("\n<text")
			w.attrPc("x", t.X)
			w.attr("y", p.Rows[i].Y)
			// A narrow figure leaves out the times of every other tick, not its dates.
			minor := t.Minor && (i < len(p.Rows)-1 || len(p.Rows) == 1)
			if t.Anchor != "" || minor || t.Shift && i == 1 {
				w.s(` class="`, t.Anchor)
				if t.Shift && i == 1 {
					w.s(" shift")
				}
				if minor {
					w.s(" minor")
				}
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
		w.at(k.X, k.Y)
		switch {
		case k.Path != "":
			w.s(`<g class="`)
			w.e(k.Class)
			w.s(`"><path transform="translate(7 5)" d="`)
			w.e(k.Path)
			w.s(`"/></g>`)
		case k.Class == "approx":
			w.s(`<line class="approx" x1="7" y1="0" x2="7" y2="10"/>`)
		case k.Class == "break":
			w.s(`<g class="break"><path d="M4 -1v12M10 -1v12"/></g>`)
		default:
			w.s(`<rect class="`)
			w.e(k.Class)
			w.s(`" width="14" height="10"/>`)
			if k.Pattern != "" {
				w.s(`<rect class="pattern" fill="url(#`)
				w.e(k.Pattern)
				w.s(`)" width="14" height="10"/>`)
			}
		}
		w.s(`<text x="20" y="9">`)
		w.e(k.Text)
		w.s("</text></svg></g>")
	}
	w.s("\n</g>\n</svg>")
}

// sizeHint is about the length of the figure's SVG, so that it is written without growing
// its buffer more than once.
func (p *Picture) sizeHint(standalone bool) int {
	n := 2048 + len(p.Desc) + len(p.Desc)/16 + 180*(len(p.Ticks)+len(p.Legend)+len(p.Breaks)+len(p.Days)) + 200*len(p.Lanes)
	if standalone {
		n += len(svgCSS)
	}
	for _, m := range p.Markers {
		n += 80 + len(m.Path) + len(m.Title) + len(m.Title)/16
	}
	for _, ln := range p.Lanes {
		for _, bd := range ln.Bands {
			n += 200 + len(bd.Title) + len(bd.Title)/16
		}
	}
	return n
}

// bands writes a lane's bands, each with its <title>, the short ones last: drawn wider
// than they are, they go over their neighbours rather than under.
func (w *svgWriter) bands(bands []Band) {
	for _, bd := range bands {
		if !bd.Short {
			w.band(bd)
		}
	}
	for _, bd := range bands {
		if bd.Short {
			w.band(bd)
		}
	}
}

// band writes one band. Like markers, it builds each element in a buffer on the stack and
// writes it at once: a long timeline has hundreds of them.
func (w *svgWriter) band(bd Band) {
	var arr [512]byte
	b := append(arr[:0], "\n<g class=\"band "...)
	b = append(b, bd.Class...)
	b = append(b, `"><title>`...)
	b = appendEscaped(b, bd.Title)
	b = append(b, "</title>"...)
	rect := func(b []byte) []byte { // the attributes of a rect begun
		b = append(b, ` x="`...)
		b = append(appendPc(b, bd.X), `" y="`...)
		b = append(appendPx(b, bd.Y), `" width="`...)
		b = append(appendPc(b, bd.W), `" height="`...)
		return append(appendPx(b, bd.H), `"/>`...)
	}
	edge := func(b []byte, x string, pc float64) []byte {
		b = append(b, `<line class="approx" x1="`...)
		if x != "" {
			b = append(b, x...)
		} else {
			b = appendPc(b, pc)
		}
		if bd.Short {
			b = append(b, `" y1="0" x2="`...)
		} else {
			b = append(appendPx(append(b, `" y1="`...), bd.Y), `" x2="`...)
		}
		if x != "" {
			b = append(b, x...)
		} else {
			b = appendPc(b, pc)
		}
		if bd.Short {
			return append(appendPx(append(b, `" y2="`...), bd.H), `"/>`...)
		}
		return append(appendPx(append(b, `" y2="`...), bd.Y+bd.H), `"/>`...)
	}
	b = rect(append(b, "<rect"...))
	if bd.Short {
		// Drawn picBandMin px wide from its start, its edges dashed there when approximate:
		// its title says how long it is. A wide figure draws it as long as it is, under that.
		b = append(b, `<svg x="`...)
		b = append(appendPc(b, bd.X), `" y="`...)
		b = append(appendPx(b, bd.Y), `"><rect class="min" width="`...)
		b = append(appendPx(b, picBandMin), `" height="`...)
		b = append(appendPx(b, bd.H), `"/>`...)
		if bd.ApproxStart {
			b = edge(b, "0", 0)
		}
		if bd.ApproxEnd {
			b = edge(b, strconv.Itoa(picBandMin), 0)
		}
		w.b.Write(append(b, "</svg></g>"...))
		return
	}
	if bd.Pattern != "" {
		b = append(b, `<rect class="pattern" fill="url(#`...)
		b = appendEscaped(b, bd.Pattern)
		b = rect(append(b, `)"`...))
	}
	if bd.ApproxStart {
		b = edge(b, "", bd.X)
	}
	if bd.ApproxEnd {
		b = edge(b, "", bd.X+bd.W)
	}
	w.b.Write(append(b, "</g>"...))
}

// markers writes the markers, each with its <title>, its shape drawn in px at its place.
// Their classes and shapes are the package's own words, written as they are.
func (w *svgWriter) markers(markers []Marker) {
	var arr [512]byte
	for _, m := range markers {
		b := append(arr[:0], "\n<g class=\"mk "...)
		b = append(b, m.Class...)
		if m.Approx {
			b = append(b, " approx"...)
		}
		b = append(b, `"><title>`...)
		b = appendEscaped(b, m.Title)
		b = append(b, `</title><svg x="`...)
		b = append(appendPc(b, m.X), `" y="`...)
		b = append(appendPx(b, m.Y), `"><path d="`...)
		b = append(b, m.Path...)
		w.b.Write(append(b, `"/></svg></g>`...))
	}
}
