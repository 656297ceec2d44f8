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
// replace each part.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// IsTerminal reports whether stdin and stdout are both terminals.
	IsTerminal func() bool
	Now        func() time.Time
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
		Now: time.Now,
	}
}

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// globals are the flags every command accepts.
type globals struct {
	notesDir string
	dbPath   string
	lang     string
}

func (g *globals) register(fs *flag.FlagSet) {
	fs.StringVar(&g.notesDir, "notes", "", "load the deck from `DIR` instead of the built-in one")
	fs.StringVar(&g.dbPath, "db", "", "keep progress in `PATH` (default $XDG_DATA_HOME/mianjing/mianjing.db)")
	fs.StringVar(&g.lang, "lang", "", "interface language: zh or en (default from the locale)")
}

// Main runs the program with args (without the program name) and returns
// its exit code.
func Main(args []string, env Env) int {
	fs := flag.NewFlagSet("mianjing", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var g globals
	g.register(fs)
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() { usage(env.Stderr, fs) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(env.Stdout, fs)
			return exitOK
		}
		return exitUsage
	}
	if *showVersion {
		fmt.Fprintf(env.Stdout, "mianjing %s\n", Version)
		return exitOK
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "mianjing: unknown command %q (run 'mianjing --help')\n", fs.Arg(0))
		return exitUsage
	}
	if g.lang != "" && g.lang != "zh" && g.lang != "en" {
		fmt.Fprintf(env.Stderr, "mianjing: --lang must be zh or en, not %q\n", g.lang)
		return exitUsage
	}
	return runTUI(g, env)
}

func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintln(w, "mianjing (面经): study LLM interview questions with spaced repetition.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  mianjing [flags]        open the full-screen app")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Flags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
}

func runTUI(g globals, env Env) int {
	if !env.IsTerminal() {
		fmt.Fprintln(env.Stderr, "mianjing: the app needs a terminal (stdin and stdout must be a TTY); run 'mianjing --help' for other options")
		return exitError
	}
	deck, err := loadDeck(g)
	if err != nil {
		fmt.Fprintf(env.Stderr, "mianjing: %v\n", err)
		return exitError
	}
	st, err := openStore(g)
	if err != nil {
		fmt.Fprintf(env.Stderr, "mianjing: %v\n", err)
		return exitError
	}
	defer st.Close()
	err = tui.Run(tui.Options{
		Deck:    deck,
		Store:   st,
		Lang:    tui.DetectLang(g.lang, env.Getenv),
		Now:     env.Now,
		NoColor: env.Getenv("NO_COLOR") != "",
	})
	if err != nil {
		fmt.Fprintf(env.Stderr, "mianjing: %v\n", err)
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

func openStore(g globals) (*store.Bolt, error) {
	path := g.dbPath
	if path == "" {
		p, err := store.DefaultPath()
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
