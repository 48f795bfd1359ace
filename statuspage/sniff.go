package statuspage

import (
	"bytes"
	"encoding/json"
)

// Sniff reports whether data, the whole or the start of an input, looks like Statuspage JSON
// rather than an incident file (which may be written as JSON too): a JSON object whose first
// telling key is Statuspage's (page, incident, incidents, scheduled_maintenances,
// incident_updates, shortlink, ...), or an array whose first element is such an object.
// Keys that both have (id, status, impact) tell nothing; an incident file's own keys
// (title, timeline, ...) say no.
func Sniff(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(data) == 0 || (data[0] != '{' && data[0] != '[') {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return false
	}
	if tok == json.Delim('[') {
		if tok, err = dec.Token(); err != nil || tok != json.Delim('{') {
			return false
		}
	}
	for depth := 0; depth < 1000; depth++ {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		key, ok := tok.(string)
		if !ok {
			return false
		}
		switch key {
		case "id", "status", "impact":
		case "page", "incident", "incidents", "scheduled_maintenances", "incident_updates", "shortlink",
			"page_id", "name", "created_at", "started_at", "resolved_at", "updated_at", "monitoring_at",
			"scheduled_for", "scheduled_until", "components":
			return true
		default:
			return false
		}
		if err := skipValue(dec); err != nil {
			return false
		}
	}
	return false
}

// skipValue reads past one value of dec.
func skipValue(dec *json.Decoder) error {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}
