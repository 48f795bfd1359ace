package statuspage

import (
	"fmt"
	"net/url"
	"strings"
)

// APIURLs returns the JSON documents to fetch for s: s itself when it names a .json document
// (any /api/v2/...json), else, for a status page's address (https://status.example.com),
// its incidents.json and scheduled-maintenances.json. Errors: an address that is not http or
// https.
func APIURLs(s string) ([]string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("statuspage: %q is not an http or https address", s)
	}
	if strings.HasSuffix(u.Path, ".json") {
		return []string{u.String()}, nil
	}
	u.RawQuery, u.Fragment = "", ""
	base := strings.TrimRight(u.String(), "/")
	return []string{base + "/api/v2/incidents.json", base + "/api/v2/scheduled-maintenances.json"}, nil
}

// IsURL reports whether an argument names a page on the web rather than a file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}
