package tui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/store"
	"mianjing/wording"
)

// pastAnswer is one of the learner's typed answers to a note.
type pastAnswer struct {
	at             time.Time
	text           string
	ticked, points int
}

// answersState is the reading view's section of the learner's previous
// answers to the note shown, toggled by h.
type answersState struct {
	on      bool
	id      string // the note the items are for
	loading bool
	items   []pastAnswer // newest first
	err     error
}

// loadAnswers reads the current note's answers when the section is on.
func (d *detailModel) loadAnswers() tea.Cmd {
	n := d.note()
	if !d.answers.on || n == nil || d.c.store == nil {
		return nil
	}
	d.answers = answersState{on: true, id: n.ID, loading: true}
	return d.c.io.add(loadAnswersJob(d.c.store, n.ID))
}

// loadAnswersJob reads a note's typed answers from the review log, newest
// first.
func loadAnswersJob(st store.Store, id string) func() tea.Msg {
	return func() tea.Msg {
		rs, err := st.Answers(id)
		out := make([]pastAnswer, 0, len(rs))
		for _, r := range rs {
			if strings.TrimSpace(r.Answer) != "" {
				out = append(out, pastAnswer{at: r.Time, text: r.Answer, ticked: r.Ticked, points: r.Points})
			}
		}
		return answersLoadedMsg{id: id, answers: out, err: err}
	}
}

// toggleAnswers shows or hides the answers section; shown, it is read
// afresh (a self-test may have added one) and scrolled to.
func (d *detailModel) toggleAnswers() tea.Cmd {
	d.answers.on = !d.answers.on
	var cmd tea.Cmd
	if d.answers.on {
		cmd = d.loadAnswers()
	}
	d.setContent()
	if d.answers.on {
		d.vp.SetYOffset(len(d.noteLines))
	}
	d.updateKeys()
	return cmd
}

// answersLoaded takes a result of loadAnswersJob; one for a note no longer
// shown is stale.
func (d *detailModel) answersLoaded(msg answersLoadedMsg) {
	if !d.answers.on || msg.id != d.answers.id {
		return
	}
	d.answers.loading, d.answers.items, d.answers.err = false, msg.answers, msg.err
	top := d.vp.YOffset()
	d.setContent()
	d.vp.SetYOffset(top)
}

// answersSection is the lines of the answers section, in the note's
// column, or none when it is off.
func (d *detailModel) answersSection() []string {
	a := d.answers
	if !a.on {
		return nil
	}
	s, t := d.c.styles, d.c.text
	pad := d.indent
	w := max(1, d.wrapWidth()-(len(pad)-len(d.pad(d.wrapWidth()))))
	out := []string{"", pad + s.Label.Render(t.AnswersTitle), ""}
	note := func(style func(...string) string, msg string) {
		for l := range strings.SplitSeq(ansi.Wrap(msg, w, ""), "\n") {
			out = append(out, pad+style(l))
		}
	}
	switch {
	case a.err != nil:
		note(s.Error.Render, errorLine(t.ErrAnswersFmt, a.err))
	case a.loading:
		note(s.Status.Render, t.AnswersLoading)
	case len(a.items) == 0:
		note(s.Status.Render, t.AnswersNone)
	}
	for _, it := range a.items {
		head := wording.DateTime(d.c.text.Lang, it.at, d.c.now())
		if it.points > 0 {
			head += "  " + fmt.Sprintf(t.AnswerPointsFmt, it.ticked, it.points)
		}
		out = append(out, pad+s.Status.Render(head))
		for l := range strings.SplitSeq(ansi.Wrap(cleanAnswer(it.text), max(1, w-2), ""), "\n") {
			out = append(out, pad+"  "+s.Typed.Render(l))
		}
		out = append(out, "")
	}
	return out
}

// cleanAnswer drops control characters but newlines from a stored answer
// and expands tabs, so it cannot drive the terminal or break the layout.
func cleanAnswer(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\t", "    ")
	return strings.Map(func(r rune) rune {
		if r == '\n' || (r >= 0x20 && r != 0x7f && (r < 0x80 || r >= 0xa0)) {
			return r
		}
		return -1
	}, strings.TrimRight(s, "\n "))
}

// textMargin is the fewest leading spaces of the non-blank lines: where
// the note's text starts, after the centring and the renderer's margin.
func textMargin(plain []string) int {
	m := -1
	for _, l := range plain {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if n := len(l) - len(strings.TrimLeft(l, " ")); m < 0 || n < m {
			m = n
		}
	}
	return max(m, 0)
}
