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

template <typename T>
using Result = std::expected<T, Error>;

using Status = std::expected<void, Error>;

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
#define LADDER_TRY_STATUS(expr)                                                   \
  do {                                                                            \
    auto ladder_status_ = (expr);                                                 \
    if (!ladder_status_)                                                          \
      return std::unexpected<::ladder::Error>(std::move(ladder_status_).error()); \
  } while (0)
