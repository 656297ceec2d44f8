package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"mianjing/notes"
	"mianjing/srs"
	"mianjing/store"
	"mianjing/wording"
)

// suspendFlags runs "suspend" (on) or "unsuspend" (off).
func suspendFlags(on bool) func(*flag.FlagSet) func(*runner, []string) int {
	return func(*flag.FlagSet) func(*runner, []string) int {
		return func(r *runner, ids []string) int { return r.suspend(ids, on) }
	}
}

// suspend suspends or unsuspends ids, all checked before anything is
// written; unsuspend also takes a suspended id no longer in the deck.
func (r *runner) suspend(ids []string, on bool) int {
	d, code := r.deck()
	if d == nil {
		return code
	}
	st, code := r.open()
	if st == nil {
		return code
	}
	defer st.Close()
	suspended := st.Suspended()
	for _, id := range ids {
		_, was := suspended[id]
		if !inDeck(d, id) && (on || !was) {
			return r.unknownID(d, id)
		}
	}
	t := studyTextFor(r.lang)
	for _, id := range ids {
		_, was := st.Suspended()[id]
		if was != on {
			if err := st.Suspend(id, on, r.now); err != nil {
				return r.fail(exitError, "%s", err)
			}
		}
		format := map[[2]bool]string{
			{true, false}: t.SuspendedFmt, {true, true}: t.AlreadySuspendedFmt,
			{false, true}: t.UnsuspendedFmt, {false, false}: t.NotSuspendedFmt,
		}[[2]bool{on, was}]
		r.println(fmt.Sprintf(format, id))
	}
	return exitOK
}

func inDeck(d *notes.Deck, id string) bool {
	return slices.ContainsFunc(d.Notes, func(n notes.Note) bool { return n.ID == id })
}

func resetFlags(*flag.FlagSet) func(*runner, []string) int {
	return func(r *runner, ids []string) int { return r.reset(ids) }
}

// reset makes the notes new again, each with a reset entry in the log; a
// note that is already new is said so and left alone.
func (r *runner) reset(ids []string) int {
	d, code := r.deck()
	if d == nil {
		return code
	}
	for _, id := range ids {
		if !inDeck(d, id) {
			return r.unknownID(d, id)
		}
	}
	st, code := r.open()
	if st == nil {
		return code
	}
	defer st.Close()
	t := studyTextFor(r.lang)
	for _, id := range ids {
		if _, ok, err := st.Card(id); err != nil {
			return r.fail(exitError, "%s", err)
		} else if !ok {
			r.println(fmt.Sprintf(t.AlreadyNewFmt, id))
			continue
		}
		if _, err := st.ResetCard(id, r.now); err != nil {
			return r.fail(exitError, "%s", err)
		}
		r.println(fmt.Sprintf(t.ResetFmt, id))
	}
	return exitOK
}

func deckFlags(*flag.FlagSet) func(*runner, []string) int {
	return func(r *runner, args []string) int {
		if args[0] != "export" || len(args) != 2 {
			return r.fail(exitUsage, "usage: %s", r.cmd.usageLine())
		}
		return r.deckExport(args[1])
	}
}

// deckExport writes the built-in deck's files to dir, which must be empty
// or absent, so no file of the learner's is ever replaced.
func (r *runner) deckExport(dir string) int {
	files, err := notes.DefaultFiles()
	if err != nil {
		return r.fail(exitError, "%s", err)
	}
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return r.fail(exitError, "%s is not empty; choose a new or empty directory", dir)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return r.fail(exitError, "%s: %s", dir, unwrapPathErr(err))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return r.fail(exitError, "%s: %s", dir, unwrapPathErr(err))
	}
	names, err := fs.Glob(files, "*.md")
	if err != nil {
		return r.fail(exitError, "%s", err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(files, name)
		if err == nil {
			// O_EXCL: a file that appeared meanwhile is never replaced.
			err = writeNew(filepath.Join(dir, name), data)
		}
		if err != nil {
			return r.fail(exitError, "%s: %s", filepath.Join(dir, name), unwrapPathErr(err))
		}
	}
	r.println(fmt.Sprintf(studyTextFor(r.lang).DeckExportedFmt, len(names), dir, dir))
	return exitOK
}

func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// showAnswersFlags is showFlags plus --answers, which prints the
// learner's saved answers to the note instead of the note.
func showAnswersFlags(fs *flag.FlagSet) func(*runner, []string) int {
	show := showFlags(fs)
	answers := fs.Bool("answers", false, "print your previous typed answers to the note, newest first, instead of the note")
	return func(r *runner, args []string) int {
		if *answers {
			return r.answers(args[0])
		}
		return show(r, args)
	}
}

// answers prints the note's saved answers with their dates, newest first.
func (r *runner) answers(id string) int {
	d, code := r.deck()
	if d == nil {
		return code
	}
	n, code := r.findNote(d, id)
	if n == nil {
		return code
	}
	st, code := r.open()
	if st == nil {
		return code
	}
	defer st.Close()
	revs, err := st.Answers(id)
	if err != nil {
		return r.fail(exitError, "%s", err)
	}
	t := studyTextFor(r.lang)
	if len(revs) == 0 {
		r.println(fmt.Sprintf(t.NoAnswersFmt, id))
		return exitOK
	}
	var b strings.Builder
	fmt.Fprintf(&b, t.AnswersFmt+"\n", id, n.Title, len(revs))
	for _, rv := range revs {
		line := fmt.Sprintf(t.AnswerLineFmt, wording.DateTime(r.lang, rv.Time, r.now),
			rv.Ticked, rv.Points, t.Ratings[rv.Rating-1])
		if rv.Mode == store.ModeCram {
			line += t.Cram
		}
		fmt.Fprintf(&b, "\n%s\n", line)
		for _, l := range strings.Split(strings.TrimRight(rv.Answer, "\n"), "\n") {
			fmt.Fprintf(&b, "  %s\n", l)
		}
	}
	io.WriteString(r.env.Stdout, b.String())
	return exitOK
}

// percent is 100·a/b rounded down, 0 when b is 0.
func percent(a, b int) int {
	if b == 0 {
		return 0
	}
	return 100 * a / b
}

// clock formats d as M:SS, the way the interview's countdown shows time.
func clock(d time.Duration) string {
	s := int(d / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// writeStudyStats ends the stats with past mock interviews and cram
// grades, each on a labelled line when there are any.
func (r *runner) writeStudyStats(w io.Writer, st store.Store, s srs.Stats) error {
	var rows [][2]string
	if err := r.studyStats(st, s, func(head, text string) { rows = append(rows, [2]string{head, text}) }); err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	width := 0
	for _, row := range rows {
		width = max(width, ansi.StringWidth(row[0]))
	}
	var b strings.Builder
	b.WriteString("\n")
	for _, row := range rows {
		fmt.Fprintf(&b, "%s%s  %s\n", row[0], strings.Repeat(" ", width-ansi.StringWidth(row[0])), row[1])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// studyStats writes the stats lines of issue 19 and 20: cram grades, which
// the schedule ignores, and past mock interviews. row prints one labelled
// row as the stats command does.
func (r *runner) studyStats(st store.Store, s srs.Stats, row func(head, text string)) error {
	t := studyTextFor(r.lang)
	ivs, err := st.Interviews()
	if err != nil {
		return err
	}
	if len(ivs) > 0 {
		var ticked, points int
		for _, iv := range ivs {
			tk, p := iv.Covered()
			ticked, points = ticked+tk, points+p
		}
		row(t.StatsInterviews, fmt.Sprintf(t.StatsInterviewsFmt, count(len(ivs), t.Interviews),
			wording.Date(r.lang, ivs[0].Start, r.now), percent(ticked, points)))
	}
	if s.CramTotal > 0 {
		row(t.StatsCram, fmt.Sprintf(t.StatsCramFmt, s.CramToday, s.CramTotal))
	}
	return nil
}

func isSuspended(suspended map[string]time.Time, id string) bool {
	_, ok := suspended[id]
	return ok
}

// suspendedState is a list's state cell, marked when the note is
// suspended.
func (r *runner) suspendedState(state string, suspended map[string]time.Time, id string) string {
	if isSuspended(suspended, id) {
		return state + " · " + studyTextFor(r.lang).SuspendedMark
	}
	return state
}
