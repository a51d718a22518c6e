package storetest

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

// GenID is the ID of the i-th generated comment.
func GenID(i int) string { return fmt.Sprintf("gn-241201-%05d", i) }

// Edited is the generated item edited by commit k (k ≥ 1): a fixed
// stride, so every item is touched about commits/items times.
func Edited(k, items int) int { return (k * 7919) % items }

// Generate builds a large workspace for benchmarks in dir: one commit
// adding items comments, then commits-1 commits each editing one of them.
// It streams the history into `git fast-import` (seconds instead of the
// hours a commit-by-commit build would take), so it needs the git binary;
// the workspace it makes is an ordinary one.
func Generate(dir string, items, commits int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"config", "user.name", User.Name}, {"config", "user.email", User.Email}} {
		if out, err := gitIn(dir, args...).CombinedOutput(); err != nil {
			return fmt.Errorf("git %v: %v\n%s", args, err, out)
		}
	}
	imp := gitIn(dir, "fast-import", "--quiet")
	in, err := imp.StdinPipe()
	if err != nil {
		return err
	}
	imp.Stderr = os.Stderr
	if err := imp.Start(); err != nil {
		return err
	}
	w := bufio.NewWriterSize(in, 1<<20)
	genErr := writeStream(w, items, commits)
	if err := w.Flush(); genErr == nil {
		genErr = err
	}
	_ = in.Close()
	if err := imp.Wait(); err != nil {
		return fmt.Errorf("git fast-import: %w", err)
	}
	if genErr != nil {
		return genErr
	}
	if out, err := gitIn(dir, "reset", "-q", "--hard").CombinedOutput(); err != nil {
		return fmt.Errorf("git reset: %v\n%s", err, out)
	}
	return nil
}

func writeStream(w *bufio.Writer, items, commits int) error {
	base := time.Date(2024, 11, 5, 8, 0, 0, 0, time.UTC)
	file := func(i, rev int) error {
		c := Comment(fmt.Sprint(i%120+1), fmt.Sprintf("Generated comment %d, revision %d.\n", i, rev))
		c.ID, c.Author, c.Review.Status = GenID(i), User, item.StatusDraft
		c.Created, c.Updated = base, base.Add(time.Duration(rev)*time.Minute)
		b, err := store.FormatComment(c)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n%s\n", filepath.ToSlash(filepath.Join(store.CommentsDir, c.ID+".md")), len(b), b)
		return nil
	}
	header := func(k int, msg string) {
		when := base.Add(time.Duration(k) * time.Minute).Unix()
		fmt.Fprintf(w, "commit refs/heads/main\nauthor %s <%s> %d +0000\ncommitter %s <%s> %d +0000\ndata %d\n%s\n",
			User.Name, User.Email, when, User.Name, User.Email, when, len(msg), msg)
	}
	header(0, "Generated workspace\n")
	for i := 0; i < items; i++ {
		if err := file(i, 0); err != nil {
			return err
		}
	}
	for k := 1; k < commits; k++ {
		i := Edited(k, items)
		header(k, fmt.Sprintf("Comment on ¶%d: edit body\n\nItem: %s\n", i%120+1, GenID(i)))
		if err := file(i, k); err != nil {
			return err
		}
	}
	return nil
}

func gitIn(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1")
	return cmd
}
