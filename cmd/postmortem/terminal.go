package main

import (
	"fmt"
	"strings"
)

// printable returns s with every character that a terminal would act on instead of show
// replaced by a visible escape: the C0 controls (tab and newline included), DEL and the C1
// controls as \xHH or \u00HH, and the bidirectional embeddings, overrides and isolates
// (U+202A-U+202E, U+2066-U+2069) as \uHHHH. An incident file's title or service name may
// hold an ANSI or OSC sequence (clear the screen, set the window title, write the
// clipboard) or reverse the direction of what follows; the tables and messages meant for a
// terminal pass it through here. JSON and CSV output escape by their own rules instead.
func printable(s string) string {
	if strings.IndexFunc(s, unprintable) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case !unprintable(r):
			b.WriteRune(r)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

// unprintable reports whether printable escapes r.
func unprintable(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}
