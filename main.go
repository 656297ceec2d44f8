// Command mianjing (面经) is a full-screen terminal app for studying LLM
// interview questions with FSRS-6 spaced repetition.
package main

import (
	"os"

	"mianjing/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.OSEnv()))
}
