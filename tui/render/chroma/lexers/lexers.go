package lexers

import (
	"embed"
	"fmt"
	"io/fs"
	"reflect"

	"github.com/alecthomas/chroma/v2"
)

//go:generate go run genindex.go

//go:embed embedded
var embedded embed.FS

// GlobalLexerRegistry is the global LexerRegistry of Lexers.
//
// mianjing patch: the embedded XML lexers are registered from index (see
// genindex.go) instead of by parsing every file, which cost 8 ms and 2 MB at
// every program start; each file is read when its lexer is first used.
var GlobalLexerRegistry = func() *chroma.LexerRegistry {
	reg := chroma.NewLexerRegistry()
	for _, e := range index {
		reg.Register(chroma.NewIndexedXMLLexer(embedded, e.path, e.config))
	}
	return reg
}()

// indexEntry is one embedded XML lexer: its file and its config.
type indexEntry struct {
	path   string
	config *chroma.Config
}

// CheckIndex parses every embedded XML lexer and reports the first whose
// file is missing from the index or whose config differs from it, or an
// index entry without a file (mianjing patch; for tests).
func CheckIndex() error {
	paths, err := fs.Glob(embedded, "embedded/*.xml")
	if err != nil {
		return err
	}
	byPath := make(map[string]*chroma.Config, len(index))
	for _, e := range index {
		byPath[e.path] = e.config
	}
	for _, path := range paths {
		l, err := chroma.NewXMLLexer(embedded, path)
		if err != nil {
			return err
		}
		indexed, ok := byPath[path]
		if !ok {
			return fmt.Errorf("%s: not in the lexer index; run go generate", path)
		}
		if !reflect.DeepEqual(l.Config(), indexed) {
			return fmt.Errorf("%s: indexed config %+v differs from the file's %+v; run go generate", path, indexed, l.Config())
		}
		delete(byPath, path)
	}
	for path := range byPath {
		return fmt.Errorf("%s: in the lexer index but not embedded; run go generate", path)
	}
	return nil
}

// Names of all lexers, optionally including aliases.
func Names(withAliases bool) []string {
	return GlobalLexerRegistry.Names(withAliases)
}

// Get a Lexer by name, alias or file extension.
//
// Note that this if there isn't an exact match on name or alias, this will
// call Match(), so it is not efficient.
func Get(name string) chroma.Lexer {
	return GlobalLexerRegistry.Get(name)
}

// MatchMimeType attempts to find a lexer for the given MIME type.
func MatchMimeType(mimeType string) chroma.Lexer {
	return GlobalLexerRegistry.MatchMimeType(mimeType)
}

// Match returns the first lexer matching filename.
//
// Note that this iterates over all file patterns in all lexers, so it's not
// particularly efficient.
func Match(filename string) chroma.Lexer {
	return GlobalLexerRegistry.Match(filename)
}

// Register a Lexer with the global registry.
func Register(lexer chroma.Lexer) chroma.Lexer {
	return GlobalLexerRegistry.Register(lexer)
}

// Analyse text content and return the "best" lexer..
func Analyse(text string) chroma.Lexer {
	return GlobalLexerRegistry.Analyse(text)
}

// PlaintextRules is used for the fallback lexer as well as the explicit
// plaintext lexer.
func PlaintextRules() chroma.Rules {
	return chroma.Rules{
		"root": []chroma.Rule{
			{`.+`, chroma.Text, nil},
			{`\n`, chroma.Text, nil},
		},
	}
}

// Fallback lexer if no other is found.
var Fallback chroma.Lexer = chroma.MustNewLexer(&chroma.Config{
	Name:      "fallback",
	Filenames: []string{"*"},
	Priority:  -1,
}, PlaintextRules)
