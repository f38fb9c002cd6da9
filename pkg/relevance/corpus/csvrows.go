package corpus

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
)

// eachCSVRow calls fn with every row of the CSV file f, its number (the
// header is row 0) and the column index of each header name. The corpora's CSV dumps differ in
// their columns but not in how they must be read: the header names the
// columns (the order is the scraper's), every name in want must be there,
// and a row with another number of fields than the header is a broken
// file, not a record to skip.
func eachCSVRow(f string, b []byte, want []string, fn func(n int, row []string, col map[string]int) error) error {
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%s: %w", f, err)
	}
	col := make(map[string]int, len(head))
	for i, h := range head {
		col[h] = i
	}
	for _, h := range want {
		if _, ok := col[h]; !ok {
			return fmt.Errorf("%s: no column %q", f, h)
		}
	}
	for n := 1; ; n++ {
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if len(row) != len(head) {
			return fmt.Errorf("%s: row %d has %d fields, want %d", f, n, len(row), len(head))
		}
		if err := fn(n, row, col); err != nil {
			return err
		}
	}
}
