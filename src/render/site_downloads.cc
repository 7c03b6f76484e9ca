// The framework's exports, downloadable from its page when the site is served: canonical YAML
// and JSON, the Markdown document, CSV and the Excel workbook, each made on first request from
// the version the page shows (and then kept in the server's page cache like any published
// page). The static site leaves them out: `ladder export` writes the same files.
#include <utility>

#include "formats/canonical.h"
#include "formats/csv_export.h"
#include "formats/markdown_export.h"
#include "formats/xlsx_export.h"
#include "render/site_internal.h"

namespace ladder::render::internal {
namespace {

struct Download {
  const char* extension;
  const char* label;
  const char* content_type;
};

constexpr Download kDownloads[] = {
    {"yaml", "YAML (the framework as code)", "application/yaml; charset=utf-8"},
    {"json", "JSON", "application/json; charset=utf-8"},
    {"md", "Markdown", "text/markdown; charset=utf-8"},
    {"csv", "CSV, one row per behaviour", "text/csv; charset=utf-8"},
    {"xlsx", "Excel workbook, one sheet per track",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
};

std::string FileName(const FrameworkEntry& fe, const Download& d) {
  return fe.slug + "-" + fe.fw.version + "." + d.extension;
}

}  // namespace

Data DownloadsData(const Site::Impl& site, const FrameworkEntry& fe, const std::string& root) {
  Data list = List();
  if (site.options.static_site) return list;
  for (const Download& d : kDownloads) {
    Data item = Object();
    Set(item, "href", root + fe.Dir() + "downloads/" + FileName(fe, d));
    Set(item, "file", FileName(fe, d));
    Set(item, "label", d.label);
    Append(list, std::move(item));
  }
  return list;
}

Result<Page> DownloadPage(const Site::Impl& site, const FrameworkEntry& fe, std::string_view file) {
  auto not_found = [&] {
    return MakeError(ErrorCode::kNotFound, "no download " + std::string(file) + " of " + fe.fw.id);
  };
  if (site.options.static_site) return not_found();
  for (const Download& d : kDownloads) {
    if (file != FileName(fe, d)) continue;
    const std::string ext = d.extension;
    std::string body;
    if (ext == "yaml") body = formats::WriteYaml(fe.fw);
    if (ext == "json") body = formats::WriteJson(fe.fw);
    if (ext == "md") body = formats::ExportMarkdown(fe.fw);
    if (ext == "csv") body = formats::ExportCsv(fe.fw);
    if (ext == "xlsx") {
      LADDER_TRY(body, formats::XlsxBytes(fe.fw));
    }
    return Page{d.content_type, std::move(body), true};
  }
  return not_found();
}

}  // namespace ladder::render::internal
