package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFileName(t *testing.T) {
	long := "2023-01-10-" + strings.Repeat("degraded-performance-", 12)
	tests := []struct {
		name, slug string
		taken      []string
		want       string
	}{
		{"short", "2023-01-10-api-down", nil, "2023-01-10-api-down.yaml"},
		{"taken", "2023-01-10-api-down", []string{"2023-01-10-api-down.yaml", "2023-01-10-api-down-2.yaml"}, "2023-01-10-api-down-3.yaml"},
		{"cut at a word", long, nil, "2023-01-10-degraded-performance-degraded-performance-degraded-performance-degraded.yaml"},
		{"cut within a word", "2023-01-10-" + strings.Repeat("n", 600), nil, "2023-01-10-" + strings.Repeat("n", 76) + ".yaml"},
		{"cut at a rune", strings.Repeat("é", 100), nil, strings.Repeat("é", 43) + ".yaml"},
		{"empty", "", nil, "incident.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			taken := map[string]bool{}
			for _, n := range tt.taken {
				taken[n] = true
			}
			got := fileName(tt.slug, taken)
			assert.Equal(t, tt.want, got)
			assert.LessOrEqual(t, len(got), maxFileName)
			assert.True(t, utf8.ValidString(got))
		})
	}
	// Long names that agree in their first 100 bytes stay apart.
	taken := map[string]bool{}
	for i := range 12 {
		name := fileName(long+fmt.Sprint(i), taken)
		require.False(t, taken[name], name)
		require.LessOrEqual(t, len(name), maxFileName)
		taken[name] = true
	}
}

// spIncident is one resolved Statuspage incident as JSON.
func spIncident(id, name string, components int) string {
	var comps []string
	for i := range components {
		comps = append(comps, fmt.Sprintf(`{"id": "c%d", "name": "C%d"}`, i, i))
	}
	return fmt.Sprintf(`{"id": %q, "name": %q, "status": "resolved", "impact": "minor",
"created_at": "2023-01-10T10:00:00Z", "resolved_at": "2023-01-10T11:00:00Z", "components": [%s],
"incident_updates": [{"id": "u1", "status": "resolved", "body": "Fixed.", "created_at": "2023-01-10T11:00:00Z"}]}`, id, name, strings.Join(comps, ","))
}

// TestImportStatuspageLongTitle checks that a valid title of any length gives a file of a
// bounded name, and that a problem of writing names the incident by its id.
func TestImportStatuspageLongTitle(t *testing.T) {
	title := strings.TrimSpace(strings.Repeat("Degraded performance for Actions, Pages and Git operations ", 5))
	require.Greater(t, len(title), 250)
	list := `{"page": {"id": "p"}, "incidents": [` + strings.Join([]string{
		spIncident("long1", title, 1), spIncident("long2", title, 1), spIncident("nnn", strings.Repeat("N", 600), 1),
		spIncident("wide", "Everything down", incident.DefaultMaxServices+1),
	}, ",") + `]}`
	src := filepath.Join(t.TempDir(), "list.json")
	require.NoError(t, os.WriteFile(src, []byte(list), 0o644))
	dir := filepath.Join(t.TempDir(), "out")

	code, _, stderr := runCmd(t, "", "import", "statuspage", "--dir", dir, src)
	assert.Equal(t, 1, code, stderr)
	assert.Equal(t, 1, strings.Count(stderr, "\n"), stderr)
	assert.Contains(t, stderr, "incidents[3]: incident wide: ", "the problem names the incident")
	assert.Contains(t, stderr, fmt.Sprintf("more than %d distinct services", incident.DefaultMaxServices))
	assert.NotContains(t, stderr, "please report")
	assert.NotContains(t, stderr, "-o ")
	files := dirFiles(t, dir)
	require.Len(t, files, 3, "the others are written")
	var paths []string
	for name := range files {
		assert.LessOrEqual(t, len(name), maxFileName, name)
		assert.True(t, strings.HasPrefix(name, "2023-01-10-"), name)
		paths = append(paths, filepath.Join(dir, name))
	}
	code, _, stderr = runCmd(t, "", append([]string{"validate"}, paths...)...)
	assert.Equal(t, 0, code, stderr)

	runCmd(t, "", "import", "statuspage", "--dir", dir, src)
	assert.Equal(t, files, dirFiles(t, dir), "importing again finds each file by its source")
}

// spList is a reader of a Statuspage list of n incidents, made as it is read, that records
// the live heap every 500 incidents (after a collection), so that a test sees the memory an
// import holds at each point of the list.
type spList struct {
	n, i int
	buf  strings.Reader
	peak uint64
}

func (r *spList) Read(p []byte) (int, error) {
	for r.buf.Len() == 0 {
		switch {
		case r.i > r.n+1:
			return 0, io.EOF
		case r.i == 0:
			r.buf.Reset(`{"page": {"id": "p"}, "incidents": [`)
		case r.i == r.n+1:
			r.buf.Reset("]}")
		default:
			sep := ","
			if r.i == 1 {
				sep = ""
			}
			r.buf.Reset(sep + spIncident(fmt.Sprint("i", r.i), fmt.Sprint("Incident ", r.i), 1))
			if r.i%500 == 0 {
				var ms runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&ms)
				r.peak = max(r.peak, ms.HeapAlloc)
			}
		}
		r.i++
	}
	return r.buf.Read(p)
}

// TestImportStatuspageMemoryFlat checks that import statuspage holds memory independent of
// the length of a list: 20 times the incidents, within 4 MiB of the same live heap (an
// import that kept every incident until the end held 7 KiB each).
func TestImportStatuspageMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 10,000 incidents")
	}
	peak := func(n int) uint64 {
		in := &spList{n: n}
		out := &docCounter{}
		var errb bytes.Buffer
		code := run([]string{"import", "statuspage", "-"}, in, out, &errb)
		require.Equal(t, 0, code, errb.String())
		assert.Equal(t, n, out.docs, "a file per incident")
		return in.peak
	}
	small, large := peak(500), peak(10000)
	t.Logf("peak live heap: %d KiB for 500 incidents, %d KiB for 10,000", small>>10, large>>10)
	assert.Less(t, large, small+4<<20, "the live heap grows with the list")
}

// docCounter counts the documents of a YAML stream written to it, keeping none of it.
type docCounter struct {
	docs int
	tail []byte // the last bytes written, for a separator split between two writes
}

func (w *docCounter) Write(p []byte) (int, error) {
	if w.docs == 0 && len(w.tail) == 0 && len(p) > 0 {
		w.docs = 1
	}
	buf := append(w.tail, p...)
	w.docs += bytes.Count(buf, []byte("\n---\n"))
	w.tail = append([]byte(nil), buf[max(0, len(buf)-4):]...)
	return len(p), nil
}

// TestImportStatuspageBroken checks that an input that turns out broken after many
// incidents writes nothing, on standard output and in --dir, and reports one line, while
// the inputs before it are written.
func TestImportStatuspageBroken(t *testing.T) {
	tmp := t.TempDir()
	var incs []string
	for i := range 300 {
		open := strings.Replace(spIncident(fmt.Sprint("o", i), fmt.Sprint("Open ", i), 1), `"resolved_at": "2023-01-10T11:00:00Z"`, `"resolved_at": null`, 1)
		open = strings.Replace(open, `"status": "resolved", "impact"`, `"status": "investigating", "impact"`, 1)
		incs = append(incs, open) // each one an [open] warning
	}
	list := `{"page": {"id": "p"}, "incidents": [` + strings.Join(incs, ",") + `]}`
	good := filepath.Join(tmp, "good.json")
	require.NoError(t, os.WriteFile(good, []byte(`[`+spIncident("g", "Good", 1)+`]`), 0o644))
	cut := filepath.Join(tmp, "cut.json")
	require.NoError(t, os.WriteFile(cut, []byte(list[:len(list)-200]), 0o644))

	code, stdout, stderr := runCmd(t, "", "import", "statuspage", cut)
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Equal(t, 1, strings.Count(stderr, "\n"), stderr)
	assert.Contains(t, stderr, "[json-syntax]")

	dir := filepath.Join(tmp, "out")
	code, stdout, stderr = runCmd(t, "", "import", "statuspage", "--dir", dir, good, cut)
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Equal(t, 1, strings.Count(stderr, "\n"), stderr)
	files := dirFiles(t, dir)
	assert.Len(t, files, 1, "the good input's file, and nothing of the broken one (no staging folder left)")
	assert.Contains(t, files, "2023-01-10-good.yaml")

	code, stdout, stderr = runCmd(t, "", "import", "statuspage", good, cut, good)
	assert.Equal(t, 1, code)
	assert.Equal(t, 2, strings.Count(stdout, "source:"), "the good input twice, the broken one not at all")
	assert.Equal(t, 1, strings.Count(stdout, "\n---\n"))

	// The whole list, not cut: its 300 warnings, all its files.
	require.NoError(t, os.WriteFile(cut, []byte(list), 0o644))
	code, _, stderr = runCmd(t, "", "import", "statuspage", "--dir", dir, cut)
	assert.Equal(t, 0, code, stderr)
	assert.Equal(t, 300, strings.Count(stderr, "[open]\n"))
	assert.Len(t, dirFiles(t, dir), 301)
}
