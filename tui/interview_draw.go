package tui

// The mock interview's choice of questions: plain logic, no Bubble Tea.

import (
	"math/rand/v2"
	"time"

	"mianjing/srs"
)

// drawCandidate is a note a mock interview may ask.
type drawCandidate struct {
	id      string
	chapter string
}

// drawInput is what drawQuestions chooses from.
type drawInput struct {
	notes     []drawCandidate
	cards     map[string]srs.Card
	bookmarks map[string]time.Time
	suspended map[string]time.Time
	sched     srs.Scheduler
	now       time.Time
}

// Weights of the draw. A never-seen note weighs as much as a half-forgotten
// one; a bookmark doubles whatever a note weighs.
const (
	drawWeightNew      = 3.0
	drawWeightBase     = 1.0 // a reviewed note recalled for sure
	drawWeightForgot   = 4.0 // added in full for a note surely forgotten
	drawBookmarkFactor = 2.0
)

// drawWeight is how likely a note is to be asked, relative to the others:
// the weaker (lower retrievability) the heavier, new and bookmarked notes
// heavier still.
func drawWeight(in drawInput, id string) float64 {
	w := drawWeightNew
	if c, ok := in.cards[id]; ok && c.State != srs.New {
		w = drawWeightBase + drawWeightForgot*(1-in.sched.Retrievability(c, in.now))
	}
	if _, ok := in.bookmarks[id]; ok {
		w *= drawBookmarkFactor
	}
	return w
}

// drawQuestions picks up to n notes for a mock interview, weighted by
// drawWeight, never a suspended note and never one note twice. Questions
// spread across chapters: a chapter is asked again only once every chapter
// with notes left has been asked as often. The same seed gives the same draw.
func drawQuestions(in drawInput, n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	type cand struct {
		id, chapter string
		w           float64
	}
	var pool []cand
	seen := map[string]bool{}
	for _, c := range in.notes {
		if _, off := in.suspended[c.id]; off || seen[c.id] || c.id == "" {
			continue
		}
		seen[c.id] = true
		pool = append(pool, cand{id: c.id, chapter: c.chapter, w: drawWeight(in, c.id)})
	}
	asked := map[string]int{} // questions per chapter so far
	var out []string
	for len(out) < n && len(pool) > 0 {
		// Only the chapters asked least may be asked now.
		least := -1
		for _, c := range pool {
			if k := asked[c.chapter]; least < 0 || k < least {
				least = k
			}
		}
		total := 0.0
		for _, c := range pool {
			if asked[c.chapter] == least {
				total += c.w
			}
		}
		x := rng.Float64() * total
		pick := -1
		for i, c := range pool {
			if asked[c.chapter] != least {
				continue
			}
			pick = i
			if x -= c.w; x < 0 {
				break
			}
		}
		out = append(out, pool[pick].id)
		asked[pool[pick].chapter]++
		pool = append(pool[:pick], pool[pick+1:]...)
	}
	return out
}
