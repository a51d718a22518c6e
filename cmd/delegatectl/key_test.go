package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/ProtonMail/go-crypto/openpgp/armor"

	"github.com/delegate-itu/delegate/model/store"
)

// TestKeySignedSync: Ana signs with a passphrase-protected key named in
// the environment; the coordinator adds her public key and requires
// signed work. Ana's items arrive (she synced before Ben published: merging
// his unsigned work would have made her branch refused too) and the report says her commits were
// well signed; Ben's unsigned work is refused and named.
func TestKeySignedSync(t *testing.T) {
	tmp := t.TempDir()
	usb := filepath.Join(tmp, "usb")
	key, err := store.NewTestKey("Ana", "ana@example.org")
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := store.PublicKeyArmor(key)
	_ = os.WriteFile(filepath.Join(tmp, "ana.pub.asc"), pub, 0o644)
	if err := key.EncryptPrivateKeys([]byte("pass phrase"), nil); err != nil {
		t.Fatal(err)
	}
	var sec bytes.Buffer
	aw, _ := armor.Encode(&sec, openpgp.PrivateKeyType, nil)
	_ = key.SerializePrivateWithoutSigning(aw, nil)
	_ = aw.Close()
	_ = os.WriteFile(filepath.Join(tmp, "ana.sec.asc"), sec.Bytes(), 0o600)

	as := func(n string, args ...string) string {
		return ctl(t, append(args, "--workspace", filepath.Join(tmp, n))...)
	}
	draft := filepath.Join(tmp, "draft2.md")
	_ = os.WriteFile(draft, []byte(miniDraft), 0o644)
	as("coord", "init", "--user-name", "Cora", "--user-email", "cora@example.org")
	as("coord", "draft", "import", draft, "--label", "2nd draft")
	if out := as("coord", "key", "add", filepath.Join(tmp, "ana.pub.asc")); !strings.Contains(out, "keys/ana-example-org.asc") {
		t.Fatalf("key add: %s", out)
	}
	as("coord", "key", "require", "on")
	as("coord", "remote", "add", "usb", usb)
	as("coord", "sync")

	t.Setenv(envSigningKey, filepath.Join(tmp, "ana.sec.asc"))
	t.Setenv(envSigningPass, "pass phrase")
	as("ana", "init", "--user-name", "Ana", "--user-email", "ana@example.org")
	as("ana", "remote", "add", "usb", usb)
	as("ana", "sync")
	id := strings.Fields(as("ana", "comment", "add", "--para", "1", "--body", "Signed point."))[2]
	as("ana", "sync")
	if out := as("ana", "key", "list"); !strings.Contains(out, "signing your commits with "+store.Fingerprint(key)) {
		t.Fatalf("key list: %s", out)
	}
	t.Setenv(envSigningKey, "")

	as("ben", "init", "--user-name", "Ben", "--user-email", "ben@example.org")
	as("ben", "remote", "add", "usb", usb)
	as("ben", "sync")
	as("ben", "comment", "add", "--para", "1", "--body", "Unsigned point.")
	as("ben", "sync")

	out := as("coord", "sync")
	for _, want := range []string{`signatures of ana@example.org: \d+ good\n`, `signatures of ben@example.org: 0 good, [1-9]\d* unsigned`,
		"refused the work of ben-example-org"} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("coordinator's sync lacks %q:\n%s", want, out)
		}
	}
	if list := as("coord", "list"); !strings.Contains(list, id) || strings.Contains(list, "Unsigned point") {
		t.Errorf("coordinator's list:\n%s", list)
	}
}
