package article_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// encodeOracle is EncodeArticle as it was first written, and as the
// contract says: the hash HashArticle gives, and the article as
// json.Marshal writes it.
func encodeOracle(a *article.Article) ([]byte, error) {
	c := *a
	c.ContentHash = article.HashArticle(&c)
	return json.Marshal(&c)
}

// Pieces generated text is made of: every ASCII byte, Turkish and
// Russian letters, the separators encoding/json escapes, U+FFFD, and
// bytes that are not UTF-8 (a lone continuation byte, a cut sequence).
var textPieces = func() []string {
	p := []string{"Ankara", "Москва", "İğüşöç", "ёЁ", "\u2028", "\u2029", "\ufffd", "\xff", "\xc3", "\xe2\x80", "\xd0", "日本", "😀", "\u007f", "\u0085", "  "}
	for c := range 0x80 {
		p = append(p, string(rune(c)))
	}
	return p
}()

func genText(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(12) {
		b.WriteString(textPieces[r.IntN(len(textPieces))])
	}
	return b.String()
}

var floats = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 0.123456789, 1e-6, 9.99e-7, 1e-7, -3.5e-9, 1e20, 1e21, 1.5e21, -2e300, 5e-324, math.MaxFloat64, 0.1 + 0.2}

// fill sets every field of v (a struct's, a list's) to a generated
// value, or leaves it zero about a third of the time. A kind it does not
// know fails the test: a field of a new kind needs a generator here.
func fill(t *testing.T, r *rand.Rand, v reflect.Value) {
	t.Helper()
	if r.IntN(3) == 0 {
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(genText(r))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int:
		v.SetInt(int64(r.IntN(2000) - 1000))
	case reflect.Float64:
		f := floats[r.IntN(len(floats))]
		if r.IntN(2) == 0 {
			f = math.Float64frombits(r.Uint64())
			if math.IsNaN(f) || math.IsInf(f, 0) {
				f = r.Float64()
			}
		}
		v.SetFloat(f)
	case reflect.Slice:
		n := r.IntN(4)
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			fill(t, r, s.Index(i))
		}
		v.Set(s)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			zones := []*time.Location{time.UTC, time.FixedZone("+03", 3*3600), time.FixedZone("-0930", -(9*3600 + 1800)), time.FixedZone("", 0)}
			tm := time.Unix(r.Int64N(253402300799), int64(r.IntN(4))*int64(r.IntN(1e9))).In(zones[r.IntN(len(zones))])
			v.Set(reflect.ValueOf(tm))
			return
		}
		for i := range v.NumField() {
			fill(t, r, v.Field(i))
		}
	default:
		t.Fatalf("no generator for a field of kind %s (%s)", v.Kind(), v.Type())
	}
}

// EncodeArticle writes what encodeOracle writes, and sets the same hash,
// on generated articles with every field set or left zero: escapes,
// bytes that are not UTF-8, floats in both of encoding/json's forms,
// times in zones, nil and empty lists. The generator fills fields by
// reflection, so a field added to Article is generated too, and a
// hand-written encoding that misses it fails here.
func TestEncodeArticleGenerated(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			var a article.Article
			fill(t, r, reflect.ValueOf(&a).Elem())
			if r.IntN(2) == 0 {
				a.ClassifiedAt = time.Time{}
			}
			want, wantErr := encodeOracle(&a)
			wantHash := article.HashArticle(&a)
			got, err := article.EncodeArticle(&a)
			if (err != nil) != (wantErr != nil) {
				t.Fatalf("error %v, json.Marshal's %v", err, wantErr)
			}
			if err != nil {
				return
			}
			if a.ContentHash != wantHash {
				t.Errorf("content hash %s, want %s", a.ContentHash, wantHash)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("encoding differs from json.Marshal:\n got %q\nwant %q", got, want)
			}
		})
	}
}

// A score or a confidence that is not a number fails as json.Marshal
// does.
func TestEncodeArticleNotANumber(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    article.Article
	}{
		{"NaN score", article.Article{Relevance: article.Relevance{Score: math.NaN()}}},
		{"infinite confidence", article.Article{LangConfidence: math.Inf(1)}},
		{"negative infinite score", article.Article{Relevance: article.Relevance{Score: math.Inf(-1)}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := json.Marshal(&tc.a); err == nil {
				t.Fatal("json.Marshal encoded it")
			}
			if _, err := article.EncodeArticle(&tc.a); err == nil {
				t.Error("EncodeArticle encoded it")
			}
		})
	}
}
