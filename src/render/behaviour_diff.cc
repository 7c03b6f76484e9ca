#include "render/behaviour_diff.h"

#include <algorithm>

#include "base/text.h"

namespace ladder::render {
namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  for (std::string& w : text::Split(text::CollapseSpace(s), ' '))
    if (!w.empty()) words.push_back(std::move(w));
  return words;
}

// Longest-common-subsequence table of two word lists; lcs[i][j] is the LCS of a[i..], b[j..].
std::vector<std::vector<int>> LcsTable(const std::vector<std::string>& a,
                                       const std::vector<std::string>& b) {
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;)
    for (size_t j = b.size(); j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  return lcs;
}

void Append(std::vector<WordPiece>& pieces, WordPiece::Kind kind, const std::string& word) {
  if (!pieces.empty() && pieces.back().kind == kind) {
    pieces.back().text += ' ';
    pieces.back().text += word;
  } else {
    pieces.push_back({kind, word});
  }
}

std::string Normalised(std::string_view s) {
  return std::string(text::Trim(text::CollapseSpace(s)));
}

}  // namespace

std::vector<WordPiece> WordDiff(std::string_view before, std::string_view after) {
  std::vector<std::string> a = Words(before), b = Words(after);
  std::vector<std::vector<int>> lcs = LcsTable(a, b);
  std::vector<WordPiece> pieces;
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      Append(pieces, WordPiece::Kind::kSame, a[i++]);
      ++j;
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      Append(pieces, WordPiece::Kind::kRemoved, a[i++]);  // removed words read first
    } else {
      Append(pieces, WordPiece::Kind::kAdded, b[j++]);
    }
  }
  return pieces;
}

double WordSimilarity(std::string_view a, std::string_view b) {
  std::vector<std::string> wa = Words(a), wb = Words(b);
  if (wa.empty() && wb.empty()) return 1.0;
  std::vector<std::vector<int>> lcs = LcsTable(wa, wb);
  return 2.0 * lcs[0][0] / static_cast<double>(wa.size() + wb.size());
}

std::vector<BehaviourChange> DiffBehaviours(const std::vector<std::string>& before,
                                            const std::vector<std::string>& after) {
  std::vector<std::string> a, b;
  for (const std::string& s : before) a.push_back(Normalised(s));
  for (const std::string& s : after) b.push_back(Normalised(s));
  std::vector<bool> a_used(a.size(), false);
  std::vector<int> match(b.size(), -1);
  // Exact matches first, so that a reworded duplicate never steals an identical one.
  for (size_t j = 0; j < b.size(); ++j) {
    for (size_t i = 0; i < a.size(); ++i) {
      if (!a_used[i] && a[i] == b[j]) {
        a_used[i] = true;
        match[j] = static_cast<int>(i);
        break;
      }
    }
  }
  std::vector<bool> reworded(b.size(), false);
  for (size_t j = 0; j < b.size(); ++j) {
    if (match[j] >= 0) continue;
    double best = kRewordSimilarity;
    int best_i = -1;
    for (size_t i = 0; i < a.size(); ++i) {
      if (a_used[i]) continue;
      double sim = WordSimilarity(a[i], b[j]);
      if (sim >= best) {
        if (sim > best || best_i < 0) best_i = static_cast<int>(i);
        best = sim;
      }
    }
    if (best_i >= 0) {
      a_used[best_i] = true;
      match[j] = best_i;
      reworded[j] = true;
    }
  }
  std::vector<BehaviourChange> out;
  for (size_t j = 0; j < b.size(); ++j) {
    if (match[j] < 0) {
      out.push_back({Change::kAdded, "", after[j], {}});
    } else if (reworded[j]) {
      out.push_back({Change::kChanged, before[match[j]], after[j], WordDiff(a[match[j]], b[j])});
    } else {
      out.push_back({Change::kSame, before[match[j]], after[j], {}});
    }
  }
  for (size_t i = 0; i < a.size(); ++i)
    if (!a_used[i]) out.push_back({Change::kRemoved, before[i], "", {}});
  return out;
}

}  // namespace ladder::render
