package ui

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"github.com/delegate-itu/delegate/model/anchor"
	"github.com/delegate-itu/delegate/model/docx"
	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/usecase"
)

// knownErrors are the model's errors a user meets and can act on, each said
// in the interface language. The model words its errors in English (the
// CLI's language and the logs'); the UI translates the ones it recognises.
var knownErrors = []struct {
	err error
	msg func() string
}{
	{report.ErrNotDocx, func() string {
		return lang.L("This file is not a Word .docx document. Open it in Word and save it as .docx.")
	}},
	{report.ErrEncrypted, func() string {
		return lang.L("This document is protected with a password. Open it in Word, remove the password (File > Info > Protect Document) and save it again.")
	}},
	{report.ErrLegacyDoc, func() string {
		return lang.L("This is an old Word 97–2003 .doc file. Open it in Word and save it as .docx.")
	}},
	{report.ErrPDF, func() string {
		return lang.L("This is a PDF. Delegate needs the Word (.docx) version of the draft, which the secretariat publishes next to the PDF.")
	}},
	{report.ErrUnsupported, func() string {
		return lang.L("This kind of file cannot be read as a report draft. Use the .docx of the draft (or Markdown or plain text).")
	}},
	{report.ErrTooLarge, func() string { return lang.L("This file is too large to be a report draft.") }},
	{report.ErrZipBomb, func() string {
		return lang.L("This file unpacks to far more data than a report draft holds. It may be damaged or malicious and was not opened.")
	}},
	{report.ErrUnsafeXML, func() string {
		return lang.L("This document contains XML declarations Word never writes. It was not opened, for safety.")
	}},
	{report.ErrInvalidText, func() string {
		return lang.L("This file is not valid UTF-8 text. Save it again as UTF-8.")
	}},
	{report.ErrCorrupt, func() string {
		return lang.L("This Word document is damaged: a part of it could not be read. Open it in Word and save it again.")
	}},
	{report.ErrEmpty, func() string { return lang.L("This document is empty: it has no text to import.") }},
	{anchor.ErrNoPlace, func() string {
		return lang.L("This comment's passage is gone from the new draft: re-attach it to a passage or dismiss it.")
	}},
	{anchor.ErrBadPlace, func() string { return lang.L("That place is not in the new draft.") }},
	{export.ErrTampered, func() string { return lang.L("The package was changed after it was made.") }},
	{export.ErrUnsafe, func() string { return lang.L("The package is unsafe to open.") }},
	{export.ErrNotPackage, func() string { return lang.L("This is not a Delegate submission package.") }},
	{export.ErrMailHeader, func() string {
		return lang.L("The e-mail cannot be written: a name, address or subject holds a line break or a control character.")
	}},
	{usecase.ErrNoProfile, func() string {
		return lang.L("There is no delegation profile yet: add your entity and contacts in Settings.")
	}},
	{usecase.ErrAlreadyMade, func() string {
		return lang.L("A package was already made from this version of the workspace.")
	}},
	{docx.ErrBadTemplate, func() string { return lang.L("The template is not a readable Word .docx file.") }},
	{store.ErrBadKey, func() string { return lang.L("This is not an OpenPGP secret key that can sign.") }},
	{store.ErrPassphrase, func() string { return lang.L("The passphrase does not unlock the key.") }},
	{store.ErrHostKey, func() string {
		return lang.L("The SSH server's host key is not the one recorded on this computer, or none is recorded. Check the key with the server's administrator, then connect once with ssh to record it. Nothing was changed.")
	}},
	{store.ErrRemoteInWorkspace, func() string {
		return lang.L("The shared folder is inside this workspace. Choose a folder outside it, such as one on the USB drive or the shared drive. Nothing was changed.")
	}},
	{store.ErrNoTokenPlace, func() string {
		return lang.L("No home folder is set (HOME), so there is no place outside the workspace to keep the access token. Start Delegate with HOME set, or give the token each time you sync.")
	}},
	{store.ErrUnreachable, func() string {
		return lang.L("The delegation remote cannot be reached. Check the connection, the shared folder or the USB drive, and sync again: nothing was changed.")
	}},
	{store.ErrAuth, func() string {
		return lang.L("The server refused access. For https://, check the user name and the access token in Settings; for ssh://, check that the server knows your SSH key.")
	}},
	{store.ErrNoRemote, func() string { return lang.L("There is no remote with that name.") }},
	{store.ErrNULCharacter, func() string {
		return lang.L("The text holds a NUL character (a zero byte, usually from pasted binary data), which your colleagues' Delegate would refuse when they sync. Remove it, then save again.")
	}},
	{store.ErrNotUTF8, func() string {
		return lang.L("The text holds characters that are not UTF-8 (usually text read in another encoding), which your colleagues' Delegate would refuse when they sync. Type or paste it again, then save.")
	}},
	{store.ErrTooLargeToShare, func() string {
		return lang.L("The item is larger than 1 MB, more than your colleagues' Delegate accepts when they sync. Shorten it, or put long material in a separate document.")
	}},
	{store.ErrUnshareable, func() string {
		return lang.L("Your colleagues' Delegate would refuse this file when they sync, so it was not saved.")
	}},
	{store.ErrReadOnly, func() string {
		return lang.L("This workspace folder is read-only: you can read the work in it, but nothing can be saved there. Copy it to a folder you may write to, or ask for write access.")
	}},
	{store.ErrDiskFull, func() string {
		return lang.L("The disk holding the workspace is full. Free some space, then save again.")
	}},
	{store.ErrNoPermission, func() string {
		return lang.L("There is no permission to write in the workspace folder, or the drive is read-only.")
	}},
	{store.ErrRemoteDiskFull, func() string {
		return lang.L("The disk holding the shared folder is full. Free some space there, then sync again.")
	}},
	{store.ErrRemoteNoPermission, func() string {
		return lang.L("There is no permission to write in the shared folder, or its drive is read-only.")
	}},
}

// knownError says err in the interface language when it is one of the
// model's errors the user can act on. A failed save first says whether
// anything was saved, then why.
func knownError(err error) (string, bool) {
	var outcome string
	switch {
	case errors.Is(err, store.ErrRecordPending):
		outcome = lang.L("The package is only partly recorded as sent; Delegate finishes recording it when the workspace is opened again.")
	case errors.Is(err, store.ErrNotRecorded):
		outcome = lang.L("The package was not recorded as sent; nothing was changed in the workspace.")
	case errors.Is(err, store.ErrNotSynced):
		outcome = lang.L("Not synced: nothing was merged or published, your work is as it was.")
	case errors.Is(err, store.ErrNotSaved) && !errors.Is(err, store.ErrReadOnly): // that one says it itself
		outcome = lang.L("Not saved: the previous version is kept.")
	case errors.Is(err, store.ErrFolderBehind):
		outcome = lang.L("Saved in the history, but the file in the workspace folder could not be updated; Delegate repairs it when the workspace is opened again.")
	}
	for _, k := range knownErrors {
		if errors.Is(err, k.err) {
			if outcome != "" {
				return outcome + "\n" + k.msg(), true
			}
			return k.msg(), true
		}
	}
	return outcome, outcome != ""
}
