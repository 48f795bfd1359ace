package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestConvertArgs(t *testing.T) {
	cases := []struct {
		args   []string
		code   int
		stdout string // a part of it
		stderr string // a part of it; "" means empty
	}{
		{[]string{"convert", "--to", "UTC", "2016-07-26 22:00 EDT", "01:00"}, 0, "Wed 02:00 UTC  Wed 05:00", ""},
		{[]string{"convert", "--to", "UTC", "2016-07-26 10:00 – 11:00 UTC", "12:00"}, 1, "", `TIME: tz: "2016-07-26 10:00 – 11:00 UTC": is already a window`},
		{[]string{"convert", "--to", "UTC", "2016-07-26 10:00 UTC", "11:00 – 12:00"}, 1, "", `END: tz: "11:00 – 12:00": is a window`},
		{[]string{"convert", "--to", "UTC", "2016-07-27 10:00 UTC", "2016-07-26 11:00"}, 1, "", `END: tz: "2016-07-26 11:00": is 2016-07-26T11:00:00Z, before the start`},
		{[]string{"convert", "--to", "UTC", "2016-07-26 10:00 UTC", "banana"}, 1, "", `END: tz: "banana"`},
		{[]string{"convert", "--to", "UTC", "9999-12-31T23:00-05:00"}, 1, "", "past 9999-12-31T23:59:59Z"},
		{[]string{"convert", "--to", "UTC", "2024-07-01 11:10 BST"}, 1, "", "or set the timezone it should be read in (here: --tz Europe/London, or another of the zones above)"},
		{[]string{"convert", "--to", "UTC", "--tz", "Europe/London", "2024-07-01 11:10 BST"}, 0, "Mon 10:10 UTC", ""},
		{[]string{"convert", "--to", "UTC", "2024-07-01 11:10 BST (10:10 UTC)"}, 0, "Mon 10:10 UTC", ""},
		{[]string{"convert", "--to", "UTC", "--tz", "America/Phoenix", "2024-07-15 10:00 MST"}, 0, "Mon 17:00 UTC", ""},
		{[]string{"convert", "--to", "UTC", "--year", "2026", "Thursday, April 11th 10:00 UTC"}, 0, "Thu 2024-04-11 10:00 UTC",
			"warning: tz: \"Thursday, April 11th 10:00 UTC\": Thursday April 11th has no year: read as 2024, the year nearest 2026 in which it falls on a Thursday; 2030 and 2019 fit too; write the year"},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			out, errOut, code := runArgs("", c.args...)
			assert.Equal(t, c.code, code, "run(%q) = %d, want %d; stderr: %s", c.args, code, c.code, errOut)
			assert.Contains(t, out, c.stdout, "run(%q) stdout", c.args)
			if c.stderr == "" {
				assert.Empty(t, errOut, "run(%q) stderr", c.args)
			} else {
				assert.Contains(t, errOut, c.stderr, "run(%q) stderr", c.args)
			}
		})
	}
}
