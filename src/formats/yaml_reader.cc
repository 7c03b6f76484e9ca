// ReadYaml: yaml-cpp's event parser builds the shared tree (canonical_tree.h), which the
// converter turns into a framework. The event API (rather than YAML::Load) lets us see every
// key of a mapping, duplicates included, whether a scalar was quoted, and each value's mark.
// yaml-cpp reports errors by throwing; every exception is caught here and becomes an Error.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <sstream>

#include "formats/canonical.h"
#include "formats/canonical_tree.h"
#include "formats/yaml_limits.h"

namespace ladder::formats {
namespace {

using internal::Tree;
using internal::TreeNode;

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(Tree& tree, std::string file) : tree_(tree), file_(std::move(file)) {}

  bool HasRoot() const { return has_root_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Add(TreeNode::Kind::kNull, mark, anchor, false, {});
  }

  // The guard in front (yaml_limits.h) has refused aliases to undefined or enclosing values.
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Attach(anchors_.at(anchor), mark);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    bool quoted = tag == "!";
    if (tag == "tag:yaml.org,2002:str") {
      quoted = true;
    } else if (tag != "?" && tag != "!") {
      Fail(mark, "tags such as '" + tag + "' are not supported in Ladder files");
    }
    Add(TreeNode::Kind::kScalar, mark, anchor, quoted, value);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    CheckCollectionTag(mark, tag);
    open_.push_back(Add(TreeNode::Kind::kSequence, mark, anchor, false, {}));
  }
  void OnSequenceEnd() override { open_.pop_back(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    CheckCollectionTag(mark, tag);
    open_.push_back(Add(TreeNode::Kind::kMapping, mark, anchor, false, {}));
  }
  void OnMapEnd() override { open_.pop_back(); }

 private:
  [[noreturn]] void Fail(const YAML::Mark& mark, std::string message) {
    throw internal::YamlProblem{
        Error{ErrorCode::kParse, std::move(message), {file_, mark.line + 1, mark.column + 1}, {}}};
  }

  void CheckCollectionTag(const YAML::Mark& mark, const std::string& tag) {
    if (!tag.empty() && tag != "?" && tag != "!")
      Fail(mark, "tags such as '" + tag + "' are not supported in Ladder files");
  }

  uint32_t Add(TreeNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor, bool quoted,
               const std::string& value) {
    TreeNode node;
    node.kind = kind;
    node.quoted = quoted;
    node.value = value;
    node.line = mark.line + 1;
    node.column = mark.column + 1;
    // An empty value's mark is where the next token starts; its key is the better place.
    if (kind == TreeNode::Kind::kNull && !open_.empty()) {
      const TreeNode& parent = tree_.nodes[open_.back()];
      if (parent.kind == TreeNode::Kind::kMapping && parent.items.size() % 2 == 1) {
        const TreeNode& key = tree_.nodes[parent.items.back()];
        node.line = key.line;
        node.column = key.column;
      }
    }
    uint32_t index = static_cast<uint32_t>(tree_.nodes.size());
    tree_.nodes.push_back(std::move(node));
    if (anchor) anchors_[anchor] = index;
    Attach(index, mark);
    return index;
  }

  void Attach(uint32_t index, const YAML::Mark& mark) {
    if (open_.empty()) {
      if (has_root_) Fail(mark, "unexpected value after the document");
      tree_.root = index;
      has_root_ = true;
      return;
    }
    tree_.nodes[open_.back()].items.push_back(index);
  }

  Tree& tree_;
  std::string file_;
  std::vector<uint32_t> open_;  // collections being built, innermost last
  std::map<YAML::anchor_t, uint32_t> anchors_;
  bool has_root_ = false;
};

// Counts further documents in the stream ("---" after the first one).
class DocumentCounter : public YAML::EventHandler {
 public:
  YAML::Mark start;
  void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

Result<Tree> ParseYamlTree(std::string_view text, std::string_view source_name) {
  LADDER_TRY_STATUS(internal::CheckDocumentText(text, source_name));
  std::string file(source_name);
  Tree tree;
  try {
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    TreeBuilder builder(tree, file);
    internal::YamlExpansionGuard guard(&builder, text.size(), file, 1);
    parser.HandleNextDocument(guard);
    if (!builder.HasRoot())
      return MakeError(ErrorCode::kParse,
                       "the document is empty; a Ladder file starts with `ladder: 1`",
                       {file, 1, 1});
    DocumentCounter counter;
    if (parser.HandleNextDocument(counter))
      return MakeError(ErrorCode::kParse,
                       "a Ladder file holds one YAML document; remove this second one (`---`)",
                       {file, counter.start.line + 1, counter.start.column + 1});
  } catch (const internal::YamlProblem& problem) {
    return Fail(problem.error);
  } catch (const YAML::DeepRecursion& e) {
    return MakeError(ErrorCode::kResourceExhausted,
                     "values are nested too deeply (" + std::to_string(e.depth()) +
                         " levels); a Ladder file nests a few levels only",
                     {file, e.mark.line + 1, e.mark.column + 1});
  } catch (const YAML::Exception& e) {
    int line = e.mark.is_null() ? 0 : e.mark.line + 1;
    int column = e.mark.is_null() ? 0 : e.mark.column + 1;
    return MakeError(ErrorCode::kParse, "invalid YAML: " + e.msg, {file, line, column});
  } catch (const std::bad_alloc&) {
    return MakeError(ErrorCode::kResourceExhausted, "out of memory while reading the document",
                     {file, 0, 0});
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kParse, std::string("invalid YAML: ") + e.what(), {file, 0, 0});
  }
  return tree;
}

}  // namespace

Result<model::Framework> ParseYaml(std::string_view text, std::string_view source_name) {
  LADDER_TRY(Tree tree, ParseYamlTree(text, source_name));
  return internal::FrameworkFromTree(tree, source_name);
}

Result<model::Framework> ReadYaml(std::string_view text, std::string_view source_name) {
  return internal::Validated(ParseYaml(text, source_name));
}

}  // namespace ladder::formats
