package notes

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Limits of the deck format, documented in FORMAT.md.
const (
	// MaxFileSize is the largest note file accepted, in bytes (1 MiB).
	MaxFileSize = 1 << 20
	// MaxPoints is the most points a "## 要点" section may list: the
	// self-test maps them to the keys a s d f g h.
	MaxPoints = 6
	// MaxIDLen is the longest id accepted, in bytes.
	MaxIDLen = 64
	// PointsHeading is the heading of the key-points section.
	PointsHeading = "## 要点"
)

// frontMatter holds raw nodes so every problem can name its line; decoding
// into the struct still lets yaml reject unknown fields (KnownFields).
type frontMatter struct {
	ID         yaml.Node `yaml:"id"`
	Title      yaml.Node `yaml:"title"`
	Tags       yaml.Node `yaml:"tags"`
	Difficulty yaml.Node `yaml:"difficulty"`
	Chapter    yaml.Node `yaml:"chapter"`
	Origin     yaml.Node `yaml:"origin"`
	Related    yaml.Node `yaml:"related"`
}

var (
	yamlLineRe = regexp.MustCompile(`^line (\d+): (.*)$`)
	atLineRe   = regexp.MustCompile(`at line (\d+)`)
	unknownRe  = regexp.MustCompile(`^field (.*) not found in type `)
)

// parseNote parses one note file. file is used in problems and Note.File.
// The note is only meaningful when no problems are returned.
func parseNote(file string, data []byte) (Note, []Problem) {
	n, _, probs := parseFile(file, data)
	return n, probs
}

// parseFile is parseNote also returning the file line of the id, for
// duplicate-id problems.
func parseFile(file string, data []byte) (n Note, idLine int, _ []Problem) {
	return parseFileWith(file, data, fastFrontMatter)
}

// parseFileWith is parseFile decoding the front matter with fast first,
// when it is set and accepts it, else with yaml.v3.
func parseFileWith(file string, data []byte, fast func(string, *frontMatter) bool) (n Note, idLine int, _ []Problem) {
	n.File = file
	prob := func(line int, format string, args ...any) Problem {
		return Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	if len(data) > MaxFileSize {
		return n, 0, []Problem{prob(0, "file is %d bytes, over the 1 MiB limit", len(data))}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		off := firstInvalid(data)
		return n, 0, []Problem{prob(lineAt(data, off), "invalid UTF-8 (byte 0x%02x); save the file as UTF-8", data[off])}
	}
	text := cleanText(data)

	// Front matter: the first line is "---", the next "---" line closes it.
	first, rest, _ := strings.Cut(text, "\n")
	if !isDelim(first) {
		return n, 0, []Problem{prob(1, `no front matter: the file must start with a "---" line`)}
	}
	fmEnd, closeLine := -1, 0
	line := 2
	for off := 0; off < len(rest); line++ {
		l, _, _ := strings.Cut(rest[off:], "\n")
		if isDelim(l) {
			fmEnd, closeLine = off, line
			break
		}
		off += len(l) + 1
	}
	if fmEnd < 0 {
		return n, 0, []Problem{prob(1, `unterminated front matter: no closing "---" line`)}
	}
	fmText := rest[:fmEnd]
	body := rest[fmEnd:]
	_, body, _ = strings.Cut(body, "\n")

	var probs []Problem
	var fm frontMatter
	typeErr := false
	if fast == nil || !fast(fmText, &fm) {
		dec := yaml.NewDecoder(strings.NewReader(fmText))
		dec.KnownFields(true)
		if err := dec.Decode(&fm); err != nil && !errors.Is(err, io.EOF) {
			probs = append(probs, yamlProblems(file, err)...)
			// A syntax error leaves nothing trustworthy to check further;
			// after a type error the fields that did decode are still
			// checked.
			var te *yaml.TypeError
			if !errors.As(err, &te) {
				return n, idLine, probs
			}
			typeErr = true
		}
	}
	// Front-matter line L is file line L+1 (after the opening "---").
	at := func(node *yaml.Node) int {
		if node.Line == 0 {
			return 1
		}
		return node.Line + 1
	}

	if s, ok := scalar(&fm.ID); !ok {
		probs = append(probs, prob(at(&fm.ID), "id must be a plain string"))
	} else if s == "" {
		if !typeErr {
			probs = append(probs, prob(at(&fm.ID), "missing id (a slug like lora-ptuning that progress is stored under)"))
		}
	} else if !validID(s) {
		probs = append(probs, prob(at(&fm.ID), "bad id %q: use lowercase a-z, 0-9 and '-', not starting or ending with '-', at most %d characters", s, MaxIDLen))
	} else {
		n.ID, idLine = s, at(&fm.ID)
	}

	if s, ok := scalar(&fm.Title); !ok {
		probs = append(probs, prob(at(&fm.Title), "title must be a plain string"))
	} else if s = oneLine(s); s == "" {
		if !typeErr {
			probs = append(probs, prob(at(&fm.Title), "missing title"))
		}
	} else {
		n.Title = s
	}

	tags := deref(&fm.Tags)
	switch tags.Kind {
	case 0:
	case yaml.ScalarNode:
		if s := oneLine(tags.Value); s != "" && tags.Tag != "!!null" {
			n.Tags = []string{s}
		}
	case yaml.SequenceNode:
		for _, t := range tags.Content {
			if t = deref(t); t.Kind != yaml.ScalarNode {
				probs = append(probs, prob(at(t), "tags must be a list of strings"))
				continue
			}
			if s := oneLine(t.Value); s != "" {
				n.Tags = append(n.Tags, s)
			}
		}
	default:
		probs = append(probs, prob(at(&fm.Tags), "tags must be a list of strings, like [微调, 训练]"))
	}

	if len(n.Tags) > MaxTags {
		probs = append(probs, prob(at(&fm.Tags), "%d tags; at most %d", len(n.Tags), MaxTags))
	}

	if s, ok := scalar(&fm.Chapter); !ok {
		probs = append(probs, prob(at(&fm.Chapter), "chapter must be a plain string, like 架构"))
	} else {
		n.Chapter = oneLine(s)
		n.chapterLine = at(&fm.Chapter)
	}
	if s, ok := scalar(&fm.Origin); !ok || s != "" && s != OriginSeed {
		probs = append(probs, prob(at(&fm.Origin), "origin must be %q or left out", OriginSeed))
	} else {
		n.Origin = s
	}
	rel := deref(&fm.Related)
	switch rel.Kind {
	case 0:
	case yaml.SequenceNode:
		for _, r := range rel.Content {
			r = deref(r)
			if r.Kind != yaml.ScalarNode || !validID(strings.TrimSpace(r.Value)) {
				probs = append(probs, prob(at(r), "related must list note ids, like [kv-cache, rope]"))
				continue
			}
			n.Related = append(n.Related, strings.TrimSpace(r.Value))
		}
		n.relatedLine = at(rel)
	default:
		if rel.Tag != "!!null" {
			probs = append(probs, prob(at(rel), "related must list note ids, like [kv-cache, rope]"))
		}
	}

	if diff := deref(&fm.Difficulty); diff.Kind != 0 && diff.Tag != "!!null" {
		d, err := strconv.Atoi(diff.Value)
		if diff.Kind != yaml.ScalarNode || err != nil || d < 1 || d > 3 {
			probs = append(probs, prob(at(&fm.Difficulty), "difficulty must be 1, 2 or 3, not %q", diff.Value))
		} else {
			n.Difficulty = d
		}
	}

	// Body: drop the blank lines around it, keep its inner layout.
	bodyLine := closeLine + 1
	for strings.HasPrefix(body, "\n") {
		body = body[1:]
		bodyLine++
	}
	body = strings.TrimRight(body, " \t\n")
	if strings.TrimSpace(body) == "" {
		probs = append(probs, prob(closeLine, "empty body: write the answer after the front matter"))
		return n, idLine, probs
	}
	n.Body = body

	sec := scanBody(body)
	if sec.second >= 0 {
		probs = append(probs, prob(bodyLine+sec.second, "second %q section; a note has at most one", PointsHeading))
	}
	if sec.heading >= 0 {
		if strings.TrimSpace(body[:sec.start]) == "" {
			probs = append(probs, prob(bodyLine+sec.heading, "no answer before %q", PointsHeading))
		}
		if len(sec.points) == 0 {
			probs = append(probs, prob(bodyLine+sec.heading, "%q section has no bullet points", PointsHeading))
		}
		if len(sec.points) > MaxPoints {
			probs = append(probs, prob(bodyLine+sec.pointLines[MaxPoints],
				"%q has %d points; at most %d (the self-test keys are a s d f g h)", PointsHeading, len(sec.points), MaxPoints))
		}
		n.Points = sec.points
	}
	return n, idLine, probs
}

// isDelim reports whether l is a front-matter delimiter line.
func isDelim(l string) bool {
	return strings.TrimRight(l, " \t") == "---"
}

// deref follows YAML aliases (*name) to the node they name.
func deref(node *yaml.Node) *yaml.Node {
	for i := 0; node.Kind == yaml.AliasNode && node.Alias != nil && i < 8; i++ {
		node = node.Alias
	}
	return node
}

// scalar returns a node's string value; ok is false for maps and lists.
// Absent and null nodes give "".
func scalar(node *yaml.Node) (string, bool) {
	node = deref(node)
	switch {
	case node.Kind == 0 || node.Tag == "!!null":
		return "", true
	case node.Kind == yaml.ScalarNode:
		return strings.TrimSpace(node.Value), true
	}
	return "", false
}

// oneLine strips control characters a YAML escape may have produced ("\e"),
// folds line breaks and tabs into spaces and trims.
func oneLine(s string) string {
	s = stripControls(s)
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// validID reports whether s is a slug: a-z, 0-9 and inner '-'.
func validID(s string) bool {
	if s == "" || len(s) > MaxIDLen || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// parserErrors are the yaml parser's (not scanner's) messages. yaml.v3
// prints their line 0-based, and omits it on the first line.
var parserErrors = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// yamlProblems turns a yaml error into problems with file lines.
func yamlProblems(file string, err error) []Problem {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	probs := make([]Problem, 0, len(msgs))
	for _, m := range msgs {
		line := 2 // no position given: the first front-matter line
		if sm := yamlLineRe.FindStringSubmatch(m); sm != nil {
			l, _ := strconv.Atoi(sm[1])
			line, m = l+1, sm[2]
			if te == nil && parserErrors[m] {
				line++
			}
		}
		if sm := unknownRe.FindStringSubmatch(m); sm != nil {
			m = fmt.Sprintf("unknown field %q (known: id, title, tags, difficulty, chapter, origin, related)", sm[1])
		} else {
			m = atLineRe.ReplaceAllStringFunc(m, func(s string) string {
				l, _ := strconv.Atoi(strings.TrimPrefix(s, "at line "))
				return "at line " + strconv.Itoa(l+1)
			})
			m = "invalid front matter: " + strings.ReplaceAll(m, "notes.frontMatter", "front matter")
		}
		probs = append(probs, Problem{File: file, Line: line, Msg: m})
	}
	return probs
}

// firstInvalid returns the offset of the first byte that is not valid UTF-8.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// lineAt returns the 1-based line of byte offset off, counting LF, CRLF and
// lone CR as line ends, as cleanText does.
func lineAt(b []byte, off int) int {
	line := 1
	for i := 0; i < off && i < len(b); i++ {
		switch b[i] {
		case '\n':
			line++
		case '\r':
			if i+1 >= len(b) || b[i+1] != '\n' {
				line++
			}
		}
	}
	return line
}

// isControl reports whether r is a terminal control character to drop: C0
// except newline and tab, DEL, and C1 (U+0080–U+009F).
func isControl(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f
}

// cleanText converts valid UTF-8 to a string with CRLF and CR turned into LF
// and control characters removed. Clean input is copied once, untouched.
func cleanText(b []byte) string {
	dirty := false
	for i, c := range b {
		// Bytes below 0x20, DEL, and 0xC2 (the lead byte of U+0080–U+00BF,
		// which holds the C1 controls) need a closer look.
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c == 0xc2 && i+1 < len(b) && b[i+1] <= 0x9f {
			dirty = true
			break
		}
	}
	if !dirty {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b))
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '\r':
			sb.WriteByte('\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			i++
		case c < 0x80:
			if !isControl(rune(c)) {
				sb.WriteByte(c)
			}
			i++
		default:
			r, size := utf8.DecodeRune(b[i:])
			if !isControl(r) {
				sb.Write(b[i : i+size])
			}
			i += size
		}
	}
	return sb.String()
}

// stripControls removes control characters (see isControl) from s.
func stripControls(s string) string {
	for _, r := range s {
		if isControl(r) {
			return strings.Map(func(r rune) rune {
				if isControl(r) {
					return -1
				}
				return r
			}, s)
		}
	}
	return s
}

// section describes the "## 要点" section of a body; line numbers are 0-based
// within the body and -1 when absent.
type section struct {
	heading    int // line of the heading
	start, end int // byte range of the section, heading included
	second     int // line of a second "## 要点" heading
	points     []string
	pointLines []int
}

// bullet returns the text of a list item line indented at most 3 spaces
// ("- x", "* x", "+ x", "1. x", "1) x").
func bullet(l string) (string, bool) {
	i := 0
	for i < len(l) && l[i] == ' ' {
		i++
	}
	if i > 3 || i == len(l) {
		return "", false
	}
	rest := l[i:]
	if c := rest[0]; c == '-' || c == '*' || c == '+' {
		rest = rest[1:]
	} else {
		d := 0
		for d < len(rest) && d < 9 && '0' <= rest[d] && rest[d] <= '9' {
			d++
		}
		if d == 0 || d == len(rest) || rest[d] != '.' && rest[d] != ')' {
			return "", false
		}
		rest = rest[d+1:]
	}
	if rest == "" || rest[0] != ' ' && rest[0] != '\t' {
		return "", false
	}
	return strings.TrimSpace(rest), true
}

// scanBody finds the points section, ignoring headings inside code fences.
// The section runs to the next heading of level 1 or 2.
func scanBody(body string) section {
	s := section{heading: -1, second: -1, start: len(body), end: len(body)}
	fence := ""
	in := false
	for off, ln := 0, 0; off < len(body); ln++ {
		l, _, _ := strings.Cut(body[off:], "\n")
		lineStart := off
		off += len(l) + 1
		// Fences count at any indent: lists nest code blocks.
		t := strings.TrimLeft(l, " \t")
		if f := fenceOf(t); f != "" {
			if fence == "" {
				fence = f
			} else if strings.HasPrefix(t, fence) && strings.TrimSpace(strings.TrimLeft(t, fence[:1])) == "" {
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		if level, text := heading(l); level > 0 {
			if level == 2 && text == "要点" {
				if s.heading < 0 {
					s.heading, s.start, in = ln, lineStart, true
					continue
				}
				if s.second < 0 {
					s.second = ln
				}
			}
			if in && level <= 2 {
				in = false
				s.end = lineStart
			}
			continue
		}
		if !in {
			continue
		}
		if p, ok := bullet(l); ok {
			if p != "" {
				s.points = append(s.points, p)
				s.pointLines = append(s.pointLines, ln)
			}
		} else if t := strings.TrimSpace(l); t != "" && len(s.points) > 0 {
			// A wrapped point continues on the next line.
			s.points[len(s.points)-1] += " " + t
		}
	}
	return s
}

// fenceOf returns the fence marker (``` or ~~~ run) that t opens with.
func fenceOf(t string) string {
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(t) && t[n] == c {
			n++
		}
		if n >= 3 {
			return t[:n]
		}
	}
	return ""
}

// heading parses an ATX heading line, returning its level (0 if none) and
// its text without closing hashes.
func heading(l string) (int, string) {
	t := strings.TrimLeft(l, " ")
	if len(l)-len(t) > 3 {
		return 0, ""
	}
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n < len(t) && t[n] != ' ' && t[n] != '\t' {
		return 0, ""
	}
	text := strings.TrimSpace(t[n:])
	if trimmed := strings.TrimRight(text, "#"); trimmed != text && (trimmed == "" || strings.HasSuffix(trimmed, " ")) {
		text = strings.TrimSpace(trimmed)
	}
	return n, text
}
