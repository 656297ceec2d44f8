package cli

import (
	"strings"

	"mianjing/wording"

	"mianjing/tui/render"
)

// text holds the words commands print for people, in one language. Error
// messages and JSON stay in English. Format strings take the arguments
// their comments say.
type text struct {
	// list
	ColID, ColTitle, ColTags, ColState, ColDue string
	States                                     [4]string // by srs.State
	DueNow                                     string
	EmptyAll, EmptyDue, EmptyMarked            string
	DueNewNoteFmt                              string // new cards listed, daily limit

	// stats
	DeckFmt       string    // deck name, notes (from Notes), new, learning, review, mastered
	Notes         [2]string // one note, n notes (wording.Count)
	Reviews       string
	ReviewsFmt    string // today, this week, in all
	Streak        string
	StreakFmt     string    // current (from Days), longest
	Days          [2]string // one day, n days
	Retention     string
	RetentionFmt  string // percent, passes, reviews
	RetentionNone string
	Due           string
	DueFmt        string // today, tomorrow, within 14 days
	Forecast      string
	ForecastHint  string // after the numbers
	ForecastTitle string // above the chart
	Recall        string
	RecallMoreFmt string // notes not shown
	NoReviews     string
	Calendar      string
	Today         string
	Stability     string // column head: stability in days
	Lapses        string

	// check, bookmarks, backups
	CheckOKFmt      string    // notes (from Notes)
	Problems        [2]string // one problem, n problems
	BookmarkedFmt   string    // id
	AlreadyFmt      string    // id
	UnbookmarkFmt   string    // id
	NotMarkedFmt    string    // id
	ImportedFmt     string    // file, reviews, cards, bookmarks
	ImportedNoneFmt string    // file
	ExportedFmt     string    // file, reviews, cards, bookmarks
	RevlogFmt       string    // file, reviews
}

func textFor(lang string) text {
	if lang == "zh" {
		return text{
			ColID: "ID", ColTitle: "题目", ColTags: "标签", ColState: "状态", ColDue: "到期",
			States:        [4]string{"新", "学习中", "复习", "重学"},
			DueNow:        "现在",
			EmptyAll:      "题库是空的。",
			EmptyDue:      "今天没有要学的题目：没有到期的，新题也已达每日上限。",
			DueNewNoteFmt: "（含新题 %d 道，每日上限 %d）",
			EmptyMarked:   "还没有收藏。",

			DeckFmt:       "%s：%s · 新 %d · 学习中 %d · 复习 %d · 已掌握 %d",
			Notes:         [2]string{"%d 题", "%d 题"},
			Reviews:       "复习",
			ReviewsFmt:    "今天 %d · 近 7 天 %d · 总计 %d",
			Streak:        "连续",
			StreakFmt:     "%s（最长 %d 天）",
			Days:          [2]string{"%d 天", "%d 天"},
			Retention:     "保持率",
			RetentionFmt:  "%d%%（近 30 天复习卡片 %[3]d 次，记得 %[2]d 次）",
			RetentionNone: "—（近 30 天没有复习卡片）",
			Due:           "到期",
			DueFmt:        "今天 %d · 明天 %d · 14 天内 %d",
			Forecast:      "预测",
			ForecastHint:  "（今天在前）",
			ForecastTitle: "到期预测（未来 14 天每天到期的题数）",
			Recall:        "记忆",
			RecallMoreFmt: "……另有 %d 题",
			NoReviews:     "还没有复习记录。运行 mianjing 开始学习。",
			Calendar:      "复习日历",
			Today:         "今",
			Stability:     "稳定性",
			Lapses:        "遗忘",

			CheckOKFmt:      "%s，没有问题",
			Problems:        [2]string{"%d 个问题", "%d 个问题"},
			BookmarkedFmt:   "已收藏 %s",
			AlreadyFmt:      "%s 已在收藏中",
			UnbookmarkFmt:   "已取消收藏 %s",
			NotMarkedFmt:    "%s 没有收藏",
			ImportedFmt:     "已从 %s 导入：复习记录 %d 条，卡片 %d 张，收藏 %d 个",
			ImportedNoneFmt: "%s 里没有新内容，进度未变",
			ExportedFmt:     "已写入 %s：复习记录 %d 条，卡片 %d 张，收藏 %d 个",
			RevlogFmt:       "已写入 %s：复习记录 %d 条",
		}
	}
	return text{
		ColID: "ID", ColTitle: "TITLE", ColTags: "TAGS", ColState: "STATE", ColDue: "DUE",
		States:        [4]string{"new", "learning", "review", "relearning"},
		DueNow:        "now",
		EmptyAll:      "The deck is empty.",
		EmptyDue:      "Nothing to study today: nothing is due and the daily new-card limit is reached.",
		DueNewNoteFmt: "(%d of them new; daily new-card limit %d)",
		EmptyMarked:   "No bookmarks yet.",

		DeckFmt:       "%s: %s · %d new · %d learning · %d review · %d mastered",
		Notes:         [2]string{"%d note", "%d notes"},
		Reviews:       "Reviews",
		ReviewsFmt:    "%d today · %d in 7 days · %d in all",
		Streak:        "Streak",
		StreakFmt:     "%s (longest %d)",
		Days:          [2]string{"%d day", "%d days"},
		Retention:     "Retention",
		RetentionFmt:  "%d%% (%d of %d reviews of review cards passed, last 30 days)",
		RetentionNone: "— (no reviews of review cards in 30 days)",
		Due:           "Due",
		DueFmt:        "%d today · %d tomorrow · %d within 14 days",
		Forecast:      "Forecast",
		ForecastHint:  "(cards due on each of the next 14 days, today first)",
		ForecastTitle: "Forecast: cards due on each of the next 14 days",
		Recall:        "Recall",
		RecallMoreFmt: "… and %d more",
		NoReviews:     "No reviews yet. Run mianjing to start studying.",
		Calendar:      "Reviews per day",
		Today:         "T",
		Stability:     "stability",
		Lapses:        "lapses",

		CheckOKFmt:      "%s, no problems",
		Problems:        [2]string{"%d problem", "%d problems"},
		BookmarkedFmt:   "Bookmarked %s",
		AlreadyFmt:      "%s was already bookmarked",
		UnbookmarkFmt:   "Removed the bookmark of %s",
		NotMarkedFmt:    "%s was not bookmarked",
		ImportedFmt:     "Imported from %s: %d reviews, %d cards, %d bookmarks",
		ImportedNoneFmt: "Nothing new in %s; your progress is unchanged",
		ExportedFmt:     "Wrote %s: %d reviews, %d cards, %d bookmarks",
		RevlogFmt:       "Wrote %s: %d reviews",
	}
}

// helpText holds the words of the help in one language. Where Summary,
// About or Flag has no entry, the command's or flag's own English text is
// used.
type helpText struct {
	Intro        string
	Usage        string
	UsageApp     string // the "mianjing [global flags]" row: usage, text
	UsageAppText string
	UsageCmd     string // the "mianjing COMMAND ..." row
	UsageCmdText string
	Commands     string
	GlobalsTop   string // heading of the global flags in the top-level help
	More         string // the last line of the top-level help
	UsageFmt     string // a command's usage line
	Flags        string
	Globals      string
	HelpFlag     string            // what --help does
	Summary      map[string]string // by command name
	About        map[string]string // by command name
	Flag         map[string]string // by "command.flag"; global flags by "flag"
}

// helpFor returns the help's words in lang.
func helpFor(lang string) helpText {
	if lang == "zh" {
		about := map[string]string{
			"list": "按题库顺序列出题目，每题一行、各列对齐：ID、标题、标签、学习状态、下次到期的时间，收藏的题目标 ★。",
			"show": "按阅读视图的样子显示 ID 这道题。--color auto（默认）在标准输出是终端或设置了 CLICOLOR_FORCE=1 时使用颜色，" +
				"设置了 NO_COLOR 时不用；配合 less -R 可用 --color always。不用颜色时输出纯文本，不带 markdown 标记。",
			"stats": "显示学习进度：各状态的卡片数、今天和本周的复习次数、连续学习天数、近 30 天的真实保持率、" +
				"未来 14 天的到期预测，以及每道题的记忆程度。在终端上还会画出复习日历和图表。",
			"export": "把全部进度导出为带版本号的 JSON 完整备份，或导出为 FSRS 优化器读取的 CSV 复习日志" +
				"（card_id、review_time、review_rating、review_state、review_duration）。" +
				"输出到标准输出或 FILE；写 FILE 时先写临时文件再改名，不会留下写了一半的文件。",
			"import": "把 'mianjing export' 写出的备份（FILE，- 表示标准输入）合并进你的进度。" +
				"同一个备份导入两次不会有任何变化；损坏的或不是 mianjing 的文件会被拒绝并说明原因，什么也不写入。",
			"check":      "检查 DIR（默认是 --notes 指定的目录，没有时检查内置题库）中的题库，一次列出全部问题，格式为 文件:行: 说明。有任何问题时退出码为 1。目录中的 README.md 不是题目，会被跳过。",
			"bookmark":   "收藏这些 ID 的题目。",
			"unbookmark": "取消这些 ID 的题目的收藏。",
			"help":       "说明命令 COMMAND，或列出所有命令。",
		}
		for name, text := range about {
			about[name] = strings.Join(render.WrapLine(text, 78), "\n")
		}
		return withStudyHelp(helpText{
			Intro:        "mianjing（面经）：用间隔重复学习大模型面试题。",
			Usage:        "用法：",
			UsageApp:     "mianjing [全局选项]",
			UsageAppText: "打开全屏应用",
			UsageCmd:     "mianjing COMMAND [选项] [参数]",
			UsageCmdText: "运行一个命令",
			Commands:     "命令：",
			GlobalsTop:   "全局选项（放在命令之前或之后都可以）：",
			More:         "运行 'mianjing help COMMAND' 查看命令的选项。设置 NO_COLOR 可关闭颜色。",
			UsageFmt:     "用法：%s",
			Flags:        "选项：",
			Globals:      "全局选项：",
			HelpFlag:     "说明命令及其选项",
			Summary: map[string]string{
				"list":       "列出题目：ID、标题、标签、状态、到期时间、★",
				"show":       "显示一道题，与应用中的样子相同",
				"stats":      "学习进度：复习次数、连续天数、保持率、到期预测",
				"export":     "导出备份（JSON）或 FSRS 优化器用的复习日志（CSV）",
				"import":     "把备份合并进你的进度",
				"check":      "检查题库目录",
				"bookmark":   "收藏题目",
				"unbookmark": "取消收藏",
				"help":       "说明命令及其选项",
			},
			About: about,
			Flag: map[string]string{
				"notes":         "`DIR` 从 DIR 加载题库，代替内置题库",
				"db":            "`PATH` 把进度保存在 PATH（默认 $XDG_DATA_HOME/mianjing/mianjing.db）",
				"lang":          "`zh|en` 界面语言（默认：语言环境为中文时是 zh）",
				"version":       "显示版本号后退出",
				"list.scope":    "`all|due|bookmarked` 列出哪些题目：all 全部（默认），due 学习日结束前到期的，bookmarked 收藏的",
				"list.json":     "输出 JSON 数组，每项为 {id, title, tags, difficulty, state, due, bookmarked}",
				"show.width":    "`N` 按 N 列换行，N 至少为 20（默认：终端的宽度，最多 100；不是终端时为 80）",
				"show.plain":    "不输出颜色和转义序列，即使在终端上（同 --color never）",
				"show.color":    "`auto|always|never` 颜色：auto 在终端上使用（设置 NO_COLOR 时不用，CLICOLOR_FORCE=1 时强制使用）",
				"stats.json":    "以 JSON 对象输出各项数字",
				"stats.all":     "列出每一道题，而不只是最弱的 10 道（标准输出不是终端时默认如此）",
				"export.format": "`json|revlog-csv` 完整的 JSON 备份（默认），或 FSRS 优化器用的 CSV 复习日志",
			},
		})
	}
	return helpText{
		Intro:        "mianjing (面经): study LLM interview questions with spaced repetition.",
		Usage:        "Usage:",
		UsageApp:     "mianjing [global flags]",
		UsageAppText: "open the full-screen app",
		UsageCmd:     "mianjing COMMAND [flags] [arguments]",
		UsageCmdText: "run a command",
		Commands:     "Commands:",
		GlobalsTop:   "Global flags (before or after the command):",
		More:         "Run 'mianjing help COMMAND' for a command's flags. NO_COLOR turns colour off.",
		UsageFmt:     "Usage: %s",
		Flags:        "Flags:",
		Globals:      "Global flags:",
		HelpFlag:     "explain the command and its flags",
	}
}

// count writes n with the singular or plural form of f (wording.Count).
func count(n int, f [2]string) string { return wording.Count(n, f[0], f[1]) }
