#include "model/translation.h"

#include <cstdint>
#include <set>
#include <unordered_map>

namespace ladder::model {
namespace {

// Visits every translatable text of `fw` (const or not) as visit(at, text&, origin). The one
// list of what is translatable: reading, lint and localising all follow it.
template <typename Fw, typename Visit>
void VisitTexts(Fw& fw, Visit&& visit) {
  auto text = [&](const std::string& at, auto& s, const Origin& o) {
    if (!s.empty()) visit(at, s, o);
  };
  auto list = [&](const std::string& at, auto& items, const Origin& o) {
    for (std::size_t i = 0; i < items.size(); ++i)
      text(at + "[" + std::to_string(i) + "]", items[i], o);
  };
  auto requirements = [&](const std::string& at, auto& reqs) {
    for (std::size_t i = 0; i < reqs.size(); ++i)
      text(at + "[" + std::to_string(i) + "]", reqs[i].text, reqs[i].origin);
  };
  text("framework.name", fw.name, fw.origin);
  text("framework.description", fw.description, fw.origin);
  for (auto& g : fw.groups) {
    text("groups." + g.id + ".name", g.name, g.origin);
    text("groups." + g.id + ".description", g.description, g.origin);
  }
  for (auto& c : fw.competencies) {
    text("competencies." + c.id + ".name", c.name, c.origin);
    text("competencies." + c.id + ".description", c.description, c.origin);
  }
  for (auto& t : fw.tracks) {
    const std::string track = "tracks." + t.id;
    text(track + ".name", t.name, t.origin);
    text(track + ".description", t.description, t.origin);
    for (auto& l : t.levels) {
      const std::string level = track + ".levels." + l.code;
      text(level + ".title", l.title, l.origin);
      text(level + ".summary", l.summary, l.origin);
      text(level + ".note", l.note, l.origin);
      for (auto& [key, value] : l.attributes) text(level + ".attributes." + key, value, l.origin);
      for (auto& e : l.expectations) {
        const std::string cell = level + ".expectations." + e.competency;
        text(cell + ".summary", e.summary, e.origin);
        text(cell + ".note", e.note, e.origin);
        list(cell + ".behaviours", e.behaviours, e.origin);
      }
      requirements(level + ".requirements", l.requirements);
    }
  }
  for (auto& o : fw.overlays) {
    const std::string overlay = "overlays." + o.id;
    text(overlay + ".name", o.name, o.origin);
    text(overlay + ".description", o.description, o.origin);
    list(overlay + ".duties", o.duties, o.origin);
    requirements(overlay + ".requirements", o.requirements);
  }
  for (std::size_t i = 0; i < fw.transitions.size(); ++i) {
    auto& t = fw.transitions[i];
    const std::string at = "transitions[" + std::to_string(i) + "]";
    text(at + ".description", t.description, t.origin);
    requirements(at + ".requirements", t.requirements);
  }
  requirements(std::string("policy"), fw.policy);
  for (std::size_t i = 0; i < fw.notes.size(); ++i) {
    auto& n = fw.notes[i];
    const std::string at = "notes[" + std::to_string(i) + "]";
    text(at + ".title", n.title, n.origin);
    text(at + ".markdown", n.markdown, n.origin);
  }
  for (auto& r : fw.roles) {
    const std::string role = "roles." + r.id;
    text(role + ".title", r.title, r.origin);
    text(role + ".summary", r.summary, r.origin);
    text(role + ".path", r.path, r.origin);
    list(role + ".responsibilities", r.responsibilities, r.origin);
    list(role + ".skills", r.skills, r.origin);
    list(role + ".kpis", r.kpis, r.origin);
  }
}

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The translated texts of a translation by path (the first of each path).
std::unordered_map<std::string, const TranslatedText*> ByPath(const Translation& translation) {
  std::unordered_map<std::string, const TranslatedText*> out;
  for (const TranslatedText& t : translation.texts) out.emplace(t.at, &t);
  return out;
}

}  // namespace

std::string Fingerprint(std::string_view text) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : text) {
    h ^= c;
    h *= 16777619u;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(8, '0');
  for (int i = 7; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = kHex[h & 0xF];
  return out;
}

bool IsFingerprint(std::string_view s) {
  if (s.size() != 8) return false;
  for (char c : s)
    if (!IsDigit(c) && !(c >= 'a' && c <= 'f')) return false;
  return true;
}

bool IsLanguageTag(std::string_view tag) {
  std::size_t i = 0;
  while (i < tag.size() && tag[i] >= 'a' && tag[i] <= 'z') ++i;
  if (i < 2 || i > 3) return false;
  while (i < tag.size()) {
    if (tag[i] != '-') return false;
    std::size_t start = ++i;
    while (i < tag.size() && (IsAlpha(tag[i]) || IsDigit(tag[i]))) ++i;
    if (i - start < 2 || i - start > 8) return false;
  }
  return true;
}

void ForEachText(const Framework& framework,
                 const std::function<void(const std::string& at, const std::string& text,
                                          const Origin& origin)>& visit) {
  VisitTexts(framework, visit);
}

std::vector<TextStatus> TranslationStatus(const Framework& framework,
                                          const Translation& translation) {
  auto by_path = ByPath(translation);
  std::vector<TextStatus> out;
  ForEachText(framework, [&](const std::string& at, const std::string& text, const Origin& o) {
    TextStatus s{at, TextState::kUntranslated, Fingerprint(text), nullptr, o};
    if (auto it = by_path.find(at); it != by_path.end()) {
      s.translation = it->second;
      s.state = it->second->source == s.fingerprint ? TextState::kTranslated : TextState::kStale;
    }
    out.push_back(std::move(s));
  });
  return out;
}

std::vector<const TranslatedText*> OrphanTexts(const Framework& framework,
                                               const Translation& translation) {
  std::set<std::string> paths;
  ForEachText(framework,
              [&](const std::string& at, const std::string&, const Origin&) { paths.insert(at); });
  std::vector<const TranslatedText*> out;
  for (const TranslatedText& t : translation.texts)
    if (!paths.count(t.at)) out.push_back(&t);
  return out;
}

const Translation* FindTranslation(const Framework& framework, std::string_view language) {
  for (const Translation& t : framework.translations)
    if (t.language == language) return &t;
  return nullptr;
}

std::vector<std::string> Languages(const Framework& framework) {
  std::vector<std::string> out = {framework.language};
  for (const Translation& t : framework.translations) out.push_back(t.language);
  return out;
}

Result<Localized> Localize(const Framework& framework, std::string_view language,
                           const std::function<std::string(const std::string&)>& fallback) {
  Localized out{framework, 0, 0};
  out.framework.translations.clear();
  if (language == framework.language) return out;
  const Translation* translation = FindTranslation(framework, language);
  if (!translation) {
    std::string have;
    for (const std::string& l : Languages(framework)) have += (have.empty() ? "" : ", ") + l;
    return MakeError(ErrorCode::kNotFound, "framework " + framework.id + " has no language '" +
                                               std::string(language) + "' (it has: " + have + ")");
  }
  out.framework.language = std::string(language);
  auto by_path = ByPath(*translation);
  VisitTexts(out.framework, [&](const std::string& at, std::string& text, const Origin&) {
    auto it = by_path.find(at);
    if (it != by_path.end() && it->second->source == Fingerprint(text) &&
        !it->second->text.empty()) {
      text = it->second->text;
      ++out.translated;
      return;
    }
    if (fallback) text = fallback(text);
    ++out.fallback;
  });
  return out;
}

void CheckTranslations(const Framework& framework, std::vector<Error>& errors) {
  auto report = [&](const Origin& o, std::string field, std::string message) {
    errors.push_back(
        Error{ErrorCode::kInvalidArgument, std::move(message), o.where, std::move(field)});
  };
  if (!IsLanguageTag(framework.language))
    report(framework.origin, "framework.language",
           "'" + framework.language + "' is not a language tag (such as en, es or pt-BR)");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < framework.translations.size(); ++i) {
    const Translation& t = framework.translations[i];
    const std::string field = "translations." + t.language;
    if (!IsLanguageTag(t.language))
      report(t.origin, "translations[" + std::to_string(i) + "].language",
             "'" + t.language + "' is not a language tag (such as en, es or pt-BR)");
    if (t.language == framework.language)
      report(t.origin, field,
             "a translation into the framework's own language (" + t.language +
                 "); the framework's texts are already in it");
    if (!seen.insert(t.language).second)
      report(t.origin, field, "the language " + t.language + " is translated twice");
    std::set<std::string> paths;
    for (const TranslatedText& text : t.texts) {
      if (!IsFingerprint(text.source))
        report(text.origin, field + "." + text.at + ".source",
               "'" + text.source +
                   "' is not a fingerprint (8 hex digits, as `ladder lint` prints for an "
                   "untranslated text)");
      if (!paths.insert(text.at).second)
        report(text.origin, field + "." + text.at, text.at + " is translated twice");
    }
  }
}

}  // namespace ladder::model
