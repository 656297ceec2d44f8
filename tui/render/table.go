package render

import (
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"
	east "github.com/yuin/goldmark/extension/ast"
)

// tableMargin is the left margin of a top-level table, glamour's document
// margin. A table inside a list item or quote is drawn after the prefix
// glamour wrote before its placeholder instead.
const tableMargin = "  "

// minColumn is the narrowest column layoutTable accepts before it falls back
// to one line per row: two CJK characters.
const minColumn = 4

// tableStyle holds the strings a table is drawn with.
type tableStyle struct {
	colSep, rule, cross string
	head                string // the head row's SGR sequence, "" for none
}

func tableStyleFor(st Style) tableStyle {
	if st == Dark || st == Light {
		// Cells in the terminal's own foreground, like the body text
		// (baseConfig); the head in bold.
		return tableStyle{colSep: " │ ", rule: "─", cross: "─┼─", head: "\x1b[1m"}
	}
	return tableStyle{colSep: " | ", rule: "-", cross: "-|-"}
}

// layoutTable draws t in at most width cells (glamour's tables truncate
// header cells with "…" and wrap cells without CJK rules, so they are laid
// out here). Columns share the width: each gets at least its longest Latin
// word when possible, the rest is spread evenly; cells wrap with WrapLine's
// rules. When the columns cannot all get minColumn cells, each row becomes a
// bullet line with its cells separated by " | ". Every line starts with
// margin: the document margin, or a list item's indent or quote bars.
func layoutTable(t table, width int, st Style, margin string) []string {
	ts := tableStyleFor(st)
	ncol := len(t.align)
	sepW := ansi.StringWidth(ts.colSep)
	avail := width - ansi.StringWidth(margin) - sepW*(ncol-1)
	if avail < minColumn*ncol {
		return tableAsList(t, width, ts, margin)
	}
	natural := make([]int, ncol)
	least := make([]int, ncol)
	for _, row := range t.rows {
		for i, c := range row {
			natural[i] = max(natural[i], ansi.StringWidth(c))
			least[i] = max(least[i], longestWord(c))
		}
	}
	widths := columnWidths(natural, least, avail)

	var out []string
	for r, row := range t.rows {
		cells := make([][]string, ncol)
		height := 1
		for i, c := range row {
			if widths[i] > 0 && c != "" {
				cells[i], _ = wrapLine(c, widths[i], wrapCell)
			}
			height = max(height, len(cells[i]))
		}
		sgr := ""
		if r == 0 {
			sgr = ts.head
		}
		for l := 0; l < height; l++ {
			var b strings.Builder
			b.WriteString(margin)
			for i := range row {
				if i > 0 {
					b.WriteString(ts.colSep)
				}
				s := ""
				if l < len(cells[i]) {
					s = cells[i][l]
				}
				pad := widths[i] - ansi.StringWidth(s)
				left := 0
				switch t.align[i] {
				case east.AlignRight:
					left = pad
				case east.AlignCenter:
					left = pad / 2
				}
				b.WriteString(spaces(left))
				if s != "" && sgr != "" {
					b.WriteString(sgr + s + ansi.ResetStyle)
				} else {
					b.WriteString(s)
				}
				b.WriteString(spaces(pad - left))
			}
			out = append(out, strings.TrimRight(b.String(), " "))
		}
		if r == 0 {
			rules := make([]string, ncol)
			for i, w := range widths {
				rules[i] = strings.Repeat(ts.rule, w)
			}
			out = append(out, margin+strings.Join(rules, ts.cross))
		}
	}
	return out
}

// tableAsList writes each row as one bullet item, cells separated by " | ".
func tableAsList(t table, width int, ts tableStyle, margin string) []string {
	var out []string
	for r, row := range t.rows {
		line := strings.Join(row, " | ")
		sgr := ""
		if r == 0 {
			sgr = ts.head
		}
		if sgr != "" {
			line = sgr + line + ansi.ResetStyle
		}
		out = append(out, WrapLine(margin+"• "+line, width)...)
	}
	return out
}

// longestWord returns the width of the widest piece of s that a cell keeps
// on one line when it can: a word, a run kept whole, a character with the
// punctuation that may not be parted from it. A column narrower than that
// splits it.
func longestWord(s string) int {
	cl, _ := tokenize(s)
	end := len(cl)
	for end > 0 && cl[end-1].kind == tkSpace {
		end--
	}
	glueRuns(cl[:end], 0)
	longest := 0
	for i := 0; i < end; {
		_, we, _, ww, _ := scanWord(cl, i, end, 0)
		longest = max(longest, ww)
		i = we
	}
	return longest
}

// columnWidths shares avail cells among columns that would like natural
// cells: if they do not all fit, every column first gets its least (its
// widest word), cut down from the widest while they do not all fit but never
// below minColumn (so that no column is too narrow for a character and its
// punctuation); then the rest is spread by water-filling, so narrow columns
// keep their natural width and wide ones share what is left equally.
func columnWidths(natural, least []int, avail int) []int {
	n := len(natural)
	widths := make([]int, n)
	total := 0
	for _, w := range natural {
		total += w
	}
	if total <= avail {
		copy(widths, natural)
		return widths
	}
	base := make([]int, n)
	floor := make([]int, n)
	sumBase := 0
	for i := range least {
		floor[i] = min(natural[i], minColumn)
		base[i] = max(floor[i], min(least[i], natural[i]))
		sumBase += base[i]
	}
	for sumBase > avail {
		widest := -1
		for i := range base {
			if base[i] > floor[i] && (widest < 0 || base[i] > base[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			break
		}
		base[widest]--
		sumBase--
	}
	if sumBase > avail {
		clear(base)
		sumBase = 0
	}
	demand := make([]int, n)
	for i := range natural {
		demand[i] = natural[i] - base[i]
	}
	extra := fill(demand, avail-sumBase)
	for i := range widths {
		widths[i] = base[i] + extra[i]
	}
	return widths
}

// fill shares total among demands: the smallest are met in full, the rest
// split what remains equally.
func fill(demand []int, total int) []int {
	n := len(demand)
	got := make([]int, n)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return demand[order[a]] < demand[order[b]] })
	left := n
	for pos, i := range order {
		share := total / left
		if demand[i] <= share {
			got[i] = demand[i]
			total -= demand[i]
			left--
			continue
		}
		rest := total % left
		for _, j := range order[pos:] {
			got[j] = share
			if rest > 0 {
				got[j]++
				rest--
			}
		}
		break
	}
	return got
}
