package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/colorprofile"

	"mianjing/notes"
	"mianjing/srs"
	"mianjing/store"
)

// runner is one run of a subcommand.
type runner struct {
	env  Env
	g    globals
	cmd  command
	lang string // "zh" or "en"
	text text
	now  time.Time
}

// fail prints "mianjing CMD: message" on one line to stderr and returns
// code.
func (r *runner) fail(code int, format string, args ...any) int {
	fmt.Fprintf(r.env.Stderr, "mianjing %s: %s\n", r.cmd.name, firstLine(fmt.Sprintf(format, args...)))
	return code
}

// deck loads the deck, or reports why not and returns the exit code.
func (r *runner) deck() (*notes.Deck, int) {
	d, err := loadDeck(r.g)
	if err != nil {
		return nil, r.fail(exitError, "%s", deckErr(r.g, err))
	}
	return d, exitOK
}

// open opens the store, or reports the store's one-line error and returns
// the exit code.
func (r *runner) open() (*store.Bolt, int) {
	st, err := openStore(r.g, r.env)
	if err != nil {
		return nil, r.fail(exitError, "%s", err)
	}
	return st, exitOK
}

// progress is the learner's state as commands read it.
type progress struct {
	cards     map[string]srs.Card
	bookmarks map[string]time.Time
	settings  store.Settings
	sched     srs.Scheduler
	newToday  int // new cards started this study day
}

// readProgress reads cards, bookmarks and settings, and builds the
// scheduler the app would use: the settings' rollover hour and retention,
// study days counted in the clock's zone.
func (r *runner) readProgress(st store.Store) (progress, error) {
	cards, err := st.Cards()
	if err != nil {
		return progress{}, err
	}
	settings, err := st.Settings()
	if err != nil {
		return progress{}, err
	}
	newToday, err := store.NewCardsSince(st, srs.DayStart(r.now, r.now.Location(), settings.RolloverHour))
	if err != nil {
		return progress{}, err
	}
	return progress{cards: cards, bookmarks: st.Bookmarks(), settings: settings,
		sched: settings.Scheduler(r.now.Location()), newToday: newToday}, nil
}

// findNote returns the deck's note id, or reports an unknown id with the
// closest one and returns exitUsage.
func (r *runner) findNote(d *notes.Deck, id string) (*notes.Note, int) {
	for i := range d.Notes {
		if d.Notes[i].ID == id {
			return &d.Notes[i], exitOK
		}
	}
	return nil, r.unknownID(d, id)
}

func (r *runner) unknownID(d *notes.Deck, id string) int {
	ids := make([]string, len(d.Notes))
	for i, n := range d.Notes {
		ids[i] = n.ID
	}
	if s, ok := suggest(id, ids); ok {
		return r.fail(exitUsage, "no note with id %q; did you mean %q?", id, s)
	}
	return r.fail(exitUsage, "no note with id %q (run 'mianjing list' to see the ids)", id)
}

// colour reports whether output may carry colour without being asked:
// NO_COLOR (set and not empty) turns it off, CLICOLOR_FORCE (set, not
// "0") turns it on even through a pipe, else stdout must be a terminal.
// NO_COLOR wins over CLICOLOR_FORCE, as in colorprofile.
func (r *runner) colour() bool {
	if r.env.Getenv("NO_COLOR") != "" {
		return false
	}
	if f := r.env.Getenv("CLICOLOR_FORCE"); f != "" && f != "0" {
		return true
	}
	return r.env.StdoutIsTerminal()
}

// colourOut wraps stdout so colours are reduced to what the terminal
// (TERM, COLORTERM) supports. forced (--color always) ignores NO_COLOR
// and keeps at least 256 colours where TERM says nothing (a pipe to
// less -R).
func (r *runner) colourOut(forced bool) io.Writer {
	var environ []string
	for _, k := range []string{"TERM", "COLORTERM", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE",
		"TERM_PROGRAM", "WT_SESSION", "TMUX", "GOOGLE_CLOUD_SHELL"} {
		if forced && k == "NO_COLOR" {
			continue
		}
		if v := r.env.Getenv(k); v != "" {
			environ = append(environ, k+"="+v)
		}
	}
	p := colorprofile.Env(environ)
	if forced || r.env.Getenv("CLICOLOR_FORCE") != "" && r.env.Getenv("CLICOLOR_FORCE") != "0" {
		p = max(p, colorprofile.ANSI256)
	}
	return &colorprofile.Writer{Forward: r.env.Stdout, Profile: p}
}

// darkBackground guesses the terminal's background from COLORFGBG
// ("15;0" is light on dark), dark when unknown: a command cannot wait for
// the terminal to answer a query.
func (r *runner) darkBackground() bool {
	v := r.env.Getenv("COLORFGBG")
	i := strings.LastIndexByte(v, ';')
	if i < 0 {
		return true
	}
	switch v[i+1:] {
	case "7", "15":
		return false
	}
	return true
}

// width is the output width: the terminal's, capped at limit, or fallback
// when stdout is not a terminal.
func (r *runner) width(fallback, limit int) int {
	if r.env.StdoutIsTerminal() {
		if w := r.env.TermWidth(); w > 0 {
			return min(w, limit)
		}
	}
	return fallback
}
