package slack

import (
	"strings"
)

// message is one element of a day file: the fields of a Slack message this package reads.
// Never edited.ts: an edit does not move a message.
type message struct {
	Type        string       `json:"type"`
	Subtype     string       `json:"subtype"`
	TS          string       `json:"ts"`
	ThreadTS    string       `json:"thread_ts"`
	User        string       `json:"user"`
	Username    string       `json:"username"`
	Text        string       `json:"text"`
	UserProfile *profile     `json:"user_profile"`
	BotProfile  *botProfile  `json:"bot_profile"`
	Attachments []attachment `json:"attachments"`
	Files       []file       `json:"files"`
	Message     *message     `json:"message"`    // message_changed: the message as edited
	DeletedTS   string       `json:"deleted_ts"` // message_deleted: the ts of the message deleted
}

type profile struct {
	DisplayName string `json:"display_name"`
	RealName    string `json:"real_name"`
	Name        string `json:"name"`
}

type botProfile struct {
	Name string `json:"name"`
}

type attachment struct {
	Fallback string `json:"fallback"`
	Text     string `json:"text"`
}

type file struct {
	Name      string `json:"name"`
	Title     string `json:"title"`
	Permalink string `json:"permalink"`
}

// user is an entry of users.json.
type user struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	RealName string  `json:"real_name"`
	Profile  profile `json:"profile"`
}

// shown is the name a user is shown by: display name, else real name, else handle.
func (u user) shown() string {
	for _, s := range []string{u.Profile.DisplayName, u.Profile.RealName, u.RealName, u.Name} {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// channel is an entry of channels.json (or groups.json).
type channel struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Topic   value  `json:"topic"`
	Purpose value  `json:"purpose"`
}

type value struct {
	Value string `json:"value"`
}

// What a subtype makes of a message.
type treatment int

const (
	asEvent  treatment = iota // an event of the timeline
	skipped                   // channel housekeeping: no event
	edited                    // message_changed: the new text of an earlier message
	deletion                  // message_deleted: an earlier message is gone
)

// subtypes are the message subtypes this package knows. Others are events, with a warning.
var subtypes = map[string]treatment{
	"":                 asEvent,
	"thread_broadcast": asEvent,
	"bot_message":      asEvent,
	"file_share":       asEvent,
	"me_message":       asEvent,
	"file_comment":     asEvent,
	"reply_broadcast":  asEvent,
	"channel_join":     skipped, "channel_leave": skipped, "group_join": skipped, "group_leave": skipped,
	"channel_topic": skipped, "channel_purpose": skipped, "channel_name": skipped,
	"group_topic": skipped, "group_purpose": skipped, "group_name": skipped,
	"channel_archive": skipped, "channel_unarchive": skipped, "group_archive": skipped, "group_unarchive": skipped,
	"bot_add": skipped, "bot_remove": skipped, "bot_enable": skipped, "bot_disable": skipped,
	"pinned_item": skipped, "unpinned_item": skipped, "tombstone": skipped,
	"reminder_add": skipped, "channel_convert_to_private": skipped, "channel_convert_to_public": skipped,
	"message_changed": edited,
	"message_deleted": deletion,
}

// author is the name a message is shown under.
func (d *directory) author(m *message) string {
	if m.Subtype == "bot_message" || m.User == "" {
		for _, s := range []string{m.Username, botName(m.BotProfile)} {
			if s = strings.TrimSpace(s); s != "" {
				return s
			}
		}
	}
	if name := d.users[m.User]; name != "" {
		return name
	}
	if p := m.UserProfile; p != nil {
		if name := (user{Profile: *p}).shown(); name != "" {
			return name
		}
	}
	if m.User != "" {
		return m.User
	}
	return "bot"
}

func botName(p *botProfile) string {
	if p == nil {
		return ""
	}
	return p.Name
}

// body is a message's text as Markdown: its text, else its first attachment's fallback,
// with the files it shares; "" when it has none of these.
func (d *directory) body(m *message) string {
	text := strings.TrimSpace(d.text(m.Text))
	if text == "" && len(m.Attachments) > 0 {
		a := m.Attachments[0]
		text = strings.TrimSpace(d.text(a.Fallback))
		if text == "" {
			text = strings.TrimSpace(d.text(a.Text))
		}
	}
	var files []string
	for _, f := range m.Files {
		name := strings.TrimSpace(f.Title)
		if name == "" {
			name = strings.TrimSpace(f.Name)
		}
		if name == "" {
			continue
		}
		if f.Permalink != "" && (strings.HasPrefix(f.Permalink, "https://") || strings.HasPrefix(f.Permalink, "http://")) {
			name = "[" + strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`).Replace(name) + "](" + f.Permalink + ")"
		}
		files = append(files, name)
	}
	if len(files) > 0 {
		shared := "shared " + strings.Join(files, ", ")
		if text == "" {
			text = shared
		} else {
			text += " (" + shared + ")"
		}
	}
	return text
}
