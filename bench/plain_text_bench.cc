// Throughput of the plain-text ladder reader and of requirement recognition, on seed 004 and
// on a synthetic ladder of many tracks (see docs/performance.md, "Plain-text reader and rule
// recognition").
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "analysis/requirements.h"
#include "base/text.h"
#include "formats/plain_text_reader.h"

namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Seed004() {
  for (const fs::directory_entry& e : fs::directory_iterator(LADDER_SEEDS_DIR))
    if (e.path().filename().string().starts_with("004_")) return ReadFile(e.path());
  return "";
}

// A ladder of `tracks` sections of five flattened rows each (about 1 KB per row).
std::string Synthetic(int tracks) {
  std::string s = "Synthetic Ladder\n\n";
  for (int t = 0; t < tracks; ++t) {
    s += "Path " + std::to_string(t) + "\n\nRole Name\tLevel\tResponsibilities\tRequirements\n";
    for (int l = 1; l <= 5; ++l) {
      s += "Role " + std::to_string(t) + " " + std::to_string(l) + "\t" + std::to_string(l) + "\t";
      for (int b = 0; b < 8; ++b)
        s += "Owns the intake of customer cases and keeps queue hygiene current Mentors peers "
             "on tooling ";
      s += "\t" + std::to_string(l) + " years at Level " + std::to_string(l) +
           " SME in at least two core skillsets Successful peer review\n";
    }
    s += "\n";
  }
  return s;
}

void BM_ReadSeed004(benchmark::State& state) {
  const std::string text = Seed004();
  const auto reader = ladder::formats::MakePlainTextReader();
  for (auto _ : state) {
    auto r = reader->Read({"004.txt", text});
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ReadSeed004);

void BM_ReadSynthetic(benchmark::State& state) {
  const std::string text = Synthetic(static_cast<int>(state.range(0)));
  const auto reader = ladder::formats::MakePlainTextReader();
  for (auto _ : state) {
    auto r = reader->Read({"synthetic.txt", text});
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ReadSynthetic)->Arg(200);

void BM_ReadAndRecognizeSeed004(benchmark::State& state) {
  const std::string text = Seed004();
  const auto reader = ladder::formats::MakePlainTextReader();
  for (auto _ : state) {
    auto r = reader->Read({"004.txt", text});
    ladder::analysis::RecognizeRequirements(r->framework);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_ReadAndRecognizeSeed004);

void BM_RecognizeRuleTestData(benchmark::State& state) {
  std::vector<std::string> sentences;
  for (const std::string& line : ladder::text::SplitLines(
           ReadFile(fs::path(LADDER_SOURCE_DIR) / "src/analysis/testdata/requirements.tsv")))
    if (!line.empty() && line[0] != '#') sentences.push_back(line.substr(0, line.find('\t')));
  for (auto _ : state)
    for (const std::string& s : sentences)
      benchmark::DoNotOptimize(ladder::analysis::RecognizeRule(s));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(sentences.size()));
}
BENCHMARK(BM_RecognizeRuleTestData);

}  // namespace
