package gitrepo

import "testing"

// TestTokens: a token is found for every repository of the server it was
// set for and for no other server; the file's bytes read back the same;
// a file saying null reads as no tokens that can still be added to; a
// damaged one is an error.
func TestTokens(t *testing.T) {
	tok := Tokens{}
	tok.Set("https://git.example.org/delegation/a.git", Credential{Username: "oauth2", Token: "s3cret"})
	if c, ok := tok.For("https://git.example.org/other.git"); !ok || c.Token != "s3cret" || c.Username != "oauth2" {
		t.Fatalf("same server: %+v %v", c, ok)
	}
	for _, u := range []string{"https://gitea.example.org/delegation/a.git", "http://git.example.org/delegation/a.git"} {
		if c, ok := tok.For(u); ok {
			t.Fatalf("%s got %+v", u, c)
		}
	}
	b, err := tok.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseTokens(b)
	if err != nil || len(back) != 1 || back["https://git.example.org"] != tok["https://git.example.org"] {
		t.Fatalf("round trip %v %v\n%s", back, err, b)
	}
	empty, err := ParseTokens([]byte("null"))
	if err != nil {
		t.Fatal(err)
	}
	empty.Set("https://h/x", Credential{Token: "t"})
	if _, ok := empty.For("https://h/y"); !ok {
		t.Fatal("a token set in a null file is lost")
	}
	if _, err := ParseTokens([]byte("{")); err == nil {
		t.Fatal("a damaged file parsed")
	}
}
