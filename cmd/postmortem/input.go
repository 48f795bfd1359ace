package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/go-postmortem/postmortem/incident"
)

// maxFileSize bounds what is read of one input: incident files are small, and a
// mistaken argument (a disk image, /dev/zero) must not exhaust memory.
const maxFileSize = incident.DefaultMaxBytes

// stdinName is how standard input is named in diagnostics.
const stdinName = "<stdin>"

// readInput returns the contents of the file name, or of standard input for "-".
// The errors are *incident.ParseError naming the file, with a message of one line:
// missing, a directory, too large, binary (a NUL byte, with its position) or not
// UTF-8 (with the position of the first bad byte).
func readInput(e *env, name string) (display string, data []byte, err error) {
	fail := func(format string, args ...any) (string, []byte, error) {
		return name, nil, &incident.ParseError{File: name, Err: fmt.Errorf(format, args...)}
	}
	if name == "-" {
		name = stdinName
		data, err = io.ReadAll(io.LimitReader(e.stdin, maxFileSize+1))
		if err != nil {
			return fail("reading standard input: %v", err)
		}
		return name, data, checkText(name, data)
	}
	st, err := os.Stat(name)
	switch {
	case err != nil:
		return fail("%v", openError(err))
	case st.IsDir():
		return fail("is a directory, not an incident file")
	case !st.Mode().IsRegular() && st.Mode()&fs.ModeNamedPipe == 0 && st.Mode()&fs.ModeCharDevice == 0:
		return fail("not a regular file")
	}
	f, err := openInput(name, st)
	if err != nil {
		return fail("%v", unwrapPath(err))
	}
	defer f.Close()
	data, err = readSized(f, st.Size())
	if err != nil {
		return fail("%v", unwrapPath(err))
	}
	return name, data, checkText(name, data)
}

// readSized reads f to its end, or to one byte past the limit, into a buffer of size (what
// Stat said, at least 511 bytes for a FIFO or a device) plus one byte, so that a file is read in one
// call and a second sees its end.
func readSized(f *os.File, size int64) ([]byte, error) {
	size = min(max(size, 511), maxFileSize) + 1
	data := make([]byte, 0, size)
	for int64(len(data)) <= maxFileSize {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.Read(data[len(data):min(cap(data), maxFileSize+1)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
	return data, nil
}

// readFound is readInput for a file that a folder's walk found to be a regular file: it is
// opened at once, without the stat that tells readInput what a name given on the command line
// is, and refused if it is no longer a regular file (a FIFO put in its place is not waited on).
// The stat it saves was 1.2 % of the CPU of downtime over the 10,000 files of BENCHMARKS.md.
func readFound(name string) (display string, data []byte, err error) {
	f, st, err := openRegular(name)
	if err != nil {
		return name, nil, &incident.ParseError{File: name, Err: openError(err)}
	}
	defer f.Close()
	data, err = readSized(f, st.Size())
	if err != nil {
		return name, nil, &incident.ParseError{File: name, Err: unwrapPath(err)}
	}
	return name, data, checkText(name, data)
}

// openError words an error of opening or of stat for a diagnostic that names the file.
func openError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	return unwrapPath(err)
}

// openInput opens the file name, which st describes. A name that was a regular file is
// opened without blocking and must still be one, so that a FIFO put in its place after st
// (in a folder someone else writes to) is refused instead of waiting for a writer forever;
// a FIFO or a device named as such is opened as it is, like standard input.
func openInput(name string, st fs.FileInfo) (*os.File, error) {
	if !st.Mode().IsRegular() {
		return os.Open(name)
	}
	f, _, err := openRegular(name)
	return f, err
}

// openRegular opens the file name without blocking, and returns it with what it is now,
// which must be a regular file.
func openRegular(name string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	now, err := f.Stat()
	if err != nil || !now.Mode().IsRegular() {
		f.Close()
		if err == nil {
			err = errors.New("not a regular file")
		}
		return nil, nil, err
	}
	return f, now, nil
}

// unwrapPath drops the "open NAME:" that *fs.PathError adds, the caller names the file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// checkText reports data that cannot be an incident file: too large, binary, or not
// UTF-8. The error is an *incident.ParseError at the offending byte.
func checkText(name string, data []byte) error {
	if len(data) > maxFileSize {
		return &incident.ParseError{File: name, Err: fmt.Errorf("file is larger than the limit of %d MiB; split it into several files", maxFileSize>>20)}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil // UTF-16: incident.Parse names it and says to save as UTF-8
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := position(data, i)
		return &incident.ParseError{File: name, Line: line, Column: col, Err: errors.New("binary file (NUL byte), not an incident file")}
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		line, col := position(data, i)
		return &incident.ParseError{File: name, Line: line, Column: col,
			Err: fmt.Errorf("invalid UTF-8 (byte 0x%02x); save the file as UTF-8", data[i])}
	}
	return nil
}

// position returns the 1-based line and column (in bytes) of offset i in data.
func position(data []byte, i int) (line, col int) {
	line = 1 + bytes.Count(data[:i], []byte("\n"))
	col = i - bytes.LastIndexByte(data[:i], '\n')
	return line, col
}

// diagnostics collects the errors and warnings of the files a command reads,
// writing each once, in order, as FILE:LINE:COL: error|warning: message, through
// printable (a value quoted from a file, or its name, may hold terminal controls).
type diagnostics struct {
	w        io.Writer
	seen     map[string]bool
	errors   int
	warnings int
	quiet    bool                   // reports whether warnings are counted but not written
	collect  bool                   // reports whether problems are kept in list rather than written
	list     []*incident.ParseError // the problems kept when collect is set
}

func newDiagnostics(w io.Writer) *diagnostics {
	return &diagnostics{w: w, seen: make(map[string]bool)}
}

// formatProblem returns the one-line form of a file problem.
func formatProblem(p *incident.ParseError) string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Column > 0 {
			fmt.Fprintf(&b, ":%d", p.Column)
		}
	}
	if p.Warning {
		b.WriteString(": warning: ")
	} else {
		b.WriteString(": error: ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	if p.Err != nil {
		b.WriteString(oneLine(p.Message()))
	} else {
		b.WriteString("invalid")
	}
	return b.String()
}

// add writes p unless the same line was written before.
func (d *diagnostics) add(p *incident.ParseError) {
	line := formatProblem(p)
	if d.seen[line] {
		return
	}
	d.seen[line] = true
	if p.Warning {
		d.warnings++
		if d.quiet {
			return
		}
	} else {
		d.errors++
	}
	if d.collect {
		d.list = append(d.list, p)
		return
	}
	fmt.Fprintln(d.w, printable(line))
}

// addErr writes any error a load returned: an ErrorList, a *ParseError, or another
// error, which counts as an error of the file name.
func (d *diagnostics) addErr(name string, err error) {
	var list incident.ErrorList
	var pe *incident.ParseError
	switch {
	case err == nil:
	case errors.As(err, &list):
		for _, p := range list {
			if p != nil {
				d.add(p)
			}
		}
	case errors.As(err, &pe):
		d.add(pe)
	default:
		d.add(&incident.ParseError{File: name, Err: err})
	}
}

// loaded is the incidents of one input file.
type loaded struct {
	name      string // as given on the command line; "-" for standard input
	display   string // as named in diagnostics and output
	incidents []*incident.Incident
}

// loadFiles reads, parses and validates every file, reporting every problem to d.
// Files that cannot be read are reported as errors too, so that one bad file
// does not hide the problems of the others.
func loadFiles(e *env, cfg *incident.Config, names []string, d *diagnostics) []loaded {
	out := make([]loaded, 0, len(names))
	eachFile(e, cfg, inputsOf(names), d, nil, func(l loaded, _ any) { out = append(out, l) })
	return out
}

// input is a file to read: named on the command line, or found in a folder named there.
type input struct {
	name  string
	found bool // reports whether a folder's walk found it, as a regular file
}

// inputsOf returns the files named on the command line as inputs.
func inputsOf(names []string) []input {
	out := make([]input, len(names))
	for i, name := range names {
		out[i] = input{name: name}
	}
	return out
}

// inputNames returns the names of the inputs.
func inputNames(ins []input) []string {
	out := make([]string, len(ins))
	for i, in := range ins {
		out[i] = in.name
	}
	return out
}

// parsed is one file as a worker of eachFile leaves it.
type parsed struct {
	loaded
	problems []*incident.ParseError // in the order a sequential run reports them
	value    any                    // what the work function made of it
	skip     bool                   // reports whether the file is not one (a second "-")
}

// eachFile reads, parses and validates the files on all cores, a bounded number of them at
// a time, and then, in the order of names, reports each file's problems to d and calls use
// (when not nil) with it and what work (when not nil) computed from it in the worker. The
// output is that of a sequential run: only the reading, parsing, validating and work run in
// parallel. A file's bytes become incidents in parseFile, the one place to do so.
func eachFile(e *env, cfg *incident.Config, names []input, d *diagnostics, work func(l loaded) any, use func(l loaded, v any)) {
	tuneGC()
	workers := runtime.GOMAXPROCS(0)
	type job struct {
		input
		stdin bool // reports whether this is a second "-", which is an error
		out   chan parsed
	}
	jobs := make(chan job)
	queue := make(chan chan parsed, 4*workers) // the results in flight, in order
	go func() {
		stdinUsed := false
		for _, in := range names {
			j := job{input: in, out: make(chan parsed, 1)}
			if in.name == "-" {
				j.stdin, stdinUsed = stdinUsed, true
			}
			queue <- j.out
			jobs <- j
		}
		close(jobs)
		close(queue)
	}()
	for range workers {
		go func() {
			for j := range jobs {
				var p parsed
				if j.stdin {
					p = parsed{loaded: loaded{name: j.name, display: stdinName}, skip: true}
					p.problems = problemsOf(nil, stdinName, errors.New("standard input (-) given more than once"))
					j.out <- p
					continue
				}
				p = parseFile(e, cfg, j.input)
				if work != nil && len(p.incidents) > 0 {
					p.value = work(p.loaded)
				}
				j.out <- p
			}
		}()
	}
	for c := range queue {
		p := <-c
		for _, q := range p.problems {
			d.add(q)
		}
		if use != nil && !p.skip {
			use(p.loaded, p.value)
		}
	}
}

// tuneGC lets the heap grow to 5× what is live (GOGC=400) under a soft limit of 40 MiB,
// unless GOGC or GOMEMLIMIT is set: parsing makes short-lived garbage, and at the default
// GOGC=100 the collector took about a fifth of `downtime`'s CPU over 10,000 files
// (BENCHMARKS.md), while the memory limit keeps the peak RSS of 100,000 files flat. Over
// 10,000 files about 3 MiB is live, and GOGC sets the pace; over 100,000 about 11 MiB, and
// the limit does: at 32 MiB it left the collector about 10 MiB of garbage a cycle there
// (1.3 collections per 100 files against 1.0 over 10,000 files), at 40 MiB about twice that.
func tuneGC() {
	if len(os.Getenv("GOGC")) > 0 || len(os.Getenv("GOMEMLIMIT")) > 0 {
		return
	}
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(40 << 20)
}

// parseFile reads, parses and validates the file name, with every problem in order.
func parseFile(e *env, cfg *incident.Config, in input) parsed {
	var display string
	var data []byte
	var err error
	if in.found {
		display, data, err = readFound(in.name)
	} else {
		display, data, err = readInput(e, in.name)
	}
	p := parsed{loaded: loaded{name: in.name, display: display}}
	if err != nil {
		p.problems = problemsOf(nil, display, err)
		return p
	}
	incs, err := parseInput(cfg, display, data) // Statuspage JSON or incident files
	p.problems = problemsOf(nil, display, err)
	for _, inc := range incs {
		if inc == nil {
			continue
		}
		errs, warns := cfg.Validate(inc)
		for _, q := range errs {
			if q != nil {
				c := *q
				c.Warning = false
				p.problems = append(p.problems, &c)
			}
		}
		for _, q := range warns {
			if q != nil {
				c := *q
				c.Warning = true
				p.problems = append(p.problems, &c)
			}
		}
	}
	if err == nil && len(incs) == 0 {
		p.problems = problemsOf(p.problems, display, errors.New("no incident in the file"))
	}
	p.incidents = incs
	return p
}

// problemsOf appends to list the problems of err as addErr reports them: an ErrorList, a
// *ParseError, or another error of the file name.
func problemsOf(list []*incident.ParseError, name string, err error) []*incident.ParseError {
	var el incident.ErrorList
	var pe *incident.ParseError
	switch {
	case err == nil:
	case errors.As(err, &el):
		for _, p := range el {
			if p != nil {
				list = append(list, p)
			}
		}
	case errors.As(err, &pe):
		list = append(list, pe)
	default:
		list = append(list, &incident.ParseError{File: name, Err: err})
	}
	return list
}

// regularFile reports whether the entry de at path is a regular file or a symbolic link to one.
func regularFile(path string, de fs.DirEntry) bool {
	switch {
	case de.Type().IsRegular():
		return true
	case de.Type()&fs.ModeSymlink != 0:
		st, err := os.Stat(path)
		return err == nil && st.Mode().IsRegular()
	}
	return false
}

// incidentExts are the extensions of the files a folder argument reads.
var incidentExts = []string{".yaml", ".yml", ".json"}

// expandArgs replaces each folder among names with the incident files under it: every
// *.yaml, *.yml and *.json file, recursively, sorted by path, skipping hidden folders and
// files (names starting with "."). Only regular files, or symbolic links to them, are
// incident files: a FIFO, socket or device of that name is skipped as silently as a hidden
// file (reading a FIFO waits for a writer, a device may never end), and a link to a folder
// is not followed. Other names are kept as they are. A folder that holds no incident file,
// or that cannot be read, is an error of that folder, reported to d.
func expandArgs(names []string, d *diagnostics) []input {
	out := make([]input, 0, len(names))
	for _, name := range names {
		st, err := os.Stat(name)
		if name == "-" || err != nil || !st.IsDir() {
			out = append(out, input{name: name})
			continue
		}
		var found []string
		err = filepath.WalkDir(name, func(path string, de fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			hidden := path != name && strings.HasPrefix(de.Name(), ".")
			switch {
			case de.IsDir() && hidden:
				return filepath.SkipDir
			case de.IsDir() || hidden:
				return nil
			}
			if slices.Contains(incidentExts, strings.ToLower(filepath.Ext(path))) && regularFile(path, de) {
				found = append(found, path)
			}
			return nil
		})
		switch {
		case err != nil:
			d.add(&incident.ParseError{File: name, Err: fmt.Errorf("reading the folder: %v", unwrapPath(err))})
		case len(found) == 0:
			d.add(&incident.ParseError{File: name, Err: errors.New("no incident file (*.yaml, *.yml, *.json) in this folder")})
		}
		slices.Sort(found)
		for _, f := range found {
			out = append(out, input{name: f, found: true})
		}
	}
	return out
}
