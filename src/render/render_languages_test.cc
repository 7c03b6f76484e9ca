// The pages of a framework in the languages of its translations: paths, `lang`, the language
// switcher, texts shown in the source language marked with its `lang`, and search per language.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model/testing/small_framework.h"
#include "model/translation.h"
#include "render/site.h"
#include "storage/types.h"

namespace ladder::render {
namespace {

// `word` as search snippets mark a match.
std::string Marked(const std::string& word) {
  return std::string(storage::kMatchOpen) + word + std::string(storage::kMatchClose);
}

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

model::Framework Spanish() {
  model::Framework fw = model::testing::SmallFramework();
  fw.status = model::FrameworkStatus::kPublished;
  model::Translation es;
  es.language = "es";
  auto add = [&](std::string at, const std::string& source, std::string text) {
    es.texts.push_back({std::move(at), model::Fingerprint(source), std::move(text), {}});
  };
  add("framework.name", fw.name, "Operaciones de campo");
  add("competencies.repair.name", "Repair work", "Reparaciones");
  add("tracks.ic.levels.T1.title", "Technician", "Técnico");
  add("tracks.ic.levels.T1.expectations.repair.behaviours[0]",
      "Completes routine repairs from a checklist", "Hace reparaciones rutinarias con una lista");
  add("notes[0].markdown", fw.notes[0].markdown, "Habla con tu **responsable**.");
  fw.translations = {es};
  return fw;
}

std::unique_ptr<Site> Built(model::Framework fw) {
  std::vector<model::Framework> all;
  all.push_back(std::move(fw));
  Result<std::unique_ptr<Site>> site = Site::Build(std::move(all));
  EXPECT_TRUE(site) << site.error().ToString();
  return std::move(*site);
}

std::string Body(const Site& site, const std::string& path) {
  Result<Page> page = site.Render(path);
  EXPECT_TRUE(page) << path << ": " << (page ? "" : page.error().ToString());
  return page ? page->body : std::string();
}

TEST(SiteLanguages, EveryTranslationHasItsFrameworkAndLevelPages) {
  std::unique_ptr<Site> site = Built(Spanish());
  std::vector<std::string> paths = site->Paths();
  EXPECT_THAT(paths, Contains("f/field-ops/index.es.html"));
  EXPECT_THAT(paths, Contains("f/field-ops/ic/t1.es.html"));
  EXPECT_THAT(paths, Contains("f/field-ops/mgmt/s1.es.html"));
  EXPECT_THAT(paths, Not(Contains("f/field-ops/tracks.es.html")));  // in the source language
  EXPECT_FALSE(site->Render("f/field-ops/index.fr.html"));
}

TEST(SiteLanguages, TranslatedPagesCarryTheirLanguageAndMarkFallbacks) {
  std::unique_ptr<Site> site = Built(Spanish());
  std::string es = Body(*site, "f/field-ops/index.es.html");
  EXPECT_THAT(es, HasSubstr("<html lang=\"es\">"));
  EXPECT_THAT(es, HasSubstr("<h1>Operaciones de campo</h1>"));
  EXPECT_THAT(es, HasSubstr("<th scope=\"row\">Reparaciones"));
  EXPECT_THAT(es,
              HasSubstr("<th scope=\"row\"><span lang=\"en\" class=\"fallback\">Safety</span>"));
  EXPECT_THAT(es, HasSubstr("<p>Habla con tu <strong>responsable</strong>.</p>"));
  // Block Markdown in the source language is a block marked as such.
  EXPECT_THAT(es, HasSubstr("<div lang=\"en\" class=\"fallback\"><p>Carries out routine repairs "
                            "with guidance.</p>\n</div>"));
  // Marks never end up inside a tag or the title, and no mark is left over.
  EXPECT_THAT(es, HasSubstr("<title>Operaciones de campo · Ladder</title>"));
  EXPECT_THAT(es, HasSubstr("aria-label=\"Operaciones de campo\""));
  for (char mark : {'\x0E', '\x0F', '\x1C', '\x1D'})
    EXPECT_EQ(es.find(mark), std::string::npos) << int(mark);
  // The switcher: links in every language, the current one marked; the level links stay in
  // the language.
  EXPECT_THAT(es, HasSubstr("<nav class=\"lang-switch\" aria-label=\"Language\">"));
  EXPECT_THAT(es, HasSubstr("<a href=\"../../f/field-ops/index.html\" hreflang=\"en\" "
                            "lang=\"en\">English</a>"));
  EXPECT_THAT(es, HasSubstr("<span aria-current=\"page\" lang=\"es\">Español</span>"));
  EXPECT_THAT(es, HasSubstr("href=\"../../f/field-ops/ic/t1.es.html\""));
  EXPECT_THAT(es, HasSubstr("texts are not translated yet"));
  EXPECT_THAT(es, HasSubstr("href=\"../../search.html?lang=es\""));

  std::string en = Body(*site, "f/field-ops/index.html");
  EXPECT_THAT(en, HasSubstr("<html lang=\"en\">"));
  EXPECT_THAT(en, HasSubstr("<h1>Field Operations</h1>"));
  EXPECT_THAT(en, HasSubstr("<a href=\"../../f/field-ops/index.es.html\" hreflang=\"es\" "
                            "lang=\"es\">Español</a>"));
  EXPECT_THAT(en, Not(HasSubstr("class=\"fallback\"")));
}

TEST(SiteLanguages, LevelPagesSwitchToTheSameLevel) {
  std::unique_ptr<Site> site = Built(Spanish());
  std::string es = Body(*site, "f/field-ops/ic/t1.es.html");
  EXPECT_THAT(es, HasSubstr("<html lang=\"es\">"));
  EXPECT_THAT(es, HasSubstr("T1 · Técnico"));
  EXPECT_THAT(es, HasSubstr("Hace reparaciones rutinarias con una lista"));
  EXPECT_THAT(es, HasSubstr("<span lang=\"en\" class=\"fallback\">Logs every job in the "
                            "tracker</span>"));
  EXPECT_THAT(es, HasSubstr("<a href=\"../../../f/field-ops/ic/t1.html\" hreflang=\"en\""));
  // The neighbouring levels stay in Spanish; the level's documents are the source's.
  EXPECT_THAT(es, HasSubstr("href=\"../../../f/field-ops/ic/t2.es.html\" rel=\"next\""));
  EXPECT_THAT(es, HasSubstr("href=\"../../../f/field-ops/ic/t1/job-description.html\""));
  std::string en = Body(*site, "f/field-ops/ic/t1.html");
  EXPECT_THAT(en, HasSubstr("<a href=\"../../../f/field-ops/ic/t1.es.html\" hreflang=\"es\""));
}

TEST(SiteLanguages, AFrameworkInOneLanguageHasNoSwitcher) {
  model::Framework fw = model::testing::SmallFramework();
  fw.language = "sv";
  std::unique_ptr<Site> site = Built(fw);
  std::string page = Body(*site, "f/field-ops/index.html");
  EXPECT_THAT(page, HasSubstr("<html lang=\"sv\">"));
  EXPECT_THAT(page, Not(HasSubstr("lang-switch")));
}

TEST(SiteLanguages, SearchFindsTranslatedTextsAndFoldsPerLanguage) {
  std::unique_ptr<Site> site = Built(Spanish());
  std::vector<SearchHit> hits = site->Search("REPARACIÓNES rutinárias");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].url, "f/field-ops/ic/t1.es.html#c-repair");
  EXPECT_THAT(hits[0].snippet, HasSubstr(Marked("reparaciones")));
  // Texts shown in the source language are found on the source's pages only.
  for (const SearchHit& h : site->Search("tracker")) EXPECT_THAT(h.url, Not(HasSubstr(".es.")));

  model::Framework sv = model::testing::SmallFramework();
  sv.id = "sv";
  sv.language = "sv";
  sv.notes[0].markdown = "Årsbonusen betalas i mars.";
  std::unique_ptr<Site> swedish = Built(sv);
  EXPECT_EQ(swedish->Search("arsbonusen").size(), 1u);            // every accent folded
  EXPECT_EQ(swedish->Search("arsbonusen", 50, "sv").size(), 0u);  // å is a letter of its own
  std::vector<SearchHit> own = swedish->Search("ÅRSBONUSEN", 50, "sv");
  ASSERT_EQ(own.size(), 1u);
  EXPECT_THAT(own[0].snippet, HasSubstr(Marked("Årsbonusen")));  // the whole word
}

}  // namespace
}  // namespace ladder::render
