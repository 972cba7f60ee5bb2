package quereus

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSubscriptionsTrackAndClose(t *testing.T) {
	var s subscriptions
	var ended []string
	subscribe := func(name string) func() func() {
		return func() func() { return func() { ended = append(ended, name) } }
	}
	unA := s.add(subscribe("a"))
	s.add(subscribe("b"))
	unA()
	unA() // idempotent
	assert.Equal(t, []string{"a"}, ended)

	s.close()
	assert.Equal(t, []string{"a", "b"}, ended, "close ends the remaining subscription")

	called := false
	un := s.add(func() func() { called = true; return func() {} })
	assert.False(t, called, "no subscription after close")
	un()
	s.close()
	assert.Equal(t, []string{"a", "b"}, ended)
}
