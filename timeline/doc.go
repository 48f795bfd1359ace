// Package timeline is the interval arithmetic of incidents: the states services were in, as
// half-open windows [Start, End), and what they add up to.
//
// Derive turns an incident's timeline of Events into Windows, one state per service until
// its next change. Merge takes the union of windows from any number of incidents, each
// instant at its worst Level (Major > Partial > Degraded > Maintenance) and naming exactly the
// services at that level; ByService gives each service its own windows. Measure sums them
// without counting an overlap twice: major, partial, degraded and maintenance time, and
// downtime, which weighs partial outages as Statuspage does (Policy.PartialWeight, a Weight).
//
// Periods cuts a span into calendar days, ISO weeks, months, quarters or years of a time
// zone, with their real elapsed length (a March in New York lasts 743 hours), and
// Policy.Availability measures a period, with a MaintenancePolicy and an error Budget.
// Milestones and Lifecycle.TimeTo give the times to detect, acknowledge, mitigate and resolve;
// Summarize sums those up across incidents.
//
// Instants are time.Time values; the package never reads the clock (callers pass the end of
// an open incident) and never loads a zone itself. Functions never modify their
// arguments, and the package has no mutable state: everything is safe for concurrent use.
package timeline
