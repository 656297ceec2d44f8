package tui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"mianjing/store"
)

// Study control shared by the list and the reading view: suspending a note
// (x), and resetting its schedule to new (R, confirmed with y, undone with
// u straight after). The root model routes the confirming and undoing keys
// (see Model.studyKey), since either view may have asked.

// suspendedMsg is sent by suspendJob once the store has (or has not)
// suspended or resumed a note.
type suspendedMsg struct {
	id  string
	on  bool
	at  time.Time
	err error
}

// resetDoneMsg is sent by resetJob with the log entry of a reset, or the
// error.
type resetDoneMsg struct {
	review store.Review
	title  string
	err    error
}

// resetUndoneMsg is sent by undoResetJob with the entry it took back.
type resetUndoneMsg struct {
	review store.Review
	ok     bool
	err    error
}

// suspended reports whether a note is out of every study scope.
func (c *common) isSuspended(id string) bool {
	_, ok := c.suspended[id]
	return ok
}

// toggleSuspend starts the store write that suspends or resumes id.
func (c *common) toggleSuspend(id string) tea.Cmd {
	on := !c.isSuspended(id)
	now := c.now()
	st := c.store
	return c.io.add(func() tea.Msg {
		return suspendedMsg{id: id, on: on, at: now, err: st.Suspend(id, on, now)}
	})
}

// askReset asks the learner to confirm resetting note id to new.
func (c *common) askReset(id, title string) {
	card, ok := c.cards[id]
	if !ok || card.Reps == 0 && card.State == 0 {
		c.status = c.text.ResetAlreadyNew
		return
	}
	c.confirmReset, c.confirmTitle = id, title
	c.status = fmt.Sprintf(c.text.ResetAskFmt, truncate(title, 30))
}

// studyKey handles the key that follows a reset question or a reset: y
// confirms the question, u undoes the reset just made; any key ends both.
// handled reports whether the key was used up.
func (m *Model) studyKey(k tea.KeyPressMsg) (cmd tea.Cmd, handled bool) {
	c := m.c
	ask, undo := c.confirmReset, c.undoReset
	c.confirmReset, c.undoReset = "", ""
	switch {
	case ask != "" && k.String() == "y":
		st, now, title := c.store, c.now(), c.confirmTitle
		return c.io.add(func() tea.Msg {
			r, err := st.ResetCard(ask, now)
			return resetDoneMsg{review: r, title: title, err: err}
		}), true
	case ask != "":
		c.status = c.text.ResetCancelled
		return nil, true
	case undo != "" && k.String() == "u":
		st := c.store
		return c.io.add(func() tea.Msg {
			r, ok, err := st.UndoLastReview()
			return resetUndoneMsg{review: r, ok: ok, err: err}
		}), true
	}
	return nil, false
}

// studyResult takes the store's answer to a suspend, reset or undo.
func (m *Model) studyResult(msg tea.Msg) tea.Cmd {
	c := m.c
	switch msg := msg.(type) {
	case suspendedMsg:
		switch {
		case msg.err != nil:
			c.setError(c.text.ErrSuspendFmt, msg.err)
		case msg.on:
			c.suspended[msg.id] = msg.at
			c.status = c.text.SuspendOn
		default:
			delete(c.suspended, msg.id)
			c.status = c.text.SuspendOff
		}
		c.tally.ok = false
	case resetDoneMsg:
		if msg.err != nil {
			c.setError(c.text.ErrResetFmt, msg.err)
			return nil
		}
		c.dropCard(msg.review.NoteID)
		c.undoReset = msg.review.NoteID
		c.status = fmt.Sprintf(c.text.ResetDoneFmt, truncate(msg.title, 30))
	case resetUndoneMsg:
		switch {
		case msg.err != nil:
			c.setError(c.text.ErrResetFmt, msg.err)
		case !msg.ok || msg.review.Mode != store.ModeReset:
			// Cannot happen while writes run in order; say so rather
			// than guess.
			c.errText = c.text.ErrUndoOdd
		default:
			c.setCard(msg.review.NoteID, msg.review.Before)
			c.status = c.text.ResetUndone
		}
	}
	return m.list.setItems()
}
