package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"mianjing/notes"
)

// Related notes in the reading view: the note's related ids are listed,
// numbered, under its answer, and r followed by a number opens one.

// relatedNotes returns the deck indices of n's related notes that the deck
// has, in the order the note lists them.
func (c *common) relatedNotes(n *notes.Note) []int {
	var out []int
	for _, id := range n.Related {
		for i := range c.deck.Notes {
			if c.deck.Notes[i].ID == id {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// maxRelated is how many related notes r can open: one digit each.
const maxRelated = 9

// withRelated is n's markdown with its related notes listed at the end,
// numbered as r opens them.
func (c *common) withRelated(n *notes.Note) string {
	rel := c.relatedNotes(n)
	if len(rel) == 0 {
		return n.Body
	}
	var b strings.Builder
	b.WriteString(n.Body)
	b.WriteString("\n\n## " + c.text.RelatedHeading + "\n\n")
	for i, idx := range rel[:min(len(rel), maxRelated)] {
		fmt.Fprintf(&b, "%d. %s\n", i+1, c.deck.Notes[idx].Title)
	}
	return b.String()
}

// followRelated handles the key after r: a number opens that related
// note, anything else cancels.
func (d *detailModel) followRelated(k tea.KeyPressMsg) tea.Cmd {
	d.relating = false
	n := d.note()
	if n == nil {
		return nil
	}
	rel := d.c.relatedNotes(n)
	s := k.String()
	if len(s) != 1 || s[0] < '1' || s[0] > '9' || int(s[0]-'0') > min(len(rel), maxRelated) {
		d.c.status = d.c.text.RelatedCancelled
		return nil
	}
	idx := rel[s[0]-'1']
	// Keep the list's order for n and p when it holds the note; else the
	// deck's.
	order := d.order
	pos := -1
	for i, o := range order {
		if o == idx {
			pos = i
		}
	}
	if pos < 0 {
		order = make([]int, len(d.c.deck.Notes))
		for i := range order {
			order[i] = i
		}
		pos = idx
	}
	return d.open(order, pos)
}

// askRelated starts r: the status line says which numbers open what.
func (d *detailModel) askRelated() {
	n := d.note()
	if n == nil || len(n.Related) == 0 {
		d.c.status = d.c.text.RelatedNone
		return
	}
	d.relating = true
	d.c.status = fmt.Sprintf(d.c.text.RelatedAskFmt, min(len(d.c.relatedNotes(n)), maxRelated))
}
