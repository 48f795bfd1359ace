//go:build race

package render

// raceEnabled reports whether the tests run under the race detector, whose sync.Pool drops
// items at random: regexp's machines (goldmark's linkify) are then made anew on every match,
// so bytes allocated measure the detector, not the code.
const raceEnabled = true
