package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/chzyer/readline"
)

const (
	mainPrompt         = "quereus> "
	continuationPrompt = "   ...> "
	historyFileName    = ".quereus_history"
)

// runInteractive reads statements with line editing and history (kept in
// the user's home directory). Ctrl-C cancels the running statement, or
// discards the pending input at the prompt; Ctrl-D exits.
func (s *Shell) runInteractive(stdin io.Reader, stdout, stderr io.Writer) error {
	cfg := &readline.Config{
		Prompt:          mainPrompt,
		InterruptPrompt: "^C",
		EOFPrompt:       "",
		Stdin:           io.NopCloser(stdin),
		Stdout:          stdout,
		Stderr:          stderr,
	}
	if home, err := os.UserHomeDir(); err == nil {
		cfg.HistoryFile = filepath.Join(home, historyFileName)
	}
	rl, err := readline.NewEx(cfg)
	if err != nil {
		return err
	}
	defer rl.Close()
	fmt.Fprintln(stdout, `quereus shell. Enter ".help" for usage hints; statements end with ";".`)

	var split statementSplitter
	lineNo := 0
	for !s.quit {
		line, err := rl.Readline()
		if errors.Is(err, readline.ErrInterrupt) {
			split.reset()
			rl.SetPrompt(mainPrompt)
			continue
		}
		if err != nil { // io.EOF: Ctrl-D
			return nil
		}
		lineNo++
		if split.pending() == "" && strings.HasPrefix(strings.TrimSpace(line), ".") {
			s.withInterrupt(func(ctx context.Context) { s.runDot(ctx, strings.TrimSpace(line), "") })
			continue
		}
		for _, st := range split.add(line, lineNo) {
			s.withInterrupt(func(ctx context.Context) { s.runStatement(ctx, st.text, "") })
		}
		if split.pending() != "" {
			rl.SetPrompt(continuationPrompt)
		} else {
			rl.SetPrompt(mainPrompt)
		}
	}
	return nil
}

// withInterrupt runs fn with a context that Ctrl-C cancels.
func (s *Shell) withInterrupt(fn func(ctx context.Context)) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer signal.Stop(sig)
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-sig:
			cancel()
		case <-done:
		}
	}()
	fn(ctx)
}
