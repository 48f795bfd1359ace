package paste_test

import (
	"fmt"

	"github.com/go-postmortem/postmortem/paste"
	"github.com/go-postmortem/postmortem/tz"
)

func ExampleConfig_Parse() {
	text := `DNS outage
Yesterday, all times UTC:
09:10 - resolvers started failing
09:40 - resolvers restarted
`
	cfg := paste.Config{Date: tz.Date{Year: 2024, Month: 5, Day: 2}}
	inc, diags := cfg.Parse("dns.txt", []byte(text))
	fmt.Println(inc.Title, inc.Date)
	for _, ev := range inc.Timeline {
		fmt.Println(ev.At.Written, ev.At.Instant.UTC().Format("2006-01-02 15:04Z"), ev.Text)
	}
	fmt.Println(len(diags), "diagnostics")
	// Output:
	// DNS outage 2024-05-01
	// 09:10 2024-05-01 09:10Z Resolvers started failing
	// 09:40 2024-05-01 09:40Z Resolvers restarted
	// 0 diagnostics
}

// A line whose time names no zone is left out, with an error at its line and column.
func ExampleParse() {
	inc, diags := paste.Parse("post.txt", []byte("2024-05-02 14:36 UTC - API down\n14:50 - API back\n"))
	for _, ev := range inc.Timeline {
		fmt.Println(ev.At.Written, ev.Text)
	}
	for _, d := range diags {
		fmt.Println(d.Code, d.Warning, d.Position())
	}
	// Output:
	// 2024-05-02 14:36 UTC API down
	// no-zone false post.txt:2:1
}
