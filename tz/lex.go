package tz

import (
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tEOF tokKind = iota
	tNum
	tWord
	tPunct
)

// A token holds no pointers, so that copying it is cheap; its text is
// p.s[pos:end] (see tx).
type token struct {
	kind     tokKind
	space    bool // whitespace before the token
	r        rune // tPunct: the character ('-' for every dash)
	pos, end int  // byte offsets in the input
	val      int  // tNum: the value, -1 when too long
}

// tx returns the text of t.
func (p *parser) tx(t token) string { return p.s[t.pos:t.end] }

func (p *parser) lex() error {
	s := p.s
	space := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return p.errf(i, ErrSyntax, "invalid UTF-8 byte %#x", s[i])
		case unicode.IsSpace(r):
			space = true
			i += n
			continue
		case '0' <= r && r <= '9':
			j := i
			v := 0
			for j < len(s) && '0' <= s[j] && s[j] <= '9' {
				if v >= 0 {
					v = v*10 + int(s[j]-'0')
					if v > 1e8 {
						v = -1
					}
				}
				j++
			}
			p.toks = append(p.toks, token{kind: tNum, space: space, pos: i, end: j, val: v})
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r) && r != '_' {
					break
				}
				j += n
			}
			// An IANA name: letters, then "/" and more of a name ("America/New_York", "Etc/GMT+5").
			if j < len(s) && s[j] == '/' && j+1 < len(s) && isASCIILetter(s[j+1]) {
				for j < len(s) && isZoneNameByte(s[j]) {
					j++
				}
			}
			p.toks = append(p.toks, token{kind: tWord, space: space, pos: i, end: j})
			i = j
		default:
			c := r
			switch r {
			case ':', ',', '(', ')', '~', '+', '.', '/', '-', ';':
			case '–', '—', '−', '‒', '―': // dashes and the minus sign
				c = '-'
			case '≈':
				c = '~'
			default:
				return p.errf(i, ErrSyntax, "unexpected %q in a time expression", r)
			}
			p.toks = append(p.toks, token{kind: tPunct, space: space, r: c, pos: i, end: i + n})
			i += n
		}
		space = false
	}
	p.toks = append(p.toks, token{kind: tEOF, space: true, pos: len(s), end: len(s)})
	return nil
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isZoneNameByte(c byte) bool {
	return isASCIILetter(c) || '0' <= c && c <= '9' || c == '/' || c == '_' || c == '-' || c == '+'
}
