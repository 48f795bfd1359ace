// Package schema holds the JSON Schema (draft 2020-12) of the incident file format,
// version 1, for editors and other tools.
//
// Editors that use yaml-language-server (VS Code's YAML extension, Neovim, Helix and others)
// complete and check an incident file whose first line is
//
//	# yaml-language-server: $schema=https://raw.githubusercontent.com/go-postmortem/postmortem/main/schema/incident.schema.json
//
// or a relative path to incident.schema.json. The schema checks the shape of a document:
// keys, types and the names of kinds, states and statuses (their canonical lower-case
// spellings). It cannot check what only the loader knows, such as whether a time exists in
// its zone or whether two forms of an instant agree; use incident.Parse or
// `postmortem validate` for that.
package schema

import (
	_ "embed"
)

//go:embed incident.schema.json
var schemaJSON string

// JSON returns the schema document, incident.schema.json. Each call returns a new copy, which
// the caller may modify.
func JSON() []byte { return []byte(schemaJSON) }
