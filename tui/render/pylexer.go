package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// Word lists of chroma's python.xml (v2.14.0), rule by rule.
const (
	pyKeywords   = "yield from|nonlocal|continue|finally|except|lambda|assert|global|return|raise|yield|while|break|await|async|pass|else|elif|with|try|for|del|as|if|match|case"
	pyBuiltins   = "staticmethod|classmethod|memoryview|__import__|issubclass|isinstance|frozenset|bytearray|enumerate|reversed|property|compile|complex|delattr|hasattr|setattr|globals|getattr|divmod|filter|locals|format|object|sorted|slice|print|bytes|range|input|tuple|round|super|float|eval|list|dict|repr|type|vars|hash|next|bool|open|iter|oct|pow|min|zip|max|map|bin|len|set|any|dir|all|abs|str|sum|chr|int|hex|ord|id"
	pyPseudo     = "self|Ellipsis|NotImplemented|cls"
	pyExceptions = "PendingDeprecationWarning|ConnectionAbortedError|ConnectionRefusedError|UnicodeTranslateError|ConnectionResetError|ModuleNotFoundError|NotImplementedError|FloatingPointError|StopAsyncIteration|UnicodeDecodeError|DeprecationWarning|UnicodeEncodeError|NotADirectoryError|ProcessLookupError|ZeroDivisionError|IsADirectoryError|FileNotFoundError|UnboundLocalError|KeyboardInterrupt|ChildProcessError|EnvironmentError|IndentationError|InterruptedError|BlockingIOError|ArithmeticError|ConnectionError|BrokenPipeError|FileExistsError|ResourceWarning|PermissionError|RuntimeWarning|ReferenceError|AttributeError|AssertionError|UnicodeWarning|RecursionError|StopIteration|BaseException|OverflowError|SyntaxWarning|FutureWarning|GeneratorExit|ImportWarning|UnicodeError|TimeoutError|WindowsError|RuntimeError|BytesWarning|SystemError|UserWarning|MemoryError|ImportError|LookupError|BufferError|SyntaxError|SystemExit|ValueError|IndexError|NameError|Exception|TypeError|TabError|EOFError|KeyError|VMSError|Warning|OSError|IOError"
	pyMagicFuncs = "__instancecheck__|__subclasscheck__|__getattribute__|__length_hint__|__rfloordiv__|__ifloordiv__|__itruediv__|__contains__|__floordiv__|__rtruediv__|__reversed__|__setitem__|__complex__|__rdivmod__|__delattr__|__rmatmul__|__ilshift__|__prepare__|__delitem__|__rrshift__|__imatmul__|__rlshift__|__setattr__|__truediv__|__getitem__|__missing__|__getattr__|__irshift__|__rshift__|__format__|__invert__|__matmul__|__divmod__|__delete__|__aenter__|__lshift__|__await__|__bytes__|__anext__|__aiter__|__aexit__|__round__|__float__|__enter__|__index__|__iadd__|__ipow__|__rpow__|__iter__|__init__|__ixor__|__rmul__|__rmod__|__imul__|__imod__|__iand__|__hash__|__rsub__|__exit__|__rxor__|__bool__|__call__|__rand__|__next__|__radd__|__isub__|__repr__|__set__|__add__|__new__|__neg__|__xor__|__and__|__mul__|__mod__|__sub__|__len__|__str__|__ror__|__ior__|__pos__|__del__|__get__|__dir__|__abs__|__int__|__pow__|__eq__|__gt__|__le__|__lt__|__ne__|__or__|__ge__"
	pyMagicVars  = "__annotations__|__kwdefaults__|__qualname__|__objclass__|__defaults__|__closure__|__globals__|__weakref__|__module__|__class__|__bases__|__slots__|__file__|__code__|__name__|__func__|__dict__|__self__|__mro__|__doc__"
)

// The embedded notes' code is Python, and chroma's Python lexer, a list of
// regexp2 rules tried in turn at every token, took about 4 ms for each
// note's kilobyte of code: most of a note's first render. pyLexer produces
// the same tokens by hand; TestPythonLexerMatchesChroma and
// FuzzPythonLexer compare the two.
func init() {
	lexers.Register(newPyLexer(pyConfig()))
}

// pyConfig is python.xml's config (TestPythonLexerMatchesChroma compares
// them), written out so that registering does not need chroma's registry,
// which is built on first use.
func pyConfig() *chroma.Config {
	return &chroma.Config{
		Name:    "Python",
		Aliases: []string{"python", "py", "sage", "python3", "py3"},
		Filenames: []string{"*.py", "*.pyi", "*.pyw", "*.jy", "*.sage", "*.sc", "SConstruct", "SConscript", "*.bzl",
			"BUCK", "BUILD", "BUILD.bazel", "WORKSPACE", "WORKSPACE.bzlmod", "WORKSPACE.bazel", "MODULE.bazel", "REPO.bazel", "*.tac"},
		MimeTypes: []string{"text/x-python", "application/x-python", "text/x-python3", "application/x-python3"},
	}
}

// pyLexer is a chroma.Lexer for Python that follows python.xml's rules
// without regular expressions.
type pyLexer struct {
	config *chroma.Config
	// words maps the names python.xml's builtins, magicfuncs and magicvars
	// states recognise to their token type.
	words map[string]chroma.TokenType
	// keywords are the root state's keywords (not "yield from").
	keywords map[string]bool
}

func newPyLexer(config *chroma.Config) *pyLexer {
	l := &pyLexer{config: config, words: map[string]chroma.TokenType{}, keywords: map[string]bool{}}
	for _, w := range strings.Split(pyKeywords, "|") {
		l.keywords[w] = true
	}
	// Later lists do not overwrite earlier ones: python.xml tries the
	// builtins state before magicfuncs and magicvars.
	for _, list := range []struct {
		words string
		t     chroma.TokenType
	}{
		{pyBuiltins, chroma.NameBuiltin},
		{pyPseudo, chroma.NameBuiltinPseudo},
		{pyExceptions, chroma.NameException},
		{pyMagicFuncs, chroma.NameFunctionMagic},
		{pyMagicVars, chroma.NameVariableMagic},
	} {
		for _, w := range strings.Split(list.words, "|") {
			if _, ok := l.words[w]; !ok {
				l.words[w] = list.t
			}
		}
	}
	return l
}

// Config returns python.xml's config.
func (l *pyLexer) Config() *chroma.Config { return l.config }

// SetRegistry does nothing: the lexer needs no other lexer.
func (l *pyLexer) SetRegistry(*chroma.LexerRegistry) chroma.Lexer { return l }

// SetAnalyser does nothing: python.xml has no analyser either.
func (l *pyLexer) SetAnalyser(func(string) float32) chroma.Lexer { return l }

// AnalyseText scores 0, as python.xml does.
func (l *pyLexer) AnalyseText(string) float32 { return 0 }

// Tokenise splits text into Python tokens.
func (l *pyLexer) Tokenise(options *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	if options == nil || options.EnsureLF {
		text = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text)
	}
	p := pyScan{l: l, s: text, stack: []pyState{{kind: pyRoot}}}
	p.run()
	return chroma.Literator(p.toks...), nil
}

// pyKind is a state of python.xml's lexer.
type pyKind uint8

const (
	pyRoot      pyKind = iota
	pyString           // inside a string literal
	pyFExpr            // expr-inside-fstring
	pyFInner           // expr-inside-fstring-inner
	pyFuncname         // after "def "
	pyClassname        // after "class "
	pyFrom             // fromimport, after "from "
	pyImport           // import, after "import "
)

// pyEscapes are the escape rules combined with a string state.
type pyEscapes uint8

const (
	escNone   pyEscapes = iota // raw strings
	escString                  // stringescape: u"", b"", ""
	escF                       // fstringescape: f""
	escRF                      // rfstringescape: rf""
)

// pyState is one entry of the lexer's state stack.
type pyState struct {
	kind   pyKind
	quote  byte // ' or "
	triple bool
	f      bool // an f-string: braces hold expressions
	esc    pyEscapes
}

// pyScan is one tokenisation.
type pyScan struct {
	l     *pyLexer
	s     string
	i     int
	stack []pyState
	toks  []chroma.Token
	// next remembers the last forward search for each set of bytes, so that
	// text like "{a[{a[{a[…" without a closing ] is searched once, not
	// once per {.
	next map[string][2]int // set -> {from, found}
}

// nextOf returns the index of the first byte of set at or after j, or
// len(s).
func (p *pyScan) nextOf(set string, j int) int {
	if p.next == nil {
		p.next = map[string][2]int{}
	}
	// A search from `from` that found k answers any j in [from, k].
	if c, ok := p.next[set]; ok && c[0] <= j && j <= c[1] {
		return c[1]
	}
	k := strings.IndexAny(p.s[j:], set)
	if k < 0 {
		k = len(p.s)
	} else {
		k += j
	}
	p.next[set] = [2]int{j, k}
	return k
}

func (p *pyScan) emit(t chroma.TokenType, end int) {
	if end > p.i {
		p.toks = append(p.toks, chroma.Token{Type: t, Value: p.s[p.i:end]})
		p.i = end
	}
}

func (p *pyScan) push(st pyState) { p.stack = append(p.stack, st) }
func (p *pyScan) pop()            { p.stack = p.stack[:len(p.stack)-1] }

// runeAt returns the rune at byte j, or -1 at the end.
func (p *pyScan) runeAt(j int) (rune, int) {
	if j >= len(p.s) {
		return -1, 0
	}
	if c := p.s[j]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(p.s[j:])
}

// noMatch does what chroma does where no rule matches: at a newline outside
// the root state it empties the stack (an unclosed string ends at the end
// of its line), otherwise it emits the rune as an error.
func (p *pyScan) noMatch() {
	if p.s[p.i] == '\n' && len(p.stack) > 1 {
		p.stack = p.stack[:1]
		return
	}
	_, n := p.runeAt(p.i)
	p.emit(chroma.Error, p.i+n)
}

func (p *pyScan) run() {
	for p.i < len(p.s) {
		if len(p.stack) == 0 {
			p.stack = append(p.stack, pyState{kind: pyRoot})
		}
		st := p.stack[len(p.stack)-1]
		switch st.kind {
		case pyRoot:
			p.root()
		case pyString:
			p.str(st)
		case pyFExpr, pyFInner:
			p.fexpr(st.kind)
		case pyFuncname:
			// magicfuncs leaves the state; a plain name pops it.
			end := p.ident(p.i)
			if t, ok := p.magic(p.s[p.i:end]); ok && t == chroma.NameFunctionMagic && p.boundary(end) {
				p.emit(t, end)
				continue
			}
			p.emit(chroma.NameFunction, end)
			p.pop()
		case pyClassname:
			if end := p.ident(p.i); end > p.i {
				p.emit(chroma.NameClass, end)
				p.pop()
			} else {
				p.noMatch()
			}
		case pyFrom:
			p.fromImport()
		case pyImport:
			p.importNames()
		}
	}
}

func (p *pyScan) root() {
	s, i := p.s, p.i
	switch c := s[i]; {
	case c == '\n':
		p.emit(chroma.Text, i+1)
		return
	case c == '#':
		kind := chroma.CommentSingle
		if i == 0 && strings.HasPrefix(s, "#!") && len(s) > 2 && s[2] != '\n' {
			kind = chroma.CommentHashbang
		}
		p.emit(kind, p.lineEnd(i))
		return
	case c == '\\':
		if i+1 < len(s) && s[i+1] == '\n' {
			p.emit(chroma.Text, i+2)
		} else {
			p.emit(chroma.Text, i+1)
		}
		return
	}
	if end := p.ident(i); end > i {
		w := s[i:end]
		if w == "yield" {
			if e := p.wordAfterSpace(end, "from"); e > 0 {
				p.emit(chroma.Keyword, e)
				return
			}
		}
		if p.l.keywords[w] && p.boundary(end) {
			p.emit(chroma.Keyword, end)
			return
		}
		if (w == "False" || w == "True" || w == "None") && p.boundary(end) {
			p.emit(chroma.KeywordConstant, end)
			return
		}
		kind := pyRoot
		switch w {
		case "def":
			kind = pyFuncname
		case "class":
			kind = pyClassname
		case "from":
			kind = pyFrom
		case "import":
			kind = pyImport
		}
		if kind != pyRoot {
			if ws := p.defSpace(end); ws > end {
				t := chroma.Keyword
				if kind == pyFrom || kind == pyImport {
					t = chroma.KeywordNamespace
				}
				p.emit(t, end)
				p.emit(chroma.Text, ws)
				p.push(pyState{kind: kind})
				return
			}
		}
	}
	p.expr(false)
}

// expr is python.xml's expr state; inFString selects the keywords it knows
// inside an f-string's braces, where the root state's keywords do not apply.
func (p *pyScan) expr(inFString bool) {
	s, i := p.s, p.i
	c := s[i]
	if end := p.ident(i); end > i {
		w := s[i:end]
		if p.stringStart(end) {
			return
		}
		switch {
		case (w == "in" || w == "is" || w == "and" || w == "or" || w == "not") && p.boundary(end):
			p.emit(chroma.OperatorWord, end)
			return
		case w == "yield" || w == "async":
			other := "from"
			if w == "async" {
				other = "for"
			}
			if e := p.wordAfterSpace(end, other); e > 0 {
				p.emit(chroma.Keyword, e)
				return
			}
			if w == "yield" && p.boundary(end) {
				p.emit(chroma.Keyword, end)
				return
			}
		case (w == "lambda" || w == "await" || w == "else" || w == "for" || w == "if") && p.boundary(end):
			p.emit(chroma.Keyword, end)
			return
		case (w == "False" || w == "True" || w == "None") && p.boundary(end):
			p.emit(chroma.KeywordConstant, end)
			return
		}
		if t, ok := p.l.words[w]; ok && p.boundary(end) {
			if (t == chroma.NameBuiltin || t == chroma.NameBuiltinPseudo || t == chroma.NameException) && i > 0 && s[i-1] == '.' {
				// The builtins rules have (?<!\.); the magic ones do not.
				if t2, ok := p.magic(w); ok {
					p.emit(t2, end)
				} else {
					p.emit(chroma.Name, end)
				}
				return
			}
			p.emit(t, end)
			return
		}
		p.emit(chroma.Name, end)
		return
	}
	if c == '"' || c == '\'' {
		p.stringStart(i)
		return
	}
	if r, _ := p.runeAt(i); r != '\n' && isSpace(r) {
		j := i
		for {
			r, n := p.runeAt(j)
			if r == '\n' || !isSpace(r) {
				break
			}
			j += n
		}
		p.emit(chroma.Text, j)
		return
	}
	if end, t := p.number(i); end > i {
		p.emit(t, end)
		return
	}
	if i+1 < len(s) {
		switch s[i : i+2] {
		case "!=", "==", "<<", ">>", ":=":
			p.emit(chroma.Operator, i+2)
			return
		}
	}
	switch c {
	case '-', '~', '+', '/', '*', '%', '=', '<', '>', '&', '^', '|', '.':
		p.emit(chroma.Operator, i+1)
		return
	case ']', '{', '}', ':', '(', ')', ',', ';', '[':
		p.emit(chroma.Punctuation, i+1)
		return
	case '@':
		if end := p.decorator(i); end > 0 {
			p.emit(chroma.NameDecorator, end)
		} else {
			p.emit(chroma.Operator, i+1)
		}
		return
	}
	p.noMatch()
}

// magic reports the magicfuncs or magicvars type of w, which the builtins
// lists shadow in words.
func (p *pyScan) magic(w string) (chroma.TokenType, bool) {
	if strings.Contains("|"+pyMagicFuncs+"|", "|"+w+"|") {
		return chroma.NameFunctionMagic, true
	}
	if strings.Contains("|"+pyMagicVars+"|", "|"+w+"|") {
		return chroma.NameVariableMagic, true
	}
	return 0, false
}

// stringStart starts a string literal if a quote follows the prefix
// s[p.i:q]; it reports whether it did.
func (p *pyScan) stringStart(q int) bool {
	s := p.s
	if q >= len(s) || (s[q] != '"' && s[q] != '\'') {
		return false
	}
	st := pyState{kind: pyString, quote: s[q]}
	switch prefix := strings.ToLower(s[p.i:q]); prefix {
	case "rf", "fr":
		st.f, st.esc = true, escRF
	case "f":
		st.f, st.esc = true, escF
	case "rb", "br", "r":
		st.esc = escNone
	case "", "u", "b":
		st.esc = escString
	default:
		return false
	}
	end := q + 1
	if strings.HasPrefix(s[q:], strings.Repeat(s[q:q+1], 3)) {
		st.triple, end = true, q+3
	}
	p.emit(chroma.LiteralStringAffix, q)
	p.emit(st.strType(), end)
	p.push(st)
	return true
}

func (st pyState) strType() chroma.TokenType {
	if st.quote == '"' {
		return chroma.LiteralStringDouble
	}
	return chroma.LiteralStringSingle
}

// str lexes inside a string literal: the combined escape rules first, then
// the string state's own.
func (p *pyScan) str(st pyState) {
	s, i := p.s, p.i
	c := s[i]
	if st.esc == escF || st.esc == escRF {
		if strings.HasPrefix(s[i:], "{{") || strings.HasPrefix(s[i:], "}}") {
			p.emit(chroma.LiteralStringEscape, i+2)
			return
		}
	}
	if st.esc == escString || st.esc == escF {
		if end := p.escape(i); end > i {
			p.emit(chroma.LiteralStringEscape, end)
			return
		}
	}
	if st.triple {
		if strings.HasPrefix(s[i:], strings.Repeat(string(st.quote), 3)) {
			p.emit(st.strType(), i+3)
			p.pop()
			return
		}
	} else {
		if c == st.quote {
			p.emit(st.strType(), i+1)
			p.pop()
			return
		}
		if c == '\\' && i+1 < len(s) && (s[i+1] == '\\' || s[i+1] == st.quote || s[i+1] == '\n') {
			p.emit(chroma.LiteralStringEscape, i+2)
			return
		}
	}
	switch {
	case st.f && c == '}':
		p.emit(chroma.LiteralStringInterpol, i+1)
	case st.f && c == '{':
		p.emit(chroma.LiteralStringInterpol, i+1)
		p.push(pyState{kind: pyFExpr})
	case !st.f && c == '%':
		if end := p.percentFormat(i); end > i {
			p.emit(chroma.LiteralStringInterpol, end)
		} else {
			p.emit(st.strType(), i+1)
		}
	case !st.f && c == '{':
		if end := p.braceFormat(i); end > i {
			p.emit(chroma.LiteralStringInterpol, end)
		} else if strings.HasPrefix(s[i:], "{{") {
			p.emit(st.strType(), i+2)
		} else {
			p.emit(st.strType(), i+1)
		}
	case c == '\'' || c == '"' || c == '\\':
		p.emit(st.strType(), i+1)
	case c == '\n':
		if st.triple {
			p.emit(st.strType(), i+1)
		} else {
			p.noMatch()
		}
	default:
		// fstrings-double's run is [^\\'"{}\n]+, strings-double's [^\\'"%{\n]+.
		stop := "\\'\"%{\n"
		if st.f {
			stop = "\\'\"{}\n"
		}
		j := i
		for j < len(s) && strings.IndexByte(stop, s[j]) < 0 {
			j++
		}
		p.emit(st.strType(), j)
	}
}

// escape matches stringescape at i: \ then one of \abfnrtv"' or newline,
// N{...}, uXXXX, UXXXXXXXX, xXX or 1-3 octal digits.
func (p *pyScan) escape(i int) int {
	s := p.s
	if s[i] != '\\' || i+1 >= len(s) {
		return i
	}
	hex := func(j, n int) int {
		if j+n > len(s) {
			return i
		}
		for k := j; k < j+n; k++ {
			if !isHex(s[k]) {
				return i
			}
		}
		return j + n
	}
	switch c := s[i+1]; {
	case strings.IndexByte("\\abfnrtv\"'\n", c) >= 0:
		return i + 2
	case c == 'N':
		if i+2 < len(s) && s[i+2] == '{' {
			if k := p.nextOf("}\n", i+3); k < len(s) && s[k] == '}' {
				return k + 1
			}
		}
	case c == 'u':
		return hex(i+2, 4)
	case c == 'U':
		return hex(i+2, 8)
	case c == 'x':
		return hex(i+2, 2)
	case c >= '0' && c <= '7':
		j := i + 2
		for j < len(s) && j < i+4 && s[j] >= '0' && s[j] <= '7' {
			j++
		}
		return j
	}
	return i
}

// percentFormat matches
// %(\(\w+\))?[-#0 +]*([0-9]+|[*])?(\.([0-9]+|[*]))?[hlL]?[E-GXc-giorsaux%].
func (p *pyScan) percentFormat(i int) int {
	s := p.s
	j := i + 1
	if j < len(s) && s[j] == '(' {
		k := p.words(j + 1)
		if k > j+1 && k < len(s) && s[k] == ')' {
			j = k + 1
		}
	}
	for j < len(s) && strings.IndexByte("-#0 +", s[j]) >= 0 {
		j++
	}
	digitsOrStar := func(j int) int {
		if j < len(s) && s[j] == '*' {
			return j + 1
		}
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		return j
	}
	j = digitsOrStar(j)
	if j+1 < len(s) && s[j] == '.' {
		if k := digitsOrStar(j + 1); k > j+1 {
			j = k
		}
	}
	if j < len(s) && strings.IndexByte("hlL", s[j]) >= 0 {
		j++
	}
	if j < len(s) && (s[j] >= 'E' && s[j] <= 'G' || s[j] == 'X' || s[j] >= 'c' && s[j] <= 'g' || strings.IndexByte("iorsaux%", s[j]) >= 0) {
		return j + 1
	}
	return i
}

// braceFormat matches
// \{((\w+)((\.\w+)|(\[[^\]]+\]))*)?(\![sra])?(\:(.?[<>=\^])?[-+ ]?#?0?(\d+)?,?(\.\d+)?[E-GXb-gnosx%]?)?\}.
func (p *pyScan) braceFormat(i int) int {
	s := p.s
	j := i + 1
	if k := p.words(j); k > j {
		j = k
		for j < len(s) {
			if s[j] == '.' {
				if k := p.words(j + 1); k > j+1 {
					j = k
					continue
				}
			} else if s[j] == '[' {
				if k := p.nextOf("]", j+1); k > j+1 && k < len(s) {
					j = k + 1
					continue
				}
			}
			break
		}
	}
	if j+1 < len(s) && s[j] == '!' && strings.IndexByte("sra", s[j+1]) >= 0 {
		j += 2
	}
	if j < len(s) && s[j] == ':' {
		k := j + 1
		if r, n := p.runeAt(k); r >= 0 && r != '\n' && k+n < len(s) && strings.IndexByte("<>=^", s[k+n]) >= 0 {
			k += n + 1
		} else if k < len(s) && strings.IndexByte("<>=^", s[k]) >= 0 {
			k++
		}
		for _, set := range []string{"-+ ", "#", "0"} {
			if k < len(s) && strings.IndexByte(set, s[k]) >= 0 {
				k++
			}
		}
		for k < len(s) && isDigit(p.runeAt(k)) {
			_, n := p.runeAt(k)
			k += n
		}
		if k < len(s) && s[k] == ',' {
			k++
		}
		if k+1 < len(s) && s[k] == '.' && isDigit(p.runeAt(k+1)) {
			k++
			for k < len(s) && isDigit(p.runeAt(k)) {
				_, n := p.runeAt(k)
				k += n
			}
		}
		if k < len(s) && (s[k] >= 'E' && s[k] <= 'G' || s[k] == 'X' || s[k] >= 'b' && s[k] <= 'g' || strings.IndexByte("nosx%", s[k]) >= 0) {
			k++
		}
		j = k
	}
	if j < len(s) && s[j] == '}' {
		return j + 1
	}
	return i
}

// fexpr is expr-inside-fstring and expr-inside-fstring-inner.
func (p *pyScan) fexpr(kind pyKind) {
	s, i := p.s, p.i
	switch s[i] {
	case '{', '(', '[':
		p.emit(chroma.Punctuation, i+1)
		p.push(pyState{kind: pyFInner})
		return
	case ']', ')', '}':
		if kind == pyFInner {
			p.emit(chroma.Punctuation, i+1)
			p.pop()
			return
		}
	}
	if kind == pyFExpr {
		j := i
		if s[j] == '=' {
			j = p.spaces(j + 1)
		}
		if j+1 < len(s) && s[j] == '!' && strings.IndexByte("sraf", s[j+1]) >= 0 {
			j += 2
		}
		if j < len(s) && (s[j] == '}' || s[j] == ':') {
			p.emit(chroma.LiteralStringInterpol, j+1)
			p.pop()
			return
		}
	}
	if j := p.spaces(i); j > i {
		p.emit(chroma.Text, j)
		return
	}
	p.expr(true)
}

func (p *pyScan) fromImport() {
	s, i := p.s, p.i
	if j := p.spaces(i); j > i && strings.HasPrefix(s[j:], "import") && p.boundary(j+6) {
		p.emit(chroma.Text, j)
		p.emit(chroma.KeywordNamespace, j+6)
		p.pop()
		return
	}
	if s[i] == '.' {
		p.emit(chroma.NameNamespace, i+1)
		return
	}
	if strings.HasPrefix(s[i:], "None") && p.boundary(i+4) {
		p.emit(chroma.NameBuiltinPseudo, i+4)
		p.pop()
		return
	}
	if end := p.ident(i); end > i {
		p.emit(chroma.NameNamespace, end)
		return
	}
	p.pop()
}

func (p *pyScan) importNames() {
	s, i := p.s, p.i
	if j := p.spaces(i); j > i && strings.HasPrefix(s[j:], "as") {
		if k := p.spaces(j + 2); k > j+2 {
			p.emit(chroma.Text, j)
			p.emit(chroma.Keyword, j+2)
			p.emit(chroma.Text, k)
			return
		}
	}
	if s[i] == '.' {
		p.emit(chroma.NameNamespace, i+1)
		return
	}
	if end := p.ident(i); end > i {
		p.emit(chroma.NameNamespace, end)
		return
	}
	if j := p.spaces(i); j < len(s) && s[j] == ',' {
		p.emit(chroma.Text, j)
		p.emit(chroma.Operator, j+1)
		p.emit(chroma.Text, p.spaces(j+1))
		return
	}
	p.pop()
}

// ident returns the end of the identifier [_\p{L}][_\p{L}\p{N}]* at i, or i.
func (p *pyScan) ident(i int) int {
	r, n := p.runeAt(i)
	if r != '_' && !unicode.IsLetter(r) {
		return i
	}
	j := i + n
	for {
		r, n := p.runeAt(j)
		if r != '_' && !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			return j
		}
		j += n
	}
}

// words returns the end of the \w+ run at i, or i.
func (p *pyScan) words(i int) int {
	for {
		r, n := p.runeAt(i)
		if !isWord(r) {
			return i
		}
		i += n
	}
}

// boundary reports whether \b holds at j, after a word character.
func (p *pyScan) boundary(j int) bool {
	r, _ := p.runeAt(j)
	return !isWord(r)
}

// spaces returns the end of the \s* run at i.
func (p *pyScan) spaces(i int) int {
	for {
		r, n := p.runeAt(i)
		if !isSpace(r) {
			return i
		}
		i += n
	}
}

// defSpace returns the end of (?:\s|\\\s)+ at i, or i.
func (p *pyScan) defSpace(i int) int {
	for {
		j := i
		if j < len(p.s) && p.s[j] == '\\' {
			j++
		}
		r, n := p.runeAt(j)
		if !isSpace(r) {
			return i
		}
		i = j + n
	}
}

// wordAfterSpace returns the end of " "+word+\b at i (one space, as in
// python.xml's "yield from"), or 0.
func (p *pyScan) wordAfterSpace(i int, word string) int {
	if strings.HasPrefix(p.s[i:], " "+word) && p.boundary(i+1+len(word)) {
		return i + 1 + len(word)
	}
	return 0
}

// lineEnd returns the index of the next newline at or after i, or the end.
func (p *pyScan) lineEnd(i int) int {
	if k := strings.IndexByte(p.s[i:], '\n'); k >= 0 {
		return i + k
	}
	return len(p.s)
}

// decorator returns the end of @name(\s*\.\s*name)* at i, or 0.
func (p *pyScan) decorator(i int) int {
	end := p.ident(i + 1)
	if end == i+1 {
		return 0
	}
	for {
		j := p.spaces(end)
		if j >= len(p.s) || p.s[j] != '.' {
			return end
		}
		k := p.spaces(j + 1)
		e := p.ident(k)
		if e == k {
			return end
		}
		end = e
	}
}

// number matches python.xml's numbers state at i.
func (p *pyScan) number(i int) (int, chroma.TokenType) {
	s := p.s
	// digits is \d(?:_?\d)*.
	digits := func(j int) int {
		if !isDigit(p.runeAt(j)) {
			return j
		}
		_, n := p.runeAt(j)
		j += n
		for {
			k := j
			if k < len(s) && s[k] == '_' {
				k++
			}
			if !isDigit(p.runeAt(k)) {
				return j
			}
			_, n := p.runeAt(k)
			j = k + n
		}
	}
	exponent := func(j int) int {
		if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
			k := j + 1
			if k < len(s) && (s[k] == '+' || s[k] == '-') {
				k++
			}
			if e := digits(k); e > k {
				return e
			}
		}
		return j
	}
	// (\d…\.(\d…)?|(\d…)?\.\d…)(exponent)?
	if d := digits(i); d > i && d < len(s) && s[d] == '.' {
		return exponent(digits(d + 1)), chroma.LiteralNumberFloat
	}
	if d := digits(i); d < len(s) && s[d] == '.' {
		if e := digits(d + 1); e > d+1 {
			return exponent(e), chroma.LiteralNumberFloat
		}
	}
	d := digits(i)
	if d == i {
		return i, 0
	}
	if e := exponent(d); e > d {
		if e < len(s) && s[e] == 'j' {
			e++
		}
		return e, chroma.LiteralNumberFloat
	}
	if s[i] == '0' && i+1 < len(s) {
		for _, base := range []struct {
			letters string
			ok      func(byte) bool
			t       chroma.TokenType
		}{
			{"oO", func(c byte) bool { return c >= '0' && c <= '7' }, chroma.LiteralNumberOct},
			{"bB", func(c byte) bool { return c == '0' || c == '1' }, chroma.LiteralNumberBin},
			{"xX", isHex, chroma.LiteralNumberHex},
		} {
			if strings.IndexByte(base.letters, s[i+1]) < 0 {
				continue
			}
			j := i + 2
			for {
				k := j
				if k < len(s) && s[k] == '_' {
					k++
				}
				if k >= len(s) || !base.ok(s[k]) {
					break
				}
				j = k + 1
			}
			if j > i+2 {
				return j, base.t
			}
		}
	}
	return d, chroma.LiteralNumberInteger
}

// isSpace is .NET's \s, which regexp2 follows.
func isSpace(r rune) bool {
	return r >= 0 && (unicode.IsSpace(r) || unicode.Is(unicode.Z, r))
}

// isWord is .NET's \w: letters, nonspacing marks, decimal digits and
// connector punctuation.
func isWord(r rune) bool {
	return r >= 0 && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Pc, r))
}

// isDigit is .NET's \d, any decimal digit, for runeAt's results.
func isDigit(r rune, _ int) bool { return r >= 0 && unicode.IsDigit(r) }

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
