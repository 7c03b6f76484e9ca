#!/usr/bin/python3
"""Writes the spreadsheet fixtures of this folder (run from anywhere; Debian's python3-openpyxl).

Each case is a framework kept the way people keep them in spreadsheets; `cases.tsv` says what
Ladder must read from each, and <case>.expected.yaml is the framework it reads (reviewed by
hand). XLSX files are written with openpyxl, except formulas.xlsx, whose cached formula values
openpyxl cannot write: its XML is written here directly. ODS files are OpenDocument XML written
into a ZIP with zipfile. CSV variants cover delimiters and encodings.
"""
import os
import zipfile
from openpyxl import Workbook
from openpyxl.styles import Alignment

HERE = os.path.dirname(os.path.abspath(__file__))
WRAP = Alignment(wrap_text=True, vertical="top")


def save(wb, name):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                c.alignment = WRAP
    wb.save(os.path.join(HERE, name))


def cols_basic():
    """Levels as columns under a header row; bullet cells; a level summary row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Data team"
    ws.append(["Competency", "DA1", "DA2", "DA3", "DA4"])
    ws.append(["Summary", "Answers well-framed questions with guidance.",
               "Owns analyses for one product area.", "Sets the analytical agenda of a team.",
               "Shapes how the company decides with data."])
    ws.append(["Analysis", "- Cleans a dataset before using it\n- Checks numbers against a second source",
               "- Chooses the method that fits the question\n- States the limits of a result",
               "- Designs experiments other teams rely on",
               "- Sets standards for analysis across teams"])
    ws.append(["Communication", "- Writes a short summary of each analysis",
               "- Presents findings to the product team",
               "- Turns results into decisions with stakeholders",
               "- Explains trade-offs to leadership"])
    ws.append(["Tooling", "- Uses the shared notebooks", "- Writes reusable queries",
               "- Maintains the team's metric definitions", "Not defined yet"])
    save(wb, "cols_basic.xlsx")


def rows_levels():
    """Levels as rows ("Level" corner), competencies as columns, a summary column."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Support"
    ws.append(["Level", "Summary", "Customer care", "Product knowledge", "Teamwork"])
    ws.append(["Junior", "Learns the queues and the tone of voice.",
               "Answers common tickets within the day", "Knows the main features",
               "Asks for help early"])
    ws.append(["Mid", "Handles the queues alone.",
               "Calms upset customers\nFollows up without being asked",
               "Knows where each feature breaks", "Shares fixes in the team channel"])
    ws.append(["Senior", "Owns the hardest cases.", "Handles escalations from key accounts",
               "Writes the troubleshooting guides", "Coaches two newer colleagues"])
    ws.append(["Lead", "Runs the support rota.", "Sets the standard for replies",
               "Feeds patterns back to product", "Plans the team's training"])
    save(wb, "rows_levels.xlsx")


def groups_merged():
    """A title row and notes around the matrix; group rows; merged labels and merged cells."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Design ladder"
    ws.append(["Product design career framework"])
    ws.merge_cells("A1:D1")
    ws.append(["Updated each spring by the design leads."])
    ws.append([])
    ws.append(["Area", "Designer I", "Designer II", "Senior Designer"])
    ws.append(["Craft"])
    ws.merge_cells("A5:D5")
    ws.append(["Visual design", "Uses the component library correctly", "Extends the library with care",
               "Owns parts of the design system"])
    ws.append(["Interaction", "Prototypes single flows", "Prototypes flows across surfaces",
               "Defines interaction patterns"])
    ws.append(["", "Tests prototypes with five users", "Plans usability sessions",
               "Teaches others to run sessions"])
    ws.append(["Impact"])
    ws.merge_cells("A9:D9")
    ws.append(["Collaboration", "Works closely with one engineer",
               "Works with the whole squad", "Works across squads"])
    ws.append(["Influence", "Shares work in critiques", "Same at both levels: presents to the tribe", ""])
    ws.merge_cells("C11:D11")
    ws.append([])
    ws.append(["Questions about this framework go to the design leads."])
    save(wb, "groups_merged.xlsx")


def tracks_sheets():
    """One sheet per track, a prose sheet (notes) and a hidden sheet (not imported)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Read me"
    ws.append(["How to use this workbook"])
    ws.append(["Each track has its own sheet. Levels are columns; read a column top to bottom."])
    ic = wb.create_sheet("Individual contributor")
    ic.append(["Competency", "IC1", "IC2", "IC3"])
    ic.append(["Delivery", "Ships small changes safely", "Ships features end to end",
               "Ships projects that span teams"])
    ic.append(["Ownership", "Fixes what breaks in own code", "Owns a service in production",
               "Owns the reliability of a domain"])
    m = wb.create_sheet("Management")
    m.append(["Competency", "M1", "M2", "M3"])
    m.append(["Delivery", "Runs one team's planning", "Runs planning for two teams",
              "Runs planning for a department"])
    m.append(["People", "Holds weekly one-to-ones", "Grows team leads", "Grows managers"])
    h = wb.create_sheet("Lookup")
    h.append(["Internal lookup values"])
    h.sheet_state = "hidden"
    save(wb, "tracks_sheets.xlsx")


def shared_levels():
    """Two sheets with the same levels: one track, the sheet names as groups."""
    wb = Workbook()
    a = wb.active
    a.title = "Technical"
    a.append(["Skill", "Novice", "Practitioner", "Expert"])
    a.append(["Testing", "Writes unit tests when asked", "Tests every change by habit",
              "Designs the test strategy of a system"])
    a.append(["Operations", "Reads dashboards", "Responds to alerts", "Designs the alerting"])
    b = wb.create_sheet("Behavioural")
    b.append(["Skill", "Novice", "Practitioner", "Expert"])
    b.append(["Feedback", "Accepts feedback", "Gives kind and specific feedback",
              "Builds a feedback culture"])
    save(wb, "shared_levels.xlsx")


def formulas():
    """A workbook whose level names and one cell are formulas with cached values, and one formula
    without a cached value (written as XML: openpyxl cannot store cached values)."""
    shared = ["Competency", "Coaching", "Helps one person at a time", "Runs a coaching circle"]
    ss = "".join("<si><t>%s</t></si>" % s for s in shared)
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="str"><f>"Level "&amp;1</f><v>Level 1</v></c>'
        '<c r="C1" t="str"><f>"Level "&amp;2</f><v>Level 2</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c>'
        '<c r="C2" t="s"><v>3</v></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>Hiring</t></is></c>'
        '<c r="B3" t="inlineStr"><is><t>Interviews with a partner</t></is></c>'
        '<c r="C3"><f>B3&amp;" and leads debriefs"</f></c></row>'
        '</sheetData></worksheet>')
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="People leads" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">%s</sst>' % ss,
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?>' + sheet,
    }
    with zipfile.ZipFile(os.path.join(HERE, "formulas.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts.items():
            z.writestr(name, xml)


def ods(name, tables):
    """tables: [(sheet name, [row: [cell]])]; a cell is text, or (text, {attributes})."""
    def esc(s):
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    out = []
    for tname, rows in tables:
        xml_rows = []
        for row in rows:
            if row == "empty-rows":
                xml_rows.append('<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
                continue
            cells = []
            for cell in row:
                attrs = {}
                if isinstance(cell, tuple):
                    cell, attrs = cell
                a = "".join(' %s="%s"' % (k, esc(str(v))) for k, v in attrs.items())
                if cell is None:
                    cells.append('<table:covered-table-cell%s/>' % a)
                elif cell == "":
                    cells.append('<table:table-cell%s/>' % a)
                else:
                    paras = "".join("<text:p>%s</text:p>" % esc(p) for p in cell.split("\n"))
                    cells.append('<table:table-cell office:value-type="string"%s>%s</table:table-cell>' % (a, paras))
            xml_rows.append("<table:table-row>%s</table:table-row>" % "".join(cells))
        out.append('<table:table table:name="%s">%s</table:table>' % (esc(tname), "".join(xml_rows)))
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet>%s</office:spreadsheet></office:body>'
               '</office:document-content>') % "".join(out)
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(os.path.join(HERE, name), "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)


def ods_cases():
    # Levels as columns; a cell spanning two levels; repeated empty cells and rows; a note.
    ods("ods_columns.ods", [("Security", [
        [("Security engineering ladder", {"table:number-columns-spanned": 4}), None, None, None],
        ["Practice", "SE1", "SE2", "SE3"],
        ["Threat modelling", "Joins threat modelling sessions", "Runs sessions for a feature",
         "Runs sessions for a platform"],
        ["Incident response", ("Follows the runbook on call", {"table:number-columns-spanned": 2}), None,
         "Leads the response to major incidents"],
        ["Secure code", "Fixes findings in own code\nAsks for a review of risky changes",
         ("", {"table:number-columns-repeated": 1}), "Sets the secure coding guidelines"],
        "empty-rows",
    ])])
    # Levels as rows, two sheets with different levels: two tracks.
    ods("ods_rows_tracks.ods", [
        ("Engineers", [["Grade", "Craft", "Scope"],
                       ["E1", "Writes clear code with help", "A task"],
                       ["E2", "Writes clear code alone", "A feature"],
                       ["E3", "Improves the team's code", "A system"]]),
        ("Managers", [["Grade", "Craft", "Scope"],
                      ["EM1", "Reviews designs", "One team"],
                      ["EM2", "Sets technical direction", "Several teams"]]),
    ])


def csv_cases():
    rows = [["Competency", "Associate", "Consultant", "Principal"],
            ["Discovery", "Takes notes in client workshops",
             "Runs workshops with a template\nWrites the findings up", "Designs new workshop formats"],
            ["Delivery", "Delivers tasks from the plan", "Plans a workstream",
             "Plans an engagement, \"end to end\""]]

    def line(cells, d):
        out = []
        for c in cells:
            if any(ch in c for ch in (d, '"', "\n")):
                c = '"' + c.replace('"', '""') + '"'
            out.append(c)
        return d.join(out)
    text = "\r\n".join(line(r, ",") for r in rows) + "\r\n"
    open(os.path.join(HERE, "consulting_comma_bom.csv"), "wb").write(b"\xef\xbb\xbf" + text.encode("utf-8"))
    text = "\r\n".join(line(r, ";") for r in rows) + "\r\n"
    open(os.path.join(HERE, "consulting_semicolon_cp1252.csv"), "wb").write(
        text.replace("Associate", "Associé").encode("cp1252"))
    text = "\n".join(line(r, "\t") for r in rows) + "\n"
    open(os.path.join(HERE, "consulting_tab_utf16.tsv"), "wb").write(text.encode("utf-16"))
    text = "\n".join(line(r, "|") for r in rows) + "\n"
    open(os.path.join(HERE, "consulting_pipe.csv"), "w").write(text)
    # Levels as rows.
    rows = [["Step", "Negotiation", "Forecasting"],
            ["Beginner", "Prepares a simple offer", "Updates the pipeline weekly"],
            ["Intermediate", "Negotiates renewals", "Forecasts the quarter within ten percent"],
            ["Advanced", "Negotiates multi-year deals", "Forecasts the year for the region"]]
    open(os.path.join(HERE, "sales_rows.csv"), "w").write("\n".join(line(r, ",") for r in rows) + "\n")


if __name__ == "__main__":
    cols_basic()
    rows_levels()
    groups_merged()
    tracks_sheets()
    shared_levels()
    formulas()
    ods_cases()
    csv_cases()
