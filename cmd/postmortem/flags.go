package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// errHelp is returned by a subcommand that printed its help on request: exit status 0.
var errHelp = errors.New("help requested")

// errReported is returned by a subcommand that already reported its problems on
// stderr (diagnostics, a failed check): exit status 1, nothing more to print.
var errReported = errors.New("problems reported")

// usageError is a mistake in the command line: exit status 2.
type usageError struct {
	cmd string
	msg string
}

func (e *usageError) Error() string { return "postmortem " + e.cmd + ": " + e.msg }

// flagSet is a subcommand's flags with its help text.
type flagSet struct {
	*flag.FlagSet
	name     string
	synopsis string // the usage line after "postmortem NAME "
	doc      string // what the command does and an example, shown by --help
}

func newFlagSet(name, synopsis, doc string) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported as one line by usageError
	fs.Usage = func() {}
	return &flagSet{FlagSet: fs, name: name, synopsis: synopsis, doc: doc}
}

// usagef returns a usage error of this subcommand.
func (fs *flagSet) usagef(format string, args ...any) error {
	return &usageError{cmd: fs.name, msg: fmt.Sprintf(format, args...)}
}

// help writes the subcommand's help: synopsis, description with example, and flags.
// Long flags are shown with two dashes (--format), one-letter flags with one (-o).
func (fs *flagSet) help(w io.Writer) {
	fmt.Fprintf(w, "Usage: postmortem %s %s\n\n%s\n", fs.name, fs.synopsis, strings.TrimSpace(fs.doc))
	var b strings.Builder
	fs.VisitAll(func(f *flag.Flag) {
		arg, usage := flag.UnquoteUsage(f)
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		fmt.Fprintf(&b, "  %s%s", dash, f.Name)
		if arg != "" {
			fmt.Fprintf(&b, " %s", arg)
		}
		fmt.Fprintf(&b, "\n    \t%s", usage)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			fmt.Fprintf(&b, " (default %s)", f.DefValue)
		}
		b.WriteByte('\n')
	})
	if b.Len() > 0 {
		fmt.Fprintf(w, "\nFlags:\n%s", b.String())
	}
}

// parse parses args, allowing flags before, between and after positional arguments
// ("render FILE --format html"). Everything after "--" is positional, and so is "-"
// (standard input). On --help or -h it writes the help to e.stdout and returns errHelp.
func (fs *flagSet) parse(e *env, args []string) ([]string, error) {
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.help(e.stdout)
			return nil, errHelp
		}
		if err != nil {
			return nil, fs.usagef("%s", flagMessage(err.Error()))
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// flagMessage rewrites the flag package's error messages in the command's words:
// "unknown flag --colour", "--since needs a value", "--year: "abc" is not a number".
func flagMessage(msg string) string {
	dashes := func(name string) string {
		name = strings.TrimLeft(name, "-")
		if len(name) == 1 {
			return "-" + name
		}
		return "--" + name
	}
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "unknown flag " + dashes(name)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return dashes(name) + " needs a value"
	}
	// invalid value "abc" for flag -year: parse error
	// invalid boolean value "maybe" for -fragment: parse error
	if rest, ok := strings.CutPrefix(msg, "invalid "); ok {
		if i := strings.Index(rest, " for "); i >= 0 {
			what, tail := rest[:i], rest[i+len(" for "):]
			tail = strings.TrimPrefix(tail, "flag ")
			if j := strings.Index(tail, ": "); j >= 0 {
				name, why := tail[:j], tail[j+2:]
				value := strings.TrimPrefix(strings.TrimPrefix(what, "boolean "), "value ")
				switch {
				case strings.HasPrefix(what, "boolean"):
					why = value + " is not true or false"
				case why == "parse error" || why == "value out of range":
					why = value + " is not a number"
				}
				return dashes(name) + ": " + why
			}
		}
	}
	return strings.TrimPrefix(msg, "flag ")
}

// choice is a flag whose value is one of a fixed list of words.
type choice struct {
	value   string
	choices []string
}

func newChoice(def string, choices ...string) *choice {
	return &choice{value: def, choices: choices}
}

func (c *choice) String() string {
	if c == nil {
		return ""
	}
	return c.value
}

func (c *choice) Set(s string) error {
	for _, v := range c.choices {
		if strings.EqualFold(s, v) {
			c.value = v
			return nil
		}
	}
	return fmt.Errorf("%q is not one of %s", s, strings.Join(c.choices, ", "))
}

// oneLine returns s with line breaks folded, so that an error is a single line.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	return strings.Join(f, "; ")
}
