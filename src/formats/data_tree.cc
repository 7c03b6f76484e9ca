#include "formats/data_tree.h"

#include <algorithm>
#include <cctype>

#include "base/text.h"

namespace ladder::formats::data {
namespace {

bool IsSymbol(char32_t cp) {
  if (cp < 0x80) return !std::isalnum(static_cast<int>(cp));
  return (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200D || cp == 0x20E3 || cp == 0xA0 ||
         (cp >= 0xE0000 && cp <= 0xE007F);
}

std::string Lower(std::string_view s) { return text::ToLower(s); }

std::string KeyPath(const std::string& base, const std::string& key) {
  bool plain = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
  return base + (plain ? "." + key : "[\"" + key + "\"]");
}

}  // namespace

const TreeNode& At(const Tree& t, uint32_t n) { return t.nodes[n]; }
bool IsMap(const Tree& t, uint32_t n) { return At(t, n).kind == TreeNode::Kind::kMapping; }
bool IsSeq(const Tree& t, uint32_t n) { return At(t, n).kind == TreeNode::Kind::kSequence; }
bool IsScalar(const Tree& t, uint32_t n) { return At(t, n).kind == TreeNode::Kind::kScalar; }

std::string Text(const Tree& t, uint32_t n) {
  if (!IsScalar(t, n)) return {};
  return std::string(text::Trim(text::CollapseSpace(At(t, n).value)));
}

std::optional<uint32_t> Get(const Tree& t, uint32_t n, std::string_view key) {
  if (!IsMap(t, n)) return std::nullopt;
  const auto& items = At(t, n).items;
  for (size_t i = 0; i + 1 < items.size(); i += 2)
    if (At(t, items[i]).value == key) return items[i + 1];
  return std::nullopt;
}

std::vector<std::string> Keys(const Tree& t, uint32_t n) {
  std::vector<std::string> keys;
  if (!IsMap(t, n)) return keys;
  const auto& items = At(t, n).items;
  for (size_t i = 0; i + 1 < items.size(); i += 2) keys.push_back(At(t, items[i]).value);
  return keys;
}

std::vector<Hit> Items(const Tree& t, const Hit& c) {
  std::vector<Hit> out;
  const auto& items = At(t, c.node).items;
  auto trail = [&](uint32_t item) {
    std::vector<uint32_t> tr = c.trail;
    tr.push_back(item);
    return tr;
  };
  if (IsSeq(t, c.node)) {
    for (size_t i = 0; i < items.size(); ++i)
      out.push_back(
          {items[i], "", c.wild, c.path + "[" + std::to_string(i) + "]", trail(items[i])});
  } else if (IsMap(t, c.node)) {
    for (size_t i = 0; i + 1 < items.size(); i += 2) {
      std::string key = At(t, items[i]).value;
      out.push_back({items[i + 1], key, c.wild, KeyPath(c.path, key), trail(items[i + 1])});
    }
  }
  return out;
}

Result<std::vector<Hit>> Resolve(const Tree& t, const Hit& from, std::string_view path) {
  std::vector<Hit> current = {from};
  if (text::Trim(path).empty()) return current;
  for (const std::string& raw : text::Split(path, '.')) {
    std::string seg(text::Trim(raw));
    bool each = seg.ends_with("[]");
    if (each) seg.resize(seg.size() - 2);
    if (seg.empty() && !each)
      return MakeError(ErrorCode::kInvalidArgument,
                       "the path '" + std::string(path) + "' has an empty segment", {}, "data");
    std::vector<Hit> next;
    for (const Hit& h : current) {
      if (seg.empty()) {
        next.push_back(h);
      } else if (seg == "*") {
        for (Hit item : Items(t, h)) {
          item.wild.push_back(item.key);
          next.push_back(std::move(item));
        }
      } else if (auto v = Get(t, h.node, seg)) {
        next.push_back({*v, seg, h.wild, KeyPath(h.path, seg), h.trail});
      }
    }
    if (each) {
      std::vector<Hit> items;
      for (const Hit& h : next)
        for (Hit& item : Items(t, h)) items.push_back(std::move(item));
      next = std::move(items);
    }
    current = std::move(next);
    if (current.size() > kMaxVisits)
      return MakeError(ErrorCode::kResourceExhausted,
                       "the path '" + std::string(path) + "' selects too many values", {}, "data");
  }
  return current;
}

bool IsCollection(const Tree& t, uint32_t n) {
  if (IsSeq(t, n)) return !At(t, n).items.empty();
  if (!IsMap(t, n)) return false;
  // A mapping is a collection of entries keyed by name ({"MOBILE": {...}, "WEB": {...}},
  // {"Aware": "Knows ...", "Expert": "Designs ..."}), not a record ({name: x, levels: [...]}):
  // its values are all lists or mappings, or lists, mappings and texts of a few words.
  const auto& items = At(t, n).items;
  if (items.size() < 4) return false;  // two entries at least
  bool nested = true, texts = true;
  for (size_t i = 1; i < items.size(); i += 2) {
    if (IsScalar(t, items[i])) {
      nested = false;
      if (text::CountWords(At(t, items[i]).value) < 3) texts = false;
    }
  }
  return nested || texts;
}

bool IsIdentifierLike(std::string_view raw) {
  std::string_view s = text::Trim(raw);
  if (s.empty()) return true;
  if (s.find(' ') != std::string_view::npos) return false;
  if (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("mailto:"))
    return true;
  bool letters = false;
  bool upper_inside = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_' || c == '/' || c == '#' || c == '@' || c == '\\') return true;
    if (std::isalpha(static_cast<unsigned char>(c))) letters = true;
    if (i > 0 && std::isupper(static_cast<unsigned char>(c)) &&
        std::islower(static_cast<unsigned char>(s[i - 1])))
      upper_inside = true;  // camelCase
  }
  if (!letters) return true;  // numbers, dates
  if (upper_inside) return true;
  if (s.size() <= 2) return true;  // "a", "b2"
  // "fo1", "s1": lower-case letters with digits.
  if (std::any_of(s.begin(), s.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
      std::none_of(s.begin(), s.end(),
                   [](char c) { return std::isupper(static_cast<unsigned char>(c)); }))
    return true;
  // "senior-technician", "73fd0ead-da49-...": dashed lower-case words are slugs.
  if (s.find('-') != std::string_view::npos && std::none_of(s.begin(), s.end(), [](char c) {
        return std::isupper(static_cast<unsigned char>(c));
      }))
    return true;
  return false;
}

Status CheckDepth(const Tree& t, std::string_view file) {
  if (t.nodes.empty()) return Ok();
  struct Frame {
    uint32_t node;
    int depth;
    uint32_t parent_frame;
    std::string step;
  };
  std::vector<Frame> frames = {{t.root, 0, 0, "$"}};
  size_t visits = 0;
  for (size_t f = 0; f < frames.size(); ++f) {
    const Frame fr = frames[f];
    if (++visits > kMaxVisits)
      return MakeError(ErrorCode::kResourceExhausted,
                       "the file expands to more than " + std::to_string(kMaxVisits) +
                           " values (YAML aliases?); a framework holds far fewer",
                       SourceLocation{std::string(file), 0, 0});
    if (fr.depth > kMaxDataDepth) {
      std::vector<std::string> steps;
      for (size_t at = f;; at = frames[at].parent_frame) {
        steps.push_back(frames[at].step);
        if (at == 0) break;
      }
      std::reverse(steps.begin(), steps.end());
      std::string path;
      for (size_t i = 0; i < steps.size() && i < 12; ++i) path += steps[i];
      if (steps.size() > 12) path += "…";
      const TreeNode& n = At(t, fr.node);
      return MakeError(ErrorCode::kResourceExhausted,
                       "values are nested deeper than " + std::to_string(kMaxDataDepth) +
                           " levels at " + path + "; a framework nests a few levels",
                       SourceLocation{std::string(file), n.line, n.column});
    }
    const TreeNode& n = At(t, fr.node);
    if (n.kind == TreeNode::Kind::kSequence) {
      for (size_t i = 0; i < n.items.size(); ++i)
        frames.push_back(
            {n.items[i], fr.depth + 1, static_cast<uint32_t>(f), "[" + std::to_string(i) + "]"});
    } else if (n.kind == TreeNode::Kind::kMapping) {
      for (size_t i = 0; i + 1 < n.items.size(); i += 2)
        frames.push_back({n.items[i + 1], fr.depth + 1, static_cast<uint32_t>(f),
                          KeyPath("", At(t, n.items[i]).value)});
    }
    // Frames are only needed for the path of the first value too deep; drop scalars' frames
    // early would save memory, but the tree is already bounded by kMaxValues.
  }
  return Ok();
}

void CollectPassages(const Tree& t, std::string_view file, std::vector<Passage>& out) {
  std::vector<uint32_t> stack = {t.root};
  std::vector<bool> seen(t.nodes.size(), false);  // aliases share nodes: count each text once
  while (!stack.empty()) {
    uint32_t n = stack.back();
    stack.pop_back();
    if (n >= t.nodes.size() || seen[n]) continue;
    seen[n] = true;
    const TreeNode& node = At(t, n);
    if (node.kind == TreeNode::Kind::kScalar) {
      std::string s = Text(t, n);
      bool literal = !node.quoted && (s == "true" || s == "false" || s == "null");
      if (!literal && !IsIdentifierLike(s))
        out.push_back({node.line, CleanName(s), std::string(file)});
    } else if (node.kind == TreeNode::Kind::kMapping) {
      for (size_t i = 0; i + 1 < node.items.size(); i += 2) {
        std::string key = Text(t, node.items[i]);
        if (key.find(' ') != std::string::npos && !IsIdentifierLike(key))
          out.push_back({At(t, node.items[i]).line, CleanName(key), std::string(file)});
        stack.push_back(node.items[i + 1]);
      }
    } else {
      for (auto it = node.items.rbegin(); it != node.items.rend(); ++it) stack.push_back(*it);
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Passage& a, const Passage& b) { return a.line < b.line; });
}

const std::vector<std::string>& DefaultNameKeys() {
  static const std::vector<std::string> keys = {
      "name",  "title", "displayName", "display_name", "label",      "heading",
      "level", "grade", "step",        "skill",        "competency", "topic",
      "area",  "theme", "role",        "id",           "slug",       "key"};
  return keys;
}

std::string EntryName(const Tree& t, const Hit& entry, const std::vector<std::string>& name_keys,
                      std::string* used) {
  if (used) used->clear();
  if (!entry.key.empty() && !IsMap(t, entry.node))
    return CleanName(entry.key);  // {"Expert": "..."}
  if (IsScalar(t, entry.node)) return CleanName(Text(t, entry.node));
  const auto& keys = name_keys.empty() ? DefaultNameKeys() : name_keys;
  for (const std::string& k : keys) {
    if (auto v = Get(t, entry.node, k); v && IsScalar(t, *v) && !Text(t, *v).empty()) {
      if (used) *used = k;
      return CleanName(Text(t, *v));
    }
  }
  return CleanName(entry.key);
}

matrix::Cell EntryCell(const Tree& t, uint32_t entry, const std::vector<std::string>& text_keys,
                       const std::set<std::string>& skip, bool statement) {
  matrix::Cell cell;
  const TreeNode& e = At(t, entry);
  cell.where = SourceLocation{"", e.line, e.column};
  std::vector<std::string> summary;
  auto add_list = [&](uint32_t list, const std::string& key) {
    bool example = Lower(key).find("example") != std::string::npos;
    std::vector<uint32_t> stack;
    const auto& top = At(t, list).items;
    for (size_t i = top.size(); i > 0; --i)
      if (!IsMap(t, list) || i % 2 == 0) stack.push_back(top[i - 1]);
    size_t guard = 0;
    while (!stack.empty() && ++guard < 100'000) {
      uint32_t item = stack.back();
      stack.pop_back();
      if (IsScalar(t, item)) {
        std::string s = Text(t, item);
        if (s.empty() || IsIdentifierLike(s)) continue;
        cell.behaviours.push_back(example ? "Example: " + s : s);
      } else if (IsSeq(t, item)) {
        for (auto it = At(t, item).items.rbegin(); it != At(t, item).items.rend(); ++it)
          stack.push_back(*it);
      } else if (IsMap(t, item)) {
        // {"criteria": "...", "examples": [...]}: its texts, in order.
        const auto& kv = At(t, item).items;
        for (size_t i = kv.size(); i >= 2; i -= 2) stack.push_back(kv[i - 1]);
      }
    }
  };
  if (IsScalar(t, entry)) {
    std::string s = Text(t, entry);
    if (!s.empty()) return matrix::CellFromText(At(t, entry).value, cell.where);
    return cell;
  }
  if (IsSeq(t, entry)) {
    add_list(entry, "");
    return cell;
  }
  const auto& items = e.items;
  for (size_t i = 0; i + 1 < items.size(); i += 2) {
    std::string key = At(t, items[i]).value;
    uint32_t v = items[i + 1];
    if (skip.count(key)) continue;
    bool chosen = std::find(text_keys.begin(), text_keys.end(), key) != text_keys.end();
    std::string lower = Lower(key);
    if (IsScalar(t, v)) {
      std::string s = Text(t, v);
      if (s.empty() || IsIdentifierLike(s)) continue;
      if (!chosen && (lower == "summary" || lower == "description" || lower == "overview" ||
                      lower == "definition")) {
        if (statement)
          cell.behaviours.insert(cell.behaviours.begin(), s);
        else
          summary.insert(summary.begin(), s);
      } else if (chosen || text::CountWords(s) >= 6) {
        matrix::Cell part = matrix::CellFromText(At(t, v).value);
        if (!part.summary.empty()) summary.push_back(part.summary);
        for (std::string& b : part.behaviours) cell.behaviours.push_back(std::move(b));
      } else if (!text_keys.empty()) {
        continue;  // the map names the text keys: others are left out
      } else {
        std::string label = key;
        if (!label.empty())
          label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
        summary.push_back(label + ": " + s);
      }
    } else if (IsSeq(t, v) || IsMap(t, v)) {
      if (!text_keys.empty() && !chosen) continue;
      add_list(v, key);
    }
  }
  cell.summary = text::Join(summary, " ");
  return cell;
}

std::string CleanName(std::string_view raw) {
  std::string s = text::CollapseSpace(raw);
  size_t i = 0;
  while (i < s.size()) {
    size_t len = 1;
    char32_t cp = text::DecodeUtf8(s, i, &len);
    if (!IsSymbol(cp) || (cp < 0x80 && (s[i] == '(' || s[i] == '"' || s[i] == '\'' || s[i] == '.')))
      break;
    i += len;
  }
  std::string out(text::Trim(std::string_view(s).substr(i)));
  return out.empty() ? std::string(text::Trim(s)) : out;
}

int MatrixWords(const matrix::Matrix& m) {
  int words = 0;
  for (const auto& c : m.competencies)
    words += text::CountWords(c.name) + text::CountWords(c.description);
  for (const auto& track : m.tracks) {
    words += text::CountWords(track.name);
    for (const auto& l : track.levels) {
      words += text::CountWords(l.name) + text::CountWords(l.summary);
      for (const auto& [index, cell] : l.cells) {
        words += text::CountWords(cell.summary) + text::CountWords(cell.note);
        for (const auto& b : cell.behaviours) words += text::CountWords(b);
      }
    }
  }
  return words;
}

}  // namespace ladder::formats::data
