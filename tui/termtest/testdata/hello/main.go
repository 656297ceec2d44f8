// Command hello is a minimal Bubble Tea v2 program used by the termtest
// harness tests: it shows its window size, the background colour the
// terminal reported, the last key and the text typed so far.
package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// bgTimeoutMsg marks that the terminal never answered the OSC 11 query.
type bgTimeoutMsg struct{}

type model struct {
	w, h  int
	bg    string
	key   string
	typed string
	code  int
}

func (m model) Init() tea.Cmd {
	return tea.Batch(
		tea.RequestBackgroundColor,
		tea.Tick(3*time.Second, func(time.Time) tea.Msg { return bgTimeoutMsg{} }),
	)
}

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		m.bg = msg.String()
	case bgTimeoutMsg:
		if m.bg == "waiting" {
			m.bg = "timeout"
		}
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q":
			return m, tea.Quit
		case "x": // quit with a non-zero exit code
			m.code = 3
			return m, tea.Quit
		}
		m.key = msg.String()
		if msg.Text != "" {
			m.typed += msg.Text
		}
	}
	return m, nil
}

func (m model) View() tea.View {
	var b strings.Builder
	fmt.Fprintln(&b, "hello")
	fmt.Fprintf(&b, "size %dx%d\n", m.w, m.h)
	fmt.Fprintf(&b, "bg %s\n", m.bg)
	fmt.Fprintln(&b, "中文ab|")
	fmt.Fprintf(&b, "key %s\n", m.key)
	fmt.Fprintf(&b, "typed %s\n", m.typed)
	// A line exactly as wide as the window, ending in a wide character,
	// then text on the next line: checks the wrap at the right margin.
	fmt.Fprintf(&b, "%s尾\n", strings.Repeat("-", max(m.w-2, 0)))
	fmt.Fprint(&b, "end")
	v := tea.NewView(b.String())
	v.AltScreen = true
	v.WindowTitle = "termtest hello"
	return v
}

func main() {
	final, err := tea.NewProgram(model{bg: "waiting"}).Run()
	if err != nil {
		fmt.Fprintln(os.Stderr, "hello:", err)
		os.Exit(1)
	}
	os.Exit(final.(model).code)
}
