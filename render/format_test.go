package render

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// The hand-written formatters agree with time.Format.
func TestFastFormat(t *testing.T) {
	tokyo := mustLoad(t, "Asia/Tokyo")
	for _, tm := range []time.Time{
		time.Date(2016, time.July, 26, 14, 36, 0, 0, time.UTC),
		time.Date(2013, time.April, 28, 9, 5, 7, 0, tokyo),
		time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, time.December, 31, 23, 59, 59, 0, time.UTC),
		time.Date(12345, time.March, 5, 1, 2, 3, 0, time.UTC),
		time.Date(-5, time.March, 5, 1, 2, 3, 0, time.UTC),
	} {
		assert.Equal(t, tm.UTC().Format(time.RFC3339), isoUTC(tm), "isoUTC(%v)", tm)
		assert.Equal(t, tm.Format("2006-01-02"), dayKey(tm), "dayKey(%v)", tm)
		assert.Equal(t, tm.Format("Mon 2 Jan 2006"), shortDate(tm, true), "shortDate(%v, true)", tm)
		assert.Equal(t, tm.Format("Mon 2 Jan"), shortDate(tm, false), "shortDate(%v, false)", tm)
		want := tm.Format("15:04")
		if tm.Second() != 0 {
			want = tm.Format("15:04:05")
		}
		assert.Equal(t, want, clock(tm), "clock(%v)", tm)
	}
}

func TestDuration(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0 s"},
		{45 * time.Second, "45 s"},
		{20 * time.Minute, "20 min"},
		{108 * time.Minute, "1 h 48 min"},
		{2 * time.Hour, "2 h"},
		{51 * time.Hour, "2 d 3 h"},
		{48 * time.Hour, "2 d"},
		{-14 * time.Minute, "-14 min"},
	} {
		assert.Equal(t, tc.want, Duration(tc.d), "Duration(%v)", tc.d)
	}
}

func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain\ttext\nlines", "plain\ttext\nlines"},
		{"crlf\r\nline", "crlf\nline"},
		{"bell\a and del\x7f", "bell and del"},
		{"\u202Egnp.exe\u202C", "gnp.exe"},
		{"iso\u2066late\u2069", "isolate"},
		{"bad \xff utf8", "bad \uFFFD utf8"},
		{"café ✓", "café ✓"},
	} {
		assert.Equal(t, tc.want, clean(tc.in), "clean(%q)", tc.in)
	}
}
