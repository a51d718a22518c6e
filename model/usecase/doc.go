// Package usecase is what the user does, written once for both front
// ends: importing a report draft, reading a stored draft back as a typed
// *report.Draft, planning which comments to carry to a new draft and
// recording the user's decisions as one carry commit. The desktop app's
// screens and delegatectl's subcommands call these functions and only
// parse input and show the result, so the two cannot drift apart.
//
// The export use case is here too (submit.go, record.go, receive.go):
// gathering a package's input from a workspace (Gather), writing the
// package folder (Write), tagging and marking it sent (Record), and
// reading a received package's items (Receive). store and export do not
// import each other; this package is where they meet.
//
// usecase imports the model packages (store, report, anchor, item, review,
// export, process); it never imports Fyne, ui or assets.
package usecase
