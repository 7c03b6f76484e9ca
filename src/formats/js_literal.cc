#include "formats/js_literal.h"

#include <cctype>

#include "base/text.h"

namespace ladder::formats {
namespace {

using internal::Tree;
using internal::TreeNode;

enum class Tok { kEnd, kIdent, kString, kTemplate, kNumber, kPunct };

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;           // identifier, punctuation, number as written, string value
  bool substitution = false;  // a template string with ${...}
  size_t offset = 0;
};

struct Problem {
  Error error;
};

bool IdentStart(unsigned char c) { return std::isalpha(c) || c == '_' || c == '$' || c >= 0x80; }
bool IdentPart(unsigned char c) { return IdentStart(c) || std::isdigit(c); }

class Lexer {
 public:
  Lexer(std::string_view text, std::string file) : s_(text), file_(std::move(file)) {}

  const Token& Peek() {
    if (!peeked_) {
      next_ = Read();
      peeked_ = true;
    }
    return next_;
  }
  Token Take() {
    Peek();
    peeked_ = false;
    prev_ = next_;
    return next_;
  }
  bool IsPunct(std::string_view p) { return Peek().kind == Tok::kPunct && Peek().text == p; }
  bool IsIdent(std::string_view id) { return Peek().kind == Tok::kIdent && Peek().text == id; }

  [[noreturn]] void Fail(size_t offset, std::string message, ErrorCode code = ErrorCode::kParse) {
    auto [line, col] = text::LineColumnOf(s_, std::min(offset, s_.size()));
    throw Problem{Error{code, std::move(message), SourceLocation{file_, line, col}, {}}};
  }
  std::pair<int, int> Position(size_t offset) const {
    return text::LineColumnOf(s_, std::min(offset, s_.size()));
  }

 private:
  void SkipSpaceAndComments() {
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++i_;
      } else if (s_.substr(i_, 2) == "//") {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else if (s_.substr(i_, 2) == "/*") {
        size_t end = s_.find("*/", i_ + 2);
        if (end == std::string_view::npos) Fail(i_, "a comment starts here and never ends");
        i_ = end + 2;
      } else {
        break;
      }
    }
  }

  // After these, a '/' starts a regular expression rather than a division.
  bool RegexAllowed() const {
    if (prev_.kind == Tok::kIdent || prev_.kind == Tok::kNumber || prev_.kind == Tok::kString ||
        prev_.kind == Tok::kTemplate)
      return prev_.kind == Tok::kIdent && (prev_.text == "return" || prev_.text == "typeof");
    return !(prev_.kind == Tok::kPunct && (prev_.text == ")" || prev_.text == "]"));
  }

  void AppendEscape(std::string& out) {
    char e = s_[i_++];
    switch (e) {
      case 'n':
        out += '\n';
        return;
      case 't':
        out += '\t';
        return;
      case 'r':
        return;
      case 'b':
      case 'f':
      case 'v':
        return;
      case '0':
        return;
      case '\n':
        return;  // a line continuation
      case 'x':
      case 'u': {
        char32_t cp = 0;
        size_t digits = e == 'x' ? 2 : 4;
        bool braced = e == 'u' && i_ < s_.size() && s_[i_] == '{';
        if (braced) {
          ++i_;
          digits = 6;
        }
        size_t read = 0;
        while (read < digits && i_ < s_.size() &&
               std::isxdigit(static_cast<unsigned char>(s_[i_]))) {
          cp = cp * 16 + static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(s_[i_]))
                                                   ? s_[i_] - '0'
                                                   : (std::tolower(s_[i_]) - 'a' + 10));
          ++i_;
          ++read;
        }
        if (braced && i_ < s_.size() && s_[i_] == '}') ++i_;
        // Surrogate pairs written as two \u escapes.
        if (cp >= 0xD800 && cp <= 0xDBFF && s_.substr(i_, 2) == "\\u") {
          size_t save = i_;
          i_ += 2;
          char32_t low = 0;
          size_t n = 0;
          while (n < 4 && i_ < s_.size() && std::isxdigit(static_cast<unsigned char>(s_[i_]))) {
            low = low * 16 + static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(s_[i_]))
                                                       ? s_[i_] - '0'
                                                       : (std::tolower(s_[i_]) - 'a' + 10));
            ++i_;
            ++n;
          }
          if (n == 4 && low >= 0xDC00 && low <= 0xDFFF)
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          else
            i_ = save;
        }
        if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
        text::AppendUtf8(cp, out);
        return;
      }
      default:
        out += e;
    }
  }

  Token Read() {
    SkipSpaceAndComments();
    Token t;
    t.offset = i_;
    if (i_ >= s_.size()) return t;
    unsigned char c = static_cast<unsigned char>(s_[i_]);
    if (IdentStart(c)) {
      size_t start = i_;
      while (i_ < s_.size() && IdentPart(static_cast<unsigned char>(s_[i_]))) ++i_;
      t.kind = Tok::kIdent;
      t.text = std::string(s_.substr(start, i_ - start));
      return t;
    }
    if (std::isdigit(c) ||
        (c == '.' && i_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_ + 1])))) {
      size_t start = i_;
      while (i_ < s_.size() &&
             (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' || s_[i_] == '_' ||
              ((s_[i_] == '+' || s_[i_] == '-') && (s_[i_ - 1] == 'e' || s_[i_ - 1] == 'E'))))
        ++i_;
      t.kind = Tok::kNumber;
      for (char d : s_.substr(start, i_ - start))
        if (d != '_') t.text += d;
      return t;
    }
    if (c == '"' || c == '\'') return String(t);
    if (c == '`') return Template(t);
    if (c == '/' && RegexAllowed()) return Regex(t);
    t.kind = Tok::kPunct;
    for (std::string_view p : {"...", "===", "!==", "=>", "==", "!=", "||", "&&", "??", "?."}) {
      if (s_.substr(i_, p.size()) == p) {
        t.text = std::string(p);
        i_ += p.size();
        return t;
      }
    }
    t.text = std::string(1, s_[i_++]);
    return t;
  }

  // A quoted string; `t` holds its start.
  Token String(Token t) {
    char quote = s_[i_];
    ++i_;
    t.kind = Tok::kString;
    while (true) {
      if (i_ >= s_.size() || s_[i_] == '\n') Fail(t.offset, "a string starts here and never ends");
      char d = s_[i_++];
      if (d == quote) break;
      if (d == '\\') {
        if (i_ >= s_.size()) Fail(t.offset, "a string starts here and never ends");
        AppendEscape(t.text);
      } else {
        t.text += d;
      }
    }
    return t;
  }

  // A template string; one with ${...} is marked: its value needs code.
  Token Template(Token t) {
    ++i_;
    t.kind = Tok::kTemplate;
    int braces = 0;
    while (true) {
      if (i_ >= s_.size()) Fail(t.offset, "a template string starts here and never ends");
      char d = s_[i_++];
      if (braces == 0 && d == '`') break;
      if (d == '\\' && i_ < s_.size()) {
        AppendEscape(t.text);
        continue;
      }
      if (d == '$' && i_ < s_.size() && s_[i_] == '{' && braces == 0) {
        t.substitution = true;
        ++braces;
        ++i_;
        continue;
      }
      if (braces > 0) {
        if (d == '{') ++braces;
        if (d == '}') --braces;
        continue;
      }
      t.text += d;
    }
    return t;
  }

  // A regular expression literal: skipped over (not data).
  Token Regex(Token t) {
    size_t start = i_++;
    bool in_class = false;
    while (true) {
      if (i_ >= s_.size() || s_[i_] == '\n')
        Fail(start, "a regular expression starts here and never ends");
      char d = s_[i_++];
      if (d == '\\') {
        ++i_;
      } else if (d == '[') {
        in_class = true;
      } else if (d == ']') {
        in_class = false;
      } else if (d == '/' && !in_class) {
        break;
      }
    }
    while (i_ < s_.size() && std::isalpha(static_cast<unsigned char>(s_[i_]))) ++i_;
    t.kind = Tok::kString;  // not data; only skipped over
    return t;
  }

  std::string_view s_;
  std::string file_;
  size_t i_ = 0;
  bool peeked_ = false;
  Token next_;
  Token prev_;
};

class LiteralParser {
 public:
  LiteralParser(Lexer& lex, Tree& tree, std::string file, std::vector<ImportWarning>& warnings)
      : lex_(lex), tree_(tree), file_(std::move(file)), warnings_(warnings) {}

  uint32_t Value(int depth) {
    if (depth > kMaxJsDepth)
      lex_.Fail(lex_.Peek().offset,
                "values nested deeper than " + std::to_string(kMaxJsDepth) +
                    " levels; a data file of a framework nests a few levels",
                ErrorCode::kResourceExhausted);
    const Token& t = lex_.Peek();
    if (t.kind == Tok::kPunct && t.text == "{") return Object(depth);
    if (t.kind == Tok::kPunct && t.text == "[") return Array(depth);
    uint32_t node;
    if (t.kind == Tok::kString || (t.kind == Tok::kTemplate && !t.substitution)) {
      Token s = lex_.Take();
      node = Add(TreeNode::Kind::kScalar, true, s.text, s.offset);
    } else if (t.kind == Tok::kNumber) {
      Token s = lex_.Take();
      node = Add(TreeNode::Kind::kScalar, false, s.text, s.offset);
    } else if (t.kind == Tok::kPunct && t.text == "-") {
      Token minus = lex_.Take();
      if (lex_.Peek().kind != Tok::kNumber) return Unreadable(minus.offset);
      Token s = lex_.Take();
      node = Add(TreeNode::Kind::kScalar, false, "-" + s.text, minus.offset);
    } else if (t.kind == Tok::kIdent && (t.text == "true" || t.text == "false" ||
                                         t.text == "null" || t.text == "undefined")) {
      Token s = lex_.Take();
      bool null = s.text == "null" || s.text == "undefined";
      node = Add(null ? TreeNode::Kind::kNull : TreeNode::Kind::kScalar, false, null ? "" : s.text,
                 s.offset);
      if (null || !lex_.IsPunct(".")) return AfterValue(node);
      return Unreadable(s.offset, node);
    } else {
      return Unreadable(t.offset);
    }
    return AfterValue(node);
  }

 private:
  uint32_t Add(TreeNode::Kind kind, bool quoted, std::string value, size_t offset) {
    if (tree_.nodes.size() >= internal::kMaxValues)
      lex_.Fail(offset,
                "the file holds more than " + std::to_string(internal::kMaxValues) + " values",
                ErrorCode::kResourceExhausted);
    auto [line, col] = lex_.Position(offset);
    TreeNode n;
    n.kind = kind;
    n.quoted = quoted;
    n.value = std::move(value);
    n.line = line;
    n.column = col;
    tree_.nodes.push_back(std::move(n));
    return static_cast<uint32_t>(tree_.nodes.size() - 1);
  }

  // `x as const`, `x satisfies T`: TypeScript after a value changes nothing.
  uint32_t AfterValue(uint32_t node) {
    while (lex_.IsIdent("as") || lex_.IsIdent("satisfies")) {
      lex_.Take();
      SkipExpression();
    }
    if (!lex_.IsPunct(",") && !lex_.IsPunct("}") && !lex_.IsPunct("]") && !lex_.IsPunct(")") &&
        !lex_.IsPunct(";") && lex_.Peek().kind != Tok::kEnd && !StatementEnd())
      return Unreadable(lex_.Peek().offset, node);
    return node;
  }

  // A value continues on the next line only with an operator; a new line ends a statement.
  bool StatementEnd() { return lex_.Peek().kind == Tok::kIdent; }

  // Code where data was expected: skipped to the end of the value, read as null.
  uint32_t Unreadable(size_t offset, std::optional<uint32_t> node = std::nullopt) {
    auto [line, col] = lex_.Position(offset);
    (void)col;
    warnings_.push_back({SourceLocation{file_, line, 0},
                         "a value here is code, not data (a variable, a call, a function or a "
                         "computed text): not read"});
    SkipExpression();
    if (node) {
      tree_.nodes[*node] = TreeNode{TreeNode::Kind::kNull, false, {}, line, col, {}};
      return *node;
    }
    return Add(TreeNode::Kind::kNull, false, {}, offset);
  }

  // Skips tokens to the `,` `}` `]` `)` or `;` that ends the current value (bracket-balanced).
  void SkipExpression() {
    int depth = 0;
    while (lex_.Peek().kind != Tok::kEnd) {
      const Token& t = lex_.Peek();
      if (t.kind == Tok::kPunct) {
        if (depth == 0 &&
            (t.text == "," || t.text == "}" || t.text == "]" || t.text == ")" || t.text == ";"))
          return;
        if (t.text == "{" || t.text == "[" || t.text == "(") ++depth;
        if (t.text == "}" || t.text == "]" || t.text == ")") --depth;
        if (depth > 10'000)
          lex_.Fail(t.offset, "brackets nested too deeply", ErrorCode::kResourceExhausted);
      }
      lex_.Take();
    }
  }

  void Expect(std::string_view p, size_t open) {
    if (lex_.Peek().kind == Tok::kEnd)
      lex_.Fail(open, "a literal opens here and the file ends before it closes");
    if (!lex_.IsPunct(p)) lex_.Fail(lex_.Peek().offset, "expected '" + std::string(p) + "' here");
    lex_.Take();
  }

  uint32_t Object(int depth) {
    Token open = lex_.Take();
    uint32_t node = Add(TreeNode::Kind::kMapping, false, {}, open.offset);
    while (!lex_.IsPunct("}")) {
      if (lex_.Peek().kind == Tok::kEnd)
        lex_.Fail(open.offset, "an object opens here and the file ends before it closes");
      if (lex_.IsPunct("...") || lex_.IsPunct("[")) {
        Unreadable(lex_.Peek().offset);
      } else {
        Token key = lex_.Take();
        if (key.kind != Tok::kIdent && key.kind != Tok::kString && key.kind != Tok::kNumber &&
            !(key.kind == Tok::kTemplate && !key.substitution))
          lex_.Fail(key.offset, "expected a key here");
        if (lex_.IsPunct(":")) {
          lex_.Take();
          uint32_t k = Add(TreeNode::Kind::kScalar, true, key.text, key.offset);
          uint32_t v = Value(depth + 1);
          tree_.nodes[node].items.push_back(k);
          tree_.nodes[node].items.push_back(v);
        } else {
          Unreadable(key.offset);  // a shorthand property or a method: code
        }
      }
      if (lex_.IsPunct(",")) {
        lex_.Take();
      } else if (!lex_.IsPunct("}")) {
        Expect("}", open.offset);
        return node;
      }
    }
    lex_.Take();
    return node;
  }

  uint32_t Array(int depth) {
    Token open = lex_.Take();
    uint32_t node = Add(TreeNode::Kind::kSequence, false, {}, open.offset);
    while (!lex_.IsPunct("]")) {
      if (lex_.Peek().kind == Tok::kEnd)
        lex_.Fail(open.offset, "a list opens here and the file ends before it closes");
      uint32_t v = lex_.IsPunct(",")     ? Add(TreeNode::Kind::kNull, false, {}, lex_.Peek().offset)
                   : lex_.IsPunct("...") ? Unreadable(lex_.Peek().offset)
                                         : Value(depth + 1);
      tree_.nodes[node].items.push_back(v);
      if (lex_.IsPunct(",")) {
        lex_.Take();
      } else if (!lex_.IsPunct("]")) {
        Expect("]", open.offset);
        return node;
      }
    }
    lex_.Take();
    return node;
  }

  Lexer& lex_;
  Tree& tree_;
  std::string file_;
  std::vector<ImportWarning>& warnings_;
};

// Skips a TypeScript type annotation up to the `=` of the declaration.
void SkipType(Lexer& lex) {
  int depth = 0;
  while (lex.Peek().kind != Tok::kEnd) {
    const Token& t = lex.Peek();
    if (t.kind == Tok::kPunct) {
      if (depth == 0 && (t.text == "=" || t.text == ";")) return;
      if (t.text == "{" || t.text == "[" || t.text == "(" || t.text == "<") ++depth;
      if (t.text == "}" || t.text == "]" || t.text == ")" || t.text == ">") --depth;
    }
    lex.Take();
  }
}

bool StartsLiteral(Lexer& lex) { return lex.IsPunct("{") || lex.IsPunct("["); }

}  // namespace

Result<JsData> ReadJsLiterals(std::string_view text, std::string_view file) {
  JsData data;
  std::string name(file);
  try {
    Lexer lex(text, name);
    auto read = [&](std::string label) {
      JsLiteral lit;
      lit.name = std::move(label);
      LiteralParser parser(lex, lit.tree, name, data.warnings);
      lit.tree.root = parser.Value(0);
      data.literals.push_back(std::move(lit));
    };
    int depth = 0;
    bool first = true;
    while (lex.Peek().kind != Tok::kEnd) {
      if (first && depth == 0 && StartsLiteral(lex)) {
        read("");
        first = false;
        continue;
      }
      first = false;
      Token t = lex.Take();
      if (t.kind == Tok::kPunct) {
        if (t.text == "{" || t.text == "[" || t.text == "(") ++depth;
        if ((t.text == "}" || t.text == "]" || t.text == ")") && depth > 0) --depth;
        // `.push(` a literal, at any depth: (window.x = window.x || []).push({...})
        if (t.text == "." && lex.IsIdent("push")) {
          lex.Take();
          if (lex.IsPunct("(")) {
            lex.Take();
            if (StartsLiteral(lex))
              read("push");
            else
              ++depth;
          }
        }
        continue;
      }
      if (t.kind != Tok::kIdent || depth != 0) continue;
      if (t.text == "export" && lex.IsIdent("default")) {
        lex.Take();
        if (StartsLiteral(lex)) read("default");
      } else if (t.text == "const" || t.text == "let" || t.text == "var") {
        if (lex.Peek().kind != Tok::kIdent) continue;
        std::string var = lex.Take().text;
        if (lex.IsPunct(":")) SkipType(lex);
        if (lex.IsPunct("=")) {
          lex.Take();
          if (StartsLiteral(lex)) read(var);
        }
      } else if (lex.IsPunct(".")) {
        // module.exports = ..., exports.x = ..., window.x = ...
        lex.Take();
        if (lex.Peek().kind != Tok::kIdent) continue;
        std::string member = lex.Take().text;
        if (lex.IsPunct("=")) {
          lex.Take();
          if (StartsLiteral(lex)) read(t.text + "." + member);
        }
      }
    }
  } catch (const Problem& p) {
    return Fail(p.error);
  }
  return data;
}

bool LooksLikeJsData(std::string_view text) {
  std::string_view head = text.substr(0, 64 * 1024);
  for (std::string_view p :
       {"export default", "module.exports", "export const ", ").push(", "exports."})
    if (head.find(p) != std::string_view::npos) return true;
  std::string_view t = text::Trim(head);
  for (std::string_view p : {"const ", "let ", "var "})
    if (t.starts_with(p) && head.find('=') != std::string_view::npos) return true;
  return false;
}

}  // namespace ladder::formats
