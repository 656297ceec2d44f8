package tui

import (
	"fmt"
	"mianjing/srs"
	"mianjing/store"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// The store's answers to a grade's write and to an undo, as the self-test
// and the mock interview both take them: grader's bookkeeping, the shared
// progress snapshot, the status line. gen is the answer's session and cur
// the view's; an answer for an older session only reports its error.

// takeSaved applies the answer to a grade's write. back is set when the
// write failed: the grade is dropped and returned, to be put back on
// screen, and keys held for what followed are dropped too.
func takeSaved(c *common, g *grader, gen, cur int, rev store.Review, err error) (failed gradedCard, back bool) {
	if gen != cur {
		if err != nil {
			c.setError(c.text.ErrSaveFmt, err)
		}
		return gradedCard{}, false
	}
	failed, ok, stale := g.saved(rev, err)
	switch {
	case stale:
		return gradedCard{}, false
	case ok:
		c.setCard(rev.NoteID, rev.After) // the list is current on return
		c.forgetPast(rev.NoteID)
		return gradedCard{}, false
	}
	c.held = nil
	c.setError(c.text.ErrSaveFmt, err)
	return failed, true
}

// takeUndone applies the answer to an undo that removed rev (found is false
// when the log had nothing). back is set when the grade was taken back: it
// is returned, to be put back on screen.
func takeUndone(c *common, g *grader, gen, cur int, rev store.Review, found bool, err error) (undone gradedCard, back bool) {
	if gen != cur {
		return gradedCard{}, false
	}
	if err != nil {
		c.held = nil
		g.pending--
		c.setError(c.text.ErrUndoFmt, err)
		return gradedCard{}, false
	}
	undone, odd := g.undone(rev, found)
	if odd {
		c.errText = c.text.ErrUndoOdd
		return gradedCard{}, false
	}
	if b := rev.Before; b.State == srs.New && b.Reps == 0 {
		c.dropCard(rev.NoteID)
	} else {
		c.setCard(rev.NoteID, b)
	}
	c.forgetPast(rev.NoteID)
	c.status = c.text.Undone
	return undone, true
}

// saveState is the right end of a session's title bar: saving while a
// write is in flight, else how many grades are saved.
func (c *common) saveState(g *grader) string {
	switch {
	case g.pending > 0:
		return c.text.Saving
	case len(g.history) > 0:
		return fmt.Sprintf(c.text.SavedFmt, g.savedCount())
	}
	return ""
}

// spread puts right at the right end of a width-cell line that starts with
// left, when both fit with a gap; else left alone.
func spread(left, right string, width int) string {
	gap := width - ansi.StringWidth(left) - ansi.StringWidth(right)
	if right == "" || gap < 2 {
		return left
	}
	return left + strings.Repeat(" ", gap) + right
}

// enableOnly enables the bindings of on and disables the rest of all, so
// help shows only what applies.
func enableOnly(all []*key.Binding, on ...*key.Binding) {
	for _, b := range all {
		b.SetEnabled(false)
	}
	for _, b := range on {
		b.SetEnabled(true)
	}
}
