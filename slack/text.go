package slack

import (
	"strings"
)

// directory holds the names an export gives to ids.
type directory struct {
	users    map[string]string // user id → the name shown: display name, else real name, else handle
	channels map[string]string // channel id → name
}

// unescape undoes the three escapes Slack writes in message text, in one pass, so that
// "&amp;lt;" is "&lt;".
var unescape = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// text rewrites a message's text from Slack's markup to plain Markdown: <@U…> is "@" and the
// user's name, <#C…|name> is "#name", <!here> is "@here", <url|label> is "[label](url)",
// <url> is the url; then &lt; &gt; and &amp; are undone.
func (d *directory) text(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i+1:], '>')
		if j < 0 {
			break
		}
		b.WriteString(unescape.Replace(s[:i]))
		b.WriteString(d.token(s[i+1 : i+1+j]))
		s = s[i+1+j+1:]
	}
	b.WriteString(unescape.Replace(s))
	return b.String()
}

// token rewrites the inside of one <…>.
func (d *directory) token(t string) string {
	body, label, hasLabel := strings.Cut(t, "|")
	label = unescape.Replace(label)
	switch {
	case strings.HasPrefix(body, "@"):
		if name := d.users[body[1:]]; name != "" {
			return "@" + name
		}
		if hasLabel && label != "" {
			return "@" + strings.TrimPrefix(label, "@")
		}
		return body
	case strings.HasPrefix(body, "#"):
		if hasLabel && label != "" {
			return "#" + label
		}
		if name := d.channels[body[1:]]; name != "" {
			return "#" + name
		}
		return body
	case strings.HasPrefix(body, "!"):
		cmd := body[1:]
		switch {
		case cmd == "here" || cmd == "channel" || cmd == "everyone":
			return "@" + cmd
		case hasLabel && label != "":
			// <!subteam^S123|@oncall>, <!date^1392734382^{date}|Feb 18>: the label is
			// what Slack shows.
			return label
		}
		cmd, _, _ = strings.Cut(cmd, "^")
		return "@" + cmd
	}
	url := unescape.Replace(body)
	if !hasLabel || label == "" || label == url {
		return url
	}
	label = strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`).Replace(label)
	if strings.ContainsAny(url, " ()<>") {
		url = "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(url) + ">"
	}
	return "[" + label + "](" + url + ")"
}
