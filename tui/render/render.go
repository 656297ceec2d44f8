// Package render turns a note's markdown into terminal text with glamour,
// set properly for Chinese: CJK line breaking, hanging indents, no orphan
// list markers.
//
// glamour renders without wrapping (WithWordWrap(0)); every output line is
// then wrapped by WrapLine. Tables are laid out by this package at the target
// width, and soft line breaks between CJK characters are removed before
// glamour sees the text.
package render

import (
	"container/list"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark/parser"
)

// Style picks the colours of the output.
type Style int

// Styles: Dark and Light for terminal backgrounds, Plain for no colour.
const (
	Dark Style = iota
	Light
	Plain
)

// String returns the style's name.
func (s Style) String() string {
	switch s {
	case Dark:
		return "dark"
	case Light:
		return "light"
	case Plain:
		return "plain"
	}
	return "Style(" + strconv.Itoa(int(s)) + ")"
}

// cacheSize is how many (markdown, style) pairs a Renderer remembers
// glamour's output for: it does not depend on the width, so a resize or a
// return to a note only wraps lines again.
const cacheSize = 64

// Renderer renders markdown; it is safe for concurrent use. It keeps one
// glamour renderer per style, built on first use, and glamour's output for
// the last cacheSize documents.
type Renderer struct {
	// glamour pools renderers (not safe for concurrent use) by style and
	// highlighting: a render abandoned after its timeout keeps its own.
	glamour [Plain + 1][2]sync.Pool // of *glamour.TermRenderer
	parsers sync.Pool               // of parser.Parser

	// timeout bounds a highlighted render; past it the note is rendered
	// without highlighting. beforeHighlight, when set, runs first (tests).
	timeout         time.Duration
	beforeHighlight func()

	mu       sync.Mutex
	maxCache int                        // 0 turns the cache off (benchmarks)
	cache    map[cacheKey]*list.Element // of *cacheEntry
	order    *list.List                 // most recently used first
}

type cacheKey struct {
	style    Style
	markdown string
}

// cacheEntry is glamour's output for one document, shared read-only.
type cacheEntry struct {
	key   cacheKey
	prep  prepared
	lines []string
	code  []bool // lines[i] is a line of a code block
}

// New returns a Renderer.
func New() *Renderer {
	r := &Renderer{
		maxCache: cacheSize,
		timeout:  RenderTimeout,
		cache:    map[cacheKey]*list.Element{},
		order:    list.New(),
	}
	r.parsers.New = func() any { return newParser() }
	return r
}

// Render returns markdown rendered to lines no wider than width cells (the
// 2-column document margin included), joined with "\n", without trailing
// spaces and without blank lines at either end; Plain output holds no escape
// codes. Only at width 1 can a line be wider: it holds one character two
// cells wide. Render fails on a width below 1 or an unknown style.
func (r *Renderer) Render(markdown string, width int, style Style) (string, error) {
	pieces, err := r.render(markdown, width, style)
	if err != nil {
		return "", err
	}
	var lines []string
	for _, p := range pieces {
		lines = append(lines, p.lines...)
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n"), nil
}

// piece is the output of one line of glamour's output (src) or of a table.
type piece struct {
	src   string
	table bool
	code  bool
	lines []string
}

// render returns the rendered pieces in order; Render joins their lines.
func (r *Renderer) render(markdown string, width int, style Style) ([]piece, error) {
	if style < Dark || style > Plain {
		return nil, fmt.Errorf("render: unknown style %d", int(style))
	}
	if width < 1 {
		return nil, fmt.Errorf("render: width must be at least 1, got %d", width)
	}
	e, err := r.glamourLines(markdown, style)
	if err != nil {
		return nil, err
	}
	prep := e.prep
	pieces := make([]piece, 0, len(e.lines))
	mark := codeMark
	if style != Plain {
		mark = ansi.Style{}.Faint().String() + codeMark + ansi.ResetStyle
	}
	for i, line := range e.lines {
		if e.code[i] {
			lines, _ := wrapLine(line, width, wrapCode, mark)
			pieces = append(pieces, piece{src: line, code: true, lines: lines})
			continue
		}
		if len(prep.tables) > 0 && strings.Contains(line, prep.marker) {
			if i, margin, ok := tablePlace(line, prep.marker, len(prep.tables)); ok {
				pieces = append(pieces, piece{src: line, table: true, lines: layoutTable(prep.tables[i], width, style, margin)})
				continue
			}
		}
		lines, _ := wrapLine(line, width, wrapText)
		pieces = append(pieces, piece{src: line, lines: lines})
	}
	return pieces, nil
}

// glamourLines returns glamour's output lines for markdown (escape codes
// stripped for Plain), from the cache when it has them.
func (r *Renderer) glamourLines(markdown string, style Style) (*cacheEntry, error) {
	key := cacheKey{style, markdown}
	r.mu.Lock()
	if el, ok := r.cache[key]; ok {
		r.order.MoveToFront(el)
		r.mu.Unlock()
		return el.Value.(*cacheEntry), nil
	}
	r.mu.Unlock()

	p := r.parsers.Get().(parser.Parser)
	prep := prepare(p, limitNesting(markdown))
	r.parsers.Put(p)
	out, err := r.glamourRender(prep.src, style)
	if err != nil {
		return nil, err
	}
	if prep.indent != 0 {
		out = strings.ReplaceAll(out, string(prep.indent), " ")
	}
	lines := strings.Split(out, "\n")
	if style == Plain {
		for i, l := range lines {
			// Strip leaves an ESC that starts no complete sequence.
			lines[i] = strings.ReplaceAll(ansi.Strip(l), "\x1b", "")
		}
	}
	e := &cacheEntry{key: key, prep: prep, lines: lines, code: codeLines(lines, prep.code)}

	r.mu.Lock()
	defer r.mu.Unlock()
	if r.maxCache <= 0 {
		return e, nil
	}
	if el, ok := r.cache[key]; ok { // another goroutine was quicker
		r.order.MoveToFront(el)
		return el.Value.(*cacheEntry), nil
	}
	r.cache[key] = r.order.PushFront(e)
	for r.order.Len() > r.maxCache {
		old := r.order.Back()
		r.order.Remove(old)
		delete(r.cache, old.Value.(*cacheEntry).key)
	}
	return e, nil
}

// codeLines reports which of glamour's output lines belong to code blocks:
// it finds the blocks' lines, in order, as lines holding nothing else but
// indent and quote bars.
func codeLines(lines []string, blocks [][]string) []bool {
	code := make([]bool, len(lines))
	if len(blocks) == 0 {
		return code
	}
	plain := make([]string, len(lines))
	for i, l := range lines {
		plain[i] = strings.TrimRight(ansi.Strip(l), " ")
	}
	at := 0
	for _, block := range blocks {
		first := 0
		for first < len(block) && strings.TrimSpace(block[first]) == "" {
			first++
		}
		if first == len(block) {
			continue
		}
		body := block[first:]
		for i := at; i+len(body) <= len(plain); i++ {
			if !isCodeLine(plain[i], body[0]) {
				continue
			}
			k := 1
			for k < len(body) && isCodeLine(plain[i+k], body[k]) {
				k++
			}
			if k == len(body) {
				for j := range body {
					code[i+j] = true
				}
				at = i + len(body)
				break
			}
		}
	}
	return code
}

// isCodeLine reports whether out (stripped, without trailing spaces) is code
// line src drawn after an indent and quote bars.
func isCodeLine(out, src string) bool {
	src = strings.TrimRight(src, " ")
	lead, ok := strings.CutSuffix(out, src)
	return ok && strings.Trim(lead, " │|") == ""
}

// tablePlace returns i if line is the placeholder paragraph of table i, and
// the margin to draw the table after: what glamour wrote before the
// placeholder (the document margin, a list item's indent, quote bars).
func tablePlace(line, marker string, n int) (i int, margin string, ok bool) {
	at := strings.Index(line, marker)
	if at < 0 {
		return 0, "", false
	}
	raw := line[:at]
	margin = ansi.Strip(raw)
	if strings.Trim(margin, " │|") != "" {
		return 0, "", false // text before the marker: not a placeholder
	}
	i, err := strconv.Atoi(strings.TrimSpace(ansi.Strip(line[at+len(marker):])))
	if err != nil || i < 0 || i >= n {
		return 0, "", false
	}
	if strings.Trim(margin, " ") != "" && raw != margin {
		// Quote bars keep their colour; the style open after them ends.
		margin = raw + ansi.ResetStyle
	}
	return i, margin, true
}

// RenderTimeout is how long a highlighted render may take before the note
// is shown without highlighting: a regexp lexer on a pathological code block
// must never hang the screen.
const RenderTimeout = time.Second

// glamourRender renders src with glamour in style, without word wrapping:
// highlighted if that finishes within r.timeout, else without highlighting.
func (r *Renderer) glamourRender(src string, style Style) (string, error) {
	type result struct {
		out string
		err error
	}
	done := make(chan result, 1) // buffered: an abandoned render still ends
	go func() {
		if r.beforeHighlight != nil {
			r.beforeHighlight()
		}
		out, err := r.glamourWith(src, style, true)
		done <- result{out, err}
	}()
	timer := time.NewTimer(r.timeout)
	defer timer.Stop()
	select {
	case res := <-done:
		return res.out, res.err
	case <-timer.C:
		return r.glamourWith(src, style, false)
	}
}

// glamourWith renders src with a pooled glamour renderer. A panic inside
// glamour becomes an error, so that a strange note cannot bring the TUI
// down; the renderer it happened in is dropped.
func (r *Renderer) glamourWith(src string, style Style, highlight bool) (out string, err error) {
	h := 0
	if highlight {
		h = 1
	}
	pool := &r.glamour[style][h]
	tr, _ := pool.Get().(*glamour.TermRenderer)
	if tr == nil {
		tr, err = glamour.NewTermRenderer(
			glamour.WithStyles(styleConfig(style, highlight)),
			glamour.WithWordWrap(0),
		)
		if err != nil {
			return "", fmt.Errorf("render: creating the %s glamour renderer: %w", style, err)
		}
	}
	defer func() {
		if p := recover(); p != nil {
			out, err = "", fmt.Errorf("render: glamour panicked (%s style): %v", style, p)
		}
	}()
	out, err = tr.Render(src)
	if err != nil {
		// A failed render may leave the renderer's block stack dirty.
		return "", fmt.Errorf("render: glamour (%s style): %w", style, err)
	}
	pool.Put(tr)
	return out, nil
}
