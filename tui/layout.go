package tui

import "charm.land/lipgloss/v2"

// stack joins blocks top to bottom, left-aligned.
func stack(blocks ...string) string {
	return lipgloss.JoinVertical(lipgloss.Left, blocks...)
}
