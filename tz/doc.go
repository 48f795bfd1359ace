// Package tz reads the time zones and times people write in incident reports
// and turns them into instants.
//
// [Resolve] takes what a person writes for a zone — an IANA name or alias in any
// case, "UTC", an offset ("+05:30", "UTC-4"), a region ("ET", "US Pacific
// time"), a city ("São Paulo") or an abbreviation that names one region
// ("EDT") — and returns a [time.Location], reporting ambiguous abbreviations
// ("IST", "CST") with an [*AmbiguousError] that lists their readings
// ([Candidates]). [Wall] turns a date and wall-clock time in a zone into an
// instant, finding DST gaps and folds from the zone's transitions and applying
// an explicit [Policy] rather than time.Date's silent choice. [Parse] reads a
// whole time expression, and [ParseWindow] a window given as its two ends.
// [Convert] shows an instant or window in many zones.
//
// Zones come from the host's tz database through [Load], which reads each zone
// once. The package never imports time/tzdata: a program that runs where there
// may be no zoneinfo imports it in its main package. Everything in the package
// is safe for concurrent use.
package tz

//go:generate go run mkzones.go
