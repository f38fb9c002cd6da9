package bus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// MaxGetMany is the most keys GetMany asks for at once: the server answers
// a multi-subject get with at most 1,024 messages.
const MaxGetMany = 1024

// ErrGetManyCut is returned by GetMany when the server sent fewer values
// than it holds (its byte limit on one answer): the values it sent are
// good, the keys it did not send are unknown.
var ErrGetManyCut = errors.New("kv get many: answer cut short")

// GetMany reads the current values of keys in KV bucket with one
// multi-subject direct get, where a Get per key would cost a request and
// a reply each (for a backfill, whose keys are mostly new, a "not found"
// each). A key that does not exist, or was deleted or purged, is absent
// from the map. It needs nats-server 2.11 or later; an older server's
// refusal is an error, and the caller falls back to Get.
func (c *Conn) GetMany(ctx context.Context, bucket string, keys []string) (map[string][]byte, error) {
	if len(keys) == 0 {
		return map[string][]byte{}, nil
	}
	if len(keys) > MaxGetMany {
		return nil, fmt.Errorf("kv %s: get many: %d keys, at most %d", bucket, len(keys), MaxGetMany)
	}
	prefix := "$KV." + bucket + "."
	subjects := make([]string, len(keys))
	for i, k := range keys {
		subjects[i] = prefix + k
	}
	req, err := json.Marshal(struct {
		MultiLast []string `json:"multi_last"`
	}{subjects})
	if err != nil {
		return nil, err
	}
	inbox := c.NC.NewInbox()
	sub, err := c.NC.SubscribeSync(inbox)
	if err != nil {
		return nil, fmt.Errorf("kv %s: get many: %w", bucket, err)
	}
	defer sub.Unsubscribe()
	if err := c.NC.PublishRequest("$JS.API.DIRECT.GET.KV_"+bucket, inbox, req); err != nil {
		return nil, fmt.Errorf("kv %s: get many: %w", bucket, err)
	}
	out := make(map[string][]byte, len(keys))
	for {
		m, err := sub.NextMsgWithContext(ctx)
		if err != nil {
			return nil, fmt.Errorf("kv %s: get many: %w", bucket, err)
		}
		switch st := m.Header.Get("Status"); st {
		case "":
		case "204": // end of the batch
			if np := m.Header.Get("Nats-Num-Pending"); np != "" && np != "0" {
				return out, ErrGetManyCut
			}
			return out, nil
		case "404": // none of the keys exists
			if m.Header.Get("Description") == "No Results" {
				return out, nil
			}
			fallthrough
		default:
			return nil, fmt.Errorf("kv %s: get many: status %s %s", bucket, st, m.Header.Get("Description"))
		}
		key, ok := strings.CutPrefix(m.Header.Get("Nats-Subject"), prefix)
		if !ok {
			return nil, fmt.Errorf("kv %s: get many: answer for subject %q", bucket, m.Header.Get("Nats-Subject"))
		}
		switch m.Header.Get("KV-Operation") {
		case "DEL", "PURGE":
			continue
		}
		out[key] = m.Data
	}
}
