package tui

import (
	"slices"
	"testing"

	"charm.land/bubbles/v2/list"

	"mianjing/notes"
)

// filterNotes is the list's search made afresh, nothing kept: what
// narrowingFilter must find.
func filterNotes(term string, targets []string) []list.Rank {
	return searchFields(term, splitTargets(targets), nil)
}

// referenceTargets is the embedded deck, the fuzz deck and a note of
// letters whose lower case differs in length, as filter targets.
func referenceTargets(t *testing.T) []string {
	t.Helper()
	d, err := notes.Default()
	if err != nil {
		t.Fatal(err)
	}
	all := append(append([]notes.Note{}, d.Notes...), fuzzDeck().Notes...)
	all = append(all, notes.Note{ID: "case", Title: "İSTANBUL Kelvin ΣΟΦΙΑ aaaa 注意注意", Tags: []string{"LoRA", "İ"},
		Body: "ﬁ ǅ KELVIN σοφια"})
	targets := make([]string, len(all))
	for i := range all {
		targets[i] = searchValue(&all[i])
	}
	return targets
}

// typing returns the terms a filter box holds while each of words is typed
// one character at a time and then deleted back to n characters.
func typing(words []string, n int) []string {
	var terms []string
	for _, w := range words {
		r := []rune(w)
		for i := 1; i <= len(r); i++ {
			terms = append(terms, string(r[:i]))
		}
		for i := len(r) - 1; i >= min(n, len(r)); i-- {
			terms = append(terms, string(r[:i]))
		}
	}
	return terms
}

// The kept results change how a search is made, never what it finds: every
// term typed, extended, deleted or turned into a tag or difficulty term
// gets filterNotes's own result.
func TestNarrowingFilterMatchesFilterNotes(t *testing.T) {
	targets := referenceTargets(t)
	f := &narrowingFilter{}
	terms := typing([]string{"注意力 机制", "注意力机制", "lora ptuning", "LoRA", "İstanbul", "aaaa", "#lo", "#lora",
		"d", "d:", "d:3", "d:3 注意", "注意 d:4", "位置 编码", "微调 训练 数据", "k", "#", " 注意力", "  lora"}, 0)
	for _, term := range terms {
		got, want := f.filter(term, targets), filterNotes(term, targets)
		if !slices.EqualFunc(got, want, func(a, b list.Rank) bool {
			return a.Index == b.Index && slices.Equal(a.MatchedIndexes, b.MatchedIndexes)
		}) {
			t.Fatalf("filter %q:\n got %v\nwant %v", term, got, want)
		}
	}
	// The deck changes (a note is edited): nothing kept may answer.
	changed := slices.Clone(targets)
	changed[0] = "注意力" + filterSep + filterSep + "1" + filterSep
	for _, term := range []string{"注", "注意", "注意力"} {
		if got, want := f.filter(term, changed), filterNotes(term, changed); !slices.Equal(rankIndexes(got), rankIndexes(want)) {
			t.Fatalf("after the deck changed, filter %q = %v, want %v", term, rankIndexes(got), rankIndexes(want))
		}
	}
}

// Typing keeps one result per character, backspace drops the last one, and
// a term that does not extend the last kept one starts afresh.
func TestNarrowingFilterKeeps(t *testing.T) {
	targets := referenceTargets(t)
	f := &narrowingFilter{}
	kept := func() []string {
		var out []string
		for _, k := range f.kept {
			out = append(out, k.term)
		}
		return out
	}
	for _, term := range []string{"注", "注意", "注意力"} {
		f.filter(term, targets)
	}
	if got := kept(); !slices.Equal(got, []string{"注", "注意", "注意力"}) {
		t.Fatalf("kept after typing: %q", got)
	}
	f.filter("注意", targets)
	if got := kept(); !slices.Equal(got, []string{"注", "注意"}) {
		t.Fatalf("kept after backspace: %q", got)
	}
	f.filter("位置", targets)
	if got := kept(); !slices.Equal(got, []string{"位置"}) {
		t.Fatalf("kept after a new term: %q", got)
	}
	for _, term := range typing([]string{"abcdefghijklmnopqrstuvwxyz"}, 26) {
		f.filter(term, targets)
	}
	if got := kept(); len(got) != maxKept || got[maxKept-1] != "abcdefghijklmnopqrstuvwxyz" {
		t.Fatalf("kept after a long term: %q", got)
	}
}

func rankIndexes(ranks []list.Rank) []int {
	out := make([]int, len(ranks))
	for i, r := range ranks {
		out[i] = r.Index
	}
	return out
}

// A deck large enough to be searched in parts gets the same matches, in
// the same order, as the reference search.
func TestParallelSearchMatchesReference(t *testing.T) {
	one := referenceTargets(t)
	var targets []string
	for len(targets) < 2*parallelSearch+7 {
		targets = append(targets, one...)
	}
	for _, term := range []string{"注意力 机制", "lora", "的"} {
		got, want := filterNotes(term, targets), filterReference(term, targets)
		if !slices.EqualFunc(got, want, func(a, b list.Rank) bool {
			return a.Index == b.Index && slices.Equal(decodeWhy(a.MatchedIndexes).title, b.MatchedIndexes)
		}) {
			t.Fatalf("filter %q: %d matches, want %d; first difference in %v", term, len(got), len(want), got[:min(5, len(got))])
		}
	}
}

// FuzzNarrowingFilter types a word into the filter a character at a time
// and deletes it again, over notes made of the fuzzer's strings: every
// kept or narrowed result, each body search started from the shorter
// word's match included, must be filterNotes's own.
func FuzzNarrowingFilter(f *testing.F) {
	f.Add("注意力机制", "注意 注意力 机制；注意力", "LoRA", "注意力")
	f.Add("Attention", "att atte attention ATTENTION", "attn", "Atten")
	f.Add("aaa", "aaaaab aab", "a", "aab")
	f.Fuzz(func(t *testing.T, title, body, tag, word string) {
		all := []notes.Note{
			{ID: "a", Title: title, Tags: []string{tag}, Body: body},
			{ID: "b", Title: tag, Body: body + title + body},
			{ID: "c", Title: "c", Tags: []string{title}, Body: tag + body},
		}
		targets := make([]string, len(all))
		for i := range all {
			targets[i] = searchValue(&all[i])
		}
		nf := &narrowingFilter{}
		for _, term := range typing([]string{word}, 0) {
			got, want := nf.filter(term, targets), filterNotes(term, targets)
			if !slices.EqualFunc(got, want, func(a, b list.Rank) bool {
				return a.Index == b.Index && slices.Equal(a.MatchedIndexes, b.MatchedIndexes)
			}) {
				t.Fatalf("filter %q:\n got %v\nwant %v", term, got, want)
			}
		}
	})
}
