package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// The vendored chroma registers its XML lexers from a generated index; a
// stale index would route code blocks to the wrong lexer or none.
func TestChromaLexerIndexMatchesXML(t *testing.T) {
	if err := lexers.CheckIndex(); err != nil {
		t.Fatal(err)
	}
}

// Lexers and styles are loaded on first use: they must still be found by
// name, alias and content, and tokenise.
func TestChromaLazyRegistries(t *testing.T) {
	for name, want := range map[string]string{"python": "Python", "py": "Python", "Go": "Go", "bash": "Bash", "yaml": "YAML", "json": "JSON"} {
		l := lexers.Get(name)
		if l == nil || l.Config().Name != want {
			t.Errorf("lexers.Get(%q) = %v, want %s", name, l, want)
		}
	}
	it, err := lexers.Get("python").Tokenise(nil, "def f(x):\n    return x\n")
	if err != nil {
		t.Fatal(err)
	}
	var kinds []chroma.TokenType
	for tok := it(); tok != chroma.EOF; tok = it() {
		kinds = append(kinds, tok.Type)
	}
	if !slices.Contains(kinds, chroma.Keyword) || !slices.Contains(kinds, chroma.NameFunction) {
		t.Errorf("python tokens %v lack a keyword or a function name", kinds)
	}
	if l := lexers.Analyse("#!/usr/bin/env bash\necho hi\n"); l == nil || l.Config().Name != "Bash" {
		t.Errorf("Analyse(bash script) = %v, want Bash", l)
	}

	if s := styles.Get("monokai"); s == styles.Fallback || s.Name != "monokai" {
		t.Errorf("styles.Get(monokai) = %s, want monokai", s.Name)
	}
	names := styles.Names()
	if len(names) < 64 || !slices.Contains(names, "swapoff") || !slices.Contains(names, "dracula") {
		t.Errorf("styles.Names() = %d names %v, want the 64 embedded ones", len(names), names)
	}
	if s := styles.Get("no such style"); s != styles.Fallback {
		t.Errorf("unknown style gave %s, want the fallback", s.Name)
	}
}

// The 256-colour formatter maps each style colour to the same palette entry
// every time, even where two entries are equally close (upstream took
// whichever its map iteration met first), so renderings are repeatable.
func TestChromaTerminal256IsRepeatable(t *testing.T) {
	src := "def f(x):\n    return x + 1  # note\n"
	lexer := lexers.Get("python")
	format := func(style *chroma.Style) string {
		it, err := lexer.Tokenise(nil, src)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := formatters.TTY256.Format(&b, style, it); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, name := range styles.Names() {
		base := styles.Get(name)
		want := format(base)
		for range 20 {
			// A copy is a new style to the formatter's cache, so the
			// colours are matched again.
			style, err := base.Builder().Build()
			if err != nil {
				t.Fatal(err)
			}
			if got := format(style); got != want {
				t.Fatalf("style %s: formatted %q, then %q", name, want, got)
			}
		}
	}
}
