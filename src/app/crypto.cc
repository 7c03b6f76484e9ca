#include "app/crypto.h"

#include <sodium.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace ladder::app {
namespace {

constexpr unsigned long long kOpsLimit = 2;
constexpr size_t kMemLimit = size_t{19} << 20;

// sodium_init() is idempotent and thread-safe; it must run before any other call.
bool Init() {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

// The gate of Argon2id work: a counting semaphore whose size can change.
class WorkGate {
 public:
  static WorkGate& Instance() {
    static WorkGate gate;
    return gate;
  }
  void SetLimit(int n) {
    {
      std::lock_guard lock(mutex_);
      limit_ = std::max(1, n);
      peak_ = running_;
    }
    turn_.notify_all();
  }
  int Limit() {
    std::lock_guard lock(mutex_);
    return limit_;
  }
  int Peak() {
    std::lock_guard lock(mutex_);
    return peak_;
  }
  void Enter() {
    std::unique_lock lock(mutex_);
    turn_.wait(lock, [this] { return running_ < limit_; });
    peak_ = std::max(peak_, ++running_);
  }
  void Leave() {
    {
      std::lock_guard lock(mutex_);
      --running_;
    }
    turn_.notify_one();
  }

 private:
  std::mutex mutex_;
  std::condition_variable turn_;
  int limit_ = kDefaultPasswordWork;
  int running_ = 0;
  int peak_ = 0;
};

// Holds a place in the gate for its lifetime.
class Turn {
 public:
  Turn() { WorkGate::Instance().Enter(); }
  ~Turn() { WorkGate::Instance().Leave(); }
  Turn(const Turn&) = delete;
  Turn& operator=(const Turn&) = delete;
};

}  // namespace

void SetPasswordWorkLimit(int n) { WorkGate::Instance().SetLimit(n); }
int PasswordWorkLimit() { return WorkGate::Instance().Limit(); }
int PasswordWorkPeak() { return WorkGate::Instance().Peak(); }

Result<std::string> HashPassword(std::string_view password) {
  if (!Init()) return MakeError(ErrorCode::kInternal, "libsodium failed to initialise");
  char out[crypto_pwhash_STRBYTES];
  Turn turn;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return MakeError(ErrorCode::kInternal, "not enough memory to hash a password");
  return std::string(out);
}

bool VerifyPassword(std::string_view stored, std::string_view password) {
  if (!Init() || stored.empty() || stored.size() >= crypto_pwhash_STRBYTES) return false;
  std::string s(stored);  // NUL-terminated copy
  Turn turn;
  return crypto_pwhash_str_verify(s.c_str(), password.data(), password.size()) == 0;
}

bool PasswordNeedsRehash(std::string_view stored) {
  if (!Init()) return false;
  std::string s(stored);
  return crypto_pwhash_str_needs_rehash(s.c_str(), kOpsLimit, kMemLimit) != 0;
}

std::string RandomToken(size_t bytes) {
  Init();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  sodium_memzero(raw.data(), raw.size());
  return out;
}

std::string TokenHash(std::string_view secret) {
  Init();
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size(), nullptr, 0);
  char hex[crypto_generichash_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

std::string HmacSha256Hex(std::string_view key, std::string_view message) {
  Init();
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                              key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  Init();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace ladder::app
