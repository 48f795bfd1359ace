package statuspage

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/go-postmortem/postmortem/incident"
	"gopkg.in/yaml.v3"
)

// owned are the keys of an incident file that an import writes, and writes again on each
// import: what the status page says. Every other key (summary, impact, root causes, lessons,
// action items, ignore, ...) is a person's, kept as it is, with its comments. Links are
// both: the import adds its link when the file lacks it and keeps the others.
var owned = []string{"postmortem", "id", "title", "slug", "kind", "date", "timezone", "services",
	"severity", "status", "timeline", "outages", "scheduled", "source"}

// Update returns the incident file old brought up to date with inc, an incident read from
// the same source: the keys an import writes are replaced by inc's, a person's additions and
// comments are kept, and changed is false — with old itself returned — when nothing an import
// writes differs, so that importing the same JSON again leaves the file byte for byte.
// Errors: a file that is not one YAML mapping (incident.ErrSyntax), and the errors of
// incident.Marshal.
func Update(old []byte, inc *incident.Incident) (out []byte, changed bool, err error) {
	data, err := incident.Marshal(inc)
	if err != nil {
		return nil, false, err
	}
	var newDoc, oldDoc yaml.Node
	if err := yaml.Unmarshal(data, &newDoc); err != nil {
		return nil, false, err
	}
	if err := yaml.Unmarshal(old, &oldDoc); err != nil || !isMapping(&oldDoc) {
		return nil, false, fmt.Errorf("%w: the file to update is not an incident file", incident.ErrSyntax)
	}
	if !isMapping(&newDoc) {
		return nil, false, errors.New("statuspage: marshalled incident is not a mapping")
	}
	om, nm := oldDoc.Content[0], newDoc.Content[0]
	for _, key := range owned {
		nv := value(nm, key)
		ov := value(om, key)
		switch {
		case nv == nil && ov != nil:
			remove(om, key)
			changed = true
		case nv != nil && ov == nil:
			insert(om, nm, key, nv)
			changed = true
		case nv != nil && !same(ov, nv):
			set(om, key, nv)
			changed = true
		}
	}
	if nl := value(nm, "links"); nl != nil {
		ol := value(om, "links")
		if ol == nil {
			insert(om, nm, "links", nl)
			changed = true
		} else if ol.Kind == yaml.SequenceNode {
			for _, l := range nl.Content {
				if !slices.ContainsFunc(ol.Content, func(o *yaml.Node) bool { return same(value(o, "url"), value(l, "url")) }) {
					ol.Content = append(ol.Content, l)
					changed = true
				}
			}
		}
	}
	if !changed {
		return old, false, nil
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&oldDoc); err != nil {
		return nil, false, err
	}
	if err := enc.Close(); err != nil {
		return nil, false, err
	}
	return buf.Bytes(), true, nil
}

func isMapping(doc *yaml.Node) bool {
	return doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode
}

// value returns the value of key in mapping m, or nil.
func value(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func set(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
}

func remove(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = slices.Delete(m.Content, i, i+2)
			return
		}
	}
}

// insert adds key to m after the last key that precedes it in the marshalled mapping n,
// so that a new key takes its usual place.
func insert(m, n *yaml.Node, key string, v *yaml.Node) {
	at := 0
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i].Value
		if k == key {
			break
		}
		for j := 0; j+1 < len(m.Content); j += 2 {
			if m.Content[j].Value == k {
				at = j + 2
			}
		}
	}
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
	m.Content = slices.Insert(m.Content, at, k, v)
}

// same reports whether two nodes hold the same values, whatever their comments, styles and
// positions.
func same(a, b *yaml.Node) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind == yaml.AliasNode || b.Kind == yaml.AliasNode {
		return false
	}
	if a.Kind != b.Kind || len(a.Content) != len(b.Content) {
		return false
	}
	if a.Kind == yaml.ScalarNode {
		return a.Value == b.Value && a.ShortTag() == b.ShortTag()
	}
	for i := range a.Content {
		if !same(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}
