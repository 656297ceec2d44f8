package notes

import (
	"fmt"
	"strconv"
	"strings"
)

// Problem is one thing wrong with a deck file. Line is 1-based; 0 means the
// problem concerns the whole file (or, with an empty File, the whole deck).
type Problem struct {
	File string
	Line int
	Msg  string
}

// String formats p as "file:line: message", or "file: message" when Line is
// 0. Control characters are removed so a hostile file name or message cannot
// drive the terminal.
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(p.Line))
		}
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return stripControls(b.String())
}

// DeckError is the error Load returns when a deck has problems; Problems
// holds every one of them in file order.
type DeckError struct {
	Problems []Problem
}

// Error returns the first problem on one line, with a count of the rest.
func (e *DeckError) Error() string {
	switch len(e.Problems) {
	case 0:
		return "deck has problems"
	case 1:
		return e.Problems[0].String()
	case 2:
		return e.Problems[0].String() + " (and 1 more problem)"
	}
	return fmt.Sprintf("%s (and %d more problems)", e.Problems[0], len(e.Problems)-1)
}
