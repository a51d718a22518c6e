// Command delegate is the Delegate desktop application: wiring only.
package main

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/delegate-itu/delegate/assets"
	"github.com/delegate-itu/delegate/model/appinfo"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/ui"
)

func main() {
	profile, err := process.Parse(assets.Profile())
	if err != nil {
		fmt.Fprintln(os.Stderr, "delegate:", err)
		os.Exit(1)
	}
	a := app.NewWithID(appinfo.ID)
	a.SetIcon(fyne.NewStaticResource("delegate.png", assets.Icon()))
	opt, err := options()
	if err != nil {
		fmt.Fprintln(os.Stderr, "delegate:", err)
		os.Exit(2)
	}
	s := ui.NewSession(a, profile, opt)
	s.Window().ShowAndRun()
}

// options reads DELEGATE_TODAY=YYYY-MM-DD, which shows the app as on another
// day, DELEGATE_OPEN=sample|FOLDER, which opens a workspace without the
// chooser, DELEGATE_SHOW=SCREEN, the first screen, and DELEGATE_LANG=TAG,
// the UI language (ar, zh-Hans, en, fr, ru, es): for training
// sessions, demonstrations and screenshots.
func options() (ui.Options, error) {
	opt := ui.Options{Open: os.Getenv("DELEGATE_OPEN"), Show: os.Getenv("DELEGATE_SHOW"), Language: os.Getenv("DELEGATE_LANG")}
	if v := os.Getenv("DELEGATE_TODAY"); v != "" {
		d, err := process.ParseDate(v)
		if err != nil || !d.Exact() {
			return opt, fmt.Errorf("DELEGATE_TODAY=%q: write the day as YYYY-MM-DD", v)
		}
		fixed := d.Start(time.UTC).Add(12 * time.Hour)
		opt.Now = func() time.Time { return fixed }
	}
	return opt, nil
}
