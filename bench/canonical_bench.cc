// Reading and writing the canonical format: a large generated framework (20 tracks x 10 levels
// x 10 competencies x 4 behaviours, about 8,000 behaviours, ~1 MB of YAML) through ReadYaml,
// WriteYaml, ReadJson and WriteJson. Throughput is reported in bytes of YAML or JSON per second.
#include <benchmark/benchmark.h>

#include "formats/canonical.h"

namespace {

using namespace ladder;

model::Framework Big() {
  model::Framework fw;
  fw.id = "big";
  fw.name = "Generated framework";
  fw.version = "2025.1";
  for (int c = 0; c < 10; ++c)
    fw.competencies.push_back({"competency-" + std::to_string(c),
                               "Competency " + std::to_string(c),
                               "What competency " + std::to_string(c) + " covers, in a sentence.",
                               {}});
  for (int t = 0; t < 20; ++t) {
    model::Track track{"track-" + std::to_string(t),
                       "Track " + std::to_string(t),
                       model::TrackKind::kIc,
                       "",
                       {},
                       {}};
    for (int l = 0; l < 10; ++l) {
      model::Level level;
      level.code = "L" + std::to_string(l + 1);
      level.rank = l + 1;
      level.title = "Level " + std::to_string(l + 1) + " of track " + std::to_string(t);
      level.summary = "A summary of what this level is about, written as one sentence.";
      level.attributes = {
          {"years_of_experience", std::to_string(l) + " to " + std::to_string(l + 2)}};
      for (const model::Competency& c : fw.competencies) {
        model::Expectation e{c.id, "", {}, false, "", {}};
        for (int b = 0; b < 4; ++b)
          e.behaviours.push_back("Behaviour " + std::to_string(b) + " at " + level.code + " in " +
                                 c.id + ": does something useful, with care and evidence.");
        level.expectations.push_back(std::move(e));
      }
      level.requirements = {{"12 months at the level below", model::TimeAtLevel{"", 12}, {}},
                            {"Successful peer review", model::PeerReviewPassed{}, {}}};
      track.levels.push_back(std::move(level));
    }
    fw.tracks.push_back(std::move(track));
  }
  return fw;
}

const model::Framework& Framework() {
  static const model::Framework fw = Big();
  return fw;
}

void BM_WriteYaml(benchmark::State& state) {
  size_t bytes = 0;
  for (auto _ : state) {
    std::string yaml = formats::WriteYaml(Framework());
    bytes += yaml.size();
    benchmark::DoNotOptimize(yaml);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_WriteYaml)->Unit(benchmark::kMillisecond);

void BM_ReadYaml(benchmark::State& state) {
  const std::string yaml = formats::WriteYaml(Framework());
  for (auto _ : state) {
    auto fw = formats::ReadYaml(yaml, "big.yaml");
    if (!fw) state.SkipWithError(fw.error().ToString().c_str());
    benchmark::DoNotOptimize(fw);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * yaml.size()));
  state.counters["yaml_bytes"] = static_cast<double>(yaml.size());
}
BENCHMARK(BM_ReadYaml)->Unit(benchmark::kMillisecond);

void BM_WriteJson(benchmark::State& state) {
  size_t bytes = 0;
  for (auto _ : state) {
    std::string json = formats::WriteJson(Framework());
    bytes += json.size();
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_WriteJson)->Unit(benchmark::kMillisecond);

void BM_ReadJson(benchmark::State& state) {
  const std::string json = formats::WriteJson(Framework());
  for (auto _ : state) {
    auto fw = formats::ReadJson(json, "big.json");
    if (!fw) state.SkipWithError(fw.error().ToString().c_str());
    benchmark::DoNotOptimize(fw);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * json.size()));
  state.counters["json_bytes"] = static_cast<double>(json.size());
}
BENCHMARK(BM_ReadJson)->Unit(benchmark::kMillisecond);

}  // namespace
