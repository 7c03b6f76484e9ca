// Import throughput: each reader of the import machinery, decoding, and all five seeds read in
// one process (format detection, reading, coverage, requirement recognition), as
// `ladder import` does for each. Figures: docs/performance.md ("Import").
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/requirements.h"
#include "formats/encoding.h"
#include "formats/import.h"

namespace {

using ladder::formats::Document;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Document> Seeds() {
  std::vector<Document> docs;
  std::string dir = std::string(LADDER_SOURCE_DIR) + "/../shared/seeds";
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    docs.push_back({e.path().string(), ReadFile(e.path().string())});
  }
  std::sort(docs.begin(), docs.end(),
            [](const Document& a, const Document& b) { return a.name < b.name; });
  return docs;
}

std::string Fixture(const std::string& name) {
  return ReadFile(std::string(LADDER_SOURCE_DIR) + "/tests/golden/import/" + name);
}

// A Markdown ladder of `levels` levels, each with four categories of five behaviours.
std::string LargeMarkdownLadder(int levels) {
  std::string s = "# Generated ladder\n\nA ladder generated for measuring.\n\n";
  for (int l = 1; l <= levels; ++l) {
    s += "## L" + std::to_string(l) + " \xE2\x80\x94 Engineer " + std::to_string(l) + "\n\n";
    s += "Works at level " + std::to_string(l) + " with the usual expectations.\n\n";
    for (const char* cat : {"Delivery", "Collaboration", "Craft", "Impact"}) {
      s += std::string("### ") + cat + "\n";
      for (int b = 0; b < 5; ++b) {
        s += "- Behaviour " + std::to_string(b) + " of " + cat + " at level " + std::to_string(l) +
             ": ships **reviewed** work and explains trade-offs.\n";
      }
      s += "\n";
    }
  }
  return s;
}

void ReadAs(benchmark::State& state, const std::string& text, const char* format) {
  std::vector<Document> docs = {{"bench.md", text}};
  for (auto _ : state) {
    auto imported = ladder::formats::ReadDocuments(docs, format);
    if (!imported) state.SkipWithError(imported.error().ToString().c_str());
    benchmark::DoNotOptimize(imported);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
}

void BM_RoleCatalogSeed002(benchmark::State& state) {
  for (const Document& d : Seeds()) {
    if (d.name.find("/002_") != std::string::npos) return ReadAs(state, d.text, "role-catalog");
  }
  state.SkipWithError("seed 002 not found");
}
BENCHMARK(BM_RoleCatalogSeed002)->Unit(benchmark::kMicrosecond);

void BM_MarkdownLadder(benchmark::State& state) {
  ReadAs(state, LargeMarkdownLadder(static_cast<int>(state.range(0))), "markdown-ladder");
}
BENCHMARK(BM_MarkdownLadder)->Arg(8)->Arg(64)->Arg(2048)->Unit(benchmark::kMicrosecond);

void BM_MonzoYaml(benchmark::State& state) {
  ReadAs(state, Fixture("monzo_progression.md"), "monzo-yaml");
}
BENCHMARK(BM_MonzoYaml)->Unit(benchmark::kMicrosecond);

void BM_DecodeWithMojibake(benchmark::State& state) {
  std::string line = "The team\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s caf\xC3\x83\xC2\xA9 runs well. ";
  std::string text;
  while (text.size() < (1u << 20)) text += line + "\n";
  for (auto _ : state) {
    auto decoded = ladder::formats::DecodeDocument(text, "bench.txt");
    benchmark::DoNotOptimize(decoded);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
}
BENCHMARK(BM_DecodeWithMojibake)->Unit(benchmark::kMillisecond);

// The target: all five seeds under 50 ms in one process. Each seed is imported on its
// own (as `ladder import SEED` does), with requirement recognition.
void BM_AllFiveSeeds(benchmark::State& state) {
  std::vector<Document> seeds = Seeds();
  size_t bytes = 0;
  for (const Document& d : seeds) bytes += d.text.size();
  for (auto _ : state) {
    for (const Document& d : seeds) {
      auto imported = ladder::formats::ReadDocuments({d});
      if (imported) ladder::analysis::RecognizeRequirements(imported->framework);
      benchmark::DoNotOptimize(imported);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * bytes);
}
BENCHMARK(BM_AllFiveSeeds)->Unit(benchmark::kMillisecond);

}  // namespace
