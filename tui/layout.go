package tui

import "strings"

// stack joins blocks top to bottom. Lines are not padded to one width, as
// lipgloss.JoinVertical would pad them: the renderer clears what a line
// leaves, and measuring every line of a frame is most of a list move's
// cost in CJK text.
func stack(blocks ...string) string {
	return strings.Join(blocks, "\n")
}
