package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/notes"
)

// snippetReference is snippet as first written: it converts the whole body
// to runes and measures the whole line, which costs a 10,000-note deck's
// filter milliseconds per keystroke.
func snippetReference(body, lower string, start, end, room int, base, match lipgloss.Style) string {
	if start < 0 || end > len(lower) || start >= end || room < 4 {
		return ""
	}
	rs := []rune(body)
	ra := utf8.RuneCountInString(lower[:start])
	re := ra + utf8.RuneCountInString(lower[start:end])
	if re > len(rs) {
		return ""
	}
	ls, le := ra, re
	for ls > 0 && rs[ls-1] != '\n' {
		ls--
	}
	for le < len(rs) && rs[le] != '\n' {
		le++
	}
	before := strings.NewReplacer("**", "", "`", "", "\t", " ").Replace(strings.TrimLeft(string(rs[ls:ra]), " \t#>*-+|0123456789.)"))
	hit := string(rs[ra:re])
	after := strings.NewReplacer("**", "", "`", "", "\t", " ").Replace(string(rs[re:le]))
	hitW := ansi.StringWidth(hit)
	if hitW >= room {
		return match.Inherit(base).Render(truncate(hit, room))
	}
	keep := (room - hitW) / 3
	if w := ansi.StringWidth(before); w > keep {
		before = "…" + ansi.TruncateLeft(before, w-max(keep-1, 0), "")
	}
	after = truncate(after, room-hitW-ansi.StringWidth(before))
	return base.Render(before) + match.Inherit(base).Render(hit) + base.Render(after)
}

// snippet draws what the reference draws, for every match of common terms
// in every note of the deck, at narrow and wide rooms.
func TestSnippetMatchesReference(t *testing.T) {
	d, err := notes.Default()
	if err != nil {
		t.Fatal(err)
	}
	base, match := lipgloss.NewStyle().Faint(true), lipgloss.NewStyle().Bold(true)
	bodies := []string{"**加粗** 与 `代码`\t制表 注意力 " + strings.Repeat("长", 300) + " 注意力 end", "İSTANBUL K 注意"}
	for _, n := range d.Notes {
		bodies = append(bodies, n.Body)
	}
	checked := 0
	for _, body := range bodies {
		lower := strings.ToLower(body)
		for _, term := range []string{"注意力", "的", "softmax", "k", "1", "**", "end", "i̇s"} {
			for from, seen := 0, 0; seen < 12; seen++ {
				at := strings.Index(lower[from:], term)
				if at < 0 {
					break
				}
				at += from
				for _, room := range []int{4, 11, 30, 61, 120} {
					got := snippet(body, lower, at, at+len(term), room, base, match)
					want := snippetReference(body, lower, at, at+len(term), room, base, match)
					if got != want {
						t.Fatalf("snippet of %q at %d, room %d:\n got %q\nwant %q", term, at, room, got, want)
					}
					checked++
				}
				from = at + len(term)
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d snippets compared", checked)
	}
}
