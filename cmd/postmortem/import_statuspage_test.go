package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func dirFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	ents, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return out
	}
	require.NoError(t, err)
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		out[e.Name()] = string(b)
	}
	return out
}

const fixtures = "../../statuspage/testdata/"

func TestImportStatuspageRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "incidents")
	code, _, stderr := runCmd(t, "", "import", "statuspage", "--dir", dir, fixtures+"list.json", fixtures+"maintenances.json")
	assert.Equal(t, 1, code, "inc3 is backfilled: an error, the others written")
	assert.Contains(t, stderr, "incident inc3: resolved_at")
	first := dirFiles(t, dir)
	require.Len(t, first, 4)
	name := "2019-03-09-checkout-errors.yaml"
	require.Contains(t, first, name)

	// A person adds a root cause and a comment.
	edited := strings.Replace(first[name], "links:", "# written after the review\nroot_causes:\n  - The database filled its disk.\nlinks:", 1)
	require.NotEqual(t, first[name], edited)
	require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(edited), 0o644))

	runCmd(t, "", "import", "statuspage", "--dir", dir, fixtures+"list.json", fixtures+"maintenances.json")
	second := dirFiles(t, dir)
	assert.Equal(t, edited, second[name], "the root cause kept, the file otherwise unchanged")
	for n, b := range first {
		if n != name {
			assert.Equal(t, b, second[n], n)
		}
	}

	// The page changes: a new update. The person's additions stay.
	data, err := os.ReadFile(fixtures + "list.json")
	require.NoError(t, err)
	changed := strings.Replace(string(data), `"incident_updates": [
        {"id": "u4"`, `"incident_updates": [
        {"id": "u5", "status": "postmortem", "body": "We wrote it up.", "created_at": "2019-03-12T10:00:00Z", "display_at": "2019-03-12T10:00:00Z"},
        {"id": "u4"`, 1)
	require.NotEqual(t, string(data), changed)
	src := filepath.Join(t.TempDir(), "list.json")
	require.NoError(t, os.WriteFile(src, []byte(changed), 0o644))
	runCmd(t, "", "import", "statuspage", "--dir", dir, src)
	third := dirFiles(t, dir)
	assert.Contains(t, third[name], "We wrote it up.")
	assert.Contains(t, third[name], "The database filled its disk.")
	assert.Contains(t, third[name], "# written after the review")
	code, _, stderr = runCmd(t, "", "validate", filepath.Join(dir, name))
	assert.Equal(t, 0, code, stderr)

	runCmd(t, "", "import", "statuspage", "--dir", dir, src)
	assert.Equal(t, third, dirFiles(t, dir), "a third import changes nothing")
}

func TestImportStatuspageStdout(t *testing.T) {
	code, stdout, stderr := runCmd(t, "", "import", "statuspage", fixtures+"maintenances.json")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, 2, strings.Count(stdout, "source:"))
	path := filepath.Join(t.TempDir(), "out.yaml")
	require.NoError(t, os.WriteFile(path, []byte(stdout), 0o644))
	code, _, stderr = runCmd(t, "", "validate", path)
	assert.Equal(t, 0, code, stderr)

	data, err := os.ReadFile(fixtures + "maintenances.json")
	require.NoError(t, err)
	code, stdin, _ := runCmd(t, string(data), "import", "statuspage", "-")
	assert.Equal(t, 0, code)
	assert.Equal(t, stdout, stdin)
}

func TestStatuspageDirect(t *testing.T) {
	code, _, stderr := runCmd(t, "", "validate", fixtures+"list.json")
	assert.Equal(t, 1, code, "inc3 is an error")
	assert.Contains(t, stderr, "[resolved-before-start]")
	assert.Contains(t, stderr, "[open]")
	code, _, stderr = runCmd(t, "", "validate", fixtures+"maintenances.json")
	assert.Equal(t, 0, code, stderr)
	code, stdout, stderr := runCmd(t, "", "downtime", "--format", "csv", fixtures+"maintenances.json", fixtures+"embedded.json")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "Database upgrade")
	assert.Contains(t, stdout, "Minor service outage")
}

func TestImportStatuspageBadInput(t *testing.T) {
	tmp := t.TempDir()
	big := filepath.Join(tmp, "big.json")
	f, err := os.Create(big)
	require.NoError(t, err)
	_, err = f.WriteString(`{"incidents": [`)
	require.NoError(t, err)
	inc := `{"id": "x", "name": "n", "status": "resolved", "created_at": "2020-01-01T10:00:00Z", "resolved_at": "2020-01-01T11:00:00Z", "pad": "` + strings.Repeat("x", 1<<20) + `"},`
	for i := 0; i < 100; i++ {
		_, err = f.WriteString(inc)
		require.NoError(t, err)
	}
	require.NoError(t, f.Close())
	deep := filepath.Join(tmp, "deep.json")
	require.NoError(t, os.WriteFile(deep, []byte(strings.Repeat("[", 10000)+strings.Repeat("]", 10000)), 0o644))
	types := filepath.Join(tmp, "types.json")
	require.NoError(t, os.WriteFile(types, []byte(`{"incidents": {"id": 3}}`), 0o644))

	mux := http.NewServeMux()
	mux.HandleFunc("/missing.json", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/broken.json", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", 500) })
	mux.HandleFunc("/slow.json", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct{ name, arg, want string }{
		{"100 MB", big, "[too-large]"},
		{"10,000 deep", deep, "[json-depth]"},
		{"wrong types", types, "[not-statuspage]"},
		{"404", srv.URL + "/missing.json", "404 Not Found"},
		{"500", srv.URL + "/broken.json", "500 Internal Server Error"},
		{"slow", srv.URL + "/slow.json", "no answer within"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(tmp, "out-"+regexp.MustCompile(`\W`).ReplaceAllString(tt.name, ""))
			code, stdout, stderr := runCmd(t, "", "import", "statuspage", "--timeout", "300ms", "--dir", dir, tt.arg)
			assert.Equal(t, 1, code)
			assert.Empty(t, stdout)
			assert.Equal(t, 1, strings.Count(stderr, "\n"), stderr)
			assert.Contains(t, stderr, tt.want)
			assert.Empty(t, dirFiles(t, dir), "nothing written")
		})
	}
}

func TestImportStatuspageURL(t *testing.T) {
	data, err := os.ReadFile(fixtures + "list.json")
	require.NoError(t, err)
	var agent string
	mux := http.NewServeMux()
	mux.HandleFunc("/api/v2/incidents.json", func(w http.ResponseWriter, r *http.Request) {
		agent = r.UserAgent()
		w.Write(data)
	})
	mux.HandleFunc("/api/v2/scheduled-maintenances.json", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"page": {"id": "pg1"}, "scheduled_maintenances": []}`))
	})
	mux.HandleFunc("/old.json", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/api/v2/incidents.json", http.StatusFound)
	})
	mux.HandleFunc("/loop.json", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop.json", http.StatusFound) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	_, stdout, stderr := runCmd(t, "", "import", "statuspage", srv.URL)
	assert.Equal(t, 2, strings.Count(stdout, "source:"), stderr)
	assert.True(t, strings.HasPrefix(agent, "postmortem/"), agent)
	_, stdout, _ = runCmd(t, "", "import", "statuspage", srv.URL+"/old.json")
	assert.Equal(t, 2, strings.Count(stdout, "source:"))
	code, _, stderr := runCmd(t, "", "import", "statuspage", srv.URL+"/loop.json")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "redirects")
}

// TestImportStatuspageSamples imports every sample of ../shared when it is there, checks that
// every file written validates, and logs the counts of errors and of each warning code.
func TestImportStatuspageSamples(t *testing.T) {
	samples, _ := filepath.Glob("/work/shared/importer-samples/statuspage/*/*.json")
	if len(samples) == 0 {
		t.Skip("no samples in /work/shared/importer-samples/statuspage")
	}
	for _, embedded := range []bool{false, true} {
		dir := t.TempDir()
		args := []string{"import", "statuspage", "--dir", dir}
		if embedded {
			args = append(args, "--embedded-timeline")
		}
		_, _, stderr := runCmd(t, "", append(args, samples...)...)
		counts := map[string]int{}
		for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
			m := regexp.MustCompile(`: (error|warning): .*\[([a-z-]+)\]$`).FindStringSubmatch(line)
			if m == nil {
				assert.Contains(t, line, "postmortem: ", "every problem has a code: %s", line)
				continue
			}
			counts[m[1]+" "+m[2]]++
		}
		assert.Zero(t, counts["error json-syntax"]+counts["error json-type"]+counts["error not-statuspage"], "every sample reads")
		files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		require.NotEmpty(t, files)
		code, _, vstderr := runCmd(t, "", append([]string{"validate"}, files...)...)
		assert.Equal(t, 0, code, vstderr)
		var keys []string
		for k := range counts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			b.WriteString(k + "=" + strconv.Itoa(counts[k]) + " ")
		}
		t.Logf("embedded=%v: %d inputs, %d files, %s", embedded, len(samples), len(files), b.String())
	}
}
