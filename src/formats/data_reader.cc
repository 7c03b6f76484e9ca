#include "formats/data_reader.h"

#include <cctype>

#include "base/text.h"
#include "formats/canonical_tree.h"
#include "formats/data_shapes.h"
#include "formats/js_literal.h"
#include "formats/level_names.h"
#include "formats/matrix.h"

namespace ladder::formats {
namespace {

using internal::Tree;

bool StartsLikeJson(std::string_view text) {
  std::string_view t = text::Trim(text);
  return t.starts_with("{") || t.starts_with("[");
}

// A YAML document of keys or list items at the top (not prose, not Markdown).
bool StartsLikeYaml(std::string_view text) {
  for (const std::string& raw : text::SplitLines(text.substr(0, 4096))) {
    std::string_view line = text::Trim(raw);
    if (line.empty() || line.starts_with("#")) continue;
    if (line == "---") continue;
    if (line.starts_with("- ")) return true;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 60) return false;
    std::string_view key = line.substr(0, colon);
    if (key.find(' ') != std::string_view::npos && !key.starts_with("\"") && !key.starts_with("'"))
      return false;
    return colon + 1 == line.size() || line[colon + 1] == ' ';
  }
  return false;
}

// Lines such as "## Level 2 - Engineer": a heading, then words; and no indented "key:" lines,
// which Markdown lists do not have and YAML records do ("- id: x" then "  name: y").
bool HasMarkdownHeadings(std::string_view text) {
  int headings = 0;
  int nested_keys = 0;
  for (const std::string& raw : text::SplitLines(text.substr(0, 64 * 1024))) {
    std::string_view line = raw;
    size_t indent = line.find_first_not_of(' ');
    if (indent != std::string_view::npos && indent >= 2 && line[indent] != '-') {
      size_t colon = line.find(':', indent);
      std::string_view key =
          line.substr(indent, colon == std::string_view::npos ? 0 : colon - indent);
      if (!key.empty() && key.find(' ') == std::string_view::npos &&
          (colon + 1 == line.size() || line[colon + 1] == ' '))
        ++nested_keys;
    }
    size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 6 && hashes + 1 < line.size() && line[hashes] == ' ' &&
        std::isupper(static_cast<unsigned char>(line[hashes + 1])))
      ++headings;
  }
  return headings >= 2 && nested_keys < 2;
}

// A Markdown list of levels that also parses as YAML ("- L1: Junior engineer who ...", under
// an optional "# Title", which YAML reads as a comment): every other line one top-level item
// "- LABEL: TEXT" whose label names a level or whose text is prose (three words or more).
// Data lists of one-key records are not written so.
bool ReadsAsMarkdownList(std::string_view text) {
  int items = 0;
  for (const std::string& raw : text::SplitLines(text.substr(0, 64 * 1024))) {
    std::string_view line = raw;
    if (text::Trim(line).empty() || line.starts_with("#")) continue;
    if (!line.starts_with("- ")) return false;
    std::string_view item = text::Trim(line.substr(2));
    size_t colon = item.find(": ");
    if (colon == std::string_view::npos || colon == 0) return false;
    std::string_view label = text::Trim(item.substr(0, colon));
    std::string_view rest = text::Trim(item.substr(colon + 2));
    if (rest.empty() || rest.starts_with("{") || rest.starts_with("[")) return false;
    if (!level_table::LooksLikeLevel(label) && text::CountWords(rest) < 3) return false;
    ++items;
  }
  return items >= 2;
}

struct Parsed {
  std::vector<Tree> trees;
  std::vector<ImportWarning> warnings;
};

Result<Parsed> Parse(const Document& doc) {
  Parsed p;
  if (StartsLikeJson(doc.text)) {
    Result<Tree> json = internal::ParseJsonTree(doc.text, doc.name);
    if (json) {
      p.trees.push_back(std::move(*json));
      return p;
    }
    // A JavaScript literal (unquoted keys, trailing commas, comments) or broken JSON: broken
    // JSON is said as such, not read as JavaScript with holes.
    Result<JsData> js = ReadJsLiterals(doc.text, doc.name);
    if (!js || js->literals.empty() || !js->warnings.empty()) return Fail(json.error());
    for (JsLiteral& l : js->literals) p.trees.push_back(std::move(l.tree));
    p.warnings = std::move(js->warnings);
    return p;
  }
  if (LooksLikeJsData(doc.text)) {
    LADDER_TRY(JsData js, ReadJsLiterals(doc.text, doc.name));
    if (js.literals.empty())
      return MakeError(ErrorCode::kParse,
                       "no data found: the file exports or assigns no object or list literal "
                       "(values computed by code are not read)",
                       SourceLocation{doc.name, 0, 0});
    for (JsLiteral& l : js.literals) p.trees.push_back(std::move(l.tree));
    p.warnings = std::move(js.warnings);
    return p;
  }
  LADDER_TRY(Tree yaml, internal::ParseYamlTree(doc.text, doc.name));
  p.trees.push_back(std::move(yaml));
  return p;
}

std::unexpected<Error> NoLevels(const Document& doc) {
  return MakeError(ErrorCode::kParse,
                   "no levels found in this data file: none of its lists reads as levels, "
                   "competencies with levels, levels with competencies, or cells naming a level "
                   "and a competency. If it holds levels, say where with --map (`ladder import "
                   "FILE --suggest-map` writes the closest reading as a map to correct)",
                   SourceLocation{doc.name, 0, 0});
}

Imported Finish(data::Interpretation best, const Parsed& parsed, const Document& doc) {
  Imported out;
  out.warnings = parsed.warnings;
  out.warnings.insert(out.warnings.end(), best.warnings.begin(), best.warnings.end());
  for (const Tree& t : parsed.trees) data::CollectPassages(t, doc.name, out.source);
  out.map = ImportMap{{}, best.map};
  out.framework = matrix::Build(std::move(best.matrix), doc.name);
  out.framework.source = {doc.name, "data"};
  return out;
}

class DataReader : public Reader {
 public:
  std::string_view Name() const override { return "data"; }

  // JSON and JavaScript data are this reader's whatever they hold (it says what it could not
  // find); YAML only when a shape finds levels in it, as Markdown and prose may parse as YAML.
  int Detect(std::string_view text) const override {
    bool json = StartsLikeJson(text);
    bool js = !json && LooksLikeJsData(text);
    if (!json && !js && (!StartsLikeYaml(text) || ReadsAsMarkdownList(text))) return 0;
    Result<Parsed> parsed = Parse(Document{"", std::string(text)});
    if (!parsed) return json ? 50 : js ? 40 : 0;
    // "## Level 1" is a YAML comment and a Markdown heading: a YAML text with headings is more
    // likely a Markdown ladder, for whose readers this one steps back.
    bool headings = !json && !js && HasMarkdownHeadings(text);
    for (const Tree& t : parsed->trees) {
      if (!data::CheckDepth(t, "")) return json || js ? 90 : 0;  // Read says why
      if (data::At(t, t.root).kind == data::TreeNode::Kind::kScalar) continue;
      if (data::Guess(t, "")) return headings ? 35 : 92;
    }
    return json ? 55 : js ? 45 : 0;
  }

  Result<Imported> Read(const Document& doc) const override {
    LADDER_TRY(Parsed parsed, Parse(doc));
    std::optional<data::Interpretation> best;
    for (const Tree& t : parsed.trees) {
      LADDER_TRY_STATUS(data::CheckDepth(t, doc.name));
      std::optional<data::Interpretation> g = data::Guess(t, doc.name);
      if (g && (!best || g->Score() > best->Score())) best = std::move(g);
    }
    if (!best) return NoLevels(doc);
    return Finish(std::move(*best), parsed, doc);
  }

  Result<Imported> ReadMapped(const Document& doc, const ImportMap& map) const override {
    if (!map.data)
      return MakeError(ErrorCode::kInvalidArgument,
                       "the map has no `data:` part; a data file is mapped by its keys", {},
                       "--map");
    LADDER_TRY(Parsed parsed, Parse(doc));
    std::optional<data::Interpretation> best;
    std::optional<Error> first_error;
    for (const Tree& t : parsed.trees) {
      LADDER_TRY_STATUS(data::CheckDepth(t, doc.name));
      Result<data::Interpretation> r = data::Interpret(t, *map.data, doc.name);
      if (!r) {
        if (!first_error) first_error = r.error();
        continue;
      }
      if (!best || r->Score() > best->Score()) best = std::move(*r);
    }
    if (!best) return Fail(*first_error);
    return Finish(std::move(*best), parsed, doc);
  }

  // The best reading, or when none finds levels for sure, the closest one: a map to correct.
  Result<ImportMap> GuessMap(const Document& doc) const override {
    LADDER_TRY(Parsed parsed, Parse(doc));
    std::optional<data::Interpretation> best;
    for (const Tree& t : parsed.trees) {
      LADDER_TRY_STATUS(data::CheckDepth(t, doc.name));
      std::optional<data::Interpretation> g = data::Guess(t, doc.name, /*closest=*/true);
      if (g && (!best || g->Score() > best->Score())) best = std::move(g);
    }
    if (!best) return NoLevels(doc);
    return ImportMap{{}, best->map};
  }
};

}  // namespace

std::unique_ptr<Reader> MakeDataReader() { return std::make_unique<DataReader>(); }

}  // namespace ladder::formats
