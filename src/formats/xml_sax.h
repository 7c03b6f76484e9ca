// Streaming XML: the only libxml2 adapter. Feeds bytes in chunks (as they come out of a ZIP
// entry) to libxml2's SAX2 push parser and calls a handler per element and text run, so a sheet
// of 100,000 rows is read in constant memory. Safe on hostile input: no network, no external
// entities or DTDs loaded, entities not substituted (libxml2's own expansion and depth limits
// stay on), CDATA read as text.
//
//   class Rows : public XmlHandler { ... };
//   XmlPushParser parser(handler, "book.xlsx, xl/worksheets/sheet1.xml");
//   parser.Feed(chunk) ... parser.Finish();
//
// Not thread-safe per parser; independent parsers may run on different threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/error.h"

namespace ladder::formats {

// One attribute of an element: its local name (without prefix) and value.
struct XmlAttribute {
  std::string_view name;
  std::string value;
};

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `name` is the local name (no namespace prefix). Return false to stop parsing (not an error).
  virtual bool Start(std::string_view name, const std::vector<XmlAttribute>& attributes) = 0;
  virtual bool End(std::string_view name) = 0;
  virtual bool Text(std::string_view text) = 0;
};

class XmlPushParser {
 public:
  // `where` names the document in errors ("book.xlsx, xl/workbook.xml").
  XmlPushParser(XmlHandler& handler, std::string where);
  ~XmlPushParser();
  XmlPushParser(const XmlPushParser&) = delete;
  XmlPushParser& operator=(const XmlPushParser&) = delete;

  // Parses the next chunk. Returns false once parsing stopped (the handler asked, or an error:
  // see Finish). Errors are reported by Finish.
  bool Feed(std::string_view chunk);
  // Ends the document. Errors: kParse "where: line L: message" for malformed XML.
  Status Finish();
  // True when the handler stopped the parse early.
  bool Stopped() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Parses a whole document held in memory.
Status ParseXml(std::string_view xml, XmlHandler& handler, std::string where);

// The value of attribute `name` in `attributes`, or nullptr.
const std::string* FindAttribute(const std::vector<XmlAttribute>& attributes,
                                 std::string_view name);

}  // namespace ladder::formats
