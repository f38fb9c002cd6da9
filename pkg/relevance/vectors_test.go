package relevance

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

func TestJacobiEigen(t *testing.T) {
	tests := []struct {
		name string
		a    []float64
		k    int
		want []float64
	}{
		{"diagonal", []float64{1, 0, 0, 0, 3, 0, 0, 0, 2}, 3, []float64{3, 2, 1}},
		{"two by two", []float64{2, 1, 1, 2}, 2, []float64{3, 1}},
		{"three by three", []float64{4, 1, 2, 1, 3, 0, 2, 0, 5}, 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vals, w := jacobiEigen(tt.a, tt.k)
			for i, v := range tt.want {
				if math.Abs(vals[i]-v) > 1e-9 {
					t.Errorf("eigenvalue %d = %g, want %g", i, vals[i], v)
				}
			}
			// A w_c = lambda_c w_c for every column.
			for c := range tt.k {
				for r := range tt.k {
					av := 0.0
					for j := range tt.k {
						av += tt.a[r*tt.k+j] * w[j*tt.k+c]
					}
					if math.Abs(av-vals[c]*w[r*tt.k+c]) > 1e-9 {
						t.Fatalf("column %d is no eigenvector: row %d: %g vs %g", c, r, av, vals[c]*w[r*tt.k+c])
					}
				}
				if c > 0 && vals[c] > vals[c-1] {
					t.Errorf("eigenvalues not in descending order: %v", vals)
				}
			}
		})
	}
}

// TestBuildVectors: words that share their contexts end up nearer than
// words that do not, and the vectors survive a write and a read.
func TestBuildVectors(t *testing.T) {
	var paras []string
	for i := range 60 {
		a := []string{"minister", "ambassador", "envoy"}[i%3]
		b := []string{"striker", "goalkeeper", "coach"}[i%3]
		paras = append(paras,
			"the "+a+" held talks on the treaty with the foreign delegation in the capital",
			"the "+b+" scored a goal in the match against the visiting team at the stadium",
		)
	}
	cfg := VectorConfig{Vocab: 100, MinCount: 2, Dim: 4, Window: 3, Power: 2, Seed: 1}
	v, err := BuildVectors("en", func(yield func(string)) {
		for _, p := range paras {
			yield(p)
		}
	}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	cos := func(a, b string) float64 {
		ia, ib := v.Lookup(a), v.Lookup(b)
		if ia < 0 || ib < 0 {
			t.Fatalf("no vector for %q or %q among %v", a, b, v.Stems)
		}
		s := 0.0
		for d, x := range v.Row(ia) {
			s += float64(x * v.Row(ib)[d])
		}
		return s
	}
	if near, far := cos("minist", "ambassador"), cos("minist", "striker"); near <= far {
		t.Errorf("cos(minister, ambassador) = %.3f, not above cos(minister, striker) = %.3f", near, far)
	}
	var buf bytes.Buffer
	if err := WriteVectors(&buf, v); err != nil {
		t.Fatal(err)
	}
	w, err := ReadVectors(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(w.Stems, " ") != strings.Join(v.Stems, " ") || len(w.Vecs) != len(v.Vecs) || w.BuiltWindow() != 3 {
		t.Errorf("vectors differ after a write and a read (window %d, want 3)", w.BuiltWindow())
	}
}

// TestVectorWindows pins each language's window and how a file from
// before the window was recorded reads.
func TestVectorWindows(t *testing.T) {
	tests := []struct {
		name string
		got  int
		want int
	}{
		{"Russian default", DefaultVectorConfig("ru").Window, 25},
		{"Turkish default", DefaultVectorConfig("tr").Window, 5},
		{"a file without the window", (&Vectors{}).BuiltWindow(), 5},
		{"a file with it", (&Vectors{Window: 25}).BuiltWindow(), 25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("window %d, want %d", tt.got, tt.want)
			}
		})
	}
}

// TestVectorSIF checks that smooth inverse frequency scales each stem's
// row by a/(a+p), p its share of the words, so that a frequent stem
// weighs less in a lead's mean than a rare one; and pins each language's
// default.
func TestVectorSIF(t *testing.T) {
	var paras []string
	for i := range 60 {
		a := []string{"minister", "ambassador", "envoy"}[i%3]
		paras = append(paras, "the "+a+" held talks on the treaty with the foreign delegation in the capital")
		if i%4 == 0 {
			paras = append(paras, "the striker scored a goal in the match")
		}
	}
	build := func(sif float64) *Vectors {
		v, err := BuildVectors("en", func(yield func(string)) {
			for _, p := range paras {
				yield(p)
			}
		}, VectorConfig{Vocab: 100, MinCount: 2, Dim: 4, Window: 3, Power: 2, Seed: 1, SIF: sif})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	plain, sif := build(0), build(0.01)
	if plain.SIF != 0 || sif.SIF != 0.01 {
		t.Fatalf("SIF recorded as %g and %g, want 0 and 0.01", plain.SIF, sif.SIF)
	}
	// 60 texts of 8 counted words (stop words aside: "the", "on", "with",
	// "in" are English stop words) and 15 of 4.
	total := 0.0
	memo := map[string]string{}
	count := map[string]float64{}
	for _, p := range paras {
		vectorWords("en", tokenize(p, "en"), memo, func(s string) { total++; count[s]++ })
	}
	norm := func(v *Vectors, s string) float64 {
		i := v.Lookup(s)
		if i < 0 {
			t.Fatalf("no vector for %q among %v", s, v.Stems)
		}
		n := 0.0
		for _, x := range v.Row(i) {
			n += float64(x) * float64(x)
		}
		return math.Sqrt(n)
	}
	tests := []struct {
		stem string
	}{{"treati"}, {"minist"}, {"striker"}, {"goal"}}
	for _, tt := range tests {
		t.Run(tt.stem, func(t *testing.T) {
			want := 0.01 / (0.01 + count[tt.stem]/total)
			if got := norm(sif, tt.stem) / norm(plain, tt.stem); math.Abs(got-want) > 1e-5 {
				t.Errorf("row scaled by %.5f, want %.5f (%g of %g words)", got, want, count[tt.stem], total)
			}
		})
	}
	if norm(sif, "treati") >= norm(sif, "striker") {
		t.Errorf("a stem of every text (%.3f) weighs no less than a rarer one (%.3f)", norm(sif, "treati"), norm(sif, "striker"))
	}
	for _, d := range []struct {
		lang string
		want float64
	}{{"ru", 1e-4}, {"tr", 0}} {
		if got := DefaultVectorConfig(d.lang).SIF; got != d.want {
			t.Errorf("%s: default SIF %g, want %g", d.lang, got, d.want)
		}
	}
}
