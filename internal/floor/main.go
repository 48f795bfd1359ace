// Floor is the floor of the whole-process benchmarks of BENCHMARKS.md: it reads each
// incident file and decodes it with yaml.v3 into a yaml.Node, nothing else, on all cores,
// so that `postmortem downtime` and `validate` can be compared with the least any program
// that reads the same files must do.
//
// Usage:
//
//	go build -o floor ./internal/floor && ./floor FILE|DIR...
//
// A folder is read as the command reads it: every *.yaml, *.yml and *.json file under it,
// recursively, sorted by path, hidden folders and files skipped. It prints the number of
// files and documents.
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
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

func main() {
	var files []string
	for _, arg := range os.Args[1:] {
		st, err := os.Stat(arg)
		if err != nil || !st.IsDir() {
			files = append(files, arg)
			continue
		}
		var found []string
		filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			hidden := path != arg && strings.HasPrefix(d.Name(), ".")
			switch {
			case d.IsDir() && hidden:
				return filepath.SkipDir
			case d.IsDir() || hidden:
				return nil
			}
			if ext := strings.ToLower(filepath.Ext(path)); ext == ".yaml" || ext == ".yml" || ext == ".json" {
				found = append(found, path)
			}
			return nil
		})
		slices.Sort(found)
		files = append(files, found...)
	}
	jobs := make(chan string)
	var mu sync.Mutex
	docs, failed := 0, 0
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range jobs {
				n, err := decode(name)
				mu.Lock()
				docs += n
				if err != nil {
					failed++
					fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
				}
				mu.Unlock()
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	fmt.Printf("%d files, %d documents\n", len(files), docs)
	if failed > 0 {
		os.Exit(1)
	}
}

// decode reads the file name and decodes each of its documents into a yaml.Node.
func decode(name string) (int, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return 0, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	n := 0
	for {
		var node yaml.Node
		if err := dec.Decode(&node); err != nil {
			if errors.Is(err, io.EOF) {
				return n, nil
			}
			return n, err
		}
		n++
	}
}
