package main

import "errors"

// runImportStatuspage is "postmortem import statuspage".
func runImportStatuspage(e *env, args []string) error {
	return errors.New("import statuspage: not built yet")
}
