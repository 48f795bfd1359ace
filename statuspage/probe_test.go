package statuspage

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	_ "time/tzdata"

	"github.com/go-postmortem/postmortem/incident"
)

func TestZZProbe(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/importer-samples/statuspage/*/*.json")
	for _, f := range files {
		fh, _ := os.Open(f)
		incs, warns, err := Decode(filepath.Base(f), fh)
		fh.Close()
		for _, w := range warns {
			fmt.Println("W", w)
		}
		if err != nil {
			fmt.Println("E", err)
		}
		for _, inc := range incs {
			b, err := incident.Marshal(inc)
			if err != nil {
				fmt.Println("MARSHAL", err)
				continue
			}
			back, err := incident.Parse("x.yaml", b)
			if err != nil {
				fmt.Println("PARSE", f, err)
				continue
			}
			e, _ := incident.Validate(back[0])
			if len(e) > 0 {
				fmt.Println("VALIDATE", f, e)
			}
		}
		if os.Getenv("SHOW") != "" && filepath.Base(f) == os.Getenv("SHOW") {
			for _, inc := range incs {
				b, _ := incident.Marshal(inc)
				fmt.Println(string(b))
			}
		}
	}
}
