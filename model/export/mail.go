package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	netmail "net/mail"
	"strings"
	"time"

	"github.com/wneessen/go-mail"

	"github.com/delegate-itu/delegate/model/appinfo"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
)

// DefaultSubject is "WTPF-26 – <Source> – <Title>".
func DefaultSubject(in Input) string {
	return forumShort(in.Process) + " – " + in.Delegation.Entity + " – " + strings.TrimSpace(in.Cover.Title)
}

// Message writes message.eml: to the secretariat, copy to the coordinator,
// from the sender, the contribution attached. X-Unsent: 1 makes Outlook
// (and Thunderbird's "Edit as new") open it as a draft ready to send, so
// the user sends it from their own mailbox; Delegate never sends mail.
func Message(in Input, packageID string, contribution []byte) ([]byte, error) {
	subject := in.Subject
	if strings.TrimSpace(subject) == "" {
		subject = DefaultSubject(in)
	}
	draft := "the preparation of " + forumShort(in.Process)
	if in.Draft.Label != "" {
		draft = "the " + in.Draft.Label + " of the Secretary-General's report for " + forumShort(in.Process)
	}
	body := fmt.Sprintf("Dear Secretariat,\n\nPlease find attached the contribution of %s, %q, on %s.\n\n"+
		"Kind regards,\n\n%s\n", in.Delegation.Entity, strings.TrimSpace(in.Cover.Title), draft, signature(in.Sender, in.Delegation))
	m := envelope{process: in.Process, sender: in.Sender, coordinator: coordinatorOf(in.Delegation, in.Sender),
		subject: subject, body: body, id: packageID, when: in.Made}
	return m.write(ContributionFile, contribution)
}

// NominationInput is what a nomination e-mail needs.
type NominationInput struct {
	Process    *process.Profile
	Delegation item.Profile
	Sender     item.Contact
	Expert     item.Nomination
	Made       time.Time
	Subject    string
}

// Nomination writes an expert nomination e-mail for the IEG: the fields
// the circular asks for (name, entity/organization, e-mail) and the
// helpful ones (country, phone, category).
func Nomination(in NominationInput) ([]byte, error) {
	if err := in.Expert.Validate(); err != nil {
		return nil, fmt.Errorf("nomination: %w", err)
	}
	if in.Process == nil || in.Process.Secretariat == "" {
		return nil, fmt.Errorf("%w: the process profile has no secretariat address", ErrRefused)
	}
	if strings.TrimSpace(in.Sender.Email) == "" {
		return nil, fmt.Errorf("%w: the delegation profile has no contact to send from", ErrRefused)
	}
	e := in.Expert
	subject := in.Subject
	if subject == "" {
		subject = forumShort(in.Process) + " – Nomination of an expert – " + e.Name + " (" + e.Organization + ")"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Dear Secretariat,\n\n%s nominates the following expert to the Informal Expert Group for %s:\n\n",
		firstNonEmpty(in.Delegation.Entity, e.Organization), forumShort(in.Process))
	field := func(k, v string) {
		if strings.TrimSpace(v) != "" {
			fmt.Fprintf(&b, "  %-22s %s\n", k+":", v)
		}
	}
	field("Name", e.Name)
	field("Entity/organization", e.Organization)
	field("E-mail", e.Email)
	field("Country", e.Country)
	field("Phone", e.Phone)
	field("Category", string(e.Category))
	fmt.Fprintf(&b, "\nKind regards,\n\n%s\n", signature(in.Sender, in.Delegation))
	m := envelope{process: in.Process, sender: in.Sender, coordinator: coordinatorOf(in.Delegation, in.Sender),
		subject: subject, body: b.String(), id: "nomination-" + item.Initials(e.Name) + "-" + in.Made.UTC().Format("20060102"), when: in.Made}
	return m.write("", nil)
}

func signature(s item.Contact, p item.Profile) string {
	lines := []string{s.Name, firstNonEmpty(s.Organization, p.Entity), s.Phone, s.Email}
	var out []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// coordinatorOf is the coordinator to copy, unless the sender is the coordinator.
func coordinatorOf(p item.Profile, sender item.Contact) *item.Contact {
	c, ok := p.Coordinator()
	if !ok || strings.EqualFold(c.Email, sender.Email) {
		return nil
	}
	return &c
}

// envelope is one draft e-mail, written deterministically: fixed date,
// Message-ID and MIME boundary derived from the package.
type envelope struct {
	process     *process.Profile
	sender      item.Contact
	coordinator *item.Contact
	subject     string
	body        string
	id          string
	when        time.Time
}

func (e envelope) write(attachName string, attachment []byte) ([]byte, error) {
	if err := e.checkHeaders(); err != nil {
		return nil, err
	}
	// From, Cc and Subject are written here, not by go-mail: it put a
	// name or subject that looks like an encoded word ("=?utf-8?q?…?=")
	// through as it is, so readers decoded it, and it could not fold a
	// long run without spaces (a 5000-character line).
	from, err := netmail.ParseAddress(e.sender.Email)
	if err != nil {
		return nil, fmt.Errorf("%w: sender address %q: %v", ErrRefused, e.sender.Email, err)
	}
	head := headerLine("From", mailboxPieces(e.sender.Name, from.Address))
	m := mail.NewMsg()
	if err := m.To(e.process.Secretariat); err != nil {
		return nil, fmt.Errorf("%w: secretariat address %q: %v", ErrRefused, e.process.Secretariat, err)
	}
	if c := e.coordinator; c != nil {
		cc, err := netmail.ParseAddress(c.Email)
		if err != nil {
			return nil, fmt.Errorf("%w: coordinator address %q: %v", ErrRefused, c.Email, err)
		}
		head += headerLine("Cc", mailboxPieces(c.Name, cc.Address))
	}
	head += headerLine("Subject", subjectPieces(e.subject))
	m.SetDateWithValue(e.when)
	sum := sha256.Sum256([]byte(e.id + "\x00" + e.subject))
	m.SetMessageIDWithValue(e.id + "." + hex.EncodeToString(sum[:6]) + "@delegate.invalid")
	m.SetBoundary("delegate-" + hex.EncodeToString(sum[:12]))
	m.SetGenHeader("X-Unsent", "1")
	m.SetUserAgent(appinfo.Name + " " + appinfo.Version())
	m.SetBodyString(mail.TypeTextPlain, e.body)
	if attachName != "" {
		if err := m.AttachReader(attachName, bytes.NewReader(attachment),
			mail.WithFileContentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	buf.WriteString(head)
	if _, err := m.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("writing the e-mail: %w", err)
	}
	return buf.Bytes(), nil
}
