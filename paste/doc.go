// Package paste turns a pasted timeline or a whole post (plain text, Markdown, a table) into
// an incident draft: one event per time the text carries, at the time as written, and one
// outage per window ("from 12:30 to 12:55 PST", "lasting 25 minutes").
//
// Dated headings, a zone named once ("all times are UTC") and relative words ("yesterday",
// counted from Config.Date) set the context of the lines after them. Nothing is guessed
// silently: what cannot be read (no zone, an ambiguous abbreviation, two forms that
// disagree) is an *incident.ParseError at its line and column, with one of incident's codes
// (incident.CodeNoZone, ...), and the line is left out; what was read with a choice (a time
// earlier than the previous one, read as the next day) is a warning. The package knows
// nothing of rendering; its drafts pass incident.Validate.
package paste
