package render

import (
	"bytes"
	"html/template"
	"strings"

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
//   - links whose destination the link policy refuses (see allowedURL) lose their link and
//     keep their text (so "javascript:", "javascript\:" and "data:" never become an href);
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
		if !allowedDest(link.Destination) {
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
		if !allowedDest(n.Destination) {
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

// markdownText returns the text a reader sees of the Markdown src, without its markup: the
// text of links and images, code as written, raw HTML as the text it is, escapes and
// entities resolved, blocks separated by a space. The result is plain text, to be escaped
// for wherever it goes.
func markdownText(src string) string {
	source := []byte(src)
	doc := plainParser.Parse(text.NewReader(source))
	var b strings.Builder
	put := func(v []byte) {
		v = util.UnescapePunctuations(v)
		v = util.ResolveNumericReferences(v)
		b.Write(util.ResolveEntityNames(v))
	}
	lines := func(n ast.Node) {
		ls := n.Lines()
		for i := 0; i < ls.Len(); i++ {
			seg := ls.At(i)
			b.Write(seg.Value(source))
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock && n.Kind() != ast.KindDocument {
			b.WriteByte(' ') // blocks are apart, entering and leaving
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			if n.IsRaw() { // the text of a code span
				b.Write(n.Segment.Value(source))
			} else {
				put(n.Segment.Value(source))
			}
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if n.IsCode() || n.IsRaw() {
				b.Write(n.Value)
			} else {
				put(n.Value)
			}
		case *ast.AutoLink:
			b.Write(n.Label(source))
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				b.Write(seg.Value(source))
			}
		case *ast.HTMLBlock:
			lines(n)
			if n.HasClosure() {
				b.Write(n.ClosureLine.Value(source))
			}
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			lines(n)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
