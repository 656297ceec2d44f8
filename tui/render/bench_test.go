package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkRenderNote renders the test note at 100 columns with a warm
// renderer, as the detail view does when it shows a note again or the
// window is resized: glamour's output comes from the cache.
func BenchmarkRenderNote(b *testing.B) {
	benchRender(b, readNoteB(b), cacheSize)
}

// BenchmarkRenderNoteUncached is BenchmarkRenderNote with the cache off: a
// note shown for the first time (glamour renderers already built).
func BenchmarkRenderNoteUncached(b *testing.B) {
	benchRender(b, readNoteB(b), 0)
}

// BenchmarkRenderDeckUncached renders each note of the project's deck, if
// present, at 100 columns without the cache; ns/op is per note.
func BenchmarkRenderDeckUncached(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "notes", "deck", "*.md"))
	if len(files) == 0 {
		b.Skip("no deck notes")
	}
	var notes []string
	for _, f := range files {
		md, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		notes = append(notes, string(md))
	}
	for _, st := range []Style{Dark, Plain} {
		b.Run(st.String(), func(b *testing.B) {
			r := New()
			r.maxCache = 0
			for _, md := range notes {
				if _, err := r.Render(md, 100, st); err != nil {
					b.Fatal(err)
				}
			}
			c0, ok := cpuTime()
			i := 0
			for b.Loop() {
				if _, err := r.Render(notes[i%len(notes)], 100, st); err != nil {
					b.Fatal(err)
				}
				i++
			}
			reportCPU(b, c0, ok)
		})
	}
}

func benchRender(b *testing.B, md string, cache int) {
	for _, st := range []Style{Dark, Plain} {
		b.Run(st.String(), func(b *testing.B) {
			r := New()
			r.maxCache = cache
			if _, err := r.Render(md, 100, st); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(md)))
			c0, ok := cpuTime()
			for b.Loop() {
				if _, err := r.Render(md, 100, st); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, c0, ok)
		})
	}
}

// BenchmarkWrapLine wraps one long styled line of Chinese text, as glamour
// writes a paragraph, at 80 columns.
func BenchmarkWrapLine(b *testing.B) {
	line := "  \x1b[38;5;252m" + strings.Repeat("在大模型时代，对一个拥有数百亿参数的预训练语言模型（PLM）做全参数微调\x1b[m\x1b[38;5;203;48;5;236m\u00a0LoRA\u00a0\x1b[m\x1b[38;5;252m，", 4) + "\x1b[m"
	b.SetBytes(int64(len(line)))
	c0, ok := cpuTime()
	for b.Loop() {
		WrapLine(line, 80)
	}
	reportCPU(b, c0, ok)
}

func readNoteB(b *testing.B) string {
	b.Helper()
	md, err := os.ReadFile(filepath.Join("testdata", "note.md"))
	if err != nil {
		b.Fatal(err)
	}
	return string(md)
}

// reportCPU adds the process CPU time per operation since c0: on a loaded
// machine it is steadier than ns/op (it includes the GC's work).
func reportCPU(b *testing.B, c0 int64, ok bool) {
	if c1, ok1 := cpuTime(); ok && ok1 && b.N > 0 {
		b.ReportMetric(float64(c1-c0)/float64(b.N), "cpu-ns/op")
	}
}
