#include "app/password_rules.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "base/text.h"

namespace ladder::app {
namespace {

// Ladder's own list: words that people choose for passwords again and again, written for this
// project from the patterns every leaked-password study reports (the word "password" in many
// languages, greetings, keyboard words, pets and names, sports teams and brands, seasons,
// months and days, the product's and the workplace's own words). Lower case, letters only,
// sorted; digits and symbols around a word, and symbols standing for letters, are folded away
// before the lookup.
constexpr std::string_view kCommon[] = {
    "abc",          "abcabc",      "access",      "admin",          "adminadmin",  "administrator",
    "america",      "angel",       "angels",      "anthony",        "apple",       "april",
    "arsenal",      "asd",         "asdf",        "asdfgh",         "ashley",      "august",
    "autumn",       "azerty",      "baby",        "babygirl",       "banana",      "barcelona",
    "baseball",     "basketball",  "batman",      "beautiful",      "berlin",      "bigdaddy",
    "biteme",       "blessed",     "blink",       "blue",           "bond",        "boston",
    "brandon",      "business",    "buster",      "butterfly",      "canada",      "career",
    "careerladder", "changeit",    "changeme",    "charlie",        "cheese",      "chelsea",
    "cherry",       "chicago",     "chocolate",   "christ",         "coffee",      "company",
    "computer",     "contrasena",  "cookie",      "corvette",       "cowboys",     "dallas",
    "daniel",       "darling",     "database",    "december",       "default",     "demo",
    "diamond",      "disney",      "doggy",       "dragon",         "eagles",      "employee",
    "england",      "example",     "facebook",    "faith",          "family",      "february",
    "ferrari",      "fishing",     "flower",      "football",       "forever",     "fortnite",
    "france",       "freedom",     "friday",      "friends",        "gandalf",     "germany",
    "ginger",       "golden",      "golf",        "goodmorning",    "goodnight",   "google",
    "guest",        "guestguest",  "guitar",      "hammer",         "hannah",      "happy",
    "happyday",     "harley",      "haslo",       "heaven",         "hello",       "hellothere",
    "helloworld",   "hockey",      "honey",       "hunter",         "iamtheadmin", "iloveu",
    "iloveyou",     "instagram",   "internet",    "iphone",         "ironman",     "jack",
    "january",      "jennifer",    "jessica",     "jesus",          "jordan",      "joshua",
    "july",         "june",        "juventus",    "killer",         "kitten",      "ladder",
    "ladderadmin",  "lakers",      "letmein",     "letmeinnow",     "liverpool",   "login",
    "london",       "love",        "lovely",      "loveme",         "lover",       "loveyou",
    "maggie",       "manager",     "march",       "mario",          "master",      "matrix",
    "matthew",      "maverick",    "may",         "mercedes",       "merlin",      "michael",
    "michelle",     "mickey",      "microsoft",   "minecraft",      "monday",      "money",
    "monkey",       "motdepasse",  "mustang",     "mustchange",     "myladder",    "mypass",
    "mypassword",   "naruto",      "newpass",     "newpassword",    "newyork",     "nicole",
    "nintendo",     "none",        "nothing",     "november",       "null",        "october",
    "office",       "oldpassword", "opensesame",  "orange",         "paris",       "parola",
    "pass",         "passpass",    "passw",       "passwd",         "password",    "passwort",
    "peanut",       "pepper",      "phoenix",     "pikachu",        "playstation", "pokemon",
    "porsche",      "princess",    "private",     "promotion",      "public",      "pumpkin",
    "purple",       "qazwsx",      "qwe",         "qwert",          "qwerty",      "qwertyui",
    "qwertz",       "rainbow",     "ranger",      "robert",         "rockstar",    "root",
    "rootroot",     "salasana",    "samsung",     "saturday",       "secret",      "secretpassword",
    "secure",       "security",    "senha",       "september",      "server",      "service",
    "shadow",       "silver",      "snoopy",      "soccer",         "sonic",       "spiderman",
    "spring",       "starwars",    "strong",      "strongpassword", "summer",      "sunday",
    "sunshine",     "superman",    "superstar",   "support",        "sweetheart",  "sweetie",
    "system",       "taylor",      "temp",        "temporary",      "tennis",      "test",
    "tester",       "testing",     "testtest",    "thomas",         "thunder",     "thursday",
    "tigger",       "tokyo",       "toor",        "trustme",        "trustno",     "tuesday",
    "twitter",      "unicorn",     "user",        "username",       "useruser",    "wachtwoord",
    "wednesday",    "welcome",     "welcomeback", "whatever",       "windows",     "winter",
    "yankees",      "yellow",      "zaq",         "zxcv",           "zxcvbn",
};

// Symbols and digits that stand for letters.
char Unleet(char c) {
  switch (c) {
    case '@':
    case '4':
      return 'a';
    case '8':
      return 'b';
    case '3':
      return 'e';
    case '6':
    case '9':
      return 'g';
    case '1':
    case '!':
      return 'i';
    case '|':
      return 'l';
    case '0':
      return 'o';
    case '$':
    case '5':
      return 's';
    case '7':
    case '+':
      return 't';
    default:
      return c;
  }
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "P@ssw0rd2024!" -> "password": the letters between the first and the last letter, symbols
// standing for letters read as letters, the rest dropped, lower case.
std::string Core(std::string_view password) {
  size_t first = 0;
  while (first < password.size() && !IsAsciiLetter(password[first])) ++first;
  size_t last = password.size();
  while (last > first && !IsAsciiLetter(password[last - 1])) --last;
  std::string core;
  for (size_t i = first; i < last; ++i) {
    char c = Unleet(static_cast<char>(std::tolower(static_cast<unsigned char>(password[i]))));
    if (c >= 'a' && c <= 'z') core += c;
  }
  return core;
}

bool IsWhiteSpace(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

std::vector<char32_t> CodePoints(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    char32_t c = text::DecodeUtf8(s, i, &len);
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    out.push_back(c);
    i += len;
  }
  return out;
}

// Each character next to the one before on one line of the alphabet, the digits or the
// keyboard, always in the same direction.
bool IsRun(const std::vector<char32_t>& cps) {
  if (cps.size() < 3) return false;
  for (int step : {1, -1}) {
    bool run = true;
    for (size_t i = 1; i < cps.size() && run; ++i)
      run = static_cast<int64_t>(cps[i]) - static_cast<int64_t>(cps[i - 1]) == step;
    if (run) return true;
  }
  static const std::array<std::u32string_view, 8> kRows = {U"12345678901234567890",
                                                           U"qwertyuiopqwertyuiop",
                                                           U"asdfghjklasdfghjkl",
                                                           U"zxcvbnmzxcvbnm",
                                                           U"qwertzuiopqwertzuiop",
                                                           U"azertyuiopazertyuiop",
                                                           U"1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
                                                           U"qazwsxedcrfvtgbyhnujmikolp"};
  std::u32string s(cps.begin(), cps.end());
  std::u32string reversed(s.rbegin(), s.rend());
  for (std::u32string_view row : kRows)
    if (row.find(s) != std::u32string_view::npos || row.find(reversed) != std::u32string_view::npos)
      return true;
  return false;
}

// The shortest part that, repeated, makes the whole; empty when there is none.
std::u32string RepeatedPart(const std::vector<char32_t>& cps) {
  const size_t n = cps.size();
  for (size_t unit = 1; unit <= n / 2; ++unit) {
    if (n % unit != 0) continue;
    bool repeats = true;
    for (size_t i = unit; i < n && repeats; ++i) repeats = cps[i] == cps[i - unit];
    if (repeats) return std::u32string(cps.begin(), cps.begin() + static_cast<ptrdiff_t>(unit));
  }
  return {};
}

std::string Utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) text::AppendUtf8(c, out);
  return out;
}

std::unexpected<Error> Refuse(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(message), {}, "password");
}

}  // namespace

bool IsCommonPassword(std::string_view password) {
  static const std::set<std::string_view> kWords(std::begin(kCommon), std::end(kCommon));
  std::string core = Core(password);
  return !core.empty() && kWords.count(core) > 0;
}

Status CheckNewPassword(std::string_view password, size_t min_length) {
  size_t bad = 0;
  if (!text::IsValidUtf8(password, &bad))
    return Refuse("the password is not valid UTF-8 text (at byte " + std::to_string(bad) + ")");
  std::vector<char32_t> cps = CodePoints(password);
  if (cps.size() < min_length)
    return Refuse("the password must have at least " + std::to_string(min_length) +
                  " characters; it has " + std::to_string(cps.size()));
  if (cps.size() > kMaxPasswordLength)
    return Refuse("the password is longer than " + std::to_string(kMaxPasswordLength) +
                  " characters");
  if (std::all_of(cps.begin(), cps.end(), IsWhiteSpace))
    return Refuse("the password is only white space");
  // A run with a few digits or symbols around it is still a run ("qwertyuiop!", "abcdefg123").
  std::string core = Core(password);
  if (IsRun(cps) || (core.size() >= 6 && IsRun(CodePoints(core))))
    return Refuse(
        "the password is a run of neighbouring characters (like 1234567890, abcdefghij or "
        "qwertyuiop), which is among the first guesses");
  if (std::u32string part = RepeatedPart(cps); !part.empty())
    return Refuse("the password is '" + Utf8(part) + "' repeated, which is easy to guess");
  if (std::set<char32_t>(cps.begin(), cps.end()).size() < kMinDistinct)
    return Refuse("the password uses fewer than " + std::to_string(kMinDistinct) +
                  " different characters");
  if (IsCommonPassword(password))
    return Refuse("the password is a common password ('" + Core(password) +
                  "' with digits or symbols around it), among the first an attacker tries; "
                  "choose a phrase of several words");
  return Ok();
}

}  // namespace ladder::app
