package notes

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// good is a valid note; tests derive bad ones from it.
const good = `---
id: a
title: 标题
tags: [微调, 训练]
difficulty: 2
---

答案第一段。

- 列表项

## 要点

- 第一点
- 第二点
`

func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return m
}

func TestLoadGood(t *testing.T) {
	d, err := Load(mapFS(map[string]string{"a.md": good}))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Notes) != 1 {
		t.Fatalf("got %d notes", len(d.Notes))
	}
	n := d.Notes[0]
	if n.ID != "a" || n.Title != "标题" || !slices.Equal(n.Tags, []string{"微调", "训练"}) ||
		n.Difficulty != 2 || n.File != "a.md" {
		t.Errorf("note = %+v", n)
	}
	if want := "答案第一段。\n\n- 列表项\n\n## 要点\n\n- 第一点\n- 第二点"; n.Body != want {
		t.Errorf("Body = %q, want %q", n.Body, want)
	}
	if want := "答案第一段。\n\n- 列表项"; n.Answer() != want {
		t.Errorf("Answer() = %q, want %q", n.Answer(), want)
	}
	if !slices.Equal(n.Points, []string{"第一点", "第二点"}) {
		t.Errorf("Points = %q", n.Points)
	}
}

// TestProblems feeds one kind of bad input per case and checks the exact
// file, line and message of every problem reported.
func TestProblems(t *testing.T) {
	type want struct {
		file string
		line int
		msg  string // substring of Msg
	}
	big := "---\nid: a\ntitle: t\n---\n" + strings.Repeat("长", MaxFileSize/3)
	cases := []struct {
		name  string
		files map[string]string
		want  []want
	}{
		{"no front matter", map[string]string{"a.md": "答案\n"},
			[]want{{"a.md", 1, "no front matter"}}},
		{"front matter not on line 1", map[string]string{"a.md": "\n---\nid: a\ntitle: t\n---\n答案\n"},
			[]want{{"a.md", 1, "no front matter"}}},
		{"unterminated front matter", map[string]string{"a.md": "---\nid: a\ntitle: t\n\n答案\n"},
			[]want{{"a.md", 1, "unterminated front matter"}}},
		{"invalid YAML", map[string]string{"a.md": "---\nid: a\ntitle: t\n  bad: x\n---\n答案\n"},
			[]want{{"a.md", 4, "invalid front matter: mapping values are not allowed"}}},
		{"invalid YAML flow", map[string]string{"a.md": "---\nid: a\ntags: [微调\ntitle: t\n---\n答案\n"},
			[]want{{"a.md", 3, "invalid front matter: did not find expected ',' or ']'"}}},
		{"invalid YAML expected key", map[string]string{"a.md": "---\nid: a\ntitle: t\n- x\n---\n答案\n"},
			[]want{{"a.md", 4, "invalid front matter: did not find expected key"}}},
		{"invalid YAML tab", map[string]string{"a.md": "---\nid: a\n\ttitle: t\n---\n答案\n"},
			[]want{{"a.md", 3, "invalid front matter: found a tab character"}}},
		{"duplicate key", map[string]string{"a.md": "---\nid: a\ntitle: t\nid: b\n---\n答案\n"},
			[]want{{"a.md", 4, `mapping key "id" already defined at line 2`}}},
		{"missing id", map[string]string{"a.md": "---\ntitle: t\n---\n答案\n"},
			[]want{{"a.md", 1, "missing id"}}},
		{"empty id", map[string]string{"a.md": "---\ntitle: t\nid: \"\"\n---\n答案\n"},
			[]want{{"a.md", 3, "missing id"}}},
		{"missing title", map[string]string{"a.md": "---\nid: a\n---\n答案\n"},
			[]want{{"a.md", 1, "missing title"}}},
		{"blank title", map[string]string{"a.md": "---\nid: a\ntitle: \"  \"\n---\n答案\n"},
			[]want{{"a.md", 3, "missing title"}}},
		{"empty front matter", map[string]string{"a.md": "---\n---\n答案\n"},
			[]want{{"a.md", 1, "missing id"}, {"a.md", 1, "missing title"}}},
		{"title not a string", map[string]string{"a.md": "---\nid: a\ntitle: [x]\n---\n答案\n"},
			[]want{{"a.md", 3, "title must be a plain string"}}},
		{"unknown field", map[string]string{"a.md": "---\nid: a\ntitle: t\nauthor: 我\n---\n答案\n"},
			[]want{{"a.md", 4, `unknown field "author"`}}},
		{"bad id uppercase", map[string]string{"a.md": "---\nid: LoRA\ntitle: t\n---\n答案\n"},
			[]want{{"a.md", 2, `bad id "LoRA"`}}},
		{"bad id underscore", map[string]string{"a.md": "---\ntitle: t\nid: lora_pt\n---\n答案\n"},
			[]want{{"a.md", 3, `bad id "lora_pt"`}}},
		{"bad id dash", map[string]string{"a.md": "---\nid: -a\ntitle: t\n---\n答案\n"},
			[]want{{"a.md", 2, `bad id "-a"`}}},
		{"bad id chinese", map[string]string{"a.md": "---\nid: 微调\ntitle: t\n---\n答案\n"},
			[]want{{"a.md", 2, `bad id "微调"`}}},
		{"duplicate id", map[string]string{
			"01-x.md": "---\nid: same\ntitle: t\n---\n答案\n",
			"02-y.md": "---\ntitle: u\nid: same\n---\n答案\n"},
			[]want{{"02-y.md", 3, `duplicate id "same": also used by 01-x.md:2`}}},
		{"difficulty too high", map[string]string{"a.md": "---\nid: a\ntitle: t\ndifficulty: 4\n---\n答案\n"},
			[]want{{"a.md", 4, `difficulty must be 1, 2 or 3, not "4"`}}},
		{"difficulty zero", map[string]string{"a.md": "---\nid: a\ndifficulty: 0\ntitle: t\n---\n答案\n"},
			[]want{{"a.md", 3, `difficulty must be 1, 2 or 3, not "0"`}}},
		{"difficulty word", map[string]string{"a.md": "---\nid: a\ntitle: t\ndifficulty: hard\n---\n答案\n"},
			[]want{{"a.md", 4, `difficulty must be 1, 2 or 3, not "hard"`}}},
		{"tags a map", map[string]string{"a.md": "---\nid: a\ntitle: t\ntags: {a: b}\n---\n答案\n"},
			[]want{{"a.md", 4, "tags must be a list of strings"}}},
		{"empty body", map[string]string{"a.md": "---\nid: a\ntitle: t\n---\n\n  \n\n"},
			[]want{{"a.md", 4, "empty body"}}},
		{"no body at all", map[string]string{"a.md": "---\nid: a\ntitle: t\n---"},
			[]want{{"a.md", 4, "empty body"}}},
		{"invalid UTF-8", map[string]string{"a.md": "---\nid: a\ntitle: t\n---\n答案\n第二行\xff\xfe\n"},
			[]want{{"a.md", 6, "invalid UTF-8 (byte 0xff)"}}},
		{"invalid UTF-8 with CR line ends", map[string]string{"a.md": "---\rid: a\r\ntitle: t\r---\r\xc3(\r"},
			[]want{{"a.md", 5, "invalid UTF-8 (byte 0xc3)"}}},
		{"over 1 MiB", map[string]string{"a.md": big},
			[]want{{"a.md", 0, "over the 1 MiB limit"}}},
		{"seven points", map[string]string{"a.md": "---\nid: a\ntitle: t\n---\n答案\n\n## 要点\n\n- 1\n- 2\n- 3\n- 4\n- 5\n- 6\n- 7\n"},
			[]want{{"a.md", 15, `"## 要点" has 7 points; at most 6`}}},
		{"points section empty", map[string]string{"a.md": "---\nid: a\ntitle: t\n---\n答案\n\n## 要点\n\n只有文字\n"},
			[]want{{"a.md", 7, `"## 要点" section has no bullet points`}}},
		{"only points", map[string]string{"a.md": "---\nid: a\ntitle: t\n---\n\n## 要点\n- 1\n"},
			[]want{{"a.md", 6, `no answer before "## 要点"`}}},
		{"two points sections", map[string]string{"a.md": "---\nid: a\ntitle: t\n---\n答案\n## 要点\n- 1\n## 要点\n- 2\n"},
			[]want{{"a.md", 8, `second "## 要点" section`}}},
		{"CRLF keeps line numbers", map[string]string{"a.md": "---\r\nid: a\r\ntitle: t\r\nextra: 1\r\n---\r\n答案\r\n"},
			[]want{{"a.md", 4, `unknown field "extra"`}}},
		{"problems of several files", map[string]string{
			"a.md": "答案\n",
			"b.md": good,
			"c.md": "---\nid: C\ntitle: t\n---\n答案\n"},
			[]want{{"a.md", 1, "no front matter"}, {"c.md", 2, `bad id "C"`}}},
		{"empty deck", map[string]string{"readme.txt": "x"},
			[]want{{".", 0, "no notes"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := mapFS(c.files)
			got := Check(fsys)
			if len(got) != len(c.want) {
				t.Fatalf("got %d problems %v, want %d %v", len(got), got, len(c.want), c.want)
			}
			for i, w := range c.want {
				g := got[i]
				if g.File != w.file || g.Line != w.line || !strings.Contains(g.Msg, w.msg) {
					t.Errorf("problem %d = %q (file %q line %d), want file %q line %d message containing %q",
						i, g, g.File, g.Line, w.file, w.line, w.msg)
				}
			}
			d, err := Load(fsys)
			var de *DeckError
			if d != nil || !errors.As(err, &de) {
				t.Fatalf("Load = %v, %v; want nil and a *DeckError", d, err)
			}
			if !slices.Equal(de.Problems, got) {
				t.Errorf("Load problems %v differ from Check %v", de.Problems, got)
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, got[0].String()) {
				t.Errorf("Error() = %q, want one line starting with %q", msg, got[0])
			}
		})
	}
}

func TestProblemString(t *testing.T) {
	for _, c := range []struct {
		p    Problem
		want string
	}{
		{Problem{"a.md", 3, "bad id"}, "a.md:3: bad id"},
		{Problem{"a.md", 0, "too big"}, "a.md: too big"},
		{Problem{"", 0, "no notes"}, "no notes"},
		{Problem{"x\x1b]0;t\a.md", 2, "m\x1b[2J\u009b"}, "x]0;t.md:2: m[2J"},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("%#v.String() = %q, want %q", c.p, got, c.want)
		}
	}
	e := &DeckError{Problems: []Problem{{"a.md", 1, "x"}, {"b.md", 2, "y"}, {"c.md", 3, "z"}}}
	if got, want := e.Error(), "a.md:1: x (and 2 more problems)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestControlCharsStripped(t *testing.T) {
	// Raw controls, YAML escapes (\e, \a, \x9b) and C1 controls encoded in
	// UTF-8 must all go; the visible text stays.
	src := "---\nid: a\ntitle: \"\\e]0;pwned\\a标\u0085题\\x9b2J\"\ntags: [\"微\\e[31m调\", \"训\x1b练\"]\n---\n" +
		"答\x1b[2J案\x07\u009b1;1H\x7f。\x00\n\t缩进\r\n\x1b]52;c;ZXZpbA==\x1b\\结束\n\n## 要点\n\n- 要\x1b[5m点\n"
	n, probs := parseNote("a.md", []byte(src))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if n.Title != "]0;pwned标题2J" {
		t.Errorf("Title = %q", n.Title)
	}
	if !slices.Equal(n.Tags, []string{"微[31m调", "训练"}) {
		t.Errorf("Tags = %q", n.Tags)
	}
	if want := "答[2J案1;1H。\n\t缩进\n]52;c;ZXZpbA==\\结束\n\n## 要点\n\n- 要[5m点"; n.Body != want {
		t.Errorf("Body = %q, want %q", n.Body, want)
	}
	if !slices.Equal(n.Points, []string{"要[5m点"}) {
		t.Errorf("Points = %q", n.Points)
	}
	for _, s := range append([]string{n.Title, n.Body}, n.Tags...) {
		for _, r := range s {
			if isControl(r) {
				t.Errorf("control %U left in %q", r, s)
			}
		}
	}
}

func TestLoadIgnoresAndOrders(t *testing.T) {
	note := func(id string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\nid: " + id + "\ntitle: t\n---\n答案\n")}
	}
	fsys := fstest.MapFS{
		"b.md":          note("b"),
		"a.md":          note("a"),
		"10-x.md":       note("ten"),
		"2-x.md":        note("two"),
		"Z.md":          note("upper"),
		"readme.txt":    {Data: []byte("not a note")},
		"notes.md.bak":  {Data: []byte("not a note")},
		".hidden.md":    {Data: []byte("broken")},
		"sub/c.md":      {Data: []byte("broken")},
		"dir.md":        {Mode: fs.ModeDir | 0o755},
		"dir.md/inside": {Data: []byte("x")},
	}
	d, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var files, ids []string
	for _, n := range d.Notes {
		files = append(files, n.File)
		ids = append(ids, n.ID)
	}
	if want := []string{"10-x.md", "2-x.md", "Z.md", "a.md", "b.md"}; !slices.Equal(files, want) {
		t.Errorf("files = %q, want %q", files, want)
	}
	if want := []string{"ten", "two", "upper", "a", "b"}; !slices.Equal(ids, want) {
		t.Errorf("ids = %q, want %q", ids, want)
	}
}

func TestPointsAndAnswer(t *testing.T) {
	src := "---\nid: a\ntitle: t\n---\n" +
		"答案\n\n```python\n## 要点 inside code is not a heading\n```\n\n" +
		"## 要点 ##\n\n前言不是要点\n\n* 一\n  接续行\n2. 二\n    - 子项算接续\n\n## 附录\n\n附录内容\n"
	n, probs := parseNote("a.md", []byte(src))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if want := []string{"一 接续行", "二 - 子项算接续"}; !slices.Equal(n.Points, want) {
		t.Errorf("Points = %q, want %q", n.Points, want)
	}
	if want := "答案\n\n```python\n## 要点 inside code is not a heading\n```\n\n## 附录\n\n附录内容"; n.Answer() != want {
		t.Errorf("Answer() = %q, want %q", n.Answer(), want)
	}
	plain := Note{Body: "只有答案\n\n- 列表"}
	if plain.Answer() != plain.Body || plain.Points != nil {
		t.Errorf("note without points: Answer() = %q", plain.Answer())
	}
}

func TestSearchText(t *testing.T) {
	n := Note{Title: "LoRA原理", Tags: []string{"微调", "PEFT"}, Body: "Low-Rank 适应 ÄÖ"}
	if got, want := n.SearchText(), "lora原理\n微调 peft\nlow-rank 适应 ÄÖ"; got != want {
		t.Errorf("SearchText() = %q, want %q", got, want)
	}
}

func TestLoadDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "我的卡组")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "我的卡组" || len(d.Notes) != 1 || d.Notes[0].File != "a.md" {
		t.Errorf("deck = %q with %d notes", d.Name, len(d.Notes))
	}

	if err := os.WriteFile(filepath.Join(dir, "b.md"), []byte("no front matter"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "b.md")
	_, err = LoadDir(dir)
	if err == nil || !strings.HasPrefix(err.Error(), bad+":1: no front matter") {
		t.Errorf("LoadDir error = %v, want it to name %s:1", err, bad)
	}
	if got := CheckDir(dir); len(got) != 1 || got[0].File != bad || got[0].Line != 1 {
		t.Errorf("CheckDir = %v", got)
	}

	missing := filepath.Join(dir, "nope")
	if _, err := LoadDir(missing); err == nil || !strings.HasPrefix(err.Error(), missing+": ") {
		t.Errorf("LoadDir(missing) error = %v, want it to name %s", err, missing)
	}
	if got := CheckDir(missing); len(got) != 1 || got[0].File != missing {
		t.Errorf("CheckDir(missing) = %v", got)
	}
	if _, err := LoadDir(bad); err == nil || err.Error() != bad+": not a directory" {
		t.Errorf("LoadDir(file) error = %v", err)
	}
	empty := t.TempDir()
	if _, err := LoadDir(empty); err == nil || err.Error() != empty+": no notes: the deck has no .md files" {
		t.Errorf("LoadDir(empty) error = %v", err)
	}
}
