// Checks the layering of src/ (DESIGN.md §5): no file includes a header of a layer above its
// own, and third-party libraries stay inside the folder that adapts them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::map<std::string, int> Layers() {
  std::ifstream in(std::string(LADDER_SOURCE_DIR) + "/tests/layers.txt");
  std::map<std::string, int> layers;
  std::string line;
  int rank = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    layers[line] = rank++;
  }
  return layers;
}

struct Include {
  std::string file;
  int line;
  std::string header;
};

std::vector<Include> Includes() {
  std::vector<Include> out;
  const std::regex include_re(R"re(^\s*#\s*include\s*[<"]([^>"]+)[>"])re");
  for (const auto& entry :
       fs::recursive_directory_iterator(std::string(LADDER_SOURCE_DIR) + "/src")) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (ext != ".h" && ext != ".cc") continue;
    std::ifstream in(entry.path());
    std::string text;
    int n = 0;
    while (std::getline(in, text)) {
      ++n;
      std::smatch m;
      if (std::regex_search(text, m, include_re))
        out.push_back({fs::relative(entry.path(), std::string(LADDER_SOURCE_DIR) + "/src").string(),
                       n, m[1].str()});
    }
  }
  return out;
}

std::string TopFolder(const std::string& path) { return path.substr(0, path.find('/')); }

TEST(Layering, NoFileIncludesAHigherLayer) {
  const auto layers = Layers();
  ASSERT_GE(layers.size(), 10u);
  int checked = 0;
  for (const Include& inc : Includes()) {
    const std::string from = TopFolder(inc.file);
    const std::string to = TopFolder(inc.header);
    if (inc.header.find('/') == std::string::npos || !layers.count(to)) continue;
    ASSERT_TRUE(layers.count(from)) << inc.file << " is in a folder missing from tests/layers.txt";
    ++checked;
    EXPECT_LE(layers.at(to), layers.at(from))
        << "src/" << inc.file << ":" << inc.line << " includes " << inc.header << ", but " << from
        << " is below " << to;
  }
  EXPECT_GT(checked, 0);
}

// Third-party headers that only one folder may use.
TEST(Layering, ThirdPartyLibrariesStayInTheirAdapter) {
  const std::vector<std::pair<std::string, std::string>> owners = {
      {"soci/", "storage"},        {"httplib.h", "server"}, {"libpq", "storage"},
      {"sqlite3.h", "storage"},    {"gumbo.h", "formats"},  {"yaml-cpp/", "formats"},
      {"xlsxwriter.h", "formats"}, {"sodium.h", "app"},     {"microhttpd.h", "server"},
      {"zlib.h", "server"},        {"prometheus/", "base"}, {"curl/", "app"},
  };
  for (const Include& inc : Includes()) {
    for (const auto& [prefix, owner] : owners) {
      if (inc.header.rfind(prefix, 0) == 0) {
        EXPECT_EQ(TopFolder(inc.file), owner)
            << "src/" << inc.file << ":" << inc.line << " includes " << inc.header
            << ", which only src/" << owner << "/ may use";
      }
    }
  }
}

// Inside server/, one file speaks HTTP through a library: libmicrohttpd in http_listener.cc.
// cpp-httplib is only the tests' client, never part of the server library.
TEST(Layering, TheServerHasOneHttpAdapter) {
  int seen = 0;
  for (const Include& inc : Includes()) {
    const bool test = inc.file.ends_with("_test.cc") || inc.file == "server/server_testing.h";
    if (inc.header == "microhttpd.h") {
      ++seen;
      EXPECT_EQ(inc.file, "server/http_listener.cc") << "src/" << inc.file << ":" << inc.line;
    }
    if (inc.header == "httplib.h") {
      EXPECT_TRUE(test) << "src/" << inc.file << ":" << inc.line
                        << " includes httplib.h outside the tests";
    }
  }
  EXPECT_EQ(seen, 1);
}

}  // namespace
