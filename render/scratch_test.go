package render

import (
	"os"
	"testing"
)

func TestScratch(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	p := &Printer{FrontMatter: true}
	if err := p.Markdown(os.Stdout, harvestGo(t)); err != nil {
		t.Fatal(err)
	}
	if err := p.Markdown(os.Stdout, undatedGo(t), harvestGo(t)); err != nil {
		t.Fatal(err)
	}
	if err := p.HTML(os.Stdout, harvestGo(t)); err != nil {
		t.Fatal(err)
	}
	if err := p.Calendar(os.Stdout, maintenanceGo(t)); err != nil {
		t.Fatal(err)
	}
}
