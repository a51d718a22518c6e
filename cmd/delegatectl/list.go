package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

// listRow is one item in `delegatectl list`.
type listRow struct {
	ID      string      `json:"id"`
	Type    string      `json:"type"` // "comment" or "opinion"
	Where   string      `json:"where"`
	Kind    string      `json:"kind,omitempty"`
	Status  item.Status `json:"status"`
	Author  string      `json:"author"`
	Updated time.Time   `json:"updated"`
	Summary string      `json:"summary"`
}

// runList is `delegatectl list [--json]`: every comment and Opinion
// proposal, newest change last.
func runList(e *env, args []string) error {
	cmd := newWSCommand(e, "list")
	asJSON := cmd.Bool("json", false, "print JSON")
	return cmd.run(args, nil, func(w *store.Workspace, pos []string) error {
		rows, err := listRows(w)
		if err != nil { // damaged files are named, the readable items still listed
			fmt.Fprintln(e.stderr, "warning:", err)
			fmt.Fprintln(e.stderr, "warning: an item that cannot be read blocks colleagues' syncs; delegatectl item remove ID takes it out")
		}
		if *asJSON {
			return writeJSON(e, rows)
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tTYPE\tWHERE\tKIND\tSTATUS\tAUTHOR\tUPDATED\tSUMMARY")
		for _, r := range rows {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Type, line(r.Where), r.Kind, r.Status, line(r.Author),
				r.Updated.Local().Format("2006-01-02 15:04"), oneLine(r.Summary, 48))
		}
		return tw.Flush()
	})
}

func listRows(w *store.Workspace) ([]listRow, error) {
	cs, cerr := w.Comments()
	os, oerr := w.Opinions()
	rows := make([]listRow, 0, len(cs)+len(os))
	for _, c := range cs {
		summary := c.Body
		if c.Proposal != nil {
			summary = string(c.Proposal.Action) + " " + c.Proposal.Proposed + " " + summary
		}
		rows = append(rows, listRow{c.ID, "comment", c.Anchor.DraftID + " " + c.Anchor.Number, string(c.Kind), c.Review.Status, c.Author.Name, c.Updated, summary})
	}
	for _, o := range os {
		where := "new Opinion"
		if o.Amends > 0 {
			where = "Opinion " + strconv.Itoa(o.Amends)
		}
		rows = append(rows, listRow{o.ID, "opinion", where, "", o.Review.Status, o.Author.Name, o.Updated, o.Title})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Updated.Before(rows[j].Updated) })
	return rows, errors.Join(cerr, oerr)
}

// runShow is `delegatectl show ID [--json]`.
func runShow(e *env, args []string) error {
	cmd := newWSCommand(e, "show")
	asJSON := cmd.Bool("json", false, "print JSON")
	return cmd.run(args, nArgs(1, "usage: delegatectl show ID [--json]"), func(w *store.Workspace, pos []string) error {
		c, o, err := loadItem(w, pos[0])
		switch {
		case err != nil:
			return err
		case *asJSON && c != nil:
			return writeJSON(e, c)
		case *asJSON:
			return writeJSON(e, struct {
				*item.Opinion
				Lines []item.Line `json:"lines"`
			}{o, o.Lines()})
		case c != nil:
			printComment(e, c)
		default:
			printOpinion(e, o)
		}
		return nil
	})
}

func printComment(e *env, c *item.Comment) {
	fmt.Fprintf(e.stdout, "Comment %s on %s of draft %s (paragraph %s)\n", c.ID, c.Anchor.Number, c.Anchor.DraftID, c.Anchor.ParagraphID)
	fmt.Fprintf(e.stdout, "Kind: %s   Status: %s%s\nAuthor: %s <%s>   Updated: %s\n", c.Kind, c.Review.Status, reviewDetail(c.Review),
		line(c.Author.Name), line(c.Author.Email), c.Updated.Local().Format("2006-01-02 15:04"))
	if c.Anchor.Quote != "" {
		fmt.Fprintf(e.stdout, "Quote: …%s[%s]%s…\n", c.Anchor.Before, c.Anchor.Quote, c.Anchor.After)
	}
	if p := c.Proposal; p != nil {
		fmt.Fprintf(e.stdout, "Proposal (%s):\n  existing: %s\n  proposed: %s\n", p.Action, p.Existing, p.Proposed)
	}
	if c.Reasons != "" {
		fmt.Fprintf(e.stdout, "Reasons: %s\n", c.Reasons)
	}
	fmt.Fprintf(e.stdout, "\n%s\n", strings.TrimRight(c.Body, "\n"))
}

func printOpinion(e *env, o *item.Opinion) {
	fmt.Fprintf(e.stdout, "Opinion proposal %s   Status: %s%s\nAuthor: %s <%s>   Updated: %s\n\n", o.ID, o.Review.Status, reviewDetail(o.Review),
		line(o.Author.Name), line(o.Author.Email), o.Updated.Local().Format("2006-01-02 15:04"))
	fmt.Fprint(e.stdout, o.Text())
	if o.Reasons != "" {
		fmt.Fprintf(e.stdout, "\nReasons: %s\n", o.Reasons)
	}
	if o.Body != "" {
		fmt.Fprintf(e.stdout, "\n%s\n", strings.TrimRight(o.Body, "\n"))
	}
}

func reviewDetail(r item.Review) string {
	switch {
	case r.Status == item.StatusChangesRequested:
		return " (" + r.Note + ")"
	case r.SecretariatNumber != "":
		return " (" + r.SecretariatNumber + ")"
	case r.Package != "":
		return " (package " + r.Package + ")"
	}
	return ""
}
