package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/notes"
	"mianjing/store"
)

// testNow is the fixed clock of every test: a Monday morning in UTC.
var testNow = time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)

// testTitles are the deck's titles, in order.
var testTitles = []string{
	"什么是 Transformer 中的自注意力机制？",
	"为什么注意力分数要除以根号 d_k？",
	"LoRA 的原理是什么？为什么能省显存？",
	"RLHF 的三个阶段分别做什么？",
	"KV Cache 如何加速推理？",
	"位置编码：绝对、相对与 RoPE 的区别",
	"大模型幻觉的成因与缓解方法",
	"什么是 MoE（混合专家）模型？",
	"解释 Flash Attention 的核心思想",
	"如何评估一个大语言模型？",
	"RAG 的基本流程与常见问题",
}

var testTags = [][]string{
	{"transformer", "attention"}, {"attention"}, {"微调", "lora"}, {"对齐", "rlhf"},
	{"推理"}, {"transformer", "位置编码"}, {"幻觉"}, {"架构", "moe"},
	{"attention", "推理"}, {"评估"}, {"rag", "检索"},
}

// testDeck is a deck of 11 Chinese notes with bodies long enough to scroll.
// It is built here, not loaded, so these tests do not depend on the notes
// parser or on the embedded deck's wording.
func testDeck() *notes.Deck {
	d := &notes.Deck{Name: "大模型面经"}
	for i, title := range testTitles {
		var b strings.Builder
		fmt.Fprintf(&b, "## 答案\n\n这是第 %d 题的回答。", i+1)
		for p := 0; p < 6; p++ {
			fmt.Fprintf(&b, "第 %d 段：大语言模型在训练与推理时需要权衡显存、速度和效果，"+
				"理解其中的机制有助于回答面试官的追问，例如为什么这样设计、有什么替代方案。\n\n", p+1)
		}
		b.WriteString("- 第一点：先说结论，再解释原因。\n- 第二点：举一个具体的例子。\n\n")
		b.WriteString("```python\nscores = q @ k.T / math.sqrt(d_k)  # 缩放点积\n```\n\n")
		if i == 3 {
			b.WriteString("奖励模型只在这道题的正文里出现。\n\n")
		}
		b.WriteString("## 要点\n\n- 结论\n- 原因\n- 例子\n")
		d.Notes = append(d.Notes, notes.Note{
			ID:         fmt.Sprintf("note-%02d", i+1),
			Title:      title,
			Tags:       testTags[i],
			Difficulty: i%3 + 1,
			File:       fmt.Sprintf("%02d.md", i+1),
			Body:       b.String(),
			Points:     []string{"结论", "原因", "例子"},
		})
	}
	return d
}

// newTestStore returns an empty in-memory store.
func newTestStore(t *testing.T) *store.Memory {
	t.Helper()
	return store.NewMemory()
}

// newBoltStore opens a real bbolt store in a temporary directory.
func newBoltStore(t *testing.T) store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "progress.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// driver feeds messages to a Model and runs the commands it returns,
// feeding their messages back, the way a Program would (but in order).
type driver struct {
	t    *testing.T
	m    *Model
	quit bool
}

func newDriver(t *testing.T, o Options, w, h int) *driver {
	t.Helper()
	if o.Deck == nil {
		o.Deck = testDeck()
	}
	if o.Store == nil {
		o.Store = newTestStore(t)
	}
	if o.Now == nil {
		o.Now = func() time.Time { return testNow }
	}
	if o.Lang == "" {
		o.Lang = "zh"
	}
	d := &driver{t: t, m: New(o)}
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

// send delivers msg and everything its commands produce.
func (d *driver) send(msgs ...tea.Msg) {
	d.t.Helper()
	queue := msgs
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			d.t.Fatal("message loop does not settle")
		}
		msg := queue[0]
		queue = queue[1:]
		if _, ok := msg.(tea.QuitMsg); ok {
			d.quit = true
			continue
		}
		m, cmd := d.m.Update(msg)
		d.m = m.(*Model)
		queue = append(queue, d.exec(cmd)...)
	}
}

// run executes cmd and delivers its messages.
func (d *driver) run(cmd tea.Cmd) {
	d.t.Helper()
	d.send(d.exec(cmd)...)
}

// exec runs cmd, flattening batches and sequences into messages.
func (d *driver) exec(cmd tea.Cmd) []tea.Msg { return execCmd(cmd) }

// keys types each named key in turn: "enter", "esc", "space", "ctrl+c", a
// special key name, or literal text.
func (d *driver) keys(names ...string) {
	d.t.Helper()
	for _, n := range names {
		d.send(press(n))
	}
}

// typeText types s one character at a time.
func (d *driver) typeText(s string) {
	d.t.Helper()
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// screen is the View's content without escape codes.
func (d *driver) screen() string {
	return ansi.Strip(d.m.View().Content)
}

// checkFits fails when the view has a line wider than the window or more
// lines than it.
func (d *driver) checkFits(label string) {
	d.t.Helper()
	content := d.m.View().Content
	lines := strings.Split(content, "\n")
	if len(lines) > d.m.c.height {
		d.t.Errorf("%s: %d lines in a %d-line window", label, len(lines), d.m.c.height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > d.m.c.width {
			d.t.Errorf("%s: line %d is %d wide in a %d-wide window: %q", label, i, w, d.m.c.width, ansi.Strip(l))
		}
	}
}

func (d *driver) mustContain(parts ...string) {
	d.t.Helper()
	s := d.screen()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			d.t.Fatalf("screen lacks %q:\n%s", p, s)
		}
	}
}

func (d *driver) mustNotContain(parts ...string) {
	d.t.Helper()
	s := d.screen()
	for _, p := range parts {
		if strings.Contains(s, p) {
			d.t.Fatalf("screen has %q:\n%s", p, s)
		}
	}
}

// selectedID is the id of the list's selected note.
func (d *driver) selectedID() string {
	it, ok := d.m.list.list.SelectedItem().(noteItem)
	if !ok {
		return ""
	}
	return it.note.ID
}

func sizeMsg(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }
