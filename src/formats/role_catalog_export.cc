#include "formats/role_catalog_export.h"

#include <algorithm>
#include <map>

#include "base/text.h"
#include "formats/role_catalog_reader.h"

namespace ladder::formats {
namespace {

void Items(std::string& out, std::string_view label, const std::vector<std::string>& items) {
  if (items.empty()) return;
  out += std::string(label) + ":\n";
  for (const std::string& i : items) out += "- " + OneLine(i) + "\n";
}

// The order the reader gives: families by first appearance, then seniority.
std::vector<const model::RoleProfile*> InReadingOrder(const model::Framework& fw) {
  std::map<std::string, size_t> family_order;
  for (const model::RoleProfile& r : fw.roles) {
    std::string family = ParseRoleTitle(r.title).family;
    family_order.emplace(family, family_order.size());
  }
  std::vector<const model::RoleProfile*> roles;
  for (const model::RoleProfile& r : fw.roles) roles.push_back(&r);
  std::stable_sort(roles.begin(), roles.end(), [&](const auto* a, const auto* b) {
    RoleTitle ta = ParseRoleTitle(a->title), tb = ParseRoleTitle(b->title);
    return std::pair(family_order[ta.family], ta.rank) <
           std::pair(family_order[tb.family], tb.rank);
  });
  return roles;
}

}  // namespace

Result<LayoutExport> ExportRoleCatalog(const model::Framework& framework) {
  LADDER_TRY_STATUS(RequireRoles(framework, "role catalogue"));
  std::string out;
  size_t renamed = 0;
  for (const model::RoleProfile* r : InReadingOrder(framework)) {
    const std::string title = OneLine(r->title);
    RoleTitle parsed = ParseRoleTitle(title);
    if (parsed.family != r->family || parsed.seniority != r->seniority) ++renamed;
    if (!out.empty()) out += "\n";
    out += title + ": Role Blueprint, Responsibilities, Skills, KPIs, and Career Path\n";
    if (!r->summary.empty()) out += std::string(text::Trim(r->summary)) + "\n";
    if (!r->responsibilities.empty() || !r->skills.empty() || !r->kpis.empty() || !r->path.empty())
      out += "\n";
    Items(out, "Responsibilities", r->responsibilities);
    Items(out, "Skills", r->skills);
    Items(out, "KPIs", r->kpis);
    if (!r->path.empty()) out += "Career path: " + OneLine(r->path) + "\n";
  }
  LayoutExport result;
  result.files.push_back({"roles.txt", std::move(out)});
  LeaveOut(result.left_out, renamed,
           "roles whose family or seniority is not the one their title says (read back from "
           "the title)");
  size_t levels = 0;
  for (const model::Track& t : framework.tracks) levels += t.levels.size();
  LeaveOut(result.left_out, levels,
           "levels (export them --to levels-table, level-pages or "
           "tsv-ladder)");
  size_t notes = 0;
  for (const model::Note& n : framework.notes)
    if (!DescribesSourceLayout(framework, n)) ++notes;
  LeaveOut(result.left_out, notes, "notes");
  return result;
}

}  // namespace ladder::formats
