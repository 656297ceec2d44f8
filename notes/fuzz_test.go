package notes

import (
	"io/fs"
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	addDeckSeeds(f)
	for _, s := range []string{
		good, "", "---", "---\n---\n", "答案\n", "---\nid: a\ntitle: t\n\n答案\n",
		"---\nid: a\ntitle: t\n  bad: x\n---\n答案\n", "---\nid: a\ntitle: t\nauthor: x\n---\n答案\n",
		"---\nid: LoRA\ntitle: t\n---\n答案\n", "---\nid: a\ntitle: t\ndifficulty: 9\n---\n答案\n",
		"---\nid: a\ntitle: t\n---\n\n", "---\nid: a\ntitle: t\n---\n答案\xff\n",
		"---\r\nid: a\r\ntitle: \"\\e]0;x\\a\"\r\n---\r\n答\x1b[2J案\u009b\r\n",
		"---\nid: a\ntitle: t\n---\n答案\n## 要点\n- 1\n- 2\n- 3\n- 4\n- 5\n- 6\n- 7\n",
		"---\nid: a\ntitle: &x t\ntags: [*x, *x]\n---\n答案\n## 要点\n```\n## 要点\n```\n- 1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n, probs := parseNote("f.md", data)
		lines := strings.Count(string(data), "\n") + strings.Count(string(data), "\r") + 1
		for _, p := range probs {
			if p.File != "f.md" || p.Line < 0 || p.Line > lines || p.Msg == "" {
				t.Errorf("bad problem %#v (file has at most %d lines)", p, lines)
			}
		}
		if len(probs) > 0 {
			return
		}
		if !validID(n.ID) || n.Title == "" || strings.TrimSpace(n.Body) == "" || strings.TrimSpace(n.Answer()) == "" {
			t.Errorf("parsed note lacks id, title, body or answer: %+v", n)
		}
		if len(n.Points) > MaxPoints || n.Difficulty < 0 || n.Difficulty > 3 {
			t.Errorf("%d points, difficulty %d", len(n.Points), n.Difficulty)
		}
		texts := append([]string{n.Title, n.Body}, n.Tags...)
		for _, s := range append(texts, n.Points...) {
			for _, r := range s {
				if isControl(r) || r == '\r' {
					t.Errorf("control %U in %q", r, s)
				}
			}
		}
		if strings.ContainsRune(n.Title, '\n') {
			t.Errorf("multi-line title %q", n.Title)
		}
	})
}

// addDeckSeeds adds every embedded note file to f's seed corpus.
func addDeckSeeds(f *testing.F) {
	f.Helper()
	deck, err := fs.Sub(embedded, "deck")
	if err != nil {
		f.Fatal(err)
	}
	files, err := fs.ReadDir(deck, ".")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range files {
		b, err := fs.ReadFile(deck, e.Name())
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}
