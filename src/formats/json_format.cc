// ReadJson and WriteJson: the canonical format as JSON, with the same keys, nesting, omissions
// and rule shapes as the YAML (docs/format.md, "JSON").
//
// Reading goes through nlohmann's SAX interface into the shared tree (canonical_tree.h), so the
// JSON reader reports duplicate keys, unknown keys and type errors exactly as the YAML reader
// does. nlohmann does not tell SAX handlers where a value is; the input iterator counts the
// bytes read, and each value's start is found back from there.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>

#include "formats/canonical.h"
#include "formats/canonical_tree.h"

namespace ladder::formats {
namespace {

using internal::Tree;
using internal::TreeNode;
using Json = nlohmann::ordered_json;

// Reads characters like a const char* and records how many have been read.
class CountingIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator() = default;
  CountingIterator(const char* p, const char* base, size_t* read)
      : p_(p), base_(base), read_(read) {}
  reference operator*() const { return *p_; }
  CountingIterator& operator++() {
    ++p_;
    *read_ = static_cast<size_t>(p_ - base_);
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const CountingIterator& other) const { return p_ == other.p_; }
  bool operator!=(const CountingIterator& other) const { return p_ != other.p_; }

 private:
  const char* p_ = nullptr;
  const char* base_ = nullptr;
  size_t* read_ = nullptr;
};

// Line and column (1-based, in characters) of byte offsets, with the line starts indexed once.
class Positions {
 public:
  explicit Positions(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }
  // Offsets come nearly in order, so counting resumes from the previous one: linear overall,
  // even for a document on one long line.
  std::pair<int, int> At(size_t offset) {
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    size_t line = static_cast<size_t>(it - starts_.begin());
    size_t start = starts_[line - 1];
    if (line != last_line_ || offset < last_offset_) {
      last_line_ = line;
      last_offset_ = start;
      last_column_ = 1;
    }
    for (size_t i = last_offset_; i < offset; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++last_column_;
    last_offset_ = offset;
    return {static_cast<int>(line), last_column_};
  }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
  size_t last_line_ = 0;
  size_t last_offset_ = 0;
  int last_column_ = 1;
};

class TreeSax {
 public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  TreeSax(Tree& tree, std::string_view text, const size_t* read, std::string file)
      : tree_(tree), text_(text), positions_(text), read_(read), file_(std::move(file)) {}

  std::optional<Error> error;

  bool null() { return Add(TreeNode::Kind::kNull, false, {}, ScalarStart()); }
  bool boolean(bool value) {
    return Add(TreeNode::Kind::kScalar, false, value ? "true" : "false", ScalarStart());
  }
  bool number_integer(number_integer_t value) {
    return Add(TreeNode::Kind::kScalar, false, std::to_string(value), ScalarStart());
  }
  bool number_unsigned(number_unsigned_t value) {
    return Add(TreeNode::Kind::kScalar, false, std::to_string(value), ScalarStart());
  }
  bool number_float(number_float_t, const string_t& raw) {
    return Add(TreeNode::Kind::kScalar, false, raw, ScalarStart());
  }
  bool string(string_t& value) { return Add(TreeNode::Kind::kScalar, true, value, StringStart()); }
  bool binary(binary_t&) { return Problem("binary values are not supported", *read_); }
  bool key(string_t& value) { return Add(TreeNode::Kind::kScalar, true, value, StringStart()); }
  bool start_object(std::size_t) { return Open(TreeNode::Kind::kMapping); }
  bool end_object() {
    open_.pop_back();
    return true;
  }
  bool start_array(std::size_t) { return Open(TreeNode::Kind::kSequence); }
  bool end_array() {
    open_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    std::string message = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
    if (size_t colon = message.find(": "); colon != std::string::npos)
      message = message.substr(colon + 2);
    return Problem("invalid JSON: " + message, position > 0 ? position - 1 : 0);
  }

 private:
  bool Problem(std::string message, size_t offset, ErrorCode code = ErrorCode::kParse) {
    auto [line, column] = positions_.At(offset);
    error = Error{code, std::move(message), {file_, line, column}, {}};
    return false;
  }

  // The opening quote of the string just read (the last character read is its closing quote).
  size_t StringStart() const {
    size_t i = *read_ >= 2 ? *read_ - 2 : 0;
    while (i > 0) {
      if (text_[i] == '"') {
        size_t slashes = 0;
        while (slashes < i && text_[i - 1 - slashes] == '\\') ++slashes;
        if (slashes % 2 == 0) return i;
      }
      --i;
    }
    return 0;
  }

  // The start of the number or literal just read (the lexer may have read one character more).
  size_t ScalarStart() const {
    auto part = [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.' || c == '+' || c == '-' ||
             c == 'E';
    };
    size_t i = std::min(*read_, text_.size());
    if (i > 0 && !part(text_[i - 1])) --i;
    while (i > 0 && part(text_[i - 1])) --i;
    return i;
  }

  bool Open(TreeNode::Kind kind) {
    size_t offset = *read_ > 0 ? *read_ - 1 : 0;
    if (!Add(kind, false, {}, offset)) return false;
    open_.push_back(static_cast<uint32_t>(tree_.nodes.size() - 1));
    return true;
  }

  bool Add(TreeNode::Kind kind, bool quoted, std::string value, size_t offset) {
    if (tree_.nodes.size() >= internal::kMaxValues)
      return Problem("the document holds more than " + std::to_string(internal::kMaxValues) +
                         " values; Ladder files are far smaller",
                     offset, ErrorCode::kResourceExhausted);
    auto [line, column] = positions_.At(offset);
    TreeNode node;
    node.kind = kind;
    node.quoted = quoted;
    node.value = std::move(value);
    node.line = line;
    node.column = column;
    uint32_t index = static_cast<uint32_t>(tree_.nodes.size());
    tree_.nodes.push_back(std::move(node));
    if (open_.empty())
      tree_.root = index;
    else
      tree_.nodes[open_.back()].items.push_back(index);
    return true;
  }

  Tree& tree_;
  std::string_view text_;
  Positions positions_;
  const size_t* read_;
  std::string file_;
  std::vector<uint32_t> open_;
};

// ---- Writing --------------------------------------------------------------------------------

Json Strings(const std::vector<std::string>& items) {
  Json out = Json::array();
  for (const std::string& s : items) out.push_back(s);
  return out;
}

void Text(Json& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}

void List(Json& object, const char* key, const std::vector<std::string>& items) {
  if (!items.empty()) object[key] = Strings(items);
}

// A rule as RuleText writes it in YAML, from the table of kinds (model/rule.h).
template <typename Kind>
Json KindJson(const Kind& rule) {
  const std::string name(Kind::kName);
  if constexpr (model::kBareKind<Kind>) {
    return name;
  } else if constexpr (std::tuple_size_v<decltype(Kind::kParams)> == 0) {
    return Json{{name, std::string(Kind::kWord)}};
  } else {
    static const Kind defaults{};
    Json fields = Json::object();
    model::ForEachParam<Kind>([&](const auto& param) {
      const auto& value = rule.*param.member;
      if (param.presence == model::Presence::kOptional && value == defaults.*param.member) return;
      fields[std::string(param.name)] = value;
    });
    return Json{{name, std::move(fields)}};
  }
}

Json RuleJson(const model::Rule& rule) {
  return std::visit([](const auto& r) { return KindJson(r); }, rule);
}

Json Requirements(const std::vector<model::Requirement>& requirements) {
  Json out = Json::array();
  for (const model::Requirement& r : requirements)
    out.push_back(Json{{"text", r.text}, {"rule", RuleJson(r.rule)}});
  return out;
}

Json LevelJson(const model::Level& l) {
  Json out = Json::object();
  out["code"] = l.code;
  out["rank"] = l.rank;
  Text(out, "title", l.title);
  Text(out, "summary", l.summary);
  if (l.state != model::LevelState::kDefined) out["state"] = model::LevelStateName(l.state);
  Text(out, "note", l.note);
  Text(out, "inherits", l.inherits);
  if (!l.attributes.empty()) {
    Json a = Json::object();
    for (const auto& [key, value] : l.attributes) a[key] = value;
    out["attributes"] = std::move(a);
  }
  if (!l.expectations.empty()) {
    Json e = Json::object();
    for (const model::Expectation& x : l.expectations) {
      if (x.summary.empty() && !x.undefined && x.note.empty()) {
        e[x.competency] = Strings(x.behaviours);
        continue;
      }
      Json cell = Json::object();
      Text(cell, "summary", x.summary);
      List(cell, "behaviours", x.behaviours);
      if (x.undefined) cell["undefined"] = true;
      Text(cell, "note", x.note);
      e[x.competency] = std::move(cell);
    }
    out["expectations"] = std::move(e);
  }
  if (!l.requirements.empty()) out["requirements"] = Requirements(l.requirements);
  return out;
}

// The `framework:` mapping: id, name, version, status and the rest of the header.
Json HeaderJson(const model::Framework& fw) {
  Json f = Json::object();
  Text(f, "id", fw.id);
  Text(f, "name", fw.name);
  Text(f, "family", fw.family);
  Text(f, "version", fw.version);
  if (fw.status != model::FrameworkStatus::kDraft)
    f["status"] = model::FrameworkStatusName(fw.status);
  Text(f, "effective", fw.effective);
  if (fw.cumulative) f["cumulative"] = true;
  if (fw.consensus != model::ConsensusRule::kUnanimous)
    f["consensus"] = model::ConsensusRuleName(fw.consensus);
  if (fw.next_level_reading != model::NextLevelReading::kOverlapping)
    f["next_level_reading"] = model::NextLevelReadingName(fw.next_level_reading);
  if (!fw.waivers.IsDefault()) {
    Json w = Json::object();
    if (fw.waivers.by != model::WaiverPolicy{}.by) w["by"] = Strings(fw.waivers.by);
    List(w, "never", fw.waivers.never);
    if (fw.waivers.after_panel_no) w["after_panel_no"] = true;
    f["waivers"] = std::move(w);
  }
  if (!fw.publishing.IsDefault())
    f["publishing"] = Json{{"requires_approval", fw.publishing.requires_approval}};
  Text(f, "description", fw.description);
  if (!fw.source.file.empty() || !fw.source.format.empty()) {
    Json s = Json::object();
    Text(s, "file", fw.source.file);
    Text(s, "format", fw.source.format);
    f["source"] = std::move(s);
  }
  Text(f, "jd_template", fw.jd_template);
  List(f, "allow_links", fw.allow_links);
  if (fw.language != "en" || !fw.translations.empty()) f["language"] = fw.language;
  return f;
}

Json GroupJson(const model::CompetencyGroup& g) {
  Json o{{"id", g.id}};
  Text(o, "name", g.name);
  Text(o, "description", g.description);
  List(o, "competencies", g.competencies);
  return o;
}

Json CompetencyJson(const model::Competency& c) {
  Json o{{"id", c.id}};
  Text(o, "name", c.name);
  Text(o, "description", c.description);
  return o;
}

Json TrackJson(const model::Track& t) {
  Json o{{"id", t.id}};
  Text(o, "name", t.name);
  if (t.kind != model::TrackKind::kOther) o["kind"] = model::TrackKindName(t.kind);
  Text(o, "description", t.description);
  if (!t.levels.empty()) {
    Json levels = Json::array();
    for (const model::Level& l : t.levels) levels.push_back(LevelJson(l));
    o["levels"] = std::move(levels);
  }
  return o;
}

Json OverlayJson(const model::OverlayRole& r) {
  Json o{{"id", r.id}};
  Text(o, "name", r.name);
  Text(o, "description", r.description);
  List(o, "duties", r.duties);
  List(o, "levels", r.levels);
  if (r.needs_documented_need) o["needs_documented_need"] = true;
  if (!r.requirements.empty()) o["requirements"] = Requirements(r.requirements);
  return o;
}

Json TransitionJson(const model::Transition& t) {
  Json o{{"from", t.from}, {"to", t.to}};
  Text(o, "description", t.description);
  if (!t.requirements.empty()) o["requirements"] = Requirements(t.requirements);
  return o;
}

Json NoteJson(const model::Note& n) {
  Json o = Json::object();
  Text(o, "title", n.title);
  Text(o, "markdown", n.markdown);
  return o;
}

Json RoleJson(const model::RoleProfile& r) {
  Json o{{"id", r.id}};
  Text(o, "family", r.family);
  Text(o, "seniority", r.seniority);
  o["title"] = r.title;
  Text(o, "summary", r.summary);
  List(o, "responsibilities", r.responsibilities);
  List(o, "skills", r.skills);
  List(o, "kpis", r.kpis);
  Text(o, "path", r.path);
  return o;
}

Json TranslationJson(const model::Translation& t) {
  Json o{{"language", t.language}};
  if (!t.texts.empty()) {
    Json texts = Json::array();
    for (const model::TranslatedText& x : t.texts)
      texts.push_back(Json{{"at", x.at}, {"source", x.source}, {"text", x.text}});
    o["texts"] = std::move(texts);
  }
  return o;
}

// Sets `key` of `out` to the list of `items`, each written by `write`; an empty list is left out.
template <typename Item>
void ListOf(Json& out, const char* key, const std::vector<Item>& items,
            Json (*write)(const Item&)) {
  if (items.empty()) return;
  Json list = Json::array();
  for (const Item& item : items) list.push_back(write(item));
  out[key] = std::move(list);
}

Json FrameworkJson(const model::Framework& fw) {
  Json out = Json::object();
  out["ladder"] = kFormatVersion;
  out["framework"] = HeaderJson(fw);
  ListOf(out, "groups", fw.groups, GroupJson);
  ListOf(out, "competencies", fw.competencies, CompetencyJson);
  ListOf(out, "tracks", fw.tracks, TrackJson);
  ListOf(out, "overlays", fw.overlays, OverlayJson);
  ListOf(out, "transitions", fw.transitions, TransitionJson);
  if (!fw.policy.empty()) out["policy"] = Requirements(fw.policy);
  ListOf(out, "notes", fw.notes, NoteJson);
  ListOf(out, "roles", fw.roles, RoleJson);
  ListOf(out, "translations", fw.translations, TranslationJson);
  return out;
}

}  // namespace

Result<Tree> internal::ParseJsonTree(std::string_view text, std::string_view source_name) {
  LADDER_TRY_STATUS(internal::CheckDocumentText(text, source_name));
  Tree tree;
  size_t read = 0;
  TreeSax sax(tree, text, &read, std::string(source_name));
  try {
    CountingIterator first(text.data(), text.data(), &read);
    CountingIterator last(text.data() + text.size(), text.data(), &read);
    bool ok = Json::sax_parse(first, last, &sax);
    if (!ok || sax.error) {
      if (sax.error) return Fail(*sax.error);
      return MakeError(ErrorCode::kParse, "invalid JSON", {std::string(source_name), 0, 0});
    }
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kParse, std::string("invalid JSON: ") + e.what(),
                     {std::string(source_name), 0, 0});
  }
  if (tree.nodes.empty())
    return MakeError(ErrorCode::kParse, "the document is empty", {std::string(source_name), 1, 1});
  return tree;
}

Result<model::Framework> ParseJson(std::string_view text, std::string_view source_name,
                                   const ParseOptions& options) {
  LADDER_TRY(Tree tree, internal::ParseJsonTree(text, source_name));
  return internal::FrameworkFromTree(tree, source_name, options.origins);
}

Result<model::Framework> ReadJson(std::string_view text, std::string_view source_name) {
  return internal::Validated(ParseJson(text, source_name));
}

std::string WriteJson(const model::Framework& framework, int indent) {
  // Invalid UTF-8 in a model built by hand would make nlohmann throw; replace it instead.
  return FrameworkJson(framework).dump(indent, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace ladder::formats
