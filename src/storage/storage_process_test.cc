// Several processes on one database, and writers killed mid-transaction.
//  - 4 writer processes x 1,000 transactions while 2 reader processes query: every record lands
//    exactly once (SQLite file; PostgreSQL from $LADDER_TEST_POSTGRES).
//  - A writer killed with SIGKILL at a random moment, 20 times over on one SQLite file: the
//    database opens, PRAGMA integrity_check says ok, and every transaction the writer reported
//    committed is there.
// The writer is storage_test_writer (testing/storage_test_writer.cc).
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <set>
#include <thread>

#include "base/text.h"
#include "storage/store.h"
#include "storage/testing/storage_testing.h"

namespace ladder::storage {
namespace {

// A spawned process whose stdout is read through a pipe.
struct Child {
  pid_t pid = -1;
  int out = -1;
};

Child Spawn(const std::vector<std::string>& args) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(fds[1]);
  return {pid, fds[0]};
}

std::string ReadAll(int fd) {
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(fd);
  return out;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

std::set<std::string> Committed(const std::string& output) {
  std::set<std::string> ids;
  for (const std::string& line : text::SplitLines(output))
    if (text::StartsWith(line, "committed ")) ids.insert(line.substr(10));
  return ids;
}

void FourWritersWhileReading(const std::string& url) {
  constexpr int kWriters = 4, kEach = 1000;
  {
    auto store = OpenStore(url);  // migrate once, before the crowd arrives
    ASSERT_TRUE(store) << store.error().ToString();
  }
  std::vector<Child> writers, readers;
  for (int w = 0; w < kWriters; ++w)
    writers.push_back(
        Spawn({LADDER_TEST_WRITER, url, "write", "w" + std::to_string(w), std::to_string(kEach)}));
  for (int r = 0; r < 2; ++r) readers.push_back(Spawn({LADDER_TEST_WRITER, url, "read", "4"}));
  std::set<std::string> reported;
  for (auto& w : writers) {
    std::set<std::string> ids = Committed(ReadAll(w.out));
    EXPECT_EQ(Wait(w.pid), 0);
    EXPECT_EQ(ids.size(), static_cast<size_t>(kEach));
    reported.insert(ids.begin(), ids.end());
  }
  for (auto& r : readers) {
    std::string out = ReadAll(r.out);
    EXPECT_EQ(Wait(r.pid), 0) << "a reader saw a torn or failed read";
    EXPECT_TRUE(text::StartsWith(out, "reads ")) << out;
  }
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  auto people = (*store)->ListPeople();
  ASSERT_TRUE(people);
  ASSERT_EQ(people->size(), static_cast<size_t>(kWriters * kEach));  // none lost, none doubled
  std::set<std::string> stored;
  for (const auto& p : *people) stored.insert(p.id);
  EXPECT_EQ(stored, reported);
  for (const char* id : {"w0-0", "w1-500", "w3-999"})
    EXPECT_EQ((*store)->ListEvidence(id)->size(), 1u);
  EXPECT_EQ((*store)->ListAudit({"", "", "", 0, 0})->size(),
            static_cast<size_t>(2 * kWriters * kEach));
}

TEST(StorageProcesses, SqliteFourWritersWhileReading) {
  std::string path = "/tmp/ladder-process-test-" + std::to_string(getpid()) + ".db";
  FourWritersWhileReading("sqlite:" + path);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

TEST(StorageProcesses, PostgresFourWritersWhileReading) {
  if (testing::PostgresUrl().empty()) {
    if (testing::InCi()) FAIL() << "CI=true but LADDER_TEST_POSTGRES is not set";
    GTEST_SKIP() << "LADDER_TEST_POSTGRES not set; run under scripts/with-postgres.sh";
  }
  std::string error;
  std::string url = testing::FreshPostgresDatabase(&error);
  ASSERT_FALSE(url.empty()) << error;
  FourWritersWhileReading(url);
}

// Reads one line of a child's output (without the newline); "" at the end.
std::string ReadLine(int fd) {
  std::string line;
  char c;
  while (read(fd, &c, 1) == 1 && c != '\n') line += c;
  return line;
}

// While another process holds SQLite's write lock far longer than the busy timeout (a large
// import), a reader is served at once and a writer waits for the lock instead of failing; one
// that gives up says so cleanly, without the database library's internals.
TEST(StorageProcesses, SqliteWritersWaitForAnotherProcessAndReadersGoOn) {
  std::string path = "/tmp/ladder-busy-test-" + std::to_string(getpid()) + ".db";
  std::string url = "sqlite:" + path;
  {
    auto store = OpenStore(url);
    ASSERT_TRUE(store) << store.error().ToString();
    ASSERT_TRUE((*store)->SavePerson("t", {"first", "First", "", "", Date(2020, 1, 1)}));
  }
  Child holder = Spawn({LADDER_TEST_WRITER, url, "hold", "2500"});
  ASSERT_EQ(ReadLine(holder.out), "holding");
  OpenOptions quick;
  quick.busy_timeout_ms = 100;  // each statement gives up on the lock after 0.1 s
  quick.busy_retry_ms = 300;
  auto impatient = OpenStore(url, quick);
  ASSERT_TRUE(impatient) << impatient.error().ToString();
  auto start = std::chrono::steady_clock::now();
  auto people = (*impatient)->ListPeople();
  ASSERT_TRUE(people) << people.error().ToString();
  EXPECT_EQ(people->size(), 1u);  // the holder's write is not visible yet
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1000));
  Status gave_up = (*impatient)->SavePerson("t", {"early", "Early", "", "", Date(2020, 1, 1)});
  ASSERT_FALSE(gave_up);
  EXPECT_EQ(gave_up.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(gave_up.error().message.find("sqlite"), std::string::npos) << gave_up.error().message;
  EXPECT_NE(gave_up.error().message.find("busy"), std::string::npos) << gave_up.error().message;

  quick.busy_retry_ms = 60000;  // the default is longer still
  auto patient = OpenStore(url, quick);
  ASSERT_TRUE(patient) << patient.error().ToString();
  Status waited = (*patient)->SavePerson("t", {"later", "Later", "", "", Date(2020, 1, 1)});
  ASSERT_TRUE(waited) << waited.error().ToString();
  EXPECT_EQ(ReadLine(holder.out), "committed holder");
  EXPECT_EQ(Wait(holder.pid), 0);
  close(holder.out);
  auto all = (*patient)->ListPeople();
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 3u);  // first, holder, later
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

TEST(StorageProcesses, SqliteSurvivesWritersKilledAtRandom) {
  std::string path = "/tmp/ladder-crash-test-" + std::to_string(getpid()) + ".db";
  std::string url = "sqlite:" + path;
  {
    auto store = OpenStore(url);
    ASSERT_TRUE(store) << store.error().ToString();
  }
  std::mt19937 rng(std::random_device{}());
  std::set<std::string> committed;
  for (int round = 0; round < 20; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    Child w = Spawn({LADDER_TEST_WRITER, url, "write", "k" + std::to_string(round), "1000000"});
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution(30, 300)(rng)));
    kill(w.pid, SIGKILL);
    std::set<std::string> ids = Committed(ReadAll(w.out));
    EXPECT_EQ(Wait(w.pid), 128 + SIGKILL);
    committed.insert(ids.begin(), ids.end());

    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "ok");
    sqlite3_finalize(stmt);
    sqlite3_close(db);

    auto store = OpenStore(url);
    ASSERT_TRUE(store) << store.error().ToString();
    auto people = (*store)->ListPeople();
    ASSERT_TRUE(people);
    std::set<std::string> stored;
    for (const auto& p : *people) stored.insert(p.id);
    for (const auto& id : committed)
      ASSERT_TRUE(stored.count(id)) << id << " was reported committed";
    // At most the one transaction in flight may be there without its report.
    EXPECT_LE(stored.size(), committed.size() + round + 1);
    for (const auto& p : *people) EXPECT_EQ((*store)->ListEvidence(p.id)->size(), 1u) << p.id;
  }
  EXPECT_GT(committed.size(), 0u);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

}  // namespace
}  // namespace ladder::storage
