package render

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// tabStop is the distance between tab stops when tabs are expanded.
const tabStop = 4

// Token kinds.
const (
	tkSpace = iota + 1 // an ASCII space (or part of an expanded tab): a break opportunity, dropped at line ends
	tkText             // any other grapheme cluster
)

// Break-class flags of a grapheme cluster.
const (
	fWide      = 1 << iota // CJK-like: a line may break before and after it
	fNoStart               // closing punctuation: must not start a line
	fNoEnd                 // opening punctuation: must not end a line
	fGlue                  // no-break space or word joiner: no break next to it
	fEscBefore             // an escape sequence comes right before the cluster
	fKeep                  // no break before it, nor at the spaces before it (see glueRuns)
)

// cluster is one grapheme cluster of the visible text.
type cluster struct {
	s    string // bytes to emit (an expanded tab becomes spaces)
	w    int    // display width in cells, as ansi.StringWidth measures it
	kind uint8
	fl   uint8
}

// escape is an escape sequence anchored before cluster at.
type escape struct {
	at  int
	seq string
}

// span is one output line: it owns clusters [start, next span's start) and
// shows those in [keepStart, keepEnd).
type span struct{ start, keepStart, keepEnd int }

// WrapLine breaks one line of terminal text into lines no wider than width
// cells, following Chinese line-breaking rules: a break may fall at a space,
// between two CJK characters, or between CJK and Latin text, but never before
// closing punctuation (，。、；：！？）》」』】…, or , . ; : ! ? ) ] } after CJK) nor
// after opening punctuation (（《「『【“ ( [ {); ASCII double quotes, when a
// line holds them in pairs, count as opening and closing in turn; Latin words
// stay whole unless longer than a line.
//
// The line's leading indent, quote bars ("│ ", "| ") and list or heading
// marker ("• ", "1. ", "[ ] ", "## ") form a hanging prefix: continuation lines
// repeat the indent and bars and put blanks under the marker, so their text
// starts where the first line's text starts. A hanging prefix wider than
// max(width/2, width-16) is shortened (to the indent and bars, else to that
// many spaces); a prefix that leaves less than two cells on the first line is
// treated as text.
//
// WrapLine is ANSI-aware: escape sequences cost no width and are kept; an SGR
// style or OSC 8 hyperlink open at a break is closed at the end of the line
// and reopened after the next line's prefix. Tabs are expanded to stops every
// 4 columns; other control characters, malformed escape sequences and
// U+2028/U+2029 are dropped; spaces at the ends of output lines are removed;
// invalid UTF-8 becomes U+FFFD. A line with no visible character comes back
// as "". The only line that can be wider than width holds a single grapheme
// cluster that is itself wider than width (a CJK character when width is 1).
//
// A run of Latin letters, digits and symbols (spaces inside it included) at
// most maxRun cells wide, such as an inline formula "r ≪ min(d, k)" or "80
// GB", moves to the next line whole, and a number stays with the Chinese
// character after it ("3 亿"); such a run breaks inside only when it is wider
// than a line.
func WrapLine(line string, width int) []string {
	lines, _ := wrapLine(line, width, wrapText)
	return lines
}

// wrapMode says how wrapLine treats the start of a line and its runs.
type wrapMode uint8

const (
	wrapText wrapMode = iota // hanging prefix detected, runs kept whole
	wrapCell                 // a table cell: no prefix, runs kept whole
	wrapCode                 // a code line: its indent hangs, continuations marked
)

// wrapLine is WrapLine in a mode; it also returns the hanging prefix written
// at the start of every continuation line. In wrapCode mode the prefix is
// the line's indent and bars followed by mark and a space.
func wrapLine(line string, width int, mode wrapMode, mark ...string) ([]string, string) {
	if width < 1 {
		width = 1
	}
	cl, escs := tokenize(line)
	n := len(cl)
	end := n
	for end > 0 && cl[end-1].kind == tkSpace {
		end--
	}
	if end == 0 {
		return []string{""}, ""
	}

	p, barsEnd := 0, 0
	switch mode {
	case wrapText:
		p, barsEnd = findPrefix(cl[:end])
	case wrapCode:
		p = indentEnd(cl[:end])
		barsEnd = p
	}
	pw := sumWidth(cl[:p])
	if p > 0 && (p == end || pw+2 > width) {
		if p == end && pw <= width {
			// Nothing but a prefix: it fits as it is.
			return []string{emitWhole(cl, escs, end)}, ""
		}
		p, barsEnd, pw = 0, 0, 0
	}
	if sumWidth(cl[:end]) <= width {
		return []string{emitWhole(cl, escs, end)}, ""
	}

	var hang string
	var hw int
	if mode == wrapCode {
		m := codeMark
		if len(mark) > 0 {
			m = mark[0]
		}
		hang, hw = codeHang(cl, escs, barsEnd, m, width)
	} else {
		glueRuns(cl[:end], p)
		hang, hw = buildHang(cl, escs, p, barsEnd, pw, width)
	}
	spans := layout(cl[:end], p, width-pw, width-hw)
	out := make([]string, len(spans))
	var pen penState
	ei := 0
	for k := range spans {
		out[k] = emitSpan(cl, escs, &ei, spans, k, hang, &pen)
	}
	return out, hang
}

// tokenize splits a line into visible grapheme clusters and the escape
// sequences between them, sanitising it as WrapLine documents.
func tokenize(line string) ([]cluster, []escape) {
	if !utf8.ValidString(line) {
		line = strings.ToValidUTF8(line, "\uFFFD")
	}
	var (
		text strings.Builder
		escs []escape
		// anchors holds the text offset of each escape until clusters are known.
		anchors []int
	)
	text.Grow(len(line))
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == ansi.ESC:
			if n := escapeLen(line[i:]); n > 0 {
				escs = append(escs, escape{seq: line[i : i+n]})
				anchors = append(anchors, text.Len())
				i += n
				continue
			}
			i++ // a stray ESC would swallow the text after it
		case c == '\t':
			text.WriteByte('\t')
			i++
		case c == '\n' || c == '\r' || c == '\v' || c == '\f':
			text.WriteByte(' ')
			i++
		case c < 0x20 || c == 0x7f:
			i++
		case c < utf8.RuneSelf:
			text.WriteByte(c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(line[i:])
			if !(r >= 0x80 && r <= 0x9f) && r != '\u2028' && r != '\u2029' {
				text.WriteString(line[i : i+size])
			}
			i += size
		}
	}

	s := text.String()
	cl := make([]cluster, 0, utf8.RuneCountInString(s))
	ei, col := 0, 0
	for pos := 0; pos < len(s); {
		var c cluster
		size := 1
		if s[pos] == '\t' {
			c.w = tabStop - col%tabStop
			c.s = spaces(c.w)
			c.kind = tkSpace
		} else {
			g, w := firstCluster(s[pos:])
			if len(g) > 1 && g[len(g)-1] == ' ' {
				// A prepended character (U+0600…) joins the space after it;
				// split the space off so that it can be dropped at a line end.
				g = strings.TrimRight(g, " ")
				_, w = ansi.FirstGraphemeCluster(g, ansi.GraphemeWidth)
			}
			size = len(g)
			c.s, c.w = g, w
			if g == " " {
				c.kind = tkSpace
			} else {
				c.kind = tkText
				c.fl = classify(g, w)
			}
		}
		// Escapes anchored before this cluster or inside it go before it.
		for ei < len(escs) && anchors[ei] < pos+size {
			escs[ei].at = len(cl)
			c.fl |= fEscBefore
			ei++
		}
		col += c.w
		cl = append(cl, c)
		pos += size
	}
	for ; ei < len(escs); ei++ {
		escs[ei].at = len(cl)
	}
	pairQuotes(cl)
	return cl, escs
}

// pairQuotes marks ASCII double quotes, which Chinese text often uses for
// “ and ”, as opening or closing by their order in the line when the line
// holds them in pairs: an opening one must not end a line, a closing one
// must not start one. An odd number (inch marks, a quote split over lines)
// leaves them all unmarked.
func pairQuotes(cl []cluster) {
	n := 0
	for i := range cl {
		if cl[i].s == `"` {
			n++
		}
	}
	if n == 0 || n%2 != 0 {
		return
	}
	open := true
	for i := range cl {
		if cl[i].s == `"` {
			if open {
				cl[i].fl |= fNoEnd
			} else {
				cl[i].fl |= fNoStart
			}
			open = !open
		}
	}
}

// firstCluster returns the first grapheme cluster of s and its width, as
// ansi.FirstGraphemeCluster does, with a shortcut for the common case of an
// ASCII or CJK character followed by another such character (a cluster
// boundary by UAX #29), which skips the segmenter.
func firstCluster(s string) (string, int) {
	c := s[0]
	if c >= 0x20 && c < 0x7f && (len(s) == 1 || s[1] < utf8.RuneSelf) {
		return s[:1], 1
	}
	if c >= utf8.RuneSelf {
		r, size := utf8.DecodeRuneInString(s)
		if fastWide(r) {
			if len(s) == size || s[size] < utf8.RuneSelf {
				return s[:size], 2
			}
			if next, _ := utf8.DecodeRuneInString(s[size:]); fastWide(next) {
				return s[:size], 2
			}
		}
	}
	return ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
}

// fastWide reports whether r is a CJK character that is two cells wide and
// never joins the characters around it into one cluster.
func fastWide(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) || (r >= 0x3001 && r <= 0x3011) || (r >= 0xFF01 && r <= 0xFF60)
}

// escapeLen returns the length of the well-formed escape sequence at the start
// of s (which starts with ESC): CSI, OSC ended by BEL or ST, or a short ESC
// sequence. It returns 0 for anything else, including DCS, SOS, PM and APC
// strings, which would hide the text after them.
func escapeLen(s string) int {
	if len(s) < 2 {
		return 0
	}
	switch s[1] {
	case '[':
		j := 2
		for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
			j++
		}
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
			j++
		}
		if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e {
			return j + 1
		}
		return 0
	case ']':
		for j := 2; j < len(s); j++ {
			switch c := s[j]; {
			case c == 0x07:
				return j + 1
			case c == ansi.ESC:
				if j+1 < len(s) && s[j+1] == '\\' {
					return j + 2
				}
				return 0
			case c < 0x20 || c > 0x7e:
				return 0
			}
		}
		return 0
	case 'P', 'X', '^', '_':
		return 0
	}
	j := 1
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
		return j + 1
	}
	return 0
}

// classify returns the break-class flags of a grapheme cluster.
func classify(g string, w int) uint8 {
	r, _ := utf8.DecodeRuneInString(g)
	var f uint8
	if w >= 2 || isCJK(r) {
		f |= fWide
	}
	switch r {
	case '，', '。', '、', '；', '：', '！', '？', '）', '》', '」', '』', '】', '〉', '〕', '］', '｝',
		'〗', '〙', '〛', '”', '’', '…', '‥', '—', '～', '％', '．', '々', 'ー', '〜', '〞', '〟',
		',', '.', ';', ':', '!', '?', ')', ']', '}', '%':
		f |= fNoStart
	case '（', '《', '「', '『', '【', '〈', '〔', '［', '｛', '〖', '〘', '〚', '“', '‘', '〝',
		'(', '[', '{':
		f |= fNoEnd
	case '\u00a0', '\u2007', '\u202f', '\u2060', '\ufeff':
		f |= fGlue
	}
	return f
}

// isCJK reports whether r behaves like a CJK character for line breaking even
// when it is measured one cell wide (curly quotes, ellipsis, dashes).
func isCJK(r rune) bool {
	switch {
	case r == '“' || r == '”' || r == '…' || r == '—' || r == '‥':
		return true
	case r >= 0x2E80 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7AF, r >= 0xF900 && r <= 0xFAFF,
		r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFFEF, r >= 0x20000 && r <= 0x3FFFF:
		return true
	}
	return false
}

// canBreak reports whether a line may break between clusters a and b that
// touch (no space between them).
func canBreak(a, b *cluster) bool {
	return breakOK(a, b) && (a.fl|b.fl)&fWide != 0
}

// breakOK reports whether a break between a and b keeps punctuation and
// no-break spaces in place. A no-break space allows a break only where an
// escape sequence meets it: glamour pads inline code with one on each side,
// inside the code's colours, and the padding must stay with the code.
func breakOK(a, b *cluster) bool {
	if (a.fl|b.fl)&fGlue != 0 && b.fl&fEscBefore == 0 {
		return false
	}
	return b.fl&fNoStart == 0 && a.fl&fNoEnd == 0
}

// canBreakAtSpace reports whether a line may break at spaces between a and b.
func canBreakAtSpace(a, b *cluster) bool {
	return b.fl&fNoStart == 0 && a.fl&fNoEnd == 0
}

// findPrefix returns the end of the hanging prefix (indent, quote bars, one
// list/heading marker with an optional task box, and the spaces after them)
// and the end of its indent-and-bars part.
func findPrefix(cl []cluster) (p, barsEnd int) {
	n := len(cl)
	sp := func(i int) bool { return i < n && cl[i].kind == tkSpace }
	skip := func(i int) int {
		for sp(i) {
			i++
		}
		return i
	}
	i := skip(0)
	for i < n && (cl[i].s == "│" || cl[i].s == "|") && (i+1 == n || sp(i+1)) {
		i = skip(i + 1)
	}
	barsEnd = i
	if j := markerEnd(cl, i); j > i && sp(j) {
		i = skip(j)
		if j := boxEnd(cl, i); j > i && sp(j) {
			i = skip(j)
		}
	} else if j := boxEnd(cl, i); j > i && sp(j) {
		i = skip(j)
	}
	return i, barsEnd
}

// markerEnd returns the end of a "•", "12." or "##" marker at i, or i.
func markerEnd(cl []cluster, i int) int {
	n := len(cl)
	if i >= n {
		return i
	}
	switch s := cl[i].s; {
	case s == "•":
		return i + 1
	case s == "#":
		j := i
		for j < n && j-i < 6 && cl[j].s == "#" {
			j++
		}
		return j
	case len(s) == 1 && s[0] >= '0' && s[0] <= '9':
		j := i
		for j < n && j-i < 9 && len(cl[j].s) == 1 && cl[j].s[0] >= '0' && cl[j].s[0] <= '9' {
			j++
		}
		if j < n && cl[j].s == "." {
			return j + 1
		}
	}
	return i
}

// boxEnd returns the end of a task box "[ ]", "[x]" or "[✓]" at i, or i.
func boxEnd(cl []cluster, i int) int {
	if i+2 < len(cl) && cl[i].s == "[" && cl[i+2].s == "]" {
		switch cl[i+1].s {
		case " ", "x", "X", "✓":
			return i + 3
		}
	}
	return i
}

// minText is the width continuation lines keep for text when the hanging
// prefix would be deep (a long code line indented far).
const minText = 16

// maxHang returns the widest hanging prefix allowed at width: half the width,
// or more as long as minText cells are left.
func maxHang(width int) int {
	return max(width/2, width-minText)
}

// buildHang returns the prefix written before continuation lines and its width.
func buildHang(cl []cluster, escs []escape, p, barsEnd, pw, width int) (string, int) {
	if p == 0 {
		return "", 0
	}
	limit := maxHang(width)
	if pw <= limit {
		return prefixText(cl, escs, p, barsEnd), pw
	}
	if bw := sumWidth(cl[:barsEnd]); bw <= limit && barsEnd > 0 {
		return prefixText(cl, escs, barsEnd, barsEnd), bw
	}
	lead := 0
	for lead < p && cl[lead].kind == tkSpace {
		lead++
	}
	lw := min(sumWidth(cl[:lead]), limit)
	return spaces(lw), lw
}

// prefixText copies clusters [0, p) and their escapes, blanking clusters from
// blankFrom on (the list marker), and ends with a style reset if it holds any
// escape, so the prefix's colours do not leak into the text.
func prefixText(cl []cluster, escs []escape, p, blankFrom int) string {
	var b strings.Builder
	hasEsc := false
	ei := 0
	for i := 0; i < p; i++ {
		for ; ei < len(escs) && escs[ei].at <= i; ei++ {
			b.WriteString(escs[ei].seq)
			hasEsc = true
		}
		if i >= blankFrom && cl[i].kind != tkSpace {
			b.WriteString(spaces(cl[i].w))
		} else {
			b.WriteString(cl[i].s)
		}
	}
	if hasEsc {
		b.WriteString(ansi.ResetStyle)
	}
	return b.String()
}

// layout decides where the lines break. cl holds the line without trailing
// spaces; p is the prefix length; firstAvail and contAvail are the widths left
// for text on the first and on continuation lines.
func layout(cl []cluster, p, firstAvail, contAvail int) []span {
	end := len(cl)
	var spans []span
	cur := span{}
	avail, used := firstAvail, 0
	empty := true
	newLine := func(start, keepEnd int) {
		cur.keepEnd = keepEnd
		spans = append(spans, cur)
		cur = span{start: start, keepStart: start}
		avail, used = contAvail, 0
		empty = true
	}
	lastEnd := p
	unglue := 0 // runs kept whole (fKeep) before this cluster are split again
	for i := p; i < end; {
		g := i
		ws, we, gapW, ww, kept := scanWord(cl, i, end, unglue)
		i = we
		if kept && ww > avail && (empty || ww > contAvail) {
			// A run kept whole that no line can hold breaks as usual.
			i, unglue = g, we
			continue
		}

		if empty && gapW > 0 && gapW+ww > avail {
			// Only the first line can start with a gap (when there is no
			// prefix); drop it rather than leave the line short.
			gapW = 0
			cur.keepStart = ws
		}
		if used+gapW+ww <= avail {
			used += gapW + ww
			lastEnd, empty = we, false
			continue
		}
		if !empty {
			newLine(ws, lastEnd)
		}
		// The word starts an empty line; split it if it is longer than the line.
		pos, rem := ws, ww
		for rem > avail {
			k := fit(cl, pos, we, avail)
			if k >= we {
				break // a single cluster wider than the line stays alone on it
			}
			newLine(k, k)
			for k < we && cl[k].kind == tkSpace {
				k++
			}
			rem -= sumWidth(cl[pos:k])
			pos = k
			cur.keepStart = pos
		}
		used, lastEnd, empty = rem, we, false
	}
	cur.keepEnd = lastEnd
	return append(spans, cur)
}

// scanWord reads the gap of spaces at i and the word after it, up to the next
// break opportunity before end: the word is [ws, we), gapW and ww are their
// widths. fKeep marks count only from unglue on; kept reports whether one
// joined the word.
func scanWord(cl []cluster, i, end, unglue int) (ws, we, gapW, ww int, kept bool) {
	g := i
	for i < end && cl[i].kind == tkSpace {
		i++
	}
	gapW = sumWidth(cl[g:i])
	ws = i
	if i == end {
		return ws, i, gapW, 0, false
	}
	ww = cl[i].w
	i++
	for i < end {
		if cl[i].kind == tkSpace {
			j := i
			for j < end && cl[j].kind == tkSpace {
				j++
			}
			if j == end {
				break
			}
			keep := j >= unglue && cl[j].fl&fKeep != 0
			if !keep && canBreakAtSpace(&cl[i-1], &cl[j]) {
				break
			}
			kept = kept || keep
			ww += sumWidth(cl[i : j+1]) // glue the spaces and the cluster after them
			i = j + 1
			continue
		}
		keep := i >= unglue && cl[i].fl&fKeep != 0
		if !keep && canBreak(&cl[i-1], &cl[i]) {
			break
		}
		kept = kept || keep
		ww += cl[i].w
		i++
	}
	return ws, i, gapW, ww, kept
}

// fit returns where to cut clusters [pos, end) so the part before the cut is
// as wide as possible within avail; it moves the cut back to just after a
// separator such as "/" or "." when one is in the line's second half, else
// rather than put closing punctuation first or opening punctuation last, and
// always takes at least one cluster.
func fit(cl []cluster, pos, end, avail int) int {
	w, k := 0, pos
	for k < end && w+cl[k].w <= avail {
		w += cl[k].w
		k++
	}
	if k == pos {
		return pos + 1
	}
	// In a long Latin word (a URL, a dotted name) prefer to cut after a
	// separator, if that keeps at least half the line.
	for j := k; j > pos+(k-pos)/2; j-- {
		if sep := cl[j-1].s; len(sep) == 1 && strings.IndexByte("/-_.,;:=&?", sep[0]) >= 0 && breakOK(&cl[j-1], &cl[j]) {
			return j
		}
	}
	for j := k; j > pos; j-- {
		if breakOK(&cl[j-1], &cl[j]) {
			return j
		}
	}
	return k
}

func sumWidth(cl []cluster) int {
	w := 0
	for i := range cl {
		w += cl[i].w
	}
	return w
}

// spaces returns n spaces.
func spaces(n int) string {
	const blank = "                                                                "
	if n <= len(blank) {
		return blank[:n]
	}
	return strings.Repeat(" ", n)
}
