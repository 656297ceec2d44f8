package tui

// The list's rows: notes and chapter headings, how a row is drawn, and
// how the filter matches notes.

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"mianjing/notes"
)

// noteItem is one row of the list.
type noteItem struct {
	index int // in the deck
	note  *notes.Note
	// search, when set, returns every deck note's FilterValue, built once
	// (listModel.search): the list asks for every item's value on each
	// keystroke of the filter.
	search func() []string
}

// chapterItem heads the rows of a chapter. It is never selected: the
// cursor steps over it, and its empty FilterValue matches no filter, so
// headings leave the list while a filter is applied.
type chapterItem struct {
	name  string
	count int
}

// FilterValue is empty: a heading matches no filter.
func (chapterItem) FilterValue() string { return "" }

// filterSep separates the fields of a FilterValue; it cannot occur in a
// title or tag.
const filterSep = "\x1f"

// FilterValue packs title, tags, difficulty and body, lower-cased, for
// the search (searchFields), title first so that rune indices into the
// title are indices into the value too.
func (i noteItem) FilterValue() string {
	if i.search != nil {
		return i.search()[i.index]
	}
	return searchValue(i.note)
}

// searchValue is a note's FilterValue. Lower-casing maps rune to rune, so
// rune indices into the lower-cased title are indices into the title.
func searchValue(n *notes.Note) string {
	return strings.ToLower(n.Title) + filterSep + strings.ToLower(strings.Join(n.Tags, tagSep)) + filterSep +
		strconv.Itoa(n.Difficulty) + filterSep + strings.ToLower(n.Body)
}

// difficultyTerm reads a filter term naming a difficulty: "d:3", "diff:3"
// or "难度:3" (a full-width colon too). level is -1 for a term still being
// typed ("d:"), which restricts nothing; ok is false for a text term.
func difficultyTerm(term string) (level int, ok bool) {
	name, num, found := strings.Cut(strings.Replace(term, "：", ":", 1), ":")
	if !found {
		return 0, false
	}
	switch strings.ToLower(name) {
	case "d", "diff", "难度":
	default:
		return 0, false
	}
	if num == "" {
		return -1, true
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// fields is a FilterValue cut at its separators.
type fields struct{ title, tags, diff, body string }

// splitTargets cuts each FilterValue into its fields. The titles, tags
// and difficulties, which every search reads, are copied into one string:
// scattered through a large deck's 20 MB of bodies, each would cost the
// search a cache miss.
func splitTargets(targets []string) []fields {
	out := make([]fields, len(targets))
	var short strings.Builder
	ends := make([][3]int, len(targets))
	for i, t := range targets {
		f := &out[i]
		title, rest, _ := strings.Cut(t, filterSep)
		tags, rest, _ := strings.Cut(rest, filterSep)
		diff, body, _ := strings.Cut(rest, filterSep)
		f.body = body
		short.WriteString(title)
		ends[i][0] = short.Len()
		short.WriteString(tags)
		ends[i][1] = short.Len()
		short.WriteString(diff)
		ends[i][2] = short.Len()
	}
	all, at := short.String(), 0
	for i := range out {
		e := ends[i]
		out[i].title, out[i].tags, out[i].diff = all[at:e[0]], all[e[0]:e[1]], all[e[1]:e[2]]
		at = e[2]
	}
	return out
}

// parallelSearch is the deck size from which a search runs in parts.
const parallelSearch = 2000

// searchFields is the list's search (narrowingFilter, its FilterFunc,
// calls it) on FilterValues cut into fields. bubbles' default filter
// (sahilm/fuzzy) returns byte offsets that the list then styles as rune
// offsets, which highlights the wrong characters of a Chinese title
// (bubbles #124), and its fuzzy subsequences match almost any long answer.
// Here every space-separated term must occur, case-insensitively, in the
// title, a tag or the body; titles rank above tags above bodies, ties keep
// deck order, and MatchedIndexes are rune indices into the title.
// Difficulty terms ("d:3", "难度:3"; see difficultyTerm) keep the notes of
// any of the difficulties they name and highlight nothing. The targets are
// lower-case already: a keystroke searches a 10,000-note deck's 20 MB of
// text by byte, without converting it. from, when not nil, holds for each
// target the byte of its body where a search for term's one text term may
// start (see narrowSearch).
func searchFields(term string, targets []fields, from []int) []list.Rank {
	terms := strings.Fields(term)
	if len(terms) == 0 {
		return nil
	}
	var lowTerms, tagTerms []string
	var levels []int
	for _, t := range terms {
		if lv, ok := difficultyTerm(t); ok {
			if lv >= 0 {
				levels = append(levels, lv)
			}
			continue
		}
		if tag, ok := tagTerm(t); ok {
			if tag != "" {
				tagTerms = append(tagTerms, tag)
			}
			continue
		}
		lowTerms = append(lowTerms, strings.ToLower(t))
	}
	if len(lowTerms) != 1 {
		from = nil
	}
	type scored struct {
		rank  list.Rank
		score int
	}
	scan := func(lo, hi int) []scored {
		var hits []scored
		for i := lo; i < hi; i++ {
			title, tags, diff, body := targets[i].title, targets[i].tags, targets[i].diff, targets[i].body
			if len(levels) > 0 {
				d, _ := strconv.Atoi(diff)
				if !slices.Contains(levels, d) {
					continue
				}
			}
			var marked []bool
			var why []int // see whyTag
			score := 0
			ok := true
			for _, tag := range tagTerms {
				k := tagIndex(tags, tag)
				if k < 0 {
					ok = false
					break
				}
				why = append(why, whyTag+k)
				score += 10
			}
			for _, t := range lowTerms {
				if !ok {
					break
				}
				if strings.Contains(title, t) {
					if marked == nil {
						marked = make([]bool, len(title)) // by byte
					}
					// Every occurrence, overlapping ones too.
					for from := 0; ; {
						at := strings.Index(title[from:], t)
						if at < 0 {
							break
						}
						at += from
						for j := at; j < at+len(t); j++ {
							marked[j] = true
						}
						_, size := utf8.DecodeRuneInString(title[at:])
						from = at + size
					}
					score += 100
					continue
				}
				if strings.Contains(tags, t) {
					for k, tag := range strings.Split(tags, tagSep) {
						if strings.Contains(tag, t) {
							why = append(why, whyTag+k)
						}
					}
					score += 10
					continue
				}
				start := 0
				if from != nil {
					start = from[i]
				}
				switch at := strings.Index(body[start:], t); {
				case at >= 0:
					at += start
					if len(why) == 0 || why[len(why)-1] < whyBody {
						why = append(why, whyBody+at, whyBody+at+len(t))
					}
					score++
				default:
					ok = false
				}
			}
			if !ok {
				continue
			}
			// Marked bytes to rune indices: a rune is marked when its first
			// byte is (matches start and end on rune boundaries).
			var idx []int
			if marked != nil {
				r := 0
				for j := range title {
					if marked[j] {
						idx = append(idx, r)
					}
					r++
				}
			}
			hits = append(hits, scored{list.Rank{Index: i, MatchedIndexes: append(idx, why...)}, score})
		}
		return hits
	}
	// A large deck is searched in parts, one per processor: a keystroke
	// reads every body.
	parts := 1
	if len(targets) >= parallelSearch {
		parts = runtime.GOMAXPROCS(0)
	}
	found := make([][]scored, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := len(targets)*p/parts, len(targets)*(p+1)/parts
		wg.Go(func() { found[p] = scan(lo, hi) })
	}
	wg.Wait()
	// Ranked by score, ties in deck order: scores take few values (a few
	// per term typed), so each value's hits are copied out in turn, the
	// parts in deck order.
	var scores []int
	total := 0
	for _, hits := range found {
		total += len(hits)
		for _, h := range hits {
			if !slices.Contains(scores, h.score) {
				scores = append(scores, h.score)
			}
		}
	}
	slices.Sort(scores)
	slices.Reverse(scores)
	ranks := make([]list.Rank, 0, total)
	for _, sc := range scores {
		for _, hits := range found {
			for _, h := range hits {
				if h.score == sc {
					ranks = append(ranks, h.rank)
				}
			}
		}
	}
	return ranks
}

// noteDelegate draws one note per line: cursor, number, bookmark, title
// (with filter matches), tags, difficulty and study state, never wider
// than the list.
type noteDelegate struct {
	c    *common
	rows *rowCache // drawn in Update; nil draws every row afresh
}

// rowCache holds the list's drawn note rows by deck index and selection.
// The list fills it in Update for the rows of the page (fillRows), so that
// View only copies them out; it is emptied whenever what a row shows may
// have changed, which stamp names.
type rowCache struct {
	stamp rowStamp
	rows  map[rowKey]string
}

// rowKey names a drawn row.
type rowKey struct {
	index    int
	selected bool
}

// rowStamp is what every row depends on besides its note and selection:
// the width, the filter's state, the study day (the due labels) and
// the list's generation, which setItems and restyle advance.
type rowStamp struct {
	width int
	// A row's filter highlights change with the matches (a new gen) or
	// when the filter is cleared, not as the term is typed: until the
	// search's result comes, the list shows the rows it had.
	filter list.FilterState
	day    int
	gen    int
}

// maxCachedRows bounds the cache: a few pages.
const maxCachedRows = 512

func (d noteDelegate) Height() int { return 1 }

func (d noteDelegate) Spacing() int { return 0 }

func (d noteDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

func (d noteDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	if ch, ok := item.(chapterItem); ok {
		_, _ = io.WriteString(w, d.chapterLine(ch, m.Width()))
		return
	}
	it, ok := item.(noteItem)
	if !ok {
		return
	}
	if d.rows != nil {
		if row, ok := d.rows.rows[rowKey{it.index, index == m.Index()}]; ok {
			_, _ = io.WriteString(w, row)
			return
		}
	}
	row, _ := d.drawRow(it, m.Width(), index == m.Index(), m.MatchesForItem(index))
	_, _ = io.WriteString(w, row)
}

// drawRow lays out one row in width cells and returns it with its width:
// width, unless the row is too narrow for its fixed parts.
func (d noteDelegate) drawRow(it noteItem, width int, selected bool, matches []int) (string, int) {
	c, s := d.c, d.c.styles
	numW := len(strconv.Itoa(len(c.deck.Notes)))

	cursor := "  "
	if selected {
		cursor = s.Cursor.Render("❯") + " "
	}
	num := s.Number.Render(fmt.Sprintf("%*d", numW, it.index+1)) + " "
	star := "  "
	if c.bookmarked(it.note.ID) {
		star = s.Star.Render("★") + " "
	}
	left := cursor + num + star

	kind, label := c.studyState(it.note.ID, c.now())
	right := " " + s.state(kind).Render(fmt.Sprintf("%*s", c.stateWidth(), label))
	if c.hasDifficulty {
		right = "  " + s.Difficulty.Render(difficultyMarker(it.note.Difficulty)) + right
	}

	avail := width - lipgloss.Width(left) - lipgloss.Width(right)
	if avail < 1 {
		out := truncate(left+right, width)
		return out, ansi.StringWidth(out)
	}
	title := it.note.Title
	titleW := min(ansi.StringWidth(title), avail)
	why := decodeWhy(matches)
	tags := ""
	const gap = 2
	if why.start >= 0 && len(why.title) == 0 && len(why.tags) == 0 {
		// Matched in the answer only: a snippet of it says why, in the
		// tags' place, the title giving up room for it if need be.
		const minSnippet, minTitle = 16, 8
		titleW = min(titleW, max(avail-gap-minSnippet, minTitle))
		if room := avail - titleW - gap; room >= minTagsWidth {
			_, _, lowerBody := cutFilterValue(it.FilterValue())
			tags = strings.Repeat(" ", gap) + snippet(it.note.Body, lowerBody, why.start, why.end, room, s.Tags, s.Match)
		}
	} else if len(it.note.Tags) > 0 {
		if room := avail - titleW - gap; room >= minTagsWidth {
			tags = strings.Repeat(" ", gap) + styledTags(it.note.Tags, why.tags, room, s.Tags, s.Match)
		}
	}
	base := s.Title
	if selected {
		base = s.SelTitle
	}
	mid := styleTitle(title, avail-lipgloss.Width(tags), why.title, base, s.Match) + tags
	pad := max(0, avail-lipgloss.Width(mid))
	return left + mid + strings.Repeat(" ", pad) + right, width
}

// chapterLine draws a chapter heading row: "── 架构 · 13 题 ──────".
func (d noteDelegate) chapterLine(ch chapterItem, width int) string {
	label := "── " + fmt.Sprintf(d.c.text.ChapterFmt, ch.name, ch.count) + " "
	label = truncate(label, width)
	rule := strings.Repeat("─", max(0, width-ansi.StringWidth(label)))
	return d.c.styles.Scope.Render(label) + d.c.styles.Counts.Render(rule)
}

// minTagsWidth is the narrowest tag column worth showing.
const minTagsWidth = 6

// styleTitle cuts title to width cells and styles it, marking the runes
// at the given rune indices as matches.
func styleTitle(title string, width int, matches []int, base, match lipgloss.Style) string {
	if width <= 0 {
		return ""
	}
	tail := ""
	if ansi.StringWidth(title) > width {
		title = ansi.Truncate(title, width-1, "")
		tail = "…"
	}
	n := utf8.RuneCountInString(title)
	var in []int
	for _, i := range matches {
		if i < n {
			in = append(in, i)
		}
	}
	var out string
	if len(in) > 0 {
		out = lipgloss.StyleRunes(title, in, match.Inherit(base), base)
	} else {
		out = base.Render(title)
	}
	if tail != "" {
		out += base.Render(tail)
	}
	return out
}

// deckHasDifficulty reports whether a note of d has a difficulty: the
// list then has a column for it.
func deckHasDifficulty(d *notes.Deck) bool {
	for _, n := range d.Notes {
		if n.Difficulty > 0 {
			return true
		}
	}
	return false
}

// difficultyMarker draws 1–3 as ●○○…●●●, and nothing for 0.
func difficultyMarker(d int) string {
	const levels = 3
	if d <= 0 {
		return strings.Repeat(" ", levels)
	}
	d = min(d, levels)
	return strings.Repeat("●", d) + strings.Repeat("○", levels-d)
}
