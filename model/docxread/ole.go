package docxread

import (
	"encoding/binary"
	"fmt"
	"unicode/utf16"
)

// ClassifyOLE tells a password-protected Office file from an old binary .doc.
// Both are OLE compound files; the directory entries' names say which. The
// directory is found by scanning every 128-byte-aligned record for a
// well-formed entry, which survives damaged FAT chains and needs no allocation
// table walk; false positives would need a valid name, length and type.
func ClassifyOLE(data []byte) error {
	names := oleStreamNames(data)
	switch {
	case names["EncryptedPackage"] || names["EncryptionInfo"]:
		return ErrEncrypted
	case names["WordDocument"]:
		return ErrLegacyDoc
	case names["Workbook"] || names["PowerPoint Document"]:
		return fmt.Errorf("%w (this is an Excel or PowerPoint file, not the report)", ErrUnsupported)
	}
	return fmt.Errorf("%w (an old Office compound file that is not a Word document)", ErrUnsupported)
}

func oleStreamNames(data []byte) map[string]bool {
	names := map[string]bool{}
	for off := 512; off+128 <= len(data); off += 128 {
		if name, ok := oleEntryName(data[off : off+128]); ok {
			names[name] = true
		}
	}
	return names
}

// oleEntryName decodes one directory entry: UTF-16LE name (64 bytes), its
// byte length including the terminating NUL, then the object type.
func oleEntryName(e []byte) (string, bool) {
	n := int(binary.LittleEndian.Uint16(e[64:66]))
	typ := e[66]
	if n < 4 || n > 64 || n%2 != 0 || (typ != 1 && typ != 2 && typ != 5) {
		return "", false
	}
	u := make([]uint16, n/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(e[2*i:])
	}
	if u[len(u)-1] != 0 {
		return "", false
	}
	for _, c := range u[:len(u)-1] {
		if c == 0 {
			return "", false
		}
	}
	return string(utf16.Decode(u[:len(u)-1])), true
}
