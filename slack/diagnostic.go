package slack

import (
	"errors"
	"fmt"
	"strconv"
)

// Sentinel errors. Every *Diagnostic matches one of them with errors.Is.
var (
	ErrNotExport  = errors.New("not a Slack export")
	ErrNoChannel  = errors.New("no such channel")
	ErrTooLarge   = errors.New("export too large")
	ErrSyntax     = errors.New("malformed JSON")
	ErrTS         = errors.New("invalid ts")
	ErrNoMessages = errors.New("no messages")
	ErrZone       = errors.New("zone not settled")
)

// Codes of the diagnostics, shown at the end of each message as "[code]".
const (
	CodeNotExport    = "not-slack-export" // no channels.json, not a folder or a .zip
	CodeNoChannel    = "no-channel"       // the channel asked for is not in the export
	CodeTooLarge     = "too-large"        // a file, the bytes read or the files listed exceed a limit
	CodeSyntax       = "malformed-json"   // a file that is not the JSON Slack writes
	CodeNotText      = "not-text"         // a binary file where JSON was expected
	CodeTS           = "invalid-ts"       // a message whose ts is not "seconds.micro": left out
	CodeNoMessages   = "no-messages"      // nothing to import (after --since/--until)
	CodeZoneProposed = "zone-proposed"    // the timezone was inferred from the day files
	CodeZoneNone     = "zone-unsettled"   // no zone, or several, fit the day files: UTC is used
	CodeDayMismatch  = "day-mismatch"     // messages outside their file's date in the zone given
	CodeEmpty        = "empty-message"    // messages without text, files or attachments: left out
	CodeSubtype      = "unknown-subtype"  // a message subtype this package does not know: kept
	CodeNoUsers      = "no-users"         // users.json is missing: authors are user ids
	CodeDayFile      = "unexpected-file"  // a file in the channel's folder that is no day file
)

// Diagnostic is an error or warning about an export. File is the export's name joined with
// the member's path ("export.zip/general/2024-03-10.json"); Line and Column are 1-based
// (Column counts bytes), 0 when the place is the whole file.
type Diagnostic struct {
	File         string
	Line, Column int
	Code         string
	Msg          string // lower case, says how to fix it; does not repeat the code
	Warning      bool   // reports whether this is a warning rather than an error
	Err          error  // one of the sentinels above
}

// Error returns "file:line:col: message [code]".
func (d *Diagnostic) Error() string {
	s := d.File
	if d.Line > 0 {
		if s != "" {
			s += ":"
		}
		s += strconv.Itoa(d.Line)
		if d.Column > 0 {
			s += ":" + strconv.Itoa(d.Column)
		}
	}
	if s != "" {
		s += ": "
	}
	return fmt.Sprintf("%s%s [%s]", s, d.Msg, d.Code)
}

// Unwrap returns d.Err.
func (d *Diagnostic) Unwrap() error { return d.Err }
