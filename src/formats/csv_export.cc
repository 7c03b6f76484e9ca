#include "formats/csv_export.h"

#include "base/text.h"

namespace ladder::formats {
namespace {

std::string Field(std::string_view value) {
  std::string v(value);
  // A spreadsheet runs a cell starting with these as a formula (CSV injection).
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '@' || v[0] == '\t')) v = "'" + v;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  return "\"" + text::ReplaceAll(v, "\"", "\"\"") + "\"";
}

}  // namespace

std::string CsvRecord(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += Field(fields[i]);
  }
  return out;
}

std::string ExportCsv(const model::Framework& fw, const CsvOptions& options) {
  std::string out = options.byte_order_mark ? "\xEF\xBB\xBF" : "";
  auto row = [&](const std::vector<std::string>& fields) { out += CsvRecord(fields) + "\r\n"; };
  row({"framework", "version", "track", "level_code", "level_rank", "level_title", "competency_id",
       "competency_name", "behaviour", "state"});
  for (const model::Track& track : fw.tracks) {
    for (const model::Level& level : track.levels) {
      // Framework competencies first, then any the level names that the framework does not.
      std::vector<std::pair<std::string, std::string>> competencies;
      for (const model::Competency& c : fw.competencies) competencies.emplace_back(c.id, c.name);
      for (const model::Expectation& e : level.expectations)
        if (!fw.FindCompetency(e.competency)) competencies.emplace_back(e.competency, "");
      for (const auto& [id, name] : competencies) {
        auto emit = [&](const std::string& behaviour, const char* state) {
          row({fw.id, fw.version, track.id, level.code, std::to_string(level.rank), level.title, id,
               name, behaviour, state});
        };
        if (level.state == model::LevelState::kUndefined) {
          const model::Expectation* e = level.FindExpectation(id);
          emit(e && !e->note.empty() ? e->note : level.note, "undefined");
          continue;
        }
        const model::Expectation* e = level.FindExpectation(id);
        if (!e) continue;
        if (e->undefined) {
          emit(e->note, "undefined");
        } else if (e->behaviours.empty()) {
          if (!text::Trim(e->summary).empty()) emit(e->summary, "defined");
        } else {
          for (const std::string& b : e->behaviours) emit(b, "defined");
        }
      }
    }
  }
  return out;
}

}  // namespace ladder::formats
