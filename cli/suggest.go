package cli

import "strings"

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// suggest returns the candidate the learner most likely meant by word: the
// closest by edit distance when it is close enough to be a typo (at most
// 2 edits, or a third of the word), else the only candidate that contains
// word. Ties go to the earlier candidate.
func suggest(word string, candidates []string) (string, bool) {
	if word == "" {
		return "", false
	}
	best, bestD := "", -1
	for _, c := range candidates {
		if d := editDistance(word, c); bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD >= 0 && bestD <= max(2, len([]rune(word))/3) {
		return best, true
	}
	var found []string
	for _, c := range candidates {
		if strings.Contains(c, word) {
			found = append(found, c)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return "", false
}
