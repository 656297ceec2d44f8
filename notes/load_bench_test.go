package notes_test

import (
	"testing"

	"mianjing/notes"
	"mianjing/notes/deckgen"
)

// BenchmarkLoad10k loads 10,000 generated notes (Chinese titles, 1–3 KB
// answers with lists and a code block; deckgen checks they are realistic)
// from memory.
func BenchmarkLoad10k(b *testing.B) {
	fsys := deckgen.Files(10000)
	b.ReportAllocs()
	for b.Loop() {
		d, err := notes.Load(fsys)
		if err != nil || len(d.Notes) != 10000 {
			b.Fatal(err)
		}
	}
}
