package cli

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"strconv"
	"strings"

	"mianjing/srs"
	"mianjing/store"
)

// configKey is one setting "mianjing config" reads and writes.
type configKey struct {
	name string
	get  func(s store.Settings) string
	set  func(s *store.Settings, v string) error // parses v into s
}

// configKeys lists the settings in the order "config list" prints them.
func configKeys() []configKey {
	intKey := func(name string, field func(*store.Settings) *int) configKey {
		return configKey{name: name,
			get: func(s store.Settings) string { return strconv.Itoa(*field(&s)) },
			set: func(s *store.Settings, v string) error {
				n, err := strconv.Atoi(v)
				if err != nil {
					return fmt.Errorf("%s: %q is not a whole number", name, v)
				}
				*field(s) = n
				return nil
			}}
	}
	return []configKey{
		{name: "retention",
			get: func(s store.Settings) string { return strconv.FormatFloat(s.Retention, 'f', -1, 64) },
			set: func(s *store.Settings, v string) error {
				f, err := strconv.ParseFloat(v, 64)
				if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
					return fmt.Errorf("retention: %q is not a number (e.g. 0.9)", v)
				}
				s.Retention = f
				return nil
			}},
		intKey("new_per_day", func(s *store.Settings) *int { return &s.NewPerDay }),
		intKey("rollover_hour", func(s *store.Settings) *int { return &s.RolloverHour }),
		{name: "weights", get: formatWeights, set: parseWeights},
		intKey("interview_questions", func(s *store.Settings) *int { return &s.InterviewQuestions }),
		intKey("interview_seconds", func(s *store.Settings) *int { return &s.InterviewSeconds }),
		{name: "theme",
			get: func(s store.Settings) string { return s.Theme },
			set: func(s *store.Settings, v string) error { s.Theme = v; return nil }},
	}
}

// formatWeights prints the weights as "config set weights" takes them.
func formatWeights(s store.Settings) string {
	if len(s.Weights) == 0 {
		return "default"
	}
	parts := make([]string, len(s.Weights))
	for i, w := range s.Weights {
		parts[i] = strconv.FormatFloat(w, 'f', -1, 64)
	}
	return strings.Join(parts, ",")
}

// parseWeights reads "default" or 21 numbers separated by commas and/or
// spaces, optionally in brackets, as the FSRS optimizer prints them.
func parseWeights(s *store.Settings, v string) error {
	v = strings.TrimSpace(v)
	if v == "default" {
		s.Weights = nil
		return nil
	}
	v = strings.TrimSuffix(strings.TrimPrefix(v, "["), "]")
	fields := strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
	want := len(srs.Params{})
	if len(fields) != want {
		return fmt.Errorf("weights: %d numbers, want %d (w0…w20, as the FSRS optimizer prints them) or \"default\"", len(fields), want)
	}
	ws := make([]float64, len(fields))
	for i, f := range fields {
		w, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return fmt.Errorf("weights: w%d %q is not a number", i, f)
		}
		ws[i] = w
	}
	s.Weights = ws
	return nil
}

func findConfigKey(name string) (configKey, bool) {
	for _, k := range configKeys() {
		if k.name == name {
			return k, true
		}
	}
	return configKey{}, false
}

func configFlags(*flag.FlagSet) func(*runner, []string) int {
	return func(r *runner, args []string) int { return r.config(args) }
}

// config runs "config get KEY", "config set KEY VALUE" and "config list".
// A bad key or value is a usage error (exit 2) and nothing is written.
func (r *runner) config(args []string) int {
	want := map[string]int{"get": 2, "set": 3, "list": 1}
	n, ok := want[args[0]]
	switch {
	case !ok:
		return r.fail(exitUsage, "unknown action %q: use get KEY, set KEY VALUE or list", args[0])
	case len(args) != n:
		return r.fail(exitUsage, "usage: %s", r.cmd.usageLine())
	}
	var key configKey
	if n > 1 {
		if key, ok = findConfigKey(args[1]); !ok {
			return r.unknownKey(args[1])
		}
	}
	st, code := r.open()
	if st == nil {
		return code
	}
	defer st.Close()
	s, err := st.Settings()
	if err != nil {
		return r.fail(exitError, "%s", err)
	}
	switch args[0] {
	case "get":
		r.println(key.get(s))
	case "list":
		var rows [][2]string
		for _, k := range configKeys() {
			rows = append(rows, [2]string{k.name, k.get(s)})
		}
		writeRows(r.env.Stdout, rows)
	case "set":
		if err := key.set(&s, strings.TrimSpace(args[2])); err != nil {
			return r.fail(exitUsage, "%s", err)
		}
		if err := s.Validate(); err != nil {
			return r.fail(exitUsage, "%s", settingsErr(err))
		}
		if err := st.SaveSettings(s); err != nil {
			return r.fail(exitError, "%s", err)
		}
		r.println(fmt.Sprintf("%s = %s", key.name, key.get(s)))
	}
	return exitOK
}

// settingsErr is a validation error as a learner reads it: "retention 1.5
// is not between 0.7 and 0.99", without the store's prefixes.
func settingsErr(err error) string {
	msg := err.Error()
	if errors.Is(err, store.ErrInvalid) {
		msg = strings.TrimPrefix(msg, store.ErrInvalid.Error()+": ")
	}
	return strings.TrimPrefix(msg, "settings: ")
}

func (r *runner) unknownKey(name string) int {
	var names []string
	for _, k := range configKeys() {
		names = append(names, k.name)
	}
	if s, ok := suggest(name, names); ok {
		return r.fail(exitUsage, "unknown key %q; did you mean %q?", name, s)
	}
	return r.fail(exitUsage, "unknown key %q (keys: %s)", name, strings.Join(names, ", "))
}
