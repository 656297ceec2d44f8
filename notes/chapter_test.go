package notes

import (
	"slices"
	"strings"
	"testing"
)

// chapterNote is a valid note file with the given extra front matter.
func chapterNote(id, extra string) string {
	return "---\nid: " + id + "\ntitle: 题目 " + id + "\n" + extra + "---\n\n回答。\n"
}

func TestChaptersAndRelated(t *testing.T) {
	d, err := Load(mapFS(map[string]string{
		"1-a.md": chapterNote("a", "chapter: 架构\nrelated: [b, c]\n"),
		"1-b.md": chapterNote("b", "chapter: 架构\norigin: seed\n"),
		"2-c.md": chapterNote("c", "chapter: 推理\ntags: [x, y, z]\n"),
		"3-d.md": chapterNote("d", ""),
	}))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Chapters(); !slices.Equal(got, []string{"架构", "推理"}) {
		t.Errorf("Chapters() = %q", got)
	}
	if a := d.Notes[0]; !slices.Equal(a.Related, []string{"b", "c"}) || a.Chapter != "架构" {
		t.Errorf("note a: %+v", a)
	}
	if d.Notes[1].Origin != OriginSeed || d.Notes[3].Chapter != "" {
		t.Errorf("origin %q, chapter of d %q", d.Notes[1].Origin, d.Notes[3].Chapter)
	}
}

// Every problem names its file and line, and all come out in one run.
func TestChapterAndRelatedProblems(t *testing.T) {
	probs := Check(mapFS(map[string]string{
		"1-a.md": chapterNote("a", "chapter: 架构\nrelated: [nope, a]\n"),
		"2-b.md": chapterNote("b", "chapter: 推理\n"),
		"3-c.md": chapterNote("c", "chapter: 架构\n"),
		"4-d.md": chapterNote("d", "origin: blog\n"),
		"5-e.md": chapterNote("e", "tags: [a, b, c, d]\n"),
		"6-f.md": chapterNote("f", "related: oops\n"),
	}))
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	for _, want := range []string{
		`1-a.md:5: related id "nope": no note in the deck has it`,
		`1-a.md:5: related id "a": a note cannot relate to itself`,
		`3-c.md:4: chapter "架构" comes back after "推理": its notes begin at 1-a.md`,
		`4-d.md:4: origin must be "seed" or left out`,
		`5-e.md:4: 4 tags; at most 3`,
		`6-f.md:4: related must list note ids`,
	} {
		found := false
		for _, g := range got {
			if strings.HasPrefix(g, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no problem %q in:\n%s", want, strings.Join(got, "\n"))
		}
	}
}
