package render

import (
	"bufio"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	htmltemplate "html/template"
	"io"
	"strings"
	"sync"
	texttemplate "text/template"
	"unicode"
	"unicode/utf8"
)

var (
	//go:embed templates/document.md.tmpl
	markdownSource string
	//go:embed templates/document.html.tmpl
	htmlSource string
	//go:embed templates/style.css
	styleSource string
	//go:embed templates/local.js
	scriptSource string
)

// The page's inline style and script, and the Content-Security-Policy that allows exactly
// them: no other script, style, image, font, frame or connection.
var (
	pageStyle  = htmltemplate.HTML("<style>" + pageCSS + "</style>")
	pageScript = htmltemplate.HTML("<script>" + scriptSource + "</script>")
	pageCSP    = htmltemplate.HTML(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '` +
		cspHash(pageCSS) + `'; script-src '` + cspHash(scriptSource) + `'; base-uri 'none'; form-action 'none'">`)
)

func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

var builtinMarkdown = sync.OnceValue(func() *texttemplate.Template {
	return texttemplate.Must(ParseMarkdownTemplate("document.md", markdownSource))
})

var builtinHTML = sync.OnceValue(func() *htmltemplate.Template {
	return htmltemplate.Must(ParseHTMLTemplate("document.html", htmlSource))
})

// executor is what text/template and html/template have in common.
type executor interface {
	Execute(w io.Writer, data any) error
}

// execute runs t on d into w through a buffered writer.
func execute(w io.Writer, d *Document, t executor) error {
	bw := bufio.NewWriterSize(w, 32<<10)
	if err := t.Execute(bw, d); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	return bw.Flush()
}

// funcs are the template functions shared by both formats.
func funcs() map[string]any {
	return map[string]any{
		"add":      func(a, b int) int { return a + b },
		"duration": Duration,
		"title":    upperFirst,
	}
}

// ParseMarkdownTemplate parses a Markdown template with the functions the built-in one uses:
//
//	md s        s (plain text) with Markdown's special characters escaped
//	cell s      md s made fit for a table cell: one line, "|" escaped
//	cells list  the cell of each string of list, joined with ", "
//	mdcell s    a Markdown field made fit for a table cell: one line, "|" escaped
//	indent s    a Markdown field indented to continue a list item
//	mdlink t u  a Markdown link to u with text t
//	mdurl u     u as a link destination
//	hashes n    n "#" characters, for a heading of level n
//	add a b     a + b
//	duration d  d as Duration formats it
//	title s     s with its first letter upper case
//
// The template receives a *Document. Errors are text/template's.
func ParseMarkdownTemplate(name, text string) (*texttemplate.Template, error) {
	fm := texttemplate.FuncMap(funcs())
	fm["md"] = mdEscape
	fm["cell"] = func(s string) string { return mdEscape(oneLine(s)) }
	fm["cells"] = mdCells
	fm["mdcell"] = mdCell
	fm["indent"] = func(s string) string { return strings.ReplaceAll(s, "\n", "\n  ") }
	fm["mdlink"] = func(text, u string) string { return "[" + mdEscape(oneLine(text)) + "](" + mdURL(u) + ")" }
	fm["mdurl"] = mdURL
	fm["hashes"] = func(n int) string { return strings.Repeat("#", max(1, min(n, 6))) }
	return texttemplate.New(name).Funcs(fm).Parse(text)
}

// mdCells is each string of list made fit for a table cell, joined with ", ": what ranging
// over list with "cell" writes, in one call rather than a call per name.
func mdCells(list []string) string {
	var b strings.Builder
	for i, s := range list {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(mdEscape(oneLine(s)))
	}
	return b.String()
}

// ParseHTMLTemplate parses an HTML template with the functions the built-in one uses:
//
//	hopen n id  the start tag of a heading of level n (1 to 6) with element id id
//	hclose n    the end tag of a heading of level n
//	timelineRows entries  the <tr> rows of a timeline table ([]Entry), escaped
//	outageRows spans dates  the <tr> rows of an outage table ([]Span), escaped
//	add a b     a + b
//	duration d  d as Duration formats it
//	title s     s with its first letter upper case
//
// The template receives a *Document; View.TimelineRows and View.OutageRows give the same rows
// as timelineRows and outageRows. Errors are html/template's.
func ParseHTMLTemplate(name, text string) (*htmltemplate.Template, error) {
	fm := htmltemplate.FuncMap(funcs())
	fm["hopen"] = func(n int, id string) htmltemplate.HTML {
		n = max(1, min(n, 6))
		if id = headingID(id); id == "" {
			return htmltemplate.HTML(fmt.Sprintf("<h%d>", n))
		}
		return htmltemplate.HTML(fmt.Sprintf(`<h%d id="%s">`, n, id))
	}
	fm["timelineRows"] = timelineRows
	fm["outageRows"] = outageRows
	fm["hclose"] = func(n int) htmltemplate.HTML {
		return htmltemplate.HTML(fmt.Sprintf("</h%d>", max(1, min(n, 6))))
	}
	return htmltemplate.New(name).Funcs(fm).Parse(text)
}

// headingID keeps the letters, digits, "-" and "_" of s.
func headingID(s string) string {
	return strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf && (r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return r
		}
		return -1
	}, s)
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// mdEscape escapes the characters of plain text s that Markdown would read as markup.
func mdEscape(s string) string {
	s = clean(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '_':
			if i == 0 || i+1 == len(s) || !isASCIIAlnum(s[i-1]) || !isASCIIAlnum(s[i+1]) {
				b.WriteByte('\\') // an underscore inside a word is no emphasis
			}
		case '\\', '`', '*', '[', ']', '<', '>', '|', '~', '#', '!':
			b.WriteByte('\\')
		case '{', '%':
			if i > 0 && s[i-1] == '{' {
				b.WriteByte('\\') // no "{{" or "{%" for Hugo or Liquid to run
			}
		case '&':
			if i+1 < len(s) && (s[i+1] == '#' || isASCIILetter(s[i+1])) {
				b.WriteByte('\\')
			}
		case '\n':
			b.WriteString(" ")
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' }

// mdCell makes Markdown source fit in a table cell: one line, "|" escaped.
func mdCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '|' {
			n := 0
			for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
				n++
			}
			if n%2 == 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// mdURL writes u as a link destination in angle brackets, with the characters that would end
// it percent-encoded.
func mdURL(u string) string {
	var b strings.Builder
	b.WriteByte('<')
	for i := 0; i < len(u); i++ {
		switch c := u[i]; {
		case c == '<' || c == '>' || c == '\\' || c <= ' ' || c == 0x7f || c == '{' || c == '}':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('>')
	return b.String()
}
