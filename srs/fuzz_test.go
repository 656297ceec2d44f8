package srs

import (
	"fmt"
	"math"
	"testing"
	"time"
)

// FuzzScheduler drives a card through any sequence of ratings and waits
// (ops: pairs of rating byte, wait byte) from any starting memory, fuzz on,
// and checks the invariants: finite positive stability within bounds,
// difficulty in [1, 10], a due time after the review, a known state, and
// Preview equal to Review. The seed corpus runs under plain go test.
func FuzzScheduler(f *testing.F) {
	f.Add(0.0, 0.0, []byte{2, 0, 2, 0, 2, 200, 0, 0, 0, 0, 2, 150})
	f.Add(0.0, 0.0, []byte{0, 1, 0, 1, 0, 1, 1, 1, 3, 250})
	f.Add(5.0, 5.0, []byte{1, 0, 1, 0, 1, 0, 3, 255, 0, 255})
	f.Add(math.NaN(), math.Inf(1), []byte{2, 130, 0, 130})
	f.Add(1e300, -1e300, []byte{3, 255, 3, 255, 3, 255, 3, 255})
	f.Add(1e-300, 10.0, []byte{0, 255, 1, 0, 2, 64})
	f.Fuzz(func(t *testing.T, s0, d0 float64, ops []byte) {
		if len(ops) > 400 {
			ops = ops[:400]
		}
		loc := time.FixedZone("UTC+8", 8*3600)
		s := NewScheduler()
		s.Loc = loc
		now := time.Date(2025, 3, 1, 9, 0, 0, 0, loc)
		var c Card
		if s0 != 0 {
			c = Card{State: Review, Stability: s0, Difficulty: d0, LastReview: now, Due: now}
		}
		for i := 0; i+1 < len(ops); i += 2 {
			r := Rating(ops[i]%4) + 1
			now = now.Add(wait(ops[i+1]))
			id := fmt.Sprint("n", i)
			p := s.Preview(c, now, id)
			next := s.Review(c, r, now, id)
			if next != p[r-1] {
				t.Fatalf("op %d: Review %+v != Preview %+v", i/2, next, p[r-1])
			}
			if math.IsNaN(next.Stability) || next.Stability < minStability || next.Stability > maxStability {
				t.Fatalf("op %d: stability %v", i/2, next.Stability)
			}
			if math.IsNaN(next.Difficulty) || next.Difficulty < 1 || next.Difficulty > 10 {
				t.Fatalf("op %d: difficulty %v", i/2, next.Difficulty)
			}
			if !next.Due.After(now) || next.State < Learning || next.State > Relearning {
				t.Fatalf("op %d: state %d due %v at %v", i/2, next.State, next.Due, now)
			}
			if r := s.Retrievability(next, now); math.IsNaN(r) || r < 0 || r > 1 {
				t.Fatalf("op %d: retrievability %v", i/2, r)
			}
			c = next
		}
	})
}

// wait maps a byte to minutes, hours, days or months, so short sequences
// cover same-day steps as well as years of absence.
func wait(b byte) time.Duration {
	n := time.Duration(b % 64)
	switch b / 64 {
	case 0:
		return n * time.Minute
	case 1:
		return n * time.Hour
	case 2:
		return n * 24 * time.Hour
	default:
		return n * 30 * 24 * time.Hour
	}
}
