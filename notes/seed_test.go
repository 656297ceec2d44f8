package notes

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// seed is the source document the default deck was transcribed from.
type seed struct {
	toc     []string // the 目录 entries, in order
	answers []string // the text after each "NN. " heading line
}

func readSeed(t *testing.T) seed {
	t.Helper()
	b, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	var s seed
	for _, l := range strings.Split(text, "\n")[1:] {
		if !strings.HasPrefix(l, "- ") {
			break
		}
		s.toc = append(s.toc, strings.TrimPrefix(l, "- "))
	}
	// Headings can be run into the previous answer ("…)07. 监督…"), so find
	// each "NN. " after the previous one rather than at line starts.
	var starts, ends []int
	pos := 0
	for i := 1; ; i++ {
		k := strings.Index(text[pos:], fmt.Sprintf("%02d. ", i))
		if k < 0 {
			break
		}
		h := pos + k
		nl := strings.IndexByte(text[h:], '\n')
		if nl < 0 {
			t.Fatalf("seed heading %02d has no answer", i)
		}
		if len(starts) > 0 {
			ends = append(ends, h)
		}
		starts = append(starts, h+nl+1)
		pos = h + nl + 1
	}
	ends = append(ends, len(text))
	for i := range starts {
		s.answers = append(s.answers, text[starts[i]:ends[i]])
	}
	if len(s.toc) != 11 || len(s.answers) != 11 {
		t.Fatalf("seed parsed into %d toc entries and %d answers, want 11 and 11", len(s.toc), len(s.answers))
	}
	return s
}

var (
	// pointerRe matches the seed's reading pointers, which the deck keeps
	// on a final "延伸阅读：" line.
	pointerRe = regexp.MustCompile(`[,，]?更详细(?:的解析可以|请)查阅`)
	// Flattened list markers in the seed: "a - b", "如:- b", ":1)b" and a
	// "-" ending a line before the item it introduces.
	spacedDashRe = regexp.MustCompile(`[ \t]+-[ \t]+`)
	colonDashRe  = regexp.MustCompile(`([:：])-[ \t]*`)
	colonNumRe   = regexp.MustCompile(`([:：])([1-9]\))`)
	trailDashRe  = regexp.MustCompile(`(?m)[ \t]*-[ \t]*$`)
	sentenceRe   = regexp.MustCompile(`[。；！？\n]`)
	leadMarkRe   = regexp.MustCompile(`^(?:[-*+][ \t]+|\d{1,2}[.)][ \t]*|延伸阅读：)`)
	spaceRe      = regexp.MustCompile(`\s+`)
)

// seedRepairs are the places where the seed ran a sentence into code.
var seedRepairs = strings.NewReplacer("三个特征向量self.to_qkv", "三个特征向量\nself.to_qkv")

// sentences splits markdown or seed text into normalised sentences: split
// on 。；！？ and line ends (flattened list markers count as line ends),
// list markers, "延伸阅读：", ** and backticks stripped, whitespace
// collapsed. Fence lines are dropped. Both sides of the comparison use it.
func sentences(s string) []string {
	s = spacedDashRe.ReplaceAllString(s, "\n")
	s = colonDashRe.ReplaceAllString(s, "$1\n")
	s = colonNumRe.ReplaceAllString(s, "$1\n$2")
	s = trailDashRe.ReplaceAllString(s, "")
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			continue
		}
		for _, p := range sentenceRe.Split(line, -1) {
			p = strings.TrimSpace(p)
			for {
				q := strings.TrimSpace(leadMarkRe.ReplaceAllString(p, ""))
				if q == p {
					break
				}
				p = q
			}
			p = strings.NewReplacer("**", "", "`", "").Replace(p)
			p = strings.TrimSpace(spaceRe.ReplaceAllString(p, " "))
			if p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// seedSentences is sentences of a seed answer after the repairs and with
// reading pointers split off as sentences of their own.
func seedSentences(answer string) []string {
	answer = seedRepairs.Replace(answer)
	answer = pointerRe.ReplaceAllString(answer, "\n")
	return sentences(answer)
}

// missingSentences returns the seed answer's sentences absent from answer.
func missingSentences(seedAnswer, answer string) []string {
	have := map[string]bool{}
	for _, s := range sentences(answer) {
		have[s] = true
	}
	var missing []string
	for _, s := range seedSentences(seedAnswer) {
		if !have[s] {
			missing = append(missing, s)
		}
	}
	return missing
}

func TestSeedTranscribed(t *testing.T) {
	sd := readSeed(t)
	d := &Deck{Notes: seedNotes(t)}
	if len(d.Notes) != len(sd.answers) {
		t.Fatalf("deck has %d seed notes, seed %d answers", len(d.Notes), len(sd.answers))
	}

	t.Run("every sentence kept", func(t *testing.T) {
		for i, n := range d.Notes {
			if got := seedSentences(sd.answers[i]); len(got) < 3 {
				t.Fatalf("%s: only %d seed sentences %q; the splitter is broken", n.ID, len(got), got)
			}
			for _, m := range missingSentences(sd.answers[i], transcription(n)) {
				t.Errorf("%s: seed sentence missing from the answer: %q", n.File, m)
			}
		}
	})

	t.Run("titles from the table of contents", func(t *testing.T) {
		for i, n := range d.Notes {
			if n.Title != sd.toc[i] {
				t.Errorf("%s: title %q, seed 目录 has %q", n.File, n.Title, sd.toc[i])
			}
		}
	})

	t.Run("pointers on a final 延伸阅读 line", func(t *testing.T) {
		total := 0
		for i, n := range d.Notes {
			locs := pointerRe.FindAllStringIndex(sd.answers[i], -1)
			lines := strings.Split(transcription(n), "\n")
			last := lines[len(lines)-1]
			if len(locs) == 0 {
				if strings.HasPrefix(last, "延伸阅读") {
					t.Errorf("%s: 延伸阅读 line but the seed has no pointer", n.File)
				}
				continue
			}
			if !strings.HasPrefix(last, "延伸阅读：") {
				t.Errorf("%s: last answer line %q, want a 延伸阅读： line", n.File, last)
				continue
			}
			for _, loc := range locs {
				ptr, _, _ := strings.Cut(sd.answers[i][loc[1]:], "\n")
				total++
				if !strings.Contains(last, strings.TrimSpace(ptr)) {
					t.Errorf("%s: 延伸阅读 line %q lacks the seed's pointer %q", n.File, last, ptr)
				}
			}
		}
		if total != 5 {
			t.Errorf("found %d seed pointers, want 5 (01, 02 twice, 04, 06)", total)
		}
	})

	// The check above must be able to fail: deleting any line of any
	// answer, or one sentence, or changing one character must be caught.
	t.Run("check fails on a removed line", func(t *testing.T) {
		checked := 0
		for i, n := range d.Notes {
			lines := strings.Split(transcription(n), "\n")
			for j, l := range lines {
				if t := strings.TrimSpace(l); t == "" || strings.HasPrefix(t, "```") {
					continue
				}
				cut := strings.Join(slices.Delete(slices.Clone(lines), j, j+1), "\n")
				checked++
				if len(missingSentences(sd.answers[i], cut)) == 0 {
					t.Errorf("%s: deleting line %d %q goes unnoticed", n.File, j+1, l)
				}
			}
		}
		if checked < 50 {
			t.Errorf("only %d lines tried", checked)
		}
	})
	t.Run("check fails on a removed sentence", func(t *testing.T) {
		const s = "并在模型训练过程中,固定PLM的参数,只训练降维矩阵A与升维矩阵B。"
		a := transcription(d.Notes[0])
		if !strings.Contains(a, s) {
			t.Fatalf("01 lacks %q", s)
		}
		got := missingSentences(sd.answers[0], strings.Replace(a, s, "", 1))
		want := []string{strings.TrimSuffix(s, "。")}
		if !slices.Equal(got, want) {
			t.Errorf("missing = %q, want %q", got, want)
		}
	})
	t.Run("check fails on a changed character", func(t *testing.T) {
		a := transcription(d.Notes[8])
		if !strings.Contains(a, "4亿") {
			t.Fatal("09 lacks 4亿")
		}
		if len(missingSentences(sd.answers[8], strings.Replace(a, "4亿", "3亿", 1))) != 1 {
			t.Error("changing 4亿 to 3亿 goes unnoticed")
		}
	})
}

// transcription is the part of a note's answer transcribed from the seed:
// everything before the reviewer's "## 补充与勘误" section.
func transcription(n Note) string {
	a := n.Answer()
	if i := strings.Index(a, "\n## 补充与勘误"); i >= 0 {
		a = a[:i]
	}
	return strings.TrimRight(a, "\n")
}

// seedNotes returns the default deck's notes marked origin: seed, in the
// order of the seed's table of contents (seedIDs); the deck itself orders
// them by chapter.
func seedNotes(t *testing.T) []Note {
	t.Helper()
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]Note{}
	for _, n := range d.Notes {
		if n.Origin == OriginSeed {
			byID[n.ID] = n
		}
	}
	if len(byID) != len(seedIDs) {
		t.Fatalf("%d notes marked origin: seed, want %d", len(byID), len(seedIDs))
	}
	out := make([]Note, 0, len(seedIDs))
	for _, id := range seedIDs {
		n, ok := byID[id]
		if !ok {
			t.Fatalf("seed note %q missing or not marked origin: seed", id)
		}
		out = append(out, n)
	}
	return out
}
