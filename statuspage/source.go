package statuspage

import "github.com/go-postmortem/postmortem/incident"

// setSource says where inc came from.
func (r *reading) setSource(inc *incident.Incident) {}
