package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// helpCache is a view's help as Update last drew it, with what it was
// drawn from. View takes it while the bindings' texts and states, the room
// and the styles are the same, and draws the help itself otherwise, so it
// is never stale: drawing measures every binding, and most keys change
// none of them.
type helpCache struct {
	in  helpInput
	out string
}

// helpInput is everything a help is drawn from.
type helpInput struct {
	keys                   helpKeys
	width, height, minBody int
	showAll, dark, noColor bool
	ok                     bool // drawn: the zero input matches nothing
}

func (c *common) helpInput(km helpKeys, width, height, minBody int) helpInput {
	return helpInput{keys: km, width: width, height: height, minBody: minBody,
		showAll: c.help.ShowAll, dark: c.dark, noColor: c.noColor, ok: true}
}

// draw draws the help for these inputs unless it has it already.
func (h *helpCache) draw(c *common, km helpKeys, width, height, minBody int) {
	if in := c.helpInput(km, width, height, minBody); !h.in.same(in) {
		h.in, h.out = in, c.helpView(km, width, height, minBody)
	}
}

// view is the help for these inputs: the drawn one while it is current.
func (h *helpCache) view(c *common, km helpKeys, width, height, minBody int) string {
	if h.in.same(c.helpInput(km, width, height, minBody)) {
		return h.out
	}
	return c.helpView(km, width, height, minBody)
}

func (a helpInput) same(b helpInput) bool {
	if !a.ok || !b.ok || a.width != b.width || a.height != b.height || a.minBody != b.minBody ||
		a.showAll != b.showAll || a.dark != b.dark || a.noColor != b.noColor ||
		!sameBindings(a.keys.short, b.keys.short) || len(a.keys.full) != len(b.keys.full) {
		return false
	}
	for i := range a.keys.full {
		if !sameBindings(a.keys.full[i], b.keys.full[i]) {
			return false
		}
	}
	return true
}

// sameBindings reports whether help would show a and b alike.
func sameBindings(a, b []key.Binding) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Enabled() != b[i].Enabled() || a[i].Help() != b[i].Help() {
			return false
		}
	}
	return true
}

// helpKeys is a view's bindings as help shows them. Views pass these to
// helpView rather than themselves: boxing a view model in the interface
// copies it to the heap.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }

// helpView renders short or full help for km; full help falls back to
// short when it would leave fewer than minBody rows of the given height.
func (c *common) helpView(km help.KeyMap, width, height, minBody int) string {
	h := c.help
	inner := width - c.styles.Footer.GetHorizontalFrameSize()
	h.SetWidth(inner)
	if h.ShowAll {
		full := c.styles.Footer.Render(fitLines(fullHelp(h, km.FullHelp(), inner), inner))
		if height-lipgloss.Height(full) >= minBody {
			return full
		}
	}
	return c.styles.Footer.Render(fitLines(h.ShortHelpView(km.ShortHelp()), inner))
}

// fullHelp lays the help's columns out in as few rows of columns as fit
// width: bubbles' own full help drops the columns that do not fit, and with
// them keys the learner needs.
func fullHelp(h help.Model, groups [][]key.Binding, width int) string {
	h.SetWidth(0) // measure unlimited; the rows below are chosen to fit
	for per := len(groups); per > 1; per-- {
		var rows []string
		fits := true
		for i := 0; i < len(groups); i += per {
			row := h.FullHelpView(groups[i:min(i+per, len(groups))])
			if lipgloss.Width(row) > width {
				fits = false
				break
			}
			rows = append(rows, row)
		}
		if fits {
			return strings.Join(rows, "\n\n")
		}
	}
	var rows []string
	for _, g := range groups {
		rows = append(rows, h.FullHelpView([][]key.Binding{g}))
	}
	return strings.Join(rows, "\n\n")
}

// fitLines truncates every line of s to width cells: help can overflow
// when its "…" no longer fits.
func fitLines(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = truncate(l, width)
	}
	return strings.Join(lines, "\n")
}
