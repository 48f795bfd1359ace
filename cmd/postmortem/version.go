package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

const versionDoc = `
Version prints the version of the command: the module version it was built from
("(devel)" for a build from a checkout), the commit and its time when known, and the
Go version.

Example:

	postmortem version
`

func runVersion(e *env, args []string) error {
	fs := newFlagSet("version", "", versionDoc)
	rest, err := fs.parse(e, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fs.usagef("unexpected argument %q", rest[0])
	}
	fmt.Fprintln(e.stdout, versionLine(debug.ReadBuildInfo()))
	return nil
}

// versionLine returns the line "postmortem VERSION (commit REV[, modified], TIME, GOVERSION)"
// from the build information, if any.
func versionLine(info *debug.BuildInfo, ok bool) string {
	version := "(unknown)"
	goVersion := runtime.Version()
	var details []string
	if ok && info != nil {
		if v := info.Main.Version; v != "" {
			version = v
		}
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
		var rev, when string
		var modified bool
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if rev != "" {
			if len(rev) > 12 {
				rev = rev[:12]
			}
			c := "commit " + rev
			if modified {
				c += ", modified"
			}
			details = append(details, c)
		}
		if when != "" {
			details = append(details, when)
		}
	}
	details = append(details, goVersion)
	return fmt.Sprintf("postmortem %s (%s)", version, strings.Join(details, ", "))
}
