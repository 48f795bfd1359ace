package statuspage

import "errors"

// Codes of the problems Decode reports. Each is stable: scripts match on it, and an
// incident file may acknowledge a warning by it (ignore: [code]).
const (
	// Warnings: the incident is written, with what the JSON lacks said here.
	CodeOpen                       = "open"                         // not resolved: it ends at its last update
	CodeZeroDuration               = "zero-duration"                // started and resolved at the same instant
	CodeUpdatesBeforeStart         = "updates-before-start"         // an update is shown before started_at
	CodeResolvedFar                = "resolved-far"                 // the resolved update is far from resolved_at
	CodeUnknownComponent           = "unknown-component"            // an affected component is not in components[]
	CodeMaintenanceWithoutSchedule = "maintenance-without-schedule" // impact maintenance, but no scheduled_for/until
	CodeEmbeddedTimeline           = "embedded-timeline"            // the real timeline is a list inside one update

	// Errors of one incident: it is not written, the others are.
	CodeResolvedBeforeStart = "resolved-before-start" // resolved_at before started_at (backfilled)
	CodeBadTime             = "invalid-time"          // a timestamp that is not RFC 3339 (the code incident files use for a time that cannot be read)
	CodeType                = "json-type"             // a value of the wrong JSON type

	// Errors of the whole input: reading stops there.
	CodeSyntax   = "json-syntax"    // not JSON
	CodeDepth    = "json-depth"     // nested deeper than MaxDepth
	CodeTooLarge = "too-large"      // larger than MaxBytes
	CodeShape    = "not-statuspage" // JSON, but no Statuspage incident in it
)

// Sentinel errors, one per code. Every *Problem matches the sentinel of its code with
// errors.Is.
var (
	ErrOpen                       = errors.New("incident not resolved")
	ErrZeroDuration               = errors.New("incident of zero duration")
	ErrUpdatesBeforeStart         = errors.New("updates before the start")
	ErrResolvedFar                = errors.New("resolved update far from resolved_at")
	ErrUnknownComponent           = errors.New("affected component not in components")
	ErrMaintenanceWithoutSchedule = errors.New("maintenance without a schedule")
	ErrEmbeddedTimeline           = errors.New("timeline embedded in one update")
	ErrResolvedBeforeStart        = errors.New("resolved before started")
	ErrBadTime                    = errors.New("bad timestamp")
	ErrType                       = errors.New("wrong JSON type")
	ErrSyntax                     = errors.New("invalid JSON")
	ErrDepth                      = errors.New("JSON nested too deep")
	ErrTooLarge                   = errors.New("input too large")
	ErrShape                      = errors.New("not Statuspage JSON")
)

var sentinels = map[string]error{
	CodeOpen:                       ErrOpen,
	CodeZeroDuration:               ErrZeroDuration,
	CodeUpdatesBeforeStart:         ErrUpdatesBeforeStart,
	CodeResolvedFar:                ErrResolvedFar,
	CodeUnknownComponent:           ErrUnknownComponent,
	CodeMaintenanceWithoutSchedule: ErrMaintenanceWithoutSchedule,
	CodeEmbeddedTimeline:           ErrEmbeddedTimeline,
	CodeResolvedBeforeStart:        ErrResolvedBeforeStart,
	CodeBadTime:                    ErrBadTime,
	CodeType:                       ErrType,
	CodeSyntax:                     ErrSyntax,
	CodeDepth:                      ErrDepth,
	CodeTooLarge:                   ErrTooLarge,
	CodeShape:                      ErrShape,
}

// Problem is one thing the reading found, an error or a warning by its Code. Decode
// returns it inside an *incident.ParseError, which gives its place in the input.
type Problem struct {
	Code     string // one of the Code constants
	Incident string // the Statuspage id of the incident concerned; "" for the whole input
	Msg      string // what is wrong and how to go on, lower case
}

// Error returns "incident ID: message [code]", or "message [code]" for the whole input.
func (p *Problem) Error() string {
	s := p.Msg + " [" + p.Code + "]"
	if p.Incident != "" {
		s = "incident " + p.Incident + ": " + s
	}
	return s
}

// Is reports whether target is the sentinel of p's code.
func (p *Problem) Is(target error) bool {
	s, ok := sentinels[p.Code]
	return ok && s == target
}

// Warning reports whether a problem of this code still lets the incident be written.
func Warning(code string) bool {
	switch code {
	case CodeOpen, CodeZeroDuration, CodeUpdatesBeforeStart, CodeResolvedFar, CodeUnknownComponent,
		CodeMaintenanceWithoutSchedule, CodeEmbeddedTimeline:
		return true
	}
	return false
}
