package gitrepo

// writeFault, when a test sets it, is asked before each file is put in
// place; an error it returns stands for the disk refusing the write
// (full, read-only), after half the data was written.
var writeFault func(path string) error

// FaultAt is the fault seam every write goes through, the workspace's
// too: nil unless the disk-fault harness set a fault with SetWriteFault.
func FaultAt(path string) error {
	if writeFault == nil {
		return nil
	}
	return writeFault(path)
}

// SetWriteFault lets the disk-fault harnesses refuse writes the way a full
// or read-only disk does; it returns the function that removes the fault.
// Only tests call it.
func SetWriteFault(f func(path string) error) (undo func()) {
	writeFault = f
	return func() { writeFault = nil }
}
