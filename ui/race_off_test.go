//go:build !race

package ui

// raceEnabled: timings under the race detector mean nothing.
const raceEnabled = false
