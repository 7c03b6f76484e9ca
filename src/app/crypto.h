// The secrets of accounts, on libsodium (the only adapter of it): Argon2id password hashes,
// random tokens for sessions, CSRF and the API, the one-way hashes under which those tokens are
// stored, HMAC-SHA256 signatures, and constant-time comparison.
//
//   std::string stored = *HashPassword("correct horse battery");   // "$argon2id$v=19$m=..."
//   bool ok = VerifyPassword(stored, "correct horse battery");      // true
//   std::string secret = RandomToken();                             // 43 URL-safe characters
//   std::string key = TokenHash(secret);                            // what the store keeps
//
// Argon2id parameters: 2 passes over 19 MiB (OWASP's recommended minimum), so a login costs
// tens of milliseconds and 19 MiB while it runs, not the 64 MiB of libsodium's "interactive"
// preset. Hashing and checking pass through one gate per process: at most
// PasswordWorkLimit() of them run at once and the others wait their turn, so that a burst of
// sign-ins takes longer instead of taking memory (docs/performance.md). Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/error.h"

namespace ladder::app {

// How many Argon2id computations (hashes and checks) may run at once in this process; n < 1
// counts as 1. Default kDefaultPasswordWork. Takes effect for computations that start after it.
inline constexpr int kDefaultPasswordWork = 2;
void SetPasswordWorkLimit(int n);
int PasswordWorkLimit();
// The most computations that ran at once since the limit was last set.
int PasswordWorkPeak();

// An Argon2id hash string of `password` (with its salt and parameters). Errors: kInternal when
// the library cannot allocate the memory the hash needs.
Result<std::string> HashPassword(std::string_view password);

// True when `password` matches `stored` (a string from HashPassword). False for any malformed
// `stored`, never an error.
bool VerifyPassword(std::string_view stored, std::string_view password);

// True when `stored` was hashed with other parameters than HashPassword uses now (the caller
// rehashes at the next successful login).
bool PasswordNeedsRehash(std::string_view stored);

// `bytes` random bytes from the operating system's generator, as unpadded base64url.
std::string RandomToken(size_t bytes = 32);

// The hex BLAKE2b-256 of a token secret: the key under which sessions and API tokens are stored,
// so that a copy of the database does not hold usable credentials.
std::string TokenHash(std::string_view secret);

// The lower-case hex HMAC-SHA256 of `message` under `key` (the signature of a webhook,
// docs/notifications.md).
std::string HmacSha256Hex(std::string_view key, std::string_view message);

// Compares without leaking where the inputs differ (lengths may leak).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace ladder::app
