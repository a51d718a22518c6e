package sample

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

func f(k string, n int) {
	_ = lang.X("month.6", "June")
	_ = lang.N("{{.N}} days", n, map[string]any{"N": n})
	_ = lang.L("Joined" + " text")
	_ = lang.L(k)
	_ = widget.NewLabel("Bare")
	_ = widget.NewLabel(lang.L("Fine"))
}
