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
		if dir == "" {
			return r.fail(exitUsage, "missing DIR (usage: %s)", r.cmd.usageLine())
		}
		return r.check(dir)
	}
}

// check prints every problem of the deck in dir as "file:line: message"
// on stdout and their count on stderr (exit 1), or a summary when there
// are none.
func (r *runner) check(dir string) int {
	probs := notes.CheckDir(dir)
	if len(probs) == 0 {
		d, err := notes.LoadDir(dir)
		if err != nil { // changed between the two reads
			return r.fail(exitError, "%s", err)
		}
		r.println(fmt.Sprintf(r.text.CheckOKFmt, len(d.Notes)))
		return exitOK
	}
	for _, p := range probs {
		r.println(p.String())
	}
	summary := fmt.Sprintf(r.text.CheckBadFmt, len(probs))
	if len(probs) == 1 && r.lang != "zh" {
		summary = "1 problem"
	}
	fmt.Fprintln(r.env.Stderr, summary)
	return exitError
}
