package cli

import (
	"strings"

	"mianjing/tui/render"
)

// studyText holds the words of suspend, unsuspend, reset, deck export,
// show --answers, interview --history and the stats lines they add, in
// one language. Format strings take the arguments their comments say.
type studyText struct {
	SuspendedFmt, AlreadySuspendedFmt string // id
	UnsuspendedFmt, NotSuspendedFmt   string // id
	ResetFmt, AlreadyNewFmt           string // id
	DeckExportedFmt                   string // notes, dir, dir
	AnswersFmt                        string // id, title, count
	NoAnswersFmt                      string // id
	AnswerLineFmt                     string // time, ticked, points, rating
	Cram                              string // after an answer line of a cram grade
	Ratings                           [4]string
	NoInterviews                      string
	InterviewCols                     [4]string // date, questions, points covered, time
	StatsInterviews                   string    // stats row head
	StatsInterviewsFmt                string    // interviews (from Interviews), latest date, covered %
	Interviews                        [2]string // one interview, n interviews
	StatsCram                         string    // stats row head
	StatsCramFmt                      string    // today, in all
	SuspendedMark                     string    // list: after a suspended note's state
}

func studyTextFor(lang string) studyText {
	if lang == "zh" {
		return studyText{
			SuspendedFmt: "已暂停 %s：它不再出现在任何学习范围中", AlreadySuspendedFmt: "%s 已经暂停了",
			UnsuspendedFmt: "已恢复 %s", NotSuspendedFmt: "%s 没有暂停",
			ResetFmt: "已重置 %s：它又是新题了（复习记录里多了一条重置）", AlreadyNewFmt: "%s 还是新题，无需重置",
			DeckExportedFmt: "已把内置题库的 %d 个文件写入 %s；用 mianjing --notes %s 来使用并编辑它",
			AnswersFmt:      "%s · %s：%d 次作答，最新在前",
			NoAnswersFmt:    "%s 还没有作答记录（在自测中输入答案后会保存）",
			AnswerLineFmt:   "%s · 要点 %d/%d · %s",
			Cram:            "（突击）",
			Ratings:         [4]string{"重来", "困难", "良好", "简单"},
			NoInterviews:    "还没有模拟面试。运行 mianjing interview 开始一次。",
			InterviewCols:   [4]string{"日期", "题数", "要点覆盖", "用时"},
			StatsInterviews: "面试", StatsInterviewsFmt: "%s · 最近 %s · 要点覆盖 %d%%",
			Interviews: [2]string{"%d 次模拟面试", "%d 次模拟面试"},
			StatsCram:  "突击", StatsCramFmt: "今天 %d · 总计 %d（不计入排程）",
			SuspendedMark: "暂停",
		}
	}
	return studyText{
		SuspendedFmt: "suspended %s: it leaves every study scope", AlreadySuspendedFmt: "%s is already suspended",
		UnsuspendedFmt: "unsuspended %s", NotSuspendedFmt: "%s is not suspended",
		ResetFmt: "reset %s: it is new again (the review log holds the reset)", AlreadyNewFmt: "%s is still new: nothing to reset",
		DeckExportedFmt: "wrote the built-in deck's %d files to %s; use it, and edit it, with mianjing --notes %s",
		AnswersFmt:      "%s · %s: %d answers, newest first",
		NoAnswersFmt:    "%s has no saved answers yet (answers typed in the self-test are kept)",
		AnswerLineFmt:   "%s · points %d/%d · %s",
		Cram:            " (cram)",
		Ratings:         [4]string{"Again", "Hard", "Good", "Easy"},
		NoInterviews:    "No mock interviews yet. Run mianjing interview to start one.",
		InterviewCols:   [4]string{"date", "questions", "points covered", "time"},
		StatsInterviews: "Interviews", StatsInterviewsFmt: "%s · latest %s · %d%% of points covered",
		Interviews: [2]string{"%d mock interview", "%d mock interviews"},
		StatsCram:  "Cram", StatsCramFmt: "today %d · in all %d (not scheduled)",
		SuspendedMark: "suspended",
	}
}

// withStudyHelp adds the Chinese help of the commands and flags of issues
// 19 and 20 to ht.
func withStudyHelp(ht helpText) helpText {
	summary := map[string]string{
		"suspend":   "暂停题目，直到恢复为止不再学习",
		"unsuspend": "恢复暂停的题目",
		"reset":     "把题目重置为新题（记入复习记录）",
		"config":    "查看和修改设置",
		"deck":      "把内置题库写入 DIR，可编辑后用 --notes 使用",
		"interview": "开始一次限时模拟面试，或列出以往的面试",
	}
	about := map[string]string{
		"suspend":   "暂停这些 ID 的题目：它们离开所有学习范围，在列表中标出。",
		"unsuspend": "恢复这些 ID 的题目的学习。",
		"reset":     "把这些 ID 的题目的排程重置为新题。重置是复习记录中的一条，历史不会被改写。",
		"config": "config list 列出全部设置，config get KEY 显示一项，config set KEY VALUE 修改一项。设置保存在数据库及其备份中。键：retention（0.7–0.99）、new_per_day（≥ 0）、" +
			"rollover_hour（0–23）、weights（21 个用逗号分隔的 FSRS-6 权重，或 default）、interview_questions（1–20）、" +
			"interview_seconds（30–1800）、theme（auto、light 或 dark）。错误的值会被拒绝并说明原因，什么也不改变。",
		"deck":      "把内置题库的题目文件写入 DIR（新的或空的目录），以便用 'mianjing --notes DIR' 编辑和使用。",
		"interview": "以模拟面试模式打开应用：跨章节抽题，每题倒计时（interview_seconds 设置）。加 --history 时列出以往的面试：日期、题数、要点覆盖和用时。",
	}
	flags := map[string]string{
		"show.answers":        "显示你以前对这道题输入的答案（最新在前），而不是题目本身",
		"interview.questions": "`N` 题数，1–20（默认：interview_questions 设置）",
		"interview.history":   "列出以往的模拟面试，而不是开始一次",
	}
	for k, v := range summary {
		ht.Summary[k] = v
	}
	for k, v := range about {
		ht.About[k] = strings.Join(render.WrapLine(v, 78), "\n")
	}
	for k, v := range flags {
		ht.Flag[k] = v
	}
	return ht
}
