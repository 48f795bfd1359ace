package statuspage

import "github.com/go-postmortem/postmortem/incident"

// System is the source system of every incident Decode reads (incident.Source.System).
const System = "statuspage"

// setSource says where inc came from: the page and incident ids, and the incident's page on
// the status page (else its shortlink).
func (r *reading) setSource(inc *incident.Incident) {
	url := r.pageURL()
	if url == "" && web(r.p.Shortlink) {
		url = r.p.Shortlink
	}
	inc.Source = &incident.Source{System: System, ID: r.p.ID, Page: r.pageID(), URL: url}
}
