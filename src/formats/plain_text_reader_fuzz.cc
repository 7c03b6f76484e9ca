// libFuzzer target for the plain-text ladder reader: any bytes must give a framework or an
// error, never a crash, a hang or unbounded memory. The input goes through ReadDocuments so that
// decoding, detection and coverage are exercised too, then straight to the reader (which must
// also cope with text that ReadDocuments would have rejected).
#include <cstddef>
#include <cstdint>
#include <string>

#include "formats/import.h"
#include "formats/plain_text_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  (void)ladder::formats::ReadDocuments({{"fuzz.txt", text}}, "plain-text");
  static const auto reader = ladder::formats::MakePlainTextReader();
  (void)reader->Detect(text);
  (void)reader->Read({"fuzz.txt", text});
  return 0;
}
