package slack_test

import (
	"fmt"
	"os"

	"github.com/go-postmortem/postmortem/slack"
)

// Read one channel of an export folder (os.DirFS) as a draft; a .zip is read the same way,
// through the *zip.Reader that archive/zip.OpenReader returns.
func ExampleConfig_Read() {
	cfg := slack.Config{Channel: "incident-db"}
	inc, diags := cfg.Read(os.DirFS("testdata/export"), "acme-export")
	for _, d := range diags {
		fmt.Println(d.Code)
	}
	fmt.Println(inc.TimeZone, inc.Source.System, inc.Source.ID)
	for _, ev := range inc.Timeline[:3] {
		fmt.Println(ev.At.Written, ev.Text)
	}
	// Output:
	// zone-proposed
	// America/Los_Angeles slack C0001
	// 2024-03-09T23:50:00-08:00 alice: @here db primary is down, paging @Bob Builder
	// 2024-03-09T23:52:00-08:00 PagerDuty: Triggered #1234: DB primary down & replica lagging
	// 2024-03-10T00:05:00-08:00 Bob Builder: ack, looking
}

func ExampleParseTS() {
	ts, err := slack.ParseTS("1710065400.999999")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ts.Sec, ts.Micro, ts.Time().Format("2006-01-02T15:04:05.000000Z07:00"))
	// Output: 1710065400 999999 2024-03-10T10:10:00.999999Z
}
