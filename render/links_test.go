package render

import (
	"bytes"
	"html"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

func TestAllowedURL(t *testing.T) {
	for _, tc := range []struct {
		u        string
		relative bool
		want     bool
	}{
		{"https://example.com/a", false, true},
		{"HTTP://example.com", false, true},
		{"https://user@example.com:8080/x", false, true},
		{"https:example.com", false, true}, // browsers read https://example.com/
		{"mailto:ops@example.com", false, true},
		{"https:", false, false},
		{"https:", true, false},
		{"http://", true, false},
		{"https:///x", true, true}, // browsers skip the extra slashes: https://x/
		{"https://?x", true, false},
		{"https://@/x", true, false},
		{"https://:80/", true, false},
		{"javascript:alert(1)", true, false},
		{"JavaScript:alert(1)", true, false},
		{"java\tscript:alert(1)", true, false},
		{"java&#x09;script:alert(1)", true, false},
		{" \x01javascript:x", true, false},
		{"data:text/html,x", true, false},
		{"vbscript:x", true, false},
		{"a+b.c-d:x", true, false}, // a scheme we do not know
		{"/incidents/42", true, true},
		{"/incidents/42", false, false},
		{"#timeline", true, true},
		{"//evil.example/x", true, false},
		{`/\evil.example/x`, true, false},
		{`\\evil.example\x`, true, false},
		{`\/evil.example`, true, false},
		{"%3E:", true, true},   // no scheme: a relative path, as browsers read it
		{"1abc:x", true, true}, // a scheme starts with a letter
		{">:", true, true},
		{"", true, false},
	} {
		if got := allowedURL(tc.u, tc.relative); got != tc.want {
			t.Errorf("allowedURL(%q, %v) = %v, want %v", tc.u, tc.relative, got, tc.want)
		}
	}
}

// TestAllowedDest checks destinations as written in Markdown: backslash escapes and
// character references are undone before the policy is applied.
func TestAllowedDest(t *testing.T) {
	for _, tc := range []struct {
		dest string
		want bool
	}{
		{`https://example.com/a\_b`, true},
		{`javascript\:alert(1)`, false},
		{`JavaScript\:alert(1)`, false},
		{`data\:text/html,x`, false},
		{`vbscript\:x`, false},
		{`java&#115;cript:x`, false},
		{`javascript&colon;x`, false},
		{`/\/evil.example/p`, false},
		{`\/\/evil.example`, false},
		{`/ok/path`, true},
		{`https\:`, false},
	} {
		assert.Equal(t, tc.want, allowedDest([]byte(tc.dest)), "allowedDest(%q)", tc.dest)
	}
}

func TestMayHoldScheme(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"no links: at 10:36", false},
		{"[ok](https://example.com/a:b) and [rel](/x:y) [frag](#a)", false},
		{"[mail](mailto:a@b.c)", false},
		{"[bad](javascript:x)", true},
		{"[bad]( \n JavaScript:x)", true},
		{"[bad](<javascript:x>)", true},
		{"[ref]: javascript:x", true},
		{"[ent](java&#x09;script:x)", true},
		{"[esc](javascript\\:x)", true},
		{"[paren](():)", false}, // "():" is a relative path
		{"[data](data:text/html,x)", true},
		{"[nohost](https:)", true},
		{"[nohost](https:///x)", true},
		{"[pr](//evil.example)", true},
		{"[pr](/\\/evil.example)", true},
		{"[pr](<//evil.example>)", true},
		{"[ref]: //evil.example", true},
		{"[" + strings.Repeat("](", 1000) + "x", false},
	} {
		assert.Equal(t, tc.want, mayHoldScheme(tc.in), "mayHoldScheme(%q)", tc.in)
	}
}

// linkDestinations returns the destinations of the links, images and reference definitions
// goldmark finds in src, as written.
func linkDestinations(src string) [][]byte {
	ctx := parser.NewContext()
	doc := plainParser.Parse(text.NewReader([]byte(src)), parser.WithContext(ctx))
	var out [][]byte
	for _, ref := range ctx.References() {
		out = append(out, ref.Destination())
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n := n.(type) {
			case *ast.Link:
				out = append(out, n.Destination)
			case *ast.Image:
				out = append(out, n.Destination)
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}

// FuzzLinkPolicy puts any destination in an inline link, an image and a reference
// definition used from another field, and checks that
//   - mayHoldScheme never misses a destination the policy refuses (it only spares a parse);
//   - the HTML of the field holds no href the policy refuses;
//   - the Markdown output of the two fields, as one document rendered by goldmark with raw
//     HTML allowed (as Hugo does), holds none either, and no "{{" or "{%".
func FuzzLinkPolicy(f *testing.F) {
	for _, d := range []string{
		"https://example.com", "https:", "javascript\\:alert(1)", "/\\/evil.example/p",
		"//evil.example", "data\\:x", "<javascript:x>", "java&#x09;script:x", "/ok", "{{< x >}}",
		"JavaScript&colon;x", "mailto:", "https:\\\\evil",
	} {
		f.Add(d)
	}
	unsafe := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	p := &Printer{}
	f.Fuzz(func(t *testing.T, dest string) {
		if len(dest) > 256 {
			return
		}
		dest = clean(dest)
		fields := []string{"[x](" + dest + ") ![i](" + dest + ")", "x\n\n[s]: " + dest, "see [s] and [s][]"}
		for _, src := range fields {
			if !mayHoldScheme(src) {
				for _, d := range linkDestinations(src) {
					if !allowedDest(d) {
						t.Fatalf("mayHoldScheme(%q) = false, but the policy refuses %q", src, d)
					}
				}
			}
		}
		var doc strings.Builder
		for _, src := range fields {
			ht, err := p.builder(true).text(src, 2)
			if err != nil {
				t.Fatal(err)
			}
			checkHrefs(t, "html", string(ht.HTML), src)
			mt, err := p.builder(false).text(src, 2)
			if err != nil {
				t.Fatal(err)
			}
			doc.WriteString(mt.Markdown + "\n\n")
		}
		var down bytes.Buffer
		if err := unsafe.Convert([]byte(doc.String()), &down); err != nil {
			t.Fatal(err)
		}
		checkHrefs(t, "downstream", down.String(), doc.String())
		if strings.Contains(doc.String(), "{{") || strings.Contains(doc.String(), "{%") {
			t.Fatalf("template tag in %q", doc.String())
		}
	})
}

// checkHrefs fails t when out has an href or src attribute the link policy refuses.
func checkHrefs(t *testing.T, name, out, from string) {
	t.Helper()
	for _, tag := range tagRE.FindAllString(out, -1) {
		for _, m := range hrefRE.FindAllStringSubmatch(tag, -1) {
			u := m[1]
			if len(u) >= 2 && (u[0] == '"' || u[0] == '\'') {
				u = u[1 : len(u)-1]
			}
			if u = html.UnescapeString(u); !allowedURL(u, true) {
				t.Fatalf("%s: unsafe URL %q in %q from %q", name, u, tag, from)
			}
		}
	}
}
