package config

import (
	"strconv"
	"time"
)

// Duration is a flag.Value (for main's flag.Var) that parses a duration as
// the file and the environment do, with the same plain errors.
type Duration time.Duration

func (d *Duration) String() string {
	if d == nil {
		return "0s"
	}
	return time.Duration(*d).String()
}

// Set parses s.
func (d *Duration) Set(s string) error {
	v, err := ParseDuration(s)
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// Int is a flag.Value for a whole number, with a plain error.
type Int int

func (n *Int) String() string {
	if n == nil {
		return "0"
	}
	return strconv.Itoa(int(*n))
}

// Set parses s.
func (n *Int) Set(s string) error {
	v, err := ParseInt(s)
	if err != nil {
		return err
	}
	*n = Int(v)
	return nil
}
