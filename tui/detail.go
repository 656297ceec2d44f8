package tui

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/notes"
	"mianjing/store"
)

// detailModel is the reading view: one rendered note in a viewport.
type detailModel struct {
	c    *common
	keys detailKeys
	vp   viewport.Model

	order []int // deck indices, in the list's order when the note was opened
	pos   int   // into order

	want   renderKey // the rendering the view needs now
	shown  renderKey // the rendering in the viewport
	loaded bool      // shown == want
	err    error     // the renderer's error for want

	// relating: r was pressed; the next key picks a related note.
	relating bool

	// notesDir is the deck's directory (--notes), where e edits a note's
	// file; "" for the built-in deck.
	notesDir string

	// The content: the note's rendered lines (centred), then the answers
	// section when shown. styled is the content without highlights and
	// plain the same without escape codes, which search reads.
	noteLines []string
	styled    []string
	plain     []string
	headings  []int  // lines of the note's headings, for { and }
	indent    string // the note's text column, where the answers go

	search  searchState
	answers answersState
	// help is the help as Update last drew it, for View.
	help helpCache

	width, height int
}

func newDetail(c *common, notesDir string) detailModel {
	vp := viewport.New()
	vp.KeyMap = c.keys.Detail.viewportKeys()
	vp.SetHorizontalStep(0)
	vp.Style = c.styles.Viewport
	d := detailModel{c: c, keys: c.keys.Detail, vp: vp, notesDir: notesDir, search: newSearchState(c)}
	d.updateKeys()
	return d
}

func (d *detailModel) note() *notes.Note {
	if d.pos < 0 || d.pos >= len(d.order) {
		return nil
	}
	return &d.c.deck.Notes[d.order[d.pos]]
}

// open shows the note at pos of order.
func (d *detailModel) open(order []int, pos int) tea.Cmd {
	d.order, d.pos = order, pos
	d.want, d.shown, d.loaded, d.err = renderKey{}, renderKey{}, false, nil
	d.updateKeys()
	return tea.Batch(d.request(), d.loadAnswers())
}

// wrapWidth is the width notes are rendered at.
func (d *detailModel) wrapWidth() int {
	return max(1, min(readingWidth, d.vp.Width()-d.vp.Style.GetHorizontalFrameSize()))
}

// request asks for the current note at the current width and style: from
// the cache at once, or through renderNoteCmd.
func (d *detailModel) request() tea.Cmd {
	n := d.note()
	if n == nil || d.width == 0 {
		return nil
	}
	k := renderKey{id: n.ID, width: d.wrapWidth(), style: d.c.renderStyle()}
	if k == d.want && d.err == nil {
		return nil // shown already, or on its way
	}
	d.want, d.err = k, nil
	if out, ok := d.c.renders[k]; ok {
		d.show(k, out)
		return nil
	}
	d.loaded = false
	return renderNoteCmd(d.c.renderer, d.c.withRelated(n), k)
}

// rendered takes a result of renderNoteCmd; results for anything but the
// wanted rendering are stale and ignored (the root has cached them).
func (d *detailModel) rendered(msg noteRenderedMsg) {
	if msg.key != d.want || d.loaded {
		return
	}
	if msg.err != nil {
		d.err = msg.err
		return
	}
	d.show(msg.key, msg.out)
}

// show puts a rendering in the viewport: the same note keeps its scroll
// position (as a fraction), another starts at the top (at the first match
// when a search is on).
func (d *detailModel) show(k renderKey, out string) {
	same := d.shown.id == k.id
	frac := d.vp.ScrollPercent()
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	for i, l := range lines {
		lines[i] = d.pad(k.width) + l
	}
	d.noteLines = lines
	plain := make([]string, len(lines))
	for i, l := range lines {
		plain[i] = ansi.Strip(l)
	}
	d.indent = strings.Repeat(" ", textMargin(plain))
	d.headings = nil
	if n := d.note(); n != nil {
		d.headings = headingLines(n.Body, plain)
	}
	if !same {
		d.search.cur = 0
	}
	// The keys (headings, related notes) set the help's height, and so the
	// viewport's, which the scroll position below depends on.
	d.updateKeys()
	d.setContent()
	if same {
		maxOff := max(0, d.vp.TotalLineCount()-d.vp.VisibleLineCount())
		d.vp.SetYOffset(int(math.Round(frac * float64(maxOff))))
	} else {
		d.vp.GotoTop()
		d.showMatch()
	}
	d.shown, d.loaded = k, true
}

// pad centres a column of width cells in the viewport.
func (d *detailModel) pad(width int) string {
	return strings.Repeat(" ", max(0, (d.vp.Width()-d.vp.Style.GetHorizontalFrameSize()-width)/2))
}

// setContent puts the note and the answers section in the viewport, with
// the search's matches highlighted.
func (d *detailModel) setContent() {
	d.styled = append(slices.Clip(d.noteLines), d.answersSection()...)
	d.plain = make([]string, len(d.styled))
	for i, l := range d.styled {
		d.plain[i] = ansi.Strip(l)
	}
	d.rematch()
}

// restyle re-renders after the background colour changed.
func (d *detailModel) restyle() tea.Cmd {
	d.vp.Style = d.c.styles.Viewport
	return d.request()
}

// SetSize sets the view's size and re-renders when the wrap width changes.
func (d *detailModel) SetSize(w, h int) tea.Cmd {
	d.width, d.height = w, h
	d.layout()
	return d.request()
}

func (d *detailModel) layout() {
	room := d.helpRoom(d.statusLine())
	d.help.draw(d.c, d.helpKeys(), d.width, room, minReadRows)
	d.vp.SetWidth(d.width)
	d.vp.SetHeight(max(1, room-lipgloss.Height(d.help.out)))
}

// Update handles the reading keys and the mouse wheel; while the search
// box has focus, keys are its text.
func (d *detailModel) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if msg, ok := msg.(answersLoadedMsg); ok {
		d.answersLoaded(msg)
		return nil
	}
	if d.search.typing {
		return d.updateSearchBox(msg)
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && d.relating {
		return d.followRelated(k)
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		n := d.note()
		if d.search.active() {
			switch {
			case key.Matches(k, d.keys.NextMatch):
				d.stepMatch(1)
				return nil
			case key.Matches(k, d.keys.PrevMatch):
				d.stepMatch(-1)
				return nil
			case key.Matches(k, d.keys.ClearSearch):
				d.clearSearch()
				return nil
			}
		}
		switch {
		case key.Matches(k, d.keys.Related):
			d.askRelated()
			return nil
		case key.Matches(k, d.keys.Search):
			return d.openSearch()
		case key.Matches(k, d.keys.NextHeading):
			d.jumpHeading(1)
			return nil
		case key.Matches(k, d.keys.PrevHeading):
			d.jumpHeading(-1)
			return nil
		case key.Matches(k, d.keys.Answers) && n != nil:
			return d.toggleAnswers()
		case key.Matches(k, d.keys.Edit) && n != nil:
			return d.edit(n)
		case key.Matches(k, d.keys.Back):
			idx := -1
			if n != nil {
				idx = d.order[d.pos]
			}
			return d.c.navigate(backMsg{index: idx})
		// The always-enabled originals: at either end help drops n/p, but
		// pressing one still says why nothing moved.
		case key.Matches(k, d.c.keys.Detail.Next):
			if d.pos+1 >= len(d.order) {
				d.c.status = d.c.text.LastNote
				return nil
			}
			d.pos++
			d.updateKeys()
			return tea.Batch(d.request(), d.loadAnswers())
		case key.Matches(k, d.c.keys.Detail.Prev):
			if d.pos <= 0 {
				d.c.status = d.c.text.FirstNote
				return nil
			}
			d.pos--
			d.updateKeys()
			return tea.Batch(d.request(), d.loadAnswers())
		case key.Matches(k, d.keys.Bookmark) && n != nil:
			return d.c.toggleBookmark(n.ID)
		case key.Matches(k, d.keys.Suspend) && n != nil:
			return d.c.toggleSuspend(n.ID)
		case key.Matches(k, d.keys.Reset) && n != nil:
			d.c.askReset(n.ID, n.Title)
			return nil
		case key.Matches(k, d.keys.Test) && n != nil:
			return d.c.navigate(startQuizMsg{ids: []string{n.ID}, mode: store.ModeOne})
		case key.Matches(k, d.keys.Top):
			d.vp.GotoTop()
			return nil
		case key.Matches(k, d.keys.Bottom):
			d.vp.GotoBottom()
			return nil
		}
	}
	d.vp, cmd = d.vp.Update(msg)
	return cmd
}

func (d *detailModel) updateKeys() {
	k, t := &d.keys, d.c.text
	k.Next.SetEnabled(d.pos+1 < len(d.order))
	k.Prev.SetEnabled(d.pos > 0)
	searching := d.search.active()
	// While a search is on, n and N step through its matches and esc
	// clears it: the arrows still change notes.
	if searching {
		k.Next.SetHelp("→", t.KeyNext)
	} else {
		k.Next.SetHelp("n/→", t.KeyNext)
	}
	k.NextMatch.SetEnabled(searching)
	k.PrevMatch.SetEnabled(searching)
	k.ClearSearch.SetEnabled(searching)
	k.Back.SetEnabled(!searching)
	k.NextHeading.SetEnabled(len(d.headings) > 0)
	k.PrevHeading.SetEnabled(len(d.headings) > 0)
	n := d.note()
	k.Related.SetEnabled(n != nil && len(d.c.relatedNotes(n)) > 0)
	if d.answers.on {
		k.Answers.SetHelp("h", t.KeyHideAnswers)
	} else {
		k.Answers.SetHelp("h", t.KeyShowAnswers)
	}
	// The keys decide the help's height, and so the note's.
	d.layout()
}

// ShortHelp is the one-line help of the reading view.
func (d *detailModel) ShortHelp() []key.Binding {
	k := d.keys
	if d.search.typing {
		return []key.Binding{k.AcceptSearch, k.CancelSearch}
	}
	if d.search.active() {
		return []key.Binding{k.NextMatch, k.PrevMatch, k.Search, k.Next, k.ClearSearch,
			d.c.keys.Global.helpBinding(d.c.text, d.c.help.ShowAll)}
	}
	scroll := key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("j/k", d.c.text.KeyScroll))
	// Paging and p are left to full help: the line is too short for all.
	return []key.Binding{scroll, k.Next, k.Search, k.Bookmark, k.Test,
		d.c.keys.Global.helpBinding(d.c.text, d.c.help.ShowAll), k.Back}
}

// FullHelp is the reading view's help in columns.
func (d *detailModel) FullHelp() [][]key.Binding {
	k, g := d.keys, d.c.keys.Global
	if d.search.typing {
		return [][]key.Binding{{k.AcceptSearch, k.CancelSearch}}
	}
	// Three columns fit 80 cells; the search's n/N/esc show only while
	// a search is on.
	return [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{k.Next, k.Prev, k.NextHeading, k.PrevHeading, k.Search, k.NextMatch, k.PrevMatch, k.ClearSearch},
		{k.Related, k.Answers, k.Edit, k.Bookmark, k.Suspend, k.Reset, k.Test, g.helpBinding(d.c.text, d.c.help.ShowAll), k.Back, g.ForceQuit},
	}
}

// View draws the title bar, the note and the footer.
func (d *detailModel) View() string {
	var body string
	switch {
	case d.err != nil:
		body = d.placeholder(d.c.styles.Error.Render(fmt.Sprintf(d.c.text.ErrRenderFmt, d.err)))
	case !d.loaded:
		body = d.placeholder(d.c.styles.Status.Render(d.c.text.Rendering))
	default:
		body = d.vp.View()
	}
	// The title bar and the body are as wide as the window.
	// The footer's lines are padded to the width already.
	return stack(d.titleBar(), body, d.footer())
}

// placeholder fills the viewport's area with a short message.
func (d *detailModel) placeholder(msg string) string {
	w := d.vp.Width() - d.vp.Style.GetHorizontalFrameSize()
	msg = ansi.Wrap(msg, max(1, w), "")
	return d.vp.Style.Width(d.vp.Width()).Height(d.vp.Height()).MaxHeight(d.vp.Height()).Render(msg)
}

// titleBar shows the position in the list's order, the title and ★.
func (d *detailModel) titleBar() string {
	s := d.c.styles
	n := d.note()
	if n == nil {
		return s.TitleBar.Width(d.width).Render("")
	}
	pos := strconv.Itoa(d.pos+1) + "/" + strconv.Itoa(len(d.order))
	star := ""
	if d.c.bookmarked(n.ID) {
		star = " ★"
	}
	inner := d.width - s.TitleBar.GetHorizontalFrameSize()
	title := truncate(n.Title, inner-ansi.StringWidth(pos)-2-ansi.StringWidth(star))
	return s.TitleBar.Width(d.width).Render(truncate(pos+"  "+title+star, inner))
}

// footer is the status line and the help.
func (d *detailModel) footer() string {
	status := d.statusLine()
	// The status line is as wide as the window.
	return stack(status, d.help.view(d.c, d.helpKeys(), d.width, d.helpRoom(status), minReadRows))
}

func (d *detailModel) helpKeys() helpKeys { return helpKeys{d.ShortHelp(), d.FullHelp()} }

// helpRoom is the height the help may take below the title bar and status.
func (d *detailModel) helpRoom(status string) int {
	return d.height - lipgloss.Height(d.titleBar()) - lipgloss.Height(status)
}

// statusLine is the status, with the search's count and the scroll
// percent on the right, or the search box while it has focus.
func (d *detailModel) statusLine() string {
	pct := ""
	if d.loaded {
		pct = d.c.styles.Percent.Render(fmt.Sprintf(d.c.text.ScrollFmt, int(math.Round(d.vp.ScrollPercent()*100))))
	}
	if info := d.searchInfo(); info != "" {
		pct = d.c.styles.Percent.Render(info) + "  " + pct
	}
	if d.search.typing {
		return d.searchLine(pct)
	}
	return d.c.statusLine(d.width, pct)
}

// minReadRows is the least room the note gets before full help gives way.
const minReadRows = 4
