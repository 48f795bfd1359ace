package main

import (
	"bytes"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/statuspage"
)

// parseInput parses one input file: as Statuspage JSON when it has that shape, else as
// incident files. The error holds the problems of either, warnings included.
func parseInput(cfg *incident.Config, name string, data []byte) ([]*incident.Incident, error) {
	if incs, problems, ok := readStatuspage(name, data); ok {
		return incs, problems.Err()
	}
	return cfg.Parse(name, data)
}

// readStatuspage reads data as Statuspage JSON when it has that shape, so that downtime,
// validate and render take a status page's history without an import step. ok is false for
// anything else (an incident file, even one written as JSON), which is read as an incident
// file. problems are the reading's warnings and errors, each with its code.
func readStatuspage(name string, data []byte) (incs []*incident.Incident, problems incident.ErrorList, ok bool) {
	if !statuspage.Sniff(data) {
		return nil, nil, false
	}
	incs, warnings, err := statuspage.Decode(name, bytes.NewReader(data))
	problems = append(problems, warnings...)
	var list incident.ErrorList
	if el, isList := err.(incident.ErrorList); isList {
		list = el
	} else if err != nil {
		list = incident.ErrorList{{File: name, Err: err}}
	}
	return incs, append(problems, list...), true
}
