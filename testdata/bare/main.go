// Command bare is the smallest Bubble Tea v2 program shaped like
// mianjing's list: 29 lines of Chinese text and a cursor that up and down
// move. BenchmarkKeypressFloor measures its keypress → frame latency next
// to glow's: the part of mianjing's figure that is Bubble Tea's own.
package main

import (
	"fmt"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
)

type model struct{ cursor int }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		case "down", "j":
			m.cursor++
		case "up", "k":
			m.cursor--
		}
	}
	return m, nil
}

func (m model) View() tea.View {
	var b strings.Builder
	for i := range 29 {
		c := "  "
		if i == m.cursor {
			c = "❯ "
		}
		fmt.Fprintf(&b, "%s%2d 什么是 Transformer 中的自注意力机制？ #transformer\n", c, i+1)
	}
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}

func main() {
	// 120 Hz, as mianjing runs.
	if _, err := tea.NewProgram(model{}, tea.WithFPS(120)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
