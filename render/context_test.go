package render

import (
	"bytes"
	"html/template"
	"math/rand/v2"
	"testing"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark/parser"
)

// freshHTML converts src as converter.toHTML does, with a context of its own.
func freshHTML(t testing.TB, src string, base int) template.HTML {
	if src == "" {
		return ""
	}
	ctx := parser.NewContext()
	ctx.Set(headingBase, base)
	var buf bytes.Buffer
	require.NoError(t, safeMarkdown.Convert([]byte(src), &buf, parser.WithContext(ctx)))
	return template.HTML(bytes.TrimRight(buf.Bytes(), "\n"))
}

// contextFields are fields that leave parsing state behind, or would use state a previous
// field left: reference definitions, unclosed emphasis, links, code and blocks.
var contextFields = []string{
	"[ref]: javascript:alert(1)",
	"[ref]: https://example.com/a",
	"see [ref] and [ref][] and [other]",
	"[other]: /relative \"title\"",
	"*unclosed emphasis and **strong",
	"[unclosed link label ![image",
	"a ](https://x) b [c](d",
	"`unclosed code",
	"```\nunclosed fence",
	"> quote\n> - list\n>   1. nested",
	"| a | b |\n|---|---|\n| c | d",
	"- [ ] task\n- [x] done",
	"# heading\n\ntext\n\nsetext\n---",
	"~~strike~~ www.example.com https://example.com/x ftp://x.y/z a@b.co",
	"<div>\nraw html block",
	"plain text",
	"*a **b** c* [d *e*](f) `g` **h**",
}

// TestFieldContextReuse checks that a converter reusing one context for field after field
// gives every field what a fresh context gives it.
func TestFieldContextReuse(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	c := newConverter(safeMarkdown)
	for range 2000 {
		src := contextFields[rng.IntN(len(contextFields))]
		if rng.IntN(3) == 0 {
			src += "\n\n" + contextFields[rng.IntN(len(contextFields))]
		}
		base := rng.IntN(4)
		got, err := c.toHTML(src, base)
		require.NoError(t, err)
		require.Equal(t, freshHTML(t, src, base), got, "%q", src)
	}
}

// FuzzFieldContextReuse converts a then b with one converter: b must convert as it does on
// its own.
func FuzzFieldContextReuse(f *testing.F) {
	for i, s := range contextFields {
		f.Add(s, contextFields[(i+2)%len(contextFields)])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 1024 || len(b) > 1024 {
			return
		}
		c := newConverter(safeMarkdown)
		_, err := c.toHTML(a, 1)
		require.NoError(t, err)
		got, err := c.toHTML(b, 2)
		require.NoError(t, err)
		want := template.HTML("")
		if len(bytes.TrimSpace([]byte(b))) > 0 {
			want = freshHTML(t, b, 2)
		}
		require.Equal(t, want, got)
	})
}

// TestPlainWebURL checks that plainWebURL allows only what allowedURL allows.
func TestPlainWebURL(t *testing.T) {
	for _, u := range []string{
		"https://example.com", "http://x", "https://", "http://", "https://a&#x09;b",
		"https://a\tb", "https:\n//x", "javascript:x", "HTTPS://x", " https://x", "\x00https://x",
		"https://runbooks.example/db#step-1", "http:x", "https:/x",
	} {
		if plainWebURL([]byte(u)) {
			require.True(t, allowedURL(u, true), "%q", u)
			require.True(t, allowedURL(u, false), "%q", u)
		}
	}
	require.True(t, plainWebURL([]byte("https://runbooks.example/db#step-1")))
	require.False(t, plainWebURL([]byte("javascript:x")))
}

// TestScratchReuse renders pages one after the other, safe and unsafe, so that pooled
// scratch moves between them: each page must be what it is on its own.
func TestScratchReuse(t *testing.T) {
	small, big := harvestGo(t), bigIncident(t, 40)
	big.Summary = "[ref]: javascript:alert(1)\n\n<b>bold</b> [ref]"
	page := func(p *Printer, inc *incident.Incident) string {
		var buf bytes.Buffer
		require.NoError(t, p.HTML(&buf, inc))
		return buf.String()
	}
	safe, unsafe := &Printer{}, &Printer{UnsafeHTML: true}
	want := []string{page(safe, small), page(unsafe, big), page(safe, big)}
	for range 3 {
		require.Equal(t, want[0], page(safe, small))
		require.Equal(t, want[1], page(unsafe, big))
		require.Equal(t, want[2], page(safe, big))
	}
	require.NotEqual(t, want[1], want[2])
}
