package notes

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// genDeck builds a deck of n realistic notes: Chinese titles, tags, a
// difficulty, 1–3 KB answers with paragraphs, a nested list and a python
// block, and a points section.
func genDeck(n int) fstest.MapFS {
	paras := []string{
		"Lora方法的核心是在大型语言模型上对指定参数增加额外的低秩矩阵,也就是在原始PLM旁边增加一个旁路,做一个降维再升维的操作。",
		"SFT可能会导致模型的泛化能力下降,这是因为模型可能过度适应于微调数据,而忽视了预训练阶段学到的知识。",
		"在标准的Transformer中,Attention计算的时间复杂度为O(N^2),其中N是输入序列的长度。",
		"Batch Normalization 是对这批样本的同一维度特征做归一化, Layer Normalization 是对这单个样本的所有维度特征做归一化。",
	}
	tags := []string{"微调", "架构", "注意力", "多模态", "生成", "训练", "归一化", "解码"}
	fsys := fstest.MapFS{}
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "---\nid: note-%05d\ntitle: 第%d题：为什么Transformer块使用LayerNorm而不是BatchNorm\n", i, i)
		fmt.Fprintf(&b, "tags: [%s, %s]\ndifficulty: %d\n---\n\n", tags[i%8], tags[(i+3)%8], i%3+1)
		for p := range 2 + i%5 {
			b.WriteString(paras[(i+p)%4])
			b.WriteString(paras[(i+p+1)%4])
			b.WriteString("\n\n")
		}
		b.WriteString("- **为什么BN在NLP中效果差**\n  - BN是对单词做缩放,本质上是对词向量进行缩放。\n  - 词向量是学习出来的参数。\n")
		b.WriteString("- 使用局部注意力机制,只计算与当前位置相关的子序列。\n\n")
		b.WriteString("```python\nself.to_qkv = nn.Linear(dim, inner_dim * 3, bias=False)\nself.to_out = nn.Linear(inner_dim, dim)\n```\n\n")
		b.WriteString("延伸阅读：使用 LoRA(低阶适应)微调 LLM\n\n## 要点\n\n")
		for p := range 3 + i%4 {
			fmt.Fprintf(&b, "- 第%d点：训练时冻结PLM参数，只训练降维矩阵A与升维矩阵B\n", p+1)
		}
		fsys[fmt.Sprintf("%05d-note.md", i)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys
}

func TestGenDeckRealistic(t *testing.T) {
	fsys := genDeck(200)
	min, max := 1<<20, 0
	for _, f := range fsys {
		min, max = minmax(min, max, len(f.Data))
	}
	if min < 1024 || max > 3*1024 {
		t.Errorf("generated notes are %d–%d bytes, want within 1–3 KB", min, max)
	}
	d, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Notes) != 200 || len(d.Notes[7].Points) < 3 {
		t.Errorf("loaded %d notes", len(d.Notes))
	}
}

func minmax(lo, hi, v int) (int, int) {
	return min(lo, v), max(hi, v)
}

func BenchmarkLoad10k(b *testing.B) {
	fsys := genDeck(10000)
	b.ReportAllocs()
	for b.Loop() {
		d, err := Load(fsys)
		if err != nil || len(d.Notes) != 10000 {
			b.Fatal(err)
		}
	}
}
