#include "formats/yaml_limits.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>

namespace ladder::formats::internal {

YamlExpansionGuard::YamlExpansionGuard(YAML::EventHandler* inner, size_t text_bytes,
                                       std::string file, int first_line)
    : inner_(inner),
      file_(std::move(file)),
      first_line_(first_line),
      max_values_(std::min(kMaxYamlValues, text_bytes + kValueAllowance)),
      max_text_(text_bytes * kTextFactor + kTextAllowance) {}

void YamlExpansionGuard::Fail(const YAML::Mark& mark, ErrorCode code, std::string message) const {
  throw YamlProblem{
      Error{code, std::move(message), {file_, mark.line + first_line_, mark.column + 1}, {}}};
}

// Counts `values` and `text` in the document's totals.
void YamlExpansionGuard::Count(const YAML::Mark& mark, size_t values, size_t text) {
  values_ += values;
  text_ += text;
  if (values_ > max_values_)
    Fail(mark, ErrorCode::kResourceExhausted,
         "the document expands to more than " + std::to_string(max_values_) +
             " values (aliases included), the most a text of its size may stand for; write "
             "the values out instead of repeating them through aliases");
  if (text_ > max_text_)
    Fail(mark, ErrorCode::kResourceExhausted,
         "the document expands to more than " + std::to_string(max_text_) +
             " bytes of text (aliases included), the most a text of its size may stand for; "
             "write the values out instead of repeating them through aliases");
}

void YamlExpansionGuard::CheckDepth(const YAML::Mark& mark, int depth) const {
  if (depth > kMaxYamlDepth)
    Fail(mark, ErrorCode::kResourceExhausted,
         "values are nested too deeply (more than " + std::to_string(kMaxYamlDepth) +
             " levels, aliases expanded); a Ladder file nests a few levels only");
}

// A complete value (a scalar, or what an alias stands for) where it is used.
void YamlExpansionGuard::Add(const YAML::Mark& mark, YAML::anchor_t anchor, const Size& size) {
  CheckDepth(mark, static_cast<int>(open_.size()) + size.depth);
  Count(mark, size.values, size.text);
  AddToParent(size);
  if (anchor) anchors_[anchor] = size;
}

void YamlExpansionGuard::AddToParent(const Size& size) {
  if (open_.empty()) return;
  Size& parent = open_.back().size;
  parent.values += size.values;
  parent.text += size.text;
  parent.depth = std::max(parent.depth, size.depth + 1);
}

// A collection: itself one value now, its items as they come.
void YamlExpansionGuard::Start(const YAML::Mark& mark, YAML::anchor_t anchor) {
  CheckDepth(mark, static_cast<int>(open_.size()) + 1);
  Count(mark, 1, 0);
  open_.push_back({anchor, Size{1, 0, 1}});
}

void YamlExpansionGuard::End() {
  Open done = open_.back();
  open_.pop_back();
  AddToParent(done.size);
  if (done.anchor) anchors_[done.anchor] = done.size;
}

void YamlExpansionGuard::OnDocumentStart(const YAML::Mark& mark) {
  if (inner_) inner_->OnDocumentStart(mark);
}

void YamlExpansionGuard::OnDocumentEnd() {
  if (inner_) inner_->OnDocumentEnd();
}

void YamlExpansionGuard::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  Add(mark, anchor, Size{1, 0, 0});
  if (inner_) inner_->OnNull(mark, anchor);
}

void YamlExpansionGuard::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  auto it = anchors_.find(anchor);
  if (it == anchors_.end()) {
    for (const Open& o : open_)
      if (o.anchor == anchor)
        Fail(mark, ErrorCode::kParse, "an alias refers to the value that contains it");
    Fail(mark, ErrorCode::kParse, "an alias refers to an anchor that is not defined before it");
  }
  Add(mark, 0, it->second);
  if (inner_) inner_->OnAlias(mark, anchor);
}

void YamlExpansionGuard::OnScalar(const YAML::Mark& mark, const std::string& tag,
                                  YAML::anchor_t anchor, const std::string& value) {
  Add(mark, anchor, Size{1, value.size(), 0});
  if (inner_) inner_->OnScalar(mark, tag, anchor, value);
}

void YamlExpansionGuard::OnSequenceStart(const YAML::Mark& mark, const std::string& tag,
                                         YAML::anchor_t anchor, YAML::EmitterStyle::value style) {
  Start(mark, anchor);
  if (inner_) inner_->OnSequenceStart(mark, tag, anchor, style);
}

void YamlExpansionGuard::OnSequenceEnd() {
  End();
  if (inner_) inner_->OnSequenceEnd();
}

void YamlExpansionGuard::OnMapStart(const YAML::Mark& mark, const std::string& tag,
                                    YAML::anchor_t anchor, YAML::EmitterStyle::value style) {
  Start(mark, anchor);
  if (inner_) inner_->OnMapStart(mark, tag, anchor, style);
}

void YamlExpansionGuard::OnMapEnd() {
  End();
  if (inner_) inner_->OnMapEnd();
}

Status CheckYamlExpansion(std::string_view yaml, std::string_view file, int first_line) {
  try {
    std::istringstream in{std::string(yaml)};
    YAML::Parser parser(in);
    YamlExpansionGuard guard(nullptr, yaml.size(), std::string(file), first_line);
    parser.HandleNextDocument(guard);
  } catch (const YamlProblem& e) {
    return Fail(e.error);
  } catch (const YAML::DeepRecursion& e) {
    return MakeError(ErrorCode::kResourceExhausted,
                     "values are nested too deeply (" + std::to_string(e.depth()) + " levels)",
                     {std::string(file), e.mark.line + first_line, e.mark.column + 1});
  } catch (const YAML::Exception&) {
    // Not valid YAML: the reader's own parse says where and why.
  } catch (const std::bad_alloc&) {
    return MakeError(ErrorCode::kResourceExhausted, "out of memory while reading YAML",
                     {std::string(file), first_line, 0});
  }
  return Ok();
}

}  // namespace ladder::formats::internal
