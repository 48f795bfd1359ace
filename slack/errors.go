package slack

import "errors"

// Sentinel errors. The Err of every *incident.ParseError that Config.Read reports matches one
// of them with errors.Is.
var (
	ErrNotExport  = errors.New("not a Slack export")
	ErrNoChannel  = errors.New("no such channel")
	ErrTooLarge   = errors.New("export too large")
	ErrSyntax     = errors.New("malformed JSON")
	ErrTS         = errors.New("invalid ts")
	ErrNoMessages = errors.New("no messages")
	ErrZone       = errors.New("zone not settled")
)
