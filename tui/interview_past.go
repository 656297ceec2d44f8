package tui

// The learner's previous answers to a note, shown below the reference
// answer at a reveal, in the mock interview and in the self-test.

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/notes"
	"mianjing/store"
	"mianjing/wording"
)

// pastSet is one note's previous answers as read for a reveal.
type pastSet struct {
	loading bool
	items   []pastAnswer // newest first
	err     error
}

// maxPastShown bounds the previous answers shown at a reveal; the reading
// view's h shows them all.
const maxPastShown = 5

// maxPastCached bounds the notes whose previous answers are kept.
const maxPastCached = 256

// wantPast asks for note id's previous answers unless they are read or on
// their way. The read queues behind every write asked for before it.
func (c *common) wantPast(id string) tea.Cmd {
	if c.store == nil {
		return nil
	}
	if _, ok := c.past[id]; ok {
		return nil
	}
	if c.past == nil || len(c.past) >= maxPastCached {
		c.past = map[string]pastSet{}
	}
	c.past[id] = pastSet{loading: true}
	return c.io.add(loadPastJob(c.store, id))
}

// loadPastJob reads a note's typed answers, newest first.
func loadPastJob(st store.Store, id string) func() tea.Msg {
	load := loadAnswersJob(st, id)
	return func() tea.Msg {
		// The same answers, as the message the interview takes.
		return pastAnswersMsg(load().(answersLoadedMsg))
	}
}

// pastLoaded keeps a result of loadPastJob; one no longer asked for (a
// grade of the note since) is dropped.
func (c *common) pastLoaded(msg pastAnswersMsg) {
	if set, ok := c.past[msg.id]; ok && set.loading {
		c.past[msg.id] = pastSet{items: msg.answers, err: msg.err}
	}
}

// forgetPast drops a note's previous answers: a grade added or took one
// back.
func (c *common) forgetPast(id string) { delete(c.past, id) }

// pastLines draws note n's previous answers for a reveal, width cells
// wide: a heading, then each answer with its date and points, newest
// first. Nothing while they are read or when there are none.
func (c *common) pastLines(n *notes.Note, width int) []string {
	if n == nil {
		return nil
	}
	set, ok := c.past[n.ID]
	if !ok || set.loading || set.err == nil && len(set.items) == 0 {
		return nil
	}
	s, t := c.styles, c.text
	w := max(1, width)
	out := []string{"", s.Label.Render(fmt.Sprintf(t.PastTitleFmt, len(set.items)))}
	if set.err != nil {
		return append(out, s.Error.Render(truncate(errorLine(t.ErrAnswersFmt, set.err), w)))
	}
	for i, it := range set.items {
		if i == maxPastShown {
			out = append(out, s.Hint.Render(truncate(fmt.Sprintf(t.PastMoreFmt, len(set.items)-i), w)))
			break
		}
		head := wording.DateTime(c.text.Lang, it.at, c.now())
		if it.points > 0 {
			head += "  " + fmt.Sprintf(t.AnswerPointsFmt, it.ticked, it.points)
		}
		out = append(out, s.Status.Render(head))
		for l := range strings.SplitSeq(ansi.Wrap(cleanAnswer(it.text), max(1, w-2), ""), "\n") {
			out = append(out, "  "+s.Typed.Render(l))
		}
	}
	return out
}
