package notes

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"
)

// frontMatterOf returns the front matter text of a note file.
func frontMatterOf(t *testing.T, data string) string {
	t.Helper()
	_, rest, _ := strings.Cut(data, "\n")
	fm, _, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		t.Fatalf("no front matter in %q", data)
	}
	return fm + "\n"
}

// TestFastFrontMatterTakesTheDeck checks that every note of the embedded
// deck, and the front matter a learner usually writes, is decoded without
// yaml.v3: otherwise the fast path silently stops paying off.
func TestFastFrontMatterTakesTheDeck(t *testing.T) {
	deck, err := fs.Sub(embedded, "deck")
	if err != nil {
		t.Fatal(err)
	}
	files, err := fs.ReadDir(deck, ".")
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, e := range files {
		b, err := fs.ReadFile(deck, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, frontMatterOf(t, string(b)))
	}
	texts = append(texts,
		"id: a\ntitle: 什么是 RoPE？为什么能外推\n",
		"id: a\ntitle: t\ntags: 微调\ndifficulty: 3\n",
		"id: a\n\ntitle: t\ntags: []\n",
		"title: C++ 与 Python:对比\nid: a-b-c\ntags: [a b, c-d ,e]\n",
	)
	for _, text := range texts {
		var fm frontMatter
		if !fastFrontMatter(text, &fm) {
			t.Errorf("fast path refused %q", text)
		}
	}
}

// TestFastFrontMatterRefuses lists front matter the fast path must leave
// to yaml.v3, since its meaning is not its text.
func TestFastFrontMatterRefuses(t *testing.T) {
	for _, text := range []string{
		"id: a\ntitle: 'quoted'\n",
		"id: a\ntitle: \"quoted\"\n",
		"id: a # comment\ntitle: t\n",
		"# comment\nid: a\n",
		"id: a\ntitle: t\n  continued\n",
		"id: a\ntitle:\n",
		"id: a\ntitle: ~\n",
		"id: a\ntitle: null\n",
		"id: a\nid: b\n",
		"id: a\nauthor: x\n",
		"id: a\ntitle: &x t\n",
		"id: a\ntitle: *x\n",
		"id: a\ntitle: !!str t\n",
		"id: a\ntitle: |\n  t\n",
		"id: a\ntitle: a: b\n",
		"id: a\ntitle: t\ttab\n",
		"id: a\ntitle: t\u2028u\n",
		"id: a\ntags: [a, ]\n",
		"id: a\ntags: [a, [b]]\n",
		"id: a\ntags: [a, b\n",
		"id: a\ntags: [a:b]\n",
		"id:a\n",
		"id : a\n",
		" id: a\n",
		"- id: a\n",
		"...\n",
	} {
		var fm frontMatter
		if fastFrontMatter(text, &fm) {
			t.Errorf("fast path accepted %q as %+v", text, fm)
		}
		if !reflect.DeepEqual(fm, frontMatter{}) {
			t.Errorf("fast path refused %q but changed fm", text)
		}
	}
}

// FuzzFastFrontMatter checks that the fast path changes nothing: a file
// parses to the same note, id line and problems with it as with yaml.v3
// alone.
func FuzzFastFrontMatter(f *testing.F) {
	addDeckSeeds(f)
	for _, s := range []string{
		good,
		"---\nid: a\ntitle: t\ntags: [x, y]\ndifficulty: 2\n---\n答案\n",
		"---\nid: a\ntitle: 123\ntags: [1, true, ~]\ndifficulty: 0x2\n---\n答案\n",
		"---\nid: a\ntitle: t: u\n---\n答案\n",
		"---\nid: a\ntitle: t\ntags: a, b\ndifficulty: 4\n---\n答案\n",
		"---\nid: A\ntitle: <<\ntags: []\n---\n答案\n",
		"---\n\nid: a\n  \ntitle: t\n---\n答案\n",
		"---\nid: a\ntitle: t #c\n---\n答案\n",
		"---\nid: a\ntitle: a\u3000\ntags: [ x ,y ]\n---\n答案\n",
		"---\nid: a\ntitle: t\n---\n",
		"---\nid: a\ntitle: -1\ndifficulty: +2\n---\n答案\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n1, l1, p1 := parseFileWith("f.md", data, fastFrontMatter)
		n2, l2, p2 := parseFileWith("f.md", data, nil)
		if !reflect.DeepEqual(n1, n2) || l1 != l2 || !reflect.DeepEqual(p1, p2) {
			t.Errorf("fast path differs from yaml.v3 on %q:\nfast: %+v line %d %v\nyaml: %+v line %d %v",
				data, n1, l1, p1, n2, l2, p2)
		}
	})
}
