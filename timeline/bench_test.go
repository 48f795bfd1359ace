package timeline

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// benchWindows returns n windows like those of many incidents over years: starts spread at
// random (about one every 10 minutes), lengths of 1 to 60 minutes, a random level and one or
// two of 20 services.
func benchWindows(n int) []Window {
	r := rand.New(rand.NewPCG(7, 11))
	levels := []Level{Degraded, Partial, Major, Maintenance}
	var names []string
	for i := range 20 {
		names = append(names, "service-"+string(rune('a'+i)))
	}
	base := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	span := int64(n) * int64(10*time.Minute)
	ws := make([]Window, n)
	for i := range ws {
		s := base.Add(time.Duration(r.Int64N(span)))
		ws[i] = Window{
			Start:    s,
			End:      s.Add(time.Duration(1+r.IntN(60)) * time.Minute),
			Level:    levels[r.IntN(len(levels))],
			Services: []string{names[r.IntN(len(names))]},
		}
		if r.IntN(4) == 0 {
			ws[i].Services = append(ws[i].Services, names[r.IntN(len(names))])
		}
	}
	return ws
}

// BenchmarkMerge compares Merge of 1,000,000 windows (impl=ours) with sorting the same windows
// by Start (impl=baseline), which any merge must at least do.
func BenchmarkMerge(b *testing.B) {
	ws := benchWindows(1_000_000)
	b.Run("impl=baseline", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s := slices.Clone(ws)
			slices.SortFunc(s, func(a, b Window) int { return a.Start.Compare(b.Start) })
		}
	})
	b.Run("impl=ours", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Merge(ws)
		}
	})
}

// BenchmarkMeasure measures the totals of the same windows, which skips the services.
func BenchmarkMeasure(b *testing.B) {
	ws := benchWindows(1_000_000)
	b.ReportAllocs()
	for b.Loop() {
		Measure(ws)
	}
}
