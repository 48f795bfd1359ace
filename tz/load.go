package tz

import (
	"slices"
	"strings"
	"sync"
	"time"
)

// cache holds every location loaded through Load, keyed by the name asked for,
// and fixed zones keyed by their offset. It is the package's only mutable state.
var cache struct {
	locs  sync.Map // string -> loadResult
	fixed sync.Map // int (seconds east) -> *time.Location
}

type loadResult struct {
	loc *time.Location
	err error
}

// Load is time.LoadLocation with a cache: each name is read once.
// "" and "UTC" are time.UTC. The name must be spelled as in the tz database;
// Resolve accepts what people write. Load is safe for concurrent use.
// Errors are *Error matching ErrUnknownZone.
func Load(name string) (*time.Location, error) {
	if v, ok := cache.locs.Load(name); ok {
		r := v.(loadResult)
		return r.loc, r.err
	}
	var r loadResult
	switch {
	case name == "" || name == "UTC":
		r.loc = time.UTC
	case !validZoneName(name):
		r.err = &Error{Input: name, Err: ErrUnknownZone, Msg: "unknown zone: not a tz database name"}
	default:
		loc, err := time.LoadLocation(name)
		if err != nil {
			r.err = &Error{Input: name, Err: ErrUnknownZone, Msg: "unknown zone: " + strings.TrimPrefix(err.Error(), "unknown time zone ")}
			if strings.HasPrefix(err.Error(), "unknown time zone") {
				r.err.(*Error).Msg = "unknown zone: the tz database has no such name"
			}
		} else {
			r.loc = loc
		}
	}
	// Keep the cache from growing without bound on arbitrary unknown names:
	// only names from the tz database's own tables are remembered on failure.
	if r.err == nil || isTableName(name) {
		v, _ := cache.locs.LoadOrStore(name, r)
		r = v.(loadResult)
	}
	return r.loc, r.err
}

// validZoneName reports whether name could be a file name inside a zoneinfo
// directory: no "..", no leading "/", only the characters the tz database uses.
func validZoneName(name string) bool {
	if len(name) > 64 || strings.HasPrefix(name, "/") || strings.Contains(name, "..") || strings.Contains(name, "//") {
		return false
	}
	if name == "Local" {
		return false // the host's zone is not something a document can name
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '/', c == '_', c == '-', c == '+':
		default:
			return false
		}
	}
	return true
}

// Fixed returns a zone that is always offset seconds east of UTC, named as the
// tz database names such zones ("+0530", "-04"); offset 0 is time.UTC.
// The same offset returns the same *time.Location. Fixed is safe for concurrent use.
func Fixed(offset int) *time.Location {
	if offset == 0 {
		return time.UTC
	}
	if v, ok := cache.fixed.Load(offset); ok {
		return v.(*time.Location)
	}
	v, _ := cache.fixed.LoadOrStore(offset, time.FixedZone(FormatOffset(offset, false), offset))
	return v.(*time.Location)
}

// FormatOffset formats seconds east of UTC. With colon it writes "+05:30",
// "-04:00" and "+00:00"; without, the tz database's style: "+0530", "-04".
// Seconds, if any, are appended (":21" or "21").
func FormatOffset(offset int, colon bool) string {
	sign := byte('+')
	if offset < 0 {
		sign = '-'
		offset = -offset
	}
	h, m, s := offset/3600, offset/60%60, offset%60
	var b []byte
	b = append(b, sign)
	b = append(b, byte('0'+h/10%10), byte('0'+h%10))
	if colon {
		b = append(b, ':', byte('0'+m/10), byte('0'+m%10))
		if s != 0 {
			b = append(b, ':', byte('0'+s/10), byte('0'+s%10))
		}
		return string(b)
	}
	if m != 0 || s != 0 {
		b = append(b, byte('0'+m/10), byte('0'+m%10))
	}
	if s != 0 {
		b = append(b, byte('0'+s/10), byte('0'+s%10))
	}
	return string(b)
}

// isTableName reports whether name is a zone or link of the tz database's tables.
func isTableName(name string) bool {
	_, ok := tableNames()[name]
	return ok
}

// Names returns the names of the tz database's zones and of their aliases ("Asia/Kolkata",
// "Asia/Calcutta"), sorted, as the package's tables list them; the host's database may lack
// some (Load says so). The slice is the caller's to modify. Names is safe for concurrent use.
func Names() []string {
	var out []string
	for _, table := range []string{zoneTable, linkTable} {
		for _, line := range strings.Split(table, "\n") {
			if f := strings.Fields(line); len(f) > 0 {
				out = append(out, f[0])
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

var tableNames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(zoneTable, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			m[f[0]] = true
		}
	}
	return m
})
