package tui

import (
	"slices"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// tagSep joins a note's tags in its FilterValue: a byte no tag holds, so
// that a "#tag" term can compare whole tags.
const tagSep = "\x1e"

// Why a note matched travels with the title's matches in a list.Rank's
// MatchedIndexes (the only place the list keeps per-row filter data), as
// values far past any title's length, which styleTitle ignores:
// whyTag+k for tag k, and whyBody+start, whyBody+end for the byte range
// of a match in the lower-cased body.
const (
	whyTag  = 1 << 29
	whyBody = 1 << 30
)

// tagTerm reads a "#tag" filter term: the tag, lower-cased, and ok. A lone
// "#" (still being typed) restricts nothing: tag is "".
func tagTerm(term string) (tag string, ok bool) {
	tag, ok = strings.CutPrefix(term, "#")
	return strings.ToLower(tag), ok
}

// tagIndex returns the index of the tag in tags (joined with tagSep) equal
// to tag, or -1.
func tagIndex(tags, tag string) int {
	k := 0
	for t := range strings.SplitSeq(tags, tagSep) {
		if t == tag {
			return k
		}
		k++
	}
	return -1
}

// whyMatched splits a row's MatchedIndexes: the title's rune indices, the
// matching tags, and the first body match (start < 0 for none).
type whyMatched struct {
	title      []int
	tags       []int
	start, end int
}

func decodeWhy(matches []int) whyMatched {
	w := whyMatched{start: -1}
	var body []int
	for _, i := range matches {
		switch {
		case i >= whyBody:
			body = append(body, i-whyBody)
		case i >= whyTag:
			w.tags = append(w.tags, i-whyTag)
		default:
			w.title = append(w.title, i)
		}
	}
	if len(body) >= 2 {
		w.start, w.end = body[0], body[1]
	}
	return w
}

// styledTags draws "#a #b" in room cells, the matching tags in match.
func styledTags(tags []string, hits []int, room int, base, match lipgloss.Style) string {
	plain := "#" + strings.Join(tags, " #")
	cut := truncate(plain, room)
	if len(hits) == 0 {
		return base.Render(cut)
	}
	shown, tail := cut, ""
	if cut != plain {
		shown, tail = strings.TrimSuffix(cut, "…"), "…"
	}
	var b strings.Builder
	at := 0 // bytes of plain written
	for k, t := range tags {
		if k > 0 && at < len(shown) {
			b.WriteString(base.Render(" "))
			at++
		}
		t = "#" + t
		end := min(at+len(t), len(shown))
		if at >= end {
			break
		}
		st := base
		if slices.Contains(hits, k) {
			st = match.Inherit(base)
		}
		b.WriteString(st.Render(shown[at:end]))
		at = end
	}
	return b.String() + base.Render(tail)
}

// snippet draws the line of body around a match, given as the byte range
// [start, end) of the lower-cased body lower, in room cells: some context
// before it, the match in match, the rest after it, cut with "…".
func snippet(body, lower string, start, end, room int, base, match lipgloss.Style) string {
	if start < 0 || end > len(lower) || start >= end || room < 4 {
		return ""
	}
	// Lower-casing keeps the rune count (whyBody offsets are bytes of the
	// lower-cased text): find the match in body by rune count.
	hs, ok := runeOffset(body, 0, utf8.RuneCountInString(lower[:start]))
	if !ok {
		return ""
	}
	he, ok := runeOffset(body, hs, utf8.RuneCountInString(lower[start:end]))
	if !ok {
		return ""
	}
	ls := strings.LastIndexByte(body[:hs], '\n') + 1
	le := strings.IndexByte(body[he:], '\n')
	if le < 0 {
		le = len(body)
	} else {
		le += he
	}
	// A paragraph is one line: only what can be shown is measured. The
	// slack covers the marks cleanMarkdown drops.
	const slack = 64
	before := body[ls:hs]
	if n := utf8.RuneCountInString(before); n > room+slack {
		before = before[mustRuneOffset(before, n-room-slack):]
	} else {
		before = strings.TrimLeft(before, " \t#>*-+|0123456789.)")
	}
	before = cleanMarkdown(before)
	hit := body[hs:he]
	after := body[he:le]
	after = cleanMarkdown(after[:mustRuneOffset(after, min(utf8.RuneCountInString(after), room+slack))])

	hitW := ansi.StringWidth(hit)
	if hitW >= room {
		return match.Inherit(base).Render(truncate(hit, room))
	}
	// A third of what is left goes before the match.
	keep := (room - hitW) / 3
	if w := ansi.StringWidth(before); w > keep {
		before = "…" + ansi.TruncateLeft(before, w-max(keep-1, 0), "")
	}
	after = truncate(after, room-hitW-ansi.StringWidth(before))
	return base.Render(before) + match.Inherit(base).Render(hit) + base.Render(after)
}

// runeOffset is the byte offset n runes after byte from in s; ok is false
// when s has fewer runes.
func runeOffset(s string, from, n int) (int, bool) {
	i := from
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i, n == 0
}

// mustRuneOffset is the byte offset of rune n of s, for n within s.
func mustRuneOffset(s string, n int) int {
	i, _ := runeOffset(s, 0, n)
	return i
}

// cleanMarkdown drops the emphasis and code marks of a line of markdown.
func cleanMarkdown(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(s, "**", ""), "`", ""), "\t", " ")
}

// cutFilterValue splits a FilterValue (searchValue) into its title, tags
// and body.
func cutFilterValue(v string) (title, tags, body string) {
	title, rest, _ := strings.Cut(v, filterSep)
	tags, rest, _ = strings.Cut(rest, filterSep)
	_, body, _ = strings.Cut(rest, filterSep)
	return title, tags, body
}
