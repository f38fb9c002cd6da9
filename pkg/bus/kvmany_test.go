package bus_test

import (
	"context"
	"fmt"
	"maps"
	"testing"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
)

func TestGetMany(t *testing.T) {
	_, conn := bustest.Start(t)
	ctx := context.Background()
	kv, err := conn.JS.CreateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: "many", History: 1, Storage: jetstream.MemoryStorage})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"a", "b", "gone", "purged", "u.x"} {
		if _, err := kv.Put(ctx, k, []byte("v-"+k)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := kv.Put(ctx, "a", []byte("v-a2")); err != nil {
		t.Fatal(err)
	}
	if err := kv.Delete(ctx, "gone"); err != nil {
		t.Fatal(err)
	}
	if err := kv.Purge(ctx, "purged"); err != nil {
		t.Fatal(err)
	}
	var many []string
	for i := range bus.MaxGetMany {
		many = append(many, fmt.Sprintf("new%d", i))
	}
	tests := []struct {
		name string
		keys []string
		want map[string]string
	}{
		{"none asked", nil, map[string]string{}},
		{"none exists", []string{"x", "y"}, map[string]string{}},
		{"latest value", []string{"a"}, map[string]string{"a": "v-a2"}},
		{"some exist", []string{"x", "b", "a", "u.x"}, map[string]string{"a": "v-a2", "b": "v-b", "u.x": "v-u.x"}},
		{"deleted and purged are absent", []string{"gone", "purged", "b"}, map[string]string{"b": "v-b"}},
		{"the most keys at once", append(many[:bus.MaxGetMany-1:bus.MaxGetMany-1], "b"), map[string]string{"b": "v-b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := conn.GetMany(ctx, "many", tt.keys)
			if err != nil {
				t.Fatal(err)
			}
			gs := map[string]string{}
			for k, v := range got {
				gs[k] = string(v)
			}
			if !maps.Equal(gs, tt.want) {
				t.Errorf("got %v, want %v", gs, tt.want)
			}
		})
	}
	if _, err := conn.GetMany(ctx, "many", append(many, "one more")); err == nil {
		t.Error("more than MaxGetMany keys: no error")
	}
	if _, err := conn.GetMany(ctx, "nosuchbucket", []string{"a"}); err == nil {
		t.Error("no such bucket: no error")
	}
}
