#!/usr/bin/env python3
"""Large documents for measuring `ladder import` (docs/performance.md).

  make_import_docs.py level-page SECTIONS OUT   a level page of SECTIONS three-column sections
                                                (300 -> 0.6 MB, 1200 -> 2.5 MB, 6000 -> 12.8 MB)
  make_import_docs.py markdown BYTES OUT        a Markdown ladder of levels x 4 categories x 5
                                                sentence-long behaviours, about BYTES long
  make_import_docs.py bullets BYTES OUT         the same with 40 three-word behaviours per
                                                category: the most blocks per byte
"""
import sys


def level_page(sections):
    out = ["---", "title: Engineer 2", "---", "", "# Engineer 2 (Engineering Path)"]
    for s in range(sections):
        out.append(f"### Section {s}")
        out.append('<table markdown="1">')
        out.append("<tr>")
        for level in range(1, 4):
            bold = ' style="font-weight:bold"' if level == 2 else ""
            out.append(f"<td{bold}>\n\nEngineer {level}\n\n</td>")
        out.append("</tr>\n<tr>")
        for level in range(1, 4):
            out.append('<td markdown="1">\n')
            for b in range(6):
                out.append(f"- Behaviour {b} of section {s}: leads planning and "
                           "[communicates](https://example.org) decisions clearly.")
            out.append("\n</td>")
        out.append("</tr>\n</table>\n")
    return "\n".join(out) + "\n"


def markdown(size, per_category, sentence):
    out = ["# Big ladder", ""]
    total = 0
    level = 0
    while total < size:
        level += 1
        out.append(f"## L{level} Engineer {level}")
        out.append("")
        for c in range(4):
            out.append(f"### Category {c}")
            for b in range(per_category):
                line = (f"- Level {level} behaviour {b} in category {c}: works with the team on "
                        "shared goals and explains trade-offs." if sentence else f"- Does {b} things")
                out.append(line)
                total += len(line) + 1
            out.append("")
    return "\n".join(out) + "\n"


def main():
    kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if kind == "level-page":
        text = level_page(n)
    elif kind == "markdown":
        text = markdown(n, 5, True)
    elif kind == "bullets":
        text = markdown(n, 40, False)
    else:
        sys.exit(__doc__)
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
