package tui

import (
	"strings"

	"charm.land/bubbles/v2/viewport"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// page is the content of a viewport with each line's width, measured once
// when the content is set. viewport.View measures and pads every visible
// line on every frame, twice (its content box, then its style); with a
// long note that was most of a scroll step's cost.
type page struct {
	lines  []string
	widths []int
	widest int
	plain  bool // no tab or carriage return, which lipgloss would expand
}

// newPage measures lines.
func newPage(lines []string) page {
	p := page{lines: lines, widths: make([]int, len(lines)), plain: true}
	for i, l := range lines {
		p.widths[i] = ansi.StringWidth(l)
		p.widest = max(p.widest, p.widths[i])
		if strings.ContainsAny(l, "\t\r") {
			p.plain = false
		}
	}
	return p
}

// view draws what vp.View draws when vp holds p's lines: the visible lines,
// each padded to the content width, set in the style's left and right
// padding, then blank lines down to the viewport's height. It falls back
// to vp.View for what it does not do: a style other than horizontal
// padding, a gutter, soft wrapping, or a line wider than the content.
func (p page) view(vp viewport.Model) string {
	w, h := vp.Width(), vp.Height()
	st := vp.Style
	pl, pr := st.GetPaddingLeft(), st.GetPaddingRight()
	inner := w - pl - pr
	top := min(vp.YOffset(), len(p.lines))
	if w <= 0 || h <= 0 || !p.plain || p.widest > inner || vp.SoftWrap || hasGutter(vp, top) ||
		vp.TotalLineCount() != len(p.lines) || !onlyHorizontalPadding(st) {
		return vp.View()
	}
	left, right := strings.Repeat(" ", pl), strings.Repeat(" ", pr)
	blank := left + strings.Repeat(" ", inner) + right
	var b strings.Builder
	b.Grow(h * (w + 16))
	for i := range h {
		if i > 0 {
			b.WriteByte('\n')
		}
		j := top + i
		if j >= len(p.lines) {
			b.WriteString(blank)
			continue
		}
		b.WriteString(left)
		b.WriteString(p.lines[j])
		b.WriteString(strings.Repeat(" ", inner-p.widths[j]))
		b.WriteString(right)
	}
	return b.String()
}

// hasGutter reports whether vp draws a gutter (its default, NoGutter,
// draws nothing).
func hasGutter(vp viewport.Model, top int) bool {
	g := vp.LeftGutterFunc
	return g != nil && (g(viewport.GutterContext{}) != "" ||
		g(viewport.GutterContext{Index: top, TotalLines: vp.TotalLineCount()}) != "")
}

// onlyHorizontalPadding reports whether st does nothing but pad lines on
// the left and right: no colours, attributes, borders, margins, sizes or
// vertical padding.
func onlyHorizontalPadding(st lipgloss.Style) bool {
	pl, pr := st.GetPaddingLeft(), st.GetPaddingRight()
	return st.GetPaddingTop() == 0 && st.GetPaddingBottom() == 0 &&
		st.Render("x") == strings.Repeat(" ", pl)+"x"+strings.Repeat(" ", pr) &&
		st.Render("x\ny") == strings.Repeat(" ", pl)+"x"+strings.Repeat(" ", pr)+"\n"+strings.Repeat(" ", pl)+"y"+strings.Repeat(" ", pr)
}

// joinLines stacks blocks as lipgloss.JoinVertical(lipgloss.Left, …) does
// when every line is at most width cells wide and at least one is exactly
// width: each line is padded with spaces to width. Blocks known to be
// width wide already (full) are not measured.
func joinLines(width int, blocks []string, full []bool) string {
	return joinMeasured(width, blocks, full, ansi.StringWidth)
}

// join is joinLines remembering the widths of the lines it measures: the
// same header and help lines come back frame after frame.
func (c *common) join(width int, blocks []string, full []bool) string {
	return joinMeasured(width, blocks, full, func(l string) int {
		if w, ok := c.widths[l]; ok {
			return w
		}
		if len(c.widths) >= maxCachedWidths {
			clear(c.widths)
		}
		w := ansi.StringWidth(l)
		c.widths[l] = w
		return w
	})
}

// maxCachedWidths bounds join's memory of line widths.
const maxCachedWidths = 256

// joinMeasured is joinLines measuring lines with measure.
func joinMeasured(width int, blocks []string, full []bool, measure func(string) int) string {
	var b strings.Builder
	for i, bl := range blocks {
		if i > 0 {
			b.WriteByte('\n')
		}
		if full[i] {
			b.WriteString(bl)
			continue
		}
		for j, l := range strings.Split(bl, "\n") {
			if j > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(l)
			if pad := width - measure(l); pad > 0 {
				b.WriteString(strings.Repeat(" ", pad))
			}
		}
	}
	return b.String()
}
