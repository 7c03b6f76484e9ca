#include "storage/search_text.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "base/text.h"
#include "base/unicode.h"
#include "storage/search_query.h"
#include "storage/types.h"

namespace ladder::storage::internal {
namespace {

using namespace std::literals;

// Letters and digits are word characters; punctuation, symbols, arrows, emoji and their
// joiners separate words.
bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) != 0;
  if (cp < 0xC0) return false;                 // Latin-1 controls and punctuation
  if (cp == 0xD7 || cp == 0xF7) return false;  // × ÷
  if (cp >= 0x2000 && cp < 0x2C00) return false;
  if (cp >= 0x3000 && cp < 0x3040) return false;
  if (cp >= 0xFE00 && cp < 0xFE10) return false;
  if (cp >= 0xFF00 && cp < 0xFF10) return false;
  if (cp >= 0x1F000 && cp < 0x1FB00) return false;
  return true;
}

// The Porter stemmer (M.F. Porter, 1980), following his reference C implementation.
class Porter {
 public:
  explicit Porter(std::string word) : b_(std::move(word)), k_(static_cast<int>(b_.size()) - 1) {}

  std::string Stem() {
    if (k_ <= 1) return b_;
    Step1ab();
    if (k_ > 0) {
      Step1c();
      Step2();
      Step3();
      Step4();
      Step5();
    }
    return b_.substr(0, k_ + 1);
  }

 private:
  bool Cons(int i) const {
    switch (b_[i]) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
        return false;
      case 'y':
        return i == 0 ? true : !Cons(i - 1);
      default:
        return true;
    }
  }
  // The number of consonant sequences between 0 and j.
  int M() const {
    int n = 0, i = 0;
    while (true) {
      if (i > j_) return n;
      if (!Cons(i)) break;
      ++i;
    }
    ++i;
    while (true) {
      while (true) {
        if (i > j_) return n;
        if (Cons(i)) break;
        ++i;
      }
      ++i;
      ++n;
      while (true) {
        if (i > j_) return n;
        if (!Cons(i)) break;
        ++i;
      }
      ++i;
    }
  }
  bool VowelInStem() const {
    for (int i = 0; i <= j_; ++i)
      if (!Cons(i)) return true;
    return false;
  }
  bool DoubleC(int j) const { return j >= 1 && b_[j] == b_[j - 1] && Cons(j); }
  bool Cvc(int i) const {
    if (i < 2 || !Cons(i) || Cons(i - 1) || !Cons(i - 2)) return false;
    char ch = b_[i];
    return ch != 'w' && ch != 'x' && ch != 'y';
  }
  bool Ends(std::string_view s) {
    int len = static_cast<int>(s.size());
    if (len > k_ + 1) return false;
    if (std::string_view(b_).substr(k_ - len + 1, len) != s) return false;
    j_ = k_ - len;
    return true;
  }
  void SetTo(std::string_view s) {
    b_.replace(j_ + 1, k_ - j_, s);
    k_ = j_ + static_cast<int>(s.size());
    b_.resize(k_ + 1);
  }
  void R(std::string_view s) {
    if (M() > 0) SetTo(s);
  }

  void Step1ab() {
    if (b_[k_] == 's') {
      if (Ends("sses")) {
        k_ -= 2;
      } else if (Ends("ies")) {
        SetTo("i");
      } else if (b_[k_ - 1] != 's') {
        --k_;
      }
      b_.resize(k_ + 1);
    }
    if (Ends("eed")) {
      if (M() > 0) --k_;
    } else if ((Ends("ed") || Ends("ing")) && VowelInStem()) {
      k_ = j_;
      b_.resize(k_ + 1);
      if (Ends("at")) {
        SetTo("ate");
      } else if (Ends("bl")) {
        SetTo("ble");
      } else if (Ends("iz")) {
        SetTo("ize");
      } else if (DoubleC(k_)) {
        --k_;
        char ch = b_[k_];
        if (ch == 'l' || ch == 's' || ch == 'z') ++k_;
      } else if (j_ = k_; M() == 1 && Cvc(k_)) {
        SetTo("e");
      }
    }
    b_.resize(k_ + 1);
  }
  void Step1c() {
    if (Ends("y") && VowelInStem()) b_[k_] = 'i';
  }
  void Step2() {
    if (k_ < 1) return;
    switch (b_[k_ - 1]) {
      case 'a':
        if (Ends("ational"))
          R("ate");
        else if (Ends("tional"))
          R("tion");
        break;
      case 'c':
        if (Ends("enci"))
          R("ence");
        else if (Ends("anci"))
          R("ance");
        break;
      case 'e':
        if (Ends("izer")) R("ize");
        break;
      case 'l':
        if (Ends("bli"))
          R("ble");
        else if (Ends("alli"))
          R("al");
        else if (Ends("entli"))
          R("ent");
        else if (Ends("eli"))
          R("e");
        else if (Ends("ousli"))
          R("ous");
        break;
      case 'o':
        if (Ends("ization"))
          R("ize");
        else if (Ends("ation"))
          R("ate");
        else if (Ends("ator"))
          R("ate");
        break;
      case 's':
        if (Ends("alism"))
          R("al");
        else if (Ends("iveness"))
          R("ive");
        else if (Ends("fulness"))
          R("ful");
        else if (Ends("ousness"))
          R("ous");
        break;
      case 't':
        if (Ends("aliti"))
          R("al");
        else if (Ends("iviti"))
          R("ive");
        else if (Ends("biliti"))
          R("ble");
        break;
      case 'g':
        if (Ends("logi")) R("log");
        break;
      default:
        break;
    }
  }
  void Step3() {
    switch (b_[k_]) {
      case 'e':
        if (Ends("icate"))
          R("ic");
        else if (Ends("ative"))
          R("");
        else if (Ends("alize"))
          R("al");
        break;
      case 'i':
        if (Ends("iciti")) R("ic");
        break;
      case 'l':
        if (Ends("ical"))
          R("ic");
        else if (Ends("ful"))
          R("");
        break;
      case 's':
        if (Ends("ness")) R("");
        break;
      default:
        break;
    }
  }
  void Step4() {
    if (k_ < 1) return;
    bool found = false;
    switch (b_[k_ - 1]) {
      case 'a':
        found = Ends("al");
        break;
      case 'c':
        found = Ends("ance") || Ends("ence");
        break;
      case 'e':
        found = Ends("er");
        break;
      case 'i':
        found = Ends("ic");
        break;
      case 'l':
        found = Ends("able") || Ends("ible");
        break;
      case 'n':
        found = Ends("ant") || Ends("ement") || Ends("ment") || Ends("ent");
        break;
      case 'o':
        found = (Ends("ion") && j_ >= 0 && (b_[j_] == 's' || b_[j_] == 't')) || Ends("ou");
        break;
      case 's':
        found = Ends("ism");
        break;
      case 't':
        found = Ends("ate") || Ends("iti");
        break;
      case 'u':
        found = Ends("ous");
        break;
      case 'v':
        found = Ends("ive");
        break;
      case 'z':
        found = Ends("ize");
        break;
      default:
        break;
    }
    if (found && M() > 1) {
      k_ = j_;
      b_.resize(k_ + 1);
    }
  }
  void Step5() {
    j_ = k_;
    if (b_[k_] == 'e') {
      int a = M();
      if (a > 1 || (a == 1 && !Cvc(k_ - 1))) --k_;
    }
    if (b_[k_] == 'l' && DoubleC(k_) && M() > 1) --k_;
    b_.resize(k_ + 1);
  }

  std::string b_;
  int k_ = 0;
  int j_ = 0;
};

// The positions where `seq` starts in `tokens`.
std::vector<std::size_t> Occurrences(const std::vector<Token>& tokens,
                                     const std::vector<std::string>& seq) {
  std::vector<std::size_t> out;
  if (seq.empty() || tokens.size() < seq.size()) return out;
  for (std::size_t i = 0; i + seq.size() <= tokens.size(); ++i) {
    bool all = true;
    for (std::size_t k = 0; k < seq.size() && all; ++k) all = tokens[i + k].term == seq[k];
    if (all) out.push_back(i);
  }
  return out;
}

// Marks the matched words of `text` inside the best window of `words` tokens.
std::string Snippet(std::string_view text, const std::vector<Token>& tokens,
                    const std::vector<bool>& matched, std::size_t words) {
  std::size_t n = tokens.size();
  std::size_t w = std::min(words, n);
  // The windows with the most matched words; of those, the one that centres them best (the
  // earliest when several do).
  std::vector<std::size_t> counts;
  std::size_t count = 0, best_count = 0;
  for (std::size_t i = 0; i < w; ++i) count += matched[i];
  counts.push_back(count);
  for (std::size_t s = 1; s + w <= n; ++s) {
    count += matched[s + w - 1];
    count -= matched[s - 1];
    counts.push_back(count);
  }
  best_count = *std::max_element(counts.begin(), counts.end());
  std::size_t best = 0, best_skew = static_cast<std::size_t>(-1);
  for (std::size_t s = 0; s < counts.size(); ++s) {
    if (counts[s] != best_count) continue;
    std::size_t first = s, last = s + w - 1;
    while (first < last && !matched[first]) ++first;
    while (last > first && !matched[last]) --last;
    std::size_t before = first - s, after = s + w - 1 - last;
    std::size_t skew = before > after ? before - after : after - before;
    if (skew < best_skew) {
      best_skew = skew;
      best = s;
    }
  }
  std::size_t end = best + w;  // exclusive
  std::size_t from = best == 0 ? 0 : tokens[best].begin;
  std::size_t to = end == n ? text.size() : tokens[end - 1].end;
  std::string out = best == 0 ? "" : "…";
  std::size_t at = from;
  for (std::size_t i = best; i < end; ++i) {
    if (!matched[i]) continue;
    out += text.substr(at, tokens[i].begin - at);
    out += kMatchOpen;
    out += text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    out += kMatchClose;
    at = tokens[i].end;
  }
  out += text.substr(at, to - at);
  if (end != n) out += "…";
  return out;
}

}  // namespace

std::string FoldWord(std::string_view word, std::string_view language) {
  return text::FoldForSearch(word, language);
}

std::string PorterStem(std::string_view word) {
  if (word.size() < 3) return std::string(word);
  for (char c : word)
    if (c < 'a' || c > 'z') return std::string(word);
  return Porter(std::string(word)).Stem();
}

std::vector<Token> Tokenize(std::string_view text, std::string_view language) {
  std::vector<Token> out;
  std::size_t i = 0, start = 0;
  bool in_word = false;
  auto finish = [&](std::size_t end) {
    out.push_back({PorterStem(FoldWord(text.substr(start, end - start), language)), start, end});
    in_word = false;
  };
  while (i < text.size()) {
    std::size_t len = 1;
    char32_t cp = text::DecodeUtf8(text, i, &len);  // invalid bytes: 0, a separator
    bool word = cp != 0 && IsWordChar(cp);
    if (word && !in_word) {
      start = i;
      in_word = true;
    } else if (!word && in_word) {
      finish(i);
    }
    i += len;
  }
  if (in_word) finish(text.size());
  return out;
}

std::string IndexTerms(std::string_view title, std::string_view body) {
  std::string out;
  for (std::string_view part : {title, body})
    for (const Token& t : Tokenize(part)) {
      if (!out.empty()) out += ' ';
      out += t.term;
    }
  return out;
}

QueryTerms QueryTermsOf(std::string_view query, std::string_view language) {
  QueryTerms out;
  for (const std::string& term : ParseSearchQuery(query).terms) {
    std::vector<std::string> seq;
    for (const Token& t : Tokenize(term, language)) seq.push_back(t.term);
    if (!seq.empty()) out.push_back(std::move(seq));
  }
  return out;
}

std::vector<std::string> DistinctStems(const QueryTerms& terms) {
  std::vector<std::string> out;
  for (const auto& seq : terms)
    for (const auto& s : seq)
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  return out;
}

PassageMatch MatchPassage(const QueryTerms& terms, std::string_view title, std::string_view body,
                          std::size_t snippet_words, std::string_view language) {
  PassageMatch m;
  std::vector<Token> tt = Tokenize(title, language), bt = Tokenize(body, language);
  m.title_length = tt.size();
  m.body_length = bt.size();
  std::vector<bool> title_hit(tt.size()), body_hit(bt.size());
  m.matches = !terms.empty();
  for (const auto& seq : terms) {
    auto in_title = Occurrences(tt, seq), in_body = Occurrences(bt, seq);
    m.title_tf.push_back(static_cast<int>(in_title.size()));
    m.body_tf.push_back(static_cast<int>(in_body.size()));
    if (in_title.empty() && in_body.empty()) m.matches = false;
    for (std::size_t at : in_title)
      for (std::size_t k = 0; k < seq.size(); ++k) title_hit[at + k] = true;
    for (std::size_t at : in_body)
      for (std::size_t k = 0; k < seq.size(); ++k) body_hit[at + k] = true;
  }
  if (!m.matches) return m;
  bool body_matched = std::find(body_hit.begin(), body_hit.end(), true) != body_hit.end();
  m.snippet = body_matched ? Snippet(body, bt, body_hit, snippet_words)
                           : Snippet(title, tt, title_hit, snippet_words);
  return m;
}

double Bm25(const PassageMatch& m, double avg_title, double avg_body) {
  constexpr double k1 = 1.2, b = 0.75;
  auto part = [&](int tf, double len, double avg) {
    if (tf == 0) return 0.0;
    double norm = avg > 0 ? len / avg : 1.0;
    return tf * (k1 + 1) / (tf + k1 * (1 - b + b * norm));
  };
  double score = 0;
  for (std::size_t i = 0; i < m.title_tf.size(); ++i)
    score += 2.0 * part(m.title_tf[i], static_cast<double>(m.title_length), avg_title) +
             part(m.body_tf[i], static_cast<double>(m.body_length), avg_body);
  return score;
}

}  // namespace ladder::storage::internal
