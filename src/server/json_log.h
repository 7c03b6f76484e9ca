// JSON-lines logs (`ladder serve --log-format json`): every line the server writes to stderr is
// one JSON object with "time" (ISO-8601 UTC, milliseconds), "level" and "logger", then either
// the fields of an access-log entry (whose message is itself a JSON object: "request_id",
// "client", "method", "path", "route", "status", "bytes", "ms") or "message". For log shippers
// that read JSON; the default text lines suit journald and logrotate as they are.
#pragma once

#include <spdlog/formatter.h>

#include <memory>
#include <string>
#include <string_view>

namespace ladder::server {

// The formatter of JSON lines, for any spdlog logger.
std::unique_ptr<spdlog::formatter> JsonLineFormatter();

// Makes spdlog's default logger (and loggers made after it by the server) write JSON lines.
void UseJsonLogs();

// `s` as a JSON string literal, quotes included, any bytes made valid UTF-8.
std::string JsonString(std::string_view s);

}  // namespace ladder::server
