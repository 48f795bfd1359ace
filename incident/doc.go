// Package incident reads, checks and writes postmortem files (format version 1): the
// incidents and planned maintenances that public postmortems describe, with their timelines,
// outage windows, causes, lessons and action items.
//
// # Reading
//
// [Parse] reads the bytes of one file and [Load] reads a file of an [io/fs.FS]. A file holds
// one incident, or several as a YAML stream (documents separated by ---); JSON is accepted,
// being YAML. Reading is strict so that a typo never loses data: unknown keys (with a "did you
// mean" hint when a known key is close), duplicate keys and values of the wrong type are
// errors. Every error is a [*ParseError] that says where it is and what is wrong, like
//
//	harvest.yaml:14:9: timeline[2].at: "09:10": 09:10 is before the previous time ...
//
// and the error returned is an [ErrorList] of them, sorted by position.
//
// Times are read with [tz.Parse] against the incident's date and zone: each time without a
// date takes the date of the previous time of its list (or the incident's date), and a time
// alone that goes backwards is an error that asks for the date. The text of each time is kept
// as written ([Time].Written), so that a marshalled file says what its author wrote.
//
// # Parse errors and validation
//
// [Parse] returns the problems that stop a value from being read: YAML syntax, the limits
// below, types, unknown and duplicate keys, missing titles and event times, unknown names of
// kinds, states and statuses, malformed dates and UUIDs, unknown zones, and every time that
// [tz.Parse] rejects (syntax, a wall-clock time that does not exist or is ambiguous, two forms
// of one instant that disagree, a weekday that does not match, a time going backwards, an
// ambiguous abbreviation, and in strict mode an abbreviation of the wrong daylight-saving
// half).
//
// [Config.Validate] returns how the values fit together, errors and warnings apart: windows
// ending before they start, a resolution before the start, a maintenance without its
// announced window, action items without owner or due too early, services not listed, an
// undated incident, and the warnings found while reading times (such as "PST" written in
// July). A command runs Parse, then Validate on each incident, and prints both.
//
// # Limits
//
// Files come from people, but a file may also be broken or hostile. Before and while
// decoding, these limits hold (each a [*ParseError] wrapping the sentinel named):
//
//   - a file is at most [DefaultMaxBytes] (8 MiB) or [Config].MaxBytes: a larger one is
//     refused by its size before it is read when the file system reports it, else as soon as
//     the limit is passed ([ErrTooLarge]);
//   - a file holds at most [DefaultMaxValues] (250,000) or [Config].MaxValues values, as
//     estimated from the bytes that separate values before decoding, so that many tiny values
//     cannot make the decoder's tree hundreds of times the file's size ([ErrTooLarge]);
//   - lists and mappings nest at most [DefaultMaxDepth] (64) or [Config].MaxDepth levels,
//     counting through aliases; the YAML decoder itself stops at 10,000 ([ErrTooDeep]);
//   - aliases may expand a document to at most 10 times its written node count (at least
//     10,000 nodes), and the text of a file's values, an aliased value counted at every use,
//     to at most 10 times the file's size (at least 1 MiB): a "billion laughs" file, or one
//     long scalar aliased thousands of times, fails at once without expansion, at the alias
//     that passes the limit ([ErrAliases]);
//   - an incident names at most [DefaultMaxServices] (200) or [Config].MaxServices distinct
//     services, in its services list, its events and its outages together (names compared
//     case-insensitively), so that per-service windows stay in proportion to the file; the
//     error is at the list that passes the limit ([ErrTooLarge]);
//   - at most 100 errors are reported per file.
//
// # Figures
//
// [Incident.Windows] turns the events' states and the explicit outages into
// [timeline.Window] values; [Incident.Metrics] merges them and computes downtime, span and
// lifecycle milestones with package timeline. An undated incident still has durations; its
// instants are nominal (on 0001-01-01) and [Metrics].Dated is false.
//
// # Writing
//
// [Marshal] writes an incident as YAML that Parse reads back to an equal incident.
//
// Functions and methods of this package are safe for concurrent use, provided that
// incidents and Configs are not modified meanwhile.
package incident
