package tz

// The general parser and the fast paths that stand before it in Parse, for
// the differential tests in package tz_test.
var (
	ParseGeneral = parseGeneral
	FastRFC3339  = fastRFC3339
	FastISOZone  = fastISOZone
)
