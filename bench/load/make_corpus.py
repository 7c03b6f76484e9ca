#!/usr/bin/python3
"""Writes a corpus of career frameworks shaped like the seeds, for the rendering benchmark:
150 job families, each a framework with one track of 7 levels (1,050 level pages), 5
competencies in 2 pillars, 3-6 behaviours per cell (some carried over from the level below, some
reworded, some new), attributes, requirements and prose notes. Deterministic (fixed seed).

  make_corpus.py OUT_DIR [FAMILIES] [LEVELS]
"""
import os
import random
import sys

WORDS = ("owns delivers reviews mentors designs plans measures explains improves automates "
         "documents escalates prioritises tests ships supports coordinates negotiates leads "
         "the a their team's customer's cross-team product platform service incident roadmap "
         "quality reliability onboarding feedback budget scope risk stakeholders decisions "
         "changes releases standards practices tools metrics outcomes goals processes with for "
         "across within beyond clearly consistently early independently").split()


def sentence(rng, n=None):
    n = n or rng.randint(8, 16)
    words = [rng.choice(WORDS) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def quote(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def framework(rng, i, levels):
    fid = f"family-{i:03d}"
    comps = ["delivery", "quality", "collaboration", "ownership", "communication"]
    out = [
        "ladder: 1",
        "framework:",
        f"  id: {fid}",
        f"  name: Job Family {i:03d}",
        "  family: engineering",
        '  version: "2025.1"',
        "  status: published",
        f"  description: {quote(sentence(rng, 24))}",
        "groups:",
        "  - {id: craft, name: Craft, competencies: [delivery, quality, ownership]}",
        "  - {id: people, name: People, competencies: [collaboration, communication]}",
        "competencies:",
    ]
    for c in comps:
        out.append(f"  - {{id: {c}, name: {c.capitalize()}, description: {quote(sentence(rng, 10))}}}")
    out += ["tracks:", "  - id: ic", "    name: Individual contributor", "    kind: ic", "    levels:"]
    previous = {c: [sentence(rng) for _ in range(3)] for c in comps}
    for lv in range(1, levels + 1):
        out += [f"      - code: L{lv}", f"        rank: {lv}",
                f"        title: {quote('Level ' + str(lv) + ' Engineer')}",
                f"        summary: {quote(sentence(rng, 20))}",
                "        attributes:",
                f"          years_of_experience: {quote(str(lv * 2 - 2) + '+')}",
                f"          scope_of_action: {quote(sentence(rng, 8))}",
                "        expectations:"]
        for c in comps:
            cell = []
            for b in previous[c]:
                r = rng.random()
                if r < 0.5:
                    cell.append(b)  # carried over
                elif r < 0.8:
                    words = b[:-1].split()
                    words[rng.randrange(len(words))] = rng.choice(WORDS)
                    cell.append(" ".join(words) + ".")  # reworded
            while len(cell) < rng.randint(3, 6):
                cell.append(sentence(rng))  # new at this level
            out.append(f"          {c}:")
            out += [f"            - {quote(b)}" for b in cell]
            previous[c] = cell
        if lv > 1:
            out += ["        requirements:",
                    f"          - {{text: {quote('12 months at L' + str(lv - 1))}, rule: manual}}",
                    "          - {text: Successful peer review, rule: manual}"]
    out += ["notes:"]
    for n in range(2):
        out += [f"  - title: {quote('Note ' + str(n + 1))}",
                f"    markdown: {quote(sentence(rng, 40) + ' ' + sentence(rng, 30))}"]
    return "\n".join(out) + "\n"


def main():
    out_dir = sys.argv[1]
    families = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    levels = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(20250101)
    for i in range(1, families + 1):
        with open(os.path.join(out_dir, f"family-{i:03d}.yaml"), "w", encoding="utf-8") as f:
            f.write(framework(rng, i, levels))
    print(f"wrote {families} frameworks x {levels} levels = {families * levels} level pages to {out_dir}")


if __name__ == "__main__":
    main()
