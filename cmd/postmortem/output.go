package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
)

// output is where a subcommand writes its result: standard output, or the file
// named by -o, written atomically when the command succeeds.
type output struct {
	bytes.Buffer
	path string // "" for standard output
}

// checkOutput returns an error if path would overwrite one of the inputs:
// by name, or as the same file under another name (a link, a different path).
func checkOutput(path string, inputs []string) error {
	return checkOutputAs("-o", path, inputs)
}

// checkOutputAs is checkOutput for a file named by flag.
func checkOutputAs(flag, path string, inputs []string) error {
	if path == "" || path == "-" {
		return nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	outInfo, statErr := os.Stat(path)
	if statErr == nil && outInfo.IsDir() {
		return fmt.Errorf("%s %s: is a directory", flag, path)
	}
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		if inAbs, err := filepath.Abs(in); err == nil && inAbs == abs {
			return fmt.Errorf("%s %s: refusing to overwrite the input file %s", flag, path, in)
		}
		if statErr != nil {
			continue
		}
		if inInfo, err := os.Stat(in); err == nil && os.SameFile(inInfo, outInfo) {
			return fmt.Errorf("%s %s: refusing to overwrite the input file %s (same file)", flag, path, in)
		}
	}
	return nil
}

// writeFile writes data to path atomically; see writeAtomic.
func writeFile(path string, data []byte) error {
	return writeAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// outputTarget is the file -o path names: path itself, or the file a symbolic link at path
// points to (the link is kept and its file replaced).
func outputTarget(path string) (string, error) {
	st, err := os.Lstat(path)
	if err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", fmt.Errorf("-o %s: a symbolic link to a file that cannot be reached: %v", path, unwrapPath(err))
	}
	return target, nil
}

// writeAtomic writes what write writes to path atomically: to a temporary file in the
// same directory, synced, then renamed over path, so that readers never see half a file
// and a failure leaves any previous file intact. An existing file keeps its mode; a
// symbolic link at path is followed. On SIGINT or SIGTERM the temporary file is removed
// before the command exits.
func writeAtomic(path string, write func(io.Writer) error) error {
	target, err := outputTarget(path)
	if err != nil {
		return err
	}
	return replaceAtomic("-o "+path, target, write)
}

// replaceAtomic is writeAtomic without following a symbolic link: a link at path is
// itself replaced by the new file (rename never follows one), and whatever it pointed
// to is left alone. Errors name the file as shown.
func replaceAtomic(shown, path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	mode := fs.FileMode(0o644)
	if st, err := os.Lstat(path); err == nil {
		switch {
		case st.Mode().IsRegular():
			mode = st.Mode().Perm()
		case st.Mode()&fs.ModeSymlink != 0:
		default:
			return fmt.Errorf("%s: not a regular file", shown)
		}
	}
	created, stop := removeOnSignal()
	defer stop()
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("%s: cannot create a file in %s: %v", shown, dir, err)
	}
	created(tmp.Name())
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("%s: %v", shown, err)
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("%s: %v", shown, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("%s: %v", shown, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("%s: %v", shown, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: %v", shown, err)
	}
	return nil
}

// removeOnSignal watches for SIGINT and SIGTERM until stop is called: when one arrives, the
// file or folder named by created (if it was called) is removed with what it holds, and the
// command exits as the signal would have ended it.
func removeOnSignal() (created func(name string), stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM)
	var mu sync.Mutex
	file := ""
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			mu.Lock()
			if file != "" {
				os.RemoveAll(file)
			}
			code := 130
			if sig == syscall.SIGTERM {
				code = 143
			}
			os.Exit(code)
		case <-done:
		}
	}()
	created = func(name string) {
		mu.Lock()
		file = name
		mu.Unlock()
	}
	return created, func() {
		signal.Stop(ch)
		close(done)
	}
}

// stream writes the result of write to standard output as it is made, or with -o to the
// file through writeAtomic, ending it with a newline when it has none.
func (o *output) stream(e *env, write func(io.Writer) error) error {
	body := func(w io.Writer) error {
		lw := &lastByteWriter{w: w}
		if err := write(lw); err != nil {
			return err
		}
		if lw.n > 0 && lw.last != '\n' {
			_, err := w.Write([]byte("\n"))
			return err
		}
		return nil
	}
	if o.path == "" || o.path == "-" {
		bw := bufio.NewWriterSize(e.stdout, 64<<10)
		if err := body(bw); err != nil {
			bw.Flush()
			return err
		}
		return bw.Flush()
	}
	return writeAtomic(o.path, body)
}

// lastByteWriter passes writes on to w and remembers the last byte written.
type lastByteWriter struct {
	w    io.Writer
	n    int64
	last byte
}

func (l *lastByteWriter) Write(p []byte) (int, error) {
	n, err := l.w.Write(p)
	if n > 0 {
		l.n += int64(n)
		l.last = p[n-1]
	}
	return n, err
}

// flush writes the buffered result to its destination, ending it with a newline
// when it has none (text output is lines).
func (o *output) flush(e *env) error {
	if o.Len() > 0 && !bytes.HasSuffix(o.Bytes(), []byte("\n")) {
		o.WriteByte('\n')
	}
	if o.path == "" || o.path == "-" {
		_, err := e.stdout.Write(o.Bytes())
		return err
	}
	return writeFile(o.path, o.Bytes())
}
