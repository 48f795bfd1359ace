package schema_test

import (
	"encoding/json"
	"fmt"

	"github.com/go-postmortem/postmortem/schema"
)

// The schema is a plain JSON document: decode it to read what it allows.
func Example() {
	var s struct {
		Schema string `json:"$schema"`
		Defs   map[string]struct {
			Enum []string `json:"enum"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(schema.JSON(), &s); err != nil {
		panic(err)
	}
	fmt.Println(s.Schema)
	fmt.Println(s.Defs["state"].Enum)
	// Output:
	// https://json-schema.org/draft/2020-12/schema
	// [operational degraded_performance partial_outage major_outage under_maintenance ok degraded partial major maintenance]
}
