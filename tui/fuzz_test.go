package tui

import (
	"errors"
	"fmt"
	"image/color"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/notes"
	"mianjing/store"
	"mianjing/tui/render"
)

// fuzzKeys are the keys an input byte can press; letters and digits come
// from their own range (see fuzzStep).
var fuzzKeys = []string{"enter", "esc", "space", "up", "down", "left", "right", "pgup", "pgdown",
	"home", "end", "tab", "backspace", "/", "?", "注", "意", "力", "G", "S", "：", ":"}

// fuzzDeck is the test deck plus notes that are hard to lay out: right-to-
// left text, emoji and combining marks, a long unbroken title, a wide
// table and a note that is only a code block.
func fuzzDeck() *notes.Deck {
	d := testDeck()
	add := func(id, title, body string, points ...string) {
		d.Notes = append(d.Notes, notes.Note{ID: id, Title: title, Body: body, File: id + ".md",
			Tags: []string{"测试", "עברית"}, Points: points})
	}
	add("rtl", "שאלה בעברית: מה זה קשב? ومرحبا بالعالم",
		"## תשובה\n\nזהו טקסט מימין לשמאל עם **הדגשה** و نص عربي طويل جدا يمتد على عدة أسطر.\n\n## 要点\n\n- כן\n- لا\n", "כן", "لا")
	add("emoji", "👩‍👩‍👧‍👦 家庭 e\u0301\u0301\u0301 Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇ 🇨🇳🇯🇵",
		"🎉🎉🎉 表情\u200d符号 a\u0300\u0301\u0302\u0303b\n\n| 列 | 👍🏽 |\n|---|---|\n| e\u0301 | 中文很长很长很长很长很长很长很长很长很长很长很长很长很长很长 |\n")
	add("long-title", strings.Repeat("很长的标题没有空格", 30)+strings.Repeat("x", 200),
		"正文\n\n"+strings.Repeat("| a | b | c | d | e | f |\n", 1)+"|---|---|---|---|---|---|\n"+
			strings.Repeat("| 单元格内容很长很长 | 2 | 3 | 4 | 5 | 6 |\n", 30))
	add("code-only", "只有代码", "```python\n"+strings.Repeat("x = 1  # 注释很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长\n", 20)+"```")
	return d
}

// fuzzClock is the fixed clock of the fuzzed app.
func fuzzClock() time.Time { return testNow }

// FuzzModel drives the root model with random sequences of keys, resizes
// (1×1 and 500×200 among them), colour, mouse, paste and focus messages and
// failing store writes, running every command synchronously. Nothing may
// panic, the message loop must settle, and no line of any frame may be
// wider than the window or the frame taller than it.
func FuzzModel(f *testing.F) {
	for _, seed := range []string{
		"",
		"\x00\x00\x00",                 // enter, enter, enter
		"\x04\x04\x00\x04\x08\x01\x01", // down, open, scroll, back
		"\x20\x35\x48\x02\x02\x21",     // type "a"… start a session
		"\x0d\x0f\x10\x00\x01\x01\x01", // filter 注意, accept, clear
		"\x2c\x2d\x30\x04\x00\x31\x01", // tiny and huge windows
		"\x33\x02\x00\x02\x45\x46\x47", // study: reveal, grade
		"\x31\x00\x36\x37\x38\x3a\x3b", // huge window, open, wheel, paste, fail writes
		"\x39\x2e\x01\x2f\x00\x3c\x3d", // 40×12, 39×11, colours
		"\x52\x02\x00\x02\x44\x53\x55", // s, reveal, grade 3, u (undo)
		"\x30\x1c\xff\x00\x02\x00\x0e", // 1×1 window, then big resize and keys
		"\x4f\x00\x00\x12\x12\x02\x03", // o…
		"\x45\x04\x04\x04\x04\x00\x45", // "i" typing in a session
		"\x38\x52\x00\x02\x44\x39\x02", // failing writes during grades
		"\x40\x40\x04\x00\x3e\x3f\x22", // stats and back
		"\x2c\x01\x01\x00\x04\x0e\x02", // resize to 3×1
		"\x2c\xfa\xc7\x00\x04\x04\x02", // 500×200 by bytes
		"\x49\x00\x4b\x13\x04\x00\x02", // q… (quits)
		"\x0c\x23\x0e\x0f\x10\x00\x04", // backspace, d:, 注意力
		"\x4a\x00\x4e\x00\x50\x00\x53", // j, k, n, p …
		"\x3b\x52\x02\x44\x02\x44\x3b", // session while writes fail
		"\x37\x37\x37\x36\x36\x36\x04", // wheel up and down in the list
		"\x2f\x04\x04\x04\x04\x04\x04", // 39×11 and keys
		"\x0d\x38\x0e\x00\x01\x01\x01", // paste into the filter
		"\x33\x1d\x02\x00\x57\x02\x44", // space, a session via a, …
		"\x4c\x4c\x4c\x4c\x4c\x4c\x4c", // l l l (next pages)
		"\x00\x4a\x4a\x4a\x58\x4e\x4e", // in a note: j j j t n n
	} {
		f.Add([]byte(seed))
	}
	r := render.New() // shared: glamour is slow to build, and its cache is safe to share
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 200 {
			data = data[:200] // bound one input's work
		}
		st := store.NewMemory()
		o := Options{Deck: fuzzDeck(), Store: st, Lang: "zh", Now: fuzzClock, Renderer: r}
		if len(data) > 0 && data[0]&0x80 != 0 {
			o.Lang, o.NoColor = "en", true
		}
		s := newSyncRun(o)
		if err := s.init(); err != nil {
			t.Fatal(err)
		}
		w, h := 80, 24
		if err := s.deliver(tea.WindowSizeMsg{Width: w, Height: h}); err != nil {
			t.Fatal(err)
		}
		var trail []string
		for i := 0; i < len(data) && !s.quit; i++ {
			var next byte
			if i+1 < len(data) {
				next = data[i+1]
			}
			msg, skip, what := fuzzStep(data[i], next, data, i, st)
			i += skip
			trail = append(trail, what)
			if ws, ok := msg.(tea.WindowSizeMsg); ok {
				w, h = ws.Width, ws.Height
			}
			if msg != nil {
				if err := deliverGuarded(s, msg); err != nil {
					t.Fatalf("after %v: %v", trail, err)
				}
			}
			checkFrame(t, s.m, w, h, trail)
		}
	})
}

// fuzzStep decodes the operation at data[i] (next is data[i+1]) into a
// message, how many extra bytes it used, and a label for failure reports.
// Some operations act on the store instead and return a nil message.
func fuzzStep(op, next byte, data []byte, i int, st *store.Memory) (tea.Msg, int, string) {
	switch c := op % 96; {
	case int(c) < len(fuzzKeys):
		return press(fuzzKeys[c]), 0, fuzzKeys[c]
	case c < 0x2c:
		return press("ctrl+c"), 0, "ctrl+c" // rare: it quits
	case c == 0x2c: // any size up to 500×200, from the next two bytes
		var hb byte
		if i+2 < len(data) {
			hb = data[i+2]
		}
		w, h := 1+int(next)*2, 1+int(hb)
		w, h = min(w, 500), min(h, 200)
		return tea.WindowSizeMsg{Width: w, Height: h}, 2, fmt.Sprintf("%dx%d", w, h)
	case c == 0x2d:
		return tea.WindowSizeMsg{Width: 1, Height: 1}, 0, "1x1"
	case c == 0x2e:
		return tea.WindowSizeMsg{Width: 40, Height: 12}, 0, "40x12"
	case c == 0x2f:
		return tea.WindowSizeMsg{Width: 39, Height: 11}, 0, "39x11"
	case c == 0x30:
		return tea.WindowSizeMsg{Width: 1, Height: 1}, 0, "1x1"
	case c == 0x31:
		return tea.WindowSizeMsg{Width: 500, Height: 200}, 0, "500x200"
	case c == 0x32:
		return tea.WindowSizeMsg{Width: 80, Height: 24}, 0, "80x24"
	case c == 0x33:
		return press("space"), 0, "space"
	case c == 0x34:
		return tea.WindowSizeMsg{Width: 2, Height: 40}, 0, "2x40"
	case c == 0x35:
		return tea.WindowSizeMsg{Width: 200, Height: 3}, 0, "200x3"
	case c == 0x36:
		return tea.MouseWheelMsg{Button: tea.MouseWheelDown}, 0, "wheel down"
	case c == 0x37:
		return tea.MouseWheelMsg{Button: tea.MouseWheelUp}, 0, "wheel up"
	case c == 0x38:
		return tea.PasteMsg{Content: "粘贴的文字 pasted\ttext\n第二行 " + strings.Repeat("长", 50)}, 0, "paste"
	case c == 0x39:
		st.FailWrites(errors.New("disk full"))
		return nil, 0, "writes fail"
	case c == 0x3a:
		st.FailWrites(nil)
		return nil, 0, "writes work"
	case c == 0x3b:
		st.FailWrites(errors.New("input/output error\nsecond line"))
		return nil, 0, "writes fail (two lines)"
	case c == 0x3c:
		return tea.BackgroundColorMsg{Color: color.White}, 0, "light background"
	case c == 0x3d:
		return tea.BackgroundColorMsg{Color: color.Black}, 0, "dark background"
	case c == 0x3e:
		return tea.FocusMsg{}, 0, "focus"
	case c == 0x3f:
		return tea.BlurMsg{}, 0, "blur"
	case c < 0x40+26: // a … z
		k := string(rune('a' + c - 0x40))
		return press(k), 0, k
	case c < 0x40+26+10: // 0 … 9
		k := string(rune('0' + c - 0x40 - 26))
		return press(k), 0, k
	default:
		return struct{ unknown int }{int(c)}, 0, "unknown message"
	}
}

// deliverGuarded delivers msg, turning a panic into an error with its
// stack, and fails when the message loop does not settle.
func deliverGuarded(s *syncRun, msg tea.Msg) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return s.deliver(msg)
}

// checkFrame fails t when a line of m's frame is wider than w or the frame
// has more than h lines.
func checkFrame(t *testing.T, m *Model, w, h int, trail []string) {
	t.Helper()
	var content string
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("View panics after %v: %v", trail, r)
			}
		}()
		content = m.View().Content
	}()
	lines := strings.Split(content, "\n")
	if len(lines) > h {
		t.Fatalf("after %v: %d lines in a %dx%d window:\n%s", trail, len(lines), w, h, ansi.Strip(content))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("after %v: line %d is %d wide in a %dx%d window: %q", trail, i, lw, w, h, ansi.Strip(l))
		}
	}
}
