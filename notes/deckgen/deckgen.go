// Package deckgen generates realistic decks and progress stores for
// benchmarks, scale and soak tests: Chinese titles, 1–3 KB answers with
// paragraphs, nested lists and a code block, a key-points section,
// bookmarks and a long review log in a real bbolt file.
//
// It sits in internal/ beside the packages it feeds rather than in any of
// them: it needs notes, srs and store at once, and both the tui tests and
// the top-level (package main) benchmarks import it, so it cannot live in
// a _test.go file of either. Nothing in the binary imports it.
//
// Everything is deterministic: the same arguments give the same notes and
// the same log.
package deckgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"

	"mianjing/notes"
	"mianjing/srs"
	"mianjing/store"
)

// Sizes of the standard large deck the targets are set for.
const (
	Notes     = 10_000  // notes in the large deck
	Bookmarks = 1_000   // of them bookmarked
	Reviews   = 100_000 // reviews in its log
)

// Now returns the clock of generated stores: the log ends just before it.
func Now() time.Time { return time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC) }

var (
	topics = []string{"Transformer", "注意力机制", "LoRA微调", "RLHF", "KV Cache", "位置编码", "MoE",
		"Flash Attention", "RAG检索", "大模型评估", "量化", "蒸馏", "解码策略", "分词器", "预训练数据",
		"长上下文", "指令微调", "奖励模型", "多模态", "推理加速"}
	asks = []string{"的原理是什么？", "为什么能节省显存？", "有哪些常见问题与改进？", "和传统方法相比有何优劣？",
		"在工程上如何实现？", "的复杂度是多少？", "训练时要注意什么？", "如何评估效果？"}
	tagPool = []string{"微调", "架构", "注意力", "多模态", "生成", "训练", "归一化", "解码", "推理", "评估", "对齐", "数据"}
	paras   = []string{
		"Lora方法的核心是在大型语言模型上对指定参数增加额外的低秩矩阵,也就是在原始PLM旁边增加一个旁路,做一个降维再升维的操作。",
		"SFT可能会导致模型的泛化能力下降,这是因为模型可能过度适应于微调数据,而忽视了预训练阶段学到的知识。",
		"在标准的Transformer中,Attention计算的时间复杂度为O(N^2),其中N是输入序列的长度。",
		"Batch Normalization 是对这批样本的同一维度特征做归一化, Layer Normalization 是对这单个样本的所有维度特征做归一化。",
		"KV Cache 把已经算过的键和值缓存下来，解码每一步只需计算新 token 的查询，显存随序列长度线性增长。",
	}
)

// Title returns the title of note i: a topic, a question and the number,
// so titles are distinct and share words the way a real deck's do.
func Title(i int) string {
	return fmt.Sprintf("%s%s（第%d题）", topics[i%len(topics)], asks[(i/len(topics))%len(asks)], i+1)
}

// ID returns the id of note i.
func ID(i int) string { return fmt.Sprintf("note-%05d", i) }

// NoteFile returns the file name and contents of note i, 1–3 KB.
func NoteFile(i int) (string, []byte) {
	var b strings.Builder
	fmt.Fprintf(&b, "---\nid: %s\ntitle: %s\n", ID(i), Title(i))
	fmt.Fprintf(&b, "tags: [%s, %s]\ndifficulty: %d\n---\n\n", tagPool[i%len(tagPool)], tagPool[(i+5)%len(tagPool)], i%3+1)
	for p := range 2 + i%4 {
		b.WriteString(paras[(i+p)%len(paras)])
		b.WriteString(paras[(i+p+2)%len(paras)])
		b.WriteString("\n\n")
	}
	b.WriteString("- **为什么BN在NLP中效果差**\n  - BN是对单词做缩放,本质上是对词向量进行缩放。\n  - 词向量是学习出来的参数。\n")
	b.WriteString("- 使用局部注意力机制,只计算与当前位置相关的子序列。\n\n")
	b.WriteString("```python\nself.to_qkv = nn.Linear(dim, inner_dim * 3, bias=False)\nself.to_out = nn.Linear(inner_dim, dim)\n```\n\n")
	b.WriteString("延伸阅读：使用 LoRA(低阶适应)微调 LLM\n\n## 要点\n\n")
	for p := range 3 + i%4 {
		fmt.Fprintf(&b, "- 第%d点：训练时冻结PLM参数，只训练降维矩阵A与升维矩阵B\n", p+1)
	}
	return fmt.Sprintf("%05d-note.md", i), []byte(b.String())
}

// Files returns a deck of n notes as an in-memory file system.
func Files(n int) fstest.MapFS {
	fsys := make(fstest.MapFS, n)
	for i := range n {
		name, data := NoteFile(i)
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return fsys
}

// Deck returns a loaded deck of n notes, parsed by notes.Load.
func Deck(n int) (*notes.Deck, error) {
	d, err := notes.Load(Files(n))
	if err != nil {
		return nil, err
	}
	d.Name = fmt.Sprintf("生成的%d题", n)
	return d, nil
}

// WriteDeck writes a deck of n notes into dir, which must exist.
func WriteDeck(dir string, n int) error {
	for i := range n {
		name, data := NoteFile(i)
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Progress says what WriteStore puts in a store.
type Progress struct {
	Bookmarks int // every (len/Bookmarks)th note is bookmarked
	Reviews   int // log entries, spread evenly over the year before Now
	// Reviewed is how many notes (the first ones) have reviews; the rest
	// stay new. 0 means 80% of the deck.
	Reviewed int
}

// Small is the progress of a store for the embedded deck: three bookmarks
// and 1,100 reviews of its 11 notes, about three a day for a year.
func Small() Progress { return Progress{Bookmarks: 3, Reviews: 1_100, Reviewed: 11} }

// Large is the progress of the large store: 1,000 bookmarks and
// 100,000 reviews.
func Large() Progress { return Progress{Bookmarks: Bookmarks, Reviews: Reviews} }

// backup is the JSON document store.Import reads.
type backup struct {
	Format     string               `json:"format"`
	Version    int                  `json:"version"`
	ExportedAt time.Time            `json:"exported_at"`
	Cards      map[string]srs.Card  `json:"cards"`
	Reviews    []store.Review       `json:"reviews"`
	Bookmarks  map[string]time.Time `json:"bookmarks"`
	Suspended  map[string]time.Time `json:"suspended"`
	Interviews []store.Interview    `json:"interviews"`
	Settings   store.Settings       `json:"settings"`
}

// Log returns the cards, the review log (oldest first) and the bookmarks
// of p for the note ids: reviews follow each other at equal steps over the
// year before Now, note by note in a scattered order, each graded (mostly
// Good) and scheduled by the real FSRS scheduler, so every Before is the
// previous After.
func Log(ids []string, p Progress) (map[string]srs.Card, []store.Review, map[string]time.Time) {
	cards := make(map[string]srs.Card)
	bookmarks := make(map[string]time.Time)
	if len(ids) == 0 {
		return cards, nil, bookmarks
	}
	if p.Bookmarks > 0 {
		every := max(1, len(ids)/p.Bookmarks)
		for i := 0; i < len(ids) && len(bookmarks) < p.Bookmarks; i += every {
			bookmarks[ids[i]] = Now().Add(-time.Duration(i+1) * time.Minute).Truncate(time.Millisecond)
		}
	}
	reviewed := p.Reviewed
	if reviewed <= 0 || reviewed > len(ids) {
		reviewed = max(1, len(ids)*4/5)
	}
	sched := srs.NewScheduler()
	sched.Loc = time.UTC
	start := Now().AddDate(-1, 0, 0)
	step := Now().Sub(start) / time.Duration(max(1, p.Reviews))
	const stride = 7919 // prime: visits every reviewed note before repeating one
	log := make([]store.Review, 0, p.Reviews)
	for i := range p.Reviews {
		id := ids[(i*stride)%reviewed]
		if reviewed%stride == 0 {
			id = ids[i%reviewed]
		}
		at := start.Add(time.Duration(i) * step).Truncate(time.Millisecond)
		rating := []srs.Rating{srs.Good, srs.Good, srs.Good, srs.Hard, srs.Good, srs.Again, srs.Good, srs.Easy}[(i/7)%8]
		before := cards[id]
		after := sched.Review(before, rating, at, id)
		cards[id] = after
		log = append(log, store.Review{NoteID: id, Time: at, Rating: rating, Before: before, After: after,
			Duration: int64(3000 + i%9000), Mode: store.ModeDue})
	}
	return cards, log, bookmarks
}

// WriteStore creates a bbolt store at path holding p's progress for the
// deck d, through store.Import (one transaction), and closes it.
func WriteStore(path string, d *notes.Deck, p Progress) error {
	ids := make([]string, len(d.Notes))
	for i, n := range d.Notes {
		ids[i] = n.ID
	}
	cards, log, bookmarks := Log(ids, p)
	bk := backup{Format: store.BackupFormat, Version: store.BackupVersion, ExportedAt: Now(),
		Cards: cards, Reviews: log, Bookmarks: bookmarks, Suspended: map[string]time.Time{},
		Interviews: []store.Interview{}, Settings: store.DefaultSettings()}
	if bk.Reviews == nil {
		bk.Reviews = []store.Review{}
	}
	doc, err := json.Marshal(bk)
	if err != nil {
		return err
	}
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	res, err := st.Import(bytes.NewReader(doc))
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if res.Reviews != len(log) || res.Bookmarks != len(bookmarks) {
		return fmt.Errorf("deckgen: imported %d reviews and %d bookmarks, want %d and %d",
			res.Reviews, res.Bookmarks, len(log), len(bookmarks))
	}
	return nil
}

// version names the generator's output in cache paths; bump it whenever
// NoteFile, Log or WriteStore change what they write.
const version = 1

// Fixture is a generated deck directory and store file on disk.
type Fixture struct {
	DeckDir string // the notes, for --notes or notes.LoadDir
	DB      string // the store; copy it (CopyFile) before anything may write to it
}

// Cached returns the fixture of n generated notes with progress p, built
// on first use under the user's cache directory (generating the large
// store takes seconds) and reused by later runs and other packages. A
// fixture is built in a temporary directory and renamed into place, so
// concurrent test binaries never see half of one.
func Cached(n int, p Progress) (Fixture, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	name := fmt.Sprintf("v%d-%dnotes-%db-%dr-%dn", version, n, p.Bookmarks, p.Reviews, p.Reviewed)
	dir := filepath.Join(base, "mianjing-deckgen", name)
	fx := Fixture{DeckDir: filepath.Join(dir, "deck"), DB: filepath.Join(dir, "progress.db")}
	if _, err := os.Stat(filepath.Join(dir, "complete")); err == nil {
		return fx, nil
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return Fixture{}, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), name+".tmp-*")
	if err != nil {
		return Fixture{}, err
	}
	defer os.RemoveAll(tmp)
	if err := build(tmp, n, p); err != nil {
		return Fixture{}, err
	}
	// dir appears whole or not at all: "complete" is written before the
	// rename.
	if err := os.Rename(tmp, dir); err != nil {
		// Another process finished first: use its fixture.
		if _, serr := os.Stat(filepath.Join(dir, "complete")); serr == nil {
			return fx, nil
		}
		return Fixture{}, err
	}
	return fx, nil
}

// build writes a fixture into dir.
func build(dir string, n int, p Progress) error {
	deckDir := filepath.Join(dir, "deck")
	if err := os.Mkdir(deckDir, 0o755); err != nil {
		return err
	}
	if err := WriteDeck(deckDir, n); err != nil {
		return err
	}
	d, err := notes.LoadDir(deckDir)
	if err != nil {
		return err
	}
	if err := WriteStore(filepath.Join(dir, "progress.db"), d, p); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "complete"), nil, 0o644)
}

// CopyFile copies the file src to dst (mode 0600), for a store a run may
// write to.
func CopyFile(dst, src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o600)
}

// BenchPair returns the two decks every benchmark compares: the embedded
// deck with Small progress written to a new store in dir, and the cached
// 10,000-note fixture with Large progress.
func BenchPair(dir string) (emb *notes.Deck, embDB string, large Fixture, err error) {
	if emb, err = notes.Default(); err != nil {
		return nil, "", Fixture{}, err
	}
	embDB = filepath.Join(dir, "embedded.db")
	if err = WriteStore(embDB, emb, Small()); err != nil {
		return nil, "", Fixture{}, err
	}
	large, err = Cached(Notes, Large())
	return emb, embDB, large, err
}
