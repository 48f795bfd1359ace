package render

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/tz"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chromium returns the path of a Chromium binary, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests are skipped in -short mode")
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	t.Skip("chromium (or chromium-browser) is not in PATH; install it to run the browser tests")
	return ""
}

// dumpDOM opens page in headless Chromium with the TZ environment variable set to zone and
// returns the DOM after the page's scripts ran.
func dumpDOM(t *testing.T, bin, page, zone string, extra ...string) string {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "page.html")
	require.NoError(t, os.WriteFile(file, []byte(page), 0o644))
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	args := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
		"--user-data-dir=" + filepath.Join(dir, "profile"),
	}
	args = append(args, extra...)
	args = append(args, "--dump-dom", "file://"+file)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "TZ="+zone, "LANG=en_US.UTF-8")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	require.NoError(t, err, "chromium: %s", stderr.String())
	require.NotEmpty(t, stdout.String(), "chromium printed no DOM: %s", stderr.String())
	return stdout.String()
}

// localTexts returns the texts our script appended after <time> elements.
func localTexts(dom string) []string {
	re := regexp.MustCompile(`<span class="local">([^<]*)</span>`)
	var out []string
	for _, m := range re.FindAllStringSubmatch(dom, -1) {
		out = append(out, m[1])
	}
	return out
}

func harvestPage(t *testing.T) string {
	incs := loadExample(t, "harvest-2016-07-26.yaml")
	var buf bytes.Buffer
	require.NoError(t, (&Printer{}).HTML(&buf, incs...))
	return buf.String()
}

func TestBrowserReaderTime(t *testing.T) {
	bin := chromium(t)
	page := harvestPage(t)
	// The reader's zone by the name people there know it (Intl gives only "GMT+9" and
	// "GMT+5:30" in Tokyo and Kolkata), and the date beside the time when it is not the
	// incident's, written as the page writes dates.
	for _, tc := range []struct{ zone, first, late string }{
		{"Asia/Tokyo", "23:36 JST", "00:15 JST (Wed 27 Jul)"},
		{"Asia/Kolkata", "20:06 IST", "20:45 IST"},
		{"America/Los_Angeles", "07:36 PDT", "08:15 PDT"},
		{"Europe/London", "15:36 BST", "16:15 BST"},
	} {
		t.Run(tc.zone, func(t *testing.T) {
			dom := dumpDOM(t, bin, page, tc.zone)
			local := localTexts(dom)
			require.NotEmpty(t, local, "the script added no local time")
			// The first instant of the timeline, 14:36 UTC, in the reader's zone.
			assert.Contains(t, dom, `<time datetime="2016-07-26T14:36:00Z" data-day="2016-07-26">10:36 <abbr>EDT</abbr> · 14:36 UTC</time><span class="local"> · yours: `+tc.first+`</span>`)
			// 11:15 EDT, 15:15 UTC: past midnight in Tokyo.
			assert.Contains(t, dom, `11:15 <abbr>EDT</abbr> · 15:15 UTC</time><span class="local"> · yours: `+tc.late+`</span>`)
			assert.Len(t, local, strings.Count(page, "<time datetime="), "one local time per <time>")
			for _, l := range local {
				assert.NotContains(t, l, "GMT", "a zone shown as an offset")
			}
		})
	}
}

// TestBrowserUTCDay: the UTC date of a time past UTC midnight sits inside its <time>, beside
// the UTC time, and the reader's time follows it.
func TestBrowserUTCDay(t *testing.T) {
	bin := chromium(t)
	var buf bytes.Buffer
	require.NoError(t, (&Printer{Places: places(t)}).HTML(&buf, maintenanceGo(t)))
	dom := dumpDOM(t, bin, buf.String(), "Asia/Tokyo")
	assert.Contains(t, dom, `21:00 <abbr>EDT</abbr> · 01:00 UTC <small class="day">(Mon 29 Apr)</small></time><span class="local"> · yours: 10:00 JST (Mon 29 Apr)</span>`)
}

func TestBrowserWithoutScript(t *testing.T) {
	bin := chromium(t)
	page := harvestPage(t)
	// Chromium's --blink-settings=scriptEnabled=false also stops --dump-dom from printing
	// anything, so scripts are switched off by the page's own policy instead: the hash that
	// allows our script becomes 'none'.
	noScript := strings.Replace(page, "script-src '"+cspHash(scriptSource)+"'", "script-src 'none'", 1)
	require.NotEqual(t, page, noScript)
	dom := dumpDOM(t, bin, noScript, "Asia/Tokyo")
	assert.Empty(t, localTexts(dom), "scripts ran although disabled")
	assert.Contains(t, dom, `10:36 <abbr>EDT</abbr> · 14:36 UTC</time>`)
	assert.Contains(t, dom, `12:38 <abbr>EDT</abbr> · 16:38 UTC</time>`)

	// The same page with scripts on does add the reader's time: the switch is what differs.
	dom = dumpDOM(t, bin, page, "Asia/Tokyo")
	assert.NotEmpty(t, localTexts(dom))
}

func TestBrowserConverter(t *testing.T) {
	bin := chromium(t)
	ny := mustLoad(t, "America/New_York")
	start := time.Date(2013, time.April, 28, 9, 0, 0, 0, ny)
	var buf bytes.Buffer
	p := &Printer{Places: places(t)}
	require.NoError(t, p.ConvertHTML(&buf, Conversion{Start: start, End: start.Add(3 * time.Hour), Source: ny, Zone: "EDT"}))
	// The reader's row reads as the others: zone name and offset, date and clock, day shifts.
	for zone, want := range map[string]string{
		"Asia/Tokyo":         `<td>JST <small>(UTC+9)</small></td><td>Sun 28 Apr 22:00</td><td>Mon 29 Apr 01:00</td><td>end +1 day</td>`,
		"Asia/Kolkata":       `<td>IST <small>(UTC+5:30)</small></td><td>Sun 28 Apr 18:30</td><td>21:30</td><td></td>`,
		"Pacific/Kiritimati": `<td>UTC+14</td><td>Mon 29 Apr 03:00</td><td>06:00</td><td>+1 day</td>`,
	} {
		dom := dumpDOM(t, bin, buf.String(), zone)
		assert.Contains(t, dom, `<tr class="yours" data-start="2013-04-28T13:00:00Z" data-day="2013-04-28" data-end="2013-04-28T16:00:00Z" data-end-day="2013-04-28"><th scope="row">You</th>`+want+`</tr>`, zone)
	}
}

func TestBrowserHostile(t *testing.T) {
	bin := chromium(t)
	inc := hostile(t)
	var buf bytes.Buffer
	p := &Printer{Places: append(places(t), tz.Place{City: hostileText, Loc: time.UTC})}
	require.NoError(t, p.HTML(&buf, inc))
	page := buf.String()
	// Without the Content-Security-Policy too: escaping alone must keep the page inert.
	noCSP := strings.Replace(page, string(pageCSP), "", 1)
	require.NotEqual(t, page, noCSP)
	for name, pg := range map[string]string{"csp": page, "nocsp": noCSP} {
		t.Run(name, func(t *testing.T) {
			dom := dumpDOM(t, bin, pg, "UTC")
			assert.Len(t, scriptRE.FindAllString(dom, -1), 1, "<script> elements in the DOM")
			assert.NotContains(t, dom, `data-pwned="1"`)
			assert.NotEmpty(t, localTexts(dom), "our own script must still run")
		})
	}
}

// loadExample loads one of ../examples.
func loadExample(t testing.TB, name string) []*incident.Incident {
	t.Helper()
	incs, err := incident.Load(os.DirFS("../examples"), name)
	require.NoError(t, err)
	require.NotEmpty(t, incs)
	return incs
}
