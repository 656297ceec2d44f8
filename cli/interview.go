package cli

import (
	"flag"
	"fmt"

	"mianjing/store"
	"mianjing/tui"
	"mianjing/wording"
)

func interviewFlags(fs *flag.FlagSet) func(*runner, []string) int {
	questions := fs.Int("questions", 0, fmt.Sprintf("`N` questions, %d–%d (default: the interview_questions setting)",
		store.MinInterviewQuestions, store.MaxInterviewQuestions))
	history := fs.Bool("history", false, "list past mock interviews instead of starting one")
	return func(r *runner, _ []string) int {
		set := false
		fs.Visit(func(f *flag.Flag) { set = set || f.Name == "questions" })
		if set && (*questions < store.MinInterviewQuestions || *questions > store.MaxInterviewQuestions) {
			return r.fail(exitUsage, "--questions must be %d–%d, not %d", store.MinInterviewQuestions, store.MaxInterviewQuestions, *questions)
		}
		if *history {
			if set {
				return r.fail(exitUsage, "--history lists past interviews; it takes no --questions")
			}
			return r.interviewHistory()
		}
		return runTUI(r.g, r.env, func(o *tui.Options) {
			o.Interview, o.InterviewQuestions = true, *questions
		})
	}
}

// interviewHistory lists past interviews, newest first: date, questions,
// points covered and time taken.
func (r *runner) interviewHistory() int {
	st, code := r.open()
	if st == nil {
		return code
	}
	defer st.Close()
	ivs, err := st.Interviews()
	if err != nil {
		return r.fail(exitError, "%s", err)
	}
	t := studyTextFor(r.lang)
	if len(ivs) == 0 {
		r.println(t.NoInterviews)
		return exitOK
	}
	rows := [][]string{t.InterviewCols[:]}
	for _, iv := range ivs {
		ticked, points := iv.Covered()
		rows = append(rows, []string{
			wording.DateTime(r.lang, iv.Start, r.now),
			fmt.Sprint(len(iv.Questions)),
			fmt.Sprintf("%d%% (%d/%d)", percent(ticked, points), ticked, points),
			clock(iv.Duration()),
		})
	}
	writeTable(r.env.Stdout, rows)
	return exitOK
}

// withOptions returns o changed by each of opts in turn.
func withOptions(o tui.Options, opts []func(*tui.Options)) tui.Options {
	for _, f := range opts {
		f(&o)
	}
	return o
}
