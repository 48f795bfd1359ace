package tz

import (
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/go-postmortem/postmortem/internal/edit"
)

// maxResolved bounds the number of spellings Resolve remembers.
const maxResolved = 4096

// resolveCache remembers what each spelling given to Resolve resolveCache to, so that
// resolving it again takes a read lock and a map lookup: no I/O, no allocation.
var resolveCache struct {
	mu sync.RWMutex
	m  map[string]*time.Location
}

func resolve(name string) (*time.Location, error) {
	resolveCache.mu.RLock()
	loc, ok := resolveCache.m[name]
	resolveCache.mu.RUnlock()
	if ok {
		return loc, nil
	}
	loc, err := resolveSlow(name)
	if err != nil {
		return nil, err
	}
	resolveCache.mu.Lock()
	if resolveCache.m == nil {
		resolveCache.m = make(map[string]*time.Location)
	}
	if len(resolveCache.m) < maxResolved {
		resolveCache.m[strings.Clone(name)] = loc
	}
	resolveCache.mu.Unlock()
	return loc, nil
}

const resolveHint = `write an IANA zone such as "America/New_York", a city such as "Chicago", or an offset such as "+05:30"`

func unknownZone(name, why string) error {
	return &Error{Input: name, Err: ErrUnknownZone, Msg: why + "; " + resolveHint}
}

func resolveSlow(name string) (*time.Location, error) {
	s := strings.TrimSpace(name)
	switch {
	case s == "":
		return nil, unknownZone(name, "empty zone")
	case len(s) > 100:
		return nil, unknownZone(name, "unknown zone: too long")
	case !utf8.ValidString(s):
		return nil, unknownZone(name, "unknown zone: not UTF-8")
	}
	for _, u := range [...]string{"UTC", "GMT", "Z", "UT", "Zulu", "Etc/UTC", "Etc/GMT", "Universal", "Coordinated Universal Time", "Greenwich Mean Time"} {
		if strings.EqualFold(s, u) {
			return time.UTC, nil
		}
	}
	if rest, ok := strings.CutPrefix(s, "("); ok && len(rest) > 3 && strings.EqualFold(rest[:3], "UTC") {
		// Windows' display names: "(UTC-05:00) Eastern Time (US & Canada)".
		if off, rest, ok := strings.Cut(rest, ")"); ok {
			if loc, err := resolveSlow(strings.TrimSpace(rest)); err == nil {
				return loc, nil
			}
			loc, err := resolveSlow(off)
			if e, ok := err.(*Error); ok {
				e.Input = name
			}
			return loc, err
		}
	}
	if off, isOff, msg := parseOffset(s); isOff {
		if msg != "" {
			return nil, unknownZone(name, msg)
		}
		return Fixed(off), nil
	}
	ix := zoneIndex()
	key := strings.ToLower(strings.ReplaceAll(s, " ", "_"))
	if strings.Contains(s, "/") {
		if n, ok := ix.iana[key]; ok {
			return Load(ix.canonical(n))
		}
		if validZoneName(s) { // a zone newer than the table, on the host
			if loc, err := Load(s); err == nil {
				return loc, nil
			}
		}
		return nil, unknownZone(name, "unknown zone: the tz database has no such name")
	}
	if zone, ok, err := resolveAbbrev(s); ok {
		if err != nil {
			return nil, err
		}
		return Load(zone)
	}
	if n, ok := ix.iana[key]; ok { // legacy names without a slash: "Japan", "EST5EDT"
		return Load(ix.canonical(n))
	}
	k := normName(s)
	if z, ok := generics[k]; ok {
		return Load(z)
	}
	if z, ok := ix.city[k]; ok {
		return Load(z)
	}
	g := dropFiller(k)
	if z, ok := generics[g]; ok {
		return Load(z)
	}
	if z, ok := ix.city[g]; ok {
		return Load(z)
	}
	if g == "" {
		g = k
	}
	if sug := suggestZone(g); sug != "" {
		return nil, unknownZone(name, "unknown zone (did you mean "+sug+"?)")
	}
	return nil, unknownZone(name, "unknown zone")
}

// parseOffset reads "+05:30", "-0400", "+5", "UTC-4", "GMT+1", "UTC+05:45".
// The sign means east (+) or west (-) of UTC, also after GMT: "GMT+1" is +01:00,
// not the POSIX-inverted wallReading of the tz database's Etc/GMT+1.
// isOff reports whether s is an offset at all; msg says what is wrong with it.
func parseOffset(s string) (off int, isOff bool, msg string) {
	rest := s
	for _, p := range [...]string{"UTC", "GMT", "UT"} {
		if len(rest) >= len(p) && strings.EqualFold(rest[:len(p)], p) {
			rest = strings.TrimLeft(rest[len(p):], " ")
			break
		}
	}
	var sign int
	switch {
	case strings.HasPrefix(rest, "+"):
		sign, rest = 1, rest[1:]
	case strings.HasPrefix(rest, "-"):
		sign, rest = -1, rest[1:]
	case strings.HasPrefix(rest, "\u2212"): // minus sign
		sign, rest = -1, rest[len("\u2212"):]
	default:
		return 0, false, ""
	}
	rest = strings.TrimLeft(rest, " ")
	digits := func(t string) (int, bool) {
		if t == "" || len(t) > 2 {
			return 0, false
		}
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
			n = n*10 + int(t[i]-'0')
		}
		return n, true
	}
	var hh, mm int
	var ok1, ok2 = false, true
	if i := strings.IndexByte(rest, ':'); i >= 0 {
		hh, ok1 = digits(rest[:i])
		mm, ok2 = digits(rest[i+1:])
		ok2 = ok2 && len(rest[i+1:]) == 2
	} else {
		switch len(rest) {
		case 1, 2:
			hh, ok1 = digits(rest)
		case 3, 4:
			hh, ok1 = digits(rest[:len(rest)-2])
			mm, ok2 = digits(rest[len(rest)-2:])
		}
	}
	if !ok1 || !ok2 {
		return 0, true, `invalid offset: write it as "+05:30", "-0400" or "UTC-4"`
	}
	if mm >= 60 || hh*60+mm > 18*60 {
		return 0, true, "invalid offset: out of range (-18:00 to +18:00)"
	}
	return sign * (hh*hourSec + mm*60), true, ""
}

// zoneNames is the tz database's names, looked up the ways people write them.
type zoneNames struct {
	iana map[string]string // lower-case name → name as the tz database spells it
	link map[string]string // alias → target
	city map[string]string // normalized city → zone
}

// canonical returns the zone an alias links to, or name itself.
func (ix *zoneNames) canonical(name string) string {
	if t, ok := ix.link[name]; ok {
		return t
	}
	return name
}

// Canonical returns the tz database's name for a zone or alias ("Asia/Calcutta"
// is "Asia/Kolkata", "US/Pacific" is "America/Los_Angeles"), or name unchanged
// if it is not an alias. Use it to compare zones. Canonical is safe for concurrent use.
func Canonical(name string) string { return zoneIndex().canonical(name) }

var zoneIndex = sync.OnceValue(func() *zoneNames {
	ix := &zoneNames{iana: map[string]string{}, link: map[string]string{}, city: map[string]string{}}
	addCity := func(name, zone string) {
		i := strings.IndexByte(name, '/')
		if i < 0 {
			return
		}
		switch name[:i] {
		case "Etc", "SystemV", "US", "Canada", "Mexico", "Brazil", "Chile":
			return // not cities: "US/Pacific", "Canada/Eastern" (see generics)
		}
		c := normName(name[strings.LastIndexByte(name, '/')+1:])
		if _, ok := ix.city[c]; !ok {
			ix.city[c] = zone
		}
	}
	for _, line := range strings.Split(zoneTable, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			ix.iana[strings.ToLower(f[0])] = f[0]
			addCity(f[0], f[0])
		}
	}
	for _, line := range strings.Split(linkTable, "\n") {
		if f := strings.Fields(line); len(f) == 2 {
			ix.iana[strings.ToLower(f[0])] = f[0]
			ix.link[f[0]] = f[1]
		}
	}
	for _, line := range strings.Split(linkTable, "\n") {
		if f := strings.Fields(line); len(f) == 2 {
			addCity(f[0], f[1])
		}
	}
	for c, z := range cityAliases {
		ix.city[c] = z
	}
	return ix
})

// cityAliases are places people name that have no zone of their own.
var cityAliases = map[string]string{
	"new york city": "America/New_York", "nyc": "America/New_York", "boston": "America/New_York",
	"washington": "America/New_York", "washington dc": "America/New_York", "atlanta": "America/New_York",
	"miami": "America/New_York", "philadelphia": "America/New_York",
	"dallas": "America/Chicago", "houston": "America/Chicago", "austin": "America/Chicago",
	"san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles", "sf": "America/Los_Angeles",
	"san diego": "America/Los_Angeles", "portland": "America/Los_Angeles",
	"salt lake city": "America/Denver",
	"rio de janeiro": "America/Sao_Paulo", "rio": "America/Sao_Paulo", "brasilia": "America/Sao_Paulo",
	"munich": "Europe/Berlin", "frankfurt": "Europe/Berlin", "hamburg": "Europe/Berlin",
	"milan": "Europe/Rome", "barcelona": "Europe/Madrid", "geneva": "Europe/Zurich",
	"tel aviv": "Asia/Jerusalem", "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata",
	"mumbai": "Asia/Kolkata", "delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata",
	"chennai": "Asia/Kolkata", "hyderabad": "Asia/Kolkata", "pune": "Asia/Kolkata",
	"beijing": "Asia/Shanghai", "shenzhen": "Asia/Shanghai", "osaka": "Asia/Tokyo",
	"hanoi": "Asia/Bangkok", "abu dhabi": "Asia/Dubai",
}

// generics are region names that follow DST, after normName and dropFiller.
var generics = map[string]string{
	"et": "America/New_York", "eastern": "America/New_York",
	"ct": "America/Chicago", "central": "America/Chicago",
	"mt": "America/Denver", "mountain": "America/Denver",
	"pt": "America/Los_Angeles", "pacific": "America/Los_Angeles",
	"akt": "America/Anchorage", "alaska": "America/Anchorage",
	"hawaii": "Pacific/Honolulu", "hawaiian": "Pacific/Honolulu", "hawaii aleutian": "Pacific/Honolulu",
	"atlantic": "America/Halifax", "newfoundland": "America/St_Johns", "arizona": "America/Phoenix",
	"saskatchewan": "America/Regina", "yukon": "America/Whitehorse", "aleutian": "America/Adak",
	"western european": "Europe/Lisbon", "western europe": "Europe/Lisbon",
	"central european": "Europe/Berlin", "central europe": "Europe/Berlin",
	"eastern european": "Europe/Athens", "eastern europe": "Europe/Athens",
	"uk": "Europe/London", "united kingdom": "Europe/London", "british": "Europe/London",
	"britain": "Europe/London", "great britain": "Europe/London", "england": "Europe/London",
	"irish": "Europe/Dublin", "ireland": "Europe/Dublin",
	"india": "Asia/Kolkata", "indian": "Asia/Kolkata", "israel": "Asia/Jerusalem",
	"japan": "Asia/Tokyo", "china": "Asia/Shanghai", "chinese": "Asia/Shanghai",
	"korea": "Asia/Seoul", "korean": "Asia/Seoul", "south korea": "Asia/Seoul",
	"australian eastern": "Australia/Sydney", "australia eastern": "Australia/Sydney", "aus eastern": "Australia/Sydney",
	"australian central": "Australia/Adelaide", "australia central": "Australia/Adelaide",
	"australian western": "Australia/Perth", "australia western": "Australia/Perth",
	"new zealand": "Pacific/Auckland", "nz": "Pacific/Auckland",
	"brazil": "America/Sao_Paulo", "brasilia": "America/Sao_Paulo",
	"arabia": "Asia/Riyadh", "arabian": "Asia/Riyadh", "arab": "Asia/Riyadh", "gulf": "Asia/Dubai",
	"philippine": "Asia/Manila", "philippines": "Asia/Manila", "pakistan": "Asia/Karachi",
	"bangladesh": "Asia/Dhaka", "south africa": "Africa/Johannesburg", "west africa": "Africa/Lagos",
	"central africa": "Africa/Maputo", "east africa": "Africa/Nairobi",
}

// genericFiller are words that do not change which region a name means.
var genericFiller = map[string]bool{
	"time": true, "zone": true, "tz": true, "standard": true, "daylight": true, "summer": true,
	"saving": true, "savings": true, "us": true, "usa": true, "and": true, "canada": true,
	"the": true, "north": true, "american": true, "america": true,
}

// normName lower-cases s, folds accents, turns "_", "-", "/", "(", ")", "&",
// "," into spaces, drops "." and "'", and collapses spaces: "São_Paulo" is "sao paulo".
func normName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		r = foldRune(r)
		switch {
		case r == '.' || r == '\'' || r == '\u2019':
			continue
		case r == ' ' || r == '_' || r == '-' || r == '/' || r == '(' || r == ')' || r == '&' || r == ',' || r == '\t':
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// dropFiller removes genericFiller words from a normalized name: "us pacific time" is "pacific".
func dropFiller(k string) string {
	f := strings.Fields(k)
	out := f[:0]
	for _, w := range f {
		if !genericFiller[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// foldRune lower-cases r and removes the accents of Latin letters.
func foldRune(r rune) rune {
	if 'A' <= r && r <= 'Z' {
		return r + 'a' - 'A'
	}
	if r < 0x80 {
		return r
	}
	switch r {
	case 'À', 'Á', 'Â', 'Ã', 'Ä', 'Å', 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'Ā':
		return 'a'
	case 'Ç', 'ç', 'č', 'Č', 'ć':
		return 'c'
	case 'È', 'É', 'Ê', 'Ë', 'è', 'é', 'ê', 'ë', 'ē', 'ě':
		return 'e'
	case 'Ì', 'Í', 'Î', 'Ï', 'ì', 'í', 'î', 'ï', 'ī':
		return 'i'
	case 'Ñ', 'ñ', 'ń':
		return 'n'
	case 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', 'Ø', 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō':
		return 'o'
	case 'Ù', 'Ú', 'Û', 'Ü', 'ù', 'ú', 'û', 'ü', 'ū', 'ů':
		return 'u'
	case 'Ý', 'ý', 'ÿ':
		return 'y'
	case 'š', 'Š', 'ś':
		return 's'
	case 'ž', 'Ž', 'ź', 'ż':
		return 'z'
	case 'ł', 'Ł':
		return 'l'
	case 'ř':
		return 'r'
	}
	return r
}

// suggestZone returns the quoted zone of a city close to k (edit distance at
// most 2), or "".
func suggestZone(k string) string {
	if len(k) < 4 || len(k) > 40 {
		return ""
	}
	best, bestZone, bestD := "", "", 3
	try := func(c, z string) {
		d := edit.Distance(k, c, bestD+1)
		if d < bestD || (d == bestD && bestZone != "" && c < best) {
			best, bestZone, bestD = c, z, d
		}
	}
	for c, z := range generics {
		if len(c) > 3 {
			try(c, z)
		}
	}
	for c, z := range zoneIndex().city {
		if _, ok := generics[c]; !ok {
			try(c, z)
		}
	}
	if bestZone == "" {
		return ""
	}
	return `"` + bestZone + `"`
}

// Resolve returns the location a person means by name: an IANA name or alias (any case),
// UTC/GMT/Z, a numeric offset (a fixed zone), a region generic (ET, PT, Pacific, US Pacific time),
// a city from the tz database, or an abbreviation that names one region's wall clock (EDT →
// America/New_York).
//
// Offsets read east of UTC after "UTC" and "GMT" too: "GMT+1" is +01:00, while
// the tz database's "Etc/GMT+1" keeps its POSIX meaning, -01:00. Aliases resolve
// to the zone they link to ("Asia/Calcutta" is "Asia/Kolkata"). Cities match
// ignoring case, accents, spaces and underscores ("sao paulo", "São_Paulo").
// An abbreviation resolves to its region's zone, which follows DST ("PST" and
// "PDT" are both America/Los_Angeles); see Candidates for what it literally means.
//
// Errors: *Error matching ErrUnknownZone, with a hint, or *AmbiguousError (matching
// ErrAmbiguous) for an abbreviation with readings of different offsets ("IST", "CST").
// A spelling resolved once is remembered: resolving it again does no I/O and
// allocates nothing. Resolve is safe for concurrent use.
func Resolve(name string) (*time.Location, error) { return resolve(name) }
