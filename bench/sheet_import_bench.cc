// Import of spreadsheets and data files: an XLSX workbook and a CSV file of N competency rows
// by three levels (N past the 10,000-row limit shows what streaming the rest costs), and a JSON
// data file of N competencies with three levels each, each read as `ladder import` reads it
// (detection, reading, matrix, framework, coverage). Peak memory of the process is reported as
// the counter `max_rss_MiB` (run one size per process to read it for that size).
// Figures: docs/performance.md ("Spreadsheets and data files").
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "formats/import.h"

namespace {

// "Area bcd": competency names that do not read as level names.
std::string Name(int i) {
  std::string letters;
  for (int n = i + 26; n > 0; n /= 26)
    letters.insert(letters.begin(), static_cast<char>('a' + n % 26));
  return "Area " + letters;
}

std::string Row(int i, int level) {
  return "Does task " + std::to_string(i) + " at level " + std::to_string(level) +
         " and explains it to the team";
}

std::string Workbook(int rows) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("ladder-bench-" + std::to_string(::getpid()) + ".xlsx"))
                         .string();
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Ladder");
  const char* header[] = {"Competency", "IC1", "IC2", "IC3"};
  for (int c = 0; c < 4; ++c)
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
  for (int r = 1; r <= rows; ++r) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(r), 0, Name(r).c_str(), nullptr);
    for (int c = 1; c <= 3; ++c)
      worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                             Row(r, c).c_str(), nullptr);
  }
  workbook_close(wb);
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  std::filesystem::remove(path);
  return s.str();
}

std::string Csv(int rows) {
  std::string s = "Competency,IC1,IC2,IC3\n";
  for (int r = 1; r <= rows; ++r) {
    s += Name(r);
    for (int c = 1; c <= 3; ++c) s += ",\"" + Row(r, c) + "\"";
    s += "\n";
  }
  return s;
}

std::string Json(int competencies) {
  std::string s = "{\"competencies\": [";
  for (int i = 1; i <= competencies; ++i) {
    s += std::string(i > 1 ? "," : "") + "{\"name\": \"Skill " + std::to_string(i) +
         "\", \"levels\": [";
    for (int l = 1; l <= 3; ++l)
      s += std::string(l > 1 ? "," : "") + "{\"name\": \"IC" + std::to_string(l) +
           "\", \"criteria\": [\"" + Row(i, l) + "\"]}";
    s += "]}";
  }
  return s + "]}";
}

void Import(benchmark::State& state, const std::string& name, const std::string& bytes) {
  for (auto _ : state) {
    auto imported = ladder::formats::ReadDocuments({{name, bytes}});
    if (!imported) state.SkipWithError(imported.error().ToString().c_str());
    benchmark::DoNotOptimize(imported);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["max_rss_MiB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
  state.counters["input_MiB"] = static_cast<double>(bytes.size()) / (1 << 20);
}

void BM_XlsxRows(benchmark::State& state) {
  Import(state, "ladder.xlsx", Workbook(static_cast<int>(state.range(0))));
}
BENCHMARK(BM_XlsxRows)->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_CsvRows(benchmark::State& state) {
  Import(state, "ladder.csv", Csv(static_cast<int>(state.range(0))));
}
BENCHMARK(BM_CsvRows)->Arg(1'000)->Arg(10'000)->Unit(benchmark::kMillisecond);

void BM_DataJson(benchmark::State& state) {
  Import(state, "ladder.json", Json(static_cast<int>(state.range(0))));
}
BENCHMARK(BM_DataJson)->Arg(100)->Arg(1'000)->Unit(benchmark::kMillisecond);

}  // namespace
