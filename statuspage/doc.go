// Package statuspage reads Statuspage JSON — a status page's public /api/v2/incidents.json,
// scheduled-maintenances.json, summary.json, one incident, or copies of them — into
// incidents, and brings incident files imported before up to date with it (Update).
//
// Decode reads a whole input; a Decoder reads one as a stream, an incident at a time. Each
// incident gets one event per update, services from its components, states on one of three
// bases (the components' statuses, the impact, or a maintenance's progress), and its source.
// Every problem is an *incident.ParseError at its place in the input, with one of
// incident's stable codes (incident.CodeOpen, ...) and an Err that matches this package's
// sentinel of that code (ErrOpen, ...); a problem about one incident names its id
// ("incident ID: ..."). docs/statuspage.md in the module states
// each rule of the reading. The package knows nothing of rendering.
package statuspage
