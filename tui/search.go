package tui

import (
	"strings"
	"unicode"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// searchMatch is one match of the reading view's search: a line of the
// viewport's content and the cells [start, end) it covers and, when the
// renderer wrapped the match onto the next line, the cells [nextStart,
// nextEnd) of that line.
type searchMatch struct {
	line, start, end   int
	nextStart, nextEnd int
}

// foldRunes lowers letters rune by rune (one rune in, one rune out, so
// rune indices agree with the original): Latin matches whatever its case,
// and Chinese, which has no case, is unchanged.
func foldRunes(s string) []rune {
	rs := []rune(s)
	for i, r := range rs {
		rs[i] = unicode.ToLower(r)
	}
	return rs
}

// findMatches returns every match of query in plain, lines of text without
// escape codes, in reading order, a match the renderer wrapped from one
// line onto the next included. Matches do not overlap; a blank query
// matches nothing.
func findMatches(plain []string, query string) []searchMatch {
	if strings.TrimSpace(query) == "" {
		return nil
	}
	q := foldRunes(query)
	var out []searchMatch
	from := 0 // the first rune of this line a match may start at
	var next []rune
	for li, line := range plain {
		rs := next // folded as the line after the last one
		if li == 0 {
			rs = foldRunes(line)
		}
		// cells[i] is the cell column where rune i starts.
		var cells []int
		after := from // where the line's last match ended
		for i := from; i+len(q) <= len(rs); {
			if !runesAt(rs, q, i) {
				i++
				continue
			}
			if cells == nil {
				cells = runeCells([]rune(line))
			}
			out = append(out, searchMatch{line: li, start: cells[i], end: cells[i+len(q)]})
			i += len(q)
			after = i
		}
		from = 0
		if li+1 == len(plain) {
			break
		}
		next = foldRunes(plain[li+1])
		if start, end, nextStart, nextEnd, ok := wrappedMatch(rs, after, next, q); ok {
			if cells == nil {
				cells = runeCells([]rune(line))
			}
			nc := runeCells([]rune(plain[li+1]))
			out = append(out, searchMatch{line: li, start: cells[start], end: cells[end],
				nextStart: nc[nextStart], nextEnd: nc[nextEnd]})
			from = nextEnd
		}
	}
	return out
}

// wrappedMatch finds q broken by the renderer's wrap: its head ends line
// rs (trailing spaces aside), starting at or after rune from, and the rest
// starts line next after its indent. The break falls at a space of q,
// which the wrap dropped, or next to a wide character; Latin words are
// not broken. It returns the runes of rs and of next the
// match covers; the longest head, the earliest start, wins.
func wrappedMatch(rs []rune, from int, next, q []rune) (start, end, nextStart, nextEnd int, ok bool) {
	n := len(rs)
	for n > 0 && rs[n-1] == ' ' {
		n--
	}
	for nextStart < len(next) && next[nextStart] == ' ' {
		nextStart++
	}
	for k := len(q) - 1; k >= 1; k-- {
		if q[k-1] != ' ' && q[k] != ' ' && !wide(q[k-1]) && !wide(q[k]) {
			continue // the renderer breaks Latin text only at a space
		}
		head, rest := trimRunes(q[:k], false), trimRunes(q[k:], true)
		start = n - len(head)
		if len(head) == 0 || len(rest) == 0 || start < from || !runesAt(rs[:n], head, start) {
			continue
		}
		if nextStart+len(rest) <= len(next) && runesAt(next, rest, nextStart) {
			return start, n, nextStart, nextStart + len(rest), true
		}
	}
	return 0, 0, 0, 0, false
}

// wide reports whether r takes two cells, as Chinese does: lines may
// break before or after it.
func wide(r rune) bool { return ansi.StringWidth(string(r)) > 1 }

// trimRunes drops the spaces at the start (left) or the end of rs.
func trimRunes(rs []rune, left bool) []rune {
	for len(rs) > 0 && left && rs[0] == ' ' {
		rs = rs[1:]
	}
	for len(rs) > 0 && !left && rs[len(rs)-1] == ' ' {
		rs = rs[:len(rs)-1]
	}
	return rs
}

// runesAt reports whether q occurs in rs at i.
func runesAt(rs, q []rune, i int) bool {
	for j, r := range q {
		if rs[i+j] != r {
			return false
		}
	}
	return true
}

// runeCells returns the cell column each rune of rs starts at, and one
// more entry for the end of the line.
func runeCells(rs []rune) []int {
	cells := make([]int, len(rs)+1)
	col := 0
	for i, r := range rs {
		cells[i] = col
		col += ansi.StringWidth(string(r))
	}
	cells[len(rs)] = col
	return cells
}

// highlightMatches returns styled (the rendered lines) with every match
// drawn in hl and match cur in curHL; the lines themselves are not changed.
func highlightMatches(styled []string, matches []searchMatch, cur int, hl, curHL lipgloss.Style) []string {
	if len(matches) == 0 {
		return styled
	}
	out := make([]string, len(styled))
	copy(out, styled)
	// Matches come in reading order, so each line's ranges do too: a
	// wrapped match's tail is the first range of its second line.
	byLine := map[int][]lipgloss.Range{}
	for i, m := range matches {
		st := hl
		if i == cur {
			st = curHL
		}
		byLine[m.line] = append(byLine[m.line], lipgloss.NewRange(m.start, m.end, st))
		if m.nextEnd > m.nextStart && m.line+1 < len(styled) {
			byLine[m.line+1] = append(byLine[m.line+1], lipgloss.NewRange(m.nextStart, m.nextEnd, st))
		}
	}
	for l, ranges := range byLine {
		out[l] = lipgloss.StyleRanges(styled[l], ranges...)
	}
	return out
}

// firstMatchFrom returns the first match on line top or below, wrapping to
// the first match: a new search starts where the learner is reading.
func firstMatchFrom(matches []searchMatch, top int) int {
	for i, m := range matches {
		if m.line >= top {
			return i
		}
	}
	return 0
}

// headingLines finds the lines of plain (the rendered note) that show the
// markdown headings of body, in order. The renderer draws headings without
// their "#" marks and without inline markup, so a heading is found as the
// next line, after the previous heading's, that starts with its text.
func headingLines(body string, plain []string) []int {
	var out []int
	next := 0
	fence := ""
	for l := range strings.SplitSeq(body, "\n") {
		t := strings.TrimSpace(l)
		if f := codeFence(t); f != "" {
			switch {
			case fence == "":
				fence = f
			case strings.HasPrefix(t, fence):
				fence = ""
			}
			continue
		}
		if fence != "" || !strings.HasPrefix(t, "#") {
			continue
		}
		text := strings.TrimSpace(strings.TrimLeft(t, "#"))
		if text == "" || len(t)-len(strings.TrimLeft(t, "#")) > 6 {
			continue
		}
		text = headingPrefix(text)
		for i := next; i < len(plain); i++ {
			if strings.HasPrefix(headingText(plain[i]), text) {
				out = append(out, i)
				next = i + 1
				break
			}
		}
	}
	return out
}

// codeFence returns the fence a trimmed line opens or closes, or "".
func codeFence(t string) string {
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(t, f) {
			return f
		}
	}
	return ""
}

// headingText is a rendered line as headingLines compares it: the
// renderer's heading bar ("▌") and padding dropped, spaces (inline code is
// padded with no-break spaces) collapsed to one.
func headingText(line string) string {
	line = strings.ReplaceAll(line, "\u00a0", " ")
	return strings.TrimLeft(strings.Join(strings.Fields(line), " "), "▌# ")
}

// headingPrefix is the start of a heading's text as the renderer draws it:
// markup characters dropped, at most 8 runes (a long heading wraps).
func headingPrefix(s string) string {
	s = strings.NewReplacer("**", "", "__", "", "`", "").Replace(s)
	rs := []rune(strings.Join(strings.Fields(s), " "))
	return string(rs[:min(len(rs), 8)])
}

// matchStyles are the highlights of search matches: reverse video, which
// shows in every palette and without colour, and the current match also
// bold and underlined.
func matchStyles() (hl, cur lipgloss.Style) {
	hl = lipgloss.NewStyle().Reverse(true)
	return hl, hl.Bold(true).Underline(true)
}
