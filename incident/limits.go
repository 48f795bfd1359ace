package incident

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Limits on what one file may hold. Files written by people stay far below them; they are
// there so that a hostile or broken file fails fast with a clear error instead of exhausting
// memory or time.
const (
	// DefaultMaxBytes is the largest file Parse and Load read when Config.MaxBytes is zero.
	DefaultMaxBytes = 8 << 20

	// DefaultMaxDepth is the deepest nesting of lists and mappings (counting through aliases)
	// accepted when Config.MaxDepth is zero. An incident needs 4.
	DefaultMaxDepth = 64

	// DefaultMaxValues bounds the number of values (list items, keys and scalars) of a file
	// when Config.MaxValues is zero. It is counted before decoding, from the bytes that may
	// separate values (newlines, commas, colons, dashes and brackets) outside block scalars,
	// so that a file of many tiny values cannot make the YAML decoder build a tree hundreds of
	// times its size; the prose of a block scalar (summary: |) counts as one value, whatever
	// its lines hold. A 1,000-event incident has about 12,000.
	DefaultMaxValues = 250_000

	// DefaultMaxServices is the most distinct services (names compared case-insensitively)
	// one incident may name, in its services list, its events and its outages together, when
	// Config.MaxServices is zero. The documents show windows per service and merged windows
	// that name their services, so what they hold grows as services × state changes: at the
	// limit, the worst file the other limits let through (about 1.1 MB: 200 services, 24,000
	// state changes of all of them) makes render --format json write 670 MB in 3.5 s and
	// downtime --format json take 141 MB; at 1,000 services the same file took 16 s for
	// 3.3 GB and 584 MB. A status page has tens. Past the limit, group services (one name for
	// a region or a tier) or split the incident.
	DefaultMaxServices = 200

	// maxErrors is the number of errors reported per file before Parse gives up.
	maxErrors = 100

	// Alias expansion: a document may grow through aliases to at most
	// aliasRatio times its written node count, or aliasFloor nodes, whichever is larger;
	// and the text of a file's scalars, counted at every use of an alias, may total at most
	// aliasRatio times the file's size, or aliasBytesFloor bytes, whichever is larger
	// (what a command writes grows with that text, not with the nodes).
	aliasRatio      = 10
	aliasFloor      = 10000
	aliasBytesFloor = 1 << 20
)

func (c *Config) maxBytes() int64 {
	if c == nil || c.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return c.MaxBytes
}

func (c *Config) maxValues() int {
	if c == nil || c.MaxValues <= 0 {
		return DefaultMaxValues
	}
	return c.MaxValues
}

// countValues returns an upper estimate of the number of values in data: the number of bytes
// that may separate two values, outside the content of block scalars (summary: |), which
// holds one value however many lines, colons and dashes its prose has.
func countValues(data []byte) int {
	n := 0
	block := -1 // indentation of the line that opened a block scalar; -1 outside one
	for rest := data; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		trimmed := line[indent:]
		if block >= 0 {
			if indent > block || isBlank(trimmed) {
				continue // the block scalar's content
			}
			block = -1
		}
		n++ // the line
		hash := 0
		for _, c := range trimmed {
			k := valueBytes[c]
			n += int(k & 1)
			hash |= int(k)
		}
		if mayOpenBlock(trimmed, hash&2 != 0) && opensBlock(trimmed) {
			block = indent
		}
	}
	return n
}

// valueBytes classes the bytes countValues looks at: 1 for a byte that may separate two
// values, 2 for the '#' of a comment. One pass with it, and mayOpenBlock's quick refusal, read
// a 1,000-event file at about 600 MB/s, against 200 to 290 MB/s for a line at a time with five
// bytes.Count and opensBlock on every line (BenchmarkCountValues; FuzzCountValues holds the
// two to the same count). Parse counts only files at least as long as the limit.
var valueBytes = [256]uint8{',': 1, ':': 1, '-': 1, '[': 1, '{': 1, '#': 2}

// isBlank reports whether line holds only white space, as bytes.TrimSpace sees it.
func isBlank(line []byte) bool {
	for _, c := range line {
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f':
		case c >= utf8.RuneSelf:
			return len(bytes.TrimSpace(line)) == 0 // U+0085 and U+00A0 are white space too
		default:
			return false
		}
	}
	return true
}

// mayOpenBlock is opensBlock's quick refusal: without a comment (no '#'), a line that opens a
// block scalar ends, before trailing blanks, with its header's last byte.
func mayOpenBlock(line []byte, hash bool) bool {
	if hash {
		return true
	}
	i := len(line) - 1
	for i >= 0 && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
		i--
	}
	if i < 0 {
		return false
	}
	switch c := line[i]; {
	case c == '|' || c == '>' || c == '+' || c == '-':
		return true
	default:
		return c >= '1' && c <= '9'
	}
}

// opensBlock reports whether a line (without its indentation) ends with the header of a
// block scalar: "|" or ">" with optional indentation and chomping indicators, after a key,
// a dash or nothing, before an optional comment.
func opensBlock(line []byte) bool {
	if i := bytes.Index(line, []byte(" #")); i >= 0 {
		line = line[:i]
	}
	line = bytes.TrimRight(line, " \t\r")
	i := bytes.LastIndexAny(line, "|>")
	if i < 0 || len(line)-i > 3 {
		return false
	}
	for _, c := range line[i+1:] {
		if !(c >= '1' && c <= '9' || c == '+' || c == '-') {
			return false
		}
	}
	before := bytes.TrimRight(line[:i], " \t")
	if len(before) == len(line[:i]) && len(before) > 0 {
		return false // "a|" is plain text
	}
	// Tags and anchors may stand between the key and the header: "text: !!str |".
	for {
		j := bytes.LastIndexAny(before, " \t")
		word := before[j+1:]
		if len(word) == 0 || word[0] != '!' && word[0] != '&' {
			break
		}
		before = bytes.TrimRight(before[:j+1], " \t")
	}
	return len(before) == 0 || before[len(before)-1] == ':' || before[len(before)-1] == '-'
}

func (c *Config) maxServices() int {
	if c == nil || c.MaxServices <= 0 {
		return DefaultMaxServices
	}
	return c.MaxServices
}

// checkServices reports an error when the incident names more distinct services than the
// limit allows: at its services list (n) when that list alone has too many, else at the
// services of the first event or outage that passes the limit.
func (d *decoder) checkServices(inc *Incident, n *yaml.Node) {
	max := d.cfg.maxServices()
	seen := make(map[string]bool, min(len(inc.Services), max+1))
	over := func(names []string) bool {
		for _, s := range names {
			if k := strings.ToLower(s); !seen[k] {
				seen[k] = true
				if len(seen) > max {
					return true
				}
			}
		}
		return false
	}
	const hint = "group services under one name (a region, a tier) or split the incident"
	if over(inc.Services) {
		d.errorf(n, field("services"), ErrTooLarge, "more than %d distinct services, the limit for one incident; %s", max, hint)
		return
	}
	for i := range inc.Timeline {
		if ev := &inc.Timeline[i]; over(ev.Services) {
			d.errorf(&yaml.Node{Line: ev.pos.line, Column: ev.pos.col}, ev.pos.path.join("services"), ErrTooLarge,
				"with these, the incident names more than %d distinct services (in services, events and outages), the limit for one incident; %s", max, hint)
			return
		}
	}
	for i := range inc.Outages {
		if o := &inc.Outages[i]; over(o.Services) {
			d.errorf(&yaml.Node{Line: o.pos.line, Column: o.pos.col}, o.pos.path.join("services"), ErrTooLarge,
				"with these, the incident names more than %d distinct services (in services, events and outages), the limit for one incident; %s", max, hint)
			return
		}
	}
}

func (c *Config) maxDepth() int {
	if c == nil || c.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return c.MaxDepth
}

// readLimited reads all of r, failing with ErrTooLarge as soon as more than max bytes come.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, tooLarge(-1, max)
	}
	return data, nil
}

func tooLarge(size, max int64) error {
	if size < 0 {
		return errorf(ErrTooLarge, "file is larger than the limit of %s; split it into several files", byteSize(max))
	}
	return errorf(ErrTooLarge, "file is %s, larger than the limit of %s; split it into several files",
		byteSize(size), byteSize(max))
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// statSize returns the size fsys reports for name, or -1.
func statSize(fsys fs.FS, name string) int64 {
	fi, err := fs.Stat(fsys, name)
	if err != nil || !fi.Mode().IsRegular() {
		return -1
	}
	return fi.Size()
}

// nodeStat is what checkTree learns about a subtree.
type nodeStat struct {
	size   int64 // nodes, counting aliased subtrees at every use (saturating)
	bytes  int64 // bytes of its scalars' values, counting aliased subtrees at every use (saturating)
	height int   // levels of lists and mappings, through aliases
}

// aliasBudget is how many bytes of scalar text the documents of one file may still expand
// to, aliases counted at every use: aliasRatio times the file's size, or aliasBytesFloor.
type aliasBudget struct {
	limit int64 // the whole budget
	used  int64
}

func newAliasBudget(size int) *aliasBudget {
	return &aliasBudget{limit: max(aliasRatio*int64(size), aliasBytesFloor)}
}

const sizeCap = 1 << 50

// treeChecker checks the depth and alias expansion of a document without deep recursion:
// it never descends more than max levels, and it measures an anchored subtree once.
type treeChecker struct {
	max     int
	budget  *aliasBudget
	literal int64
	memo    map[*yaml.Node]nodeStat // anchored nodes only
	busy    map[*yaml.Node]bool
	err     error
	at      *yaml.Node
}

// checkTree returns a limit error and the node where it was found, or nil. The text of
// doc's scalars is taken from budget, which the documents of one file share; the alias
// whose expansion passes it is where the error is.
func checkTree(doc *yaml.Node, maxDepth int, budget *aliasBudget) (error, *yaml.Node) {
	tc := treeChecker{max: maxDepth, budget: budget}
	st := tc.walk(doc, 0)
	if tc.err != nil {
		return tc.err, tc.at
	}
	if limit := max(aliasRatio*tc.literal, aliasFloor); st.size > limit {
		return errorf(ErrAliases, "aliases expand the document to more than %d nodes (it has %d written); write the values out or use fewer aliases",
			limit, tc.literal), tc.firstAlias(doc)
	}
	return nil, nil
}

func (tc *treeChecker) fail(err error, n *yaml.Node) nodeStat {
	if tc.err == nil {
		tc.err, tc.at = err, n
	}
	return nodeStat{}
}

func (tc *treeChecker) walk(n *yaml.Node, depth int) nodeStat {
	if tc.err != nil {
		return nodeStat{}
	}
	if n.Kind == yaml.AliasNode {
		tc.literal++
		t := n.Alias
		if t == nil {
			return nodeStat{size: 1}
		}
		st, ok := tc.memo[t]
		if !ok {
			if tc.busy[t] {
				return tc.fail(errorf(ErrAliases, "alias *%s refers to a value that contains it", n.Value), n)
			}
			// An alias to a node not yet measured (yaml.v3 resolves anchors in order, so
			// this is unusual): measure it here, at this depth.
			st = tc.walk(t, depth)
			if tc.err != nil {
				return nodeStat{}
			}
			// walk counted t's written nodes again; they are not written here.
			return st
		}
		if depth+st.height > tc.max {
			return tc.fail(errorf(ErrTooDeep, "alias *%s nests the document deeper than %d levels", n.Value, tc.max), n)
		}
		if tc.spend(st.bytes) {
			return tc.fail(errorf(ErrAliases, "alias *%s expands the file's text past %s, the limit (%d times the file's size, at least %s); write the value out or use fewer aliases",
				n.Value, byteSize(tc.budget.limit), aliasRatio, byteSize(aliasBytesFloor)), n)
		}
		return st
	}
	tc.literal++
	if n.Anchor != "" {
		if tc.busy == nil {
			tc.busy = map[*yaml.Node]bool{}
			tc.memo = map[*yaml.Node]nodeStat{}
		}
		tc.busy[n] = true
		defer delete(tc.busy, n)
	}
	own := 0
	if n.Kind == yaml.SequenceNode || n.Kind == yaml.MappingNode {
		if depth+1 > tc.max {
			return tc.fail(errorf(ErrTooDeep, "lists and mappings nest deeper than %d levels", tc.max), n)
		}
		own = 1
	}
	st := nodeStat{size: 1, height: own}
	if n.Kind == yaml.ScalarNode {
		st.bytes = int64(len(n.Value))
		tc.spend(st.bytes) // written text: never more than the file, so within the budget
	}
	for _, c := range n.Content {
		cs := tc.walk(c, depth+own)
		if tc.err != nil {
			return nodeStat{}
		}
		st.size = min(st.size+cs.size, sizeCap)
		st.bytes = min(st.bytes+cs.bytes, sizeCap)
		st.height = max(st.height, own+cs.height)
	}
	if n.Anchor != "" {
		tc.memo[n] = st
	}
	return st
}

// spend takes n bytes from the budget and reports whether it is now overdrawn.
func (tc *treeChecker) spend(n int64) bool {
	if tc.budget == nil {
		return false
	}
	tc.budget.used = min(tc.budget.used+n, sizeCap)
	return tc.budget.used > tc.budget.limit
}

// firstAlias returns the first alias node of n in document order, or n.
func (tc *treeChecker) firstAlias(n *yaml.Node) *yaml.Node {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x.Kind == yaml.AliasNode {
			return x
		}
		for i := len(x.Content) - 1; i >= 0; i-- {
			stack = append(stack, x.Content[i])
		}
	}
	return n
}

var yamlLine = regexp.MustCompile(`^line (\d+): (.*)$`)

// yamlError turns an error of yaml.v3 into a *ParseError at its line.
func yamlError(file string, data []byte, err error, maxDepth int) *ParseError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	pe := &ParseError{File: file}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		pe.Line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if strings.Contains(msg, "cannot start any token") || strings.Contains(msg, "found a tab character") {
		if line, col, ok := tabIndent(data, pe.Line); ok {
			pe.Line, pe.Column = line, col
			pe.Err = &fieldError{msg: "invalid YAML: a tab indents this line; YAML indents with spaces only, so replace the tab with spaces", err: ErrSyntax, codeName: CodeTabIndent}
			return pe
		}
	}
	sentinel := ErrSyntax
	switch {
	case strings.Contains(msg, "exceeded max depth"):
		sentinel = ErrTooDeep
		msg = fmt.Sprintf("lists and mappings nest deeper than %d levels", maxDepth)
	case strings.Contains(msg, "excessive aliasing"):
		sentinel = ErrAliases
	}
	pe.Err = &fieldError{msg: msg, err: sentinel}
	if sentinel == ErrSyntax {
		pe.Err = &fieldError{msg: "invalid YAML: " + msg, err: sentinel}
	}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		pe.Err = &fieldError{msg: strings.Join(te.Errors, "; "), err: ErrType}
	}
	return pe
}

// tabIndent returns the position of a tab in the indentation of line (1-based) of data, or,
// when that line holds none, of the first line indented with a tab.
func tabIndent(data []byte, line int) (int, int, bool) {
	firstLine, firstCol := 0, 0
	for n, rest := 1, data; len(rest) > 0; n++ {
		text := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			text, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		indent := len(text) - len(bytes.TrimLeft(text, " \t"))
		if i := bytes.IndexByte(text[:indent], '\t'); i >= 0 {
			if n == line {
				return n, i + 1, true
			}
			if firstLine == 0 {
				firstLine, firstCol = n, i+1
			}
		}
	}
	return firstLine, firstCol, firstLine > 0
}
