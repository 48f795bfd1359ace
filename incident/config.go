package incident

import "io/fs"

// Config says how files are read and checked. The zero Config reads leniently with the
// default limits. A Config is safe for concurrent use as long as it is not modified.
type Config struct {
	// Strict reports whether an abbreviation's wrong daylight-saving half (PST in July) is an
	// error rather than a warning.
	Strict bool

	// MaxBytes is the largest file read; zero means DefaultMaxBytes.
	MaxBytes int64

	// MaxValues bounds the values (list items, keys and scalars) of a file, as counted before
	// decoding (see DefaultMaxValues); zero means DefaultMaxValues.
	MaxValues int

	// MaxDepth is the deepest nesting of lists and mappings accepted; zero means DefaultMaxDepth.
	MaxDepth int

	// MaxServices is the most distinct services an incident may name (in services, its events
	// and its outages); zero means DefaultMaxServices.
	MaxServices int
}

// Parse is (*Config).Parse with the zero Config.
func Parse(name string, data []byte) ([]*Incident, error) { var c Config; return c.Parse(name, data) }

// Load is (*Config).Load with the zero Config.
func Load(fsys fs.FS, name string) ([]*Incident, error) { var c Config; return c.Load(fsys, name) }
