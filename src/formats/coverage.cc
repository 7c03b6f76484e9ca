#include "formats/coverage.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "base/text.h"
#include "formats/level_names.h"

namespace ladder::formats {
namespace {

struct Token {
  std::string word;
  size_t begin = 0;
  size_t end = 0;
};

// Replaces inline markup that carries no words of the text (link targets, HTML tags) with
// spaces, keeping byte offsets.
std::string BlankMarkup(std::string_view in) {
  std::string s(in);
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ']' && i + 1 < s.size() && s[i + 1] == '(') {
      int depth = 0;
      size_t j = i + 1;
      for (; j < s.size() && s[j] != '\n'; ++j) {
        if (s[j] == '(') ++depth;
        if (s[j] == ')' && --depth == 0) break;
      }
      if (j < s.size() && s[j] == ')') {
        std::fill(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(j) + 1, ' ');
        i = j;
      }
    } else if (s[i] == '<' && i + 1 < s.size() &&
               (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/' ||
                s[i + 1] == '!')) {
      size_t close = s.find('>', i);
      size_t newline = s.find('\n', i);
      if (close != std::string::npos && close < newline && close - i < 400) {
        std::fill(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(close) + 1, ' ');
        i = close;
      }
    }
  }
  return s;
}

bool IsWordCodePoint(uint32_t cp) {
  if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) != 0;
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;  // Latin-1 symbols
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;           // punctuation, symbols
  if (cp >= 0x3000 && cp <= 0x303F) return false;           // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFE0F) return false;           // variation selectors
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;           // full-width punctuation
  if (cp >= 0x1F000) return false;                          // emoji and pictographs
  return true;
}

void Tokenize(std::string_view raw, std::vector<Token>& out) {
  std::string s = BlankMarkup(raw);
  size_t i = 0;
  Token current;
  bool in_word = false;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp = c;
    size_t len = 1;
    if (c >= 0x80) {
      len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
      if (i + len > s.size()) len = 1;
      cp = len == 1 ? 0xFFFD : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
      for (size_t k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    if (IsWordCodePoint(cp)) {
      if (!in_word) {
        current = Token{};
        current.begin = i;
        in_word = true;
      }
      if (cp < 0x80) {
        current.word += static_cast<char>(std::tolower(c));
      } else if (cp >= 0xC0 && cp <= 0xDE) {  // Latin-1 capitals
        uint32_t lower = cp + 0x20;
        current.word += static_cast<char>(0xC0 | (lower >> 6));
        current.word += static_cast<char>(0x80 | (lower & 0x3F));
      } else {
        current.word.append(s, i, len);
      }
      current.end = i + len;
    } else if (in_word) {
      out.push_back(std::move(current));
      in_word = false;
    }
    i += len;
  }
  if (in_word) out.push_back(std::move(current));
}

void Add(std::vector<std::string>& out, const std::string& s) {
  if (!s.empty()) out.push_back(s);
}

void AddRequirements(std::vector<std::string>& out, const std::vector<model::Requirement>& rs) {
  for (const auto& r : rs) Add(out, r.text);
}

// The framework's words, with the field each position belongs to, and lookup indexes.
class FrameworkIndex {
 public:
  explicit FrameworkIndex(const std::vector<std::string>& texts) {
    std::vector<Token> tokens;
    for (const std::string& field : texts) {
      tokens.clear();
      Tokenize(field, tokens);
      if (tokens.empty()) continue;
      const int start = static_cast<int>(words_.size());
      for (Token& t : tokens) words_.push_back(Intern(t.word));
      fields_.push_back({start, words_.size() - static_cast<size_t>(start)});
    }
    field_lengths_.resize(vocabulary_.size());
    for (const auto& [start, length] : fields_) {
      if (length > kMaxFieldWords) continue;  // longer fields match as runs of 3+ words
      field_lengths_[words_[start]] |= uint64_t{1} << (length - 1);
      uint64_t h = kHashSeed;
      for (size_t k = 0; k < length; ++k) h = Mix(h, words_[start + k]);
      field_hashes_.insert(Mix(h, static_cast<int>(length)));
    }
    for (size_t i = 0; i < words_.size(); ++i) {
      if (i + 1 < words_.size()) bigrams_.insert(Key(words_[i], words_[i + 1], -1));
      if (i + 2 < words_.size())
        by_trigram_[Key(words_[i], words_[i + 1], words_[i + 2])].push_back(static_cast<int>(i));
    }
  }

  int Find(const std::string& word) const {
    auto it = vocabulary_.find(word);
    return it == vocabulary_.end() ? -1 : it->second;
  }

  // Length of the accepted run of `p` starting at `at`, or 0 (see coverage.h for the rule).
  size_t AcceptedRun(const std::vector<int>& p, size_t at) const {
    const size_t m = p.size();
    if (p[at] < 0) return 0;
    // Bounded work per word keeps adversarial documents (one word repeated a million times)
    // linear: a run is extended at most kMaxRun words at a time (the rest matches as the next
    // run) and at most kMaxCandidates positions are tried.
    constexpr size_t kMaxRun = 512;
    constexpr size_t kMaxCandidates = 256;
    auto extend = [&](int c) {
      size_t l = 0;
      size_t c0 = static_cast<size_t>(c);
      while (l < kMaxRun && at + l < m && c0 + l < words_.size() && p[at + l] == words_[c0 + l]) {
        ++l;
      }
      return l;
    };
    size_t best = 0;
    if (at + 2 < m && p[at + 1] >= 0 && p[at + 2] >= 0) {
      auto it = by_trigram_.find(Key(p[at], p[at + 1], p[at + 2]));
      if (it != by_trigram_.end()) {
        size_t n = 0;
        for (int c : it->second) {
          best = std::max(best, extend(c));
          if (best == std::min(m - at, kMaxRun) || ++n >= kMaxCandidates) break;
        }
      }
      if (best >= 3) return best;
    }
    // Shorter runs count only as a whole passage (of one or two words) or a whole field.
    // Both are exact lookups, so a word repeated in thousands of places ("Section 1" ...
    // "Section 6000") costs the same as a rare one.
    if (at == 0 && m == 1) return 1;  // p[0] >= 0: the word is in the framework
    if (at == 0 && m == 2 && p[1] >= 0 && bigrams_.count(Key(p[0], p[1], -1))) return 2;
    size_t longest_field = 0;
    uint64_t lengths = field_lengths_[static_cast<size_t>(p[at])];
    uint64_t h = kHashSeed;
    for (size_t len = 1; len <= kMaxFieldWords && at + len <= m && lengths != 0; ++len) {
      if (p[at + len - 1] < 0) break;
      h = Mix(h, p[at + len - 1]);
      if ((lengths >> (len - 1)) & 1) {
        if (field_hashes_.count(Mix(h, static_cast<int>(len)))) longest_field = len;
        lengths &= ~(uint64_t{1} << (len - 1));
      }
    }
    return longest_field;
  }

 private:
  static constexpr size_t kMaxFieldWords = 64;
  static constexpr uint64_t kHashSeed = 1469598103934665603ull;
  static uint64_t Mix(uint64_t h, int word) {
    h ^= static_cast<uint64_t>(static_cast<uint32_t>(word)) + 0x9E3779B97F4A7C15ull + (h << 6) +
         (h >> 2);
    return h * 1099511628211ull;
  }
  static uint64_t Key(int a, int b, int c) {
    return (static_cast<uint64_t>(a) << 42) ^ (static_cast<uint64_t>(b) << 21) ^
           static_cast<uint64_t>(c);
  }
  int Intern(const std::string& w) {
    auto [it, inserted] = vocabulary_.emplace(w, static_cast<int>(vocabulary_.size()));
    return it->second;
  }

  std::unordered_map<std::string, int> vocabulary_;
  std::vector<int> words_;
  std::vector<std::pair<int, size_t>> fields_;  // start and length of each field
  std::vector<uint64_t> field_lengths_;  // per first word: bit L-1 set when a field has L words
  std::unordered_set<uint64_t> field_hashes_;  // each short field's words and length
  std::unordered_set<uint64_t> bigrams_;
  std::unordered_map<uint64_t, std::vector<int>> by_trigram_;
};

}  // namespace

std::vector<std::string> CoverageWords(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, tokens);
  std::vector<std::string> words;
  words.reserve(tokens.size());
  for (Token& t : tokens) words.push_back(std::move(t.word));
  return words;
}

std::vector<std::string> StructureTexts(const model::Framework& f) {
  std::vector<std::string> out;
  Add(out, f.name);
  for (const auto& g : f.groups) {
    Add(out, g.name);
    Add(out, g.description);
  }
  for (const auto& c : f.competencies) {
    Add(out, c.name);
    Add(out, c.description);
  }
  for (const auto& t : f.tracks) {
    Add(out, t.name);
    Add(out, t.description);
    for (const auto& l : t.levels) {
      Add(out, l.code);
      Add(out, l.title);
      Add(out, l.summary);
      Add(out, l.note);
      for (const auto& [key, value] : l.attributes) {
        Add(out, key);
        Add(out, value);
      }
      for (const auto& e : l.expectations) {
        Add(out, e.summary);
        for (const auto& b : e.behaviours) Add(out, b);
        Add(out, e.note);
      }
      AddRequirements(out, l.requirements);
    }
  }
  for (const auto& o : f.overlays) {
    Add(out, o.name);
    Add(out, o.description);
    for (const auto& d : o.duties) Add(out, d);
    AddRequirements(out, o.requirements);
  }
  for (const auto& t : f.transitions) {
    Add(out, t.description);
    AddRequirements(out, t.requirements);
  }
  AddRequirements(out, f.policy);
  for (const auto& r : f.roles) {
    Add(out, r.title);
    Add(out, r.family);
    Add(out, r.seniority);
    Add(out, r.summary);
    for (const auto& s : r.responsibilities) Add(out, s);
    for (const auto& s : r.skills) Add(out, s);
    for (const auto& s : r.kpis) Add(out, s);
    Add(out, r.path);
  }
  return out;
}

std::vector<std::string> NoteTexts(const model::Framework& f) {
  std::vector<std::string> out;
  Add(out, f.description);
  for (const auto& n : f.notes) {
    Add(out, n.title);
    Add(out, n.markdown);
  }
  return out;
}

std::vector<std::string> FrameworkTexts(const model::Framework& f) {
  std::vector<std::string> out = StructureTexts(f);
  for (std::string& t : NoteTexts(f)) out.push_back(std::move(t));
  return out;
}

Coverage MeasureCoverage(const std::vector<Passage>& source, const model::Framework& framework) {
  // Words are matched against the structure first (levels, competencies, behaviours,
  // requirements, roles); what is left against the notes; the rest was not imported.
  FrameworkIndex structure(StructureTexts(framework));
  FrameworkIndex notes(NoteTexts(framework));
  Coverage coverage;
  std::vector<Token> tokens;
  std::vector<int> ids;
  std::vector<char> found;  // per token: 0 not imported, 1 structure, 2 notes
  auto mark = [&](const FrameworkIndex& index, char as) {
    ids.clear();
    for (const Token& t : tokens) ids.push_back(index.Find(t.word));
    size_t at = 0;
    while (at < ids.size()) {
      size_t run = index.AcceptedRun(ids, at);
      if (run == 0) {
        ++at;
        continue;
      }
      for (size_t k = at; k < at + run; ++k)
        if (found[k] == 0) found[k] = as;
      at += run;
    }
  };
  for (const Passage& passage : source) {
    tokens.clear();
    Tokenize(passage.text, tokens);
    if (tokens.empty()) continue;
    coverage.source_words += static_cast<int>(tokens.size());
    found.assign(tokens.size(), 0);
    mark(structure, 1);
    if (std::find(found.begin(), found.end(), 0) != found.end()) mark(notes, 2);
    size_t missing_from = std::string::npos;
    auto flush = [&](size_t until) {  // reports tokens [missing_from, until)
      if (missing_from == std::string::npos) return;
      size_t begin = tokens[missing_from].begin;
      size_t end = tokens[until - 1].end;
      int line = passage.line +
                 static_cast<int>(std::count(
                     passage.text.begin(), passage.text.begin() + static_cast<long>(begin), '\n'));
      coverage.not_imported.push_back(
          {line, text::CollapseSpace(std::string_view(passage.text).substr(begin, end - begin)),
           passage.file});
      missing_from = std::string::npos;
    };
    for (size_t k = 0; k < tokens.size(); ++k) {
      if (found[k] == 0) {
        if (missing_from == std::string::npos) missing_from = k;
        continue;
      }
      flush(k);
      ++coverage.imported_words;
      if (found[k] == 1)
        ++coverage.structure_words;
      else
        ++coverage.notes_words;
    }
    flush(tokens.size());
  }
  return coverage;
}

std::vector<ImportWarning> StructureInNotes(const model::Framework& framework) {
  std::set<std::string> known;
  for (const auto& t : framework.tracks)
    for (const auto& l : t.levels) {
      known.insert(text::ToLower(l.code));
      known.insert(text::ToLower(l.title));
    }
  auto is_new_level = [&](std::string_view name) {
    std::string n(text::Trim(level_table::StripDecoration(name)));
    if (n.empty() || !level_table::LooksLikeLevel(n)) return false;
    level_table::LevelName parsed = level_table::ParseLevelName(n);
    return !known.count(text::ToLower(n)) && !known.count(text::ToLower(parsed.code)) &&
           !known.count(text::ToLower(parsed.title));
  };
  std::vector<ImportWarning> warnings;
  for (const model::Note& note : framework.notes) {
    std::vector<std::string> levels;
    int items = 0;
    for (const std::string& line : text::SplitLines(note.markdown)) {
      std::string_view l = text::Trim(line);
      if (l.starts_with("#")) {
        std::string_view h = text::Trim(l.substr(l.find_first_not_of('#')));
        if (is_new_level(h)) levels.emplace_back(h);
      } else if (l.starts_with("|")) {
        // A table row whose first cell names a level.
        std::vector<std::string> cells = text::Split(l.substr(1), '|');
        if (!cells.empty() && is_new_level(cells[0])) levels.emplace_back(text::Trim(cells[0]));
      } else if (l.starts_with("- ") || l.starts_with("* ")) {
        ++items;
      }
    }
    // A note titled by a level, holding a list of expectations.
    if (is_new_level(note.title) && items >= 2) levels.insert(levels.begin(), note.title);
    if (levels.size() < (is_new_level(note.title) ? 1u : 2u)) continue;
    std::vector<std::string> shown(levels.begin(),
                                   levels.begin() + std::min<size_t>(levels.size(), 4));
    warnings.push_back(
        {note.origin.where,
         "the note '" + (note.title.empty() ? std::string("(untitled)") : note.title) +
             "' holds what reads like levels (" + text::Join(shown, ", ") +
             (levels.size() > shown.size() ? ", ..." : "") +
             "), kept as a note rather than as levels: check the import, or move them into a "
             "track"});
  }
  return warnings;
}

}  // namespace ladder::formats
