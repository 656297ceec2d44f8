package srs

import (
	"fmt"
	"math"
)

// Params holds the 21 FSRS-6 model weights w0…w20.
type Params [21]float64

// DefaultParams returns the published FSRS-6 default weights.
func DefaultParams() Params {
	return Params{
		0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,
		1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014,
		1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
	}
}

// Stability and difficulty bounds, as in fsrs-rs.
const (
	minStability  = 0.001
	maxStability  = 36500.0
	minDifficulty = 1.0
	maxDifficulty = 10.0
)

// Parameter bounds from the reference optimizers (py-fsrs, fsrs-rs).
var (
	paramLower = [21]float64{0.001, 0.001, 0.001, 0.001, 1, 0.001, 0.001, 0.001, 0, 0, 0.001, 0.001, 0.001, 0.001, 0, 0, 1, 0, 0, 0, 0.1}
	paramUpper = [21]float64{100, 100, 100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5, 5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8}
)

// Validate reports the first weight outside the range the reference optimizers allow.
func (p Params) Validate() error {
	for i, w := range p {
		if math.IsNaN(w) || w < paramLower[i] || w > paramUpper[i] {
			return fmt.Errorf("srs: FSRS weight w%d = %v is outside [%v, %v]", i, w, paramLower[i], paramUpper[i])
		}
	}
	return nil
}

// decay returns −w20, falling back to the default when w20 is unusable,
// so a bad config can never make every interval NaN.
func (p Params) decay() float64 {
	w := p[20]
	if !(w >= paramLower[20] && w <= paramUpper[20]) {
		w = DefaultParams()[20]
	}
	return -w
}

// factor is 0.9^(1/decay) − 1, which makes R(S, S) = 0.9.
func (p Params) factor() float64 {
	return math.Pow(0.9, 1/p.decay()) - 1
}

// ForgettingCurve returns the retrievability after t days at stability s:
// R(t,S) = (1 + factor·t/S)^(−w20).
func (p Params) ForgettingCurve(t, s float64) float64 {
	s = clampStability(s)
	if t < 0 {
		t = 0
	}
	return math.Pow(1+p.factor()*t/s, p.decay())
}

// RawInterval returns the unrounded number of days after which
// retrievability falls to retention: I(r,S) = S/factor·(r^(1/decay) − 1).
func (p Params) RawInterval(s, retention float64) float64 {
	return clampStability(s) / p.factor() * (math.Pow(retention, 1/p.decay()) - 1)
}

func clampStability(s float64) float64 {
	if math.IsNaN(s) {
		return minStability
	}
	return min(max(s, minStability), maxStability)
}

func clampDifficulty(d float64) float64 {
	if math.IsNaN(d) {
		return maxDifficulty
	}
	return min(max(d, minDifficulty), maxDifficulty)
}

// initStability is S0(G) = w[G−1].
func (p Params) initStability(r Rating) float64 {
	return clampStability(p[r-1])
}

// initDifficultyRaw is D0(G) = w4 − e^(w5·(G−1)) + 1, unclamped: the
// mean-reversion target uses the raw D0(Easy) in every reference.
func (p Params) initDifficultyRaw(r Rating) float64 {
	return p[4] - math.Exp(p[5]*float64(r-1)) + 1
}

func (p Params) initDifficulty(r Rating) float64 {
	return clampDifficulty(p.initDifficultyRaw(r))
}

// nextDifficulty applies ΔD = −w6·(G−3) with linear damping, then mean
// reversion towards D0(Easy).
func (p Params) nextDifficulty(d float64, r Rating) float64 {
	delta := -p[6] * float64(r-3)
	damped := d + delta*(10-d)/9
	return clampDifficulty(p[7]*p.initDifficultyRaw(Easy) + (1-p[7])*damped)
}

// shortTermStability is the same-day update S·e^(w17·(G−3+w18))·S^(−w19).
// Hard, Good and Easy never lower stability (fsrs-rs ≥ 6.3; py-fsrs 6.3.1
// still lets Hard lower it).
func (p Params) shortTermStability(s float64, r Rating) float64 {
	s = clampStability(s)
	sinc := math.Exp(p[17]*(float64(r-3)+p[18])) * math.Pow(s, -p[19])
	if r >= Hard {
		sinc = max(sinc, 1)
	}
	return clampStability(s * sinc)
}

// recallStability is the stability after a successful review.
func (p Params) recallStability(d, s, rr float64, r Rating) float64 {
	d, s = clampDifficulty(d), clampStability(s)
	hardPenalty, easyBonus := 1.0, 1.0
	if r == Hard {
		hardPenalty = p[15]
	}
	if r == Easy {
		easyBonus = p[16]
	}
	inc := math.Exp(p[8]) * (11 - d) * math.Pow(s, -p[9]) * (math.Exp((1-rr)*p[10]) - 1) * hardPenalty * easyBonus
	return clampStability(s * (1 + inc))
}

// forgetStability is the stability after a lapse, capped by the short-term
// term S/e^(w17·w18) so a lapse never raises stability.
func (p Params) forgetStability(d, s, rr float64) float64 {
	d, s = clampDifficulty(d), clampStability(s)
	long := p[11] * math.Pow(d, -p[12]) * (math.Pow(s+1, p[13]) - 1) * math.Exp((1-rr)*p[14])
	short := s / math.Exp(p[17]*p[18])
	return clampStability(min(long, short))
}

// nextMemory is one FSRS-6 memory update of a card that already has a
// memory: same-day reviews use the short-term formula, later ones the
// recall or forget formula at the retrievability reached after elapsed days.
// The card's state (learning or review) does not enter, as in fsrs-rs.
func (p Params) nextMemory(s, d float64, elapsed int, r Rating) (float64, float64) {
	nd := p.nextDifficulty(d, r)
	if elapsed <= 0 {
		return p.shortTermStability(s, r), nd
	}
	rr := p.ForgettingCurve(float64(elapsed), s)
	if r == Again {
		return p.forgetStability(d, s, rr), nd
	}
	return p.recallStability(d, s, rr, r), nd
}
