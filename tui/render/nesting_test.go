package render

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// Deep nesting used to take glamour seconds to minutes (cubic in depth);
// limitNesting must keep every such note fast and its text whole.
func TestDeepNestingStaysFastAndKeepsText(t *testing.T) {
	var list, quotes strings.Builder
	for i := range 400 {
		fmt.Fprintf(&list, "%s- 第%d层嵌套\n", strings.Repeat("  ", i), i+1)
	}
	quotes.WriteString(strings.Repeat("> ", 400) + "引用的最深处\n")
	cases := map[string]string{
		"nested list":       list.String(),
		"nested quotes":     quotes.String(),
		"markers on a line": strings.Repeat("- ", 400) + "同一行四百个列表标记\n",
		"code kept":         "```\n" + strings.Repeat(" ", 60) + "- 代码里的缩进不动\n```\n" + list.String(),
	}
	r := New()
	for name, md := range cases {
		done := make(chan struct{})
		var out string
		var err error
		go func() {
			out, err = r.Render(md, 60, Plain)
			close(done)
		}()
		// A generous guard against a hang, not a speed assertion.
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			t.Fatalf("%s: rendering did not finish in 3 s", name)
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got, want := sig(out), sig(md); got != want {
			t.Errorf("%s: characters lost or reordered:\n got %q\nwant %q", name, got, want)
		}
		for i, l := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(l); w > 60 {
				t.Errorf("%s: line %d is %d cells wide", name, i, w)
			}
		}
	}
	if got := limitNesting("```\n" + strings.Repeat(" ", 60) + "x\n```\n" + list.String()); !strings.Contains(got, strings.Repeat(" ", 60)+"x") {
		t.Error("indentation inside a fenced code block was changed")
	}
}

func TestLimitNestingLeavesOrdinaryNotesAlone(t *testing.T) {
	md := "- a\n  - b\n    > c\n\n```\n\tcode\n```\n"
	if got := limitNesting(md); got != md {
		t.Errorf("changed an ordinary note:\n%q", got)
	}
}
