package render

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/util"
)

// The link policy, one for both outputs: a URL may become an href only when it is an http or
// https URL with a host, a mailto URL, or (where relative links are allowed) a URL without a
// scheme that does not name another host ("//evil.example", "/\evil.example"). The HTML
// sanitizer unlinks anything else; the Markdown output escapes the brackets of a field that
// holds anything else, so that a renderer downstream makes no link of it either.

// allowedURL reports whether u may become an href: http and https URLs with a host, mailto
// URLs, and (when relative is set) URLs without a scheme, such as "/other-post" or
// "#timeline", that are not protocol-relative.
// Browsers ignore tabs and newlines inside URLs and leading spaces and control characters,
// so "java\tscript:" is seen as the scheme it is; they read "\" as "/" in web URLs, so
// "/\evil.example" names a host.
func allowedURL(u string, relative bool) bool {
	// Markdown destinations may still hold character references ("java&#x09;script:").
	for i := 0; i < 3 && strings.ContainsRune(u, '&'); i++ {
		u = html.UnescapeString(u)
	}
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	if u == "" {
		return false
	}
	i := strings.IndexAny(u, ":/?#")
	if i < 0 || u[i] != ':' || !isScheme(u[:i]) {
		// No scheme: what comes before a colon is a scheme only when it is spelled as one
		// (RFC 3986 §3.1; browsers parse "%3E:x" as a relative path, as they do "x").
		return relative && u[0] != '\\' && !(u[0] == '/' && len(u) > 1 && isSlash(u[1]))
	}
	switch strings.ToLower(u[:i]) {
	case "http", "https":
		return hasHost(u[i+1:])
	case "mailto":
		return len(u) > i+1
	}
	return false
}

func isSlash(c byte) bool { return c == '/' || c == '\\' }

// hasHost reports whether rest, what follows "http:" or "https:", names a host: "https:" and
// "https:///x" do not, and browsers would resolve them against the page.
func hasHost(rest string) bool {
	rest = strings.TrimLeft(rest, `/\`)
	if i := strings.IndexAny(rest, `/\?#`); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = rest[i+1:]
	}
	if i := strings.LastIndexByte(rest, ':'); i >= 0 && !strings.Contains(rest[i:], "]") {
		rest = rest[:i] // the port
	}
	return rest != "" && rest != "[]"
}

// isScheme reports whether s is spelled as a URL scheme: a letter, then letters, digits,
// "+", "-" or ".".
func isScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		switch {
		case 'a' <= c && c <= 'z':
		case i > 0 && ('0' <= s[i] && s[i] <= '9' || s[i] == '+' || s[i] == '-' || s[i] == '.'):
		default:
			return false
		}
	}
	return s != ""
}

// linkHref is the href goldmark writes for a link or image destination dest as it appears in
// the source: backslash escapes removed, character references resolved, then percent-encoded
// where needed. The link policy is checked on it, so that "javascript\:x" and
// "/\/evil.example" are seen as what they become.
func linkHref(dest []byte) string {
	return string(util.URLEscape(dest, true))
}

// allowedDest reports whether the Markdown destination dest (as written in the source) may
// become an href.
func allowedDest(dest []byte) bool { return allowedURL(linkHref(dest), true) }

// mayHoldScheme reports whether src may hold a link (inline, "](dest", or a reference
// definition, "]: dest") whose destination allowedDest refuses: a scheme other than http,
// https and mailto, a web URL without a host, a protocol-relative path, or a destination
// written with character references or backslash escapes that could hide one. It is a cheap
// test, one pass over src: a false positive only costs a parse.
func mayHoldScheme(src string) bool {
	for i := 0; i+1 < len(src); {
		next := strings.IndexByte(src[i:], ']')
		if next < 0 || i+next+1 >= len(src) {
			return false
		}
		i += next + 1
		if src[i] != '(' && src[i] != ':' {
			continue
		}
		j := i + 1
		for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r' || src[j] == '<') {
			j++
		}
		// Only the destination's scheme-like start matters: it ends at the first byte that
		// cannot be part of a scheme, and the scan goes on from there.
		k := j
		for k < len(src) && isSchemeByte(src[k]) {
			k++
		}
		if k == len(src) {
			return false
		}
		switch src[k] {
		case '&', '\\', '%', '\t', '\r':
			return true
		case ')', '>':
			if k == j {
				return true // an empty destination, which allowedURL refuses
			}
		case '/':
			if k == j && k+1 < len(src) && (isSlash(src[k+1]) || src[k+1] == '&' || src[k+1] == '%') {
				return true // protocol-relative, or may be
			}
		case ':':
			if k == j {
				break
			}
			switch strings.ToLower(src[j:k]) {
			case "http", "https":
				if !strings.HasPrefix(src[k+1:], "//") || k+3 >= len(src) || !isASCIIAlnum(src[k+3]) {
					return true
				}
			case "mailto":
				if k+1 >= len(src) || !isASCIIAlnum(src[k+1]) {
					return true
				}
			default:
				return true
			}
		}
		i = k
	}
	return false
}

// isSchemeByte reports whether c may be part of a URL scheme.
func isSchemeByte(c byte) bool {
	return isASCIIAlnum(c) || c == '+' || c == '-' || c == '.'
}
