package store

// SetWriteFault lets the store_test package refuse writes the way a full
// or read-only disk does; it returns the function that removes the fault.
func SetWriteFault(f func(path string) error) (undo func()) {
	writeFault = f
	return func() { writeFault = nil }
}
