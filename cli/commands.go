package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// command is one subcommand.
type command struct {
	name    string
	args    string // positional arguments for the usage line, e.g. "ID"
	opts    string // its flags for the usage line
	summary string // one line for the command list
	about   string // the paragraph of "mianjing help CMD"
	minArgs int
	maxArgs int // < 0: any number
	// flags defines the command's flags on fs and returns the function
	// that runs it with the positional arguments.
	flags func(fs *flag.FlagSet) func(r *runner, args []string) int
}

// usageLine is "mianjing NAME ARGS OPTS".
func (c command) usageLine() string {
	return strings.Join(strings.Fields("mianjing "+c.name+" "+c.args+" "+c.opts), " ")
}

// commands returns every subcommand, in the order help lists them.
func commands() []command {
	return []command{
		{
			name: "list", opts: "[--scope all|due|bookmarked] [--json]",
			summary: "list the notes: id, title, tags, state, when due, ★",
			about: "Lists the deck's notes in deck order, one per line with aligned columns: id, title,\n" +
				"tags, study state, when the note is next due and ★ for a bookmark.",
			maxArgs: 0, flags: listFlags,
		},
		{
			name: "show", args: "ID", opts: "[--width N] [--color auto|always|never] [--answers]",
			summary: "print one note, rendered as in the app",
			about: "Prints the note ID rendered as the reading view shows it. With --color auto (the\n" +
				"default) colours are used when stdout is a terminal or CLICOLOR_FORCE=1, never\n" +
				"with NO_COLOR; --color always suits 'mianjing show ID --color always | less -R'.\n" +
				"Without colour the text is plain: no markdown marks.",
			minArgs: 1, maxArgs: 1, flags: showAnswersFlags,
		},
		{
			name: "stats", opts: "[--json]",
			summary: "progress: reviews, streaks, retention, due forecast",
			about: "Prints your progress: cards by state, reviews today and this week, the study\n" +
				"streak, true retention over 30 days, the due forecast for 14 days and each\n" +
				"note's recall. On a terminal it also draws the review calendar and charts.",
			maxArgs: 0, flags: statsFlags,
		},
		{
			name: "export", args: "[FILE]", opts: "[--format json|revlog-csv]",
			summary: "write a backup (JSON) or the FSRS optimizer's revlog (CSV)",
			about: "Writes a complete backup of your progress as versioned JSON, or the review log\n" +
				"as the CSV the FSRS optimizer reads (card_id, review_time, review_rating,\n" +
				"review_state, review_duration). Output goes to stdout, or to FILE, which is\n" +
				"written to a temporary file first and renamed, so it is never left half written.",
			maxArgs: 1, flags: exportFlags,
		},
		{
			name: "import", args: "FILE",
			summary: "merge a backup into your progress",
			about: "Merges a backup written by 'mianjing export' (FILE, or - for stdin) into your\n" +
				"progress. Importing the same backup twice changes nothing; a damaged or foreign\n" +
				"file is rejected with the reason and nothing is written.",
			minArgs: 1, maxArgs: 1, flags: importFlags,
		},
		{
			name: "check", args: "[DIR]",
			summary: "validate a deck directory",
			about: "Checks the deck in DIR (default: the --notes directory, else the built-in deck)\n" +
				"and prints every problem as file:line: message. Exits 1 if there is any.\n" +
				"A README.md in DIR is not a note and is skipped.",
			maxArgs: 1, flags: checkFlags,
		},
		{
			name: "bookmark", args: "ID...",
			summary: "bookmark notes",
			about:   "Bookmarks the notes with these ids.",
			minArgs: 1, maxArgs: -1, flags: bookmarkFlags(true),
		},
		{
			name: "unbookmark", args: "ID...",
			summary: "remove bookmarks",
			about:   "Removes the bookmarks of the notes with these ids.",
			minArgs: 1, maxArgs: -1, flags: bookmarkFlags(false),
		},
		{
			name: "suspend", args: "ID...",
			summary: "take notes out of study until unsuspended",
			about: "Suspends the notes with these ids: they leave every study scope and are\n" +
				"marked in the list.",
			minArgs: 1, maxArgs: -1, flags: suspendFlags(true),
		},
		{
			name: "unsuspend", args: "ID...",
			summary: "put suspended notes back into study",
			about:   "Ends the suspension of the notes with these ids.",
			minArgs: 1, maxArgs: -1, flags: suspendFlags(false),
		},
		{
			name: "reset", args: "ID...",
			summary: "make notes new again (an entry in the review log)",
			about: "Resets the scheduling of the notes with these ids: they are new again. The reset\n" +
				"is an entry in the review log, so the history is kept.",
			minArgs: 1, maxArgs: -1, flags: resetFlags,
		},
		{
			name: "config", args: "list|get|set ...",
			summary: "read and change settings",
			about: "config list prints every setting, config get KEY one, config set KEY VALUE\n" +
				"changes one. Settings are kept in the database and in its backups. Keys:\n" +
				"retention (0.7–0.99), new_per_day (≥ 0), rollover_hour (0–23), weights (21\n" +
				"comma-separated FSRS-6 weights, or default), interview_questions (1–20),\n" +
				"interview_seconds (30–1800), theme (auto, light or dark). A bad value is\n" +
				"refused with the reason and nothing is changed.",
			minArgs: 1, maxArgs: 3, flags: configFlags,
		},
		{
			name: "deck", args: "export DIR",
			summary: "write the built-in deck to DIR, to edit and use with --notes",
			about: "Writes the built-in deck's note files to DIR (new or empty), for use and\n" +
				"editing with 'mianjing --notes DIR'.",
			minArgs: 2, maxArgs: 2, flags: deckFlags,
		},
		{
			name: "interview", opts: "[--questions N] [--history]",
			summary: "start a timed mock interview, or list past ones",
			about: "Starts the app in a mock interview: questions drawn across chapters, each with\n" +
				"a countdown (the interview_seconds setting). With --history, lists past\n" +
				"interviews: date, questions, points covered and time.",
			maxArgs: 0, flags: interviewFlags,
		},
		{
			name: "help", args: "[COMMAND]",
			summary: "explain a command and its flags",
			about:   "Explains COMMAND, or lists the commands.",
			maxArgs: 1, flags: helpFlags,
		},
	}
}

func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return names
}

// usage is the top-level help, in the words of ht.
func usage(w io.Writer, ht helpText) {
	fmt.Fprintln(w, ht.Intro)
	fmt.Fprintln(w)
	fmt.Fprintln(w, ht.Usage)
	writeRows(w, [][2]string{{ht.UsageApp, ht.UsageAppText}, {ht.UsageCmd, ht.UsageCmdText}})
	fmt.Fprintln(w)
	fmt.Fprintln(w, ht.Commands)
	var rows [][2]string
	for _, c := range commands() {
		rows = append(rows, [2]string{strings.TrimSpace(c.name + " " + c.args), textOr(ht.Summary, c.name, c.summary)})
	}
	writeRows(w, rows)
	fmt.Fprintln(w)
	fmt.Fprintln(w, ht.GlobalsTop)
	fs := newFlagSet("mianjing")
	var g globals
	g.register(fs)
	fs.Bool("version", false, "print the version and exit")
	writeFlags(w, fs, true, ht, "")
	fmt.Fprintln(w)
	fmt.Fprintln(w, ht.More)
}

// commandUsage is the help of one command, in the words of ht; fs holds
// its flags.
func commandUsage(w io.Writer, c command, fs *flag.FlagSet, ht helpText) {
	fmt.Fprintf(w, ht.UsageFmt+"\n\n%s\n", c.usageLine(), textOr(ht.About, c.name, c.about))
	if hasOwnFlags(fs) {
		fmt.Fprintln(w)
		fmt.Fprintln(w, ht.Flags)
		writeFlags(w, fs, false, ht, c.name)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, ht.Globals)
	writeFlags(w, fs, true, ht, c.name)
}

// textOr returns m[key], or def when m has none.
func textOr(m map[string]string, key, def string) string {
	if s, ok := m[key]; ok {
		return s
	}
	return def
}

func hasOwnFlags(fs *flag.FlagSet) bool {
	own := false
	fs.VisitAll(func(f *flag.Flag) { own = own || !isGlobal(f.Name) })
	return own
}

// writeFlags lists fs's global or own flags as "--name ARG  usage", with
// --help among the globals; cmd names the command whose flags they are.
func writeFlags(w io.Writer, fs *flag.FlagSet, global bool, ht helpText, cmd string) {
	var rows [][2]string
	fs.VisitAll(func(f *flag.Flag) {
		if isGlobal(f.Name) != global {
			return
		}
		key := cmd + "." + f.Name
		if global {
			key = f.Name
		}
		arg, text := splitUsage(textOr(ht.Flag, key, f.Usage))
		rows = append(rows, [2]string{strings.TrimSpace("--" + f.Name + " " + arg), text})
	})
	if global {
		rows = append(rows, [2]string{"--help", ht.HelpFlag})
	}
	writeRows(w, rows)
}

// splitUsage splits a flag's usage "`ARG` text" into its argument's
// placeholder and the text; a usage without one is all text.
func splitUsage(usage string) (arg, text string) {
	if rest, ok := strings.CutPrefix(usage, "`"); ok {
		if arg, text, ok := strings.Cut(rest, "`"); ok {
			return arg, strings.TrimSpace(text)
		}
	}
	return "", usage
}

// writeRows prints two aligned columns, indented by two spaces.
func writeRows(w io.Writer, rows [][2]string) {
	width := 0
	for _, r := range rows {
		width = max(width, ansi.StringWidth(r[0]))
	}
	for _, r := range rows {
		fmt.Fprintf(w, "  %s%s  %s\n", r[0], strings.Repeat(" ", width-ansi.StringWidth(r[0])), r[1])
	}
}

func helpFlags(*flag.FlagSet) func(*runner, []string) int {
	return func(r *runner, args []string) int {
		ht := helpFor(r.lang)
		if len(args) == 0 {
			usage(r.env.Stdout, ht)
			return exitOK
		}
		c, ok := lookup(args[0])
		if !ok {
			return unknownCommand(r.env.Stderr, args[0])
		}
		fs := newFlagSet("mianjing " + c.name)
		var g globals
		g.register(fs)
		c.flags(fs)
		commandUsage(r.env.Stdout, c, fs, ht)
		return exitOK
	}
}
