#!/usr/bin/python3
"""Runs the review-process scenarios: readable data files of commands and expected outputs.

    run.py [--backend sqlite|postgres] SCENARIO.txt...

Each scenario gets a fresh database (an SQLite file, or a new PostgreSQL database on the server
named by $LADDER_TEST_POSTGRES) and a scratch directory. The format of a scenario file:

    # a comment
    file people.csv            the lines up to `end` are written to people.csv
    id,name,...
    end
    $ ladder people import people.csv     a command (bash; `ladder` is the binary under test)
    ? 2                        its exit status (0 when not given)
    > some text                its output (stdout and stderr) contains the text
    ! other text               its output does not contain the text
    = requirements.0.status met    its stdout is JSON whose value at the path equals the value
                               (a JSON literal, or a bare string); `length` gives a list's size

$LADDER is the binary; $FIXTURES (tests/scenarios/fixtures) and $SEEDS are set for commands.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))


class Failure(Exception):
    pass


def parse(path):
    steps = []  # [{"cmd", "line", "checks": [(kind, arg, line)], "status"}] or ("file", name, text)
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        n = i + 1
        i += 1
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("file "):
            body = []
            while i < len(lines) and lines[i] != "end":
                body.append(lines[i])
                i += 1
            if i == len(lines):
                raise Failure(f"{path}:{n}: `file` without `end`")
            i += 1
            steps.append({"file": line[5:].strip(), "text": "\n".join(body) + "\n", "line": n})
        elif line.startswith("$ "):
            steps.append({"cmd": line[2:], "line": n, "checks": [], "status": 0})
        elif line[:2] in ("? ", "> ", "! ", "= "):
            if not steps or "cmd" not in steps[-1]:
                raise Failure(f"{path}:{n}: a check before any command")
            if line.startswith("? "):
                steps[-1]["status"] = int(line[2:])
            else:
                steps[-1]["checks"].append((line[0], line[2:], n))
        else:
            raise Failure(f"{path}:{n}: cannot read this line: {line!r}")
    return steps


def json_at(doc, path):
    for part in path.split("."):
        if part == "length" and isinstance(doc, list):
            doc = len(doc)
        elif isinstance(doc, list):
            doc = doc[int(part)]
        else:
            doc = doc[part]
    return doc


def run_scenario(path, database, ladder):
    steps = parse(path)
    failures = []
    with tempfile.TemporaryDirectory(prefix="ladder-scenario.") as work:
        env = dict(os.environ)
        env["LADDER_DATABASE"] = database
        env["LADDER"] = ladder
        env["FIXTURES"] = os.path.join(HERE, "fixtures")
        env.setdefault("SEEDS", os.path.join(HERE, "..", "..", "..", "shared", "seeds"))
        env.pop("NO_COLOR", None)
        for step in steps:
            where = f"{os.path.basename(path)}:{step['line']}"
            if "file" in step:
                with open(os.path.join(work, step["file"]), "w", encoding="utf-8") as f:
                    f.write(step["text"])
                continue
            script = 'ladder() { "$LADDER" "$@"; }\n' + step["cmd"]
            p = subprocess.run(["bash", "-c", script], cwd=work, env=env, capture_output=True,
                               text=True, timeout=120)
            out = p.stdout + p.stderr
            problems = []
            if p.returncode != step["status"]:
                problems.append(f"exit status {p.returncode}, expected {step['status']}")
            for kind, arg, n in step["checks"]:
                if kind == ">" and arg not in out:
                    problems.append(f"line {n}: output lacks: {arg}")
                elif kind == "!" and arg in out:
                    problems.append(f"line {n}: output has: {arg}")
                elif kind == "=":
                    key, _, want = arg.partition(" ")
                    try:
                        expected = json.loads(want)
                    except ValueError:
                        expected = want
                    try:
                        got = json_at(json.loads(p.stdout), key)
                    except (ValueError, KeyError, IndexError, TypeError) as e:
                        problems.append(f"line {n}: no JSON value at {key} ({e!r})")
                        continue
                    if got != expected:
                        problems.append(f"line {n}: {key} is {got!r}, expected {expected!r}")
            if problems:
                failures.append(f"{where}: $ {step['cmd']}\n    " + "\n    ".join(problems) +
                                "\n    --- output ---\n    " + out.replace("\n", "\n    "))
    return failures


def postgres_database(base):
    """Creates a fresh database on the server of `base`; returns (url, drop)."""
    name = "ladder_scenario_" + os.urandom(6).hex()
    subprocess.run(["psql", base, "-q", "-c", f'CREATE DATABASE "{name}"'], check=True,
                   capture_output=True)
    parts = urllib.parse.urlsplit(base)
    url = urllib.parse.urlunsplit(parts._replace(path="/" + name))

    def drop():
        subprocess.run(["psql", base, "-q", "-c", f'DROP DATABASE IF EXISTS "{name}"'],
                       capture_output=True)
    return url, drop


def main(argv):
    backend = "sqlite"
    if len(argv) > 1 and argv[0] == "--backend":
        backend, argv = argv[1], argv[2:]
    ladder = os.environ.get("LADDER")
    if not ladder:
        print("run.py: set LADDER to the ladder binary", file=sys.stderr)
        return 2
    files = argv or sorted(
        os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".txt"))
    failed = 0
    for path in files:
        if backend == "postgres":
            url, drop = postgres_database(os.environ["LADDER_TEST_POSTGRES"])
        else:
            tmp = tempfile.mkdtemp(prefix="ladder-scenario-db.")
            url = "sqlite:" + os.path.join(tmp, "ladder.db")

            def drop(tmp=tmp):
                # The database, its WAL and shared-memory files go with the directory.
                shutil.rmtree(tmp, ignore_errors=True)
        try:
            failures = run_scenario(path, url, ladder)
        except Failure as e:
            failures = [str(e)]
        finally:
            drop()
        name = os.path.basename(path)
        if failures:
            failed += 1
            print(f"FAIL {name} ({backend})")
            for f in failures:
                print("  " + f)
        else:
            print(f"ok   {name} ({backend})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
