// Command delegatectl is the headless twin of the Delegate desktop app: the same
// workspace, drafts and timeline for scripts, coordinators and tests. It never
// imports Fyne, so it builds with CGO_ENABLED=0.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
)

// exitUsage is the status for bad input (dates, files, flags); exitFail for
// anything else that went wrong.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// env carries what a subcommand may touch, so tests can run commands in-process.
// Inside a command stdout and stderr escape what a terminal would act on
// (term.go); json is the unfiltered stdout, for writeJSON only.
type env struct {
	stdout io.Writer
	stderr io.Writer
	json   io.Writer
}

// command is one subcommand: run receives the arguments after its name.
type command struct {
	summary string
	run     func(e *env, args []string) error
}

// commands lists every subcommand. Each lives in its own file.
func commands() map[string]command {
	return map[string]command{
		"draft":    {"inspect a report draft or compare two drafts", runDraft},
		"version":  {"print the version", runVersion},
		"init":     {"create a workspace (a git repository) for your delegation's work", runInit},
		"comment":  {"add a comment on a paragraph of a draft: comment add --para N --body TEXT", runComment},
		"opinion":  {"add or replace a draft Opinion proposal from a TOML file: opinion add FILE, opinion edit ID FILE", runOpinion},
		"list":     {"list comments and Opinion proposals", runList},
		"show":     {"show one comment or Opinion proposal", runShow},
		"edit":     {"change an item (body, kind, proposal, status); one save = one commit", runEdit},
		"history":  {"the saved versions of an item", runHistory},
		"diff":     {"word diff between two versions of an item", runDiff},
		"restore":  {"make an old version of an item current again (as a new version)", runRestore},
		"item":     {"remove an item, also one colleagues' sync refuses: item remove ID [--reason TEXT]", runItem},
		"timeline": {"where the preparatory process stands on a day", runTimeline},
		"export":   {"build the submission package (contribution.docx, message.eml, manifest, zip): export --out FOLDER", runExport},
		"package":  {"check or import a submission package: package verify FILE, package import FILE", runPackage},
		"nominate": {"write an expert nomination e-mail to the secretariat: nominate --name N --organization O --email E --out FILE.eml", runNominate},
		"correct":  {"correct a process date in the workspace (a moved meeting or deadline)", runCorrect},
		"carry":    {"carry comments onto a newer draft: carry --to DRAFT [--json] [--apply]", runCarry},

		// Working together through a delegation remote.
		"remote":    {"add or list delegation remotes (shared folder, https://, ssh://): remote add NAME URL", runRemote},
		"sync":      {"exchange work with a delegation remote: sync [NAME] [--json]", runSync},
		"conflicts": {"items two people changed differently, with both texts; conflicts resolve ID --keep mine|PERSON", runConflicts},
		"key":       {"OpenPGP keys of the delegation (keys/) and refusing unsigned work: key add FILE, key list, key require on|off", runKey},
	}
}

// usageError marks errors caused by the caller's input; they exit with status 2.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

func main() {
	os.Exit(run(&env{stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:]))
}

// run dispatches to a subcommand and maps its error to an exit status.
func run(e *env, args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(e.stderr, cmds)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "delegatectl: unknown command %q (try delegatectl help)\n", args[0])
		return exitUsage
	}
	raw := e
	e = &env{stdout: termWriter{raw.stdout}, stderr: termWriter{raw.stderr}, json: raw.stdout}
	err := c.run(e, args[1:])
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	}
	fmt.Fprintf(e.stderr, "delegatectl %s: %v\n", args[0], err)
	var u usageError
	if errors.As(err, &u) {
		return exitUsage
	}
	return exitFail
}

func printUsage(w io.Writer, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "usage: delegatectl <command> [flags]\n\ncommands:")
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, cmds[n].summary)
	}
}

// newFlags makes a FlagSet that reports errors instead of exiting, so bad
// flags become a usage error with status 2.
func newFlags(e *env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("delegatectl "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	return fs
}

// parseFlags parses and turns flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	return nil
}
