package main

import (
	"strings"
	"unicode/utf8"
)

// frame is the set of characters drawing a table.
type frame struct {
	horizontal, vertical               string
	topLeft, topMid, topRight          string
	midLeft, midMid, midRight          string
	bottomLeft, bottomMid, bottomRight string
}

var asciiFrame = frame{"-", "|", "+", "+", "+", "+", "+", "+", "+", "+", "+"}
var boxFrame = frame{"─", "│", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘"}

// tableFormatter buffers the rows (column widths need them all) and draws an
// aligned table when the result ends. Numbers are right-aligned.
type tableFormatter struct {
	sh    *Shell
	cols  []column
	frame frame
	cells [][]string
	right [][]bool
}

func (f *tableFormatter) row(vals []any) {
	cells := make([]string, len(vals))
	right := make([]bool, len(vals))
	for i, v := range vals {
		cells[i] = f.sh.displayText(v, f.cols[i].typeName)
		switch v.(type) {
		case int64, float64:
			right[i] = true
		}
	}
	f.cells = append(f.cells, cells)
	f.right = append(f.right, right)
}

func (f *tableFormatter) finish() {
	widths := make([]int, len(f.cols))
	if f.sh.headers {
		for i, c := range f.cols {
			widths[i] = utf8.RuneCountInString(c.name)
		}
	}
	for _, r := range f.cells {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	out := f.sh.out
	fr := f.frame
	rule := func(left, mid, right string) {
		var b strings.Builder
		b.WriteString(left)
		for i, w := range widths {
			if i > 0 {
				b.WriteString(mid)
			}
			b.WriteString(strings.Repeat(fr.horizontal, w+2))
		}
		b.WriteString(right)
		b.WriteString("\n")
		out.Write([]byte(b.String()))
	}
	line := func(cells []string, right []bool) {
		var b strings.Builder
		b.WriteString(fr.vertical)
		for i, c := range cells {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			b.WriteString(" ")
			if right != nil && right[i] {
				b.WriteString(pad + c)
			} else {
				b.WriteString(c + pad)
			}
			b.WriteString(" " + fr.vertical)
		}
		b.WriteString("\n")
		out.Write([]byte(b.String()))
	}
	rule(fr.topLeft, fr.topMid, fr.topRight)
	if f.sh.headers {
		names := make([]string, len(f.cols))
		for i, c := range f.cols {
			names[i] = c.name
		}
		line(names, nil)
		rule(fr.midLeft, fr.midMid, fr.midRight)
	}
	for i, r := range f.cells {
		line(r, f.right[i])
	}
	rule(fr.bottomLeft, fr.bottomMid, fr.bottomRight)
}
