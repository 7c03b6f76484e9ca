#include "formats/xml_sax.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <mutex>
#include <optional>

namespace ladder::formats {
namespace {

std::string_view View(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

}  // namespace

struct XmlPushParser::State {
  XmlHandler& handler;
  std::string where;
  xmlParserCtxtPtr ctxt = nullptr;
  std::optional<Error> error;
  bool stopped = false;
  bool started = false;
  std::vector<XmlAttribute> attributes;  // reused between elements

  State(XmlHandler& h, std::string w) : handler(h), where(std::move(w)) {}
  ~State() {
    if (ctxt) {
      xmlFreeDoc(ctxt->myDoc);
      xmlFreeParserCtxt(ctxt);
    }
  }

  void Stop() {
    stopped = true;
    xmlStopParser(ctxt);
  }

  static State& Of(void* ctx) {
    auto* c = static_cast<xmlParserCtxtPtr>(ctx);
    return *static_cast<State*>(c->_private);
  }

  static void OnStart(void* ctx, const xmlChar* localname, const xmlChar*, const xmlChar*, int,
                      const xmlChar**, int nb_attributes, int, const xmlChar** attrs) {
    State& s = Of(ctx);
    if (s.stopped) return;
    s.attributes.clear();
    for (int i = 0; i < nb_attributes; ++i) {
      const xmlChar** a = attrs + 5 * i;
      std::string value(reinterpret_cast<const char*>(a[3]), static_cast<size_t>(a[4] - a[3]));
      // libxml2 keeps '&' escaped in attribute values when it does not substitute entities.
      for (size_t p = value.find("&#38;"); p != std::string::npos; p = value.find("&#38;", p + 1))
        value.replace(p, 5, "&");
      s.attributes.push_back({View(a[0]), std::move(value)});
    }
    if (!s.handler.Start(View(localname), s.attributes)) s.Stop();
  }
  static void OnEnd(void* ctx, const xmlChar* localname, const xmlChar*, const xmlChar*) {
    State& s = Of(ctx);
    if (!s.stopped && !s.handler.End(View(localname))) s.Stop();
  }
  static void OnText(void* ctx, const xmlChar* ch, int len) {
    State& s = Of(ctx);
    if (s.stopped || len <= 0) return;
    if (!s.handler.Text(
            std::string_view(reinterpret_cast<const char*>(ch), static_cast<size_t>(len))))
      s.Stop();
  }
  static void OnError(void* ctx, xmlErrorPtr e) {
    State& s = Of(ctx);
    if (s.error || !e) return;
    std::string message = e->message ? e->message : "malformed XML";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    s.error =
        Error{ErrorCode::kParse,
              s.where + ": line " + std::to_string(e->line) + ": malformed XML (" + message + ")",
              {},
              {}};
  }
};

XmlPushParser::XmlPushParser(XmlHandler& handler, std::string where)
    : state_(std::make_unique<State>(handler, std::move(where))) {}

XmlPushParser::~XmlPushParser() = default;

bool XmlPushParser::Feed(std::string_view chunk) {
  State& s = *state_;
  if (s.stopped || s.error) return false;
  if (!s.started) {
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });
    static xmlSAXHandler sax = [] {
      xmlSAXHandler h{};
      h.initialized = XML_SAX2_MAGIC;
      h.startElementNs = &State::OnStart;
      h.endElementNs = &State::OnEnd;
      h.characters = &State::OnText;
      h.cdataBlock = &State::OnText;
      h.serror = &State::OnError;
      return h;
    }();
    s.ctxt = xmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, nullptr);
    if (!s.ctxt) {
      s.error = Error{ErrorCode::kInternal, s.where + ": cannot create an XML parser", {}, {}};
      return false;
    }
    s.ctxt->_private = &s;
    xmlCtxtUseOptions(
        s.ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    s.started = true;
  }
  int rc = xmlParseChunk(s.ctxt, chunk.data(), static_cast<int>(chunk.size()), 0);
  if (rc != 0 && !s.error && !s.stopped)
    s.error = Error{ErrorCode::kParse, s.where + ": malformed XML", {}, {}};
  return !s.stopped && !s.error;
}

Status XmlPushParser::Finish() {
  State& s = *state_;
  if (!s.stopped && !s.error) {
    if (!s.started) Feed({});
    if (s.ctxt && !s.error) {
      int rc = xmlParseChunk(s.ctxt, nullptr, 0, 1);
      if (rc != 0 && !s.error && !s.stopped)
        s.error = Error{ErrorCode::kParse, s.where + ": malformed or truncated XML", {}, {}};
    }
  }
  if (s.error) return Fail(*s.error);
  return Ok();
}

bool XmlPushParser::Stopped() const { return state_->stopped; }

Status ParseXml(std::string_view xml, XmlHandler& handler, std::string where) {
  XmlPushParser parser(handler, std::move(where));
  constexpr size_t kChunk = 64 * 1024;
  for (size_t i = 0; i < xml.size(); i += kChunk) {
    if (!parser.Feed(xml.substr(i, kChunk))) break;
  }
  return parser.Finish();
}

const std::string* FindAttribute(const std::vector<XmlAttribute>& attributes,
                                 std::string_view name) {
  for (const XmlAttribute& a : attributes)
    if (a.name == name) return &a.value;
  return nullptr;
}

}  // namespace ladder::formats
