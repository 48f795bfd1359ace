package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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
with its id and not written; the others are, and the exit status is 1. An input that fails
as a whole (not Statuspage JSON, cut short, larger than 64 MiB, unreachable) writes nothing
but its error: each input's files are written once it has been read to its end (held in a
temporary file meanwhile, or in a hidden folder inside DIR). File names are at most 100
bytes. Warnings end with their code, e.g. [open]. docs/statuspage.md says how each field is
read.

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
	im := &statuspageImport{e: e, cfg: cfg, client: client, files: files, d: newDiagnostics(e.stderr)}
	for _, arg := range args {
		seen := make(map[[16]byte]bool) // an incident in both documents of a page is written once
		inputs := []string{arg}
		if statuspage.IsURL(arg) {
			if inputs, err = statuspage.APIURLs(arg); err != nil {
				im.d.addErr(arg, err)
				continue
			}
		}
		for _, name := range inputs {
			if err := im.input(name, seen); err != nil {
				return err
			}
		}
	}
	if im.d.errors > 0 {
		return errReported
	}
	return nil
}

// statuspageImport is one run of import statuspage.
type statuspageImport struct {
	e      *env
	cfg    *statuspage.Config
	client *http.Client
	files  *importDir // nil: standard output
	d      *diagnostics
	wrote  bool // reports whether a file has been written to standard output
}

// input imports one input (a file, - or an address), reporting its problems. Its files and
// its diagnostics are held (held) while it is read and written only once it has been read
// to its end: an input that fails as a whole (not JSON, cut short, too large, unreachable)
// writes nothing but its error, on standard output and in --dir alike. Each incident is
// written to the held output as it is decoded, so memory stays flat in the length of a
// list. The error is one of writing to standard output, which ends the command.
func (im *statuspageImport) input(name string, seen map[[16]byte]bool) error {
	r, display, closer, err := im.open(name)
	if err != nil {
		im.d.addErr(name, err)
		return nil
	}
	defer closer.Close()
	var diags, out held
	defer diags.close()
	defer out.close()
	d := newDiagnostics(&diags)
	var batch *importBatch
	if im.files != nil {
		if batch, err = im.files.begin(); err != nil {
			im.d.addErr(name, err)
			return nil
		}
		defer batch.abort()
	}
	dec := im.cfg.NewDecoder(display, r)
	for {
		it, err := dec.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			im.d.addErr(display, err) // nothing of the input is written: its error alone
			return nil
		}
		for _, w := range it.Warnings {
			d.add(w)
		}
		if it.Err != nil {
			d.add(it.Err)
			continue
		}
		key := sha256.Sum256([]byte(sourceKey(it.Incident.Source)))
		if seen[[16]byte(key[:16])] {
			continue
		}
		seen[[16]byte(key[:16])] = true
		if batch != nil {
			err = batch.write(it.Incident)
		} else {
			err = im.draft(&out, display, it.Incident)
		}
		if out.err != nil {
			im.d.addErr(display, out.err)
			return nil
		}
		if err != nil {
			d.add(&incident.ParseError{File: display, Line: it.Line, Column: it.Column, Path: it.Path,
				Err: fmt.Errorf("incident %s: %v", it.ID, err)})
		}
	}
	if err := diags.copyTo(im.e.stderr); err != nil {
		return err
	}
	im.d.errors += d.errors
	im.d.warnings += d.warnings
	if batch != nil {
		if err := batch.commit(); err != nil {
			im.d.addErr(display, err)
		}
		return nil
	}
	if out.size > 0 {
		if im.wrote {
			if _, err := io.WriteString(im.e.stdout, "---\n"); err != nil {
				return err
			}
		}
		im.wrote = true
	}
	return out.copyTo(im.e.stdout)
}

// draft writes inc to out as one document of the YAML stream.
func (im *statuspageImport) draft(out *held, name string, inc *incident.Incident) error {
	data, err := draftFile("import statuspage", "the JSON", name, inc, false)
	if err != nil {
		return err
	}
	if out.size > 0 {
		out.Write([]byte("---\n"))
	}
	_, err = out.Write(data)
	return err
}

// open opens one input: standard input, an address fetched, or a file. display is how
// diagnostics name it.
func (im *statuspageImport) open(name string) (r io.Reader, display string, closer io.Closer, err error) {
	switch {
	case name == "-":
		return im.e.stdin, stdinName, io.NopCloser(nil), nil
	case statuspage.IsURL(name):
		body, err := fetch(im.client, name)
		if err != nil {
			return nil, "", nil, err
		}
		return body, name, body, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, "", nil, &incident.ParseError{File: name, Err: unwrapPath(err)}
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, "", nil, &incident.ParseError{File: name, Err: errors.New("is a directory; pass the JSON files in it")}
	}
	return f, name, f, nil
}

// heldMemory is how much of what an input writes stays in memory before it moves to a
// temporary file.
const heldMemory = 1 << 20

// held keeps what one input writes (its files for standard output, its diagnostics) until
// the input has been read to its end: in memory up to heldMemory bytes, then in a
// temporary file, so that memory stays flat in the length of a list. The zero held is
// empty and ready to use.
type held struct {
	mem  bytes.Buffer
	file *os.File
	w    *bufio.Writer // in front of file: a document is a few KB, a write each a syscall
	size int64
	err  error // the first error of spilling to the file
}

func (h *held) Write(p []byte) (int, error) {
	if h.err != nil {
		return 0, h.err
	}
	if h.file == nil && h.mem.Len()+len(p) > heldMemory {
		f, err := os.CreateTemp("", "postmortem-import-*")
		if err != nil {
			h.err = fmt.Errorf("holding the output in a temporary file: %v", unwrapPath(err))
			return 0, h.err
		}
		os.Remove(f.Name()) // gone when closed
		h.file, h.w = f, bufio.NewWriterSize(f, 64<<10)
		h.w.Write(h.mem.Bytes())
		h.mem = bytes.Buffer{}
	}
	h.size += int64(len(p))
	if h.file == nil {
		return h.mem.Write(p)
	}
	n, err := h.w.Write(p)
	if err != nil {
		h.err = fmt.Errorf("holding the output in a temporary file: %v", err)
	}
	return n, h.err
}

// copyTo writes what h holds to w.
func (h *held) copyTo(w io.Writer) error {
	if h.err != nil {
		return h.err
	}
	if h.file == nil {
		_, err := w.Write(h.mem.Bytes())
		return err
	}
	if err := h.w.Flush(); err != nil {
		return fmt.Errorf("holding the output in a temporary file: %v", err)
	}
	if _, err := h.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, h.file)
	return err
}

func (h *held) close() {
	if h.file != nil {
		h.file.Close()
	}
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
	dir   string
	bySrc map[string]string // source key → file name in dir
	taken map[string]bool   // file names in use
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
		incs, _ := incident.Load(os.DirFS(dir), ent.Name())
		for _, inc := range incs {
			if inc != nil && inc.Source != nil && inc.Source.System == statuspage.System {
				d.bySrc[sourceKey(inc.Source)] = ent.Name()
			}
		}
	}
	return d, nil
}

// importBatch is the files one input writes into an importDir. They are written into a
// hidden folder inside it (.import-*) and moved into place only by commit, once the input
// has been read to its end, so that an input that fails leaves the folder as it was.
type importBatch struct {
	dir     *importDir
	staging string
	names   []string          // files in staging, to move into dir
	bySrc   map[string]string // source key → name of each new file, for dir.bySrc on commit
	stop    func()
}

// begin starts the batch of one input.
func (d *importDir) begin() (*importBatch, error) {
	staging, err := os.MkdirTemp(d.dir, ".import-*")
	if err != nil {
		return nil, fmt.Errorf("--dir %s: %v", d.dir, unwrapPath(err))
	}
	return &importBatch{dir: d, staging: staging, bySrc: make(map[string]string), stop: removeDirOnSignal(staging)}, nil
}

// write writes inc into the batch: as its file of before, updated (nothing when it did not
// change), or as a new file, named by fileName.
func (b *importBatch) write(inc *incident.Incident) error {
	key := sourceKey(inc.Source)
	var data []byte
	name, ok := b.dir.bySrc[key]
	mode := fs.FileMode(0o644)
	if ok {
		path := filepath.Join(b.dir.dir, name)
		old, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("%s: %v", path, unwrapPath(err))
		}
		data, ok, err = statuspage.Update(old, inc)
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		if !ok {
			return nil // unchanged
		}
		if st, err := os.Stat(path); err == nil {
			mode = st.Mode().Perm()
		}
	} else {
		slug := inc.Slug
		if slug == "" {
			slug = incident.DeriveSlug(inc.Title, inc.Date)
		}
		name = fileName(slug, b.dir.taken)
		var err error
		if data, err = draftFile("import statuspage", "the JSON", filepath.Join(b.dir.dir, name), inc, false); err != nil {
			return err
		}
		b.dir.taken[name] = true
		b.bySrc[key] = name
	}
	if err := writeSynced(filepath.Join(b.staging, name), data, mode); err != nil {
		return fmt.Errorf("cannot write %s: %v", filepath.Join(b.dir.dir, name), err)
	}
	b.names = append(b.names, name)
	return nil
}

// writeSynced writes data to a new file at path and syncs it, so that the rename that
// moves it into place never leaves an empty file after a crash.
func writeSynced(path string, data []byte, mode fs.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return unwrapPath(err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return unwrapPath(err)
}

// commit moves the batch's files into the folder, replacing the files they update, and
// removes the staging folder.
func (b *importBatch) commit() error {
	defer b.abort()
	for i, name := range b.names {
		if err := os.Rename(filepath.Join(b.staging, name), filepath.Join(b.dir.dir, name)); err != nil {
			return fmt.Errorf("--dir %s: %v (%d of %d files moved into place)", b.dir.dir, unwrapPath(err), i, len(b.names))
		}
	}
	for key, name := range b.bySrc {
		b.dir.bySrc[key] = name
	}
	b.bySrc = nil
	return nil
}

// abort removes the staging folder and what is left in it; after commit, only the folder.
func (b *importBatch) abort() {
	if b.stop == nil {
		return
	}
	os.RemoveAll(b.staging)
	b.stop()
	b.stop = nil
	for _, name := range b.bySrc { // not committed: the names of its new files are free again
		delete(b.dir.taken, name)
	}
}

// maxFileName bounds the name of a file import statuspage makes, ".yaml" and a "-N" that
// tells it from another included: far below the 255 bytes file systems allow.
const maxFileName = 100

// fileName returns the name of a new file for an incident of slug, not one of taken: the
// slug cut to fit maxFileName at a hyphen (a word of the title), or within a word when a
// hyphen would keep less than half of it, then "-2", "-3", ... when the name is taken.
func fileName(slug string, taken map[string]bool) string {
	const ext, room = ".yaml", 8 // room for "-N"
	base := slug
	if max := maxFileName - len(ext) - room; len(base) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		if i := strings.LastIndexByte(base[:cut+1], '-'); i >= max/2 {
			cut = i
		}
		base = strings.TrimRight(base[:cut], "-")
	}
	if base == "" {
		base = "incident"
	}
	name := base + ext
	for i := 2; taken[name]; i++ {
		name = base + "-" + strconv.Itoa(i) + ext
	}
	return name
}

// removeDirOnSignal removes dir and what it holds when SIGINT or SIGTERM arrives before
// stop is called (removeOnSignal), then exits as the signal would have ended the command.
func removeDirOnSignal(dir string) (stop func()) {
	created, stop := removeOnSignal()
	created(dir)
	return stop
}

// moduleVersion is the version of the command's module, for the User-Agent.
func moduleVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}
