package tz_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-postmortem/postmortem/tz"
)

func TestParseWindow(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	jul26 := tz.Date{Year: 2016, Month: time.July, Day: 26}
	cases := []struct {
		start, end string
		ctx        tz.Context
		want       [2]string // RFC 3339 UTC
		approx     bool
		warnings   int
	}{
		{start: "2016-07-26 10:50", end: "2016-07-26 12:38", ctx: tz.Context{Location: ny},
			want: [2]string{"2016-07-26T14:50:00Z", "2016-07-26T16:38:00Z"}},
		{start: "2016-07-26 10:50 EDT", end: "12:38", // the end takes the start's date and zone
			want: [2]string{"2016-07-26T14:50:00Z", "2016-07-26T16:38:00Z"}},
		{start: "22:00", end: "01:00", ctx: tz.Context{Date: jul26, Location: ny}, // past midnight
			want: [2]string{"2016-07-27T02:00:00Z", "2016-07-27T05:00:00Z"}},
		{start: "2016-07-26 23:30 Europe/London", end: "00:30",
			want: [2]string{"2016-07-26T22:30:00Z", "2016-07-26T23:30:00Z"}},
		{start: "9pm EDT", end: "02:00 UTC", ctx: tz.Context{Date: jul26}, // the end in another zone
			want: [2]string{"2016-07-27T01:00:00Z", "2016-07-27T02:00:00Z"}},
		{start: "around 10:00", end: "11:00", ctx: tz.Context{Date: jul26},
			want: [2]string{"2016-07-26T10:00:00Z", "2016-07-26T11:00:00Z"}, approx: true},
		{start: "10:00 UTC", end: "~11:00", ctx: tz.Context{Date: jul26},
			want: [2]string{"2016-07-26T10:00:00Z", "2016-07-26T11:00:00Z"}, approx: true},
		{start: "2016-07-26 10:00", end: "2016-07-28 10:00",
			want: [2]string{"2016-07-26T10:00:00Z", "2016-07-28T10:00:00Z"}},
		{start: "10:00 EST", end: "11:00 EST", ctx: tz.Context{Date: jul26}, // both halves warned
			want: [2]string{"2016-07-26T14:00:00Z", "2016-07-26T15:00:00Z"}, warnings: 2},
		{start: "10:00", end: "10:00", ctx: tz.Context{Date: jul26}, // an empty window
			want: [2]string{"2016-07-26T10:00:00Z", "2016-07-26T10:00:00Z"}},
	}
	for _, c := range cases {
		t.Run(c.start+"|"+c.end, func(t *testing.T) {
			x, err := tz.ParseWindow(c.start, c.end, c.ctx)
			require.NoError(t, err, "ParseWindow(%q, %q)", c.start, c.end)
			got := [2]string{x.Start.Format(time.RFC3339), x.End.Format(time.RFC3339)}
			assert.Equal(t, c.want, got, "ParseWindow(%q, %q) = %v, want %v", c.start, c.end, got, c.want)
			assert.Equal(t, c.approx, x.Approx, "ParseWindow(%q, %q).Approx", c.start, c.end)
			assert.Len(t, x.Warnings, c.warnings, "ParseWindow(%q, %q).Warnings = %v", c.start, c.end, x.Warnings)
		})
	}
}

func TestParseWindowErrors(t *testing.T) {
	jul26 := tz.Date{Year: 2016, Month: time.July, Day: 26}
	cases := []struct {
		start, end string
		ctx        tz.Context
		err        error
		input      string // the end the error is about
		msg        string
	}{
		{start: "10:00 – 11:00", end: "12:00", ctx: tz.Context{Date: jul26}, err: tz.ErrSyntax, input: "10:00 – 11:00", msg: "already a window"},
		{start: "10:00", end: "11:00 – 12:00", ctx: tz.Context{Date: jul26}, err: tz.ErrSyntax, input: "11:00 – 12:00", msg: "is a window"},
		{start: "2016-07-27 10:00", end: "2016-07-26 11:00", err: tz.ErrBackwards, input: "2016-07-26 11:00", msg: "before the start 2016-07-27T10:00:00Z"},
		{start: "banana", end: "11:00", err: tz.ErrSyntax, input: "banana"},
		{start: "10:00", end: "banana", ctx: tz.Context{Date: jul26}, err: tz.ErrSyntax, input: "banana"},
		{start: "2016-07-26 10:00", end: "9999-12-31T23:00-05:00", err: tz.ErrInvalidDate, input: "9999-12-31T23:00-05:00"},
	}
	for _, c := range cases {
		t.Run(c.start+"|"+c.end, func(t *testing.T) {
			_, err := tz.ParseWindow(c.start, c.end, c.ctx)
			require.Error(t, err, "ParseWindow(%q, %q)", c.start, c.end)
			assert.ErrorIs(t, err, c.err, "ParseWindow(%q, %q) = %v", c.start, c.end, err)
			var te *tz.Error
			require.ErrorAs(t, err, &te)
			assert.Equal(t, c.input, te.Input, "ParseWindow(%q, %q) = %v: about the wrong end", c.start, c.end, err)
			assert.Contains(t, te.Msg, c.msg, "ParseWindow(%q, %q) = %v", c.start, c.end, err)
		})
	}
}
