package tui

import (
	"fmt"
	"strings"
	"time"

	"mianjing/wording"
)

// text holds every string the interface shows, in one language. Format
// strings take the arguments their names say.
type text struct {
	Lang    string // "zh" or "en", for the charts' own words
	Enlarge string // shown when the terminal is too small
	// IgnoredKeysFmt counts the keys the too-small screen did not act on.
	IgnoredKeysFmt string

	// Header of the list.
	NotesFmt      string // %d notes
	DueTodayFmt   string // %d due today
	NewTodayFmt   string // %d new cards in today's study
	BookmarkedFmt string // %d bookmarked
	ScopeAll      string
	ScopeMarked   string
	ScopeDue      string
	EmptyAll      string
	EmptyMarked   string
	EmptyDue      string
	NoMatches     string
	FilterPrompt  string
	FilterHolder  string
	FilterHint    string // shown on the filter line when no filter is set
	FilterFmt     string // %s applied filter, %d shown, %d in scope

	// Study state markers.
	StateNew       string
	StateDue       string
	StateMastered  string
	StateSuspended string

	// Study control: suspend, reset, cram.
	KeySuspend, KeyReset, KeyCram                string
	SuspendOn, SuspendOff                        string
	ResetAskFmt, ResetDoneFmt                    string // %s title
	ResetCancelled, ResetUndone, ResetAlreadyNew string
	ErrSuspendFmt, ErrResetFmt                   string // %v store error
	ModeCram, CramInterval                       string
	DaysFmt                                      string // %d days until due
	YearFmt                                      string // a due date's year, over a year ahead

	// Detail view.
	Rendering string

	// Status and error lines.
	BookmarkOn     string
	BookmarkOff    string
	ErrPrefix      string
	ErrBookmarkFmt string // %v store error
	ErrProgressFmt string // %v store error
	ErrRenderFmt   string // %v render error
	FirstNote      string
	LastNote       string
	ScrollFmt      string // %d percent

	// Self-test.
	QuizHeaderFmt   string // %s mode name
	ModeDue         string
	ModeMarked      string
	ModeAll         string
	ModeOne         string
	QuizLoading     string
	LearningFmt     string // %d learning cards waiting
	AheadTag        string // a learning card shown before its step is due
	SavedFmt        string // %d grades saved
	Saving          string
	RecallHint      string // under the question
	TypedLabel      string // above the learner's typed answer
	ReferenceLabel  string // above the note's answer
	PointsFmt       string // %d ticked, %d points
	GradeAgain      string
	GradeHard       string
	GradeGood       string
	GradeEasy       string
	SuggestFmt      string // %s grade name
	ConfirmEnd      string
	EmptyDueQuiz    string
	EmptyMarkedQuiz string
	EmptyAllQuiz    string
	NextDueFmt      string // %s in how long, %s date
	NoneScheduled   string
	OfferMarkedFmt  string // %d bookmarked notes
	OfferAllFmt     string // %d notes
	OfferBack       string
	OfferBackNote   string
	OfferBackStats  string
	SummaryTitle    string
	SumCardsFmt     string    // notes reviewed (SumNotes), grades (SumGrades)
	SumNotes        [2]string // one, many (wording.Count)
	SumGrades       [2]string // one, many
	SumNothing      string
	SumTimeFmt      string    // %s duration
	SumPointsFmt    string    // %d ticked, %d points, %d percent
	SumMarkedFmt    string    // %d bookmarked
	SumDueNowFmt    string    // %d due now
	SumLearnFmt     string    // %s in how long
	SumSaved        [2]string // one grade saved, %d grades saved
	SumBack         string
	SumBackNote     string
	SumBackStats    string
	Undone          string
	ErrSaveFmt      string // %v store error
	ErrUndoFmt      string // %v store error
	ErrUndoOdd      string // the store undid a review the session did not expect
	ErrLoadFmt      string // %v store error
	SecondsFmt      string // %d seconds
	MinutesFmt      string // %d minutes, %d seconds
	HoursFmt        string // %d hours, %d minutes

	// Stats screen.
	StatsTitle      string
	StatsLoading    string
	ErrStatsFmt     string // %v store error
	StatsEmptyTitle string
	StatsEmptyBody  string
	StatsEmptyDeck  string // %d notes in the deck
	CalendarFmt     string // %d weeks shown
	ForecastTitle   string
	ForecastToday   string // the forecast's label under today's bar
	NotesStateFmt   string // %d notes
	StatMastered    string
	StatReview      string
	StatLearning    string
	StatNew         string
	ActivityTitle   string
	ReviewsFmt      string    // %d today, %d in the last 7 days
	CramFmt         string    // cram grades: %d today, %d in all
	StreakFmt       string    // current streak (StreakDays), %d longest
	StreakDays      [2]string // one day, %d days
	RetentionFmt    string    // %d percent, %d passes, %d reviews of review cards, last 30 days
	RetentionNone   string
	MemoryWeakest   string // the per-note section, weakest first
	MemoryDeck      string // the per-note section, in deck order
	ColRecall       string
	ColStability    string
	ColLapses       string

	// Key help descriptions.
	KeyUp, KeyDown, KeyPageUp, KeyPageDown, KeyTop, KeyBottom  string
	KeyFilter, KeyClearFilter, KeyApplyFilter, KeyCancelFilter string
	KeyOpen, KeyBookmark, KeyScope, KeyStudy, KeyTestNote      string
	KeyHalfUp, KeyHalfDown, KeyNext, KeyPrev, KeyBack          string
	KeyHelp, KeyCloseHelp, KeyQuit, KeyForceQuit, KeyScroll    string
	KeyStudyAll, KeyType, KeyStopTyping, KeyReveal, KeyTick    string
	KeyFull, KeyUnfull                                         string
	// Related notes in the reading view.
	KeyRelated, RelatedHeading, RelatedNone, RelatedCancelled string
	RelatedAskFmt                                             string // %d related notes
	// TypedMoreFmt ends a folded typed answer: %d lines not shown.
	TypedMoreFmt string
	// TypingMode says the answer box has the keys.
	TypingMode                                                  string
	KeyAccept, KeyUndo, KeyEnd, KeyConfirm, KeyCancel           string
	KeyStudyMarked, KeyToList, KeyStats, KeySort, KeyDifficulty string
	KeyTag                                                      string
	KeyToNote, KeyToStats                                       string
	KeyChapter, KeyPrevChapter, KeyNextChapter                  string
	// ChapterFmt heads a chapter's rows: name and note count.
	ChapterFmt     string
	NoMoreChapters string

	// Reading view: search, editing the deck, previous answers.
	KeySearch, KeyNextMatch, KeyPrevMatch, KeyClearSearch string
	KeyNextHeading, KeyPrevHeading, KeyEdit               string
	KeyShowAnswers, KeyHideAnswers                        string
	SearchNone                                            string // the query matches nothing
	EditBuiltin                                           string // e on the built-in deck
	ErrEditorFmt                                          string // %v exec error
	ReloadedFmt                                           string // %d changed, %d added, %d removed
	ErrReloadFmt                                          string // %v the deck's problems
	ErrWatchFmt                                           string // %v watcher error
	AnswersTitle                                          string
	AnswersLoading                                        string
	AnswersNone                                           string
	AnswerPointsFmt                                       string // %d ticked, %d points
	ErrAnswersFmt                                         string // %v store error

	// The mock interview (interview*.go).
	KeyInterview, KeyIvEnd string
	IvTitle                string
	IvProgressFmt          string // %d question, %d questions
	IvHint                 string // under the question: answer aloud or type
	IvConfirmEnd           string
	IvEmpty                string
	IvReportTitle          string
	IvReportNothing        string
	IvNotGraded            string
	IvReportRowFmt         string // %s time taken, %s budget, %d ticked, %d points, %s grade
	IvMissed               string // before the missed points
	IvTotalsFmt            string // %d questions done, %d asked, %s time, %s budget
	IvCoveredFmt           string // %d ticked, %d points, %d percent
	IvOverFmt              string // %d questions over time
	IvWeakestFmt           string // %s chapter
	IvErrReportFmt         string // %v store error
	IvReportSaved          string
	IvReportBack           string
	PastTitleFmt           string // %d previous answers, at a reveal
	PastMoreFmt            string // %d older answers not shown
	IvStatsTitleFmt        string // %d interviews
	IvStatsRowFmt          string // %s date, %d questions, %d percent covered, %s time
}

// textFor returns the strings of lang ("zh" or anything else for English).
func textFor(lang string) text {
	if lang == "zh" {
		return zhText()
	}
	return enText()
}

func zhText() text {
	return text{
		Lang:           "zh",
		Enlarge:        "请放大窗口（至少 40×12）\nq 退出",
		IgnoredKeysFmt: "已忽略 %d 个按键",

		NotesFmt:      "%d 题",
		DueTodayFmt:   "到期 %d",
		NewTodayFmt:   "新 %d",
		BookmarkedFmt: "收藏 %d",
		ScopeAll:      "全部",
		ScopeMarked:   "收藏",
		ScopeDue:      "今日",
		EmptyAll:      "题库是空的。",
		EmptyMarked:   "还没有收藏。按 b 收藏当前题目，按 f 切换范围。",
		EmptyDue:      "今天没有要学的题目：没有到期的，新题也已达每日上限。按 f 切换范围。",
		NoMatches:     "没有匹配的题目。",
		FilterPrompt:  "筛选：",
		FilterHolder:  "标题、标签、答案，或 难度:3",
		FilterHint:    "按 / 筛选",
		FilterFmt:     "筛选“%s”：%d/%d",

		StateNew:       "新",
		StateDue:       "到期",
		StateMastered:  "已掌握",
		StateSuspended: "已暂停",
		KeySuspend:     "暂停/恢复", KeyReset: "重置为新题", KeyCram: "突击（不改排期）",
		SuspendOn: "已暂停：这道题不再出现在学习和自测中（x 恢复）", SuspendOff: "已恢复",
		ResetAskFmt: "把《%s》重置为新题？按 y 确认，其他键取消", ResetDoneFmt: "《%s》已重置为新题 · 按 u 撤销",
		ResetCancelled: "已取消重置", ResetUndone: "已撤销重置", ResetAlreadyNew: "这道题还是新题，无需重置",
		ErrSuspendFmt: "暂停未保存：%v", ErrResetFmt: "重置失败：%v",
		ModeCram: "突击 · 不改排期", CramInterval: "不改排期",
		DaysFmt: "%d天",
		YearFmt: "%d年",

		Rendering: "渲染中…",

		BookmarkOn:     "已收藏",
		BookmarkOff:    "已取消收藏",
		ErrPrefix:      "错误：",
		ErrBookmarkFmt: "收藏未保存：%v",
		ErrProgressFmt: "读取学习进度失败：%v",
		ErrRenderFmt:   "渲染失败：%v",
		FirstNote:      "已是第一题",
		LastNote:       "已是最后一题",
		ScrollFmt:      "%d%%",

		KeyUp: "上移", KeyDown: "下移", KeyPageUp: "上一页", KeyPageDown: "下一页",
		KeyTop: "顶部", KeyBottom: "底部",
		KeyFilter: "筛选", KeyClearFilter: "清除筛选", KeyApplyFilter: "确定", KeyCancelFilter: "取消",
		KeyOpen: "打开", KeyBookmark: "收藏", KeyScope: "范围", KeyStudy: "自测", KeyTestNote: "自测本题",
		KeyHalfUp: "上半页", KeyHalfDown: "下半页", KeyNext: "下一题", KeyPrev: "上一题", KeyBack: "返回",
		KeyHelp: "帮助", KeyCloseHelp: "收起帮助", KeyQuit: "退出", KeyForceQuit: "强制退出", KeyScroll: "滚动",
		KeyStudyAll: "全部自测", KeyType: "输入答案", KeyStopTyping: "完成输入", KeyReveal: "显示答案",
		KeyRelated: "相关题目", RelatedHeading: "相关题目", RelatedNone: "这道题没有列出相关题目",
		RelatedCancelled: "已取消", RelatedAskFmt: "按 1–%d 打开相关题目（列在笔记末尾），其他键取消",
		KeyFull: "全屏看答案", KeyUnfull: "返回评分", TypedMoreFmt: "…还有 %d 行（i 编辑）", TypingMode: "输入中：字母都进入回答框",
		KeyTick: "勾选要点", KeyAccept: "按建议评分", KeyUndo: "撤销", KeyEnd: "结束", KeyConfirm: "结束",
		KeyCancel: "继续", KeyStudyMarked: "自测收藏", KeyToList: "返回列表",
		KeyToNote: "返回笔记", KeyToStats: "返回统计",
		KeyStats: "统计", KeySort: "切换排序", KeyDifficulty: "按难度筛选（N=1–3）", KeyTag: "按标签精确筛选",
		KeyChapter: "只看本章", KeyPrevChapter: "上一章", KeyNextChapter: "下一章",
		ChapterFmt: "%s · %d 题", NoMoreChapters: "没有更多章节",

		KeySearch: "搜索", KeyNextMatch: "下一个匹配", KeyPrevMatch: "上一个匹配", KeyClearSearch: "清除搜索",
		KeyNextHeading: "下一节", KeyPrevHeading: "上一节", KeyEdit: "编辑",
		KeyShowAnswers: "我的回答", KeyHideAnswers: "收起回答",
		SearchNone:      "无匹配",
		EditBuiltin:     "内置题库不能编辑：先运行 mianjing deck export 目录，再用 --notes 目录 打开",
		ErrEditorFmt:    "编辑器未能运行：%v",
		ReloadedFmt:     "题库已重新载入：改动 %d，新增 %d，删除 %d",
		ErrReloadFmt:    "笔记有错误，保留旧版本：%v",
		ErrWatchFmt:     "无法监视题库目录，改动需重启后生效：%v",
		AnswersTitle:    "我以前的回答",
		AnswersLoading:  "读取中…",
		AnswersNone:     "还没有写过这道题的回答（自测时按 i 输入）。",
		AnswerPointsFmt: "要点 %d/%d",
		ErrAnswersFmt:   "读取回答失败：%v",

		KeyInterview: "模拟面试", KeyIvEnd: "结束面试",
		IvTitle:         "模拟面试",
		IvProgressFmt:   "第 %d / %d 题",
		IvHint:          "像面试时一样说出来，或按 i 写下来；答完按空格看参考答案",
		IvConfirmEnd:    "结束面试？已评分的题会保留（y 结束 · n 继续）",
		IvEmpty:         "没有可以出的题（暂停的题不出）。",
		IvReportTitle:   "面试报告",
		IvReportNothing: "还没答完一道题，没有报告。",
		IvNotGraded:     "未评分",
		IvReportRowFmt:  "用时 %s / %s · 要点 %d/%d · %s",
		IvMissed:        "漏掉：",
		IvTotalsFmt:     "共答 %d / %d 题 · 用时 %s（预算 %s）",
		IvCoveredFmt:    "要点覆盖 %d/%d（%d%%）",
		IvOverFmt:       "超时 %d 题",
		IvWeakestFmt:    "本次最弱章节：%s",
		IvErrReportFmt:  "报告未保存：%v",
		IvReportSaved:   "报告已保存（mianjing interview --history 查看）",
		IvReportBack:    "按 enter 返回",
		PastTitleFmt:    "我以前的回答（%d 次，新的在前）",
		PastMoreFmt:     "…还有 %d 次更早的回答（阅读时按 h 查看）",
		IvStatsTitleFmt: "模拟面试（%d 次）",
		IvStatsRowFmt:   "%s  %d 题  要点 %d%%  用时 %s",

		StatsTitle:      "学习统计",
		StatsLoading:    "正在统计…",
		ErrStatsFmt:     "读取复习记录失败：%v",
		StatsEmptyTitle: "还没有复习记录",
		StatsEmptyBody:  "按 s 开始第一次自测。复习之后，这里会画出你的复习日历、未来两周的到期预测和每道题的记忆强度。",
		StatsEmptyDeck:  "题库里的 %d 道题都在等你。",
		CalendarFmt:     "复习日历 · 近 %d 周",
		ForecastTitle:   "到期预测",
		ForecastToday:   "今",
		NotesStateFmt:   "题目 %d",
		StatMastered:    "已掌握",
		StatReview:      "复习中",
		StatLearning:    "学习中",
		StatNew:         "新题",
		ActivityTitle:   "复习",
		ReviewsFmt:      "今天 %d · 近 7 天 %d",
		CramFmt:         "突击 今天 %d · 共 %d（不计入排期）",
		StreakFmt:       "连续 %s · 最长 %d 天",
		StreakDays:      [2]string{"%d 天", "%d 天"},
		RetentionFmt:    "保持率 %d%%（近 30 天 %d/%d）",
		RetentionNone:   "保持率 —（近 30 天没有复习卡片）",
		MemoryWeakest:   "每题记忆 · 最弱在前",
		MemoryDeck:      "每题记忆 · 题库顺序",
		ColRecall:       "记忆",
		ColStability:    "稳定性",
		ColLapses:       "遗忘",

		QuizHeaderFmt:   "自测 · %s",
		ModeDue:         "今日",
		ModeMarked:      "收藏",
		ModeAll:         "全部",
		ModeOne:         "单题",
		QuizLoading:     "正在准备题目…",
		LearningFmt:     "学习中 %d",
		AheadTag:        "提前",
		SavedFmt:        "已保存 %d",
		Saving:          "保存中…",
		RecallHint:      "先回想答案，再按 空格 显示答案；按 i 写下你的回答",
		TypedLabel:      "你的回答",
		ReferenceLabel:  "参考答案",
		PointsFmt:       "要点（已勾选 %d/%d）",
		GradeAgain:      "重来",
		GradeHard:       "困难",
		GradeGood:       "良好",
		GradeEasy:       "简单",
		SuggestFmt:      "建议：%s（空格确认）",
		ConfirmEnd:      "本题答案已显示但还没评分。结束自测？y 结束 · n 继续",
		EmptyDueQuiz:    "今天没有到期的题目，也没有新题。",
		EmptyMarkedQuiz: "还没有收藏的题目。",
		EmptyAllQuiz:    "没有可以自测的题目。",
		NextDueFmt:      "下一题 %s后到期（%s）。",
		NoneScheduled:   "还没有复习过的题目。",
		OfferMarkedFmt:  "按 b 自测收藏的 %d 题",
		OfferAllFmt:     "按 a 自测全部 %d 题（随机顺序）",
		OfferBack:       "按 esc 返回列表",
		OfferBackNote:   "按 esc 返回笔记",
		OfferBackStats:  "按 esc 返回统计",
		SummaryTitle:    "自测结束",
		SumCardsFmt:     "复习 %s，评分 %s",
		SumNotes:        [2]string{"%d 题", "%d 题"},
		SumGrades:       [2]string{"%d 次", "%d 次"},
		SumNothing:      "这次没有评分。",
		SumTimeFmt:      "用时 %s",
		SumPointsFmt:    "要点回忆 %d/%d（%d%%）",
		SumMarkedFmt:    "其中已收藏 %d 题",
		SumDueNowFmt:    "还有 %d 题已到期",
		SumLearnFmt:     "学习中的题目 %s后再来",
		SumSaved:        [2]string{"评分已保存", "%d 次评分都已保存"},
		SumBack:         "按 enter 返回列表",
		SumBackNote:     "按 enter 返回笔记",
		SumBackStats:    "按 enter 返回统计",
		Undone:          "已撤销上一次评分",
		ErrSaveFmt:      "评分未保存（%v），本题已放回，请重新评分",
		ErrUndoFmt:      "撤销失败：%v",
		ErrUndoOdd:      "撤销的记录与本次自测不符，请检查复习记录",
		ErrLoadFmt:      "无法开始自测：%v",
		SecondsFmt:      "%d秒",
		MinutesFmt:      "%d分%d秒",
		HoursFmt:        "%d小时%d分",
	}
}

func enText() text {
	return text{
		Lang:           "en",
		Enlarge:        "Please enlarge the window (40×12 at least)\nq quits",
		IgnoredKeysFmt: "%d keys ignored",

		NotesFmt:      "%d notes",
		DueTodayFmt:   "%d due",
		NewTodayFmt:   "%d new",
		BookmarkedFmt: "%d bookmarked",
		ScopeAll:      "all",
		ScopeMarked:   "bookmarked",
		ScopeDue:      "today",
		EmptyAll:      "The deck is empty.",
		EmptyMarked:   "No bookmarks yet. b bookmarks a note, f changes the scope.",
		EmptyDue:      "Nothing to study today: nothing is due and the daily new-card limit is reached. f changes the scope.",
		NoMatches:     "Nothing matched.",
		FilterPrompt:  "Filter: ",
		FilterHolder:  "title, tag, answer, or d:3",
		FilterHint:    "/ to filter",
		FilterFmt:     "Filter “%s”: %d/%d",

		StateNew:       "new",
		StateDue:       "due",
		StateMastered:  "mastered",
		StateSuspended: "suspended",
		KeySuspend:     "suspend/resume", KeyReset: "reset to new", KeyCram: "cram (no scheduling)",
		SuspendOn: "Suspended: this note leaves study and self-tests (x resumes)", SuspendOff: "Resumed",
		ResetAskFmt: "Reset “%s” to new? y confirms, any other key cancels", ResetDoneFmt: "“%s” is new again · u undoes",
		ResetCancelled: "Reset cancelled", ResetUndone: "Reset undone", ResetAlreadyNew: "This note is new already",
		ErrSuspendFmt: "suspension not saved: %v", ErrResetFmt: "reset failed: %v",
		ModeCram: "cram · no scheduling", CramInterval: "not scheduled",
		DaysFmt: "%dd",
		YearFmt: "%d",

		Rendering: "rendering…",

		BookmarkOn:     "Bookmarked",
		BookmarkOff:    "Bookmark removed",
		ErrPrefix:      "Error: ",
		ErrBookmarkFmt: "bookmark not saved: %v",
		ErrProgressFmt: "cannot read progress: %v",
		ErrRenderFmt:   "cannot render the note: %v",
		FirstNote:      "This is the first note",
		LastNote:       "This is the last note",
		ScrollFmt:      "%d%%",

		KeyUp: "up", KeyDown: "down", KeyPageUp: "prev page", KeyPageDown: "next page",
		KeyTop: "top", KeyBottom: "bottom",
		KeyFilter: "filter", KeyClearFilter: "clear filter", KeyApplyFilter: "apply", KeyCancelFilter: "cancel",
		KeyOpen: "open", KeyBookmark: "bookmark", KeyScope: "scope", KeyStudy: "self-test", KeyTestNote: "self-test",
		KeyHalfUp: "½ page up", KeyHalfDown: "½ page down", KeyNext: "next note", KeyPrev: "prev note", KeyBack: "back",
		KeyHelp: "help", KeyCloseHelp: "close help", KeyQuit: "quit", KeyForceQuit: "force quit", KeyScroll: "scroll",
		KeyStudyAll: "self-test all", KeyType: "type answer", KeyStopTyping: "stop typing", KeyReveal: "show answer",
		KeyRelated: "related notes", RelatedHeading: "Related", RelatedNone: "This note lists no related notes",
		RelatedCancelled: "Cancelled", RelatedAskFmt: "1–%d opens a related note (listed at the end), any other key cancels",
		KeyFull: "answer full screen", KeyUnfull: "back to grading", TypedMoreFmt: "…%d more lines (i edits)", TypingMode: "typing: letters go to the answer box",
		KeyTick: "tick point", KeyAccept: "grade as suggested", KeyUndo: "undo", KeyEnd: "end", KeyConfirm: "end",
		KeyCancel: "go on", KeyStudyMarked: "self-test bookmarked", KeyToList: "back to list",
		KeyToNote: "back to note", KeyToStats: "back to stats",
		KeyStats: "stats", KeySort: "sort", KeyDifficulty: "by difficulty (N=1–3)", KeyTag: "by this exact tag",
		KeyChapter: "this chapter only", KeyPrevChapter: "prev chapter", KeyNextChapter: "next chapter",
		ChapterFmt: "%s · %d notes", NoMoreChapters: "No more chapters",

		KeySearch: "search", KeyNextMatch: "next match", KeyPrevMatch: "prev match", KeyClearSearch: "clear search",
		KeyNextHeading: "next section", KeyPrevHeading: "prev section", KeyEdit: "edit",
		KeyShowAnswers: "my answers", KeyHideAnswers: "hide answers",
		SearchNone:      "no match",
		EditBuiltin:     "The built-in deck is read-only: run mianjing deck export DIR, then open it with --notes DIR",
		ErrEditorFmt:    "the editor did not run: %v",
		ReloadedFmt:     "Deck reloaded: %d changed, %d added, %d removed",
		ErrReloadFmt:    "kept the old version: %v",
		ErrWatchFmt:     "cannot watch the deck folder; restart to see edits: %v",
		AnswersTitle:    "My previous answers",
		AnswersLoading:  "loading…",
		AnswersNone:     "No typed answers yet (press i in a self-test to type one).",
		AnswerPointsFmt: "points %d/%d",
		ErrAnswersFmt:   "cannot read your answers: %v",

		KeyInterview: "mock interview", KeyIvEnd: "end interview",
		IvTitle:         "Mock interview",
		IvProgressFmt:   "Question %d / %d",
		IvHint:          "Answer aloud as in an interview, or press i to type; space shows the reference",
		IvConfirmEnd:    "End the interview? Grades given are kept (y ends · n goes on)",
		IvEmpty:         "No questions to ask (suspended notes are left out).",
		IvReportTitle:   "Interview report",
		IvReportNothing: "No question was answered: no report.",
		IvNotGraded:     "not graded",
		IvReportRowFmt:  "took %s / %s · points %d/%d · %s",
		IvMissed:        "missed: ",
		IvTotalsFmt:     "%d of %d questions · %s taken (budget %s)",
		IvCoveredFmt:    "points covered %d/%d (%d%%)",
		IvOverFmt:       "%d over time",
		IvWeakestFmt:    "weakest chapter this time: %s",
		IvErrReportFmt:  "report not saved: %v",
		IvReportSaved:   "report saved (mianjing interview --history lists them)",
		IvReportBack:    "press enter to go back",
		PastTitleFmt:    "My previous answers (%d, newest first)",
		PastMoreFmt:     "…%d older answers (h in the reading view shows them)",
		IvStatsTitleFmt: "Mock interviews (%d)",
		IvStatsRowFmt:   "%s  %d questions  points %d%%  %s",

		StatsTitle:      "Progress",
		StatsLoading:    "Counting…",
		ErrStatsFmt:     "cannot read the review history: %v",
		StatsEmptyTitle: "No reviews yet",
		StatsEmptyBody:  "Press s for your first self-test. Once you have reviewed, this screen draws your review calendar, the next two weeks' due notes and how well you remember each note.",
		StatsEmptyDeck:  "All %d notes of the deck are waiting for you.",
		CalendarFmt:     "Reviews · last %d weeks",
		ForecastTitle:   "Due forecast",
		ForecastToday:   "now",
		NotesStateFmt:   "%d notes",
		StatMastered:    "mastered",
		StatReview:      "review",
		StatLearning:    "learning",
		StatNew:         "new",
		ActivityTitle:   "Activity",
		ReviewsFmt:      "reviews today %d · in 7 days %d",
		CramFmt:         "cram today %d · in all %d (not scheduled)",
		StreakFmt:       "streak %s · longest %d",
		StreakDays:      [2]string{"%d day", "%d days"},
		RetentionFmt:    "retention %d%% (30 days: %d/%d)",
		RetentionNone:   "retention — (no review cards in 30 days)",
		MemoryWeakest:   "Memory per note · weakest first",
		MemoryDeck:      "Memory per note · deck order",
		ColRecall:       "recall",
		ColStability:    "stability",
		ColLapses:       "lapses",

		QuizHeaderFmt:   "Self-test · %s",
		ModeDue:         "today",
		ModeMarked:      "bookmarked",
		ModeAll:         "all",
		ModeOne:         "one note",
		QuizLoading:     "Preparing the questions…",
		LearningFmt:     "%d learning",
		AheadTag:        "early",
		SavedFmt:        "%d saved",
		Saving:          "saving…",
		RecallHint:      "Recall the answer, then press space to show it; i to type yours",
		TypedLabel:      "Your answer",
		ReferenceLabel:  "Reference answer",
		PointsFmt:       "Key points (%d/%d ticked)",
		GradeAgain:      "Again",
		GradeHard:       "Hard",
		GradeGood:       "Good",
		GradeEasy:       "Easy",
		SuggestFmt:      "Suggested: %s (space)",
		ConfirmEnd:      "The answer is shown but not graded. End the self-test? y end · n go on",
		EmptyDueQuiz:    "Nothing is due today and no new notes are left.",
		EmptyMarkedQuiz: "No bookmarked notes yet.",
		EmptyAllQuiz:    "There is nothing to test.",
		NextDueFmt:      "The next note is due in %s (%s).",
		NoneScheduled:   "No note has been reviewed yet.",
		OfferMarkedFmt:  "b: test the %d bookmarked notes",
		OfferAllFmt:     "a: test all %d notes (shuffled)",
		OfferBack:       "esc: back to the list",
		OfferBackNote:   "esc: back to the note",
		OfferBackStats:  "esc: back to the stats",
		SummaryTitle:    "Self-test finished",
		SumCardsFmt:     "%s, %s",
		SumNotes:        [2]string{"%d note reviewed", "%d notes reviewed"},
		SumGrades:       [2]string{"%d grade", "%d grades"},
		SumNothing:      "Nothing was graded.",
		SumTimeFmt:      "Time: %s",
		SumPointsFmt:    "Key points recalled: %d/%d (%d%%)",
		SumMarkedFmt:    "%d of them bookmarked",
		SumDueNowFmt:    "%d notes are still due",
		SumLearnFmt:     "Learning notes come back in %s",
		SumSaved:        [2]string{"Grade saved", "All %d grades saved"},
		SumBack:         "enter: back to the list",
		SumBackNote:     "enter: back to the note",
		SumBackStats:    "enter: back to the stats",
		Undone:          "Last grade undone",
		ErrSaveFmt:      "grade not saved (%v); the note is back, grade it again",
		ErrUndoFmt:      "cannot undo: %v",
		ErrUndoOdd:      "the store undid a review this session did not expect; check the history",
		ErrLoadFmt:      "cannot start the self-test: %v",
		SecondsFmt:      "%ds",
		MinutesFmt:      "%dm %ds",
		HoursFmt:        "%dh %dm",
	}
}

// interval localises a label of srs.IntervalLabel ("<1m", "10m", "3h",
// "2d", "1.5mo", "1.2y"): "10分钟", "2天" in Chinese, as the commands
// write it (wording.Interval).
func (t text) interval(label string) string {
	return wording.Interval(t.Lang, label)
}

// count writes n with the singular or plural form of f, as the commands
// do (wording.Count).
func count(n int, f [2]string) string { return wording.Count(n, f[0], f[1]) }

// streak says the current and longest study streaks.
func (t text) streak(current, longest int) string {
	return fmt.Sprintf(t.StreakFmt, count(current, t.StreakDays), longest)
}

// sumCards says how many notes a self-test reviewed with how many grades.
func (t text) sumCards(notes, grades int) string {
	return fmt.Sprintf(t.SumCardsFmt, count(notes, t.SumNotes), count(grades, t.SumGrades))
}

// duration renders a time spent: "45秒", "12分30秒", "1小时5分".
func (t text) duration(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	switch {
	case s < 60:
		return fmt.Sprintf(t.SecondsFmt, s)
	case s < 3600:
		return fmt.Sprintf(t.MinutesFmt, s/60, s%60)
	default:
		return fmt.Sprintf(t.HoursFmt, s/3600, s%3600/60)
	}
}

// DetectLang resolves the interface language: a non-empty flag wins;
// otherwise the locale, the first set of LC_ALL, LC_MESSAGES and LANG as
// POSIX orders them, decides, unless LANGUAGE, gettext's priority list
// (e.g. "zh_CN:en"), names zh or en first; gettext ignores LANGUAGE when the
// locale is C, POSIX or unset, and so does this. Values starting with "zh" give
// "zh", anything else "en".
func DetectLang(flag string, getenv func(string) string) string {
	isZh := func(v string) bool {
		return strings.HasPrefix(strings.ToLower(strings.TrimSpace(v)), "zh")
	}
	pick := func(v string) string {
		if isZh(v) {
			return "zh"
		}
		return "en"
	}
	if strings.TrimSpace(flag) != "" {
		return pick(flag)
	}
	if getenv == nil {
		return "en"
	}
	locale := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			locale = v
			break
		}
	}
	if base, _, _ := strings.Cut(locale, "."); base != "" && base != "C" && base != "POSIX" {
		for _, lang := range strings.Split(getenv("LANGUAGE"), ":") {
			switch l := strings.ToLower(strings.TrimSpace(lang)); {
			case isZh(l):
				return "zh"
			case l == "en" || strings.HasPrefix(l, "en_"):
				return "en"
			}
			// A language the app does not have: try the next.
		}
	}
	return pick(locale)
}
