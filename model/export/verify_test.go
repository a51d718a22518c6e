package export

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestVerifyAcceptsAPackage(t *testing.T) {
	res := build(t, sampleInput(t))
	p, err := Verify(res.Zip)
	if err != nil {
		t.Fatal(err)
	}
	if p.Manifest.PackageID != res.ID || len(p.Files) != 5 {
		t.Errorf("manifest %s, %d files", p.Manifest.PackageID, len(p.Files))
	}
	items, err := p.Items()
	if err != nil {
		t.Fatal(err)
	}
	if len(items.Comments) != 5 || len(items.Opinions) != 1 || items.Comments[0].Author != expert {
		t.Errorf("items = %d comments, %d opinions, author %+v", len(items.Comments), len(items.Opinions), items.Comments[0].Author)
	}
}

func TestVerifyRefusesEveryOneByteChange(t *testing.T) {
	res := build(t, sampleInput(t))
	step := max(len(res.Zip)/400, 1)
	for i := 0; i < len(res.Zip); i += step {
		bad := bytes.Clone(res.Zip)
		bad[i] ^= 0x01
		if _, err := Verify(bad); err == nil {
			t.Fatalf("changing byte %d of %d went unnoticed", i, len(res.Zip))
		}
	}
}

func TestVerifyRefusesAlteredContent(t *testing.T) {
	res := build(t, sampleInput(t))
	files := map[string][]byte{}
	for k, v := range res.Files {
		files[k] = v
	}
	files[ItemsFile] = bytes.Replace(files[ItemsFile], []byte("approved"), []byte("APPROVED"), 1)
	repacked, err := packFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Verify(repacked); !errors.Is(err, ErrTampered) || !strings.Contains(err.Error(), ItemsFile) {
		t.Errorf("edited items.json: %v", err)
	}
	files = map[string][]byte{ManifestFile: res.Files[ManifestFile], "extra.txt": []byte("x")}
	for k, v := range res.Files {
		files[k] = v
	}
	extra, _ := packFiles(files)
	if _, err := Verify(extra); !errors.Is(err, ErrTampered) {
		t.Errorf("unlisted file: %v", err)
	}
}

// zipOf writes entries with deflate, as an attacker's tool would.
func zipOf(t *testing.T, entries map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range entries {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	zw.Close()
	return buf.Bytes()
}

func TestVerifyRefusesUnsafeZips(t *testing.T) {
	many := map[string][]byte{}
	for i := range maxEntries + 1 {
		many[strings.Repeat("a", i+1)] = nil
	}
	cases := []struct {
		name    string
		entries map[string][]byte
		want    error
	}{
		{"zip-slip", map[string][]byte{"../../.bashrc": []byte("evil")}, ErrUnsafe},
		{"absolute path", map[string][]byte{"/etc/passwd": []byte("evil")}, ErrUnsafe},
		{"backslash path", map[string][]byte{`..\evil.exe`: []byte("evil")}, ErrUnsafe},
		{"zip bomb", map[string][]byte{"bomb.txt": make([]byte, 8<<20)}, ErrUnsafe},
		{"too many entries", many, ErrUnsafe},
		{"no manifest", map[string][]byte{"contribution.docx": []byte("x")}, ErrNotPackage},
		{"bad manifest", map[string][]byte{ManifestFile: []byte(`{"format":"other"}`)}, ErrNotPackage},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Verify(zipOf(t, tc.entries)); !errors.Is(err, tc.want) {
				t.Errorf("got %v, want %v", err, tc.want)
			}
		})
	}
	if _, err := Verify([]byte("hello")); !errors.Is(err, ErrNotPackage) {
		t.Errorf("not a zip: %v", err)
	}
}

func FuzzVerify(f *testing.F) {
	res := build(f, sampleInput(f))
	f.Add(res.Zip)
	bad := bytes.Clone(res.Zip)
	bad[len(bad)/2] ^= 0xff
	f.Add(bad)
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Verify(data)
		if err == nil && !bytes.Equal(data, res.Zip) {
			if _, err := p.Items(); err != nil {
				return
			}
			canon, _ := packFiles(p.Files)
			if !bytes.Equal(canon, data) {
				t.Fatal("a package that is not canonical was accepted")
			}
		}
	})
}
