package main

import (
	"errors"

	"github.com/go-postmortem/postmortem/incident"
)

// draftFile returns inc as an incident file, checked to read back and validate as
// 'postmortem validate' reads it (with --strict when strict is set), so that a draft that
// does not is reported by the import rather than by the next command. cmd names the
// importer in that error ("import text"), input what to report it with ("the text"). A
// draft beyond a limit of an incident file (larger than 8 MiB, too many values or
// services) is the input's doing: its error says which limit, and nothing else.
func draftFile(cmd, input, name string, inc *incident.Incident, strict bool) ([]byte, error) {
	text, err := incident.Marshal(inc)
	if err != nil {
		return nil, err
	}
	incs, err := (&incident.Config{Strict: strict}).Parse(name, text)
	if err == nil && len(incs) == 1 {
		if errs, _ := incident.Validate(incs[0]); len(errs) > 0 {
			err = errs
		}
	}
	if err != nil {
		if pe := limitError(err); pe != nil {
			return nil, errors.New(cmd + ": the draft is more than one incident file may hold, so it is not written: " + oneLine(pe.Message()))
		}
		return nil, errors.New(cmd + ": the draft does not validate (please report this with " + input + "): " + oneLine(err.Error()))
	}
	return text, nil
}

// limitError returns the problem of err that is a limit of an incident file passed (its
// size, values or services: incident.ErrTooLarge), or nil. Such a draft is the input's
// size, not a fault of the importer: the importers stop at their own bounds first
// (paste.DefaultMaxEvents, slack.DefaultMaxEvents), which keep a usual draft well within.
func limitError(err error) *incident.ParseError {
	var list incident.ErrorList
	var pe *incident.ParseError
	switch {
	case errors.As(err, &list):
	case errors.As(err, &pe):
		list = incident.ErrorList{pe}
	}
	for _, p := range list {
		if p != nil && errors.Is(p, incident.ErrTooLarge) {
			return p
		}
	}
	return nil
}

// writeDraft reports the diagnostics of an import that makes one draft, then writes the
// draft (checked by draftFile) to the file out, or to standard output when out is "". inc
// is nil when the input could not be read at all: only the diagnostics are written. It
// returns errReported when any diagnostic is an error.
func writeDraft(e *env, cmd, input, name string, inc *incident.Incident, diags incident.ErrorList, strict bool, out string) error {
	d := newDiagnostics(e.stderr)
	for _, p := range diags {
		d.add(p)
	}
	if inc == nil {
		return errReported
	}
	text, err := draftFile(cmd, input, name, inc, strict)
	if err != nil {
		return err
	}
	o := &output{path: out}
	o.Write(text)
	if err := o.flush(e); err != nil {
		return err
	}
	if d.errors > 0 {
		return errReported
	}
	return nil
}
