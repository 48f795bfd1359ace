package report_test

import (
	"fmt"
	"time"

	"github.com/go-postmortem/postmortem/incident"
	"github.com/go-postmortem/postmortem/report"
	"github.com/go-postmortem/postmortem/timeline"
)

func Example() {
	files := map[string]string{
		"monday.yaml":  monday,
		"billing.yaml": other,
	}
	r := report.New(report.Options{Unit: timeline.Month})
	for _, name := range []string{"monday.yaml", "billing.yaml"} {
		incs, err := incident.Parse(name, []byte(files[name]))
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, inc := range incs {
			rec, err := r.Add(name, inc)
			if err != nil {
				fmt.Println(err)
				continue
			}
			fmt.Printf("%s: %v down\n", rec.Title, time.Duration(rec.Downtime))
			for _, s := range rec.Services {
				fmt.Printf("  %s: %v\n", s.Name, time.Duration(s.Downtime))
			}
		}
	}
	t := r.Total()
	fmt.Printf("total: %d incidents, %v\n", t.Incidents, time.Duration(t.Downtime))
	periods, err := r.Periods()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range periods {
		fmt.Printf("%s: %.5f\n", p.Label, p.Availability)
	}
	// Output:
	// US accounts, then the API: 59m0s down
	//   API: 39m0s
	//   Automations: 39m0s
	//   Integrations: 39m0s
	//   US accounts: 20m0s
	// Billing down: 48m0s down
	//   Billing: 48m0s
	// total: 2 incidents, 1h47m0s
	// 2023-05: 0.99760
}

func ExampleOptions_services() {
	r := report.New(report.Options{Services: []string{"us accounts"}})
	incs, _ := incident.Parse("monday.yaml", []byte(monday))
	rec, _ := r.Add("monday.yaml", incs[0])
	fmt.Println(time.Duration(rec.Major), time.Duration(rec.Degraded))
	r2 := report.New(report.Options{Services: []string{"Nope"}})
	r2.Add("monday.yaml", incs[0])
	fmt.Println(r2.Unknown())
	// Output:
	// 20m0s 1h2m0s
	// no incident has a service "Nope"; the services are: API, Automations, Integrations, US accounts
}
