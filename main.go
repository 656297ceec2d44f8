package main

import (
	_ "charm.land/bubbles/v2/list"
	_ "charm.land/bubbletea/v2"
	_ "charm.land/glamour/v2"
	_ "charm.land/lipgloss/v2"
	_ "go.etcd.io/bbolt"
	_ "go.yaml.in/yaml/v3"
	_ "github.com/charmbracelet/x/ansi"
	_ "github.com/creack/pty"
	_ "github.com/charmbracelet/x/vt"
)

func main() {}
