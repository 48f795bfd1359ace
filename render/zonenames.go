package render

import (
	"html"
	htmltemplate "html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-postmortem/postmortem/tz"
)

// zoneNames returns the names the page's script gives the reader's zone where the browser
// shows only an offset ("GMT+9" in Tokyo, "GMT+5:30" in Kolkata): for every zone and alias of
// the tz database the program has, the abbreviation tz.Abbrev gives it at ref and half a year
// later (both halves of a DST pair), with the offset it stands for. The text is grouped by
// abbreviation and offset in minutes: "IST 330 Asia/Calcutta Asia/Kolkata;JST 540 Asia/Tokyo
// Japan;...". GMT and UTC at offset zero are left out: browsers name them already.
func zoneNames(ref time.Time) string {
	groups := map[string][]string{} // "JST 540" → zones
	for _, name := range tz.Names() {
		loc, err := tz.Load(name)
		if err != nil {
			continue
		}
		for _, t := range []time.Time{ref, ref.AddDate(0, 6, 0)} {
			abbr := tz.Abbrev(t, loc)
			_, off := t.In(loc).Zone()
			if abbr == "" || off == 0 && (abbr == "GMT" || abbr == "UTC") || strings.ContainsAny(abbr, " ;") {
				continue
			}
			k := abbr + " " + strconv.Itoa(off/60)
			if zs := groups[k]; len(zs) == 0 || zs[len(zs)-1] != name {
				groups[k] = append(zs, name)
			}
		}
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(k)
		for _, z := range groups[k] {
			b.WriteByte(' ')
			b.WriteString(z)
		}
	}
	return b.String()
}

// script returns the page's script element, carrying the zone names of zoneNames(ref) when
// the document has a dated instant (ok). The policy's hash covers the script's text alone,
// so the attribute does not change it.
func script(ref time.Time, ok bool) htmltemplate.HTML {
	if !ok {
		return pageScript
	}
	return htmltemplate.HTML(`<script data-zones="` + html.EscapeString(zoneNames(ref)) + `">` + scriptSource + "</script>")
}
