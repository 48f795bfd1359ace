package statuspage

import (
	"html"
	"regexp"
	"strings"
)

// markdown returns an update's body as Markdown. Statuspage bodies are text with a little
// HTML: <br> and <p> become line and paragraph breaks, <a href> a link, <ul>/<ol> with <li>
// a list, <strong>/<b> bold, <em>/<i> emphasis, <code> code; any other tag is dropped for
// its text, and entities are decoded. Text outside tags keeps its line breaks unless the body
// is laid out by block tags (<p>, <br>, lists, <div>), where white space collapses as a
// browser shows it. A '<' that starts no tag is escaped, so that Markdown shows it.
func markdown(body string) string {
	if !strings.ContainsAny(body, "<&") {
		return tidy(body) // most bodies are plain text
	}
	blocks := blockTag.MatchString(body)
	var b strings.Builder
	var lists []byte // 'u' or 'o' per open list
	var counts []int
	var href []string // the href of each open <a>
	text := func(s string) {
		s = html.UnescapeString(s)
		if blocks {
			s = space.ReplaceAllString(s, " ")
			if strings.HasSuffix(b.String(), "\n") || b.Len() == 0 {
				s = strings.TrimLeft(s, " ")
			}
		}
		s = escaper.Replace(s)
		b.WriteString(s)
	}
	newline := func(n int) {
		cur := b.String()
		have := len(cur) - len(strings.TrimRight(cur, "\n"))
		trimmed := strings.TrimRight(cur, " \n")
		if trimmed == "" {
			b.Reset()
			return
		}
		if have >= n && len(trimmed)+have == len(cur) {
			return
		}
		b.Reset()
		b.WriteString(trimmed)
		b.WriteString(strings.Repeat("\n", n))
	}
	for len(body) > 0 {
		i := strings.IndexByte(body, '<')
		if i < 0 {
			text(body)
			break
		}
		text(body[:i])
		body = body[i:]
		m := tagRE.FindStringSubmatch(body)
		if m == nil {
			b.WriteString(`\<`)
			body = body[1:]
			continue
		}
		body = body[len(m[0]):]
		closing, name, attrs := m[1] == "/", strings.ToLower(m[2]), m[3]
		switch name {
		case "br":
			newline(1)
		case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr":
			newline(2)
		case "ul", "ol":
			if closing {
				if len(lists) > 0 {
					lists, counts = lists[:len(lists)-1], counts[:len(counts)-1]
				}
				newline(2)
				continue
			}
			if len(lists) == 0 {
				newline(2)
			}
			lists, counts = append(lists, name[0]), append(counts, 0)
		case "li":
			if closing {
				continue
			}
			newline(1)
			depth := max(len(lists), 1)
			b.WriteString(strings.Repeat("  ", depth-1))
			if len(lists) > 0 && lists[len(lists)-1] == 'o' {
				counts[len(counts)-1]++
				b.WriteString(itoa(counts[len(counts)-1]) + ". ")
			} else {
				b.WriteString("- ")
			}
		case "strong", "b":
			b.WriteString("**")
		case "em", "i":
			b.WriteString("_")
		case "code":
			b.WriteString("`")
		case "a":
			if closing {
				if n := len(href); n > 0 {
					if href[n-1] != "" {
						b.WriteString("](" + href[n-1] + ")")
					}
					href = href[:n-1]
				}
				continue
			}
			h := ""
			if m := hrefRE.FindStringSubmatch(attrs); m != nil {
				h = strings.TrimSpace(html.UnescapeString(m[1] + m[2] + m[3]))
				h = strings.NewReplacer(" ", "%20", ")", "%29", "(", "%28").Replace(h)
			}
			if h != "" {
				b.WriteString("[")
			}
			href = append(href, h)
		}
	}
	return tidy(b.String())
}

var (
	tagRE    = regexp.MustCompile(`^<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s[^<>]*)?)/?>`)
	hrefRE   = regexp.MustCompile(`(?i)\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
	blockTag = regexp.MustCompile(`(?i)<(p|br|ul|ol|li|div)\b`)
	space    = regexp.MustCompile(`[ \t\r\n]+`)

	// escaper keeps a '<' of the text from being read as raw HTML, which the documents drop.
	escaper = strings.NewReplacer("<", `\<`)
)

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// tidy trims the text and its lines' trailing spaces, folds Windows line ends and runs of
// blank lines.
func tidy(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
