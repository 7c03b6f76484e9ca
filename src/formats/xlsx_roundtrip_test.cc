// `ladder export --to xlsx` read back: the same framework for every example; edits made in the
// visible cells come back; without its hidden sheet the workbook still reads as a matrix.
#include "formats/xlsx_roundtrip.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "formats/canonical.h"
#include "formats/import.h"
#include "formats/matrix.h"
#include "formats/sheet_matrix.h"
#include "formats/xlsx_cells.h"
#include "formats/xlsx_export.h"

namespace ladder::formats {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Export(const model::Framework& f) {
  fs::path path =
      fs::temp_directory_path() / ("ladder-roundtrip-" + std::to_string(::getpid()) + ".xlsx");
  EXPECT_TRUE(ExportXlsx(f, path.string()));
  std::string bytes = Slurp(path);
  fs::remove(path);
  return bytes;
}

std::vector<fs::path> Examples() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(LADDER_SOURCE_DIR) / "examples"))
    if (e.path().extension() == ".yaml") out.push_back(e.path());
  return out;
}

TEST(XlsxRoundTrip, EveryExampleReadsBackAsItself) {
  ASSERT_FALSE(Examples().empty());
  for (const fs::path& p : Examples()) {
    Result<model::Framework> f = ReadYaml(Slurp(p), p.string());
    ASSERT_TRUE(f) << f.error().ToString();
    Result<Imported> back = ReadDocuments({{"x.xlsx", Export(*f)}});
    ASSERT_TRUE(back) << p << ": " << back.error().ToString();
    // A framework without provenance gets the workbook's; one with it keeps its own.
    if (f->source.file.empty()) {
      EXPECT_EQ(back->framework.source.file, "x.xlsx");
      back->framework.source = {};
    }
    EXPECT_TRUE(WriteYaml(back->framework) == WriteYaml(*f)) << p;
    EXPECT_EQ(back->coverage.imported_words, back->coverage.source_words) << p;
  }
}

TEST(XlsxRoundTrip, EditedCellsComeBack) {
  Result<model::Framework> f =
      ReadYaml(Slurp(fs::path(LADDER_SOURCE_DIR) / "examples/engineering.yaml"), "e.yaml");
  ASSERT_TRUE(f);
  Result<Workbook> book = ReadXlsx(Export(*f), "e.xlsx");
  ASSERT_TRUE(book) << book.error().ToString();
  Sheet& sheet = book->sheets[0];
  const model::Track& track = f->tracks[0];
  // Row 1 is the summary row; row 2 the first group or competency.
  ASSERT_EQ(sheet.At(1, 0), "Summary");
  sheet.rows[1][1] = "A new summary written in the spreadsheet.";
  int row = -1;
  for (int r = 2; r < sheet.Height() && row < 0; ++r)
    if (sheet.At(r, 0) == f->competencies[0].name) row = r;
  ASSERT_GE(row, 0);
  sheet.rows[static_cast<size_t>(row)][2] =
      "Summary line\n\xE2\x80\xA2 First behaviour\n\xE2\x80\xA2 Second";
  sheet.rows.push_back({"A brand new skill", "\xE2\x80\xA2 Does the new thing"});
  sheet.lines.push_back(sheet.Height());
  std::vector<Passage> source;
  std::vector<ImportWarning> warnings;
  Result<model::Framework> edited = ApplyWorkbookEdits(*f, *book, "e.xlsx", source, warnings);
  ASSERT_TRUE(edited) << edited.error().ToString();
  const model::Track& t = edited->tracks[0];
  EXPECT_EQ(t.levels[0].summary, "A new summary written in the spreadsheet.");
  const model::Expectation* e = t.levels[1].FindExpectation(f->competencies[0].id);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->summary, "Summary line");
  EXPECT_EQ(e->behaviours, (std::vector<std::string>{"First behaviour", "Second"}));
  const model::Competency* added = edited->FindCompetency("a-brand-new-skill");
  ASSERT_NE(added, nullptr);
  ASSERT_NE(t.levels[0].FindExpectation("a-brand-new-skill"), nullptr);
  // Everything else is as exported.
  model::Framework rest = *edited;
  rest.tracks[0].levels[0].summary = track.levels[0].summary;
  rest.tracks[0].levels[1].expectations = f->tracks[0].levels[1].expectations;
  rest.tracks[0].levels[0].expectations = f->tracks[0].levels[0].expectations;
  rest.competencies = f->competencies;
  rest.groups = f->groups;
  EXPECT_EQ(WriteYaml(rest), WriteYaml(*f));
  EXPECT_TRUE(warnings.empty());
}

TEST(XlsxRoundTrip, WithoutTheHiddenSheetTheMatrixStillReads) {
  for (const fs::path& p : Examples()) {
    Result<model::Framework> f = ReadYaml(Slurp(p), p.string());
    ASSERT_TRUE(f);
    if (f->tracks.empty()) continue;
    Result<Workbook> book = ReadXlsx(Export(*f), "c.xlsx");
    ASSERT_TRUE(book);
    DropLadderSheet(*book);
    ASSERT_FALSE(LadderWorkbookFramework(*book, "c.xlsx").has_value());
    // Read as any other workbook: the same tracks, level codes and titles, competencies and
    // behaviours, found by the generic reading of the sheets.
    matrix::Matrix m;
    std::vector<Passage> source;
    std::vector<ImportWarning> warnings;
    ASSERT_TRUE(ReadSheets(*book, {}, "c.xlsx", m, source, warnings));
    model::Framework g = matrix::Build(std::move(m), "c.xlsx");
    ASSERT_EQ(g.tracks.size(), f->tracks.size()) << p;
    for (size_t t = 0; t < g.tracks.size(); ++t) {
      ASSERT_EQ(g.tracks[t].levels.size(), f->tracks[t].levels.size()) << p;
      for (size_t l = 0; l < g.tracks[t].levels.size(); ++l) {
        const model::Level& a = g.tracks[t].levels[l];
        const model::Level& b = f->tracks[t].levels[l];
        EXPECT_EQ(a.code, b.code) << p;
        EXPECT_EQ(a.title, b.title) << p;
        for (const model::Expectation& e : b.expectations) {
          const model::Competency* c = f->FindCompetency(e.competency);
          const model::Competency* same = nullptr;
          for (const model::Competency& x : g.competencies)
            if (x.name == c->name) same = &x;
          ASSERT_NE(same, nullptr) << p << " " << c->name;
          const model::Expectation* read = a.FindExpectation(same->id);
          if (b.state == model::LevelState::kUndefined) continue;
          ASSERT_NE(read, nullptr) << p << " " << b.code << " " << c->name;
          if (!e.undefined) {
            EXPECT_EQ(read->behaviours.size(), e.behaviours.size()) << p;
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace ladder::formats
