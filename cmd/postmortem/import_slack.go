package main

import "errors"

// runImportSlack is "postmortem import slack".
func runImportSlack(e *env, args []string) error {
	return errors.New("import slack: not built yet")
}
