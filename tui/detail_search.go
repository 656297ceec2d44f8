package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// searchState is the reading view's search: the box while the learner
// types, the query in force and its matches in the viewport's content.
type searchState struct {
	input   textinput.Model
	typing  bool // the box has focus: keys are its text
	query   string
	matches []searchMatch
	cur     int // the current match, into matches
	// from is the top line when the box opened: the first match shown
	// is the first one from there on.
	from int
}

func newSearchState(c *common) searchState {
	in := textinput.New()
	in.Prompt = "/"
	in.SetStyles(c.styles.Input)
	return searchState{input: in}
}

// active reports whether a query is in force (typed and kept, or being
// typed): n and N then step through its matches.
func (s searchState) active() bool { return s.query != "" || s.typing }

// capturing reports whether the reading view takes keys as text.
func (d *detailModel) capturing() bool { return d.search.typing }

// openSearch focuses the search box, empty.
func (d *detailModel) openSearch() tea.Cmd {
	d.search.typing = true
	d.search.from = d.vp.YOffset()
	d.search.input.Reset()
	d.search.input.SetWidth(max(1, d.width-d.c.styles.Footer.GetHorizontalFrameSize()-24))
	d.setQuery("")
	d.updateKeys()
	return d.search.input.Focus()
}

// updateSearchBox handles a message while the box has focus: enter keeps
// the query, esc drops it, anything else edits it and searches at once.
func (d *detailModel) updateSearchBox(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, d.keys.AcceptSearch):
			d.search.typing = false
			d.search.input.Blur()
			d.updateKeys()
			return nil
		case key.Matches(k, d.keys.CancelSearch):
			d.clearSearch()
			return nil
		}
	}
	var cmd tea.Cmd
	d.search.input, cmd = d.search.input.Update(msg)
	if q := d.search.input.Value(); q != d.search.query {
		d.setQuery(q)
	}
	return cmd
}

// clearSearch closes the box and removes the query and its highlights.
func (d *detailModel) clearSearch() {
	d.search.typing = false
	d.search.input.Blur()
	d.setQuery("")
	d.updateKeys()
}

// setQuery searches the content for q and shows its first match from
// where the search started.
func (d *detailModel) setQuery(q string) {
	d.search.query = q
	d.rematch()
	d.search.cur = firstMatchFrom(d.search.matches, d.search.from)
	d.rematch()
	d.showMatch()
}

// rematch finds the query's matches in the content (new content or a
// new query) and puts the content, highlighted, in the viewport; the
// current match stays in range.
func (d *detailModel) rematch() {
	s := &d.search
	s.matches = findMatches(d.plain, s.query)
	s.cur = min(s.cur, max(0, len(s.matches)-1))
	hl, cur := matchStyles()
	d.vp.SetContentLines(highlightMatches(d.styled, s.matches, s.cur, hl, cur))
}

// stepMatch moves to the next (+1) or previous (-1) match, wrapping
// around, and scrolls it onto the screen.
func (d *detailModel) stepMatch(dir int) {
	n := len(d.search.matches)
	if n == 0 {
		return
	}
	d.search.cur = ((d.search.cur+dir)%n + n) % n
	d.rematch()
	d.showMatch()
}

// showMatch scrolls the current match onto the screen, a third of the
// way down when it has to move, so the lines before it show too.
func (d *detailModel) showMatch() {
	s := d.search
	if len(s.matches) == 0 {
		return
	}
	line := s.matches[s.cur].line
	top, h := d.vp.YOffset(), d.vp.VisibleLineCount()
	if line >= top && line < top+h {
		return
	}
	d.vp.SetYOffset(max(0, line-h/3))
}

// jumpHeading scrolls the next (+1) or previous (-1) heading to the top.
func (d *detailModel) jumpHeading(dir int) {
	top := d.vp.YOffset()
	if dir > 0 {
		for _, l := range d.headings {
			if l > top {
				d.vp.SetYOffset(l)
				return
			}
		}
		return
	}
	for i := len(d.headings) - 1; i >= 0; i-- {
		if l := d.headings[i]; l < top {
			d.vp.SetYOffset(l)
			return
		}
	}
	d.vp.GotoTop()
}

// searchInfo is the query and its count for the status line: "/rope 3/7",
// or "/rope no match"; "" without a query.
func (d *detailModel) searchInfo() string {
	s := d.search
	if s.query == "" {
		return ""
	}
	count := d.c.text.SearchNone
	if len(s.matches) > 0 {
		count = strconv.Itoa(s.cur+1) + "/" + strconv.Itoa(len(s.matches))
	}
	if s.typing {
		return count
	}
	return "/" + truncate(s.query, 16) + " " + count
}

// searchLine is the search box in place of the status line, with right
// (the count and percent) at the end.
func (d *detailModel) searchLine(right string) string {
	st := d.c.styles
	inner := d.width - st.Footer.GetHorizontalFrameSize()
	box := d.search.input.View()
	gap := inner - ansi.StringWidth(box) - ansi.StringWidth(right)
	if gap < 1 {
		return st.Footer.Width(d.width).Render(truncate(box, inner))
	}
	return st.Footer.Width(d.width).Render(box + strings.Repeat(" ", gap) + right)
}
