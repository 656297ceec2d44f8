package tui

import (
	"fmt"
	"runtime/debug"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/notes"
	"mianjing/store"
)

// raceBuild reports whether the test binary was built with -race, which
// makes everything several times slower.
func raceBuild() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

// hangGuard bounds one step of a bad deck: a generous guard against a
// hang, not a speed assertion (BenchmarkBadDecks measures the steps).
func hangGuard() time.Duration {
	if raceBuild() {
		return 60 * time.Second
	}
	return 10 * time.Second
}

// noteFile is a note file with the given title and body.
func noteFile(id, title, body string) []byte {
	return []byte(fmt.Sprintf("---\nid: %s\ntitle: %s\ntags: [测试]\n---\n\n%s\n", id, title, body))
}

// nestedList is a list nested depth levels deep, one item per level.
func nestedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		fmt.Fprintf(&b, "%s- 第%d层：嵌套的列表项\n", strings.Repeat("  ", i), i+1)
	}
	return b.String()
}

// badDeck is a deck a learner could write that stresses loading, layout
// or rendering.
type badDeck struct {
	name  string
	files fstest.MapFS
	// refused, when set, is what the load error must say; the deck must
	// load otherwise.
	refused string
}

func badDecks() []badDeck {
	one := func(name string, data []byte) badDeck {
		return badDeck{name: name, files: fstest.MapFS{"note.md": {Data: data}}}
	}
	head := noteFile("big", "一行一兆", "")
	line := func(size int) []byte {
		body := strings.Repeat("很", (size-len(head))/3)
		body += strings.Repeat("x", size-len(head)-len(body))
		return noteFile("big", "一行一兆", body)
	}
	sameTitle := fstest.MapFS{}
	for i := range 10_000 {
		sameTitle[fmt.Sprintf("%05d.md", i)] = &fstest.MapFile{Data: noteFile(fmt.Sprintf("n%05d", i),
			"同一个标题：Transformer 的注意力机制是什么？", "正文。\n\n## 要点\n\n- 一\n- 二\n")}
	}
	var table strings.Builder
	table.WriteString("| 序号 | 名称 | 说明 |\n|---|---|---|\n")
	for i := range 5000 {
		fmt.Fprintf(&table, "| %d | 第%d行 | 表格很长很长的说明文字 |\n", i, i)
	}
	return []badDeck{
		one("1MiB single line", line(notes.MaxFileSize)),
		{name: "1MiB+1 single line", files: fstest.MapFS{"note.md": {Data: line(notes.MaxFileSize + 1)}},
			refused: "note.md: file is 1048577 bytes, over the 1 MiB limit"},
		{name: "10000 notes with one title", files: sameTitle},
		one("only a code block", noteFile("code", "只有代码块", "```python\n"+strings.Repeat("print('代码')  # 很长的注释很长的注释很长的注释很长的注释很长的注释很长的注释很长的注释\n", 50)+"```")),
		// Unclosed format fields on one line: a quadratic scan for the
		// closing ] in the Python lexer would hang here.
		one("256KiB Python line", noteFile("pyline", "一行很长的代码", "```python\nx = \""+strings.Repeat("{a[", 256<<10/3)+"\n```")),
		one("nested 200 levels", noteFile("nested", "深度嵌套的列表", nestedList(200))),
		one("5000-row table", noteFile("table", "五千行的表格", table.String())),
		one("right to left", noteFile("rtl", "שאלה — מה זה קשב? سؤال ما هو الانتباه؟",
			"זהו טקסט **מימין לשמאל** עם מספרים 123 ו־English.\n\nنص عربي طويل جدا يمتد على عدة أسطر لاختبار الالتفاف "+strings.Repeat("والكلمات ", 40)+"\n\n- פריט\n- عنصر\n")),
		one("emoji and combining", noteFile("emoji", "👩‍👩‍👧‍👦 家庭 🇨🇳 e\u0301\u0301 Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
			strings.Repeat("🎉👍🏽 表情\u200d符号 a\u0300\u0301\u0302b 🇯🇵🇺🇸 ", 60)+"\n\n- e\u0301\u0302 组合\n- 👨‍💻 程序员\n")),
	}
}

// TestBadDecks loads each bad deck and, when it loads, shows its list,
// filters it, opens its first note, scrolls to the end and tests it, at
// three window sizes: no frame may overflow the window and no step may
// hang. A deck that is refused must say why on one line, naming the file.
func TestBadDecks(t *testing.T) {
	for _, bd := range badDecks() {
		t.Run(bd.name, func(t *testing.T) {
			d, err := notes.Load(bd.files)
			if bd.refused != "" {
				if err == nil {
					t.Fatal("loaded; want it refused")
				}
				if msg := err.Error(); msg != bd.refused || strings.Contains(msg, "\n") {
					t.Fatalf("error %q, want %q", msg, bd.refused)
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			s := newSyncRun(Options{Deck: d, Store: store.NewMemory(), Lang: "zh", Now: fuzzClock})
			guard(t, "start", func() error { return s.init() })
			sizes := [][2]int{{80, 24}, {40, 12}, {150, 50}}
			if raceBuild() {
				sizes = sizes[:1] // the race detector makes rendering slower still
			}
			for _, sz := range sizes {
				steps := []struct {
					what string
					msgs []tea.Msg
				}{
					{"the list", []tea.Msg{tea.WindowSizeMsg{Width: sz[0], Height: sz[1]}}},
					{"a filter keystroke", []tea.Msg{press("/"), press("注")}},
					{"the filter cleared", []tea.Msg{press("esc")}},
					{"the note", []tea.Msg{press("enter")}},
					{"the end of the note", []tea.Msg{press("end")}},
					{"its self-test", []tea.Msg{press("t")}},
					{"its answer", []tea.Msg{press("space")}},
					{"the answer's end", []tea.Msg{press("end")}},
					{"the note again", []tea.Msg{press("esc"), press("y"), press("esc")}},
					{"the list again", []tea.Msg{press("esc")}},
				}
				for _, st := range steps {
					what := fmt.Sprintf("%dx%d %s", sz[0], sz[1], st.what)
					guard(t, what, func() error { return s.deliver(st.msgs...) })
					guard(t, what+" (drawn)", func() error { return frameFits(s.m, sz[0], sz[1]) })
				}
				if s.m.active != viewList {
					t.Fatalf("%dx%d: not back in the list (view %d)", sz[0], sz[1], s.m.active)
				}
			}
		})
	}
}

// guard runs fn, failing t if it errs, panics, or runs past hangGuard.
func guard(t *testing.T, what string, fn func() error) {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("panic: %v", r)
			}
		}()
		done <- fn()
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	case <-time.After(hangGuard()):
		t.Fatalf("%s: still running after %v", what, hangGuard())
	}
}

// frameFits reports a frame line wider than w, or a frame taller than h.
func frameFits(m *Model, w, h int) error {
	lines := strings.Split(m.View().Content, "\n")
	if len(lines) > h {
		return fmt.Errorf("%d lines in a %dx%d window", len(lines), w, h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			return fmt.Errorf("line %d is %d wide in a %dx%d window: %q", i, lw, w, h, ansi.Strip(l))
		}
	}
	return nil
}

// BenchmarkBadDecks measures each step of TestBadDecks on each bad deck
// at 80×24: loading, the first frame, opening the note (rendering it) and
// its self-test answer (rendering the answer), to show none comes near
// the one second.
func BenchmarkBadDecks(b *testing.B) {
	for _, bd := range badDecks() {
		if bd.refused != "" {
			continue
		}
		b.Run(strings.ReplaceAll(bd.name, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				d, err := notes.Load(bd.files)
				if err != nil {
					b.Fatal(err)
				}
				s := newSyncRun(Options{Deck: d, Store: store.NewMemory(), Lang: "zh", Now: fuzzClock})
				s.must(b, tea.WindowSizeMsg{Width: 80, Height: 24})
				s.must(b, press("enter"))
				_ = s.m.View()
				s.must(b, press("t"), press("space"))
				_ = s.m.View()
			}
		})
	}
}
