package notes

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// deckIDs are the default deck's ids in order; progress is keyed by them,
// so they must never change.
var deckIDs = []string{
	"lora-ptuning", "stable-diffusion", "decoder-only", "llm-repetition",
	"layernorm-vs-batchnorm", "multi-head-attention", "sft-degradation",
	"finetune-oom", "clip", "attention-complexity", "bert-classification",
}

func TestDefaultDeck(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "面经 · LLM" {
		t.Errorf("Name = %q", d.Name)
	}
	var ids []string
	for i, n := range d.Notes {
		ids = append(ids, n.ID)
		if want := fmt.Sprintf("%02d-%s.md", i+1, n.ID); n.File != want {
			t.Errorf("file %q, want %q", n.File, want)
		}
		if len(n.Points) < 3 || len(n.Points) > 6 {
			t.Errorf("%s: %d points, want 3–6", n.ID, len(n.Points))
		}
		for _, p := range n.Points {
			// One line at 80 columns, after a key hint like "[a] ".
			if w := ansi.StringWidth(p); w > 70 {
				t.Errorf("%s: point %d cells wide, over 70: %q", n.ID, w, p)
			}
		}
		if len(n.Tags) < 1 || len(n.Tags) > 3 {
			t.Errorf("%s: %d tags, want 1–3", n.ID, len(n.Tags))
		}
		if n.Difficulty < 0 || n.Difficulty > 3 {
			t.Errorf("%s: difficulty %d", n.ID, n.Difficulty)
		}
		if strings.Contains(n.Answer(), PointsHeading) || !strings.HasSuffix(n.Body, n.Points[len(n.Points)-1]) {
			t.Errorf("%s: the body must end with its %s section", n.ID, PointsHeading)
		}
	}
	if !slices.Equal(ids, deckIDs) {
		t.Errorf("ids = %q, want %q", ids, deckIDs)
	}
	// The embedded deck must also pass the checks a user's deck gets.
	if probs := CheckDir("deck"); len(probs) > 0 {
		t.Errorf("CheckDir(deck) = %v", probs)
	}
}

// pythonBlocks returns the ```python fenced blocks of markdown, with the
// fence's indentation removed from each line.
func pythonBlocks(md string) []string {
	var blocks []string
	var cur []string
	indent := ""
	in := false
	for _, l := range strings.Split(md, "\n") {
		t := strings.TrimLeft(l, " ")
		switch {
		case !in && strings.HasPrefix(t, "```python"):
			in, indent, cur = true, l[:len(l)-len(t)], nil
		case in && strings.HasPrefix(t, "```"):
			in = false
			blocks = append(blocks, strings.Join(cur, "\n")+"\n")
		case in:
			cur = append(cur, strings.TrimPrefix(l, indent))
		}
	}
	return blocks
}

func TestPythonBlocksCompile(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	args := []string{"-m", "py_compile"}
	for _, n := range d.Notes {
		for i, b := range pythonBlocks(n.Body) {
			f := filepath.Join(dir, fmt.Sprintf("%s_%d.py", strings.ReplaceAll(n.ID, "-", "_"), i))
			if err := os.WriteFile(f, []byte(b), 0o644); err != nil {
				t.Fatal(err)
			}
			args = append(args, f)
		}
	}
	if len(args) == 2 {
		t.Fatal("no ```python blocks found; 10-attention-complexity.md has one")
	}
	if out, err := exec.Command(py, args...).CombinedOutput(); err != nil {
		t.Errorf("py_compile: %v\n%s", err, out)
	}
	// The extractor must see a broken block as broken.
	bad := filepath.Join(dir, "bad.py")
	if err := os.WriteFile(bad, []byte(pythonBlocks("- x\n\n  ```python\n  def f(:\n  ```\n")[0]), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command(py, "-m", "py_compile", bad).Run(); err == nil {
		t.Error("py_compile accepted a syntax error")
	}
}

// The complete example in FORMAT.md must be a valid note.
func TestFormatExample(t *testing.T) {
	b, err := os.ReadFile("FORMAT.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "```markdown\n")
	example, _, ok2 := strings.Cut(rest, "\n```\n")
	if !ok || !ok2 {
		t.Fatal("FORMAT.md has no ```markdown example")
	}
	n, probs := parseNote("example.md", []byte(example))
	if len(probs) > 0 {
		t.Fatalf("FORMAT.md example: %v", probs)
	}
	if n.ID != "lora-ptuning" || n.Difficulty != 2 || len(n.Points) != 4 {
		t.Errorf("example parsed as %+v", n)
	}
}
