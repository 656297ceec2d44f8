package render

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// newParser returns a goldmark parser configured like glamour's, so both see
// the same document structure.
func newParser() parser.Parser {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.DefinitionList),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	).Parser()
}

// table is a top-level markdown table taken out of the source; rows[0] is the
// header. Every row has len(align) cells of plain text.
type table struct {
	align []east.Alignment
	rows  [][]string
}

// prepared is markdown rewritten for glamour, plus the tables cut out of it.
type prepared struct {
	src    string
	tables []table
	// marker starts the placeholder paragraph that stands for table i:
	// marker + strconv.Itoa(i).
	marker string
	// indent is a space character absent from the note; prepare writes it
	// where glamour would lose a list item's hanging indent, and
	// glamourLines turns it into a space. 0 when the note has them all.
	indent rune
	// code holds each code block's lines as glamour will print them (tabs
	// expanded), so that its output lines can be told apart from prose.
	code [][]string
}

// edit replaces src[start:stop] with repl.
type edit struct {
	start, stop int
	repl        string
}

// prepare rewrites markdown before glamour renders it:
//   - CRLF becomes LF and invalid UTF-8 becomes U+FFFD;
//   - a soft line break between two CJK characters is removed (glamour would
//     print a space there), and any other soft break becomes one space (inside
//     list items glamour would keep the newline and lose the hanging indent);
//   - tabs in code blocks are expanded to stops every 4 columns;
//   - a fenced code block too large to highlight quickly (see plainCodeEdit)
//     is marked as plain text;
//   - each table at the top level, in a quote or in a list item is replaced
//     by a placeholder paragraph, because the tables are laid out here, at
//     the target width (see layoutTable);
//   - a list item's later paragraphs start on a line of their own, after a
//     blank one, and they and the lines after a hard break get the item's
//     hanging indent (glamour runs them on after the item's first paragraph,
//     glamour#167, and indents them to the item's marker).
func prepare(p parser.Parser, md string) prepared {
	md = strings.ToValidUTF8(strings.ReplaceAll(md, "\r\n", "\n"), "\uFFFD")
	src := []byte(md)
	doc := p.Parse(text.NewReader(src))

	out := prepared{marker: "mianjingtable"}
	for strings.Contains(md, out.marker) {
		out.marker += "x"
	}
	out.indent = indentRune(md)
	var edits []edit
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *gast.Paragraph, *gast.TextBlock:
			if e, ok := laterParagraphEdit(src, n, out.indent); ok {
				edits = append(edits, e)
			}
		case *gast.Text:
			if e, ok := softBreakEdit(src, n); ok {
				edits = append(edits, e)
			}
			if e, ok := hardBreakEdit(n, out.indent); ok {
				edits = append(edits, e)
			}
		case *gast.FencedCodeBlock, *gast.CodeBlock:
			if fb, ok := n.(*gast.FencedCodeBlock); ok {
				if e, ok := plainCodeEdit(src, fb); ok {
					edits = append(edits, e)
				}
			}
			lines := n.Lines()
			block := make([]string, 0, lines.Len())
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				v := string(seg.Value(src))
				if strings.IndexByte(v, '\t') >= 0 {
					edits = append(edits, edit{seg.Start, seg.Stop, expandTabs(v)})
					v = expandTabs(v)
				}
				block = append(block, strings.TrimRight(v, "\n"))
			}
			out.code = append(out.code, block)
			return gast.WalkSkipChildren, nil
		case *east.Table:
			start, stop, t, ok := tableOf(src, n)
			if !ok {
				return gast.WalkSkipChildren, nil
			}
			name := out.marker + strconv.Itoa(len(out.tables))
			if from, repl, ok := tableRepl(src, n, start, name, out.indent); ok {
				out.tables = append(out.tables, t)
				edits = append(edits, edit{from, stop, repl})
			}
			return gast.WalkSkipChildren, nil
		}
		return gast.WalkContinue, nil
	})

	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b strings.Builder
	b.Grow(len(md))
	at := 0
	for _, e := range edits {
		if e.start < at || e.stop < e.start || e.stop > len(md) {
			continue // overlapping or out of range: leave the text alone
		}
		b.WriteString(md[at:e.start])
		b.WriteString(e.repl)
		at = e.stop
	}
	b.WriteString(md[at:])
	out.src = b.String()
	return out
}

// indentRune returns a Unicode space character that md does not contain,
// or 0. A space, because what follows it must parse as it would at the
// start of a line (emphasis flanking).
func indentRune(md string) rune {
	for _, r := range "\u2008\u2009\u200A\u2007\u2006\u2005\u2004" {
		if !strings.ContainsRune(md, r) {
			return r
		}
	}
	return 0
}

// tableRepl returns the placeholder paragraph that replaces the source of
// table n, from the returned position (start, the start of its first line,
// or after the list marker on that line) to the end of its last line; false
// for a table left to glamour: inside anything but the document, a quote or
// a list item, or the first block of a list item when its line does not
// read as a marker and a pipe.
func tableRepl(src []byte, n *east.Table, start int, name string, indent rune) (int, string, bool) {
	parent := n.Parent()
	if parent == nil {
		return 0, "", false
	}
	switch parent.Kind() {
	case gast.KindDocument:
		return start, "\n" + name + "\n", true
	case gast.KindBlockquote:
		pre := containerPrefix(src, start, true)
		if n.PreviousSibling() == nil {
			return start, pre + name, true
		}
		// The quote's blank line ends the paragraph before.
		return start, strings.TrimRight(pre, " \t") + "\n" + pre + name, true
	case gast.KindListItem:
		item := parent.(*gast.ListItem)
		if indent == 0 {
			return 0, "", false
		}
		runes := strings.Repeat(string(indent), markerWidth(item))
		if n.PreviousSibling() == nil {
			// The marker stays on its line, alone; the table starts on the
			// next one at the item's text column.
			at, ok := afterMarker(src, start)
			if !ok {
				return 0, "", false
			}
			return at, "\\\n" + containerPrefix(src, at, false) + runes + name, true
		}
		// The item's content column, from its first paragraph's line.
		pre := containerPrefix(src, start, true)
		if first := item.FirstChild(); first.Lines().Len() > 0 && (first.Kind() == gast.KindParagraph || first.Kind() == gast.KindTextBlock) {
			pre = containerPrefix(src, first.Lines().At(0).Start, false)
		}
		// The blank line ends the paragraph before; the hard breaks put the
		// placeholder on a line of its own (see laterParagraphEdit).
		return start, strings.TrimRight(pre, " \t") + "\n" + pre + itemBreaks(n.PreviousSibling(), pre) + runes + name, true
	}
	return 0, "", false
}

// afterMarker returns where the text after a list marker starts on the line
// that starts at lineStart, when the line is quote markers and blanks, one
// list marker ("-", "*", "+", "1." or "1)"), blanks and then a pipe.
func afterMarker(src []byte, lineStart int) (int, bool) {
	i := lineStart
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '>') {
		i++
	}
	switch {
	case i < len(src) && strings.IndexByte("-*+", src[i]) >= 0:
		i++
	default:
		j := i
		for j < len(src) && j-i < 9 && src[j] >= '0' && src[j] <= '9' {
			j++
		}
		if j == i || j >= len(src) || (src[j] != '.' && src[j] != ')') {
			return 0, false
		}
		i = j + 1
	}
	j := i
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	if j == i || j >= len(src) || src[j] != '|' {
		return 0, false
	}
	return j, true
}

// containerPrefix returns what stands before position at on its line as
// blanks and quote markers: the text's indent inside its list items and
// quotes. Only the leading blanks and ">" are kept when scan is set (at is
// then the line start); otherwise list markers become blanks.
func containerPrefix(src []byte, at int, scan bool) string {
	lineStart := at
	for lineStart > 0 && src[lineStart-1] != '\n' {
		lineStart--
	}
	if scan {
		at = lineStart
		for at < len(src) && (src[at] == ' ' || src[at] == '\t' || src[at] == '>') {
			at++
		}
	}
	b := []byte(string(src[lineStart:at]))
	for i, c := range b {
		if c != ' ' && c != '\t' && c != '>' {
			b[i] = ' '
		}
	}
	return string(b)
}

// markerWidth returns the cells glamour gives list item's marker: "• ",
// "[ ] " for a task, "12. " for the twelfth of an ordered list.
func markerWidth(item *gast.ListItem) int {
	if list, ok := item.Parent().(*gast.List); ok && list.IsOrdered() {
		n := list.Start
		for c := list.FirstChild(); c != nil && c != gast.Node(item); c = c.NextSibling() {
			n++
		}
		return len(strconv.Itoa(n)) + 2
	}
	if first := item.FirstChild(); first != nil && first.FirstChild() != nil && first.FirstChild().Kind() == east.KindTaskCheckBox {
		return 4
	}
	return 2
}

// laterParagraphEdit returns the edit that starts paragraph n, when it is a
// list item's second or later block, with hard line breaks and the item's
// hanging indent: glamour writes it straight after a paragraph before it,
// and indents it only to the item's marker.
func laterParagraphEdit(src []byte, n gast.Node, indent rune) (edit, bool) {
	item, ok := n.Parent().(*gast.ListItem)
	if !ok || n.PreviousSibling() == nil || n.Lines().Len() == 0 || indent == 0 {
		return edit{}, false
	}
	at := n.Lines().At(0).Start
	pre := containerPrefix(src, at, false)
	repl := itemBreaks(n.PreviousSibling(), pre) + strings.Repeat(string(indent), markerWidth(item))
	return edit{at, at, repl}, true
}

// itemBreaks returns the hard line breaks, each followed by the line prefix
// pre, that start a list item's later paragraph after block prev and leave
// one blank line: after a paragraph (or a table, which becomes one) glamour
// is still on that paragraph's line, after other blocks on a new line.
func itemBreaks(prev gast.Node, pre string) string {
	switch prev.Kind() {
	case gast.KindParagraph, gast.KindTextBlock, east.KindTable:
		return "\\\n" + pre + "\\\n" + pre
	}
	return "\\\n" + pre
}

// hardBreakEdit returns the edit that gives the line after hard break t the
// hanging indent of its list item.
func hardBreakEdit(t *gast.Text, indent rune) (edit, bool) {
	if !t.HardLineBreak() || indent == 0 {
		return edit{}, false
	}
	block, at, ok := lineAfter(t)
	if !ok {
		return edit{}, false
	}
	item, ok := block.Parent().(*gast.ListItem)
	if !ok {
		return edit{}, false
	}
	return edit{at, at, strings.Repeat(string(indent), markerWidth(item))}, true
}

// lineAfter returns the block holding text node t and where the line after
// t's line starts in the source; false when t is on the block's last line.
func lineAfter(t *gast.Text) (block gast.Node, next int, ok bool) {
	block = t.Parent()
	for block != nil && block.Type() != gast.TypeBlock {
		block = block.Parent()
	}
	if block == nil {
		return nil, 0, false
	}
	stop := t.Segment.Stop
	lines := block.Lines()
	for i := 0; i+1 < lines.Len(); i++ {
		if l := lines.At(i); l.Start <= stop && stop < l.Stop {
			return block, lines.At(i + 1).Start, true
		}
	}
	return nil, 0, false
}

// softBreakEdit returns the edit that joins the line ending with text node t
// to the next line, if t ends with a soft line break.
func softBreakEdit(src []byte, t *gast.Text) (edit, bool) {
	if !t.SoftLineBreak() || t.HardLineBreak() {
		return edit{}, false
	}
	_, next, ok := lineAfter(t)
	if !ok {
		return edit{}, false
	}
	stop := t.Segment.Stop
	if next < stop || next > len(src) {
		return edit{}, false
	}
	for next < len(src) && (src[next] == ' ' || src[next] == '\t') {
		next++
	}
	cut := stop
	for cut > 0 && (src[cut-1] == ' ' || src[cut-1] == '\t') {
		cut--
	}
	// Look through emphasis and code markers for the characters that meet.
	b := cut
	for b > 0 && strings.IndexByte("*_`~", src[b-1]) >= 0 {
		b--
	}
	f := next
	for f < len(src) && strings.IndexByte("*_`~[", src[f]) >= 0 {
		f++
	}
	prev, _ := utf8.DecodeLastRune(src[:b])
	following, _ := utf8.DecodeRune(src[f:])
	repl := " "
	if wideRune(prev) && wideRune(following) {
		repl = ""
	}
	return edit{cut, next, repl}, true
}

// wideRune reports whether r is CJK text for joining lines: lines that end
// and start with such characters are joined without a space.
func wideRune(r rune) bool {
	return isCJK(r) || ansi.StringWidth(string(r)) == 2
}

// expandTabs expands the tabs of one line of code to stops every 4 columns.
func expandTabs(s string) string {
	var b strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			n := tabStop - col%tabStop
			b.WriteString(spaces(n))
			col += n
		case '\n':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col += ansi.StringWidth(string(r))
		}
	}
	return b.String()
}

// tableOf returns the source lines [start, stop) of table n and its cells.
func tableOf(src []byte, n *east.Table) (start, stop int, t table, ok bool) {
	start, stop = -1, -1
	t.align = n.Alignments
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			if lines := c.Lines(); lines.Len() > 0 {
				seg := lines.At(0)
				if start < 0 || seg.Start < start {
					start = seg.Start
				}
				stop = max(stop, seg.Stop)
			}
			cells = append(cells, cellText(src, c))
		}
		for len(cells) < len(t.align) {
			cells = append(cells, "")
		}
		t.rows = append(t.rows, cells[:len(t.align)])
	}
	if start < 0 || len(t.rows) == 0 || len(t.align) == 0 {
		return 0, 0, table{}, false
	}
	for start > 0 && src[start-1] != '\n' {
		start--
	}
	for stop < len(src) && src[stop] != '\n' {
		stop++
	}
	return start, stop, t, true
}

// cellText returns the text of a table cell: inline markup is dropped, code
// keeps its text, links show their text and then their address.
func cellText(src []byte, cell gast.Node) string {
	var b strings.Builder
	var walk func(n gast.Node)
	walk = func(n gast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *gast.Text:
				b.Write(c.Segment.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *gast.String:
				b.Write(c.Value)
			case *gast.AutoLink:
				b.Write(c.URL(src))
			case *gast.Link:
				walk(c)
				if dest := string(c.Destination); dest != "" {
					b.WriteString(" " + dest)
				}
			case *gast.RawHTML:
				// glamour drops inline HTML too
			default:
				walk(c)
			}
		}
	}
	walk(cell)
	// Cells are laid out here, not by glamour and WrapLine, so control
	// characters are dropped here: an ESC from the note would reach the
	// terminal.
	text := strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, b.String())
	return strings.TrimSpace(strings.ReplaceAll(text, `\|`, "|"))
}

// Highlighting limits: chroma's lexers are regexps with no bound on their
// work, so a fenced block over maxHighlight bytes, or with a line over
// maxHighlightLine, is shown without colours rather than risk a slow render.
const (
	maxHighlight     = 64 << 10
	maxHighlightLine = 4 << 10
)

// plainCodeEdit returns the edit that sets a too-large fenced block's info
// string to "text" (chroma's plain-text lexer); ok is false for a block
// within the limits.
func plainCodeEdit(src []byte, n *gast.FencedCodeBlock) (edit, bool) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return edit{}, false
	}
	total, longest := 0, 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		total += seg.Len()
		longest = max(longest, seg.Len())
	}
	if total <= maxHighlight && longest <= maxHighlightLine {
		return edit{}, false
	}
	if n.Info != nil {
		seg := n.Info.Segment
		return edit{seg.Start, seg.Stop, "text"}, true
	}
	// No info string: insert one just before the fence line's newline.
	at := lines.At(0).Start - 1
	if at < 0 || src[at] != '\n' {
		return edit{}, false
	}
	return edit{at, at, "text"}, true
}
