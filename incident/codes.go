package incident

import (
	"errors"
	"slices"

	"github.com/go-postmortem/postmortem/tz"
)

// Codes of the diagnostics. Every *ParseError of Parse, Load and Validate, and of the
// importers (packages statuspage, paste and slack), carries one in its Code field, shown at
// the end of its message as "[code]". A code is stable: scripts match on
// it, and a file acknowledges a warning by it with ignore: [code]. Codes lists them all, with
// what each means and whether ignore: may name it; docs/format.md has the same table.
const (
	// Errors of the file as a whole.
	CodeYAMLSyntax    = "yaml-syntax"      // not YAML
	CodeNotUTF8       = "not-utf8"         // UTF-16 with a byte order mark
	CodeTabIndent     = "tab-indent"       // a tab indents a line
	CodeTooLarge      = "too-large"        // larger than a limit of size or values
	CodeTooDeep       = "too-deep"         // lists and mappings nested past the limit
	CodeAliases       = "too-many-aliases" // aliases expand the document past the limit
	CodeNoIncident    = "no-incident"      // nothing but empty documents
	CodeTooManyErrors = "too-many-errors"  // reading stopped after 100 errors

	// Errors of one value.
	CodeWrongType   = "wrong-type"          // a list where a string goes, and the like
	CodeUnknownKey  = "unknown-key"         // a key the format does not have
	CodeDuplicate   = "duplicate-key"       // a key written twice
	CodeMissing     = "missing"             // a required value absent or empty
	CodeInvalid     = "invalid-value"       // a value that is not one of those accepted
	CodeInvalidDate = "invalid-date"        // a date that does not exist or is not YYYY-MM-DD
	CodeVersion     = "unsupported-version" // postmortem: other than 1

	// Errors of times (package tz).
	CodeUnknownZone   = "unknown-zone"      // a zone name nothing knows
	CodeAmbiguous     = "ambiguous-abbrev"  // an abbreviation of several zones nothing settles
	CodeNonexistent   = "nonexistent-time"  // a wall clock in a spring-forward gap
	CodeAmbiguousTime = "ambiguous-time"    // a wall clock in a fall-back hour, no offset given
	CodeBadTime       = "invalid-time"      // text that is no time
	CodeMismatch      = "forms-disagree"    // two forms of one instant that disagree
	CodeWeekday       = "weekday-mismatch"  // a weekday that does not fall on its date
	CodeBackwards     = "time-backwards"    // a time alone earlier than the one before it
	CodeNoYear        = "no-year"           // a date without its year, and no year known
	CodeZoneOff       = "timezone-mismatch" // every pair disagrees by one offset: timezone: is wrong

	// Errors of how values fit together.
	CodeEndBeforeStart  = "end-before-start"             // a window that ends before it starts
	CodeOrder           = "out-of-order"                 // a timeline, built in code, not sorted
	CodeResolvedFirst   = "resolved-before-start"        // the resolved event before the started event
	CodeMixedDated      = "mixed-dated"                  // dated and undated times in one incident
	CodeNoSchedule      = "maintenance-without-schedule" // a maintenance without scheduled
	CodeUnknownIgnore   = "unknown-code"                 // ignore: names no code
	CodeNotIgnorable    = "not-ignorable"                // ignore: names the code of an error
	CodeInvalidURL      = "invalid-url"                  // a source url that is not http or https
	CodeMissingSystem   = "missing-system"               // a source without system
	CodeOutageLevel     = "outage-counts-nothing"        // an outage at level operational
	CodeUnknownService  = "unknown-service"              // a service not listed in services
	CodeNoOwner         = "no-owner"                     // an action item without owner
	CodeDueEarly        = "due-before-incident"          // an action item due before the incident
	CodeUndated         = "undated"                      // no date: durations only
	CodeDSTMismatch     = "abbrev-dst-mismatch"          // PST in July: read as the region's wall clock
	CodeYearFromWeekday = "year-from-weekday"            // a year taken from the weekday, others fit too

	// Warnings of the timeline's milestones.
	CodeStartedAfterResolved = "started-after-resolved"   // a started event after the resolved one
	CodeDetectedEarly        = "detected-before-started"  // detected hours before the incident started
	CodeRepeatedMilestone    = "repeated-milestone"       // two started events
	CodeMilestoneAfterEnd    = "milestone-after-resolved" // detected, acknowledged or mitigated after resolved

	// Reported by import statuspage (package statuspage), besides the codes above that mean
	// the same there (invalid-time, too-large, resolved-before-start,
	// maintenance-without-schedule).
	CodeOpen               = "open"                 // not resolved: it ends at its last update
	CodeZeroDuration       = "zero-duration"        // started and resolved at the same instant
	CodeUpdatesBeforeStart = "updates-before-start" // an update is shown before started_at
	CodeResolvedFar        = "resolved-far"         // the resolved update is far from resolved_at
	CodeUnknownComponent   = "unknown-component"    // an affected component is not in components[]
	CodeEmbeddedTimeline   = "embedded-timeline"    // the real timeline is a list inside one update
	CodeNotStatuspage      = "not-statuspage"       // JSON, but no Statuspage incident in it

	// Reported by the importers that read JSON (statuspage, slack).
	CodeJSONSyntax = "json-syntax" // not JSON, or cut short
	CodeJSONType   = "json-type"   // a JSON value of the wrong type
	CodeJSONDepth  = "json-depth"  // JSON nested too deep

	// Reported by import text (package paste), besides the codes of times above.
	CodeNoZone   = "no-zone"          // a time with no zone written or named before it
	CodeRelative = "relative-no-date" // "yesterday" with no date to count from
	CodeNextDay  = "next-day"         // a time earlier than the previous line's, read as the next day
	CodeNoTime   = "no-time"          // no line of the text carries a time
	CodeNotText  = "not-text"         // binary input where text or JSON was expected

	// Reported by import slack (package slack).
	CodeNotSlackExport = "not-slack-export" // no channels.json, not a folder or a .zip
	CodeNoChannel      = "no-channel"       // the channel asked for is not in the export
	CodeInvalidTS      = "invalid-ts"       // a message whose ts is not "seconds.micro": left out
	CodeNoMessages     = "no-messages"      // nothing to import (after --since/--until)
	CodeZoneProposed   = "zone-proposed"    // the timezone was inferred from the day files
	CodeZoneUnsettled  = "zone-unsettled"   // no zone, or several, fit the day files: UTC is used
	CodeDayMismatch    = "day-mismatch"     // messages outside their file's date in the zone given
	CodeEmptyMessage   = "empty-message"    // messages without text, files or attachments: left out
	CodeUnknownSubtype = "unknown-subtype"  // a message subtype the importer does not know: kept
	CodeNoUsers        = "no-users"         // users.json is missing: authors are user ids
	CodeUnexpectedFile = "unexpected-file"  // a file in the channel's folder that is no day file
)

// CodeInfo describes a diagnostic code.
type CodeInfo struct {
	Code    string
	Warning bool   // reports whether it is a warning, which ignore: may acknowledge
	From    string // "" for this package; else the importers that report it, by command ("import statuspage", "import text, import slack")
	Meaning string
}

// codes is the table of every code, in the order docs/format.md lists them.
var codes = []CodeInfo{
	{CodeYAMLSyntax, false, "", "the file is not valid YAML"},
	{CodeNotUTF8, false, "", "the file is UTF-16; save it as UTF-8"},
	{CodeTabIndent, false, "", "a tab indents a line; YAML indents with spaces"},
	{CodeTooLarge, false, "", "the file is over a size or values limit"},
	{CodeTooDeep, false, "", "lists and mappings nest past the depth limit"},
	{CodeAliases, false, "", "aliases expand the document past the limit, or contain themselves"},
	{CodeNoIncident, false, "", "no incident in the file"},
	{CodeTooManyErrors, false, "", "reading stopped after 100 errors"},
	{CodeWrongType, false, "", "a value of the wrong type (a list where a string goes)"},
	{CodeUnknownKey, false, "", "a key the format does not have"},
	{CodeDuplicate, false, "", "a key written twice"},
	{CodeMissing, false, "", "a required value absent or empty (title, text, at, start, end)"},
	{CodeInvalid, false, "", "a value none of those accepted (a state, kind, status, slug, id)"},
	{CodeInvalidDate, false, "", "a date that does not exist or is not YYYY-MM-DD"},
	{CodeVersion, false, "", "a postmortem: version other than 1"},
	{CodeUnknownZone, false, "", "a zone that no IANA name, abbreviation or offset matches"},
	{CodeAmbiguous, false, "", "an abbreviation of several zones that the timezone does not settle"},
	{CodeNonexistent, false, "", "a wall-clock time in a spring-forward gap"},
	{CodeAmbiguousTime, false, "", "a wall-clock time in a fall-back hour with no offset or abbreviation"},
	{CodeBadTime, false, "", "text that is no time"},
	{CodeMismatch, false, "", "two forms of one instant that disagree (10:36 EDT (14:37 UTC))"},
	{CodeWeekday, false, "", "a weekday that does not fall on its date"},
	{CodeBackwards, false, "", "a time alone earlier than the one before it; write the date"},
	{CodeNoYear, false, "", "a date without its year (or a weekday without a date), and none known"},
	{CodeZoneOff, false, "", "every pair of the incident disagrees by the same offset: the timezone is wrong"},
	{CodeEndBeforeStart, false, "", "an outage or scheduled window that ends before it starts"},
	{CodeOrder, false, "", "a timeline (built in code) that is not sorted"},
	{CodeResolvedFirst, false, "", "the resolved event before the started event"},
	{CodeMixedDated, false, "", "dated and undated times in one incident"},
	{CodeNoSchedule, false, "", "a maintenance without scheduled (import statuspage: a warning, read as an incident)"},
	{CodeUnknownIgnore, false, "", "ignore: names a code that does not exist"},
	{CodeNotIgnorable, false, "", "ignore: names the code of an error; errors cannot be ignored"},
	{CodeInvalidURL, false, "", "a source url that is not an http or https link"},
	{CodeMissingSystem, false, "", "a source without system"},
	{CodeDSTMismatch, true, "", "an abbreviation of the wrong daylight-saving half (PST in July), read as the region's wall clock; an error with --strict"},
	{CodeYearFromWeekday, true, "", "a date with a weekday and no year took the nearest year that fits, while others near it fit too"},
	{CodeUndated, true, "", "no date: durations are computed, UTC times are left out"},
	{CodeUnknownService, true, "", "a service named by an event or outage but not listed in services"},
	{CodeOutageLevel, true, "", "an outage at a level that counts no time (operational)"},
	{CodeNoOwner, true, "", "an action item without owner"},
	{CodeDueEarly, true, "", "an action item due before the incident's date"},
	{CodeStartedAfterResolved, true, "", "a started event after the resolved event"},
	{CodeDetectedEarly, true, "", "the detected event more than an hour before the started event"},
	{CodeRepeatedMilestone, true, "", "a second started event"},
	{CodeMilestoneAfterEnd, true, "", "a detected, acknowledged or mitigated event after the resolved event"},

	// Reported by the importers, at import; a file may acknowledge their warnings too.
	{CodeOpen, true, "import statuspage", "not resolved: it ends at its last update"},
	{CodeZeroDuration, true, "import statuspage", "started and resolved at the same instant"},
	{CodeUpdatesBeforeStart, true, "import statuspage", "an update is shown before started_at"},
	{CodeResolvedFar, true, "import statuspage", "the resolved update is far from resolved_at"},
	{CodeUnknownComponent, true, "import statuspage", "an affected component is not in components[]"},
	{CodeEmbeddedTimeline, true, "import statuspage", "the real timeline is a list inside one update"},
	{CodeJSONType, false, "import statuspage, import slack", "a JSON value of the wrong type"},
	{CodeJSONSyntax, false, "import statuspage, import slack", "not JSON"},
	{CodeJSONDepth, false, "import statuspage", "JSON nested too deep"},
	{CodeNotStatuspage, false, "import statuspage", "JSON, but no Statuspage incident in it"},
	{CodeNoZone, false, "import text", "a time with no zone written or named before it"},
	{CodeRelative, false, "import text", "\"yesterday\" with no date to count from"},
	{CodeNextDay, true, "import text", "a time earlier than the previous line's, read as the next day"},
	{CodeNoTime, false, "import text", "no line of the text carries a time"},
	{CodeNotText, false, "import text, import slack", "binary input"},
	{CodeNotSlackExport, false, "import slack", "no channels.json: not a Slack export's folder or .zip"},
	{CodeNoChannel, false, "import slack", "the channel asked for is not in the export"},
	{CodeInvalidTS, false, "import slack", "a message whose ts is not \"seconds.micro\": left out"},
	{CodeNoMessages, false, "import slack", "no message to import (after --since and --until)"},
	{CodeZoneProposed, true, "import slack", "the timezone was inferred from the day files"},
	{CodeZoneUnsettled, true, "import slack", "no zone, or several, fit the day files: the draft is in UTC"},
	{CodeDayMismatch, true, "import slack", "messages outside their day file's date in the zone given"},
	{CodeEmptyMessage, true, "import slack", "messages without text, files or attachments: left out"},
	{CodeUnknownSubtype, true, "import slack", "a message subtype the importer does not know: kept"},
	{CodeNoUsers, true, "import slack", "users.json is missing: authors are user ids"},
	{CodeUnexpectedFile, true, "import slack", "a file in the channel's folder that is no day file: left out"},
}

// Codes returns every diagnostic code, with its meaning and whether ignore: may name it.
func Codes() []CodeInfo { return slices.Clone(codes) }

// LookupCode returns the description of code, and whether there is one.
func LookupCode(code string) (CodeInfo, bool) {
	i := slices.IndexFunc(codes, func(c CodeInfo) bool { return c.Code == code })
	if i < 0 {
		return CodeInfo{}, false
	}
	return codes[i], true
}

// coded is an error that names its code.
type coded interface{ diagCode() string }

// sentinelCodes gives the code of an error by the sentinel it matches, the first that does.
var sentinelCodes = []struct {
	err  error
	code string
}{
	{ErrTooLarge, CodeTooLarge},
	{ErrTooDeep, CodeTooDeep},
	{ErrAliases, CodeAliases},
	{ErrEmpty, CodeNoIncident},
	{ErrType, CodeWrongType},
	{ErrUnknownKey, CodeUnknownKey},
	{ErrDuplicateKey, CodeDuplicate},
	{ErrMissing, CodeMissing},
	{ErrVersion, CodeVersion},
	{ErrEndBeforeStart, CodeEndBeforeStart},
	{ErrOrder, CodeOrder},
	{ErrNoSchedule, CodeNoSchedule},
	{ErrNoOwner, CodeNoOwner},
	{ErrDueEarly, CodeDueEarly},
	{ErrUndated, CodeUndated},
	{ErrUnknownService, CodeUnknownService},
	{ErrSyntax, CodeYAMLSyntax},
	{tz.ErrUnknownZone, CodeUnknownZone},
	{tz.ErrAmbiguous, CodeAmbiguous},
	{tz.ErrNonexistentTime, CodeNonexistent},
	{tz.ErrAmbiguousTime, CodeAmbiguousTime},
	{tz.ErrMismatch, CodeMismatch},
	{tz.ErrWeekday, CodeWeekday},
	{tz.ErrBackwards, CodeBackwards},
	{tz.ErrDSTMismatch, CodeDSTMismatch},
	{tz.ErrYearFromWeekday, CodeYearFromWeekday},
	{tz.ErrNoDate, CodeNoYear},
	{tz.ErrInvalidDate, CodeInvalidDate},
	{tz.ErrSyntax, CodeBadTime},
	{ErrInvalid, CodeInvalid},
}

// CodeOf returns the code of err: the one it names (an error of Errorf's names none), else
// the one of the sentinel of this package or of package tz it matches, such as
// CodeNonexistent for tz.ErrNonexistentTime; "" for an error of none (such as one of the
// file system).
func CodeOf(err error) string { return codeOf(err) }

func codeOf(err error) string {
	var c coded
	if errors.As(err, &c) && c.diagCode() != "" {
		return c.diagCode()
	}
	for _, s := range sentinelCodes {
		if errors.Is(err, s.err) {
			return s.code
		}
	}
	return ""
}

// setCodes gives every problem of l without a code the code of its error.
func setCodes(l ErrorList) {
	for _, e := range l {
		if e != nil && e.Code == "" {
			e.Code = codeOf(e.Err)
		}
	}
}

// checkIgnore returns an error when code cannot be acknowledged: it names no code
// (CodeUnknownIgnore, with the nearest code), or the code of an error (CodeNotIgnorable).
func checkIgnore(code string) error {
	info, ok := LookupCode(code)
	if !ok {
		names := make([]string, 0, len(codes))
		for _, c := range codes {
			if c.Warning {
				names = append(names, c.Code)
			}
		}
		if s := suggest(code, names); s != "" {
			return errorc(CodeUnknownIgnore, ErrInvalid, "ignore: no warning has the code %q (did you mean %q?)", code, s)
		}
		return errorc(CodeUnknownIgnore, ErrInvalid, "ignore: no warning has the code %q; the codes are those shown in brackets after a warning, listed in docs/format.md", code)
	}
	if !info.Warning {
		return errorc(CodeNotIgnorable, ErrInvalid, "ignore: %q is the code of an error, and errors cannot be ignored; fix what it reports and remove it from ignore", code)
	}
	return nil
}
