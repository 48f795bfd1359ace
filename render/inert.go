package render

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// What the Markdown output does to a Markdown field so that a renderer downstream (a site
// generator that renders raw HTML, runs Hugo shortcodes or Liquid) shows it and runs
// nothing of it.

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
	if !strings.Contains(src, "<") && !(strings.Contains(src, "[") && mayHoldScheme(src)) && !mayHoldBareURL(src) {
		return src
	}
	source := []byte(src)
	ctx := parser.NewContext()
	doc := plainParser.Parse(text.NewReader(source), parser.WithContext(ctx))
	var spans, code [][2]int
	var colons []int
	// A reference definition with a bad destination is neutralised even when this field
	// does not use it: in the one Markdown document, another field (or incident) could.
	badLink := false
	for _, ref := range ctx.References() {
		badLink = badLink || !allowedDest(ref.Destination())
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			badLink = badLink || !allowedDest(n.Destination)
		case *ast.Image:
			badLink = badLink || !allowedDest(n.Destination)
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
				// A bare URL ("http://#x", GFM's extended autolink) has no "<" to escape:
				// its colon is escaped instead, so that it is no URL downstream.
				if at := n.Pos(); at >= 0 && at < len(source) && source[at] == '<' {
					spans = append(spans, [2]int{at, at + 1})
				} else if c := bytes.IndexByte(n.Label(source), ':'); at >= 0 && c >= 0 {
					colons = append(colons, at+c)
				} else if at < 0 {
					spans = append(spans, autolinkSpans(source, n)...)
				}
			}
		}
		return ast.WalkContinue, nil
	})
	if len(spans) == 0 && len(colons) == 0 && !badLink {
		return src
	}
	escapeAt := make(map[int]bool, len(colons))
	for _, c := range colons {
		escapeAt[c] = true
	}
	mark := make([]bool, len(source))
	for _, s := range spans {
		for i := max(s[0], 0); i < s[1] && i < len(source); i++ {
			mark[i] = true
		}
	}
	// A link the link policy refuses (javascript:, data:, //evil.example, ...) must not
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
		case escapeAt[i] && !inCode[i]:
			b.WriteString(`\:`)
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

// mayHoldBareURL reports whether src may hold a bare URL ("http://…", which GFM links) that
// names no host: a "://" not followed by a letter or digit.
func mayHoldBareURL(src string) bool {
	for off := 0; ; {
		i := strings.Index(src[off:], "://")
		if i < 0 {
			return false
		}
		off += i + 3
		if off >= len(src) || !isASCIIAlnum(src[off]) {
			return true
		}
	}
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

// zeroWidthSpace separates "{{" and "{%" inside code, where a backslash would show.
const zeroWidthSpace = "\u200b"

// quoteTemplateTags returns src with every "{{" and "{%" broken up, so that neither a Hugo
// shortcode ("{{< x >}}", "{{% x %}}") nor a Liquid tag or output ("{% x %}", "{{ x }}") is
// left for a site build to run: outside code the second character is backslash-escaped
// ("{\{", shown as "{{"), inside code spans, code blocks and autolinks, where a backslash
// would show, a zero-width space goes between the two.
func quoteTemplateTags(src string) string {
	if !strings.Contains(src, "{{") && !strings.Contains(src, "{%") {
		return src
	}
	source := []byte(src)
	doc := plainParser.Parse(text.NewReader(source))
	inCode := make([]bool, len(source))
	mark := func(start, stop int) {
		for i := max(start, 0); i < stop && i < len(source); i++ {
			inCode[i] = true
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					mark(t.Segment.Start, t.Segment.Stop)
				}
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				s := lines.At(i)
				mark(s.Start, s.Stop)
			}
			if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
				mark(f.Info.Segment.Start, f.Info.Segment.Stop)
			}
		case *ast.AutoLink:
			label := n.Label(source)
			for _, s := range autolinkSpans(source, n) {
				mark(s[0], s[0]+len(label)+2)
			}
		}
		return ast.WalkContinue, nil
	})
	var b strings.Builder
	b.Grow(len(src) + 8)
	for i := 0; i < len(source); i++ {
		c := source[i]
		if i > 0 && source[i-1] == '{' && (c == '{' || c == '%') {
			if inCode[i] {
				b.WriteString(zeroWidthSpace)
			} else {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}
