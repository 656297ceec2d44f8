package render

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"mianjing/notes"
)

// TestDeckGolden keeps the whole built-in deck as the reader sees it, colour
// stripped, at 40, 60, 80 and 100 columns: one file per width, each note
// under a line naming it. A change to the typography shows up here as a
// diff over the real notes; a change to a note updates its part (rerun
// with -update).
func TestDeckGolden(t *testing.T) {
	d, err := notes.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := New()
	for _, width := range typoWidths {
		var b strings.Builder
		for _, n := range d.Notes {
			out, err := r.Render(n.Body, width, Dark)
			if err != nil {
				t.Fatalf("%s: %v", n.ID, err)
			}
			b.WriteString("===== " + n.File + " =====\n")
			b.WriteString(ansi.Strip(out))
			b.WriteString("\n\n")
		}
		got := b.String()
		path := filepath.Join("testdata", "deck", "deck-"+strconv.Itoa(width)+".golden")
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./tui/render -run TestDeckGolden -update)", err)
		}
		if string(want) != got {
			t.Errorf("the deck at %d columns differs from %s (rerun with -update if intended); first difference at line %d",
				width, path, firstDiff(string(want), got))
		}
	}
}

// firstDiff is the 1-based number of the first line where a and b differ.
func firstDiff(a, b string) int {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return i + 1
		}
	}
	return min(len(al), len(bl)) + 1
}
