package render

import (
	"html"
	"html/template"
	"strings"
)

// The limits on what a Markdown field may hand goldmark. Its parser takes time quadratic in
// the depth of containers opened on one line ("> > > …", "- - - …") and in the number of
// emphasis and link delimiters of one paragraph ("*a_ *a_ …", "[a](b [a](b …"); below these
// limits every input costs time linear in its size (BENCHMARKS.md, "render: hostile Markdown").
// A field past them is shown as the plain text it is, so nothing written is lost.
const (
	// maxNesting is the deepest block quotes and lists may nest on one line.
	maxNesting = 32
	// maxDelimiters is the most emphasis and link delimiters ("*", "_", "~", "[", "]",
	// "<") one paragraph, heading or table row may hold; fenced code does not count.
	maxDelimiters = 5000
	// maxMarkdown is the longest field goldmark parses: its syntax tree takes some 100
	// bytes per byte of text, and a file may be 8 MiB.
	maxMarkdown = 512 << 10
)

// overLimits reports whether the Markdown field src is longer than maxMarkdown, nests deeper
// than maxNesting or has a paragraph with more than maxDelimiters delimiters. It reads src
// once.
func overLimits(src string) bool {
	if len(src) > maxMarkdown {
		return true
	}
	delims := 0
	fence := "" // the open code fence, "" outside one
	for len(src) > 0 {
		line := src
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = ""
		}
		body := strings.TrimLeft(line, " \t")
		if fence != "" {
			if strings.HasPrefix(body, fence) && strings.Trim(body, fence[:1]+" \t") == "" {
				fence = ""
			}
			continue
		}
		if f := fenceOf(body); f != "" {
			fence, delims = f, 0
			continue
		}
		depth, lists := nesting(line)
		if depth > maxNesting {
			return true
		}
		if body == "" || lists > 0 || body[0] == '#' || body[0] == '|' {
			delims = 0 // a new paragraph, list item, heading or table row
		}
		for i := 0; i < len(line); i++ {
			switch line[i] {
			case '*', '_', '~', '[', ']', '<':
				delims++
			}
		}
		if delims > maxDelimiters {
			return true
		}
	}
	return false
}

// fenceOf returns the backticks or tildes that open a code fence on line (without its
// indentation), or "".
func fenceOf(body string) string {
	if len(body) < 3 || (body[0] != '`' && body[0] != '~') {
		return ""
	}
	n := 0
	for n < len(body) && body[n] == body[0] {
		n++
	}
	if n < 3 || (body[0] == '`' && strings.Contains(body[n:], "`")) {
		return ""
	}
	return body[:n]
}

// nesting counts the block quote markers and list markers that open line: "> - > 1. x" has
// depth 4, of which 2 are lists.
func nesting(line string) (depth, lists int) {
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '>':
			depth++
			i++
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
			lists++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ' || line[j+1] == '\t') {
				depth++
				lists++
				i = j + 1
				continue
			}
			return depth, lists
		default:
			return depth, lists
		}
	}
	return depth, lists
}

// plainText is the Text of a field past the limits: its lines as plain text, every
// character of Markdown syntax escaped in the Markdown and the HTML a paragraph of text.
func plainText(s string, withHTML bool) Text {
	var md strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			md.WriteByte('\n')
		}
		line = strings.TrimLeft(line, " \t") // indentation would make code
		for j := 0; j < len(line); j++ {
			if c := line[j]; c < 0x80 && isASCIIPunct(c) {
				md.WriteByte('\\')
			}
			md.WriteByte(line[j])
		}
	}
	t := Text{Markdown: md.String()}
	if withHTML {
		t.HTML = template.HTML("<p>" + html.EscapeString(s) + "</p>")
	}
	return t
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
