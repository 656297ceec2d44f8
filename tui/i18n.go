package tui

import "strings"

// text holds every string the interface shows, in one language. Format
// strings take the arguments their names say.
type text struct {
	Enlarge string // shown when the terminal is too small

	// Header of the list.
	NotesFmt      string // %d notes
	DueTodayFmt   string // %d due today
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
	StateNew      string
	StateDue      string
	StateMastered string
	DaysFmt       string // %d days until due

	// Detail view.
	Rendering string

	// Status and error lines.
	ComingSoon     string
	BookmarkOn     string
	BookmarkOff    string
	ErrPrefix      string
	ErrBookmarkFmt string // %v store error
	ErrProgressFmt string // %v store error
	ErrRenderFmt   string // %v render error
	FirstNote      string
	LastNote       string
	ScrollFmt      string // %d percent

	// Key help descriptions.
	KeyUp, KeyDown, KeyPageUp, KeyPageDown, KeyTop, KeyBottom  string
	KeyFilter, KeyClearFilter, KeyApplyFilter, KeyCancelFilter string
	KeyOpen, KeyBookmark, KeyScope, KeyStudy, KeyTestNote      string
	KeyHalfUp, KeyHalfDown, KeyNext, KeyPrev, KeyBack          string
	KeyHelp, KeyCloseHelp, KeyQuit, KeyForceQuit, KeyScroll    string
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
		Enlarge: "请放大窗口（至少 40×12）",

		NotesFmt:      "%d 题",
		DueTodayFmt:   "今日到期 %d",
		BookmarkedFmt: "收藏 %d",
		ScopeAll:      "全部",
		ScopeMarked:   "收藏",
		ScopeDue:      "到期",
		EmptyAll:      "题库是空的。",
		EmptyMarked:   "还没有收藏。按 b 收藏当前题目，按 f 切换范围。",
		EmptyDue:      "今天没有到期的题目。按 f 切换范围。",
		NoMatches:     "没有匹配的题目。",
		FilterPrompt:  "筛选：",
		FilterHolder:  "标题、标签或答案",
		FilterHint:    "按 / 筛选",
		FilterFmt:     "筛选“%s”：%d/%d",

		StateNew:      "新",
		StateDue:      "到期",
		StateMastered: "已掌握",
		DaysFmt:       "%d天",

		Rendering: "渲染中…",

		ComingSoon:     "自测功能即将推出",
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
	}
}

func enText() text {
	return text{
		Enlarge: "Please enlarge the window (40×12 at least)",

		NotesFmt:      "%d notes",
		DueTodayFmt:   "%d due today",
		BookmarkedFmt: "%d bookmarked",
		ScopeAll:      "all",
		ScopeMarked:   "bookmarked",
		ScopeDue:      "due",
		EmptyAll:      "The deck is empty.",
		EmptyMarked:   "No bookmarks yet. b bookmarks a note, f changes the scope.",
		EmptyDue:      "Nothing is due today. f changes the scope.",
		NoMatches:     "Nothing matched.",
		FilterPrompt:  "Filter: ",
		FilterHolder:  "title, tag or answer",
		FilterHint:    "/ to filter",
		FilterFmt:     "Filter “%s”: %d/%d",

		StateNew:      "new",
		StateDue:      "due",
		StateMastered: "mastered",
		DaysFmt:       "%dd",

		Rendering: "rendering…",

		ComingSoon:     "Self-test is coming soon",
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
	}
}

// DetectLang resolves the interface language: a non-empty flag wins;
// otherwise the first set of LC_ALL, LC_MESSAGES and LANG decides, as POSIX
// orders them. Values starting with "zh" give "zh", anything else "en".
func DetectLang(flag string, getenv func(string) string) string {
	pick := func(v string) string {
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(v)), "zh") {
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
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return pick(v)
		}
	}
	return "en"
}
