package config

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

var (
	lineRE    = regexp.MustCompile(`^line (\d+): `)
	unknownRE = regexp.MustCompile(`^field (\S+) not found in type `)
	typeRE    = regexp.MustCompile(`^cannot unmarshal !!(\w+) ` + "`(.*)`" + ` into (\S+)$`)
)

// nameFields rewrites YAML decoding errors in the operator's words, each
// naming its key, line and file: "unknown key fetcher.concurency (line 12
// of wiredesk.yaml); did you mean concurrency?" rather than yaml's "field
// concurency not found in type config.Fetcher". file may be "".
func nameFields(data []byte, file string, err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return err
	}
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil {
		return err
	}
	paths := map[int]string{}
	walkKeys(&root, "", paths)
	var out []error
	for _, msg := range te.Errors {
		m := lineRE.FindStringSubmatch(msg)
		if m == nil {
			out = append(out, errors.New(msg))
			continue
		}
		line, _ := strconv.Atoi(m[1])
		rest := strings.TrimPrefix(msg, m[0])
		where := at(line, file)
		path, ok := paths[line]
		if !ok {
			out = append(out, fmt.Errorf("%s: %s", where, rest))
			continue
		}
		if u := unknownRE.FindStringSubmatch(rest); u != nil {
			out = append(out, unknownKey(path, u[1], where))
			continue
		}
		out = append(out, fmt.Errorf("%s (%s): %s", path, where, plainType(rest)))
	}
	return errors.Join(out...)
}

// at says where a value is: "line 12 of wiredesk.yaml".
func at(line int, file string) string {
	if file == "" {
		return fmt.Sprintf("line %d", line)
	}
	return fmt.Sprintf("line %d of %s", line, file)
}

// unknownKey says which key is unknown and, when one of the keys known
// there is close, which was meant.
func unknownKey(path, key, where string) error {
	// A flow list on the key's line ("feed: [x]") names the line after
	// its item; the key is what is unknown.
	for strings.HasSuffix(path, "]") && !strings.HasSuffix(path, key) {
		path = path[:strings.LastIndex(path, "[")]
	}
	parent := strings.TrimSuffix(strings.TrimSuffix(path, key), ".")
	msg := fmt.Sprintf("unknown key %s (%s)", path, where)
	if s := suggest(key, keysAt(parent)); s != "" {
		msg += "; did you mean " + s + "?"
	}
	return errors.New(msg)
}

// plainType turns yaml's "cannot unmarshal !!str `two` into int" into
// "\"two\" is not a whole number".
func plainType(msg string) string {
	m := typeRE.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	kind, val, into := m[1], m[2], m[3]
	switch {
	case into == "time.Duration":
		return durationProblem(val)
	case strings.HasPrefix(into, "int") || strings.HasPrefix(into, "uint"):
		return fmt.Sprintf("%q is not a whole number", val)
	case strings.HasPrefix(into, "float"):
		return fmt.Sprintf("%q is not a number", val)
	case into == "bool":
		return fmt.Sprintf("%q is not true or false", val)
	case strings.HasPrefix(into, "[]"):
		return fmt.Sprintf("want a list, as in [a, b], not %q", val)
	case kind == "seq":
		return "want a single value, not a list"
	case kind == "map":
		return "want a single value, not a mapping"
	case strings.HasPrefix(into, "config.") || strings.HasPrefix(into, "bus.") || strings.HasPrefix(into, "fetch."):
		return fmt.Sprintf("want a mapping of keys, not %q", val)
	}
	return msg
}

// durationProblem explains why val is not a duration.
func durationProblem(val string) string {
	if _, err := strconv.ParseFloat(val, 64); err == nil {
		return fmt.Sprintf("durations need a unit, as in %ss", val)
	}
	return fmt.Sprintf("%q is not a duration; write it as in 30s, 5m or 24h", val)
}

// ParseDuration parses a duration as the configuration file does, with
// the same plain errors: "30" is refused with "durations need a unit, as
// in 30s".
func ParseDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return 0, errors.New(durationProblem(s))
	}
	return d, nil
}

// ParseInt parses a whole number with a plain error.
func ParseInt(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return 0, fmt.Errorf("%q is too large", s)
		}
		return 0, fmt.Errorf("%q is not a whole number", s)
	}
	return n, nil
}

// ParseBool parses true or false (and 1, 0, yes, no) with a plain error.
func ParseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "on":
		return true, nil
	case "no", "off":
		return false, nil
	}
	b, err := strconv.ParseBool(strings.TrimSpace(s))
	if err != nil {
		return false, fmt.Errorf("%q is not true or false", s)
	}
	return b, nil
}

// keysAt returns the keys the configuration knows under a dotted path
// ("fetcher", "sources[0]", "" for the top level).
func keysAt(path string) []string {
	t := reflect.TypeOf(Config{})
	if path != "" {
		for _, seg := range strings.Split(path, ".") {
			name, _, _ := strings.Cut(seg, "[")
			f, ok := fieldByKey(t, name)
			if !ok {
				return nil
			}
			t = f.Type
			for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer || t.Kind() == reflect.Map {
				t = t.Elem()
			}
		}
	}
	var keys []string
	collectKeys(t, &keys)
	return keys
}

func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	if t.Kind() != reflect.Struct {
		return reflect.StructField{}, false
	}
	for i := range t.NumField() {
		f := t.Field(i)
		tag, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if strings.Contains(opts, "inline") {
			if g, ok := fieldByKey(f.Type, key); ok {
				return g, true
			}
			continue
		}
		if tag == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func collectKeys(t reflect.Type, keys *[]string) {
	if t.Kind() != reflect.Struct {
		return
	}
	for i := range t.NumField() {
		f := t.Field(i)
		tag, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		switch {
		case strings.Contains(opts, "inline"):
			collectKeys(f.Type, keys)
		case tag != "" && tag != "-":
			*keys = append(*keys, tag)
		}
	}
}

// suggest returns the candidate closest to word, if it is close enough to
// be a typo of it.
func suggest(word string, candidates []string) string {
	best, bestD := "", 0
	for _, c := range candidates {
		d := editDistance(strings.ToLower(word), strings.ToLower(c))
		if best == "" || d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" || bestD > max(2, len(word)/3) {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// walkKeys records, for each line that holds a key or a sequence item,
// the dotted path of the value there.
func walkKeys(n *yaml.Node, path string, paths map[int]string) {
	walkYAML(n, path, func(p string, line int, v *yaml.Node, item bool) {
		if _, ok := paths[line]; !item || !ok || v.Kind == yaml.ScalarNode {
			paths[line] = p
		}
	})
}

// walkYAML calls visit for every key and sequence item below n, a parent
// before its children: with its dotted path ("sources[2].feeds"), the
// line of the key or item, the value's node, and whether it is an item.
func walkYAML(n *yaml.Node, path string, visit func(path string, line int, v *yaml.Node, item bool)) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			walkYAML(c, path, visit)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := k.Value
			if path != "" {
				p = path + "." + k.Value
			}
			visit(p, k.Line, v, false)
			walkYAML(v, p, visit)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			visit(p, c.Line, c, true)
			walkYAML(c, p, visit)
		}
	}
}

// origin remembers where each key of a loaded file was, and with what
// text, so that a validation error can name the line. A value changed
// since by the environment or a flag no longer matches the text, and then
// no line is named rather than a wrong one.
type origin struct {
	file  string
	lines map[string]scalar
}

type scalar struct {
	line int
	text string
	leaf bool
}

func newOrigin(data []byte, file string) *origin {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil {
		return nil
	}
	o := &origin{file: file, lines: map[string]scalar{}}
	walkYAML(&root, "", func(p string, line int, v *yaml.Node, _ bool) {
		o.lines[p] = scalar{line: line, text: v.Value, leaf: v.Kind == yaml.ScalarNode}
	})
	return o
}

// where returns " (line N of FILE)" for a key whose value v still is the
// file's, and "" otherwise. A nil v names the line of a whole mapping or
// list item (sources[2]), which only the file sets.
func (o *origin) where(path string, v any) string {
	if o == nil {
		return ""
	}
	s, ok := o.lines[path]
	if !ok {
		return ""
	}
	if v != nil {
		if !s.leaf {
			return ""
		}
		same := fmt.Sprint(v) == s.text
		if d, isDur := v.(time.Duration); isDur {
			pd, err := time.ParseDuration(s.text)
			same = err == nil && pd == d
		}
		if !same {
			return ""
		}
	}
	return " (" + at(s.line, o.file) + ")"
}
