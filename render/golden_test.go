package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden compares got with testdata/golden/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./render -update to write it")
	if string(want) == string(got) {
		return
	}
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			t.Errorf("%s:%d differs (rewrite with go test ./render -update, review with git diff):\n got: %s\nwant: %s", path, i+1, gl, wl)
			return
		}
	}
}

func examples(t *testing.T) []string {
	names, err := filepath.Glob("../examples/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for i, n := range names {
		names[i] = filepath.Base(n)
	}
	return names
}

// TestGoldenExamples renders every example in both formats with the zero Printer.
func TestGoldenExamples(t *testing.T) {
	for _, name := range examples(t) {
		t.Run(name, func(t *testing.T) {
			incs := loadExample(t, name)
			base := strings.TrimSuffix(name, ".yaml")
			var md, page bytes.Buffer
			require.NoError(t, Markdown(&md, incs...))
			require.NoError(t, HTML(&page, incs...))
			golden(t, base+".md", md.Bytes())
			golden(t, base+".html", page.Bytes())
			assertInert(t, page.String(), 1)
		})
	}
}

// TestGoldenGo renders incidents built in Go, which do not depend on the file loader.
func TestGoldenGo(t *testing.T) {
	p := &Printer{Places: places(t), FrontMatter: true}
	for name, incs := range map[string][]*incident.Incident{
		"go-harvest":     {harvestGo(t)},
		"go-maintenance": {maintenanceGo(t)},
		"go-undated":     {undatedGo(t)},
		"go-several":     {harvestGo(t), undatedGo(t)},
	} {
		t.Run(name, func(t *testing.T) {
			var md, page, frag bytes.Buffer
			require.NoError(t, p.Markdown(&md, incs...))
			require.NoError(t, p.HTML(&page, incs...))
			golden(t, name+".md", md.Bytes())
			golden(t, name+".html", page.Bytes())
			fp := *p
			fp.Fragment = true
			require.NoError(t, fp.HTML(&frag, incs...))
			assert.NotContains(t, frag.String(), "<html")
			assert.NotContains(t, frag.String(), "<body")
			assert.Contains(t, frag.String(), `<div class="postmortem">`)
		})
	}
}

// TestDeterministic renders the same incidents many times, concurrently, and expects the
// same bytes each time.
func TestDeterministic(t *testing.T) {
	incs := []*incident.Incident{harvestGo(t), maintenanceGo(t), undatedGo(t)}
	p := &Printer{Places: places(t), FrontMatter: true}
	render := func() (string, string) {
		var md, page bytes.Buffer
		require.NoError(t, p.Markdown(&md, incs...))
		require.NoError(t, p.HTML(&page, incs...))
		return md.String(), page.String()
	}
	md0, page0 := render()
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			md, page := render()
			assert.Equal(t, md0, md)
			assert.Equal(t, page0, page)
		}()
	}
	wg.Wait()
}
