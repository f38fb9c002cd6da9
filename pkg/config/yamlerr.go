package config

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

var lineRE = regexp.MustCompile(`^line (\d+): `)

// nameFields rewrites YAML decoding errors so that each names the field
// it is about ("sink.batch_wait (line 2): cannot unmarshal ..."): an
// operator should not have to count lines to find a mistyped value.
func nameFields(data []byte, err error) error {
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
		if p, ok := paths[line]; ok {
			out = append(out, fmt.Errorf("%s (line %d): %s", p, line, rest))
		} else {
			out = append(out, errors.New(msg))
		}
	}
	return errors.Join(out...)
}

// walkKeys records, for each line that holds a key or a sequence item,
// the dotted path of the value there.
func walkKeys(n *yaml.Node, path string, paths map[int]string) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			walkKeys(c, path, paths)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := k.Value
			if path != "" {
				p = path + "." + k.Value
			}
			paths[k.Line] = p
			walkKeys(v, p, paths)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			if _, ok := paths[c.Line]; !ok || c.Kind == yaml.ScalarNode {
				paths[c.Line] = p
			}
			walkKeys(c, p, paths)
		}
	}
}
