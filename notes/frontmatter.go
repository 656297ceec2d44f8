package notes

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// fastFrontMatter decodes the front matter almost every deck has — one
// "key: value" line per field, plain values, tags as a flow list of plain
// items — straight into fm's nodes, as yaml.v3 would decode it. Anything
// else (quotes, comments, anchors, nulls, indented or continued lines,
// unknown or repeated keys, a character YAML treats specially) returns
// false and leaves fm alone, and the caller decodes with yaml.v3.
//
// yaml.v3 took 60% of loading a 10,000-note deck and most of its
// allocations; FuzzFastFrontMatter checks that whatever this accepts
// parses to the same note and problems as yaml.v3 alone.
func fastFrontMatter(text string, fm *frontMatter) bool {
	var out frontMatter
	for line := 1; text != ""; line++ {
		l, rest, _ := strings.Cut(text, "\n")
		text = rest
		if strings.Trim(l, " ") == "" {
			continue
		}
		key, value, ok := strings.Cut(l, ":")
		if !ok || value != "" && value[0] != ' ' {
			return false
		}
		var node *yaml.Node
		switch key {
		case "id":
			node = &out.ID
		case "title":
			node = &out.Title
		case "tags":
			node = &out.Tags
		case "difficulty":
			node = &out.Difficulty
		case "chapter":
			node = &out.Chapter
		case "origin":
			node = &out.Origin
		case "related":
			node = &out.Related
		default:
			return false // unknown (yaml names it), indented or odd
		}
		if node.Kind != 0 {
			return false // a repeated key: yaml's error
		}
		value = strings.Trim(value, " ")
		if (key == "tags" || key == "related") && strings.HasPrefix(value, "[") {
			if !flowList(value, line, node) {
				return false
			}
			continue
		}
		if !plainValue(value, false) {
			return false
		}
		*node = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: value, Line: line}
	}
	*fm = out
	return true
}

// flowList decodes "[a, b]" of plain items into a sequence node.
func flowList(value string, line int, node *yaml.Node) bool {
	inner, ok := strings.CutSuffix(value[1:], "]")
	if !ok {
		return false
	}
	*node = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
	if strings.Trim(inner, " ") == "" {
		return true
	}
	for _, item := range strings.Split(inner, ",") {
		item = strings.Trim(item, " ")
		if !plainValue(item, true) {
			return false
		}
		node.Content = append(node.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: item, Line: line})
	}
	return true
}

// flowSafe reports whether a flow-list item holds only letters, digits,
// spaces, "-_.+/" and non-ASCII text: yaml.v3 reads more punctuation
// specially inside [ ] than outside (it refuses "[0?]", for one).
func flowSafe(v string) bool {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c < 0x80 && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(" -_.+/", c) >= 0) {
			return false
		}
	}
	return true
}

// plainValue reports whether v, already trimmed of spaces, is a plain YAML
// scalar whose value is its text: not empty or null, not starting with an
// indicator, without a comment or a mapping colon, made only of characters
// YAML reads as ordinary text, and, inside a flow list (flow), flowSafe.
func plainValue(v string, flow bool) bool {
	switch v {
	case "", "~", "null", "Null", "NULL":
		return false
	}
	if strings.ContainsAny(v[:1], "-?:,[]{}#&*!|>'\"%@`") {
		return false
	}
	if flow && !flowSafe(v) {
		return false
	}
	if strings.Contains(v, ": ") || strings.HasSuffix(v, ":") || strings.Contains(v, " #") {
		return false
	}
	for _, r := range v {
		// Control characters (tab included), DEL, C1, and the characters
		// yaml.v3 reads as line breaks (U+2028, U+2029) or rejects.
		if r < 0x20 || r >= 0x7f && r <= 0x9f || r == '\u2028' || r == '\u2029' ||
			r == '\uFEFF' || r == '\uFFFE' || r == '\uFFFF' {
			return false
		}
	}
	return true
}
