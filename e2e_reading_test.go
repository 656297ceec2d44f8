package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// writeReadingDeck writes a deck of two notes for the reading view's
// tests into a new directory and returns it. The first note's body has
// "Token" three times in three cases, and a heading far down.
func writeReadingDeck(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("## 答案\n\n第一段提到 token 与注意力。\n\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&b, "填充第 %d 行，讲一点别的内容。\n\n", i)
	}
	b.WriteString("这里的 TOKEN 在屏幕之外。\n\n最后一个 Token。\n\n## 要点\n\n- 第一个要点\n")
	notes := map[string]string{
		"01-first.md":  "---\nid: first-note\ntitle: 第一题：什么是 token\n---\n\n" + b.String(),
		"02-second.md": "---\nid: second-note\ntitle: 第二题：短的\n---\n\n短答案：原始版本。\n",
	}
	for f, src := range notes {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestE2EReadingSearch(t *testing.T) {
	dir := writeReadingDeck(t)
	term := startApp(t, []string{"--notes", dir}, nil, 80, 24)
	waitText(t, term, "第二题：短的")
	term.Key("enter")
	waitText(t, term, "第一段提到")
	term.Key("/")
	term.Type("token")
	waitText(t, term, "1/3")
	term.Key("enter")
	waitText(t, term, "/token 1/3")
	// n goes to the next match, far down: it is scrolled onto the screen.
	term.Key("n")
	s := waitText(t, term, "/token 2/3")
	if !strings.Contains(s, "这里的 TOKEN 在屏幕之外") {
		t.Fatalf("the second match is not on screen:\n%s", s)
	}
	if strings.Contains(s, "第一段提到") {
		t.Fatalf("n did not scroll:\n%s", s)
	}
	term.Key("N")
	waitText(t, term, "/token 1/3")
	term.Key("N")
	waitText(t, term, "/token 3/3")
	// n stepped through matches, not notes.
	waitText(t, term, "1/2  第一题")
	term.Key("esc")
	waitFor(t, term, "the search cleared", func(s string) bool {
		return !strings.Contains(s, "/token") && strings.Contains(s, "1/2  第一题")
	})
	term.Key("}")
	waitFor(t, term, "} at the 要点 heading", func(s string) bool {
		return strings.Contains(s, "第一个要点") && !strings.Contains(s, "第一段提到")
	})
	term.Key("esc")
	waitText(t, term, "按 / 筛选")
	quitApp(t, term)
}

// editorScript writes a shell script that appends line to the file it is
// given, an editor that needs no terminal, and returns its path.
func editorScript(t *testing.T, line string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "edit.sh")
	src := "#!/bin/sh\nprintf '\\n%s\\n' '" + line + "' >> \"$1\"\n"
	if err := os.WriteFile(path, []byte(src), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestE2EReadingEditReloads(t *testing.T) {
	dir := writeReadingDeck(t)
	editor := editorScript(t, "编辑器加上的一行。")
	term := startApp(t, []string{"--notes", dir}, []string{"VISUAL=", "EDITOR=" + editor}, 80, 24)
	waitText(t, term, "第二题：短的")
	term.Key("j")
	term.Key("enter")
	waitText(t, term, "短答案：原始版本。")
	term.Key("e")
	s := waitText(t, term, "编辑器加上的一行。")
	if !strings.Contains(s, "短答案：原始版本。") || !strings.Contains(s, "2/2") {
		t.Fatalf("after the edit the note is not the same note, extended:\n%s", s)
	}
	b, err := os.ReadFile(filepath.Join(dir, "02-second.md"))
	if err != nil || !strings.Contains(string(b), "编辑器加上的一行。") {
		t.Fatalf("the editor did not edit the note's file: %v %q", err, b)
	}
	term.Key("esc")
	waitText(t, term, "按 / 筛选")
	quitApp(t, term)
}

func TestE2EReadingWatchesTheDeck(t *testing.T) {
	dir := writeReadingDeck(t)
	term := startApp(t, []string{"--notes", dir}, nil, 80, 24)
	waitText(t, term, "第二题：短的")
	term.Key("j")
	term.Key("enter")
	waitText(t, term, "短答案：原始版本。")
	file := filepath.Join(dir, "02-second.md")
	write := func(src string) {
		t.Helper()
		if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("---\nid: second-note\ntitle: 第二题：短的\n---\n\n短答案：外部修改过。\n")
	waitText(t, term, "短答案：外部修改过。")
	// A file that no longer parses: the error names it and its line, and
	// the note stays as it was.
	write("---\nid: second-note\ntitle: [没有闭合\n---\n\n坏掉的版本。\n")
	s := waitFor(t, term, "the file:line error", func(s string) bool {
		return regexp.MustCompile(`02-second\.md:\d+`).MatchString(s)
	})
	if !strings.Contains(s, "短答案：外部修改过。") || strings.Contains(s, "坏掉的版本") {
		t.Fatalf("a broken file replaced the note:\n%s", s)
	}
	// A new file joins the list.
	if err := os.WriteFile(filepath.Join(dir, "03-third.md"),
		[]byte("---\nid: third-note\ntitle: 第三题：新加的\n---\n\n新题。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	term.Key("esc")
	waitText(t, term, "第三题：新加的")
	quitApp(t, term)
}
