package corpus

import (
	"strconv"
	"strings"
	"testing"
)

func TestEachCSVRow(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string // "n:url" per row, comma-separated
		wantErr string
	}{
		{name: "header names the columns", in: "title,url\nA,u1\n\"B, b\",u2\n", want: "1:u1,2:u2"},
		{name: "a missing column", in: "title,link\nA,u1\n", wantErr: `f.csv: no column "url"`},
		{name: "a short row is a broken file", in: "title,url\nA,u1\nB\n", wantErr: "f.csv: row 2 has 1 fields, want 2"},
		{name: "an empty file", in: "", wantErr: "f.csv: EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := eachCSVRow("f.csv", []byte(tt.in), []string{"title", "url"}, func(n int, row []string, col map[string]int) error {
				got = append(got, strconv.Itoa(n)+":"+row[col["url"]])
				return nil
			})
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if g := strings.Join(got, ","); g != tt.want {
				t.Errorf("rows = %q, want %q", g, tt.want)
			}
		})
	}
}
