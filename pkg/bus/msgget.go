package bus

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"
)

// GetMsgFromLeader reads the message at seq of stream through the
// STREAM.MSG.GET API, which the stream's leader answers. A stream that
// allows direct gets has them answered by any replica, and one catching
// up after a restart can say "not found" for a message the stream holds;
// asked again here, the answer is the leader's. It returns
// jetstream.ErrMsgNotFound for a message the stream does not hold.
func (c *Conn) GetMsgFromLeader(ctx context.Context, stream string, seq uint64) ([]byte, error) {
	req, err := json.Marshal(struct {
		Seq uint64 `json:"seq"`
	}{seq})
	if err != nil {
		return nil, err
	}
	msg, err := c.NC.RequestWithContext(ctx, "$JS.API.STREAM.MSG.GET."+stream, req)
	if err != nil {
		return nil, fmt.Errorf("get %s %d: %w", stream, seq, err)
	}
	var resp struct {
		Message *struct {
			Data []byte `json:"data"`
		} `json:"message"`
		Error *struct {
			Code        int    `json:"code"`
			ErrCode     int    `json:"err_code"`
			Description string `json:"description"`
		} `json:"error"`
	}
	if err := json.Unmarshal(msg.Data, &resp); err != nil {
		return nil, fmt.Errorf("get %s %d: %w", stream, seq, err)
	}
	switch {
	case resp.Error != nil && resp.Error.ErrCode == int(jetstream.JSErrCodeMessageNotFound):
		return nil, jetstream.ErrMsgNotFound
	case resp.Error != nil:
		return nil, fmt.Errorf("get %s %d: %s (%d)", stream, seq, resp.Error.Description, resp.Error.ErrCode)
	case resp.Message == nil:
		return nil, fmt.Errorf("get %s %d: no message in the answer", stream, seq)
	}
	return resp.Message.Data, nil
}
