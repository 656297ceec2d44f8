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
	width := fs.Int("width", 0, "`N` wrap at N columns, at least 20 (default: the terminal's width up to 100, else 80)")
	plain := fs.Bool("plain", false, "no colours or escape codes, even on a terminal (same as --color never)")
	color := fs.String("color", "auto", "`auto|always|never` colour: auto on a terminal unless NO_COLOR is set, or with CLICOLOR_FORCE=1")
	return func(r *runner, args []string) int {
		// One rule for --width: given, it is at least minWidth; 0 is
		// not a hidden way to ask for the default.
		set := false
		fs.Visit(func(f *flag.Flag) { set = set || f.Name == "width" })
		if set && *width < minWidth {
			return r.fail(exitUsage, "--width must be at least %d, not %d", minWidth, *width)
		}
		mode := *color
		switch mode {
		case "auto", "always", "never":
		default:
			return r.fail(exitUsage, "--color must be auto, always or never, not %q", mode)
		}
		if *plain {
			mode = "never"
		}
		return r.show(args[0], *width, mode)
	}
}

// show prints one note as the reading view renders it, its title as a
// heading. It does not open the store, so it works while the app runs.
// color is auto, always or never.
func (r *runner) show(id string, width int, color string) int {
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
	if color == "always" || color == "auto" && r.colour() {
		style, out = render.Dark, r.colourOut(color == "always")
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
