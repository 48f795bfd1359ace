package render

import "io"

// indenter is an io.Writer that takes compact JSON, in pieces of any size, and writes it
// indented as json.Indent(dst, src, "", "  ") would indent the whole: a new line and two
// spaces per level after { [ and , (an empty object or array stays {} or []), ": " after a
// key. White space outside strings is dropped, so the new line json.Encoder ends each value
// with does not reach the output. It keeps no more than one byte of state per level, so a
// document of any size streams through it.
type indenter struct {
	w          io.Writer
	buf        []byte // output not yet written to w
	depth      int
	inString   bool
	escaped    bool // the previous byte of the string was a backslash
	needIndent bool // an { or [ was written: indent unless it closes at once
	err        error
}

// indentFlush is how much output the indenter collects before writing it to w.
const indentFlush = 32 << 10

func newIndenter(w io.Writer) *indenter {
	return &indenter{w: w, buf: make([]byte, 0, indentFlush+512)}
}

func (d *indenter) newline() {
	d.buf = append(d.buf, '\n')
	for range d.depth {
		d.buf = append(d.buf, ' ', ' ')
	}
}

// Write indents p. It returns w's first error, and that error again for every later Write.
func (d *indenter) Write(p []byte) (int, error) {
	if d.err != nil {
		return 0, d.err
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if d.inString {
			// Copy the run of string bytes up to the next quote or backslash at once.
			j := i
			for j < len(p) && !d.escaped && p[j] != '"' && p[j] != '\\' {
				j++
			}
			d.buf = append(d.buf, p[i:j]...)
			if j == len(p) {
				break
			}
			i, c = j, p[j]
			d.buf = append(d.buf, c)
			switch {
			case d.escaped:
				d.escaped = false
			case c == '\\':
				d.escaped = true
			default: // the closing quote
				d.inString = false
			}
			continue
		}
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		}
		if d.needIndent && c != '}' && c != ']' {
			d.needIndent = false
			d.depth++
			d.newline()
		}
		switch c {
		case '"':
			d.inString = true
			d.buf = append(d.buf, c)
		case '{', '[':
			d.needIndent = true
			d.buf = append(d.buf, c)
		case ',':
			d.buf = append(d.buf, c)
			d.newline()
		case ':':
			d.buf = append(d.buf, c, ' ')
		case '}', ']':
			if d.needIndent {
				d.needIndent = false
			} else {
				d.depth--
				d.newline()
			}
			d.buf = append(d.buf, c)
		default:
			d.buf = append(d.buf, c)
		}
		if len(d.buf) >= indentFlush {
			if err := d.flush(); err != nil {
				return 0, err
			}
		}
	}
	if len(d.buf) >= indentFlush {
		if err := d.flush(); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// WriteString writes s as Write does.
func (d *indenter) WriteString(s string) (int, error) { return d.Write([]byte(s)) }

// flush writes what the indenter holds to w.
func (d *indenter) flush() error {
	if d.err != nil {
		return d.err
	}
	if len(d.buf) > 0 {
		_, d.err = d.w.Write(d.buf)
		d.buf = d.buf[:0]
	}
	return d.err
}
