package render

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"charm.land/glamour/v2/ansi"
	"github.com/alecthomas/chroma/v2"
	chromastyles "github.com/alecthomas/chroma/v2/styles"
)

// minContrast is the contrast every text colour of a style keeps against the
// background it is made for: WCAG AA's 4.5:1, with a margin for the
// 256-colour palette the highlighter rounds to.
const minContrast = 4.8

// RGB is a colour as a terminal shows it.
type RGB struct{ R, G, B uint8 }

// Page backgrounds the Dark and Light styles are made readable on.
var (
	darkPage  = RGB{0, 0, 0}
	lightPage = RGB{255, 255, 255}
)

// chromaThemes are the names the highlighting themes are registered under,
// one per style: glamour registers a single "charm" theme, from whichever
// style highlights first, and uses it for every style after that.
var chromaThemes = [Plain]string{Dark: "mianjing-dark", Light: "mianjing-light"}

func init() {
	for _, st := range []Style{Dark, Light} {
		c := baseConfig(st)
		chromastyles.Register(chroma.MustNewStyle(chromaThemes[st], chromaEntries(c.CodeBlock.Chroma)))
	}
}

// readableColors changes, in place, every colour of the style config v
// points to that is drawn with too little contrast against its own
// background or else page: it is moved toward black or white until it has.
func readableColors(v reflect.Value, page RGB) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			readableColors(v.Elem(), page)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[ansi.StylePrimitive]() {
			p := v.Addr().Interface().(*ansi.StylePrimitive)
			bg := page
			if p.BackgroundColor != nil {
				if c, ok := parseColor(*p.BackgroundColor); ok {
					bg = c
				}
			}
			if p.Color != nil {
				if c, ok := parseColor(*p.Color); ok && ContrastRatio(c, bg) < minContrast {
					s := readable(c, bg).hex()
					p.Color = &s
				}
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				readableColors(v.Field(i), page)
			}
		}
	}
}

// readable returns fg moved toward black (on a light bg) or white until it
// has minContrast against bg.
func readable(fg, bg RGB) RGB {
	target := 0.0
	if luminance(bg) < 0.18 {
		target = 255
	}
	mix := func(v uint8, t float64) uint8 { return uint8(math.Round(float64(v) + (target-float64(v))*t)) }
	for t := 0.05; t < 1; t += 0.05 {
		c := RGB{mix(fg.R, t), mix(fg.G, t), mix(fg.B, t)}
		if ContrastRatio(c, bg) >= minContrast {
			return c
		}
	}
	return RGB{uint8(target), uint8(target), uint8(target)}
}

// parseColor reads "#rrggbb", "#RGB" or an xterm palette index.
func parseColor(s string) (RGB, bool) {
	if h, ok := strings.CutPrefix(s, "#"); ok {
		if len(h) == 3 {
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		}
		n, err := strconv.ParseUint(h, 16, 32)
		if len(h) != 6 || err != nil {
			return RGB{}, false
		}
		return RGB{uint8(n >> 16), uint8(n >> 8), uint8(n)}, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 255 {
		return RGB{}, false
	}
	return Palette256(n), true
}

// ANSI16 is xterm's default palette for the 16 basic colours.
var ANSI16 = [16]RGB{
	{0, 0, 0}, {205, 0, 0}, {0, 205, 0}, {205, 205, 0}, {0, 0, 238}, {205, 0, 205}, {0, 205, 205}, {229, 229, 229},
	{127, 127, 127}, {255, 0, 0}, {0, 255, 0}, {255, 255, 0}, {92, 92, 255}, {255, 0, 255}, {0, 255, 255}, {255, 255, 255},
}

// Palette256 returns colour n of the xterm 256-colour palette, the
// colours the contrast checks assume.
func Palette256(n int) RGB {
	switch {
	case n < 16:
		return ANSI16[n]
	case n < 232:
		n -= 16
		level := func(i int) uint8 {
			if i == 0 {
				return 0
			}
			return uint8(55 + 40*i)
		}
		return RGB{level(n / 36), level(n / 6 % 6), level(n % 6)}
	default:
		g := uint8(8 + 10*(n-232))
		return RGB{g, g, g}
	}
}

func (c RGB) hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// luminance is the WCAG relative luminance of c.
func luminance(c RGB) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// ContrastRatio is the WCAG contrast ratio of two colours.
func ContrastRatio(a, b RGB) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// chromaEntries turns glamour's highlighting config into chroma's entries,
// as glamour does for its "charm" theme.
func chromaEntries(c *ansi.Chroma) chroma.StyleEntries {
	if c == nil {
		return chroma.StyleEntries{}
	}
	return chroma.StyleEntries{
		chroma.Text: chromaStyle(c.Text), chroma.Error: chromaStyle(c.Error),
		chroma.Comment: chromaStyle(c.Comment), chroma.CommentPreproc: chromaStyle(c.CommentPreproc),
		chroma.Keyword: chromaStyle(c.Keyword), chroma.KeywordReserved: chromaStyle(c.KeywordReserved),
		chroma.KeywordNamespace: chromaStyle(c.KeywordNamespace), chroma.KeywordType: chromaStyle(c.KeywordType),
		chroma.Operator: chromaStyle(c.Operator), chroma.Punctuation: chromaStyle(c.Punctuation),
		chroma.Name: chromaStyle(c.Name), chroma.NameBuiltin: chromaStyle(c.NameBuiltin),
		chroma.NameTag: chromaStyle(c.NameTag), chroma.NameAttribute: chromaStyle(c.NameAttribute),
		chroma.NameClass: chromaStyle(c.NameClass), chroma.NameConstant: chromaStyle(c.NameConstant),
		chroma.NameDecorator: chromaStyle(c.NameDecorator), chroma.NameException: chromaStyle(c.NameException),
		chroma.NameFunction: chromaStyle(c.NameFunction), chroma.NameOther: chromaStyle(c.NameOther),
		chroma.Literal: chromaStyle(c.Literal), chroma.LiteralNumber: chromaStyle(c.LiteralNumber),
		chroma.LiteralDate: chromaStyle(c.LiteralDate), chroma.LiteralString: chromaStyle(c.LiteralString),
		chroma.LiteralStringEscape: chromaStyle(c.LiteralStringEscape), chroma.GenericDeleted: chromaStyle(c.GenericDeleted),
		chroma.GenericEmph: chromaStyle(c.GenericEmph), chroma.GenericInserted: chromaStyle(c.GenericInserted),
		chroma.GenericStrong: chromaStyle(c.GenericStrong), chroma.GenericSubheading: chromaStyle(c.GenericSubheading),
	}
}

// chromaStyle writes one primitive as a chroma style entry.
func chromaStyle(p ansi.StylePrimitive) string {
	var parts []string
	if p.Color != nil {
		parts = append(parts, *p.Color)
	}
	if p.BackgroundColor != nil {
		parts = append(parts, "bg:"+*p.BackgroundColor)
	}
	for _, a := range []struct {
		on   *bool
		name string
	}{{p.Italic, "italic"}, {p.Bold, "bold"}, {p.Underline, "underline"}} {
		if a.on != nil && *a.on {
			parts = append(parts, a.name)
		}
	}
	return strings.Join(parts, " ")
}
