package render

import "github.com/charmbracelet/x/ansi"

// codeMark starts every continuation of a wrapped code line, so that a
// wrapped line cannot be read as two lines of code.
const codeMark = "↪"

// maxRun is the widest run of Latin text kept whole on a line.
const maxRun = 20

// narrow reports whether c is visible text that is not CJK-like: a Latin
// letter, a digit, a symbol.
func narrow(c *cluster) bool {
	return c.kind == tkText && c.fl&fWide == 0
}

// glueRuns marks with fKeep the breaks inside each run of narrow clusters
// from p on (spaces between them included, and an ellipsis between two of
// them) when the run is at most maxRun cells wide, and the break between a
// run ending in a digit and a CJK character after it (a number and its
// measure word, "3 亿", "128 维") whatever the run's width.
func glueRuns(cl []cluster, p int) {
	end := len(cl)
	for i := p; i < end; {
		if !narrow(&cl[i]) {
			i++
			continue
		}
		// The run [s, e): narrow clusters, the spaces between them, and an
		// ellipsis with narrow clusters on both sides.
		s, e := i, i+1
	run:
		for j := e; j < end; j++ {
			switch {
			case narrow(&cl[j]):
				e = j + 1
			case cl[j].kind == tkSpace:
			case cl[j].s == "…" && j == e && j+1 < end && narrow(&cl[j+1]):
			default:
				break run
			}
		}
		if sumWidth(cl[s:e]) <= maxRun {
			for j := s + 1; j < e; j++ {
				if cl[j].kind != tkSpace {
					cl[j].fl |= fKeep
				}
			}
		}
		if d := cl[e-1].s; len(d) == 1 && d[0] >= '0' && d[0] <= '9' {
			j := e
			for j < end && cl[j].kind == tkSpace {
				j++
			}
			if j < end && j-e <= 1 && cl[j].kind == tkText && cl[j].fl&fWide != 0 && cl[j].fl&(fNoStart|fNoEnd) == 0 {
				cl[j].fl |= fKeep
			}
		}
		i = e
	}
}

// indentEnd returns the end of a code line's indent: spaces and quote bars.
func indentEnd(cl []cluster) int {
	i := 0
	for i < len(cl) && (cl[i].kind == tkSpace || ((cl[i].s == "│" || cl[i].s == "|") && (i+1 == len(cl) || cl[i+1].kind == tkSpace))) {
		i++
	}
	return i
}

// codeHang returns the prefix of a wrapped code line's continuations, the
// line's indent (shortened like a deep hanging prefix) and the mark, and its
// width; without room for the mark and a wide character, no prefix at all.
func codeHang(cl []cluster, escs []escape, indent int, mark string, width int) (string, int) {
	mw := ansi.StringWidth(ansi.Strip(mark)) + 1
	if mw+2 > width {
		return "", 0
	}
	iw := sumWidth(cl[:indent])
	if limit := maxHang(width) - mw; iw > limit {
		lim := max(limit, 0)
		return spaces(lim) + mark + " ", lim + mw
	}
	return prefixText(cl, escs, indent, indent) + mark + " ", iw + mw
}
