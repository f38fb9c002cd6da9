// Package bus is wiredesk's NATS and JetStream layer: the subjects, the
// streams and the KV bucket, connections, publishing with Nats-Msg-Id, the
// consume loop with its ack/nak/term/DLQ contract, and the embedded server.
//
// Stages see NATS only through this package, so that the delivery contract
// (ack only after the output is published or committed; permanent failures
// go to the DLQ with their error; nothing is silently lost) lives in one place.
package bus
