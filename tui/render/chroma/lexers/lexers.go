package lexers

import (
	"embed"
	"fmt"
	"io/fs"
	"reflect"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

//go:generate go run genindex.go

//go:embed embedded
var embedded embed.FS

// GlobalLexerRegistry is the global LexerRegistry of Lexers.
//
// mianjing patch: the embedded XML lexers are registered from index (see
// genindex.go) instead of by parsing every file, which cost 8 ms and 2 MB at
// every program start; each file is read when its lexer is first used. And
// the registry is filled when this package's functions first need it, not
// at init (another 1 ms): use them rather than this variable.
var GlobalLexerRegistry = chroma.NewLexerRegistry()

// global is the state of the lazily built registry (mianjing patch).
var global struct {
	once    sync.Once
	mu      sync.Mutex
	built   bool
	pending []chroma.Lexer // registered before the registry was built
	hooks   []func()       // run once it is (afterBuild)
}

// afterBuild runs f once the registry is built: the package's init
// functions that adjust registered lexers (mianjing patch).
func afterBuild(f func()) {
	global.mu.Lock()
	defer global.mu.Unlock()
	global.hooks = append(global.hooks, f)
}

// registry returns GlobalLexerRegistry, filled: the embedded XML lexers,
// then those registered so far, in order, as upstream's init did.
func registry() *chroma.LexerRegistry {
	global.once.Do(func() {
		for _, e := range index() {
			GlobalLexerRegistry.Register(chroma.NewIndexedXMLLexer(embedded, e.path, e.config))
		}
		global.mu.Lock()
		defer global.mu.Unlock()
		for _, l := range global.pending {
			GlobalLexerRegistry.Register(l)
		}
		global.pending, global.built = nil, true
		for _, f := range global.hooks {
			f()
		}
		global.hooks = nil
	})
	return GlobalLexerRegistry
}

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
	entries := index()
	byPath := make(map[string]*chroma.Config, len(entries))
	for _, e := range entries {
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
	return registry().Names(withAliases)
}

// Get a Lexer by name, alias or file extension.
//
// Note that this if there isn't an exact match on name or alias, this will
// call Match(), so it is not efficient.
func Get(name string) chroma.Lexer {
	return registry().Get(name)
}

// MatchMimeType attempts to find a lexer for the given MIME type.
func MatchMimeType(mimeType string) chroma.Lexer {
	return registry().MatchMimeType(mimeType)
}

// Match returns the first lexer matching filename.
//
// Note that this iterates over all file patterns in all lexers, so it's not
// particularly efficient.
func Match(filename string) chroma.Lexer {
	return registry().Match(filename)
}

// Register a Lexer with the global registry.
func Register(lexer chroma.Lexer) chroma.Lexer {
	global.mu.Lock()
	defer global.mu.Unlock()
	if !global.built {
		global.pending = append(global.pending, lexer)
		return lexer
	}
	return GlobalLexerRegistry.Register(lexer)
}

// Analyse text content and return the "best" lexer..
func Analyse(text string) chroma.Lexer {
	return registry().Analyse(text)
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
