package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
	_ "github.com/go-git/go-git/v5"
	_ "github.com/yuin/goldmark"
	_ "github.com/adrg/xdg"
	_ "golang.org/x/text/unicode/norm"
)

func main() {
	a := app.New()
	w := a.NewWindow("x")
	w.SetContent(widget.NewLabel("x"))
	w.ShowAndRun()
}
