// Checks the layering of src/ against the graph in tests/layers.txt, file by file: each file
// includes headers only of its own layer and of the layers its layer may depend on (test files
// also of their layer's test-only dependencies), and each third-party library only from the
// files listed for it. The top CMakeLists.txt links the libraries from the same graph.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Library {
  std::vector<std::string> prefixes;  // header paths it owns, e.g. "soci/" or "microhttpd.h"
  std::set<std::string> files;        // files of src/ that may include them
  bool tests = false;                 // every test file may include them
};

struct Graph {
  std::map<std::string, std::set<std::string>> deps;       // layer -> layers it may include
  std::map<std::string, std::set<std::string>> test_deps;  // test files' extra layers
  std::map<std::string, std::string> members;  // "storage/types" -> the part layer holding it
  std::map<std::string, Library> libraries;
  std::set<std::string> platform;  // system headers any file may include
};

std::vector<std::string> Words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// tests/layers.txt; a line starting with white space continues the one before it.
Graph ReadGraph() {
  std::ifstream in(std::string(LADDER_SOURCE_DIR) + "/tests/layers.txt");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    if ((line[0] == ' ' || line[0] == '\t') && !lines.empty())
      lines.back() += " " + line;
    else
      lines.push_back(line);
  }
  Graph g;
  for (const std::string& line : lines) {
    const size_t colon = line.find(':');
    EXPECT_NE(colon, std::string::npos) << "tests/layers.txt: no ':' in \"" << line << "\"";
    if (colon == std::string::npos) continue;
    const std::vector<std::string> head = Words(line.substr(0, colon));
    const std::vector<std::string> tail = Words(line.substr(colon + 1));
    if (head.size() >= 2 && head[0] == "layer") {
      auto& deps = g.deps[head[1]];
      deps.insert(tail.begin(), tail.end());
      // "layer NAME = FOLDER/STEM ...": a part of a folder that is a layer of its own.
      for (size_t i = 3; i < head.size() && head[2] == "="; ++i) g.members[head[i]] = head[1];
    } else if (head.size() == 2 && head[0] == "tests") {
      g.test_deps[head[1]].insert(tail.begin(), tail.end());
    } else if (head.size() >= 3 && head[0] == "library") {
      Library& lib = g.libraries[head[1]];
      lib.prefixes.assign(head.begin() + 2, head.end());
      for (const std::string& f : tail) {
        if (f == "tests")
          lib.tests = true;
        else
          lib.files.insert(f);
      }
    } else if (head.size() == 1 && head[0] == "platform") {
      g.platform.insert(tail.begin(), tail.end());
    } else {
      ADD_FAILURE() << "tests/layers.txt: cannot read \"" << line << "\"";
    }
  }
  return g;
}

struct Include {
  std::string file;  // relative to src/
  int line;
  std::string header;
  bool angled;  // <...>
};

std::vector<std::string> SourceFiles() {
  std::vector<std::string> out;
  const std::string src = std::string(LADDER_SOURCE_DIR) + "/src";
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (ext == ".h" || ext == ".cc") out.push_back(fs::relative(entry.path(), src).string());
  }
  return out;
}

std::vector<Include> ReadIncludes() {
  std::vector<Include> out;
  const std::regex include_re(R"re(^\s*#\s*include\s*([<"])([^>"]+)[>"])re");
  for (const std::string& file : SourceFiles()) {
    std::ifstream in(std::string(LADDER_SOURCE_DIR) + "/src/" + file);
    std::string text;
    int n = 0;
    while (std::getline(in, text)) {
      ++n;
      std::smatch m;
      if (text.find("include") != std::string::npos && std::regex_search(text, m, include_re))
        out.push_back({file, n, m[2].str(), m[1].str() == "<"});
    }
  }
  return out;
}

// Every include of every file of src/, read once.
const std::vector<Include>& Includes() {
  static const std::vector<Include> includes = ReadIncludes();
  return includes;
}

bool IsTestFile(const std::string& file) {
  return file.ends_with("_test.cc") || file.ends_with("_fuzz.cc") || file.ends_with("_testing.h") ||
         file.find("/testing/") != std::string::npos;
}

std::string TopFolder(const std::string& path) { return path.substr(0, path.find('/')); }

// The layer of a file or header of src/: its folder, unless the graph makes it part of a layer
// of its own.
std::string LayerOf(const Graph& g, const std::string& path) {
  std::string stem = path.substr(0, path.rfind('.'));
  if (auto it = g.members.find(stem); it != g.members.end()) return it->second;
  return TopFolder(path);
}

// The headers of the C++ standard library (and the C headers it includes as <cname>).
bool IsStandardHeader(const std::string& h) {
  static const std::regex standard(
      "algorithm|any|array|atomic|bit|bitset|c[a-z]+|charconv|chrono|compare|concepts|"
      "condition_variable|deque|exception|expected|filesystem|format|forward_list|fstream|"
      "functional|future|initializer_list|iomanip|ios|iosfwd|iostream|istream|iterator|limits|"
      "list|locale|map|memory|memory_resource|mutex|new|numbers|numeric|optional|ostream|print|"
      "queue|random|ranges|ratio|regex|scoped_allocator|semaphore|set|shared_mutex|"
      "source_location|span|sstream|stack|stacktrace|stdexcept|stop_token|streambuf|string|"
      "string_view|system_error|thread|tuple|type_traits|typeindex|typeinfo|unordered_map|"
      "unordered_set|utility|valarray|variant|vector|version");
  return std::regex_match(h, standard);
}

TEST(Layering, TheGraphNamesEveryFolderAndOnlyKnownLayers) {
  const Graph g = ReadGraph();
  ASSERT_GE(g.deps.size(), 10u);
  for (const auto& [layer, deps] : g.deps)
    for (const std::string& d : deps)
      EXPECT_TRUE(g.deps.count(d))
          << "tests/layers.txt: " << layer << " depends on " << d << ", which is no layer";
  for (const auto& [layer, deps] : g.test_deps) {
    EXPECT_TRUE(g.deps.count(layer)) << "tests/layers.txt: tests of unknown layer " << layer;
    for (const std::string& d : deps) EXPECT_TRUE(g.deps.count(d)) << d;
  }
  for (const std::string& file : SourceFiles())
    EXPECT_TRUE(g.deps.count(LayerOf(g, file)))
        << "src/" << file << " is in a folder missing from tests/layers.txt";
  for (const auto& [name, lib] : g.libraries)
    for (const std::string& f : lib.files)
      EXPECT_TRUE(fs::exists(std::string(LADDER_SOURCE_DIR) + "/src/" + f))
          << "tests/layers.txt: library " << name << " lists src/" << f << ", which is gone";
}

// The graph has no cycle, so that the libraries link in one order.
TEST(Layering, TheGraphHasNoCycle) {
  const Graph g = ReadGraph();
  std::map<std::string, int> state;  // 1: on the path, 2: done
  std::function<void(const std::string&, std::string)> visit = [&](const std::string& layer,
                                                                   std::string path) {
    if (state[layer] == 2) return;
    ASSERT_NE(state[layer], 1) << "tests/layers.txt: a cycle: " << path << " " << layer;
    state[layer] = 1;
    if (auto it = g.deps.find(layer); it != g.deps.end())
      for (const std::string& d : it->second) visit(d, path + " " + layer);
    state[layer] = 2;
  };
  for (const auto& [layer, deps] : g.deps) visit(layer, "");
}

TEST(Layering, EveryFileIncludesOnlyLayersItsLayerDependsOn) {
  const Graph g = ReadGraph();
  int checked = 0;
  for (const Include& inc : Includes()) {
    if (inc.angled || inc.header.find('/') == std::string::npos) continue;
    const std::string to = LayerOf(g, inc.header);
    if (!g.deps.count(to)) continue;  // not a header of src/
    const std::string from = LayerOf(g, inc.file);
    ASSERT_TRUE(g.deps.count(from)) << "src/" << inc.file << " has no layer";
    ++checked;
    if (to == from || g.deps.at(from).count(to)) continue;
    if (IsTestFile(inc.file) && g.test_deps.count(from) && g.test_deps.at(from).count(to)) continue;
    ADD_FAILURE() << "src/" << inc.file << ":" << inc.line << " includes " << inc.header << ", but "
                  << from << " may not depend on " << to << " (tests/layers.txt)";
  }
  EXPECT_GT(checked, 0);
}

TEST(Layering, EveryThirdPartyHeaderOnlyInTheFilesListedForIt) {
  const Graph g = ReadGraph();
  for (const Include& inc : Includes()) {
    if (!inc.angled || IsStandardHeader(inc.header)) continue;
    if (g.platform.count(inc.header)) continue;
    const Library* owner = nullptr;
    std::string name;
    for (const auto& [n, lib] : g.libraries)
      for (const std::string& prefix : lib.prefixes)
        if (inc.header.starts_with(prefix)) owner = &lib, name = n;
    if (!owner) {
      ADD_FAILURE() << "src/" << inc.file << ":" << inc.line << " includes <" << inc.header
                    << ">, which no library in tests/layers.txt owns";
      continue;
    }
    const bool allowed = owner->files.count(inc.file) || (owner->tests && IsTestFile(inc.file));
    EXPECT_TRUE(allowed) << "src/" << inc.file << ":" << inc.line << " includes <" << inc.header
                         << ">, but tests/layers.txt lets only these files use " << name << ": "
                         << testing::PrintToString(owner->files);
  }
}

// Each library is listed only for files that use it, so that the lists stay a true map.
TEST(Layering, EveryFileListedForALibraryUsesIt) {
  const Graph g = ReadGraph();
  std::map<std::string, std::set<std::string>> used;  // library -> files
  for (const Include& inc : Includes())
    for (const auto& [n, lib] : g.libraries)
      for (const std::string& prefix : lib.prefixes)
        if (inc.angled && inc.header.starts_with(prefix)) used[n].insert(inc.file);
  for (const auto& [n, lib] : g.libraries)
    for (const std::string& f : lib.files)
      EXPECT_TRUE(used[n].count(f))
          << "tests/layers.txt lists src/" << f << " for " << n << ", which it does not include";
}

}  // namespace
