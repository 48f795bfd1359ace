package render

import (
	"bytes"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/timeline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// svgOfDOM returns the SVG elements Chromium built from a page, parsed back as XML.
func svgOfDOM(t *testing.T, dom string) []*svgElement {
	t.Helper()
	var out []*svgElement
	for _, s := range regexp.MustCompile(`(?s)<svg [^>]*class="pm-timeline".*?\n</svg>`).FindAllString(dom, -1) {
		out = append(out, parseSVG(t, []byte(s)))
	}
	return out
}

// TestBrowserPicture loads pages in Chromium and checks the figure it built: one lane per
// service, one band per window with its title, one marker per event.
func TestBrowserPicture(t *testing.T) {
	bin := chromium(t)
	for _, tc := range []struct {
		name   string
		incs   []*incident.Incident
		lanes  [][]string // per incident
		titles []string   // the band titles of the first incident
	}{
		{"accounts", []*incident.Incident{accountsGo(t)}, [][]string{{"US accounts", "EU accounts", "API", "Webhooks"}}, []string{
			"US accounts: major outage 03:18–03:38 EDT (07:18–07:38 UTC), 20 min",
			"EU accounts: degraded performance 03:10–03:38 EDT (07:10–07:38 UTC), 28 min",
			"API: major outage 03:38–about 03:50 EDT (07:38–about 07:50 UTC), 12 min",
		}},
		{"harvest", loadExample(t, "harvest-2016-07-26.yaml"), [][]string{{"Harvest", "Forecast"}}, []string{
			"Harvest: degraded performance 10:36–10:50 EDT (14:36–14:50 UTC), 14 min",
			"Harvest: major outage 10:50–about 10:53 EDT (14:50–about 14:53 UTC), 3 min",
			"Harvest: major outage 10:59–12:38 EDT (14:59–16:38 UTC), 1 h 39 min",
			"Forecast: degraded performance 10:36–10:50 EDT (14:36–14:50 UTC), 14 min",
			"Forecast: major outage 10:50–about 10:53 EDT (14:50–about 14:53 UTC), 3 min",
			"Forecast: major outage 10:59–12:38 EDT (14:59–16:38 UTC), 1 h 39 min",
		}},
		{"harness", loadExample(t, "harness-2021.yaml"), [][]string{{"prod-1", "prod-2", "prod-3"}, {"prod-1"}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, HTML(&buf, tc.incs...))
			dom := dumpDOM(t, bin, buf.String(), "UTC")
			svgs := svgOfDOM(t, dom)
			require.Len(t, svgs, len(tc.incs), "one figure per incident")
			for i, root := range svgs {
				inc := tc.incs[i]
				var lanes []string
				for _, l := range root.find("g", "lane") {
					lanes = append(lanes, l.title())
				}
				assert.Equal(t, tc.lanes[i], lanes, "one lane per service")
				m := inc.Metrics(timeline.Policy{})
				names, windows := serviceWindows(inc, &m)
				require.Equal(t, tc.lanes[i], names)
				bands := root.find("g", "lanes")[0].find("g", "band")
				n := 0
				for _, ws := range windows {
					n += len(ws)
				}
				assert.Len(t, bands, n, "one band per window")
				if i == 0 && tc.titles != nil {
					var titles []string
					for _, b := range bands {
						titles = append(titles, b.title())
					}
					assert.Equal(t, tc.titles, titles)
				}
				assert.Len(t, root.find("g", "events")[0].find("g", "mk"), len(inc.Timeline), "one marker per event")
				assert.Equal(t, "img", root.attr("role"))
			}
		})
	}
}

// TestBrowserPictureHostile checks that Chromium builds nothing from the hostile fixture's
// names and texts inside the figure: no element and no attribute of theirs.
func TestBrowserPictureHostile(t *testing.T) {
	bin := chromium(t)
	var buf bytes.Buffer
	require.NoError(t, (&Printer{Places: places(t)}).HTML(&buf, hostile(t)))
	page := strings.Replace(buf.String(), string(pageCSP), "", 1) // escaping alone must hold
	dom := dumpDOM(t, bin, page, "UTC")
	svgs := svgOfDOM(t, dom)
	require.Len(t, svgs, 1)
	assertOwnSVG(t, svgs[0])
	assert.Equal(t, oneLine(hostileText), svgs[0].find("g", "lane")[0].title())
	assert.NotContains(t, dom, `data-pwned="1"`)
}

// mermaidBundle returns the path of the npm package mermaid's dist/mermaid.min.js: from
// $MERMAID_JS, else where .ci/run installs it (.cache/mermaid at the repository's root), or
// skips the test.
func mermaidBundle(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("MERMAID_JS"), "../.cache/mermaid/node_modules/mermaid/dist/mermaid.min.js"} {
		if p == "" {
			continue
		}
		if abs, err := filepath.Abs(p); err == nil {
			if _, err := os.Stat(abs); err == nil {
				return abs
			}
		}
	}
	t.Skip("mermaid.min.js not found: set MERMAID_JS or run npm install --no-save --prefix .cache/mermaid mermaid")
	return ""
}

// TestBrowserMermaid renders every example's gantt block with the npm mermaid bundle in
// Chromium and expects an SVG for each, with no error.
func TestBrowserMermaid(t *testing.T) {
	bin := chromium(t)
	bundle := mermaidBundle(t)
	blockRE := regexp.MustCompile("(?s)```mermaid\n(.*?)```")
	var blocks, names []string
	for _, name := range examples(t) {
		var md bytes.Buffer
		require.NoError(t, Markdown(&md, loadExample(t, name)...))
		found := blockRE.FindAllStringSubmatch(md.String(), -1)
		require.NotEmpty(t, found, "%s has no mermaid block", name)
		for _, m := range found {
			assert.NotContains(t, m[1], "Z", "%s: GitHub mishandles Z offsets", name)
			blocks = append(blocks, m[1])
			names = append(names, name)
		}
	}
	for _, inc := range []*incident.Incident{accountsGo(t), undatedGo(t), hostile(t)} {
		var md bytes.Buffer
		require.NoError(t, Markdown(&md, inc))
		for _, m := range blockRE.FindAllStringSubmatch(md.String(), -1) {
			blocks = append(blocks, m[1])
			names = append(names, inc.Title)
		}
	}
	js, err := json.Marshal(blocks)
	require.NoError(t, err)
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><pre id="out">pending</pre>
<script src="file://` + html.EscapeString(bundle) + `"></script>
<script>
(async () => {
  const out = [];
  try {
    mermaid.initialize({startOnLoad: false, securityLevel: "strict"});
    const blocks = ` + string(js) + `;
    for (let i = 0; i < blocks.length; i++) {
      try {
        const r = await mermaid.render("m" + i, blocks[i]);
        const doc = new DOMParser().parseFromString(r.svg, "image/svg+xml");
        const svg = doc.documentElement;
        out.push({ok: svg.nodeName === "svg" && !doc.querySelector("parsererror"),
          tasks: svg.querySelectorAll("rect.task, .task").length, text: [...svg.querySelectorAll("text")].map(e => e.textContent).join("|")});
      } catch (e) {
        out.push({error: String(e && e.message || e)});
      }
    }
  } catch (e) {
    out.push({error: "mermaid: " + String(e)});
  }
  document.getElementById("out").textContent = JSON.stringify(out);
})();
</script></body></html>`
	dom := dumpDOM(t, bin, page, "UTC", "--allow-file-access-from-files", "--virtual-time-budget=30000")
	m := regexp.MustCompile(`(?s)<pre id="out">(.*?)</pre>`).FindStringSubmatch(dom)
	require.NotNil(t, m, "no result in the page")
	raw := html.UnescapeString(m[1])
	require.NotEqual(t, "pending", raw, "mermaid did not finish")
	var results []struct {
		OK    bool   `json:"ok"`
		Tasks int    `json:"tasks"`
		Text  string `json:"text"`
		Error string `json:"error"`
	}
	require.NoError(t, json.Unmarshal([]byte(raw), &results), raw)
	require.Len(t, results, len(blocks), raw)
	for i, r := range results {
		assert.Empty(t, r.Error, "%s: mermaid error on\n%s", names[i], blocks[i])
		assert.True(t, r.OK, "%s: no <svg>", names[i])
		assert.Positive(t, r.Tasks, "%s: no task drawn", names[i])
	}
	// Escaped names show as written.
	last := results[len(results)-1]
	assert.Contains(t, last.Text, `"'><script>`, "the hostile service name shows as text")
}
