package incident

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// endlessFS serves one file, "big.yaml", whose Stat reports size (or an irregular file when
// size < 0) and whose content never ends; it counts the bytes read.
type endlessFS struct {
	size int64
	read *int64
}

func (f endlessFS) Open(name string) (fs.File, error) {
	if name != "big.yaml" {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &endlessFile{f}, nil
}

type endlessFile struct{ fs endlessFS }

func (f *endlessFile) Stat() (fs.FileInfo, error) { return endlessInfo(f.fs.size), nil }
func (f *endlessFile) Close() error               { return nil }
func (f *endlessFile) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "# padding\n"[(*f.fs.read+int64(i))%10]
	}
	*f.fs.read += int64(len(p))
	return len(p), nil
}

type endlessInfo int64

func (i endlessInfo) Name() string { return "big.yaml" }
func (i endlessInfo) Size() int64  { return max(int64(i), 0) }
func (i endlessInfo) Mode() fs.FileMode {
	if i < 0 {
		return fs.ModeNamedPipe
	}
	return 0
}
func (i endlessInfo) ModTime() time.Time { return time.Time{} }
func (i endlessInfo) IsDir() bool        { return false }
func (i endlessInfo) Sys() any           { return nil }

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestLoadTooLarge(t *testing.T) {
	var read int64
	var err error
	alloc := allocated(func() { _, err = Load(endlessFS{size: 50 << 20, read: &read}, "big.yaml") })
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.EqualError(t, err, "big.yaml: file is 50 MiB, larger than the limit of 8 MiB; split it into several files [too-large]")
	assert.Zero(t, read, "Load read %d bytes of a file whose size is known to be too large", read)
	assert.Less(t, alloc, uint64(1<<20))

	// A file whose size is unknown is read up to the limit only.
	read = 0
	alloc = allocated(func() { _, err = Load(endlessFS{size: -1, read: &read}, "big.yaml") })
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.LessOrEqual(t, read, int64(DefaultMaxBytes+64<<10), "Load read %d bytes", read)
	assert.Less(t, alloc, uint64(64<<20))

	small := Config{MaxBytes: 100}
	_, err = small.Load(fstest.MapFS{"f.yaml": {Data: []byte("title: " + strings.Repeat("x", 200))}}, "f.yaml")
	assert.ErrorIs(t, err, ErrTooLarge)
	_, err = small.Parse("f.yaml", []byte("title: "+strings.Repeat("x", 200)))
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.EqualError(t, err, "f.yaml: file is 207 bytes, larger than the limit of 100 bytes; split it into several files [too-large]")

	_, err = Load(fstest.MapFS{}, "missing.yaml")
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

func TestTooManyValues(t *testing.T) {
	for name, src := range map[string][]byte{
		"block list": []byte("title: x\nauthors:\n" + strings.Repeat("- a\n", 2<<20-10)),
		"flow list":  []byte("title: x\nauthors: [" + strings.Repeat("a,", 4<<20-20) + "]\n"),
	} {
		t.Run(name, func(t *testing.T) {
			require.LessOrEqual(t, len(src), DefaultMaxBytes)
			var err error
			alloc := allocated(func() { _, err = Parse("many.yaml", src) })
			assert.ErrorIs(t, err, ErrTooLarge)
			assert.EqualError(t, err, "many.yaml: file has more than 250000 values (list items, keys and scalars); split it into several files [too-large]")
			assert.Less(t, alloc, uint64(1<<20), "Parse allocated %d MiB", alloc>>20)
		})
	}
	// A value hidden behind a false block header is still counted.
	for name, src := range map[string][]byte{
		"plain text ending in |":   []byte("title: x\nsummary: a|\n" + "authors: [" + strings.Repeat("a,", 300_000) + "a]\n"),
		"indented after a plain |": []byte("title: x\nauthors:\n- a |\n" + strings.Repeat("- a\n", 300_000)),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse("many.yaml", src)
			assert.ErrorIs(t, err, ErrTooLarge)
		})
	}
	// Just below the limit, the tree stays moderate.
	src := []byte("title: x\nauthors: [" + strings.Repeat("a,", DefaultMaxValues-10) + "a]\n")
	var err error
	alloc := allocated(func() { _, err = Parse("many.yaml", src) })
	assert.NoError(t, err)
	assert.Less(t, alloc, uint64(200<<20), "Parse allocated %d MiB", alloc>>20)
}

// TestProseIsOneValue checks that the lines of a block scalar count as one value: a 2.2 MB
// summary of 40,000 log lines is read.
func TestProseIsOneValue(t *testing.T) {
	log := strings.Repeat("    2024-01-02T10:36:00Z api-7: error: upstream [a, b], {c: d} - retrying: 3, 2, 1\n", 40_000)
	tests := []struct {
		name, header string
	}{
		{"literal", "summary: |"},
		{"folded, kept", "summary: >+"},
		{"with a comment", "summary: |2- # the log"},
		{"with a tag", "summary: !!str |"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte("title: x\n" + tt.header + "\n" + log + "date: 2024-01-02\n")
			require.Greater(t, len(src), 2_000_000)
			incs, err := Parse("log.yaml", src)
			require.NoError(t, err)
			assert.Greater(t, len(incs[0].Summary), 2_000_000, "the whole log is the summary")
			assert.Less(t, countValues(src), 100)
		})
	}
}

func TestTooDeep(t *testing.T) {
	flow := func(n int) []byte {
		return []byte("title: x\nsummary: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n")
	}
	block := func(n int) []byte {
		var b strings.Builder
		b.WriteString("title: x\nsummary:\n")
		for i := range n {
			b.WriteString(strings.Repeat(" ", i+1) + "- \n")
		}
		return []byte(b.String())
	}
	tests := []struct {
		name string
		src  []byte
	}{
		{"flow 65", flow(65)},
		{"flow 10,000", flow(10000)},
		{"flow 100,000", flow(100000)},
		{"block 100", block(100)},
		{"block 2,000", block(2000)},
		{"dashes 10,000", []byte("title: x\nsummary:\n  " + strings.Repeat("- ", 10000) + "x\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			alloc := allocated(func() { _, err = Parse("deep.yaml", tt.src) })
			assert.ErrorIs(t, err, ErrTooDeep)
			assert.Contains(t, err.Error(), "deep.yaml:")
			assert.Contains(t, err.Error(), "nest")
			assert.Less(t, alloc, uint64(512<<20), "Parse allocated %d MiB", alloc>>20)
		})
	}
	_, err := Parse("ok.yaml", flow(60))
	assert.NotErrorIs(t, err, ErrTooDeep, "60 levels are within the default limit")
	shallow := Config{MaxDepth: 3}
	_, err = shallow.Parse("f.yaml", []byte("title: x\nlessons: {went_well: [a]}\n"))
	assert.NoError(t, err, "an incident needs 3 levels")
	_, err = shallow.Parse("f.yaml", []byte("title: x\nsummary: [[[a]]]\n"))
	assert.ErrorIs(t, err, ErrTooDeep)
}

func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("title: laughs\n")
	var err error
	alloc := allocated(func() { _, err = Parse("bomb.yaml", []byte(b.String())) })
	require.ErrorIs(t, err, ErrAliases)
	assert.Contains(t, err.Error(), "bomb.yaml:6:20: alias *a4 expands the file's text", "where the text passes 1 MiB")
	assert.Less(t, alloc, uint64(16<<20), "Parse allocated %d MiB", alloc>>20)

	// The same of empty strings has no text to count: its nodes are counted.
	alloc = allocated(func() { _, err = Parse("bomb.yaml", []byte(strings.ReplaceAll(b.String(), "lol", `""`))) })
	require.ErrorIs(t, err, ErrAliases)
	assert.Contains(t, err.Error(), "bomb.yaml:2:")
	assert.Contains(t, err.Error(), "aliases expand the document")
	assert.Less(t, alloc, uint64(16<<20), "Parse allocated %d MiB", alloc>>20)

	// Aliases nesting deeper than the limit.
	b.Reset()
	b.WriteString("x0: &x0 [a]\n")
	for i := 1; i < 70; i++ {
		fmt.Fprintf(&b, "x%d: &x%d [*x%d]\n", i, i, i-1)
	}
	_, err = Parse("chain.yaml", []byte(b.String()))
	assert.ErrorIs(t, err, ErrTooDeep)

	// A value that contains itself.
	_, err = Parse("self.yaml", []byte("title: &t [*t]\n"))
	assert.Error(t, err)

	// Aliases in moderation are fine.
	incs, err := Parse("ok.yaml", []byte("title: x\nservices: &all [A, B]\noutages:\n  - {start: '2020-01-01 10:00', end: '2020-01-01 11:00', services: *all}\n"))
	require.NoError(t, err)
	assert.Equal(t, []string{"A", "B"}, incs[0].Outages[0].Services)
}

// TestAliasBytes checks that the alias budget counts the text an alias expands to: a file
// that uses one long scalar thousands of times (each use a handful of nodes) is refused at
// the alias that passes 10 times the file's size, and the documents of a stream share it.
func TestAliasBytes(t *testing.T) {
	file := func(long string, docs, uses int) []byte {
		var b strings.Builder
		for d := range docs {
			if d > 0 {
				b.WriteString("---\n")
			}
			fmt.Fprintf(&b, "title: t\nsummary: &s %q\ntimeline:\n", long)
			for i := range uses {
				fmt.Fprintf(&b, "  - {at: '2020-01-01T00:%02d:00Z', text: *s}\n", i%60)
			}
		}
		return []byte(b.String())
	}

	long := strings.Repeat("word ", 20_000) // 100,000 bytes
	data := file(long, 1, 3000)
	_, err := Parse("alias.yaml", data)
	require.ErrorIs(t, err, ErrAliases)
	var list ErrorList
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 1)
	// The file is about 250 KB, so the budget (2.5 MB) runs out at the 25th use or so.
	limit := aliasRatio * len(data)
	uses := limit/len(long) - 1 // those that fit beside the written summary
	assert.Equal(t, 4+uses, list[0].Line, "the alias that passes the budget: %v", err)
	assert.Equal(t, 40, list[0].Column)
	assert.Contains(t, err.Error(), "alias *s expands the file's text past")

	// Within the floor (1 MiB), fine; the same three times in a stream is not.
	short := strings.Repeat("word ", 4_000) // 20,000 bytes
	incs, err := Parse("few.yaml", file(short, 1, 20))
	require.NoError(t, err)
	assert.Equal(t, short, incs[0].Timeline[19].Text)
	incs, err = Parse("stream.yaml", file(short, 2, 20))
	require.NoError(t, err)
	assert.Len(t, incs, 2)
	_, err = Parse("stream.yaml", file(short, 3, 20))
	require.ErrorIs(t, err, ErrAliases)
	assert.Contains(t, err.Error(), "stream.yaml:61:40:", "the tenth use in the third document (lines 49-71) passes 1 MiB")
}

func TestTooManyErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString("title: x\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "k%d: v\n", i)
	}
	_, err := Parse("f.yaml", []byte(b.String()))
	var list ErrorList
	require.ErrorAs(t, err, &list)
	assert.Len(t, list, maxErrors+1)
	assert.Contains(t, list[len(list)-1].Error(), "too many errors")
}

var _ io.Reader = (*endlessFile)(nil)

// countValuesByLine is countValues as first written, a line at a time with the bytes package:
// the oracle of FuzzCountValues.
func countValuesByLine(data []byte) int {
	n := 0
	block := -1
	for rest := data; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		trimmed := bytes.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		if block >= 0 {
			if len(bytes.TrimSpace(trimmed)) == 0 || indent > block {
				continue
			}
			block = -1
		}
		n++
		for _, c := range []byte{',', ':', '-', '[', '{'} {
			n += bytes.Count(line, []byte{c})
		}
		if opensBlock(trimmed) {
			block = indent
		}
	}
	return n
}

// FuzzCountValues checks that countValues' one pass counts what the line-at-a-time reading
// counts, block scalars, comments and Unicode white space included.
func FuzzCountValues(f *testing.F) {
	for _, s := range []string{
		"title: x\nsummary: |\n  a: b, c\n  - d\ndate: 2024-01-02\n",
		"text: >+ # note\n  x: y\n\u00a0\nz: [a, b]\n",
		"a|\nb: !!str |2-\n   - x\n\t\n",
		"k: v # |\n  - a\n",
		"- |\n - a\n-  >\n  b\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := countValues(data), countValuesByLine(data); got != want {
			t.Fatalf("countValues = %d, the line-at-a-time reading counts %d", got, want)
		}
	})
}

func BenchmarkCountValues(b *testing.B) {
	data := bigIncident(1000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		countValues(data)
	}
}

// FuzzCountValuesBound checks the bound Parse relies on to skip counting a small file.
func FuzzCountValuesBound(f *testing.F) {
	f.Add([]byte("[a,b,c]\n\n\n- - - \n"))
	f.Add([]byte(","))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		if n := countValues(data); n > len(data)+1 {
			t.Fatalf("countValues = %d > len(data)+1 = %d", n, len(data)+1)
		}
	})
}
