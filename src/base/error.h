// Errors, results and statuses: the one error mechanism of Ladder.
//
// Every fallible function returns Result<T> (a value or an Error) or Status (nothing or an
// Error). Errors carry a code, a message a user can act on, and where the problem is: a
// document location `file:line:col` when the input was a document, or a field path.
// Libraries that throw are wrapped in the folder that adapts them; no exception crosses a layer.
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <utility>

namespace ladder {

enum class ErrorCode {
  kInvalidArgument,   // bad input from a user or a document: exit 2, HTTP 400/422
  kParse,             // a document that cannot be read: exit 2, HTTP 422
  kNotFound,          // exit 2, HTTP 404
  kAlreadyExists,     // exit 2, HTTP 409
  kConflict,          // a state that forbids the change (published version, closed case): HTTP 409
  kPermissionDenied,  // HTTP 403
  kUnauthenticated,   // HTTP 401
  kFailedPrecondition,
  kResourceExhausted,  // too large, too deep: HTTP 413
  kUnavailable,        // a database or server that cannot be reached: HTTP 503
  kIo,                 // file system: exit 2, HTTP 500
  kInternal,           // a bug: HTTP 500
};

std::string_view ErrorCodeName(ErrorCode code);

// Where in a document something is. line and column are 1-based; 0 means unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  bool Known() const { return !file.empty() || line > 0; }
  // "file:line:col", "file:line", "file" or "" depending on what is known.
  std::string ToString() const;
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  SourceLocation where;
  std::string field;  // dotted path of the offending field or column, when there is one

  // "file:line:col: message" (or "field: message"), the form every command prints.
  std::string ToString() const;
};

// A value or the error that prevented it. [[nodiscard]]: an ignored Result is an ignored
// error; where ignoring is right, the caller says so with `(void)` and a comment why.
template <typename T>
class [[nodiscard]] Result : public std::expected<T, Error> {
 public:
  using std::expected<T, Error>::expected;
  Result(std::expected<T, Error> e) : std::expected<T, Error>(std::move(e)) {}  // NOLINT
};

// Success or the error that prevented it; [[nodiscard]] as Result.
class [[nodiscard]] Status : public std::expected<void, Error> {
 public:
  using std::expected<void, Error>::expected;
  Status(std::expected<void, Error> e) : std::expected<void, Error>(std::move(e)) {}  // NOLINT
};

inline Status Ok() { return {}; }

inline std::unexpected<Error> MakeError(ErrorCode code, std::string message,
                                        SourceLocation where = {}, std::string field = {}) {
  return std::unexpected<Error>(
      Error{code, std::move(message), std::move(where), std::move(field)});
}

inline std::unexpected<Error> Fail(Error error) { return std::unexpected<Error>(std::move(error)); }

}  // namespace ladder

#define LADDER_CONCAT_INNER_(a, b) a##b
#define LADDER_CONCAT_(a, b) LADDER_CONCAT_INNER_(a, b)

// LADDER_TRY(T x, Expr()) declares x from a Result, or returns its error.
#define LADDER_TRY(decl, expr) LADDER_TRY_IMPL_(LADDER_CONCAT_(ladder_try_, __LINE__), decl, expr)
#define LADDER_TRY_IMPL_(tmp, decl, expr)                                    \
  auto tmp = (expr);                                                         \
  if (!tmp) return std::unexpected<::ladder::Error>(std::move(tmp).error()); \
  decl = std::move(*tmp)

// LADDER_TRY_STATUS(Expr()) returns the error of a Status or Result, if any.
// (A name of its own per use, so that one may nest in a lambda inside another.)
#define LADDER_TRY_STATUS(expr) \
  LADDER_TRY_STATUS_IMPL_(LADDER_CONCAT_(ladder_status_, __COUNTER__), expr)
#define LADDER_TRY_STATUS_IMPL_(status, expr)                                        \
  do {                                                                               \
    auto status = (expr);                                                            \
    if (!status) return std::unexpected<::ladder::Error>(std::move(status).error()); \
  } while (0)
