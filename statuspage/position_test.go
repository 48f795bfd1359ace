package statuspage

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chunks is a reader that returns at most n bytes a call, as a pipe or a gzip body does.
type chunks struct {
	r io.Reader
	n int
}

func (c *chunks) Read(b []byte) (int, error) { return c.r.Read(b[:min(len(b), c.n)]) }

// TestPositionsFillTheDecoder checks that positions hands the JSON decoder as much as it asks
// for, whatever the reader under it returns a call: the decoder scans again, after each read,
// the white space it has not consumed, and grows its buffer only when it is full, so a pipe's
// few KB a read made a long run of white space quadratic (13 s for 50 MiB of it from a pipe;
// 0.5 s now, as from a file).
func TestPositionsFillTheDecoder(t *testing.T) {
	p := newPositions(&chunks{r: strings.NewReader(strings.Repeat(" ", 1<<20+100)), n: 4 << 10}, DefaultMaxBytes)
	b := make([]byte, 1<<20)
	n, err := p.Read(b)
	require.NoError(t, err)
	assert.Equal(t, len(b), n, "one read fills the buffer")
	n, err = p.Read(b)
	assert.Equal(t, 100, n, "then the rest")
	assert.NoError(t, err)
	n, err = p.Read(b)
	assert.Zero(t, n)
	assert.Equal(t, io.EOF, err)

	// And through Decode: 8 MiB of white space read 4 KB at a time is read whole.
	src := `{"page": {"id": "p"}, "incidents": [` + strings.Repeat(" ", 8<<20) + `]}`
	_, _, err = Decode("ws.json", &chunks{r: strings.NewReader(src), n: 4 << 10})
	assert.ErrorContains(t, err, "no incident")
}
