#include "formats/coverage.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <deque>
#include <set>
#include <string_view>
#include <utility>

#include "base/text.h"
#include "formats/level_names.h"

namespace ladder::formats {
namespace {

// A word of a text: its lower-case form (in Tokens::words), its byte range in the text, and a
// hash of the lower-case form.
struct Token {
  uint32_t word = 0;  // offset in Tokens::words
  uint32_t length = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  uint64_t hash = 0;
};

struct Tokens {
  std::string words;  // the lower-case words, one after the other
  std::vector<Token> list;
  std::string_view Word(const Token& t) const { return {words.data() + t.word, t.length}; }
  void Clear() {
    words.clear();
    list.clear();
  }
};

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

// Per ASCII byte: its lower-case form when it is a letter or digit, else 0.
struct AsciiWordTable {
  char lower[128] = {};
  AsciiWordTable() {
    for (int c = 0; c < 128; ++c)
      if (std::isalnum(c)) lower[c] = static_cast<char>(std::tolower(c));
  }
};
const AsciiWordTable kAscii;

constexpr uint64_t kWordHashSeed = 1469598103934665603ull;  // FNV-1a, byte by byte
uint64_t HashByte(uint64_t h, char c) {
  return (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
}

// The end of inline markup that carries no words of the text and starts at s[i] (a link
// target "](...)" on one line, an HTML tag under 400 bytes on one line), or i when none does.
size_t MarkupEnd(std::string_view s, size_t i) {
  if (s[i] == ']' && i + 1 < s.size() && s[i + 1] == '(') {
    int depth = 0;
    for (size_t j = i + 1; j < s.size() && s[j] != '\n'; ++j) {
      if (s[j] == '(') ++depth;
      if (s[j] == ')' && --depth == 0) return j + 1;
    }
  } else if (s[i] == '<' && i + 1 < s.size() &&
             (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/' ||
              s[i + 1] == '!')) {
    for (size_t j = i + 1; j < s.size() && j - i < 400; ++j) {
      if (s[j] == '\n') break;
      if (s[j] == '>') return j + 1;
    }
  }
  return i;
}

// Appends the words of `s` to `out`: runs of letters and digits of any script, lower-cased
// (ASCII and Latin-1 capitals), with link targets and HTML tags skipped as white space.
void Tokenize(std::string_view s, Tokens& out) {
  size_t i = 0;
  Token current;
  bool in_word = false;
  auto finish = [&] {
    current.length = static_cast<uint32_t>(out.words.size() - current.word);
    out.list.push_back(current);
    in_word = false;
  };
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (char lower = kAscii.lower[c]) {
        if (!in_word) {
          current.word = static_cast<uint32_t>(out.words.size());
          current.begin = static_cast<uint32_t>(i);
          current.hash = kWordHashSeed;
          in_word = true;
        }
        out.words += lower;
        current.hash = HashByte(current.hash, lower);
        current.end = static_cast<uint32_t>(++i);
        continue;
      }
      if (in_word) finish();
      size_t skip = (c == ']' || c == '<') ? MarkupEnd(s, i) : i;
      i = skip > i ? skip : i + 1;
      continue;
    }
    size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (i + len > s.size()) len = 1;
    uint32_t cp = len == 1 ? 0xFFFD : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (IsWordCodePoint(cp)) {
      if (!in_word) {
        current.word = static_cast<uint32_t>(out.words.size());
        current.begin = static_cast<uint32_t>(i);
        current.hash = kWordHashSeed;
        in_word = true;
      }
      const size_t from = out.words.size();
      if (cp >= 0xC0 && cp <= 0xDE) {  // Latin-1 capitals
        uint32_t lower = cp + 0x20;
        out.words += static_cast<char>(0xC0 | (lower >> 6));
        out.words += static_cast<char>(0x80 | (lower & 0x3F));
      } else {
        out.words.append(s, i, len);
      }
      for (size_t k = from; k < out.words.size(); ++k)
        current.hash = HashByte(current.hash, out.words[k]);
      current.end = static_cast<uint32_t>(i + len);
    } else if (in_word) {
      finish();
    }
    i += len;
  }
  if (in_word) finish();
}

// An open-addressing hash map from 64-bit keys to 32-bit values, growing as keys are added.
class FlatMap {
 public:
  FlatMap() { Reset(16); }
  // The value stored under `key`, storing `value` first when the key is new.
  uint32_t At(uint64_t key, uint32_t value) {
    if (2 * (size_ + 1) > values_.size()) Grow();
    size_t slot = Slot(key);
    while (values_[slot] != kEmpty && keys_[slot] != key) slot = (slot + 1) & mask_;
    if (values_[slot] == kEmpty) {
      keys_[slot] = key;
      values_[slot] = value;
      ++size_;
    }
    return values_[slot];
  }
  const uint32_t* Find(uint64_t key) const {
    size_t slot = Slot(key);
    while (values_[slot] != kEmpty) {
      if (keys_[slot] == key) return &values_[slot];
      slot = (slot + 1) & mask_;
    }
    return nullptr;
  }

 private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFFu;
  size_t Slot(uint64_t key) const {
    key ^= key >> 33;  // the finaliser of MurmurHash3
    key *= 0xFF51AFD7ED558CCDull;
    key ^= key >> 33;
    return static_cast<size_t>(key) & mask_;
  }
  void Reset(size_t capacity) {
    keys_.assign(capacity, 0);
    values_.assign(capacity, kEmpty);
    mask_ = capacity - 1;
    size_ = 0;
  }
  void Grow() {
    std::vector<uint64_t> keys = std::move(keys_);
    std::vector<uint32_t> values = std::move(values_);
    Reset(values.size() * 2);
    for (size_t i = 0; i < values.size(); ++i) {
      if (values[i] == kEmpty) continue;
      size_t slot = Slot(keys[i]);
      while (values_[slot] != kEmpty) slot = (slot + 1) & mask_;
      keys_[slot] = keys[i];
      values_[slot] = values[i];
      ++size_;
    }
  }
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// The distinct words of the framework's text, numbered from 0.
class Vocabulary {
 public:
  int Intern(const Tokens& tokens, const Token& t) {
    uint32_t next = static_cast<uint32_t>(offsets_.size());
    // Words whose hashes collide are told apart by their text: the probe goes on with a
    // derived key until it meets the word or an empty slot.
    for (uint64_t key = t.hash;; key = key * 31 + 17) {
      uint32_t id = ids_.At(key, next);
      if (id == next) {
        offsets_.emplace_back(static_cast<uint32_t>(text_.size()), t.length);
        text_ += tokens.Word(t);
        return static_cast<int>(id);
      }
      if (Word(id) == tokens.Word(t)) return static_cast<int>(id);
    }
  }
  int Find(const Tokens& tokens, const Token& t) const {
    for (uint64_t key = t.hash;; key = key * 31 + 17) {
      const uint32_t* id = ids_.Find(key);
      if (id == nullptr) return -1;
      if (Word(*id) == tokens.Word(t)) return static_cast<int>(*id);
    }
  }
  size_t size() const { return offsets_.size(); }

 private:
  std::string_view Word(uint32_t id) const {
    return {text_.data() + offsets_[id].first, offsets_[id].second};
  }
  FlatMap ids_;
  std::string text_;
  std::vector<std::pair<uint32_t, uint32_t>> offsets_;
};

void Add(std::vector<std::string_view>& out, const std::string& s) {
  if (!s.empty()) out.push_back(s);
}

void AddRequirements(std::vector<std::string_view>& out,
                     const std::vector<model::Requirement>& rs) {
  for (const auto& r : rs) Add(out, r.text);
}

// The framework's words, with the field each position belongs to, and lookup indexes. Word
// ids come from a vocabulary shared by the indexes of one measurement.
class FrameworkIndex {
 public:
  // The id of a word of the framework, or -1 when it is not in this index.
  int Find(int id) const {
    return id >= 0 && static_cast<size_t>(id) < present_.size() && present_[id] ? id : -1;
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
      if (const uint32_t* first = trigram_first_.Find(Key(p[at], p[at + 1], p[at + 2]))) {
        size_t n = 0;
        for (int c = static_cast<int>(*first); c >= 0; c = trigram_next_[c]) {
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
    if (at == 0 && m == 2 && p[1] >= 0 && bigrams_.Find(Key(p[0], p[1], -1))) return 2;
    size_t longest_field = 0;
    uint64_t lengths = field_lengths_[static_cast<size_t>(p[at])];
    uint64_t h = kHashSeed;
    for (size_t len = 1; len <= kMaxFieldWords && at + len <= m && lengths != 0; ++len) {
      if (p[at + len - 1] < 0) break;
      h = Mix(h, p[at + len - 1]);
      if ((lengths >> (len - 1)) & 1) {
        if (fields_.Find(Mix(h, static_cast<int>(len)))) longest_field = len;
        lengths &= ~(uint64_t{1} << (len - 1));
      }
    }
    return longest_field;
  }

  FrameworkIndex(const std::vector<std::string_view>& texts, Vocabulary& vocabulary) {
    std::vector<size_t> field_ends;  // per field with words: the end of its words
    Tokens tokens;
    for (std::string_view field : texts) {
      tokens.Clear();
      Tokenize(field, tokens);
      if (tokens.list.empty()) continue;
      for (const Token& t : tokens.list) words_.push_back(vocabulary.Intern(tokens, t));
      field_ends.push_back(words_.size());
    }
    const size_t n = words_.size();
    present_.assign(vocabulary.size(), 0);
    for (int w : words_) present_[static_cast<size_t>(w)] = 1;
    field_lengths_.assign(vocabulary.size(), 0);
    size_t start = 0;
    for (size_t end : field_ends) {
      const size_t length = end - start;
      if (length <= kMaxFieldWords) {  // longer fields match as runs of 3+ words
        field_lengths_[static_cast<size_t>(words_[start])] |= uint64_t{1} << (length - 1);
        uint64_t h = kHashSeed;
        for (size_t k = 0; k < length; ++k) h = Mix(h, words_[start + k]);
        fields_.At(Mix(h, static_cast<int>(length)), 1);
      }
      start = end;
    }
    // Each position links to the next one that starts the same three words, in order.
    trigram_next_.assign(n, -1);
    std::vector<int> last(n, -1);  // per first position of three words: their latest position
    for (size_t i = 0; i + 1 < n; ++i) {
      bigrams_.At(Key(words_[i], words_[i + 1], -1), 1);
      if (i + 2 >= n) continue;
      uint32_t first =
          trigram_first_.At(Key(words_[i], words_[i + 1], words_[i + 2]), static_cast<uint32_t>(i));
      int& tail = last[first];
      if (tail >= 0) trigram_next_[static_cast<size_t>(tail)] = static_cast<int>(i);
      tail = static_cast<int>(i);
    }
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

  std::vector<int> words_;
  std::vector<char> present_;            // per vocabulary id: the word is in this index
  std::vector<uint64_t> field_lengths_;  // per first word: bit L-1 set when a field has L words
  FlatMap fields_;                       // each short field's words and length
  FlatMap bigrams_;                      // each pair of adjacent words
  FlatMap trigram_first_;                // per three adjacent words: the first position
  std::vector<int> trigram_next_;        // per position: the next with the same three words, or -1
};

// A level code as a document may write it, with a space between its letters and its number
// ("IC 3a" for the code IC3a, which readers build from "Engineer II (IC 3a)"), or "" when the
// code is not letters then a digit.
std::string SpacedCode(std::string_view code) {
  size_t letters = 0;
  while (letters < code.size() && std::isalpha(static_cast<unsigned char>(code[letters])))
    ++letters;
  if (letters == 0 || letters == code.size() ||
      !std::isdigit(static_cast<unsigned char>(code[letters])))
    return "";
  return std::string(code.substr(0, letters)) + " " + std::string(code.substr(letters));
}

// The code L2 (or L2a) as a document spells it out: "Level 2" ("Level 2a"); "" for other codes.
std::string LevelWordCode(std::string_view code) {
  if (code.size() < 2 || code[0] != 'L' || !std::isdigit(static_cast<unsigned char>(code[1])))
    return "";
  return "Level " + std::string(code.substr(1));
}

// The fields of the structure and of the notes (coverage.h), as views into `f` and, for the
// spellings of level codes a document may use, into `spelled` (which must outlive them; null:
// the framework's own fields only).
std::vector<std::string_view> StructureFields(const model::Framework& f,
                                              std::deque<std::string>* spelled) {
  std::vector<std::string_view> out;
  Add(out, f.name);
  Add(out, f.jd_template);
  for (const std::string& link : f.allow_links) Add(out, link);
  for (const std::string& who : f.waivers.by) Add(out, who);
  for (const std::string& never : f.waivers.never) Add(out, never);
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
      if (spelled != nullptr) {
        Add(out, spelled->emplace_back(SpacedCode(l.code)));
        Add(out, spelled->emplace_back(LevelWordCode(l.code)));
      }
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

std::vector<std::string_view> NoteFields(const model::Framework& f) {
  std::vector<std::string_view> out;
  Add(out, f.description);
  for (const auto& n : f.notes) {
    Add(out, n.title);
    Add(out, n.markdown);
  }
  return out;
}

}  // namespace

std::vector<std::string> CoverageWords(std::string_view text) {
  Tokens tokens;
  Tokenize(text, tokens);
  std::vector<std::string> words;
  words.reserve(tokens.list.size());
  for (const Token& t : tokens.list) words.emplace_back(tokens.Word(t));
  return words;
}

std::vector<std::string> StructureTexts(const model::Framework& f) {
  std::vector<std::string_view> fields = StructureFields(f, nullptr);
  return {fields.begin(), fields.end()};
}

std::vector<std::string> NoteTexts(const model::Framework& f) {
  std::vector<std::string_view> fields = NoteFields(f);
  return {fields.begin(), fields.end()};
}

std::vector<std::string> FrameworkTexts(const model::Framework& f) {
  std::vector<std::string> out = StructureTexts(f);
  for (std::string& t : NoteTexts(f)) out.push_back(std::move(t));
  return out;
}

Coverage MeasureCoverage(const std::vector<Passage>& source, const model::Framework& framework) {
  // Words are matched against the structure first (levels, competencies, behaviours,
  // requirements, roles); what is left against the notes; the rest was not imported.
  Vocabulary vocabulary;
  std::deque<std::string> spelled;
  const FrameworkIndex structure(StructureFields(framework, &spelled), vocabulary);
  const FrameworkIndex notes(NoteFields(framework), vocabulary);
  Coverage coverage;
  Tokens tokens;
  std::vector<int> words;  // per token: its id in the vocabulary, or -1
  std::vector<int> ids;
  std::vector<char> found;  // per token: 0 not imported, 1 structure, 2 notes
  auto mark = [&](const FrameworkIndex& index, char as) {
    ids.clear();
    for (int w : words) ids.push_back(index.Find(w));
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
    tokens.Clear();
    Tokenize(passage.text, tokens);
    if (tokens.list.empty()) continue;
    coverage.source_words += static_cast<int>(tokens.list.size());
    words.clear();
    for (const Token& t : tokens.list) words.push_back(vocabulary.Find(tokens, t));
    found.assign(tokens.list.size(), 0);
    mark(structure, 1);
    if (std::find(found.begin(), found.end(), 0) != found.end()) mark(notes, 2);
    size_t missing_from = std::string::npos;
    auto flush = [&](size_t until) {  // reports tokens [missing_from, until)
      if (missing_from == std::string::npos) return;
      size_t begin = tokens.list[missing_from].begin;
      size_t end = tokens.list[until - 1].end;
      int line = passage.line +
                 static_cast<int>(std::count(
                     passage.text.begin(), passage.text.begin() + static_cast<long>(begin), '\n'));
      coverage.not_imported.push_back(
          {line, text::CollapseSpace(std::string_view(passage.text).substr(begin, end - begin)),
           passage.file});
      missing_from = std::string::npos;
    };
    for (size_t k = 0; k < tokens.list.size(); ++k) {
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
    flush(tokens.list.size());
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
        size_t text_at = l.find_first_not_of('#');  // none in a line of only '#'
        std::string_view h = text_at == std::string_view::npos ? "" : text::Trim(l.substr(text_at));
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
