#include "formats/zip_archive.h"

#include <zip.h>

#include <algorithm>

namespace ladder::formats {

struct ZipArchive::State {
  zip_t* zip = nullptr;
  std::string name;
  size_t total_read = 0;  // decompressed bytes read so far, all entries together
  ~State() {
    if (zip) zip_discard(zip);
  }
};

namespace {

constexpr size_t kChunk = 64 * 1024;

Error ZipError(ErrorCode code, const std::string& file, std::string message) {
  return Error{code, std::move(message), SourceLocation{file, 0, 0}, {}};
}

std::string MiB(uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

bool LooksLikeZip(std::string_view bytes) {
  return bytes.starts_with(std::string_view("PK\3\4", 4));
}

bool LooksLikeOleCompound(std::string_view bytes) {
  return bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
}

ZipArchive::ZipArchive(std::unique_ptr<State> state) : state_(std::move(state)) {}
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

Result<ZipArchive> ZipArchive::Open(std::string_view bytes, std::string name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Fail(ZipError(ErrorCode::kInternal, name, "cannot read the archive: " + message));
  }
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!zip) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    zip_source_free(source);
    return Fail(ZipError(ErrorCode::kParse, name,
                         "not a readable ZIP archive (" + message +
                             "): the workbook is corrupt or cut short; save it again"));
  }
  zip_error_fini(&error);
  auto state = std::make_unique<State>();
  state->zip = zip;
  state->name = std::move(name);
  zip_int64_t entries = zip_get_num_entries(zip, 0);
  if (entries < 0 || static_cast<uint64_t>(entries) > kMaxZipEntries) {
    return Fail(ZipError(ErrorCode::kResourceExhausted, state->name,
                         "the archive holds " + std::to_string(entries) +
                             " entries; a workbook holds far fewer (the limit is " +
                             std::to_string(kMaxZipEntries) + ")"));
  }
  return ZipArchive(std::move(state));
}

bool ZipArchive::Has(std::string_view entry) const {
  return zip_name_locate(state_->zip, std::string(entry).c_str(), 0) >= 0;
}

std::vector<std::string> ZipArchive::Names() const {
  std::vector<std::string> names;
  zip_int64_t n = zip_get_num_entries(state_->zip, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    if (const char* name = zip_get_name(state_->zip, static_cast<zip_uint64_t>(i), 0))
      names.emplace_back(name);
  }
  return names;
}

Status ZipArchive::Read(std::string_view entry, const std::function<bool(std::string_view)>& sink) {
  const std::string& file = state_->name;
  const std::string where = "'" + std::string(entry) + "'";
  zip_int64_t index = zip_name_locate(state_->zip, std::string(entry).c_str(), 0);
  if (index < 0)
    return Fail(ZipError(ErrorCode::kNotFound, file, "the archive has no entry " + where));
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(state_->zip, static_cast<zip_uint64_t>(index), 0, &stat) != 0)
    return Fail(ZipError(ErrorCode::kParse, file, "cannot read the entry " + where));
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
    return Fail(ZipError(ErrorCode::kInvalidArgument, file,
                         "the workbook is password-protected (entry " + where +
                             " is encrypted): save a copy without a password and import that"));
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > kMaxZipEntryBytes)
    return Fail(ZipError(ErrorCode::kResourceExhausted, file,
                         "entry " + where + " decompresses to " + MiB(stat.size) +
                             "; the limit is " + MiB(kMaxZipEntryBytes) + " per entry"));
  if ((stat.valid & ZIP_STAT_SIZE) && (stat.valid & ZIP_STAT_COMP_SIZE) && stat.size > (1u << 20) &&
      stat.size / std::max<uint64_t>(stat.comp_size, 1) > kMaxZipRatio)
    return Fail(ZipError(ErrorCode::kResourceExhausted, file,
                         "entry " + where + " expands " +
                             std::to_string(stat.size / std::max<uint64_t>(stat.comp_size, 1)) +
                             " times (" + MiB(stat.size) +
                             "): refused as a zip bomb; real workbooks compress far less"));
  zip_file_t* f = zip_fopen_index(state_->zip, static_cast<zip_uint64_t>(index), 0);
  if (!f) {
    std::string message = zip_error_strerror(zip_get_error(state_->zip));
    return Fail(
        ZipError(ErrorCode::kParse, file, "cannot open the entry " + where + " (" + message + ")"));
  }
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> closer(f, zip_fclose);
  std::string buffer(kChunk, '\0');
  size_t entry_read = 0;
  for (;;) {
    zip_int64_t n = zip_fread(f, buffer.data(), buffer.size());
    if (n < 0) {
      std::string message = zip_error_strerror(zip_file_get_error(f));
      return Fail(ZipError(ErrorCode::kParse, file,
                           "the entry " + where + " is corrupt (" + message + ")"));
    }
    if (n == 0) break;
    entry_read += static_cast<size_t>(n);
    state_->total_read += static_cast<size_t>(n);
    if (entry_read > kMaxZipEntryBytes)
      return Fail(ZipError(ErrorCode::kResourceExhausted, file,
                           "entry " + where + " decompresses to more than " +
                               MiB(kMaxZipEntryBytes) + " (the limit per entry)"));
    if (state_->total_read > kMaxZipTotalBytes)
      return Fail(ZipError(ErrorCode::kResourceExhausted, file,
                           "the archive decompresses to more than " + MiB(kMaxZipTotalBytes) +
                               " (the limit for a workbook), while reading " + where));
    if (!sink(std::string_view(buffer.data(), static_cast<size_t>(n)))) break;
  }
  return Ok();
}

Result<std::string> ZipArchive::ReadAll(std::string_view entry) {
  std::string out;
  LADDER_TRY_STATUS(Read(entry, [&](std::string_view chunk) {
    out.append(chunk);
    return true;
  }));
  return out;
}

}  // namespace ladder::formats
