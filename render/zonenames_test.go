package render

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestZoneNames(t *testing.T) {
	ref := time.Date(2016, time.July, 26, 14, 36, 0, 0, time.UTC)
	groups := map[string]string{}
	for _, g := range strings.Split(zoneNames(ref), ";") {
		f := strings.Fields(g)
		if assert.GreaterOrEqual(t, len(f), 3, g) {
			for _, z := range f[2:] {
				groups[z+" "+f[1]] = f[0]
			}
		}
	}
	for key, want := range map[string]string{
		"Asia/Tokyo 540":           "JST",
		"Asia/Kolkata 330":         "IST",
		"Asia/Calcutta 330":        "IST", // the alias Chromium reports for Kolkata
		"Europe/London 60":         "BST",
		"Europe/Paris 120":         "CEST",
		"Europe/Paris 60":          "CET", // half a year later
		"Australia/Sydney 600":     "AEST",
		"Australia/Sydney 660":     "AEDT",
		"Asia/Singapore 480":       "SGT",
		"America/Los_Angeles -420": "PDT",
	} {
		assert.Equal(t, want, groups[key], key)
	}
	_, gmt := groups["Europe/London 0"]
	assert.False(t, gmt, "GMT at offset zero is left to the browser")
	assert.Equal(t, zoneNames(ref), zoneNames(ref), "deterministic")
}
