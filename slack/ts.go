package slack

import (
	"fmt"
	"time"
)

// TS is a message's ts: the instant Slack recorded it, as whole seconds since the Unix epoch
// and microseconds. Slack writes it as a string, "1710079503.000200", and uses it as the
// message's id in its channel. The zero TS is no ts.
type TS struct {
	Sec   int64 // seconds since 1970-01-01T00:00:00Z
	Micro int32 // 0..999999
}

// ParseTS reads a ts: decimal seconds, a dot and exactly six digits of microseconds. It reads
// both parts as integers, since a float64 loses the last digit. Errors: an error matching
// ErrTS that says what is wrong.
func ParseTS(s string) (TS, error) {
	dot := -1
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			dot = i
			break
		}
	}
	if dot < 0 {
		return TS{}, tsError(s, "want seconds, a dot and six digits of microseconds, like 1710079503.000200")
	}
	secs, micros := s[:dot], s[dot+1:]
	if len(secs) == 0 || len(secs) > 11 { // 11 digits reach the year 5138
		return TS{}, tsError(s, "want 1 to 11 digits of seconds before the dot")
	}
	if len(micros) != 6 {
		return TS{}, tsError(s, "want six digits of microseconds after the dot")
	}
	var t TS
	for i := 0; i < len(secs); i++ {
		c := secs[i]
		if c < '0' || c > '9' {
			return TS{}, tsError(s, "seconds must be digits")
		}
		t.Sec = t.Sec*10 + int64(c-'0')
	}
	for i := 0; i < len(micros); i++ {
		c := micros[i]
		if c < '0' || c > '9' {
			return TS{}, tsError(s, "microseconds must be digits")
		}
		t.Micro = t.Micro*10 + int32(c-'0')
	}
	return t, nil
}

func tsError(s, why string) error {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return fmt.Errorf("%w %q: %s", ErrTS, s, why)
}

// Time returns t as a time.Time in UTC.
func (t TS) Time() time.Time { return time.Unix(t.Sec, int64(t.Micro)*1000).UTC() }

// String returns t as Slack writes it, "1710079503.000200".
func (t TS) String() string { return fmt.Sprintf("%d.%06d", t.Sec, t.Micro) }

// Compare returns -1, 0 or +1 as t is before, equal to or after u.
func (t TS) Compare(u TS) int {
	switch {
	case t.Sec < u.Sec || t.Sec == u.Sec && t.Micro < u.Micro:
		return -1
	case t == u:
		return 0
	}
	return 1
}
