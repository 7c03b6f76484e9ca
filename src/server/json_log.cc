#include "server/json_log.h"

#include <spdlog/details/log_msg.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>

namespace ladder::server {
namespace {

class JsonFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    std::string line = "{\"time\":\"" + IsoTime(msg.time) + "\",\"level\":\"" +
                       std::string(spdlog::level::to_string_view(msg.level).data(),
                                   spdlog::level::to_string_view(msg.level).size()) +
                       "\",\"logger\":" +
                       JsonString(std::string_view(msg.logger_name.data(), msg.logger_name.size()));
    std::string_view text(msg.payload.data(), msg.payload.size());
    if (text.size() >= 2 && text.front() == '{' && text.back() == '}') {
      // An entry that is already an object (the access log): its fields join the line's.
      line += text.size() > 2 ? "," + std::string(text.substr(1)) : "}";
    } else {
      line += ",\"message\":" + JsonString(text) + "}";
    }
    line += '\n';
    dest.append(line.data(), line.data() + line.size());
  }

  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>();
  }

 private:
  static std::string IsoTime(spdlog::log_clock::time_point t) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch());
    const std::time_t seconds = static_cast<std::time_t>(ms.count() / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                  static_cast<int>(ms.count() % 1000));
    return buf;
  }
};

}  // namespace

std::unique_ptr<spdlog::formatter> JsonLineFormatter() { return std::make_unique<JsonFormatter>(); }

void UseJsonLogs() {
  // Log lines go to stderr, whatever the default logger wrote to before.
  spdlog::set_default_logger(std::make_shared<spdlog::logger>(
      "ladder", std::make_shared<spdlog::sinks::stderr_sink_mt>()));
  spdlog::set_formatter(JsonLineFormatter());
}

std::string JsonString(std::string_view s) {
  return nlohmann::json(std::string(s))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ladder::server
