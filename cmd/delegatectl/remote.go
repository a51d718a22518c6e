package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/userfile"
)

// runRemote dispatches `delegatectl remote add|list`.
func runRemote(e *env, args []string) error {
	if len(args) > 0 && args[0] == "add" {
		return runRemoteAdd(e, args[1:], os.Stdin)
	}
	if len(args) > 0 && args[0] == "list" {
		return runRemoteList(e, args[1:])
	}
	return usagef("usage: delegatectl remote add NAME URL [--token-stdin] [--user NAME] | remote list [--json]")
}

func runRemoteAdd(e *env, args []string, stdin io.Reader) error {
	cmd := newWSCommand(e, "remote add")
	tokenStdin := cmd.Bool("token-stdin", false, "read an HTTPS access token from standard input and keep it in "+store.CredentialsFile()+" (0600), never in the workspace")
	user := cmd.String("user", "", "user name to send with the token (GitLab: oauth2)")
	var stdinToken string
	return cmd.run(args, func(pos []string) (err error) {
		if len(pos) != 2 {
			return usagef("remote add needs NAME and URL: a folder (shared drive, USB stick), https://…, ssh://… or git@host:path")
		}
		if *tokenStdin { // read first, so a refused token leaves no remote behind
			line, err := bufio.NewReader(io.LimitReader(stdin, maxTokenBytes)).ReadString('\n')
			if err != nil && err != io.EOF {
				return err
			}
			if err == io.EOF && len(line) == maxTokenBytes {
				return usagef("the token on standard input is larger than %s; nothing was changed", userfile.MB(maxTokenBytes))
			}
			stdinToken = strings.TrimSpace(line)
		}
		return nil
	}, func(w *store.Workspace, pos []string) error {
		r, token, err := w.AddRemote(pos[0], pos[1])
		if err != nil {
			return usageError{err}
		}
		if *tokenStdin {
			token = stdinToken
		}
		if token != "" {
			if r.Kind != store.RemoteHTTP {
				return usagef("a token is only used with https:// remotes")
			}
			if err := store.SaveToken(r.URL, store.Credential{Username: *user, Token: token}); err != nil {
				return fmt.Errorf("remote %s was added, but: %w", r.Name, err)
			}
			fmt.Fprintf(e.stdout, "access token kept in %s (not in the workspace)\n", store.CredentialsFile())
		}
		fmt.Fprintf(e.stdout, "remote %s (%s): %s\n", r.Name, r.Kind, r.URL)
		return nil
	})
}

func runRemoteList(e *env, args []string) error {
	cmd := newWSCommand(e, "remote list")
	asJSON := cmd.Bool("json", false, "print JSON")
	return cmd.run(args, nil, func(w *store.Workspace, pos []string) error {
		rs, err := w.Remotes()
		if err != nil {
			return err
		}
		if *asJSON {
			if rs == nil {
				rs = []store.Remote{}
			}
			return writeJSON(e, rs)
		}
		for _, r := range rs {
			fmt.Fprintf(e.stdout, "%-10s %-6s %s\n", line(r.Name), r.Kind, line(r.URL))
		}
		return nil
	})
}
