package tui

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"charm.land/bubbles/v2/list"
)

// filterReference is filterNotes as it was before it searched lower-cased
// text by byte: runes lower-cased one by one and compared as slices. The
// list's filter must rank and highlight exactly as it did.
func filterReference(term string, targets []string) []list.Rank {
	lower := func(s string) []rune {
		r := []rune(s)
		for i, c := range r {
			r[i] = unicode.ToLower(c)
		}
		return r
	}
	at := func(hay, needle []rune) []int {
		var out []int
		for i := 0; i+len(needle) <= len(hay); i++ {
			if slices.Equal(hay[i:i+len(needle)], needle) {
				out = append(out, i)
			}
		}
		return out
	}
	var terms [][]rune
	for _, t := range strings.Fields(term) {
		terms = append(terms, lower(t))
	}
	if len(terms) == 0 {
		return nil
	}
	type scored struct {
		rank  list.Rank
		score int
	}
	var hits []scored
	for i, target := range targets {
		f := strings.SplitN(target, filterSep, 4)
		lt, ltags, lbody := lower(f[0]), lower(f[1]), lower(f[3])
		var marked []bool
		score, ok := 0, true
		for _, t := range terms {
			if a := at(lt, t); len(a) > 0 {
				if marked == nil {
					marked = make([]bool, len(lt))
				}
				for _, s := range a {
					for j := s; j < s+len(t); j++ {
						marked[j] = true
					}
				}
				score += 100
				continue
			}
			switch {
			case len(at(ltags, t)) > 0:
				score += 10
			case len(at(lbody, t)) > 0:
				score++
			default:
				ok = false
			}
			if !ok {
				break
			}
		}
		if !ok {
			continue
		}
		var idx []int
		for j, m := range marked {
			if m {
				idx = append(idx, j)
			}
		}
		hits = append(hits, scored{list.Rank{Index: i, MatchedIndexes: idx}, score})
	}
	slices.SortStableFunc(hits, func(a, b scored) int { return b.score - a.score })
	out := make([]list.Rank, len(hits))
	for i, h := range hits {
		out[i] = h.rank
	}
	return out
}

// TestFilterMatchesReference compares filterNotes with filterReference on
// the embedded deck and the fuzz deck, for terms in Chinese, in English
// of every case, overlapping ones and ones whose lower case differs in
// length in bytes (İ, K, Σ). Difficulty terms are filterNotes's own (see
// list_test.go).
func TestFilterMatchesReference(t *testing.T) {
	targets := referenceTargets(t)
	for _, term := range []string{"注意", "注意力", "意力 机", "lora", "LoRA", "LORA ptuning", "Transformer",
		"aa", "aaa", "i̇", "İstanbul", "kelvin", "k", "σοφια", "ΣΟΦΙΑ", "ﬁ", "ǆ", "emoji 👩",
		"位置 编码", "x-y", "rtl", "עברית", "  ", "微调 训练"} {
		got, want := filterNotes(term, targets), filterReference(term, targets)
		if !slices.EqualFunc(got, want, func(a, b list.Rank) bool {
			return a.Index == b.Index && slices.Equal(decodeWhy(a.MatchedIndexes).title, b.MatchedIndexes)
		}) {
			t.Errorf("filter %q:\n got %v\nwant %v", term, got, want)
		}
	}
}

// Keys typed together start two searches; the first one's result may land
// last, and must not replace the rows of the filter as it stands.
func TestFilterResultsOutOfOrder(t *testing.T) {
	d := newDriver(t, Options{}, 100, 30)
	d.keys("/")
	m, first := d.m.Update(press("k"))
	d.m = m.(*Model)
	m, second := d.m.Update(press("v"))
	d.m = m.(*Model)
	d.send(d.exec(second)...) // "kv": one note
	d.send(d.exec(first)...)  // "k", late: every note
	if n := len(d.m.list.list.VisibleItems()); n != 1 || d.selectedID() != "note-05" {
		t.Errorf("filter %q shows %d rows (selected %q), want the one KV note", d.m.list.list.FilterValue(), n, d.selectedID())
	}
}
