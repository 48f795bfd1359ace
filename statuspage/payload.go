package statuspage

// The parts of Statuspage's JSON that the reading uses. Every other key is ignored.
// Timestamps are kept as written (RFC 3339) and parsed by the reading, which names the
// incident whose timestamp is bad.

// page is the "page" object: the status page the incidents belong to.
type page struct {
	ID       string
	Name     string
	URL      string
	TimeZone string // IANA name, "Etc/UTC" on many pages
}

// payload is one incident or scheduled maintenance.
type payload struct {
	ID             string
	Name           string
	Status         string // investigating … resolved, postmortem; scheduled … completed
	Impact         string // none, minor, major, critical, maintenance
	Shortlink      string
	PageID         string
	CreatedAt      stamp
	StartedAt      stamp
	ResolvedAt     stamp
	ScheduledFor   stamp
	ScheduledUntil stamp
	Updates        []update // newest first, as the API lists them
	Components     []component

	path      string     // "incidents[3]"; "" for the whole document
	line, col int        // where its object starts
	err       *typeError // the first value of the wrong type in it
}

// update is one of incident_updates.
type update struct {
	ID        string
	Status    string
	Body      string // HTML
	CreatedAt stamp
	DisplayAt stamp
	Affected  []affected
}

// affected is one of an update's affected_components.
type affected struct {
	Code      string // the component's id; "" for a placeholder
	Name      string
	OldStatus string
	NewStatus string
}

// component is one of an incident's components.
type component struct {
	ID   string
	Name string
}

// stamp is a timestamp as written, with where it was written and under which key.
type stamp struct {
	Text      string // "" when null or absent
	Path      string
	Line, Col int
}
