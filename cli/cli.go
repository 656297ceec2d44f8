// Package cli is mianjing's command line: global flags, the full-screen app
// and the non-interactive subcommands.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"

	"mianjing/notes"
	"mianjing/store"
	"mianjing/tui"
)

// Version is the program's version, printed by --version.
const Version = "0.1.0"

// Env is what a run of the program sees of the outside world; tests
// replace each part. A nil func reads as false, 0 or time.Now.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// IsTerminal reports whether stdin and stdout are both terminals: the
	// full-screen app needs both.
	IsTerminal func() bool
	// StdoutIsTerminal reports whether stdout alone is a terminal: commands
	// then use colour (unless NO_COLOR) and draw charts.
	StdoutIsTerminal func() bool
	// TermWidth returns the width of the terminal on stdout, 0 if unknown.
	TermWidth func() int
	Now       func() time.Time
}

// OSEnv returns the Env of the real process.
func OSEnv() Env {
	return Env{
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Getenv: os.Getenv,
		IsTerminal: func() bool {
			return term.IsTerminal(os.Stdin.Fd()) && term.IsTerminal(os.Stdout.Fd())
		},
		StdoutIsTerminal: func() bool { return term.IsTerminal(os.Stdout.Fd()) },
		TermWidth: func() int {
			w, _, err := term.GetSize(os.Stdout.Fd())
			if err != nil {
				return 0
			}
			return w
		},
		Now: time.Now,
	}
}

// withDefaults fills the nil parts of env.
func (env Env) withDefaults() Env {
	if env.Stdin == nil {
		env.Stdin = strings.NewReader("")
	}
	if env.Stdout == nil {
		env.Stdout = io.Discard
	}
	if env.Stderr == nil {
		env.Stderr = io.Discard
	}
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if env.IsTerminal == nil {
		env.IsTerminal = func() bool { return false }
	}
	if env.StdoutIsTerminal == nil {
		env.StdoutIsTerminal = func() bool { return false }
	}
	if env.TermWidth == nil {
		env.TermWidth = func() int { return 0 }
	}
	if env.Now == nil {
		env.Now = time.Now
	}
	return env
}

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // something failed: a store, a file, a deck with problems
	exitUsage = 2 // the command line is wrong
)

// globals are the flags every command accepts.
type globals struct {
	notesDir string
	dbPath   string
	lang     string
}

// isGlobal reports whether name is a global flag, listed apart in help.
func isGlobal(name string) bool {
	switch name {
	case "notes", "db", "lang", "help", "version":
		return true
	}
	return false
}

// register defines the global flags on fs. Values already set (before the
// command name) are kept: a command's flag set parses the rest into them.
func (g *globals) register(fs *flag.FlagSet) {
	fs.Var((*stringFlag)(&g.notesDir), "notes", "`DIR` load the deck from DIR instead of the built-in one")
	fs.Var((*stringFlag)(&g.dbPath), "db", "`PATH` keep progress in PATH (default $XDG_DATA_HOME/mianjing/mianjing.db)")
	fs.Var((*stringFlag)(&g.lang), "lang", "`zh|en` interface language (default: zh when the locale is Chinese)")
}

// stringFlag is a string flag that does not reset its variable when
// defined, unlike flag.StringVar.
type stringFlag string

func (s *stringFlag) String() string     { return string(*s) }
func (s *stringFlag) Set(v string) error { *s = stringFlag(v); return nil }

// Main runs the program with args (without the program name) and returns
// its exit code.
func Main(args []string, env Env) int {
	env = env.withDefaults()
	fs := newFlagSet("mianjing")
	var g globals
	g.register(fs)
	showVersion := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(env.Stdout, helpFor(tui.DetectLang(g.lang, env.Getenv)))
			return exitOK
		}
		return flagError(env.Stderr, nil, fs, err)
	}
	if *showVersion {
		fmt.Fprintf(env.Stdout, "mianjing %s\n", Version)
		return exitOK
	}
	if fs.NArg() > 0 {
		return runCommand(fs.Arg(0), fs.Args()[1:], g, env)
	}
	if msg := checkLang(g.lang); msg != "" {
		fmt.Fprintf(env.Stderr, "mianjing: %s\n", msg)
		return exitUsage
	}
	return runTUI(g, env)
}

// newFlagSet returns a flag set that prints nothing: errors and help are
// written by this package, on one line.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

func checkLang(lang string) string {
	if lang != "" && lang != "zh" && lang != "en" {
		return fmt.Sprintf("--lang must be zh or en, not %q", lang)
	}
	return ""
}

// flagError reports a flag parsing error of cmd (nil for the top level) on
// one line, with a suggestion for a mistyped flag, and returns exitUsage.
func flagError(w io.Writer, cmd *command, fs *flag.FlagSet, err error) int {
	prefix, helpCmd := "mianjing", "mianjing help"
	if cmd != nil {
		prefix += " " + cmd.name
		helpCmd += " " + cmd.name
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		name = strings.TrimLeft(name, "-")
		msg = "unknown flag --" + name
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		names = append(names, "help")
		if s, ok := suggest(name, names); ok {
			msg += "; did you mean --" + s + "?"
		}
	} else {
		msg = strings.ReplaceAll(msg, " -", " --")
	}
	fmt.Fprintf(w, "%s: %s (run '%s')\n", prefix, firstLine(msg), helpCmd)
	return exitUsage
}

// parseArgs parses fs's flags wherever they appear among args, as in
// "show ID --width 60", and returns the other arguments in order. Everything
// after "--" is an argument.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// runCommand runs the subcommand name with the arguments after it.
func runCommand(name string, args []string, g globals, env Env) int {
	cmd, ok := lookup(name)
	if !ok {
		return unknownCommand(env.Stderr, name)
	}
	fs := newFlagSet("mianjing " + name)
	g.register(fs)
	run := cmd.flags(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			commandUsage(env.Stdout, cmd, fs, helpFor(tui.DetectLang(g.lang, env.Getenv)))
			return exitOK
		}
		return flagError(env.Stderr, &cmd, fs, err)
	}
	r := &runner{env: env, g: g, cmd: cmd}
	if msg := checkLang(g.lang); msg != "" {
		return r.fail(exitUsage, "%s", msg)
	}
	switch {
	case len(pos) < cmd.minArgs:
		return r.fail(exitUsage, "missing %s (usage: %s)", strings.Fields(cmd.args)[len(pos)], cmd.usageLine())
	case cmd.maxArgs >= 0 && len(pos) > cmd.maxArgs:
		return r.fail(exitUsage, "unexpected argument %q (usage: %s)", pos[cmd.maxArgs], cmd.usageLine())
	}
	r.lang = tui.DetectLang(g.lang, env.Getenv)
	r.now = env.Now()
	r.text = textFor(r.lang)
	return run(r, pos)
}

// unknownCommand reports a command name that is not one, with the closest.
func unknownCommand(w io.Writer, name string) int {
	msg := fmt.Sprintf("mianjing: unknown command %q", name)
	if s, ok := suggest(name, commandNames()); ok {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	fmt.Fprintln(w, firstLine(msg+" (run 'mianjing help')"))
	return exitUsage
}

func runTUI(g globals, env Env, opts ...func(*tui.Options)) int {
	if !env.IsTerminal() {
		fmt.Fprintln(env.Stderr, "mianjing: the app needs a terminal (stdin and stdout must be a TTY); run 'mianjing list' or 'mianjing help'")
		return exitError
	}
	deck, err := loadDeck(g)
	if err != nil {
		fmt.Fprintf(env.Stderr, "mianjing: %s\n", deckErr(g, err))
		return exitError
	}
	st, err := openStore(g, env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "mianjing: %s\n", firstLine(err.Error()))
		return exitError
	}
	defer st.Close()
	err = tui.Run(withOptions(tui.Options{
		Deck:     deck,
		Store:    st,
		Lang:     tui.DetectLang(g.lang, env.Getenv),
		Now:      env.Now,
		NoColor:  env.Getenv("NO_COLOR") != "",
		NotesDir: g.notesDir,
	}, opts))
	if err != nil {
		fmt.Fprintf(env.Stderr, "mianjing: %s\n", firstLine(err.Error()))
		return exitError
	}
	return exitOK
}

func loadDeck(g globals) (*notes.Deck, error) {
	if g.notesDir == "" {
		return notes.Default()
	}
	return notes.LoadDir(g.notesDir)
}

// deckErr is a deck loading error on one line, pointing at "check" when
// the deck has problems.
func deckErr(g globals, err error) string {
	msg := firstLine(err.Error())
	var de *notes.DeckError
	if errors.As(err, &de) && g.notesDir != "" {
		msg += fmt.Sprintf(" (run 'mianjing check %s' to list every problem)", g.notesDir)
	}
	return msg
}

func openStore(g globals, env Env) (*store.Bolt, error) {
	path := g.dbPath
	if path == "" {
		p, err := store.DefaultPathEnv(env.Getenv)
		if err != nil {
			return nil, err
		}
		path = p
	}
	return store.Open(path)
}

// firstLine keeps error output to one line.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
