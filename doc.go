// Package postmortem is the root of a module for incident postmortems: a timeline of
// instants kept in UTC beside the zone each was written in, outage windows per service
// and level, causes, lessons and action items, and the figures people ask of them.
//
// The module is organised in layers, each importing only those before it:
//
//   - [github.com/go-postmortem/postmortem/tz]: zones, abbreviations, wall clock ↔ instant,
//     human-written times and "what time is that for you" converters.
//   - [github.com/go-postmortem/postmortem/timeline]: events, windows, interval math,
//     calendar periods, availability and lifecycle metrics.
//   - [github.com/go-postmortem/postmortem/incident]: the postmortem model, the incident file
//     format (version 1), validation and downtime.
//   - [github.com/go-postmortem/postmortem/report]: downtime across incidents: clipped to a
//     range, filtered by service, overlaps counted once, calendar periods in any zone.
//   - [github.com/go-postmortem/postmortem/statuspage], [github.com/go-postmortem/postmortem/slack]
//     and [github.com/go-postmortem/postmortem/paste]: importers that turn a Statuspage
//     history, a Slack channel export or a pasted timeline into incidents.
//   - [github.com/go-postmortem/postmortem/render]: Markdown, HTML and JSON postmortems with
//     each incident's timeline drawn, maintenance announcements and converter tables.
//
// The postmortem command (cmd/postmortem) renders, validates, measures and imports incident
// files.
package postmortem
