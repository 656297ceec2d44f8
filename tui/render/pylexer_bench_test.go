package render

import (
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// BenchmarkPythonLexer tokenises the deck's Python blocks with the
// hand-written lexer and with chroma's regexp one.
func BenchmarkPythonLexer(b *testing.B) {
	samples := pythonSamples(b)
	delete(samples, "python-corpus.py")
	for _, c := range []struct {
		name  string
		lexer chroma.Lexer
	}{{"hand", lexers.Get("python")}, {"chroma", chromaPython(b)}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				for _, src := range samples {
					it, err := c.lexer.Tokenise(nil, src)
					if err != nil {
						b.Fatal(err)
					}
					for tok := it(); tok != chroma.EOF; tok = it() {
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(samples)), "ns/block")
		})
	}
}

// BenchmarkPythonLexerAdversarial tokenises each 1 MiB adversarial input.
func BenchmarkPythonLexerAdversarial(b *testing.B) {
	for name, src := range adversarialPython(1 << 20) {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			for b.Loop() {
				it, err := lexers.Get("python").Tokenise(nil, src)
				if err != nil {
					b.Fatal(err)
				}
				for tok := it(); tok != chroma.EOF; tok = it() {
				}
			}
		})
	}
}
