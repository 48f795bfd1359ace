package paste

import "errors"

// Sentinel errors. The Err of every *incident.ParseError that Parse reports matches one of
// them with errors.Is, or an error of package tz (such as tz.ErrAmbiguous) that it wraps.
var (
	ErrNoZone   = errors.New("time without a zone")
	ErrRelative = errors.New("relative date without --date")
	ErrNoTime   = errors.New("no time in the text")
	ErrNotText  = errors.New("not text")
	ErrOrder    = errors.New("time out of order")
	ErrNextDay  = errors.New("time earlier than the previous one")
	ErrUndated  = errors.New("no date in the text")
	ErrTooLarge = errors.New("more times than a draft holds")
)
