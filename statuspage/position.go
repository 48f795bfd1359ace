package statuspage

import (
	"bytes"
	"io"

	"github.com/go-postmortem/postmortem/incident"
)

// positions is the reader under the JSON decoder: it counts the bytes read, refusing more
// than max, and turns an offset of the decoder into a line and column. It keeps only the
// bytes between the last offset asked for and what the decoder has read ahead, so that
// memory stays flat in the size of the input: offsets are asked for in increasing order,
// at least once an incident.
type positions struct {
	r    io.Reader
	max  int64
	read int64 // bytes read from r

	buf       []byte // buf[start:] are the bytes from base to read
	start     int
	base      int64 // offset of buf[start]
	line, col int   // of base, 1-based
	tooLarge  bool  // reports whether r held more than max bytes
}

func newPositions(r io.Reader, max int64) *positions {
	return &positions{r: r, max: max, line: 1, col: 1}
}

func (p *positions) Read(b []byte) (int, error) {
	if p.read >= p.max {
		// One byte more tells a file of exactly max bytes from a larger one.
		var one [1]byte
		n, err := io.ReadFull(p.r, one[:])
		if n > 0 {
			p.tooLarge = true
			return 0, incident.ErrTooLarge // ends the decoder's reading: Decoder.wrap says how large
		}
		if err == io.ErrUnexpectedEOF {
			err = io.EOF
		}
		return 0, err
	}
	if rest := p.max - p.read; int64(len(b)) > rest {
		b = b[:rest]
	}
	// b is filled whole (but at the end): encoding/json's Decoder scans again, after every
	// read, the white space it has not consumed, and it grows its buffer only when full, so a
	// pipe's 64 KB reads made a long run of white space quadratic (13 s for 50 MiB of it).
	n, err := io.ReadFull(p.r, b)
	if err == io.ErrUnexpectedEOF {
		err = nil // the end, which the next read reports
	}
	p.read += int64(n)
	if p.start > 0 && p.start >= len(p.buf)/2 {
		p.buf = p.buf[:copy(p.buf, p.buf[p.start:])]
		p.start = 0
	}
	p.buf = append(p.buf, b[:n]...)
	return n, err
}

// at returns the line and column of offset off, after the separators that follow it
// (white space, ':' and ','), which is where the decoder's next value starts. Offsets before
// the last one asked for answer with that one's place.
func (p *positions) at(off int64) (line, col int) {
	if off > p.base {
		p.advance(min(int(off-p.base), len(p.buf)-p.start))
	}
	i := p.start
	for i < len(p.buf) && bytes.IndexByte([]byte(" \t\r\n:,"), p.buf[i]) >= 0 {
		i++
	}
	p.advance(i - p.start)
	return p.line, p.col
}

// advance moves base n bytes on, counting lines.
func (p *positions) advance(n int) {
	for _, c := range p.buf[p.start : p.start+n] {
		if c == '\n' {
			p.line++
			p.col = 1
		} else if c&0xC0 != 0x80 { // columns count characters, not continuation bytes
			p.col++
		}
	}
	p.base += int64(n)
	p.start += n
}
