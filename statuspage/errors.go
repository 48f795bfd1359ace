package statuspage

import (
	"errors"
	"fmt"

	"github.com/go-postmortem/postmortem/incident"
)

// Sentinel errors, one per code of what Decode reports that package incident has no
// sentinel for: a maintenance without a schedule matches incident.ErrNoSchedule, an input
// past the size limit incident.ErrTooLarge. The Err of every *incident.ParseError
// that a Decoder reports matches the sentinel of its Code with errors.Is.
var (
	ErrOpen                = errors.New("incident not resolved")
	ErrZeroDuration        = errors.New("incident of zero duration")
	ErrUpdatesBeforeStart  = errors.New("updates before the start")
	ErrResolvedFar         = errors.New("resolved update far from resolved_at")
	ErrUnknownComponent    = errors.New("affected component not in components")
	ErrEmbeddedTimeline    = errors.New("timeline embedded in one update")
	ErrResolvedBeforeStart = errors.New("resolved before started")
	ErrBadTime             = errors.New("bad timestamp")
	ErrType                = errors.New("wrong JSON type")
	ErrSyntax              = errors.New("invalid JSON")
	ErrDepth               = errors.New("JSON nested too deep")
	ErrShape               = errors.New("not Statuspage JSON")
)

// sentinels gives the sentinel of each code the package reports.
var sentinels = map[string]error{
	incident.CodeOpen:               ErrOpen,
	incident.CodeZeroDuration:       ErrZeroDuration,
	incident.CodeUpdatesBeforeStart: ErrUpdatesBeforeStart,
	incident.CodeResolvedFar:        ErrResolvedFar,
	incident.CodeUnknownComponent:   ErrUnknownComponent,
	incident.CodeNoSchedule:         incident.ErrNoSchedule,
	incident.CodeEmbeddedTimeline:   ErrEmbeddedTimeline,
	incident.CodeResolvedFirst:      ErrResolvedBeforeStart,
	incident.CodeBadTime:            ErrBadTime,
	incident.CodeJSONType:           ErrType,
	incident.CodeJSONSyntax:         ErrSyntax,
	incident.CodeJSONDepth:          ErrDepth,
	incident.CodeTooLarge:           incident.ErrTooLarge,
	incident.CodeTooLong:            incident.ErrTooLong,
	incident.CodeNotStatuspage:      ErrShape,
}

// problem returns the Err of a problem of code about the incident id ("" for the whole
// input): the formatted text, after "incident ID: " when there is an id, matching the
// sentinel of code.
func problem(code, id, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if id != "" {
		msg = "incident " + id + ": " + msg
	}
	return incident.Errorf(sentinels[code], "%s", msg)
}
