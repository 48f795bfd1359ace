package render

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// pathological are the inputs that make Markdown parsers slow (the cmark suite's
// test/pathological_tests.py, and what was found against this package), each made about n
// bytes long.
var pathological = []struct {
	name string
	make func(n int) string
}{
	{"nested strong emphasis", func(n int) string {
		return strings.Repeat("*a **a ", n/14) + "b" + strings.Repeat(" a** a*", n/14)
	}},
	{"emphasis closers without openers", func(n int) string { return strings.Repeat("a_ ", n/3) }},
	{"emphasis openers without closers", func(n int) string { return strings.Repeat("_a ", n/3) }},
	{"link closers without openers", func(n int) string { return strings.Repeat("a]", n/2) }},
	{"link openers without closers", func(n int) string { return strings.Repeat("[a", n/2) }},
	{"mismatched openers and closers", func(n int) string { return strings.Repeat("*a_ ", n/4) }},
	{"closers a multiple of 3", func(n int) string { return "a**b" + strings.Repeat("c* ", n/3) }},
	{"link openers and emphasis closers", func(n int) string { return strings.Repeat("[ a_", n/4) }},
	{"[ (]( repeated", func(n int) string { return strings.Repeat("[ (](", n/5) }},
	{"![[]() repeated", func(n int) string { return strings.Repeat("![[]()", n/6) }},
	{"nested brackets", func(n int) string { return strings.Repeat("[", n/2) + "a" + strings.Repeat("]", n/2) }},
	{"nested block quotes", func(n int) string { return strings.Repeat("> ", n/2) + "a" }},
	{"block quote markers", func(n int) string { return strings.Repeat(">", n) + "a" }},
	{"nested list markers", func(n int) string { return strings.Repeat("- ", n/2) + "a" }},
	{"deeply nested lists", func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString(strings.Repeat("  ", i) + "* a\n")
		}
		return b.String()
	}},
	{"backticks", func(n int) string {
		var b strings.Builder
		for i := 1; b.Len() < n; i++ {
			b.WriteString("e" + strings.Repeat("`", i))
		}
		return b.String()
	}},
	{"unclosed links A", func(n int) string { return strings.Repeat("[a](<b", n/6) }},
	{"unclosed links B", func(n int) string { return strings.Repeat("[a](b", n/5) }},
	{"unclosed HTML comments", func(n int) string { return "</" + strings.Repeat("<!--", n/4) }},
	{"many references", func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n*9/10; i++ {
			fmt.Fprintf(&b, "[%d]: u\n", i)
		}
		return b.String() + strings.Repeat("[0] ", n/40)
	}},
	{"link text closers", func(n int) string { return "[" + strings.Repeat("](", n/2) }},
	{"table rows", func(n int) string { return "| a | b |\n|---|---|\n" + strings.Repeat("| x | y |\n", n/10) }},
	{"emphasis run", func(n int) string { return strings.Repeat("*", n) }},
	{"character references", func(n int) string { return strings.Repeat("&#x20;", n/6) }},
	{"host-less bare URLs", func(n int) string { return strings.Repeat("http://#x <javascript:x> ", n/25) }},
	{"template tags", func(n int) string { return strings.Repeat("{{< x >}}{% y %}`{{z}}`", n/22) }},
	// Just within the limits, so that goldmark gets them.
	{"mismatched emphasis paragraphs at the limit", func(n int) string {
		return paragraphs(strings.Repeat("*a_ ", maxDelimiters/2), n)
	}},
	{"unclosed link paragraphs at the limit", func(n int) string {
		return paragraphs(strings.Repeat("[a](b", maxDelimiters/2), n)
	}},
	{"block quotes at the nesting limit", func(n int) string {
		return paragraphs(strings.Repeat("> ", maxNesting)+"a", n)
	}},
	{"list markers at the nesting limit", func(n int) string {
		return paragraphs(strings.Repeat("- ", maxNesting)+"a", n)
	}},
}

// paragraphs repeats p as paragraphs until they hold about n bytes.
func paragraphs(p string, n int) string {
	return strings.Repeat(p+"\n\n", max(1, n/(len(p)+2)))
}

// overLimitCases are the pathological inputs goldmark takes more than linear time on; each
// must be past the limits, so that it is shown as plain text.
var overLimitCases = []string{
	"mismatched openers and closers", "nested brackets", "nested block quotes",
	"block quote markers", "nested list markers", "unclosed links A", "unclosed links B",
}

func TestPathologicalOverLimits(t *testing.T) {
	for _, tc := range pathological {
		for _, name := range overLimitCases {
			if tc.name == name {
				src := tc.make(80_000)
				if !overLimits(src) {
					t.Errorf("%s: within the limits", name)
				}
				txt, err := (&Printer{}).builder(true).text(src, 2)
				if err != nil {
					t.Fatal(err)
				}
				if want := plainText(strings.TrimSpace(src), true); txt != want {
					t.Errorf("%s: not shown as plain text", name)
				}
			}
		}
	}
}

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestPathological renders each pathological input as a field of both outputs at two sizes:
// the bytes allocated per input byte must stay under 400 and not grow with the input (at
// four times the input, at most 1.25 times as many per byte). Under the race detector only
// the growth is checked.
func TestPathological(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 3.5 MB of hostile Markdown")
	}
	const small, large = 20_000, 80_000
	p := &Printer{}
	for _, tc := range pathological {
		t.Run(tc.name, func(t *testing.T) {
			var per [2]float64
			for i, n := range []int{small, large} {
				src := tc.make(n)
				cost := allocated(func() {
					for _, html := range []bool{true, false} {
						if _, err := p.builder(html).text(src, 2); err != nil {
							t.Fatal(err)
						}
					}
				})
				// Under the race detector only the growth is checked: its sync.Pool drops
				// regexp machines at random, which inflates every byte count alike.
				if per[i] = float64(cost) / float64(len(src)); per[i] > 400 && !raceEnabled {
					t.Errorf("%d bytes: %.0f bytes allocated per input byte", len(src), per[i])
				}
			}
			if per[1] > 1.25*per[0] {
				t.Errorf("4× the input allocates %.0f bytes per input byte, against %.0f", per[1], per[0])
			}
		})
	}
}

// BenchmarkPathological renders each pathological input of 100 KB as a field of the HTML
// page and of the Markdown document.
func BenchmarkPathological(b *testing.B) {
	p := &Printer{}
	for _, tc := range pathological {
		src := tc.make(100_000)
		b.Run(strings.ReplaceAll(tc.name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				for _, html := range []bool{true, false} {
					if _, err := p.builder(html).text(src, 2); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
