#!/usr/bin/env python3
"""Independent FSRS-6 reference used to derive the hand-made golden sequences
in scheduler_test.go (TestGoldenOwnSequences). No test runs it; rerun it by
hand (python3 srs/testdata/fsrs6_reference.py) after changing a formula.

Written from the published formulas (py-fsrs scheduler.py, fsrs-rs model.rs)
with the fsrs-rs >= 6.3 rules: same-day Hard/Good/Easy never lower stability,
and on a review card Good >= Hard + 1 day, Easy >= Good + 1 day. Steps are
1m/10m (learning) and 10m (relearning), retention 0.9, no fuzz. Time is given
as whole study days since the previous review (0 = same day).
"""
import math

W = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
     0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425,
     0.0912, 0.0658, 0.1542]
DECAY = -W[20]
FACTOR = 0.9 ** (1 / DECAY) - 1
RET = 0.9
LSTEPS = [1, 10]   # minutes
RSTEPS = [10]


def clamp_s(s): return min(max(s, 0.001), 36500.0)
def clamp_d(d): return min(max(d, 1.0), 10.0)
def d0(g): return W[4] - math.exp(W[5] * (g - 1)) + 1
def R(t, s): return (1 + FACTOR * t / s) ** DECAY


def next_d(d, g):
    dd = -W[6] * (g - 3)
    return clamp_d(W[7] * d0(4) + (1 - W[7]) * (d + dd * (10 - d) / 9))


def next_s(s, d, t, g):
    if t == 0:
        sinc = math.exp(W[17] * (g - 3 + W[18])) * s ** -W[19]
        if g >= 2:
            sinc = max(sinc, 1.0)
        return clamp_s(s * sinc)
    r = R(t, s)
    if g == 1:
        long = W[11] * d ** -W[12] * ((s + 1) ** W[13] - 1) * math.exp((1 - r) * W[14])
        return clamp_s(min(long, s / math.exp(W[17] * W[18])))
    hp = W[15] if g == 2 else 1
    eb = W[16] if g == 4 else 1
    return clamp_s(s * (1 + math.exp(W[8]) * (11 - d) * s ** -W[9] *
                        (math.exp((1 - r) * W[10]) - 1) * hp * eb))


def ivl(s):
    return int(min(max(math.floor(s / FACTOR * (RET ** (1 / DECAY) - 1) + 0.5), 1), 36500))


def run(seq):
    """seq: list of (rating, study days since previous review)."""
    state, step, s, d = "new", 0, None, None
    out = []
    for g, t in seq:
        if state == "new":
            s, d = clamp_s(W[g - 1]), clamp_d(d0(g))
            steps, st = LSTEPS, "learning"
        else:
            s_all = {x: next_s(s, d, t, x) for x in (1, 2, 3, 4)}
            s, d = s_all[g], next_d(d, g)
            steps = RSTEPS if state == "relearning" else LSTEPS
            st = state
        if state in ("new", "learning", "relearning"):
            if g == 4 or (g == 3 and step + 1 >= len(steps)):
                state, step, due = "review", 0, "%dd" % ivl(s)
            elif g == 1:
                state, step, due = st, 0, "%dm" % steps[0]
            elif g == 2:
                state = st
                m = steps[step] if step > 0 else (
                    math.ceil((steps[0] + steps[1]) / 2) if len(steps) > 1 else math.ceil(steps[0] * 1.5))
                due = "%dm" % m
            else:
                state, step, due = st, step + 1, "%dm" % steps[step + 1]
        else:  # review
            if g == 1:
                state, step, due = "relearning", 0, "%dm" % RSTEPS[0]
            else:
                h, gd, e = ivl(s_all[2]), ivl(s_all[3]), ivl(s_all[4])
                h = min(h, gd)
                gd = max(gd, h + 1)
                e = max(e, gd + 1)
                due = "%dd" % {2: h, 3: gd, 4: e}[g]
        out.append((g, t, state, step, round(s, 4), round(d, 4), due))
    return out


SEQUENCES = {
    # A lapse after two successful reviews, relearning, then recovery.
    "lapse": [(3, 0), (3, 0), (3, 2), (1, 11), (3, 0), (3, 1), (3, 3)],
    # Easy straight away, then Easy and Hard on review.
    "easy": [(4, 0), (4, 8), (2, 36), (3, 7)],
    # Hard on a new card twice (same step), then through the steps.
    "hard": [(2, 0), (2, 0), (3, 0), (3, 0), (2, 2), (2, 3)],
    # Late reviews: far past due, then a lapse after a long gap.
    "late": [(3, 0), (3, 0), (3, 20), (3, 200), (1, 1000), (2, 0), (3, 0), (4, 5)],
    # Same-day reviews of a review card (t = 0): Hard must not lower S.
    "sameday": [(3, 0), (3, 0), (2, 0), (2, 0), (1, 0), (3, 0)],
}

if __name__ == "__main__":
    for name, seq in SEQUENCES.items():
        print(name)
        for row in run(seq):
            print("  ", row)
