package render

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

var update = flag.Bool("update", false, "rewrite tui/render/testdata/*.golden")

// typoWidths are the widths the typography is checked at.
var typoWidths = []int{40, 60, 80, 100}

// formula matches a run of Latin letters, digits and symbols with single
// spaces inside it: an inline formula, a number with a Latin unit.
var formula = regexp.MustCompile(`[^\s\p{Han}\p{Hangul}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}，。、；：！？（）“”‘’《》「」『』【】…—]+(?: [^\s\p{Han}\p{Hangul}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}，。、；：！？（）“”‘’《》「」『』【】…—]+)*`)

// hangBars matches the indent and quote bars that start a continuation line.
var hangBars = regexp.MustCompile(`^ *(?:[│|](?: +|$))*`)

// measure matches a number and the Chinese character after it.
var measure = regexp.MustCompile(`[0-9] ?\p{Han}`)

// checkTypography checks the rules of the reading view's typesetting that
// checkPieces does not: no formula of at most maxRun cells (and no wider than
// a line) split across lines, no number parted from the character after it,
// no wrapped code line without its mark.
func checkTypography(md string, pieces []piece, width int) []string {
	var bad []string
	for _, p := range pieces {
		if p.table || len(p.lines) < 2 {
			continue
		}
		src := ansi.Strip(p.src)
		// The line each non-space rune of the source ended up on.
		var lineOf []int
		avail := width
		for k, l := range p.lines {
			s := ansi.Strip(l)
			if k > 0 {
				rest, ok := strings.CutPrefix(s, expectedHang(src))
				if p.code || !ok {
					rest = strings.TrimPrefix(s[len(hangBars.FindString(s)):], codeMark)
				}
				avail = min(avail, width-ansi.StringWidth(s[:len(s)-len(rest)]))
				s = rest
			}
			for _, r := range s {
				if !unicode.IsSpace(r) {
					lineOf = append(lineOf, k)
				}
			}
		}
		// at maps a byte offset of src to its non-space rune's index.
		at := map[int]int{}
		n := 0
		for i, r := range src {
			if !unicode.IsSpace(r) {
				at[i] = n
				n++
			}
		}
		if n != len(lineOf) {
			bad = append(bad, "output does not hold the source's characters: "+src)
			continue
		}
		sameLine := func(from, to int) bool {
			first, last := -1, -1
			for i := from; i < to; i++ {
				if j, ok := at[i]; ok {
					if first < 0 {
						first = j
					}
					last = j
				}
			}
			return first < 0 || lineOf[first] == lineOf[last]
		}
		if !p.code {
			for _, m := range formula.FindAllStringIndex(src, -1) {
				if w := ansi.StringWidth(src[m[0]:m[1]]); w <= maxRun && w <= avail && !sameLine(m[0], m[1]) {
					bad = append(bad, "formula split across lines: "+src[m[0]:m[1]])
				}
			}
			for _, m := range measure.FindAllStringIndex(src, -1) {
				if !sameLine(m[0], m[1]) {
					bad = append(bad, "number parted from its measure word: "+src[m[0]:m[1]])
				}
			}
		}
	}
	return append(bad, checkCodeMarks(md, pieces)...)
}

// checkCodeMarks finds each code line of the source in the output; when it
// was wrapped, every continuation must start with the mark.
func checkCodeMarks(md string, pieces []piece) []string {
	var out []string
	for _, p := range pieces {
		for _, l := range p.lines {
			s := ansi.Strip(l)
			out = append(out, s[len(hangBars.FindString(s)):])
		}
	}
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	var bad []string
	cursor := 0
	for _, c := range sourceCode(md) {
		want := squeeze(c)
		if want == "" {
			continue
		}
		for i := cursor; i < len(out); i++ {
			got := squeeze(out[i])
			if got == "" || !strings.HasPrefix(want, got) || len(got) < min(len(want), 8) {
				continue
			}
			cursor = i + 1
			for got != want && cursor < len(out) {
				next, ok := strings.CutPrefix(out[cursor], codeMark+" ")
				if !ok {
					bad = append(bad, "unmarked wrapped code line: "+out[cursor])
				}
				got += squeeze(next)
				cursor++
			}
			break
		}
	}
	return bad
}

// sourceCode returns the lines inside the fenced code blocks of md, without
// their indent or quote markers, tabs expanded.
func sourceCode(md string) []string {
	var code []string
	in := ""
	for _, l := range strings.Split(md, "\n") {
		t := strings.TrimLeft(l, " >")
		if fence := strings.TrimRight(t, " "); strings.HasPrefix(fence, "```") || strings.HasPrefix(fence, "~~~") {
			switch {
			case in == "":
				in = fence[:3]
			case strings.HasPrefix(fence, in) && strings.Trim(fence, in[:1]) == "":
				in = ""
			}
			continue
		}
		if in != "" {
			code = append(code, expandTabs(t))
		}
	}
	return code
}

// TestDeckTypography renders every note of the built-in deck at 40, 60, 80
// and 100 columns and checks the typesetting: everything checkPieces checks
// (table cells included) and checkTypography's rules.
func TestDeckTypography(t *testing.T) {
	r := New()
	for name, md := range deckNotes(t) {
		for _, width := range typoWidths {
			for _, style := range []Style{Plain, Dark} {
				pieces, err := r.render(md, width, style)
				if err != nil {
					t.Fatal(err)
				}
				bad := checkTypography(md, pieces, width)
				out, _ := r.Render(md, width, style)
				bad = append(bad, checkPieces(md, pieces, out, width, style, sig)...)
				reportBad(t, name, width, style, bad)
			}
		}
	}
}

// TestTypographyGolden renders a short document exercising each rule at each
// width and compares it, without colour, with testdata/typo-W.golden; the
// checks run on it too, so a golden file cannot bless a broken rule.
func TestTypographyGolden(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "typo.md"))
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	r := New()
	for _, width := range typoWidths {
		pieces, err := r.render(md, width, Dark)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := r.Render(md, width, Dark)
		bad := append(checkTypography(md, pieces, width), checkPieces(md, pieces, out, width, Dark, sig)...)
		reportBad(t, "typo.md", width, Dark, bad)

		got := ansi.Strip(out) + "\n"
		path := filepath.Join("testdata", "typo-"+strconv.Itoa(width)+".golden")
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./tui/render -run Golden -update)", err)
		}
		if string(want) != got {
			t.Errorf("width %d differs from %s (rerun with -update if intended):\n--- got\n%s--- want\n%s", width, path, got, want)
		}
	}
}
