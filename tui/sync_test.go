package tui

import (
	"fmt"
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// syncRun drives a Model as a Program would, but on the caller's
// goroutine and in order: every command is run at once and its messages
// are delivered before the next input. Unlike driver (helpers_test.go) it
// takes any testing.TB, for benchmarks and fuzzing, and bounds the
// messages one input may cause instead of failing the test itself.
type syncRun struct {
	m    *Model
	quit bool
	// seen counts the delivered messages by type, for tests that check
	// what a path did (e.g. that start-up renders nothing).
	seen map[string]int
}

// maxCascade bounds the messages one input may cause: a loop of commands
// that never settles is a bug, reported rather than run forever.
const maxCascade = 10_000

func newSyncRun(o Options) *syncRun {
	return &syncRun{m: New(o), seen: map[string]int{}}
}

// init runs Init's commands.
func (s *syncRun) init() error { return s.deliver(execCmd(s.m.Init())...) }

// deliver sends msgs to the model and everything their commands produce.
// tea.Quit ends nothing: it is recorded in s.quit and dropped.
func (s *syncRun) deliver(msgs ...tea.Msg) error {
	queue := msgs
	for n := 0; len(queue) > 0; n++ {
		if n > maxCascade {
			return fmt.Errorf("the message loop does not settle after %d messages", maxCascade)
		}
		msg := queue[0]
		queue = queue[1:]
		if _, ok := msg.(tea.QuitMsg); ok {
			s.quit = true
			continue
		}
		s.seen[fmt.Sprintf("%T", msg)]++
		m, cmd := s.m.Update(msg)
		s.m = m.(*Model)
		queue = append(queue, execCmd(cmd)...)
	}
	return nil
}

// must is deliver failing tb on error.
func (s *syncRun) must(tb testing.TB, msgs ...tea.Msg) {
	tb.Helper()
	if err := s.deliver(msgs...); err != nil {
		tb.Fatal(err)
	}
}

// execCmd runs cmd, flattening batches and sequences into their messages.
func execCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if msg == nil {
		return nil
	}
	// tea.BatchMsg and tea.Sequence's unexported message are []tea.Cmd.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, execCmd(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// press is the key message for a name: "enter", "esc", "space", "up",
// "down", "backspace", "ctrl+c", or one character.
func press(name string) tea.KeyPressMsg {
	special := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "up": tea.KeyUp, "down": tea.KeyDown,
		"left": tea.KeyLeft, "right": tea.KeyRight, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
		"home": tea.KeyHome, "end": tea.KeyEnd, "tab": tea.KeyTab, "backspace": tea.KeyBackspace,
	}
	switch {
	case name == "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case name == "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case special[name] != 0:
		return tea.KeyPressMsg{Code: special[name]}
	}
	r := []rune(name)
	return tea.KeyPressMsg{Code: r[0], Text: name}
}
