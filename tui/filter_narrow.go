package tui

import (
	"slices"
	"strings"
	"sync"

	"charm.land/bubbles/v2/list"
)

// narrowingFilter is the list's FilterFunc: searchFields, keeping the
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
	case n > 0 && strings.TrimSpace(f.kept[n-1].term) != "" && plainTerms(f.kept[n-1].term) && plainTerms(term):
		// A blank term matches nothing (searchFields), which says nothing
		// of the terms typed after it.
		ranks = narrowSearch(term, f.kept[n-1], f.split)
	default:
		ranks = searchFields(term, f.split, nil)
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
// rank as a search of them all ranks them. When both terms are one word,
// the longer one's first match in a body cannot come before the shorter
// one's, so each body is searched from there: typing a word reads each
// body once.
func narrowSearch(term string, prev keptSearch, targets []fields) []list.Rank {
	idx := make([]int, len(prev.ranks))
	for i, r := range prev.ranks {
		idx[i] = r.Index
	}
	slices.Sort(idx)
	sub := make([]fields, len(idx))
	for i, j := range idx {
		sub[i] = targets[j]
	}
	var from []int
	if extendsWord(prev.term, term) {
		starts := make([]int, len(targets))
		for _, r := range prev.ranks {
			starts[r.Index] = bodyStart(r.MatchedIndexes)
		}
		from = make([]int, len(idx))
		for i, j := range idx {
			from[i] = starts[j]
		}
	}
	ranks := searchFields(term, sub, from)
	for i := range ranks {
		ranks[i].Index = idx[ranks[i].Index]
	}
	return ranks
}

// extendsWord reports whether prev and term are one word each, term's
// lower case starting with prev's.
func extendsWord(prev, term string) bool {
	p, t := strings.Fields(prev), strings.Fields(term)
	return len(p) == 1 && len(t) == 1 && strings.HasPrefix(strings.ToLower(t[0]), strings.ToLower(p[0]))
}

// bodyStart is where the body match a rank records starts (see whyBody),
// or 0 for none.
func bodyStart(matches []int) int {
	for _, i := range matches {
		if i >= whyBody {
			return i - whyBody
		}
	}
	return 0
}
