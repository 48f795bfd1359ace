package main

import "errors"

// runImportText is "postmortem import text".
func runImportText(e *env, args []string) error {
	return errors.New("import text: not built yet")
}
