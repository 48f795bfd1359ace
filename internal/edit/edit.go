// Package edit measures how far apart two short strings are, for "did you mean" hints.
package edit

// Distance returns the Levenshtein distance of a and b (insertions, deletions and
// substitutions of bytes), or limit when it is at least limit. It stops early once every
// path is at limit, so hints over long lists stay cheap.
func Distance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			low = min(low, cur[j])
		}
		if low >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}

// Closest returns the name nearest to s, compared without case, when it is close enough
// to be a typo of it (at most 2 edits, and fewer than half of s's length), or "" when none is.
// Of names equally near, the first wins.
func Closest(s string, names []string) string {
	low := toLower(s)
	limit := min(3, len(low)/2+1)
	best, bestD := "", limit
	for _, n := range names {
		if d := Distance(low, toLower(n), bestD); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

func toLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
