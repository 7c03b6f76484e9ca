// Internal to formats/: the bounds on what a YAML text may expand to, shared by every reader
// that uses yaml-cpp (the canonical reader, the Monzo-style front matter, Markdown front matter).
//
// An alias names a value written earlier, so a few kilobytes of nested aliases ("billion
// laughs") stand for gigabytes of values. The guard sits between yaml-cpp's event parser and a
// reader's event handler and counts every value as it would be once aliases are expanded:
//   - values: at most kMaxValues, and at most one per byte of the text plus kValueAllowance;
//   - scalar text: at most kTextFactor times the text's size plus kTextAllowance bytes;
//   - nesting: at most kMaxDepth collections inside each other, an alias's own nesting counted
//     where it is used.
// The first alias or value past a bound stops the parse with kResourceExhausted at its
// `file:line:col`; an alias to a value that contains it (which would be infinite) is kParse.
// The cost of the check is one pass over the events, whatever the aliases stand for.
//
//   YamlExpansionGuard guard(&handler, text.size(), "f.yaml", 1);
//   parser.HandleNextDocument(guard);  // throws YamlProblem past a bound
//
// Not thread-safe per object; independent objects are.
#pragma once

#include <yaml-cpp/eventhandler.h>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace ladder::formats::internal {

inline constexpr size_t kMaxYamlValues = 1'000'000;
inline constexpr size_t kValueAllowance = 10'000;
inline constexpr size_t kTextFactor = 8;
inline constexpr size_t kTextAllowance = size_t{1} << 20;
inline constexpr int kMaxYamlDepth = 64;

// A problem found inside yaml-cpp's parse, thrown from an event handler (which cannot return
// errors); the reader that started the parse catches it and returns `error`.
struct YamlProblem {
  Error error;
};

class YamlExpansionGuard : public YAML::EventHandler {
 public:
  // `inner` receives every event that passes (nullptr: only check). `text_bytes` is the size of
  // the YAML text; `first_line` the line of the file where the YAML text starts (1 for a whole
  // file, later for front matter), so that errors point into the file.
  YamlExpansionGuard(YAML::EventHandler* inner, size_t text_bytes, std::string file,
                     int first_line);

  void OnDocumentStart(const YAML::Mark& mark) override;
  void OnDocumentEnd() override;
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override;
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override;

  // Values counted so far, aliases expanded.
  size_t Values() const { return values_; }

 private:
  // What a value stands for once its aliases are expanded.
  struct Size {
    size_t values = 0;
    size_t text = 0;
    int depth = 0;  // collections nested inside each other, this one included
  };
  struct Open {
    YAML::anchor_t anchor = 0;
    Size size;
  };

  void Count(const YAML::Mark& mark, size_t values, size_t text);
  void CheckDepth(const YAML::Mark& mark, int depth) const;
  void Add(const YAML::Mark& mark, YAML::anchor_t anchor, const Size& size);
  void AddToParent(const Size& size);
  void Start(const YAML::Mark& mark, YAML::anchor_t anchor);
  void End();
  [[noreturn]] void Fail(const YAML::Mark& mark, ErrorCode code, std::string message) const;

  YAML::EventHandler* inner_;
  std::string file_;
  int first_line_;
  size_t max_values_;
  size_t max_text_;
  size_t values_ = 0;
  size_t text_ = 0;
  std::vector<Open> open_;                  // collections being read, innermost last
  std::map<YAML::anchor_t, Size> anchors_;  // complete anchored values
};

// Parses the first document of `yaml` with nothing but the guard: Ok when it stays within the
// bounds (or is not valid YAML: the reader's own parse reports that), the guard's error
// otherwise. For readers that then use yaml-cpp's Node API (YAML::Load), whose node graph
// shares aliased values but whose readers would walk every use of them.
Status CheckYamlExpansion(std::string_view yaml, std::string_view file, int first_line);

}  // namespace ladder::formats::internal
