package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
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
	case errors.Is(err, fs.ErrNotExist):
		return fail("no such file")
	case errors.Is(err, fs.ErrPermission):
		return fail("permission denied")
	case err != nil:
		return fail("%v", unwrapPath(err))
	case st.IsDir():
		return fail("is a directory, not an incident file (pass the files in it, e.g. %s/*.yaml)", strings.TrimRight(name, "/"))
	case !st.Mode().IsRegular() && st.Mode()&fs.ModeNamedPipe == 0 && st.Mode()&fs.ModeCharDevice == 0:
		return fail("not a regular file")
	}
	f, err := os.Open(name)
	if err != nil {
		return fail("%v", unwrapPath(err))
	}
	defer f.Close()
	data, err = io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return fail("%v", unwrapPath(err))
	}
	return name, data, checkText(name, data)
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
// writing each once, in order, as FILE:LINE:COL: error|warning: message.
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
	fmt.Fprintln(d.w, line)
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
	stdinUsed := false
	for _, name := range names {
		if name == "-" {
			if stdinUsed {
				d.addErr(stdinName, errors.New("standard input (-) given more than once"))
				continue
			}
			stdinUsed = true
		}
		display, data, err := readInput(e, name)
		if err != nil {
			d.addErr(display, err)
			out = append(out, loaded{name: name, display: display})
			continue
		}
		incs, err := parseInput(cfg, display, data) // Statuspage JSON or incident files
		d.addErr(display, err)
		for _, inc := range incs {
			if inc == nil {
				continue
			}
			errs, warns := cfg.Validate(inc)
			for _, p := range errs {
				if p != nil {
					q := *p
					q.Warning = false
					d.add(&q)
				}
			}
			for _, p := range warns {
				if p != nil {
					q := *p
					q.Warning = true
					d.add(&q)
				}
			}
		}
		if err == nil && len(incs) == 0 {
			d.addErr(display, errors.New("no incident in the file"))
		}
		out = append(out, loaded{name: name, display: display, incidents: incs})
	}
	return out
}
