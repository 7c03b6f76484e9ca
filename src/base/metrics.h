// The process's metrics: what `ladder serve` exposes at /metrics in the Prometheus text format
// (docs/operations.md lists every series and what it is for). Each layer counts what it does
// where it does it (the router its requests, storage its transactions and connection pool, the
// caches their lookups, the rules their evaluations, the importers their documents, accounts
// their failed sign-ins); the server only writes them out.
//
//   metrics::CountRequest("/people/{person}", "GET", 200, 0.0012);
//   std::string text = metrics::Exposition();
//
// The only prometheus-cpp adapter. Thread-safe; a call costs a lookup of its labels and atomic
// adds. Series live for the life of the process (tests in one process see each other's counts:
// compare before and after).
#pragma once

#include <string>
#include <string_view>

namespace ladder::metrics {

// One answered HTTP request: `route` is the route's pattern ("/people/{person}"), or "" when no
// route matched (counted as "none"); `status` its HTTP status; `seconds` from its first byte to
// its answer being ready.
//   ladder_http_requests_total{route,method,code}
//   ladder_http_request_duration_seconds{route,method} (histogram)
void CountRequest(std::string_view route, std::string_view method, int status, double seconds);

// One database transaction, read or write, from borrowing a connection to giving it back
// (retries of a busy database included).
//   ladder_db_transaction_duration_seconds{kind="read"|"write"} (histogram)
void CountTransaction(bool write, double seconds);
// The connection pool: a connection opened (`delta_open`), borrowed or given back
// (`delta_in_use` +1 / -1), and how long a borrower waited for one.
//   ladder_db_pool_connections, ladder_db_pool_connections_in_use (gauges)
//   ladder_db_pool_wait_seconds (histogram)
void CountPool(int delta_open, int delta_in_use);
void CountPoolWait(double seconds);

// A lookup in one of the server's caches ("page", "records", "needs", "sessions").
//   ladder_cache_lookups_total{cache,result="hit"|"miss"}
void CountCacheLookup(std::string_view cache, bool hit);

// One eligibility evaluation (one person, one target).
//   ladder_evaluations_total
void CountEvaluation();

// One import of documents into a framework: the family that read them ("" when none did) and
// whether it succeeded.
//   ladder_imports_total{format,result="ok"|"failed"}
void CountImport(std::string_view format, bool ok);

// A sign-in refused (a wrong name or password, a disabled account, a throttled client).
//   ladder_sign_in_failures_total{reason}
void CountSignInFailure(std::string_view reason);

// Every series in the Prometheus text format (version 0.0.4), with the process's own:
//   process_resident_memory_bytes, process_start_time_seconds, process_cpu_seconds_total,
//   process_open_fds
std::string Exposition();

// The value of the series written exactly as `series` (its name and labels, as Exposition()
// writes them) in an exposition `text`; -1 when it is absent. For tests and checks.
double ValueIn(std::string_view text, std::string_view series);

// The Content-Type of Exposition()'s text.
inline constexpr std::string_view kExpositionType = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace ladder::metrics
