package render

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// chromaPython is chroma's own regexp Python lexer, read from the vendored
// XML, which the registry no longer returns.
func chromaPython(t testing.TB) chroma.Lexer {
	t.Helper()
	l, err := chroma.NewXMLLexer(os.DirFS("chroma/lexers"), "embedded/python.xml")
	if err != nil {
		t.Fatal(err)
	}
	// Without a match timeout: chroma's 250 ms one fired under -race on a
	// loaded CI machine, and a rule that times out counts as not matching,
	// which made the reference type "return" as a name.
	return l.SetMatchTimeout(time.Duration(math.MaxInt64))
}

// runeTypes tokenises src and returns the token type of every rune.
func runeTypes(t testing.TB, l chroma.Lexer, src string) []chroma.TokenType {
	t.Helper()
	it, err := l.Tokenise(nil, src)
	if err != nil {
		t.Fatal(err)
	}
	var out []chroma.TokenType
	for tok := it(); tok != chroma.EOF; tok = it() {
		for range utf8.RuneCountInString(tok.Value) {
			out = append(out, tok.Type)
		}
	}
	return out
}

// pythonSamples are the deck's Python blocks and the feature corpus.
func pythonSamples(t testing.TB) map[string]string {
	t.Helper()
	samples := map[string]string{}
	corpus, err := os.ReadFile("testdata/python-corpus.py")
	if err != nil {
		t.Fatal(err)
	}
	samples["python-corpus.py"] = string(corpus)
	files, err := filepath.Glob("../../notes/deck/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no deck notes: %v", err)
	}
	block := regexp.MustCompile("(?s)```python\n(.*?)```")
	for _, f := range files {
		md, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, m := range block.FindAllStringSubmatch(string(md), -1) {
			samples[fmt.Sprintf("%s#%d", filepath.Base(f), i)] = m[1]
		}
	}
	return samples
}

// comparePython reports the first rune of src to which lexer gives another
// token type than ref, or "".
func comparePython(t testing.TB, ref, lexer chroma.Lexer, src string) string {
	t.Helper()
	want := runeTypes(t, ref, src)
	got := runeTypes(t, lexer, src)
	runes := []rune(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(src))
	if len(got) != len(runes) || len(want) != len(runes) {
		return fmt.Sprintf("%d runes typed, chroma %d, source %d", len(got), len(want), len(runes))
	}
	for i := range runes {
		if got[i] != want[i] {
			lo, hi := max(0, i-20), min(len(runes), i+20)
			return fmt.Sprintf("rune %d %q: %s, chroma %s, in %q", i, runes[i], got[i], want[i], string(runes[lo:hi]))
		}
	}
	return ""
}

// The hand-written lexer gives every rune of the deck's code and of a corpus
// of Python features the token type chroma's regexp lexer gives it.
func TestPythonLexerMatchesChroma(t *testing.T) {
	if _, ok := lexers.Get("python").(*pyLexer); !ok {
		t.Fatalf("lexers.Get(python) = %T, want the hand-written lexer", lexers.Get("python"))
	}
	ref := chromaPython(t)
	if got, want := lexers.Get("python").Config(), ref.Config(); !reflect.DeepEqual(got, want) {
		t.Errorf("config %+v, python.xml's %+v", got, want)
	}
	for name, src := range pythonSamples(t) {
		if diff := comparePython(t, ref, lexers.Get("python"), src); diff != "" {
			t.Errorf("%s: %s", name, diff)
		}
	}
}

// The comparison notices a lexer that types a rune differently.
func TestComparePythonCatchesDifferences(t *testing.T) {
	ref := chromaPython(t)
	src := "def f(x):\n    return x + 1  # 注释\n"
	if diff := comparePython(t, ref, ref, src); diff != "" {
		t.Fatalf("chroma differs from itself: %s", diff)
	}
	if diff := comparePython(t, ref, lexers.Get("go"), src); !strings.Contains(diff, "rune ") {
		t.Errorf("the Go lexer on Python code was not caught: %q", diff)
	}
}

func FuzzPythonLexer(f *testing.F) {
	for _, src := range pythonSamples(f) {
		f.Add(src)
	}
	for _, s := range []string{"", "'", "f'{", "f'{x!r:", "\"\"\"", "0x", "1e", "@", "\\", "from", "import ", "class ", "def\\\n f", "'\\N{", "%(", "{a[}"} {
		f.Add(s)
	}
	ref := chromaPython(f)
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		// No text lost or added, in order.
		if got, want := pythonSpelled(t, src), strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(src); got != want {
			t.Fatalf("tokens spell %q, want %q", got, want)
		}
		if diff := comparePython(t, ref, lexers.Get("python"), src); diff != "" {
			t.Fatal(diff)
		}
	})
}

// adversarialPython are inputs of about n bytes that make a naive scanner
// quadratic: every { or \N{ starting a search for a closer that never
// comes, deep f-string nesting, one endless line.
func adversarialPython(n int) map[string]string {
	rep := func(s string) string { return strings.Repeat(s, n/len(s)) }
	return map[string]string{
		"format fields without ]": `"` + rep("{a["),
		"named escapes without }": `"` + rep(`\N{`),
		"f-string nesting":        `f"` + rep("{("),
		"decorator chain":         "@" + rep("a . "),
		"triple quotes":           rep(`"""x`),
		"one long comment":        "#" + rep("注"),
		"operators":               rep("<<=!"),
	}
}

// The lexer keeps every byte of inputs that would make a naive scanner
// search the rest of the text at every character (see
// BenchmarkPythonLexerAdversarial for the times).
func TestPythonLexerAdversarialInput(t *testing.T) {
	// 256 KiB: a quadratic scan would take minutes.
	for name, src := range adversarialPython(1 << 18) {
		if pythonSpelled(t, src) != src {
			t.Errorf("%s: the tokens do not spell the input", name)
		}
	}
}

// pythonSpelled joins the values of the Python lexer's tokens for src.
func pythonSpelled(t testing.TB, src string) string {
	t.Helper()
	it, err := lexers.Get("python").Tokenise(nil, src)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for tok := it(); tok != chroma.EOF; tok = it() {
		b.WriteString(tok.Value)
	}
	return b.String()
}
