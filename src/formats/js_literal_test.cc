// Reading the data of JavaScript and TypeScript files without running them.
#include "formats/js_literal.h"

#include <gtest/gtest.h>

namespace ladder::formats {
namespace {

using internal::TreeNode;

const TreeNode& Root(const JsLiteral& l) { return l.tree.nodes[l.tree.root]; }

TEST(JsLiteral, FindsEveryFormOfTopLevelData) {
  const char* files[] = {
      "export default { a: 1 }",
      "module.exports = [1, 2]",
      "exports.levels = [1]",
      "export const tracks: Tracks<string> = { x: [] }",
      "let levels = [1]; var other = {}",
      "(window.c = window.c || []).push({ title: 'x' });",
      "[{\"a\": 1}]",
  };
  for (const char* f : files) {
    Result<JsData> data = ReadJsLiterals(f, "f.js");
    ASSERT_TRUE(data) << f << ": " << data.error().ToString();
    EXPECT_FALSE(data->literals.empty()) << f;
  }
  Result<JsData> two = ReadJsLiterals("const a = [1]\nexport const b = {c: 2}\n", "f.js");
  ASSERT_TRUE(two);
  ASSERT_EQ(two->literals.size(), 2u);
  EXPECT_EQ(two->literals[0].name, "a");
  EXPECT_EQ(two->literals[1].name, "b");
}

TEST(JsLiteral, ReadsWhatJavaScriptAllowsBeyondJson) {
  Result<JsData> data = ReadJsLiterals(
      "// a comment\nexport default {\n  'single': 'it\\'s',\n  unquoted: `template`,\n"
      "  /* block */ n: -1_000, hex: 0x1F, t: true, u: undefined,\n  trailing: [1, 2,],\n"
      "  esc: \"caf\\u00e9 \\u{1F600}\",\n} as const;\n",
      "f.ts");
  ASSERT_TRUE(data) << data.error().ToString();
  ASSERT_EQ(data->literals.size(), 1u);
  const JsLiteral& l = data->literals[0];
  const TreeNode& root = Root(l);
  ASSERT_EQ(root.kind, TreeNode::Kind::kMapping);
  auto value = [&](std::string_view key) -> const TreeNode* {
    for (size_t i = 0; i + 1 < root.items.size(); i += 2)
      if (l.tree.nodes[root.items[i]].value == key) return &l.tree.nodes[root.items[i + 1]];
    return nullptr;
  };
  EXPECT_EQ(value("single")->value, "it's");
  EXPECT_EQ(value("unquoted")->value, "template");
  EXPECT_EQ(value("n")->value, "-1000");
  EXPECT_EQ(value("u")->kind, TreeNode::Kind::kNull);
  EXPECT_EQ(value("trailing")->items.size(), 2u);
  EXPECT_EQ(value("esc")->value, "caf\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(value("unquoted")->line, 4);
  EXPECT_TRUE(data->warnings.empty());
}

TEST(JsLiteral, CodeIsNotRunButSaidWithItsLine) {
  Result<JsData> data = ReadJsLiterals(
      "export default {\n  a: helper(),\n  b: `x ${y}`,\n  ...spread,\n  c() { return 1 },\n"
      "  d: 'kept',\n}\n",
      "f.js");
  ASSERT_TRUE(data) << data.error().ToString();
  ASSERT_EQ(data->warnings.size(), 4u);
  EXPECT_EQ(data->warnings[0].where.ToString(), "f.js:2");
  EXPECT_EQ(data->warnings[3].where.ToString(), "f.js:5");
  EXPECT_NE(data->warnings[0].message.find("code, not data"), std::string::npos);
}

TEST(JsLiteral, ErrorsNameWhere) {
  Result<JsData> open = ReadJsLiterals("export default {\n  a: 'never closed\n}", "f.js");
  ASSERT_FALSE(open);
  EXPECT_EQ(open.error().where.ToString(), "f.js:2:6");
  Result<JsData> cut = ReadJsLiterals("module.exports = [1, 2", "f.js");
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().code, ErrorCode::kParse);
  std::string deep = "export default " + std::string(kMaxJsDepth + 10, '[') + "1" +
                     std::string(kMaxJsDepth + 10, ']');
  Result<JsData> nested = ReadJsLiterals(deep, "f.js");
  ASSERT_FALSE(nested);
  EXPECT_EQ(nested.error().code, ErrorCode::kResourceExhausted);
  EXPECT_EQ(nested.error().where.line, 1);
}

TEST(JsLiteral, DetectionWantsAnExportOrAssignment) {
  EXPECT_TRUE(LooksLikeJsData("export default []"));
  EXPECT_TRUE(LooksLikeJsData("const x = {}"));
  EXPECT_FALSE(LooksLikeJsData("# A Markdown ladder\n\nLevels = text"));
}

}  // namespace
}  // namespace ladder::formats
