#include "storage/search_query.h"

#include <cctype>

#include "base/text.h"

namespace ladder::storage::internal {
namespace {

// Keeps letters, digits and non-ASCII bytes (UTF-8 letters); everything else separates words.
bool IsWordByte(unsigned char c) { return c >= 0x80 || std::isalnum(c); }

void AddWords(std::string_view part, std::vector<std::string>& words) {
  std::string word;
  for (unsigned char c : part) {
    if (IsWordByte(c)) {
      word += static_cast<char>(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
}

}  // namespace

ParsedQuery ParseSearchQuery(std::string_view query) {
  ParsedQuery out;
  size_t i = 0;
  while (i < query.size()) {
    if (query[i] == '"') {
      size_t end = query.find('"', i + 1);
      std::string_view inner =
          query.substr(i + 1, end == std::string_view::npos ? std::string_view::npos : end - i - 1);
      std::vector<std::string> words;
      AddWords(inner, words);
      if (!words.empty()) out.terms.push_back(text::Join(words, " "));
      i = end == std::string_view::npos ? query.size() : end + 1;
    } else {
      size_t end = query.find('"', i);
      std::string_view plain =
          query.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
      // Words joined by punctuation ("on-call", "case/code") are a phrase; spaces separate.
      size_t k = 0;
      while (k < plain.size()) {
        size_t stop = k;
        while (stop < plain.size() && !std::isspace(static_cast<unsigned char>(plain[stop])))
          ++stop;
        std::vector<std::string> words;
        AddWords(plain.substr(k, stop - k), words);
        if (!words.empty()) out.terms.push_back(text::Join(words, " "));
        k = stop + 1;
      }
      i = end == std::string_view::npos ? query.size() : end;
    }
  }
  return out;
}

}  // namespace ladder::storage::internal
