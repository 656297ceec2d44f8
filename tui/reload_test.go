package tui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"mianjing/notes"
)

// writeNote writes a small valid note file into dir.
func writeNote(t *testing.T, dir, file, id, title, body string) {
	t.Helper()
	src := "---\nid: " + id + "\ntitle: " + title + "\n---\n\n" + body + "\n"
	if err := os.WriteFile(filepath.Join(dir, file), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// dirDriver runs the app on a deck directory of three notes, as --notes
// does.
func dirDriver(t *testing.T) (*driver, string) {
	t.Helper()
	dir := t.TempDir()
	writeNote(t, dir, "01.md", "alpha", "Alpha question", "Alpha answer text.")
	writeNote(t, dir, "02.md", "beta", "Beta question", "Beta answer text.")
	writeNote(t, dir, "03.md", "gamma", "Gamma question", "Gamma answer text.")
	deck, err := notes.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return newDriver(t, Options{Deck: deck, NotesDir: dir, Lang: "en"}, 80, 20), dir
}

func TestReloadReplacesByIDAndKeepsProgress(t *testing.T) {
	d, dir := dirDriver(t)
	d.keys("j", "b", "enter") // bookmark beta, open it
	d.mustContain("Beta answer text.", "★")
	writeNote(t, dir, "02.md", "beta", "Beta question", "Beta answer, revised.")
	writeNote(t, dir, "04.md", "delta", "Delta question", "Delta answer.")
	if err := os.Remove(filepath.Join(dir, "01.md")); err != nil {
		t.Fatal(err)
	}
	d.send(deckChangedMsg{files: []string{"01.md", "02.md", "04.md"}})
	d.mustContain("Beta answer, revised.", "★", "1 changed, 1 added, 1 removed")
	d.mustNotContain("Beta answer text.")
	var ids []string
	for _, n := range d.m.c.deck.Notes {
		ids = append(ids, n.ID)
	}
	if got := strings.Join(ids, " "); got != "beta gamma delta" {
		t.Errorf("deck after reload: %s, want beta gamma delta (in place, new appended)", got)
	}
	// The reading view's order follows the ids: beta is 1 of 2 now.
	d.mustContain("1/2")
	d.keys("esc")
	d.mustContain("Delta question", "Beta question")
	d.mustNotContain("Alpha question")
	if d.selectedID() != "beta" {
		t.Errorf("back in the list, %q is selected, want beta", d.selectedID())
	}
	// The list's filter searches the new text.
	d.keys("/")
	d.typeText("revised")
	d.keys("enter")
	if d.selectedID() != "beta" || len(d.m.list.list.VisibleItems()) != 1 {
		t.Errorf("the filter did not find the revised body")
	}
}

func TestReloadKeepsOldVersionOfBrokenFile(t *testing.T) {
	d, dir := dirDriver(t)
	d.keys("enter")
	d.mustContain("Alpha answer text.")
	// A body-less note with a broken front matter line.
	if err := os.WriteFile(filepath.Join(dir, "01.md"), []byte("---\nid: alpha\ntitle: [unclosed\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeNote(t, dir, "02.md", "beta", "Beta question", "Beta, edited alongside.")
	d.send(deckChangedMsg{files: []string{"01.md", "02.md"}})
	d.mustContain("Alpha answer text.", "01.md:")
	if !regexp.MustCompile(`01\.md:\d+: `).MatchString(d.m.c.errText) {
		t.Errorf("error %q does not name the file and line", d.m.c.errText)
	}
	if got := d.m.c.deck.Notes[1].Body; !strings.Contains(got, "edited alongside") {
		t.Errorf("the good file was not reloaded: %q", got)
	}
	// Fixed, it loads.
	writeNote(t, dir, "01.md", "alpha", "Alpha question", "Alpha, fixed.")
	d.send(deckChangedMsg{files: []string{"01.md"}})
	d.mustContain("Alpha, fixed.")
}

func TestReloadWaitsForTheSelfTest(t *testing.T) {
	d, dir := dirDriver(t)
	d.keys("enter", "t")
	if d.m.active != viewQuiz {
		t.Fatal("t did not start a self-test")
	}
	writeNote(t, dir, "01.md", "alpha", "Alpha renamed", "Alpha answer text.")
	d.send(deckChangedMsg{files: []string{"01.md"}})
	if d.m.c.deck.Notes[0].Title != "Alpha question" {
		t.Fatal("the deck changed under a running self-test")
	}
	d.send(quizDoneMsg{})
	if d.m.c.deck.Notes[0].Title != "Alpha renamed" {
		t.Fatal("the reload was not applied when the self-test ended")
	}
	d.mustContain("Alpha renamed")
}

func TestReloadIgnoresOlderRead(t *testing.T) {
	d, dir := dirDriver(t)
	old := loadDeckCmd(dir, 1)()
	writeNote(t, dir, "01.md", "alpha", "Alpha question", "Newer.")
	d.m.reload.gen = 2
	d.send(loadDeckCmd(dir, 2)(), old)
	if got := d.m.c.deck.Notes[0].Body; got != "Newer." {
		t.Errorf("an older read overwrote a newer one: %q", got)
	}
}

func TestEditKey(t *testing.T) {
	d, _ := dirDriver(t)
	d.keys("enter")
	_, cmd := d.m.Update(press("e"))
	if cmd == nil {
		t.Fatal("e on a note of --notes gave no command")
	}
	d.send(editorDoneMsg{})
	if d.m.reload.gen != 1 {
		t.Error("the deck was not read again after the editor exited")
	}

	b := newDriver(t, Options{Lang: "en"}, 80, 20)
	b.keys("enter", "e")
	b.mustContain("mianjing deck export")
}

func TestEditorArgv(t *testing.T) {
	env := map[string]string{}
	get := func(k string) string { return env[k] }
	if got := editorArgv(get); strings.Join(got, " ") != "vi" {
		t.Errorf("no editor set: %v", got)
	}
	env["EDITOR"] = "nano"
	env["VISUAL"] = "code -w"
	if got := editorArgv(get); strings.Join(got, "|") != "code|-w" {
		t.Errorf("VISUAL wins and splits: %v", got)
	}
	env["VISUAL"] = "  "
	if got := editorArgv(get); strings.Join(got, " ") != "nano" {
		t.Errorf("blank VISUAL: %v", got)
	}
}
