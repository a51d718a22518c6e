// Package usecase is what the user does, written once for both front
// ends: importing a report draft, reading a stored draft back as a typed
// *report.Draft, planning which comments to carry to a new draft and
// recording the user's decisions as one carry commit. The desktop app's
// screens and delegatectl's subcommands call these functions and only
// parse input and show the result, so the two cannot drift apart.
//
// The export use case (gathering a package's input, writing, tagging) is
// model/submit, beside this package. usecase imports the model packages
// (store, report, anchor, item); it never imports Fyne, ui or assets.
package usecase
