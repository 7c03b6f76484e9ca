// DiffTranslations (diff.h): what changed in the translations of a framework between two
// versions, language by language and text by text.
#include <map>

#include "analysis/diff.h"

namespace ladder::analysis {

std::vector<TranslationChange> DiffTranslations(const model::Framework& before,
                                                const model::Framework& after) {
  std::vector<TranslationChange> out;
  auto find = [](const model::Framework& fw, const std::string& language) {
    for (const model::Translation& t : fw.translations)
      if (t.language == language) return &t;
    return static_cast<const model::Translation*>(nullptr);
  };
  for (const model::Translation& now : after.translations) {
    const model::Translation* then = find(before, now.language);
    if (!then) {
      out.push_back({now.language, "", ChangeKind::kAdded, std::nullopt, "", ""});
      continue;
    }
    std::map<std::string, const model::TranslatedText*> old;
    for (const model::TranslatedText& t : then->texts) old.emplace(t.at, &t);
    for (const model::TranslatedText& t : now.texts) {
      auto it = old.find(t.at);
      if (it == old.end()) {
        out.push_back({now.language, t.at, ChangeKind::kAdded,
                       TextChange{"", t.text, DiffWords("", t.text)}, "", t.source});
        continue;
      }
      const model::TranslatedText& o = *it->second;
      old.erase(it);
      if (o.text == t.text && o.source == t.source) continue;
      TranslationChange c{now.language, t.at, ChangeKind::kChanged, std::nullopt, "", ""};
      if (o.text != t.text) c.text = TextChange{o.text, t.text, DiffWords(o.text, t.text)};
      if (o.source != t.source) {
        c.source_before = o.source;
        c.source_after = t.source;
      }
      out.push_back(std::move(c));
    }
    for (const model::TranslatedText& t : then->texts)
      if (old.count(t.at))
        out.push_back({now.language, t.at, ChangeKind::kRemoved,
                       TextChange{t.text, "", DiffWords(t.text, "")}, t.source, ""});
  }
  for (const model::Translation& then : before.translations)
    if (!find(after, then.language))
      out.push_back({then.language, "", ChangeKind::kRemoved, std::nullopt, "", ""});
  return out;
}

}  // namespace ladder::analysis
