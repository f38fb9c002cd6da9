package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/relevance"
	"github.com/wiredesk/wiredesk/pkg/relevance/corpus"
)

// TestScores checks the lines "relevance scores" writes, on a labelled
// set of the test's own texts: three a text in the labels' order, each
// the text's ID, the scorer, the model's log-odds (NaN for the profile)
// and the Result as JSON; -o writes the same bytes to a file.
func TestScores(t *testing.T) {
	tests := []struct {
		id, lang, title, body string
	}{
		{"own/tr/1", "tr", "Dışişleri Bakanı Atina'da mevkidaşıyla görüştü",
			"Dışişleri Bakanı bugün Atina'da Yunan mevkidaşıyla bir araya geldi. İki bakan Ege'deki sorunları ve göç anlaşmasını ele aldı.\n\nGörüşmenin ardından ortak basın toplantısı düzenlendi; bakanlar diyaloğun süreceğini açıkladı."},
		{"own/tr/2", "tr", "Belediye yeni otobüs hattını açtı",
			"Belediye, sahil ile üniversite arasında yeni bir otobüs hattı açtı. Seferler sabah altıda başlıyor.\n\nYolcular kartlarını durakta doldurabilecek."},
		{"own/ru/1", "ru", "Лавров провёл переговоры с министром иностранных дел Турции",
			"Министр иностранных дел России Сергей Лавров провёл в Анкаре переговоры с турецким коллегой. Стороны обсудили урегулирование в Сирии и поставки зерна.\n\nПо итогам встречи министры подписали план консультаций на следующий год."},
		{"own/ru/2", "ru", "В городском парке открыли каток",
			"В городском парке открыли каток с прокатом коньков. Вход для школьников бесплатный по будням.\n\nКаток будет работать до конца марта."},
	}
	data := t.TempDir()
	var labels, texts bytes.Buffer
	for i, tt := range tests {
		l := corpus.Label{ID: tt.id, Lang: tt.lang, Split: []string{"train", "dev", "test"}[i%3], SHA256: corpus.Sum(tt.title, tt.body)}
		if err := json.NewEncoder(&labels).Encode(l); err != nil {
			t.Fatal(err)
		}
		if err := json.NewEncoder(&texts).Encode(corpus.Text{ID: tt.id, Title: tt.title, Body: tt.body}); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(data, "labels.jsonl"), labels.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(data, "texts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(data, "texts", "own.jsonl"), texts.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	var out bytes.Buffer
	if err := run(context.Background(), []string{"scores", "-data", data}, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 3*len(tests) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), 3*len(tests), out.String())
	}
	for i, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			for k, scorer := range []string{"model", "model-flat", "profile"} {
				line := lines[3*i+k]
				f := strings.SplitN(line, " ", 4)
				if len(f) != 4 || f[0] != tt.id || f[1] != scorer {
					t.Fatalf("line %q: want %q %q, log-odds, JSON", line, tt.id, scorer)
				}
				z, err := strconv.ParseFloat(f[2], 64)
				if err != nil {
					t.Fatalf("line %q: log-odds: %v", line, err)
				}
				if got := math.IsNaN(z); got != (scorer == "profile") {
					t.Errorf("line %q: log-odds %v, NaN %v", line, z, got)
				}
				var res relevance.Result
				if err := json.Unmarshal([]byte(f[3]), &res); err != nil {
					t.Fatalf("line %q: %v", line, err)
				}
				if res.Topic != "diplomacy" {
					t.Errorf("line %q: topic %q", line, res.Topic)
				}
				if scorer != "profile" && (res.Score < 0 || res.Score > 1) {
					t.Errorf("line %q: the model's score %v is no probability", line, res.Score)
				}
			}
		})
	}

	file := filepath.Join(t.TempDir(), "scores")
	var msg bytes.Buffer
	if err := run(context.Background(), []string{"scores", "-data", data, "-o", file}, &msg); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, out.Bytes()) {
		t.Errorf("-o wrote other bytes than stdout:\n%s\nwant\n%s", got, out.Bytes())
	}
	if want := "4 texts scored into " + file + "\n"; msg.String() != want {
		t.Errorf("-o said %q, want %q", msg.String(), want)
	}
}
