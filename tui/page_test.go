package tui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/viewport"
	"charm.land/lipgloss/v2"
)

// TestPageViewIsViewportView checks the shortcut against what it replaces:
// for every scroll position, size and style, page.view draws exactly what
// viewport.View draws (falling back to it where it must).
func TestPageViewIsViewportView(t *testing.T) {
	lines := []string{"", "第一行 first", "\x1b[1m粗体\x1b[m and e\u0301", "👩‍👩‍👧 emoji", strings.Repeat("宽", 20),
		"  indented", "\x1b[38;5;252mcolour\x1b[0m", "last"}
	styles := map[string]lipgloss.Style{
		"none":     lipgloss.NewStyle(),
		"padding":  lipgloss.NewStyle().Padding(0, 1),
		"uneven":   lipgloss.NewStyle().PaddingLeft(3),
		"vertical": lipgloss.NewStyle().Padding(1, 2),
		"border":   lipgloss.NewStyle().Border(lipgloss.NormalBorder()),
		"colour":   lipgloss.NewStyle().Padding(0, 1).Background(lipgloss.Color("4")),
	}
	for name, st := range styles {
		for _, size := range [][2]int{{50, 5}, {44, 12}, {30, 3}, {10, 4}, {3, 2}} {
			for _, content := range [][]string{lines, append(slicesOf(lines, 6), "tab\there"), nil} {
				vp := viewport.New()
				vp.Style = st
				vp.SetWidth(size[0])
				vp.SetHeight(size[1])
				vp.SetContentLines(content)
				p := newPage(content)
				for y := range len(content) + 2 {
					vp.SetYOffset(y)
					if got, want := p.view(vp), vp.View(); got != want {
						t.Fatalf("style %s, %dx%d, offset %d:\n got %q\nwant %q", name, size[0], size[1], y, got, want)
					}
				}
			}
		}
	}
}

// slicesOf repeats lines n times.
func slicesOf(lines []string, n int) []string {
	var out []string
	for range n {
		out = append(out, lines...)
	}
	return out
}

// TestJoinLinesIsJoinVertical checks joinLines against lipgloss when the
// widest line is the width.
func TestJoinLinesIsJoinVertical(t *testing.T) {
	full := lipgloss.NewStyle().Width(20).Render("标题 title")
	blocks := []string{full, "短", "a\n\x1b[1m宽字符\x1b[m\n", full + "\n👍🏽 x"}
	got := joinLines(20, blocks, []bool{true, false, false, false})
	if want := lipgloss.JoinVertical(lipgloss.Left, blocks...); got != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}
