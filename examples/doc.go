// Package examples holds real public postmortems encoded in the incident file format
// (version 1), one YAML file per blog post, and the tests that load them.
//
// Each file cites its source post in a comment, paraphrases the post's prose and keeps its
// facts: times as written (with the zone abbreviations, UTC pairs and approximations the
// post uses), outage windows, causes, lessons and action items. The comments at the top of
// a file explain how its date was established, how ambiguous statements were modelled, and
// which figures (span, downtime, maintenance) the file is expected to produce;
// examples_test.go checks those figures and the exact set of warnings each file raises.
//
// The files:
//
//   - harvest-2016-07-26.yaml: Harvest and Forecast down after two database crashes; EDT
//     times with their UTC pairs, a restart "within a few minutes" (approximate) and a
//     maintenance mode forced by the outage, which stays an outage.
//   - harvest-2013-09.yaml: a stream of three documents, two outages of about 3 minutes and
//     the maintenance announced to end them.
//   - harvest-2013-04-28-maintenance.yaml, harvest-2013-03-03-maintenance.yaml,
//     harvest-2012-02-29-maintenance.yaml: planned maintenance windows, one written as a
//     single window expression.
//   - harvest-2012-10-04.yaml: a two-hour incident with a 45-minute major phase.
//   - harvest-march-5.yaml and pivotal-tracker.yaml: undated incidents (no year, or only
//     "today"); durations work, instants are left out with a warning.
//   - harness-2021.yaml: two incidents in one post, written "PST" in daylight-saving season.
//   - codeship-2014.yaml: a database problem over nine days with partial outages, UTC
//     switchovers and a scheduled maintenance.
//
// The program in [github.com/go-postmortem/postmortem/examples/downtime] shows the library
// calls a script uses to measure downtime and availability per month across these files.
package examples
