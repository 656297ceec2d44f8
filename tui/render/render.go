// Package render turns a note's markdown into terminal text with glamour,
// set properly for Chinese: CJK line breaking, hanging indents, no orphan
// list markers.
package render

import "errors"

// Style picks the colours of the output.
type Style int

// Styles: Dark and Light for terminal backgrounds, Plain for no colour.
const (
	Dark Style = iota
	Light
	Plain
)

// Renderer renders markdown; it is safe for concurrent use.
type Renderer struct{}

// New returns a Renderer.
func New() *Renderer { return &Renderer{} }

// Render returns markdown rendered to lines no wider than width cells.
func (r *Renderer) Render(markdown string, width int, style Style) (string, error) {
	return "", errors.New("render: not implemented yet")
}
