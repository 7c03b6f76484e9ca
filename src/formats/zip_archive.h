// A ZIP archive read from memory: the container of XLSX and ODS workbooks. The only libzip
// adapter. Workload: a handful of entries, a few MiB decompressed; hostile archives (zip bombs,
// thousands of entries, encrypted or corrupt entries) are refused before or while reading, with
// the entry named, and never allocate more than the limits below.
//
//   LADDER_TRY(ZipArchive zip, ZipArchive::Open(bytes, "ladder.xlsx"));
//   LADDER_TRY(std::string xml, zip.ReadAll("xl/workbook.xml"));
//
// Limits: at most kMaxZipEntries entries; each entry at most kMaxZipEntryBytes decompressed;
// all entries read through one archive together at most kMaxZipTotalBytes (counted as they are
// decompressed, so a lying size field does not help a bomb); an entry whose declared size is
// more than kMaxZipRatio times its compressed size and above 1 MiB is refused as a bomb.
// Not thread-safe: one archive per thread (the bytes it reads must outlive it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace ladder::formats {

inline constexpr size_t kMaxZipEntries = 4096;
inline constexpr size_t kMaxZipEntryBytes = size_t{128} << 20;
inline constexpr size_t kMaxZipTotalBytes = size_t{256} << 20;
inline constexpr uint64_t kMaxZipRatio = 200;

// True when `bytes` start like a ZIP archive ("PK\3\4").
bool LooksLikeZip(std::string_view bytes);
// True when `bytes` start like an OLE compound file: a legacy .xls workbook, or an encrypted
// (password-protected) .xlsx, which Office stores in that container.
bool LooksLikeOleCompound(std::string_view bytes);

class ZipArchive {
 public:
  // Opens the archive in `bytes` (not copied: they must outlive the archive). `name` is used in
  // error locations. Errors: kParse for a file that is not a readable ZIP archive;
  // kResourceExhausted for too many entries.
  static Result<ZipArchive> Open(std::string_view bytes, std::string name);

  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ~ZipArchive();

  // True when the archive holds an entry of this exact name.
  bool Has(std::string_view entry) const;
  std::vector<std::string> Names() const;

  // Reads an entry in chunks, calling `sink` with each (at most 64 KiB); `sink` returns false
  // to stop early. Errors: kNotFound (no such entry), kInvalidArgument (encrypted entry:
  // a password-protected workbook), kResourceExhausted (the limits above), kParse (corrupt
  // data, CRC mismatch).
  Status Read(std::string_view entry, const std::function<bool(std::string_view)>& sink);
  // Reads a whole entry into memory (small entries: workbook, relationships, shared strings).
  Result<std::string> ReadAll(std::string_view entry);

 private:
  struct State;
  explicit ZipArchive(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace ladder::formats
