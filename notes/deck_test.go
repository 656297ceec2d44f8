package notes

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// seedIDs are the ids of the seed's 11 questions in the seed's order;
// progress is keyed by them, so they must never change.
var seedIDs = []string{
	"lora-ptuning", "stable-diffusion", "decoder-only", "llm-repetition",
	"layernorm-vs-batchnorm", "multi-head-attention", "sft-degradation",
	"finetune-oom", "clip", "attention-complexity", "bert-classification",
}

// interviewIDs are the 45 questions the deck adds to the seed's, by chapter.
var interviewIDs = []string{
	"rope", "position-encoding", "swiglu-ffn", "moe", "params-flops", "tokenization",
	"ssm-linear-attention", "training-stability", "multi-token-prediction",
	"scaling-laws", "data-curation", "synthetic-data", "lr-schedule", "parallelism",
	"fp8-training", "long-context", "continual-pretraining",
	"rlhf-ppo", "dpo", "grpo-rlvr", "reward-hacking", "prm-orm", "reasoning-models",
	"rejection-sampling", "distillation", "rlaif-constitutional", "model-merging",
	"prefill-decode", "paged-attention", "speculative-decoding", "quantization",
	"prefix-cache-kv-compression", "constrained-decoding",
	"contamination-llm-judge", "hallucination", "jailbreak-injection", "calibration",
	"rag", "embedding-models", "agents-tool-use", "long-context-vs-rag",
	"multimodal-llm", "navit", "dit-flow-matching",
	"optimizers",
}

// deckChapters are the built-in deck's chapters in order, each with the
// tags its notes may use. File names start with the chapter's number.
var deckChapters = []struct {
	name string
	tags []string
}{
	{"架构", []string{"架构", "注意力", "位置编码", "归一化", "MoE", "分词", "训练", "预训练", "显存"}},
	{"预训练与扩展", []string{"预训练", "扩展定律", "数据", "训练", "并行", "显存", "精度", "长上下文"}},
	{"后训练", []string{"微调", "对齐", "强化学习", "推理模型", "蒸馏", "训练"}},
	{"推理", []string{"解码", "推理系统", "量化", "显存", "生成"}},
	{"评测与安全", []string{"评测", "安全", "幻觉"}},
	{"应用", []string{"检索", "Agent", "长上下文", "微调", "预训练"}},
	{"多模态", []string{"多模态", "生成", "预训练"}},
	{"优化器", []string{"优化器", "训练"}},
}

// deckFileRe is a built-in note's file name: chapter number, position in
// the chapter, id.
var deckFileRe = regexp.MustCompile(`^([1-9])-(\d\d)-([a-z0-9-]+)\.md$`)

func TestDefaultDeck(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "面经 · LLM" {
		t.Errorf("Name = %q", d.Name)
	}
	seeds := 0
	for _, n := range d.Notes {
		m := deckFileRe.FindStringSubmatch(n.File)
		if m == nil || m[3] != n.ID {
			t.Errorf("file %q: want C-NN-%s.md", n.File, n.ID)
			continue
		}
		ch := deckChapters[m[1][0]-'1']
		if int(m[1][0]-'0') > len(deckChapters) || n.Chapter != ch.name {
			t.Errorf("%s: chapter %q, its file number says %q", n.File, n.Chapter, ch.name)
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
		for _, tag := range n.Tags {
			if !slices.Contains(ch.tags, tag) {
				t.Errorf("%s: tag %q is not in chapter %s's list %q", n.ID, tag, ch.name, ch.tags)
			}
		}
		if n.Difficulty < 1 || n.Difficulty > 3 {
			t.Errorf("%s: difficulty %d, want 1–3", n.ID, n.Difficulty)
		}
		if strings.Contains(n.Answer(), PointsHeading) || !strings.HasSuffix(n.Body, n.Points[len(n.Points)-1]) {
			t.Errorf("%s: the body must end with its %s section", n.ID, PointsHeading)
		}
		if n.Origin == OriginSeed {
			seeds++
			if !slices.Contains(seedIDs, n.ID) {
				t.Errorf("%s: origin: seed, but the seed has no such question", n.ID)
			}
		}
	}
	if seeds != len(seedIDs) {
		t.Errorf("%d notes marked origin: seed, want %d", seeds, len(seedIDs))
	}
	// The 45 questions of a 2026 LLM interview, beside the seed's 11.
	have := map[string]bool{}
	for _, n := range d.Notes {
		have[n.ID] = true
	}
	for _, id := range interviewIDs {
		if !have[id] {
			t.Errorf("the deck lacks %q", id)
		}
	}
	if len(d.Notes) != len(seedIDs)+len(interviewIDs) {
		t.Errorf("%d notes, want %d", len(d.Notes), len(seedIDs)+len(interviewIDs))
	}
	var want []string
	for _, c := range deckChapters {
		want = append(want, c.name)
	}
	if got := d.Chapters(); !slices.Equal(got, want) {
		t.Errorf("chapters %q, want %q", got, want)
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
