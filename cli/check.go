package cli

import (
	"flag"
	"fmt"

	"mianjing/notes"
)

func checkFlags(*flag.FlagSet) func(*runner, []string) int {
	return func(r *runner, args []string) int {
		dir := r.g.notesDir
		if len(args) > 0 {
			dir = args[0]
		}
		return r.check(dir)
	}
}

// check prints every problem of the deck in dir as "file:line: message"
// on stdout and their count on stderr (exit 1), or a summary when there
// are none.
// An empty dir means the built-in deck, the one the app uses without
// --notes.
func (r *runner) check(dir string) int {
	probs, load := notes.CheckDir(dir), func() (*notes.Deck, error) { return notes.LoadDir(dir) }
	if dir == "" {
		probs, load = notes.CheckDefault(), notes.Default
	}
	if len(probs) == 0 {
		d, err := load()
		if err != nil { // changed between the two reads
			return r.fail(exitError, "%s", err)
		}
		r.println(fmt.Sprintf(r.text.CheckOKFmt, count(len(d.Notes), r.text.Notes)))
		return exitOK
	}
	for _, p := range probs {
		r.println(p.String())
	}
	fmt.Fprintln(r.env.Stderr, count(len(probs), r.text.Problems))
	return exitError
}
