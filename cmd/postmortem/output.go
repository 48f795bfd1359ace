package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
	if path == "" || path == "-" {
		return nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	outInfo, statErr := os.Stat(path)
	if statErr == nil && outInfo.IsDir() {
		return fmt.Errorf("-o %s: is a directory", path)
	}
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		if inAbs, err := filepath.Abs(in); err == nil && inAbs == abs {
			return fmt.Errorf("-o %s: refusing to overwrite the input file %s", path, in)
		}
		if statErr != nil {
			continue
		}
		if inInfo, err := os.Stat(in); err == nil && os.SameFile(inInfo, outInfo) {
			return fmt.Errorf("-o %s: refusing to overwrite the input file %s (same file)", path, in)
		}
	}
	return nil
}

// writeFile writes data to path atomically: to a temporary file in the same
// directory, synced, then renamed over path, so that readers never see half a file
// and a failure leaves any previous file intact. An existing file keeps its mode.
func writeFile(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return fmt.Errorf("-o %s: not a regular file", path)
		}
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("-o %s: cannot create a file in %s: %v", path, dir, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("-o %s: %v", path, err)
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("-o %s: %v", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("-o %s: %v", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("-o %s: %v", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("-o %s: %v", path, err)
	}
	return nil
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
