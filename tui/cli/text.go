package cli

// text holds the words commands print for people, in one language. Error
// messages and JSON stay in English. Format strings take the arguments
// their comments say.
type text struct {
	// list
	ColID, ColTitle, ColTags, ColState, ColDue string
	States                                     [4]string // by srs.State
	DueNow                                     string
	EmptyAll, EmptyDue, EmptyMarked            string

	// stats
	DeckFmt       string // deck name, notes, new, learning, review, mastered
	Reviews       string
	ReviewsFmt    string // today, this week, in all
	Streak        string
	StreakFmt     string // current, longest
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
	CheckOKFmt      string // notes
	CheckBadFmt     string // problems
	BookmarkedFmt   string // id
	AlreadyFmt      string // id
	UnbookmarkFmt   string // id
	NotMarkedFmt    string // id
	ImportedFmt     string // file, reviews, cards, bookmarks
	ImportedNoneFmt string // file
	ExportedFmt     string // file, reviews, cards, bookmarks
	RevlogFmt       string // file, reviews
}

func textFor(lang string) text {
	if lang == "zh" {
		return text{
			ColID: "ID", ColTitle: "题目", ColTags: "标签", ColState: "状态", ColDue: "到期",
			States:      [4]string{"新", "学习中", "复习", "重学"},
			DueNow:      "现在",
			EmptyAll:    "题库是空的。",
			EmptyDue:    "今天没有到期的题目。",
			EmptyMarked: "还没有收藏。",

			DeckFmt:       "%s：%d 题 · 新 %d · 学习中 %d · 复习 %d · 已掌握 %d",
			Reviews:       "复习",
			ReviewsFmt:    "今天 %d · 近 7 天 %d · 总计 %d",
			Streak:        "连续",
			StreakFmt:     "%d 天（最长 %d 天）",
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

			CheckOKFmt:      "%d 题，没有问题",
			CheckBadFmt:     "%d 个问题",
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
		States:      [4]string{"new", "learning", "review", "relearning"},
		DueNow:      "now",
		EmptyAll:    "The deck is empty.",
		EmptyDue:    "Nothing is due today.",
		EmptyMarked: "No bookmarks yet.",

		DeckFmt:       "%s: %d notes · %d new · %d learning · %d review · %d mastered",
		Reviews:       "Reviews",
		ReviewsFmt:    "%d today · %d in 7 days · %d in all",
		Streak:        "Streak",
		StreakFmt:     "%d days (longest %d)",
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

		CheckOKFmt:      "%d notes, no problems",
		CheckBadFmt:     "%d problems",
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
