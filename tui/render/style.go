package render

import (
	"reflect"

	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// styleConfig returns glamour's dark, light or notty style adjusted for
// reading: headings drawn by weight and colour, not by their "#" marks (h2
// with a bar, h3 bold), and Plain without markdown's emphasis and code
// marks, so that text without colour reads as text, not as source. Without
// highlight, code blocks are drawn in one colour, with no lexer at all.
func styleConfig(style Style, highlight bool) ansi.StyleConfig {
	c := baseConfig(style)
	// Each style highlights with its own registered theme (see chromaThemes).
	c.CodeBlock.Chroma = nil
	c.CodeBlock.Theme = ""
	if highlight && style != Plain {
		c.CodeBlock.Theme = chromaThemes[style]
	}
	return c
}

// baseConfig is styleConfig before its highlighting is chosen: glamour's
// config adjusted for reading, every colour readable on a black (Dark) or
// white (Light) page.
func baseConfig(style Style) ansi.StyleConfig {
	var c ansi.StyleConfig
	switch style {
	case Light:
		c = styles.LightStyleConfig
	case Plain:
		c = styles.NoTTYStyleConfig
	default:
		c = styles.DarkStyleConfig
	}
	bold := true
	c.H1.Prefix, c.H1.Suffix = "", ""
	c.H2.Prefix = "▌ "
	c.H3.Prefix, c.H3.Bold = "", &bold
	c.H4.Prefix, c.H5.Prefix, c.H6.Prefix = "", "", ""
	if style != Plain {
		// The dark and light H1 sit on a coloured band; a space keeps
		// the text off its edge.
		c.H1.Prefix, c.H1.Suffix = " ", " "
	}
	if style == Plain {
		c.Strong.BlockPrefix, c.Strong.BlockSuffix = "", ""
		c.Emph.BlockPrefix, c.Emph.BlockSuffix = "", ""
		c.Strikethrough.BlockPrefix, c.Strikethrough.BlockSuffix = "", ""
		c.Code.BlockPrefix, c.Code.BlockSuffix = "", ""
	}
	switch style {
	case Dark, Light:
		page := darkPage
		if style == Light {
			page = lightPage
		}
		// The configs are glamour's package variables: copy what is
		// changed in place.
		if ch := c.CodeBlock.Chroma; ch != nil {
			cp := *ch
			cp.Background = ansi.StylePrimitive{} // chroma's terminal output ignores it
			c.CodeBlock.Chroma = &cp
		}
		// Body text in the terminal's own foreground (glamour sets a grey):
		// readable on any background, reported or not, and cheaper to draw
		// on a 256-colour terminal.
		c.Document.Color = nil
		readableColors(reflect.ValueOf(&c).Elem(), page)
	}
	return c
}
