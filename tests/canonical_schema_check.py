#!/usr/bin/python3
"""Checks Ladder documents against docs/ladder.schema.json with a real JSON Schema validator.

usage: canonical_schema_check.py SCHEMA [--yaml FILE...] [--json FILE...] [--coverage FILE...]

--yaml     YAML documents (read with PyYAML) that must be valid
--json     JSON documents that must be valid
--coverage YAML documents that together must use every key the schema defines (and every
           rule kind); the keys nobody uses are listed
Exit 0 when everything holds, 1 otherwise (each problem on its own line).
"""
import json
import re
import sys

import jsonschema
import yaml


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def schema_paths(schema, node, path, out):
    """Every key path the schema allows: 'tracks[].levels[].rank', 'x.rule=manual', ..."""
    if "$ref" in node:
        name = node["$ref"].split("/")[-1]
        schema_paths(schema, schema["$defs"][name], path, out)
    if "const" in node and isinstance(node["const"], str):
        out.add(f"{path}={node['const']}")
    for branch in node.get("oneOf", []):
        schema_paths(schema, branch, path, out)
    for key, sub in node.get("properties", {}).items():
        child = f"{path}.{key}" if path else key
        out.add(child)
        schema_paths(schema, sub, child, out)
    if isinstance(node.get("additionalProperties"), dict):
        schema_paths(schema, node["additionalProperties"], f"{path}.*", out)
    if "items" in node:
        schema_paths(schema, node["items"], f"{path}[]", out)


CONST_KEYS = {"rule", "peer_review", "documented_need"}


def requirement_relative(paths):
    """A requirement's keys count once, wherever the requirement is (levels, policy, ...)."""
    return {re.sub(r"^.*(requirements|policy)\[\]", "<requirement>", p) for p in paths}
MAP_KEYS = {"attributes", "expectations"}


def document_paths(value, path, key, out):
    if isinstance(value, dict):
        for k, v in value.items():
            name = "*" if key in MAP_KEYS else k
            child = f"{path}.{name}" if path else name
            out.add(child)
            document_paths(v, child, k if key not in MAP_KEYS else None, out)
    elif isinstance(value, list):
        for item in value:
            document_paths(item, f"{path}[]", None, out)
    elif isinstance(value, str) and key in CONST_KEYS:
        out.add(f"{path}={value}")


def main(argv):
    schema = load_json(argv[1])
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    groups = {"--yaml": [], "--json": [], "--coverage": []}
    current = None
    for arg in argv[2:]:
        if arg in groups:
            current = arg
        elif current is None:
            print(f"unexpected argument {arg}", file=sys.stderr)
            return 2
        else:
            groups[current].append(arg)

    problems = []
    checked = 0
    for path in groups["--yaml"] + groups["--json"]:
        doc = load_yaml(path) if path in groups["--yaml"] else load_json(path)
        checked += 1
        for error in validator.iter_errors(doc):
            where = "/".join(str(p) for p in error.absolute_path)
            problems.append(f"{path}: /{where}: {error.message}")

    if groups["--coverage"]:
        allowed = set()
        schema_paths(schema, schema, "", allowed)
        used = set()
        for path in groups["--coverage"]:
            document_paths(load_yaml(path), "", None, used)
        allowed, used = requirement_relative(allowed), requirement_relative(used)
        for missing in sorted(allowed - used):
            problems.append(f"no document uses {missing}")

    for p in problems:
        print(p)
    print(f"{checked} documents checked, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
