package tui

import (
	"slices"
	"strings"
	"sync"

	"charm.land/bubbles/v2/list"
)

// narrowingFilter is the list's FilterFunc: filterNotes, keeping the
// results of the terms typed so far. A term that extends the last one
// (one more character) can only match notes the last one matched, so only
// those are searched; backspace returns to a kept result. On a
// 10,000-note deck a full search reads 20 MB of text per keystroke.
// It is safe for concurrent use: the list runs each search in a command.
type narrowingFilter struct {
	mu      sync.Mutex
	targets []string     // what kept was computed on
	split   []fields     // targets cut into fields
	kept    []keptSearch // each term a prefix of the next
}

// keptSearch is one term and its result, shared read-only.
type keptSearch struct {
	term  string
	ranks []list.Rank
}

// maxKept bounds the kept results (each up to one rank per note).
const maxKept = 16

func (f *narrowingFilter) filter(term string, targets []string) []list.Rank {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !slices.Equal(f.targets, targets) { // equal strings compare by pointer first
		f.targets, f.split, f.kept = targets, splitTargets(targets), nil
	}
	for len(f.kept) > 0 && !strings.HasPrefix(term, f.kept[len(f.kept)-1].term) {
		f.kept = f.kept[:len(f.kept)-1]
	}
	var ranks []list.Rank
	switch n := len(f.kept); {
	case n > 0 && f.kept[n-1].term == term:
		return f.kept[n-1].ranks
	case n > 0 && plainTerms(f.kept[n-1].term) && plainTerms(term):
		ranks = narrowSearch(term, f.split, f.kept[n-1].ranks)
	default:
		ranks = searchFields(term, f.split)
	}
	if len(f.kept) == maxKept {
		f.kept = slices.Delete(f.kept, 0, 1)
	}
	f.kept = append(f.kept, keptSearch{term, ranks})
	return ranks
}

// plainTerms reports whether term holds only text terms. Every note that
// matches such a term extended by more characters matches the term too;
// not so for "#tag" (whole tags) or "d:N" terms.
func plainTerms(term string) bool {
	for _, t := range strings.Fields(term) {
		_, diff := difficultyTerm(t)
		_, tag := tagTerm(t)
		if diff || tag {
			return false
		}
	}
	return true
}

// narrowSearch is searchFields(term, targets) for a term whose matches are
// all among prev's: it searches those targets only, in deck order, so ties
// rank as filterNotes ranks them.
func narrowSearch(term string, targets []fields, prev []list.Rank) []list.Rank {
	idx := make([]int, len(prev))
	for i, r := range prev {
		idx[i] = r.Index
	}
	slices.Sort(idx)
	sub := make([]fields, len(idx))
	for i, j := range idx {
		sub[i] = targets[j]
	}
	ranks := searchFields(term, sub)
	for i := range ranks {
		ranks[i].Index = idx[ranks[i].Index]
	}
	return ranks
}
