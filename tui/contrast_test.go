package tui

import (
	"image/color"
	"mianjing/tui/render"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// render.RGB is a colour as the terminal shows it.
// pen is the SGR state the text after it is drawn with; nil colours are the
// terminal's defaults.
type pen struct {
	fg, bg  *render.RGB
	reverse bool
}

// apply updates p with the parameters of one SGR sequence.
func (p *pen) apply(params string) {
	ps := strings.FieldsFunc(params, func(r rune) bool { return r == ';' || r == ':' })
	if params == "" {
		ps = []string{"0"}
	}
	num := func(i int) int {
		if i >= len(ps) {
			return 0
		}
		n, _ := strconv.Atoi(ps[i])
		return n
	}
	for i := 0; i < len(ps); i++ {
		n := num(i)
		// extended reads "5;n" or "2;r;g;b" after 38, 48 or 58.
		extended := func() *render.RGB {
			switch num(i + 1) {
			case 5:
				c := render.Palette256(num(i + 2))
				i += 2
				return &c
			case 2:
				c := render.RGB{R: uint8(num(i + 2)), G: uint8(num(i + 3)), B: uint8(num(i + 4))}
				i += 4
				return &c
			}
			i++
			return nil
		}
		switch {
		case n == 0:
			*p = pen{}
		case n == 7:
			p.reverse = true
		case n == 27:
			p.reverse = false
		case n >= 30 && n <= 37:
			c := render.ANSI16[n-30]
			p.fg = &c
		case n >= 90 && n <= 97:
			c := render.ANSI16[n-90+8]
			p.fg = &c
		case n == 39:
			p.fg = nil
		case n >= 40 && n <= 47:
			c := render.ANSI16[n-40]
			p.bg = &c
		case n >= 100 && n <= 107:
			c := render.ANSI16[n-100+8]
			p.bg = &c
		case n == 49:
			p.bg = nil
		case n == 38:
			p.fg = extended()
		case n == 48:
			p.bg = extended()
		case n == 58:
			extended()
		}
	}
}

// lowContrast returns the text of content drawn with less than 4.5:1
// contrast against its background, on a terminal whose default colours are
// fg on bg, each with its ratio.
func lowContrast(content string, fg, bg render.RGB) []string {
	var bad []string
	seen := map[string]bool{}
	var p pen
	var run strings.Builder
	var runRatio float64
	flush := func() {
		ratio := strconv.FormatFloat(runRatio, 'f', 2, 64) + ":1"
		if s := strings.TrimSpace(run.String()); s != "" && !seen[ratio] {
			// One example of each colour is enough to find its style.
			seen[ratio] = true
			bad = append(bad, strconv.Quote(s)+" "+ratio)
		}
		run.Reset()
	}
	parser := ansi.NewParser()
	state := byte(0)
	for len(content) > 0 {
		seq, _, n, newState := ansi.DecodeSequence(content, state, parser)
		state = newState
		content = content[n:]
		if ansi.HasCsiPrefix(seq) && strings.HasSuffix(seq, "m") {
			flush()
			p.apply(strings.TrimSuffix(strings.TrimPrefix(seq, "\x1b["), "m"))
			continue
		}
		if strings.TrimSpace(seq) == "" || seq[0] == ansi.ESC {
			continue
		}
		f, b := fg, bg
		if p.fg != nil {
			f = *p.fg
		}
		if p.bg != nil {
			b = *p.bg
		}
		if p.reverse {
			f, b = b, f
		}
		if r := render.ContrastRatio(f, b); r < 4.5 {
			if run.Len() > 0 && r != runRatio {
				flush()
			}
			runRatio = r
			run.WriteString(seq)
		} else {
			flush()
		}
	}
	flush()
	return bad
}

// TestScreensContrast renders each screen on a light and on a dark terminal
// and checks that every character is drawn with at least 4.5:1 contrast
// against its background (WCAG AA), counting the xterm palette for 256-colour
// and basic colours.
func TestScreensContrast(t *testing.T) {
	white, black := render.RGB{R: 255, G: 255, B: 255}, render.RGB{}
	backgrounds := []struct {
		name   string
		bg, fg render.RGB
		msg    color.Color
	}{
		{"light", white, black, color.White},
		{"dark", black, white, color.Black},
	}
	screens := []struct {
		name string
		keys []string
	}{
		{"list", nil},
		{"list help", []string{"?"}},
		{"filter", []string{"/", "注意"}},
		{"reading", []string{"enter"}},
		{"reading help", []string{"enter", "?"}},
		{"self-test", []string{"s"}},
		{"self-test revealed", []string{"s", "tab"}},
		{"stats", []string{"S"}},
	}
	for _, b := range backgrounds {
		for _, s := range screens {
			d := newDriver(t, Options{}, 100, 30)
			d.send(tea.BackgroundColorMsg{Color: b.msg})
			for _, k := range s.keys {
				if strings.ContainsFunc(k, func(r rune) bool { return r > 0x7f }) {
					d.typeText(k)
				} else {
					d.keys(k)
				}
			}
			if bad := lowContrast(d.m.View().Content, b.fg, b.bg); len(bad) > 0 {
				t.Errorf("%s background, %s: text under 4.5:1:\n  %s", b.name, s.name, strings.Join(bad, "\n  "))
			}
		}
	}
}
