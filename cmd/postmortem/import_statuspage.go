package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/statuspage"
	"github.com/go-postmortem/postmortem/tz"
)

const importStatuspageDoc = `
Import statuspage reads Statuspage JSON — a file, - for standard input, a status page's
address (https://status.example.com: its incidents.json and scheduled-maintenances.json) or
any /api/v2/...json address — and writes one incident file per incident and maintenance:
as a YAML stream on standard output, or with --dir one file per incident named
YYYY-MM-DD-<slug>.yaml. Every file written passes 'postmortem validate'.

Importing again into --dir finds each incident's file by its source and updates it in place:
the timeline, states and windows are refreshed from the page, what a person added (summary,
root causes, lessons, action items, comments) is kept, and a file whose incident did not
change on the page is not touched.

An incident that cannot be read (resolved before it started, a bad timestamp) is reported
with its id and not written; the others are, and the exit status is 1. Input that is not
Statuspage JSON writes nothing from that input. Warnings end with their code, e.g. [open].
docs/statuspage.md says how each field is read.

Example:

	postmortem import statuspage --dir incidents https://www.githubstatus.com
	postmortem import statuspage history.json | postmortem downtime --by month -
`

// maxRedirects bounds the redirects followed when fetching a page.
const maxRedirects = 5

func runImportStatuspage(e *env, args []string) error {
	fs := newFlagSet("import statuspage", "[--dir DIR] [--tz ZONE] [--embedded-timeline] FILE|URL...", importStatuspageDoc)
	dir := fs.String("dir", "", "write one file per incident into `DIR`, updating the files imported before")
	zone := fs.String("tz", "", "time `zone` of the files written (default: the page's time_zone, else UTC)")
	embedded := fs.Bool("embedded-timeline", false, "read a timeline written as a list inside one update (GitHub before 2019) as events")
	timeout := fs.Duration("timeout", 30*time.Second, "give up fetching an address after `duration`")
	args, err := fs.parse(e, args)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		return fs.usagef("no FILE or URL given")
	}
	cfg := &statuspage.Config{EmbeddedTimeline: *embedded}
	if *zone != "" {
		loc, err := tz.Resolve(*zone)
		if err != nil {
			return fs.usagef("--tz: %v", err)
		}
		cfg.Location = loc
	}
	var files *importDir
	if *dir != "" {
		if files, err = openImportDir(*dir); err != nil {
			return err
		}
	}
	client := &http.Client{
		Timeout: *timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("more than %d redirects", maxRedirects)
			}
			return nil
		},
	}
	d := newDiagnostics(e.stderr)
	var out output
	for _, arg := range args {
		seen := make(map[string]bool) // an incident in both documents of a page is written once
		inputs := []string{arg}
		if statuspage.IsURL(arg) {
			if inputs, err = statuspage.APIURLs(arg); err != nil {
				d.addErr(arg, err)
				continue
			}
		}
		for _, name := range inputs {
			items, ok := readStatuspageInput(e, cfg, client, name, d)
			if !ok {
				continue // nothing of an input that failed as a whole
			}
			for _, it := range items {
				key := sourceKey(it.Incident.Source)
				if seen[key] {
					continue
				}
				seen[key] = true
				if files == nil {
					data, err := draftFile("import statuspage", "the JSON", name, it.Incident, false)
					if err != nil {
						d.addErr(name, err)
						continue
					}
					if out.Len() > 0 {
						out.WriteString("---\n")
					}
					out.Write(data)
					continue
				}
				if err := files.write(it.Incident); err != nil {
					d.addErr(name, err)
				}
			}
		}
	}
	if files == nil {
		if err := out.flush(e); err != nil {
			return err
		}
	}
	if d.errors > 0 {
		return errReported
	}
	return nil
}

// readStatuspageInput reads every incident of one input, reporting its problems. ok is
// false when the input failed as a whole (not JSON, too large, unreachable): then none of its
// incidents is to be written.
func readStatuspageInput(e *env, cfg *statuspage.Config, client *http.Client, name string, d *diagnostics) (items []*statuspage.Item, ok bool) {
	var r io.Reader
	display := name
	switch {
	case name == "-":
		display, r = stdinName, e.stdin
	case statuspage.IsURL(name):
		body, err := fetch(client, name)
		if err != nil {
			d.addErr(name, err)
			return nil, false
		}
		defer body.Close()
		r = body
	default:
		f, err := os.Open(name)
		if err != nil {
			d.addErr(name, &incident.ParseError{File: name, Err: unwrapPath(err)})
			return nil, false
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			d.addErr(name, &incident.ParseError{File: name, Err: errors.New("is a directory; pass the JSON files in it")})
			return nil, false
		}
		r = f
	}
	dec := cfg.NewDecoder(display, r)
	var problems incident.ErrorList
	for {
		it, err := dec.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			d.addErr(display, err)
			return nil, false
		}
		problems = append(problems, it.Warnings...)
		if it.Err != nil {
			problems = append(problems, it.Err)
			continue
		}
		items = append(items, it)
	}
	for _, p := range problems {
		d.add(p)
	}
	return items, true
}

// fetch returns the body of a GET of url, or an error of one line naming it.
func fetch(client *http.Client, url string) (io.ReadCloser, error) {
	ctx := context.Background()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "postmortem/"+moduleVersion()+" (+https://github.com/go-postmortem/postmortem)")
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		var ue interface{ Timeout() bool }
		if errors.As(err, &ue) && ue.Timeout() {
			return nil, fmt.Errorf("no answer within %v; try again, or raise --timeout", client.Timeout)
		}
		return nil, errors.Unwrap(err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("the server answered %s; check the address (a status page's, or its /api/v2/incidents.json)", resp.Status)
	}
	return resp.Body, nil
}

func sourceKey(s *incident.Source) string {
	if s == nil {
		return ""
	}
	return s.System + "\x00" + s.Page + "\x00" + s.ID
}

// importDir is the folder an import writes into, with the files of the incidents imported
// before, found by their source.
type importDir struct {
	dir    string
	bySrc  map[string]string // source key → file
	taken  map[string]bool   // file names in use
	writes int
}

// openImportDir reads the incident files of dir (creating it when missing) to find them by
// source. A file that does not parse is left alone.
func openImportDir(dir string) (*importDir, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("--dir %s: %v", dir, unwrapPath(err))
	}
	d := &importDir{dir: dir, bySrc: make(map[string]string), taken: make(map[string]bool)}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("--dir %s: %v", dir, unwrapPath(err))
	}
	for _, ent := range entries {
		d.taken[ent.Name()] = true
		if ent.IsDir() || !(strings.HasSuffix(ent.Name(), ".yaml") || strings.HasSuffix(ent.Name(), ".yml")) {
			continue
		}
		path := filepath.Join(dir, ent.Name())
		incs, _ := incident.Load(os.DirFS(dir), ent.Name())
		for _, inc := range incs {
			if inc != nil && inc.Source != nil && inc.Source.System == statuspage.System {
				d.bySrc[sourceKey(inc.Source)] = path
			}
		}
	}
	return d, nil
}

// write writes inc to its file: the one of its source, updated, or a new one.
func (d *importDir) write(inc *incident.Incident) error {
	key := sourceKey(inc.Source)
	if path, ok := d.bySrc[key]; ok {
		old, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("%s: %v", path, unwrapPath(err))
		}
		data, changed, err := statuspage.Update(old, inc)
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		if !changed {
			return nil
		}
		return writeFile(path, data)
	}
	name := inc.Slug
	if name == "" {
		name = incident.DeriveSlug(inc.Title, inc.Date)
	}
	base := name
	for i := 2; d.taken[name+".yaml"]; i++ {
		name = fmt.Sprintf("%s-%d", base, i)
	}
	d.taken[name+".yaml"] = true
	path := filepath.Join(d.dir, name+".yaml")
	data, err := draftFile("import statuspage", "the JSON", path, inc, false)
	if err != nil {
		return err
	}
	d.bySrc[key] = path
	return writeFile(path, data)
}

// moduleVersion is the version of the command's module, for the User-Agent.
func moduleVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}
