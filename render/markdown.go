package render

import (
	"bytes"
	"html"
	"html/template"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The two goldmark instances every Printer shares. They are built once and never modified,
// and goldmark.Markdown is safe for concurrent use, so they are not mutable state.
// safeMarkdown drops raw HTML (goldmark's default); unsafeMarkdown renders it and is used only
// when a Printer sets UnsafeHTML.
var (
	safeMarkdown   = newGoldmark(false)
	unsafeMarkdown = newGoldmark(true)
)

// plainParser parses GFM without the sanitizer, to find what inertMarkdown must neutralize.
var plainParser = goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()

// headingBase is the parser context key holding the heading level of the section a Markdown
// field is rendered in, so that a "# Heading" written in a field nests below it.
var headingBase = parser.NewContextKey()

func newGoldmark(unsafe bool) goldmark.Markdown {
	rendererOpts := []goldmark.Option{
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(parser.WithASTTransformers(
			util.Prioritized(sanitizer{}, 1000),
		)),
	}
	if unsafe {
		rendererOpts = append(rendererOpts, goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	}
	return goldmark.New(rendererOpts...)
}

// sanitizer rewrites the parsed Markdown of an incident field:
//   - links whose destination is neither relative nor http, https or mailto lose their link
//     and keep their text (so "javascript:" and "data:" never become an href);
//   - images become links to the image (a rendered page makes no external request);
//   - headings move below the heading of the section the field belongs to.
type sanitizer struct{}

func (sanitizer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	base := 0
	if v, ok := pc.Get(headingBase).(int); ok {
		base = v
	}
	st := sanitizeState{base: base, src: reader.Source()}
	st.walk(doc)
	unwrap, images, autolinks := st.unwrap, st.images, st.autolinks
	src := st.src
	for _, img := range images {
		link := ast.NewLink()
		link.Destination = img.Destination
		link.Title = img.Title
		for c := img.FirstChild(); c != nil; {
			next := c.NextSibling()
			link.AppendChild(link, c)
			c = next
		}
		if !link.HasChildren() {
			link.AppendChild(link, ast.NewString([]byte("image")))
		}
		img.Parent().ReplaceChild(img.Parent(), img, link)
		if !allowedURL(string(link.Destination), true) {
			unwrap = append(unwrap, link)
		}
	}
	for _, n := range unwrap {
		parent := n.Parent()
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
	for _, n := range autolinks {
		n.Parent().ReplaceChild(n.Parent(), n, ast.NewString(n.Label(src)))
	}
}

// sanitizeState is what sanitizer.Transform collects while it walks a document.
type sanitizeState struct {
	base      int
	src       []byte
	unwrap    []ast.Node
	images    []*ast.Image
	autolinks []*ast.AutoLink
}

// walk visits n and its descendants in document order: headings move down, links to be
// unwrapped, images and unsafe autolinks are collected (changed once the walk is over).
func (st *sanitizeState) walk(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		if st.base > 0 {
			n.Level = min(n.Level+st.base, 6)
		}
	case *ast.Link:
		if !allowedURL(string(n.Destination), true) {
			st.unwrap = append(st.unwrap, n)
		}
	case *ast.Image:
		st.images = append(st.images, n)
	case *ast.AutoLink:
		if !allowedURL(string(n.URL(st.src)), false) {
			st.autolinks = append(st.autolinks, n)
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		st.walk(c)
	}
}

// allowedURL reports whether u may become an href: http, https and mailto URLs, and (when
// relative is set) URLs without a scheme, such as "/other-post" or "#timeline".
// Browsers ignore tabs and newlines inside URLs and leading spaces and control characters,
// so "java\tscript:" is seen as the scheme it is.
func allowedURL(u string, relative bool) bool {
	// Markdown destinations may still hold character references ("java&#x09;script:").
	for i := 0; i < 3 && strings.ContainsRune(u, '&'); i++ {
		u = html.UnescapeString(u)
	}
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	if u == "" {
		return false
	}
	i := strings.IndexAny(u, ":/?#")
	if i < 0 || u[i] != ':' || !isScheme(u[:i]) {
		// No scheme: what comes before a colon is a scheme only when it is spelled as one
		// (RFC 3986 §3.1; browsers parse "%3E:x" as a relative path, as they do "x").
		return relative && !strings.HasPrefix(u, "//") && !strings.HasPrefix(u, `\`)
	}
	switch strings.ToLower(u[:i]) {
	case "http", "https":
		return len(u) > i+1
	case "mailto":
		return len(u) > i+1
	}
	return false
}

// isScheme reports whether s is spelled as a URL scheme: a letter, then letters, digits,
// "+", "-" or ".".
func isScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		switch {
		case 'a' <= c && c <= 'z':
		case i > 0 && ('0' <= s[i] && s[i] <= '9' || s[i] == '+' || s[i] == '-' || s[i] == '.'):
		default:
			return false
		}
	}
	return s != ""
}

// toHTML converts a Markdown field with md, its headings nested below level base, in a
// parser context of its own, so that no reference definition reaches another field.
func toHTML(md goldmark.Markdown, src string, base int) (template.HTML, error) {
	if strings.TrimSpace(src) == "" {
		return "", nil
	}
	ctx := parser.NewContext()
	ctx.Set(headingBase, base)
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf, parser.WithContext(ctx)); err != nil {
		return "", err
	}
	return template.HTML(bytes.TrimRight(buf.Bytes(), "\n")), nil
}

// inertMarkdown returns src with its raw HTML (inline tags and HTML blocks) escaped, so that
// a Markdown renderer downstream shows it as text rather than running it. Everything else,
// code spans and code blocks included, is left as written.
func inertMarkdown(src string) string {
	// Escaping can change how the rest parses ("</div [](x)" stops being an HTML block once
	// its "<" is escaped), so repeat until nothing changes; should that not happen quickly,
	// escape every "<" and "[" (safe, if less pretty).
	for range 8 {
		out := inertOnce(src)
		if out == src {
			return out
		}
		src = out
	}
	var b strings.Builder
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '<':
			b.WriteString("&lt;")
		case c == '[' && !escaped([]byte(src), i):
			b.WriteString(`\[`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func inertOnce(src string) string {
	if !strings.Contains(src, "<") && !(strings.Contains(src, "[") && mayHoldScheme(src)) {
		return src
	}
	source := []byte(src)
	doc := plainParser.Parse(text.NewReader(source))
	var spans, code [][2]int
	badLink := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			badLink = badLink || !allowedURL(string(n.Destination), true)
		case *ast.Image:
			badLink = badLink || !allowedURL(string(n.Destination), true)
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					code = append(code, [2]int{t.Segment.Start, t.Segment.Stop})
				}
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				s := lines.At(i)
				code = append(code, [2]int{s.Start, s.Stop})
			}
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				s := n.Segments.At(i)
				spans = append(spans, [2]int{s.Start, s.Stop})
			}
		case *ast.HTMLBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				s := lines.At(i)
				spans = append(spans, [2]int{s.Start, s.Stop})
			}
			if n.HasClosure() {
				spans = append(spans, [2]int{n.ClosureLine.Start, n.ClosureLine.Stop})
			}
		case *ast.AutoLink:
			// <javascript:...> is an autolink to CommonMark; keep it from becoming one.
			if !allowedURL(string(n.URL(source)), false) {
				spans = append(spans, autolinkSpans(source, n)...)
			}
		}
		return ast.WalkContinue, nil
	})
	if len(spans) == 0 && !badLink {
		return src
	}
	mark := make([]bool, len(source))
	for _, s := range spans {
		for i := max(s[0], 0); i < s[1] && i < len(source); i++ {
			mark[i] = true
		}
	}
	// A link to a scheme other than http, https or mailto (javascript:, data:, ...) must not
	// become a link downstream: every "[" outside code is escaped, which undoes inline,
	// reference and image links alike.
	inCode := make([]bool, len(source))
	for _, s := range code {
		for i := max(s[0], 0); i < s[1] && i < len(source); i++ {
			inCode[i] = true
		}
	}
	var b strings.Builder
	for i := 0; i < len(source); {
		r, size := utf8.DecodeRune(source[i:])
		switch {
		case mark[i] && r == '<':
			b.WriteString("&lt;")
		case badLink && r == '[' && !inCode[i] && !escaped(source, i):
			b.WriteString(`\[`)
		default:
			b.Write(source[i : i+size])
		}
		i += size
	}
	return b.String()
}

// escaped reports whether source[i] follows an odd number of backslashes.
func escaped(source []byte, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && source[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// mayHoldScheme reports whether src may hold a link (inline, "](dest", or a reference
// definition, "]: dest") whose destination names a scheme other than http, https and mailto,
// or is written with character references or backslash escapes that could hide one. It is a
// cheap test: a false positive only costs a parse.
func mayHoldScheme(src string) bool {
	for i := 0; i+1 < len(src); i++ {
		next := strings.IndexByte(src[i:], ']')
		if next < 0 || i+next+1 >= len(src) {
			return false
		}
		i += next
		if src[i+1] != '(' && src[i+1] != ':' {
			continue
		}
		j := i + 2
		for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r' || src[j] == '<') {
			j++
		}
		k := j
		for k < len(src) && !destEnd(src[k]) { // ")" may be the destination's own
			k++
		}
		dest := src[j:k]
		if strings.ContainsAny(dest, "&\\%") {
			return true
		}
		c := strings.IndexAny(dest, ":/?#")
		if c < 0 || dest[c] != ':' {
			continue
		}
		switch strings.ToLower(dest[:c]) {
		case "http", "https", "mailto":
		default:
			return true
		}
	}
	return false
}

// destEnd reports whether c ends a link destination for mayHoldScheme.
func destEnd(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>'
}

// autolinkSpans returns the "<" of every "<label>" in source, label being autolink n's.
func autolinkSpans(source []byte, n *ast.AutoLink) [][2]int {
	needle := append(append([]byte{'<'}, n.Label(source)...), '>')
	var spans [][2]int
	for off := 0; ; {
		i := bytes.Index(source[off:], needle)
		if i < 0 {
			return spans
		}
		spans = append(spans, [2]int{off + i, off + i + 1})
		off += i + 1
	}
}

// shiftHeadings returns src with its ATX headings ("# Steps") moved base levels down (at most
// to level 6), so that headings written in a field nest below the section the field is in.
// Setext headings (underlined) are left alone.
func shiftHeadings(src string, base int) string {
	if base <= 0 || !strings.Contains(src, "#") {
		return src
	}
	source := []byte(src)
	doc := plainParser.Parse(text.NewReader(source))
	type edit struct{ at, n int }
	var edits []edit
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		add := min(h.Level+base, 6) - h.Level
		if add <= 0 {
			return ast.WalkSkipChildren, nil
		}
		// The line the heading starts on: its first content segment, or for an empty
		// heading nothing to find (left as is).
		var pos int
		if h.Lines().Len() > 0 {
			pos = h.Lines().At(0).Start
		} else {
			return ast.WalkSkipChildren, nil
		}
		// Back from the content over the spaces after the marker, then over the marker.
		j := pos
		for j > 0 && (source[j-1] == ' ' || source[j-1] == '\t') {
			j--
		}
		k := j
		for k > 0 && source[k-1] == '#' {
			k--
		}
		if k < j {
			edits = append(edits, edit{k, add})
		}
		return ast.WalkSkipChildren, nil
	})
	if len(edits) == 0 {
		return src
	}
	var b strings.Builder
	last := 0
	for _, e := range edits {
		b.Write(source[last:e.at])
		b.WriteString(strings.Repeat("#", e.n))
		last = e.at
	}
	b.Write(source[last:])
	return b.String()
}
