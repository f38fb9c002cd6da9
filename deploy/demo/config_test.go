package demo_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/deploy/demo"
	"github.com/wiredesk/wiredesk/pkg/config"
)

// wiredesk.yaml, for running the three services on the demo site, names
// the same sources as "wiredesk -demo" on the same fixed address, and
// validates.
func TestConfigMatchesDemo(t *testing.T) {
	cfg, err := config.Load("wiredesk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if !cfg.Fetcher.AllowPrivate {
		t.Error("fetcher.allow_private is off: the fetcher would refuse the loopback site")
	}
	want := demo.Sources("http://"+demo.Addr, time.Minute)
	if !reflect.DeepEqual(cfg.Sources, want) {
		t.Errorf("sources differ from demo.Sources:\n got %+v\nwant %+v", cfg.Sources, want)
	}
}
