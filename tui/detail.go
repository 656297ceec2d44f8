package tui

import (
	"fmt"
	"math"
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

	width, height int
}

func newDetail(c *common) detailModel {
	vp := viewport.New()
	vp.KeyMap = c.keys.Detail.viewportKeys()
	vp.SetHorizontalStep(0)
	vp.Style = c.styles.Viewport
	return detailModel{c: c, keys: c.keys.Detail, vp: vp}
}

func (d detailModel) note() *notes.Note {
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
	return d.request()
}

// wrapWidth is the width notes are rendered at.
func (d detailModel) wrapWidth() int {
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
	return renderNoteCmd(d.c.renderer, n.Body, k)
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
// position (as a fraction), another starts at the top.
func (d *detailModel) show(k renderKey, out string) {
	same := d.shown.id == k.id
	frac := d.vp.ScrollPercent()
	pad := strings.Repeat(" ", max(0, (d.vp.Width()-d.vp.Style.GetHorizontalFrameSize()-k.width)/2))
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	for i, l := range lines {
		lines[i] = pad + l
	}
	d.vp.SetContentLines(lines)
	if same {
		maxOff := max(0, d.vp.TotalLineCount()-d.vp.VisibleLineCount())
		d.vp.SetYOffset(int(math.Round(frac * float64(maxOff))))
	} else {
		d.vp.GotoTop()
	}
	d.shown, d.loaded = k, true
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
	chrome := lipgloss.Height(d.titleBar()) + lipgloss.Height(d.footer())
	d.vp.SetWidth(d.width)
	d.vp.SetHeight(max(1, d.height-chrome))
}

// Update handles the reading keys and the mouse wheel.
func (d detailModel) Update(msg tea.Msg) (detailModel, tea.Cmd) {
	var cmd tea.Cmd
	if k, ok := msg.(tea.KeyPressMsg); ok {
		n := d.note()
		switch {
		case key.Matches(k, d.keys.Back):
			idx := -1
			if n != nil {
				idx = d.order[d.pos]
			}
			return d, d.c.navigate(backMsg{index: idx})
		// The always-enabled originals: at either end help drops n/p, but
		// pressing one still says why nothing moved.
		case key.Matches(k, d.c.keys.Detail.Next):
			if d.pos+1 >= len(d.order) {
				d.c.status = d.c.text.LastNote
				return d, nil
			}
			d.pos++
			d.updateKeys()
			return d, d.request()
		case key.Matches(k, d.c.keys.Detail.Prev):
			if d.pos <= 0 {
				d.c.status = d.c.text.FirstNote
				return d, nil
			}
			d.pos--
			d.updateKeys()
			return d, d.request()
		case key.Matches(k, d.keys.Bookmark) && n != nil:
			return d, d.c.toggleBookmark(n.ID)
		case key.Matches(k, d.keys.Test) && n != nil:
			return d, d.c.navigate(startQuizMsg{ids: []string{n.ID}, mode: store.ModeOne})
		case key.Matches(k, d.keys.Top):
			d.vp.GotoTop()
			return d, nil
		case key.Matches(k, d.keys.Bottom):
			d.vp.GotoBottom()
			return d, nil
		}
	}
	d.vp, cmd = d.vp.Update(msg)
	return d, cmd
}

func (d *detailModel) updateKeys() {
	d.keys.Next.SetEnabled(d.pos+1 < len(d.order))
	d.keys.Prev.SetEnabled(d.pos > 0)
}

// ShortHelp is the one-line help of the reading view.
func (d detailModel) ShortHelp() []key.Binding {
	k := d.keys
	scroll := key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("j/k", d.c.text.KeyScroll))
	// Paging and p are left to full help: the line is too short for all.
	return []key.Binding{scroll, k.Next, k.Bookmark, k.Test,
		d.c.keys.Global.helpBinding(d.c.text, d.c.help.ShowAll), k.Back}
}

// FullHelp is the reading view's help in columns.
func (d detailModel) FullHelp() [][]key.Binding {
	k, g := d.keys, d.c.keys.Global
	return [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp},
		{k.Top, k.Bottom, k.Next, k.Prev},
		{k.Bookmark, k.Test, g.helpBinding(d.c.text, d.c.help.ShowAll), k.Back, g.ForceQuit},
	}
}

// View draws the title bar, the note and the footer.
func (d detailModel) View() string {
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
func (d detailModel) placeholder(msg string) string {
	w := d.vp.Width() - d.vp.Style.GetHorizontalFrameSize()
	msg = ansi.Wrap(msg, max(1, w), "")
	return d.vp.Style.Width(d.vp.Width()).Height(d.vp.Height()).MaxHeight(d.vp.Height()).Render(msg)
}

// titleBar shows the position in the list's order, the title and ★.
func (d detailModel) titleBar() string {
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

// footer is the status line, with the scroll percent on the right, and
// the help.
func (d detailModel) footer() string {
	pct := ""
	if d.loaded {
		pct = d.c.styles.Percent.Render(fmt.Sprintf(d.c.text.ScrollFmt, int(math.Round(d.vp.ScrollPercent()*100))))
	}
	status := d.c.statusLine(d.width, pct)
	room := d.height - lipgloss.Height(d.titleBar()) - lipgloss.Height(status)
	// The status line is as wide as the window.
	return stack(status, d.c.helpView(helpKeys{d.ShortHelp(), d.FullHelp()}, d.width, room, minReadRows))
}

// minReadRows is the least room the note gets before full help gives way.
const minReadRows = 4
