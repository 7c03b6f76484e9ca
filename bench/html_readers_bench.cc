// Throughput of the HTML-family readers (formats/levels_table_reader.h, level_pages_reader.h,
// html_table_reader.h) and of the DOM under them, on large synthetic documents generated here,
// and the time to read the three HTML seeds. Results: docs/performance.md.
#include <benchmark/benchmark.h>
#include <gumbo.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "formats/html_dom.h"
#include "formats/html_table_reader.h"
#include "formats/import.h"
#include "formats/level_pages_reader.h"
#include "formats/levels_table_reader.h"

namespace {

using namespace ladder::formats;

std::string Behaviours(int level, int category) {
  std::string out = "<ul>\n";
  for (int b = 0; b < 5; ++b) {
    out += "  <li>Level " + std::to_string(level) + " behaviour " + std::to_string(b) +
           " in category " + std::to_string(category) +
           ": works with the team on <a href=\"https://example.org/x\">shared goals</a> and "
           "explains the trade-offs of each decision in writing.</li>\n";
  }
  return out + "</ul>\n";
}

// A levels table of `levels` rows x 6 categories, with prose around it (~8 KB per level).
std::string LevelsTableDocument(int levels) {
  std::string doc = "# Synthetic framework\n\nSome prose about how levels work.\n\n";
  doc += "## Levels\n\n<table class=\"levels-table\">\n<thead><tr><th>Level</th>";
  for (int c = 0; c < 6; ++c) doc += "<th>Category " + std::to_string(c) + "</th>";
  doc += "</tr></thead>\n<tbody>\n";
  for (int l = 1; l <= levels; ++l) {
    doc += "<tr><th rowspan=\"3\" class=\"level\">IC" + std::to_string(l) + "</th></tr>\n";
    doc += "<tr><td class=\"level-summary\" colspan=\"6\">A summary of the level.</td></tr>\n";
    doc += "<tr>";
    for (int c = 0; c < 6; ++c) doc += "<td>" + Behaviours(l, c) + "</td>";
    doc += "</tr>\n";
  }
  return doc + "</tbody></table>\n\n## Promotions\n\nTwice a year.\n";
}

// The same content as a generic HTML document with levels as columns.
std::string HtmlTableDocument(int levels) {
  std::string doc = "<!DOCTYPE html><html><body><h1>Synthetic</h1><table><tr><th>Area</th>";
  for (int l = 1; l <= levels; ++l) doc += "<th>L" + std::to_string(l) + "</th>";
  doc += "</tr>\n";
  for (int c = 0; c < 6; ++c) {
    doc += "<tr><td>Category " + std::to_string(c) + "</td>";
    for (int l = 1; l <= levels; ++l) doc += "<td>" + Behaviours(l, c) + "</td>";
    doc += "</tr>\n";
  }
  return doc + "</table></body></html>\n";
}

// A level page with `sections` sections, each a 3-column table of Markdown cells.
std::string LevelPageDocument(int sections) {
  std::string doc = "---\ntitle: Engineer 2\n---\n\n# Engineer 2 (Engineering Path)\n";
  for (int s = 0; s < sections; ++s) {
    doc += "### Section " + std::to_string(s) + "\n<table markdown=\"1\">\n<tr>\n";
    for (int l = 1; l <= 3; ++l) {
      doc += std::string("<td") + (l == 2 ? " style=\"font-weight:bold\"" : "") + ">\n\nEngineer " +
             std::to_string(l) + "\n\n</td>\n";
    }
    doc += "</tr>\n<tr>\n";
    for (int l = 1; l <= 3; ++l) {
      doc += "<td markdown=\"1\">\n\n";
      for (int b = 0; b < 6; ++b) {
        doc += "- Behaviour " + std::to_string(b) + " of section " + std::to_string(s) +
               ": leads planning and [communicates](https://example.org) decisions clearly.\n";
      }
      doc += "\n</td>\n";
    }
    doc += "</tr>\n</table>\n\n";
  }
  return doc;
}

template <typename Read>
void Run(benchmark::State& state, const std::string& text, Read read) {
  Document doc{"bench", text};
  for (auto _ : state) {
    auto imported = read(doc);
    if (!imported) state.SkipWithError(imported.error().ToString().c_str());
    benchmark::DoNotOptimize(imported);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["doc_MB"] = static_cast<double>(text.size()) / 1e6;
}

void BM_LevelsTableReader(benchmark::State& state) {
  static const std::string text = LevelsTableDocument(400);
  Run(state, text, [](const Document& d) { return ReadLevelsTable(d); });
}
BENCHMARK(BM_LevelsTableReader)->Unit(benchmark::kMillisecond);

void BM_HtmlTableReader(benchmark::State& state) {
  static const std::string text = HtmlTableDocument(400);
  Run(state, text, [](const Document& d) { return ReadHtmlTable(d); });
}
BENCHMARK(BM_HtmlTableReader)->Unit(benchmark::kMillisecond);

// A page of 600 sections (1.3 MB) and of 3,000 (6.3 MB): the time per byte stays the same.
void BM_LevelPagesReader(benchmark::State& state) {
  const std::string text = LevelPageDocument(static_cast<int>(state.range(0)));
  Run(state, text, [](const Document& d) { return ReadLevelPages({d}); });
}
BENCHMARK(BM_LevelPagesReader)->Arg(600)->Arg(3000)->Unit(benchmark::kMillisecond);

// The whole import of a level page as `ladder import` does it (detection, reading, coverage),
// at the same two sizes.
void BM_LevelPagesImport(benchmark::State& state) {
  const std::string text = LevelPageDocument(static_cast<int>(state.range(0)));
  Run(state, text, [](const Document& d) { return ReadDocuments({d}); });
}
BENCHMARK(BM_LevelPagesImport)->Arg(600)->Arg(3000)->Unit(benchmark::kMillisecond);

// The whole import of a large levels table as `ladder import` does it (detection, reading,
// coverage, requirement recognition left out), on a 1,000-level table (5.6 MB).
const std::string& LargeLevelsTable() {
  static const std::string text = LevelsTableDocument(1000);
  return text;
}

void BM_LevelsTableImport(benchmark::State& state) {
  Run(state, LargeLevelsTable(), [](const Document& d) { return ReadDocuments({d}); });
}
BENCHMARK(BM_LevelsTableImport)->Unit(benchmark::kMillisecond);

// gumbo's own parse of the same file: the floor of any HTML import.
void BM_GumboParse(benchmark::State& state) {
  const std::string& text = LargeLevelsTable();
  for (auto _ : state) {
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, text.data(), text.size());
    benchmark::DoNotOptimize(out);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["doc_MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_GumboParse)->Unit(benchmark::kMillisecond);

// The DOM alone (gumbo and the copy into plain values) on the levels-table document.
void BM_HtmlDomParse(benchmark::State& state) {
  static const std::string text = HtmlTableDocument(400);
  for (auto _ : state) {
    auto dom = html::Dom::Parse(text, "bench");
    benchmark::DoNotOptimize(dom);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_HtmlDomParse)->Unit(benchmark::kMillisecond);

std::string Seed(std::string_view prefix) {
  std::filesystem::path dir = std::filesystem::path(LADDER_SOURCE_DIR) / "../shared/seeds";
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().filename().string().starts_with(prefix)) {
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      return s.str();
    }
  }
  return {};
}

// Seeds 000, 001 and 003 read by their readers, one after the other.
void BM_HtmlSeeds(benchmark::State& state) {
  static const Document s000{"000", Seed("000")}, s001{"001", Seed("001")},
      s003{"003", Seed("003")};
  for (auto _ : state) {
    auto a = ReadLevelPages({s000});
    auto b = ReadLevelsTable(s001);
    auto c = ReadLevelsTable(s003);
    if (!a || !b || !c) state.SkipWithError("a seed failed to read");
    benchmark::DoNotOptimize(a);
    benchmark::DoNotOptimize(b);
    benchmark::DoNotOptimize(c);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations()) *
      static_cast<int64_t>(s000.text.size() + s001.text.size() + s003.text.size()));
}
BENCHMARK(BM_HtmlSeeds)->Unit(benchmark::kMillisecond);

}  // namespace
