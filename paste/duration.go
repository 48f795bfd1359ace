package paste

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// durationRE finds a duration in words: "lasting 25 minutes", "for nineteen minutes",
// "lasted about two hours".
var durationRE = regexp.MustCompile(`(?i)\b(?:lasting|lasted|for)\s+(?:about\s+|approximately\s+|around\s+|roughly\s+)?([0-9]{1,4}|[a-z]+(?:[- ][a-z]+)?)\s+(minutes?|mins?|hours?|hrs?|seconds?|secs?)\b`)

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "ninety": 90,
}

// number reads "25", "nineteen", "twenty-five" or "twenty five".
func number(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, n > 0
	}
	s = strings.ToLower(s)
	if n, ok := numberWords[s]; ok {
		return n, true
	}
	tens, ones, ok := strings.Cut(strings.ReplaceAll(s, " ", "-"), "-")
	t, ok1 := numberWords[tens]
	o, ok2 := numberWords[ones]
	if !ok || !ok1 || !ok2 || t < 20 || t%10 != 0 || o >= 10 {
		return 0, false
	}
	return t + o, true
}

// durationIn returns the duration a line writes in words, and reports whether it writes one.
func durationIn(s string) (time.Duration, bool) {
	m := durationRE.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	n, ok := number(m[1])
	if !ok {
		return 0, false
	}
	unit := time.Minute
	switch u := strings.ToLower(m[2]); {
	case strings.HasPrefix(u, "h"):
		unit = time.Hour
	case strings.HasPrefix(u, "s"):
		unit = time.Second
	}
	return time.Duration(n) * unit, true
}
