package notes

import (
	"regexp"
	"strings"
	"testing"
)

// Markup whose text is not prose: fenced code, inline code, math, link
// targets and bare addresses.
var (
	fencedCode = regexp.MustCompile("(?ms)^ *(```|~~~).*?^ *(```|~~~) *$")
	inlineCode = regexp.MustCompile("`[^`\n]*`")
	mathSpan   = regexp.MustCompile(`\$\$.*?\$\$|\$[^$\n]*\$`)
	linkTarget = regexp.MustCompile(`\]\([^)\s]*\)|<https?://[^>\s]*>|https?://\S+`)
)

// Half-width punctuation the project's own text must not use after Chinese:
// a comma, colon, semicolon or opening parenthesis right after a Chinese
// character, a closing one after a Chinese character that closes a
// parenthesis opened after one (a formula's "p(词)" is left alone), and
// straight double quotes around Chinese words.
var (
	halfAfterHan  = regexp.MustCompile(`\p{Han}[,:;(]`)
	closeAfterHan = regexp.MustCompile(`\p{Han}\)`)
	straightQuote = regexp.MustCompile(`"[^"\n]*\p{Han}[^"\n]*"`)
	hanRune       = regexp.MustCompile(`\p{Han}$`)
)

// opensAfterHan reports whether the parenthesis closed at byte i of line
// was opened right after a Chinese character.
func opensAfterHan(line string, i int) bool {
	depth := 0
	for j := i - 1; j >= 0; j-- {
		switch line[j] {
		case ')':
			depth++
		case '(':
			if depth == 0 {
				return hanRune.MatchString(line[:j])
			}
			depth--
		}
	}
	return false
}

// addedText returns the text of n that the project wrote: all of a note
// that is not the seed's, and the "补充与勘误" section on of a seed note.
func addedText(n *Note) string {
	if n.Origin != OriginSeed {
		return n.Title + "\n" + n.Body
	}
	if i := strings.Index(n.Body, "## 补充与勘误"); i >= 0 {
		return n.Body[i:]
	}
	return ""
}

// prose removes code, math and link targets from markdown.
func prose(md string) string {
	for _, re := range []*regexp.Regexp{fencedCode, inlineCode, mathSpan, linkTarget} {
		md = re.ReplaceAllString(md, " ")
	}
	return md
}

// punctuationProblems returns the places where text uses half-width
// punctuation after Chinese.
func punctuationProblems(text string) []string {
	var bad []string
	for _, line := range strings.Split(prose(text), "\n") {
		for _, m := range halfAfterHan.FindAllString(line, -1) {
			bad = append(bad, m+" in: "+strings.TrimSpace(line))
		}
		for _, m := range closeAfterHan.FindAllStringIndex(line, -1) {
			if opensAfterHan(line, m[1]-1) {
				bad = append(bad, line[m[0]:m[1]]+" in: "+strings.TrimSpace(line))
			}
		}
		for _, m := range straightQuote.FindAllString(line, -1) {
			bad = append(bad, "straight quotes "+m+" in: "+strings.TrimSpace(line))
		}
	}
	return bad
}

// TestAddedTextUsesFullWidthPunctuation checks the punctuation of the text
// the project added to the deck; the seed's own sentences stay as written.
func TestAddedTextUsesFullWidthPunctuation(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for i := range d.Notes {
		n := &d.Notes[i]
		for _, b := range punctuationProblems(addedText(n)) {
			t.Errorf("%s: %s", n.File, b)
		}
	}
}

// TestPunctuationCheckCatches makes sure the check is not blind, and leaves
// code, math and links alone.
func TestPunctuationCheckCatches(t *testing.T) {
	for _, c := range []struct {
		text string
		bad  bool
	}{
		{"模型很大,显存不够", true},
		{"原因:显存", true},
		{"模型(LLM)很大", true},
		{`所谓"对齐"就是`, true},
		{"模型很大，显存不够；原因：显存（LLM）", false},
		{"代码 `x = f(a,b)` 与\n```\n中文(注释)\n```\n结束", false},
		{"损失 −log(1 − p(重复词)) 与 φ_y(行)", false},
		{"公式 $中(x)$ 与 [链接](https://a.b/中(c)) 结束", false},
		{`He said "hello", ok`, false},
	} {
		if got := len(punctuationProblems(c.text)) > 0; got != c.bad {
			t.Errorf("%q: flagged %v, want %v", c.text, got, c.bad)
		}
	}
	// A seed note's own text above its additions is not checked.
	seed := &Note{Origin: OriginSeed, Body: "原文,半角\n\n## 补充与勘误\n\n补充,半角"}
	if got := punctuationProblems(addedText(seed)); len(got) != 1 {
		t.Errorf("seed note: %v, want only the addition flagged", got)
	}
}
