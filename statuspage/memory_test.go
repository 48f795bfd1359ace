package statuspage

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// listReader generates an incidents.json of n incidents as it is read, so that the test's
// own memory does not grow with n.
type listReader struct {
	n, i int
	buf  strings.Reader
	done bool
}

func (r *listReader) Read(p []byte) (int, error) {
	for r.buf.Len() == 0 {
		switch {
		case r.done:
			return 0, io.EOF
		case r.i == 0 && r.n >= 0:
			r.buf.Reset(`{"page": {"id": "p", "time_zone": "Etc/UTC"}, "incidents": [`)
		case r.i > r.n:
			r.buf.Reset("]}")
			r.done = true
		default:
			sep := ","
			if r.i == 1 {
				sep = ""
			}
			r.buf.Reset(sep + fmt.Sprintf(`{"id": "i%d", "name": "Incident %d", "status": "resolved", "impact": "minor",
"created_at": "2020-01-01T10:00:00Z", "resolved_at": "2020-01-01T11:00:00Z", "components": [{"id": "c1", "name": "Web"}],
"incident_updates": [{"id": "b", "status": "resolved", "body": "Fixed.", "created_at": "2020-01-01T11:00:00Z", "affected_components": [{"code": "c1", "name": "Web", "old_status": "major_outage", "new_status": "operational"}]},
{"id": "a", "status": "investigating", "body": "<p>Looking.</p>", "created_at": "2020-01-01T10:00:00Z", "affected_components": [{"code": "c1", "name": "Web", "old_status": "operational", "new_status": "major_outage"}]}]}`, r.i, r.i))
		}
		r.i++
	}
	return r.buf.Read(p)
}

// peakHeap decodes a generated list of n incidents, dropping each, and returns the largest
// live heap seen.
func peakHeap(t testing.TB, n int) uint64 {
	d := NewDecoder("gen.json", &listReader{n: n})
	var peak uint64
	var ms runtime.MemStats
	for i := 0; ; i++ {
		it, err := d.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		if i%500 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}
	return peak
}

// TestMemoryFlat checks that the memory Decoder holds does not grow with the length of the
// list: 40 times the incidents, within 1 MiB of the same live heap.
func TestMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes 20,000 incidents")
	}
	small := peakHeap(t, 500)
	large := peakHeap(t, 20000)
	t.Logf("peak live heap: %d KiB for 500 incidents, %d KiB for 20,000", small>>10, large>>10)
	if large > small+1<<20 {
		t.Errorf("peak live heap %d KiB for 20,000 incidents, %d KiB for 500: it grows with the list", large>>10, small>>10)
	}
}

// BenchmarkDecode decodes a list of 1,000 incidents.
func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		d := NewDecoder("gen.json", &listReader{n: 1000})
		for {
			if _, err := d.Next(); err != nil {
				break
			}
		}
	}
}
