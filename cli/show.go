package cli

import (
	"flag"
	"io"
	"strings"

	"mianjing/tui/render"
)

// Widths of show's output.
const (
	defaultWidth = 80  // when stdout is not a terminal
	maxWidth     = 100 // the reading width the app caps notes at
	minWidth     = 20
)

func showFlags(fs *flag.FlagSet) func(*runner, []string) int {
	width := fs.Int("width", 0, "`N` wrap at N columns (default: the terminal's width up to 100, else 80)")
	plain := fs.Bool("plain", false, "no colours or escape codes, even on a terminal")
	return func(r *runner, args []string) int {
		if *width != 0 && *width < minWidth {
			return r.fail(exitUsage, "--width must be at least %d, not %d", minWidth, *width)
		}
		return r.show(args[0], *width, *plain)
	}
}

// show prints one note as the reading view renders it, its title as a
// heading. It does not open the store, so it works while the app runs.
func (r *runner) show(id string, width int, plain bool) int {
	d, code := r.deck()
	if d == nil {
		return code
	}
	n, code := r.findNote(d, id)
	if n == nil {
		return code
	}
	if width == 0 {
		width = r.width(defaultWidth, maxWidth)
	}
	style, out := render.Plain, r.env.Stdout
	if !plain && r.colour() {
		style, out = render.Dark, r.colourOut()
		if !r.darkBackground() {
			style = render.Light
		}
	}
	md := "# " + escapeMarkdown(n.Title) + "\n\n" + n.Body
	text, err := render.New().Render(md, width, style)
	if err != nil {
		return r.fail(exitError, "%s: %s", id, err)
	}
	if _, err := io.WriteString(out, text+"\n"); err != nil {
		return r.fail(exitError, "%s", err)
	}
	return exitOK
}

// escapeMarkdown backslash-escapes the ASCII punctuation markdown could
// read as markup, so a title prints as written.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, c := range s {
		if strings.ContainsRune("\\`*_{}[]()<>#+-.!|~", c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}
