#include "storage/sql_store.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <tuple>
#include <utility>

#include "base/text.h"
#include "model/validate.h"
#include "storage/framework_document.h"
#include "storage/record_json.h"
#include "storage/row.h"
#include "storage/search_text.h"
#include "storage/sql_dump.h"

namespace ladder::storage::internal {
namespace {

using model::Framework;

// Fresh ids: a prefix and 16 random hex digits (collisions are practically impossible and, if
// one happened, the primary key refuses it).
std::string NewId(std::string_view prefix) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng()));
  return std::string(prefix) + "-" + buf;
}

std::string Dump(const Json& j) { return j.dump(); }

// The first of a record's violations (model/validate.h), if any.
Status FirstError(const std::vector<Error>& errors) {
  if (errors.empty()) return Ok();
  return Fail(errors.front());
}

// A small fixed pool of connections.
class Pool {
 public:
  class Lease {
   public:
    Lease(Pool* pool, soci::session* s) : pool_(pool), s_(s) {}
    Lease(Lease&& o) noexcept : pool_(std::exchange(o.pool_, nullptr)), s_(o.s_) {}
    ~Lease() {
      if (pool_) pool_->Release(s_);
    }
    soci::session& operator*() const { return *s_; }

   private:
    Pool* pool_;
    soci::session* s_;
  };

  void Add(std::unique_ptr<soci::session> s) {
    free_.push_back(s.get());
    all_.push_back(std::move(s));
  }
  Lease Acquire() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !free_.empty(); });
    soci::session* s = free_.back();
    free_.pop_back();
    return Lease(this, s);
  }

 private:
  void Release(soci::session* s) {
    {
      std::lock_guard lock(mu_);
      free_.push_back(s);
    }
    cv_.notify_one();
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<soci::session>> all_;
  std::vector<soci::session*> free_;
};

struct Shared {
  std::unique_ptr<Dialect> dialect;
  Pool pool;
};

// One kind of people-side record kept as (id, person, day, doc).
// A stored assignment document.
Result<model::Assignment> AssignmentFrom(const std::string& doc) {
  LADDER_TRY(Json j, ParseJson(doc, "assignment"));
  model::Assignment a;
  std::string from, to;
  try {
    a.id = j.at("id").get<std::string>();
    a.person = j.at("person").get<std::string>();
    a.framework = j.at("framework").get<std::string>();
    a.version = j.at("version").get<std::string>();
    a.track = j.at("track").get<std::string>();
    a.level = j.at("level").get<std::string>();
    a.overlays = j.at("overlays").get<std::vector<std::string>>();
    a.reason = j.at("reason").get<std::string>();
    from = j.at("from").get<std::string>();
    to = j.at("to").get<std::string>();
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kInternal,
                     std::string("stored assignment is damaged: ") + e.what());
  }
  LADDER_TRY(a.from, Date::Parse(from));
  if (!to.empty()) {
    LADDER_TRY(a.to, Date::Parse(to));
  }
  return a;
}

struct RecordTable {
  const char* table;
  const char* kind;    // audit action prefix and subject prefix: "evidence"
  const char* prefix;  // fresh id prefix: "ev"
};
constexpr RecordTable kEvidence{"evidence", "evidence", "ev"};
constexpr RecordTable kMetrics{"metrics", "metric", "me"};
constexpr RecordTable kSignOffs{"signoffs", "signoff", "so"};
constexpr RecordTable kWaivers{"waivers", "waiver", "wa"};
constexpr RecordTable kRaises{"raises", "raise", "ra"};

struct PassageRow {
  model::Framework const* f;
  std::string kind, track, level, level_title, competency, title, body;
  long long ord = 0;  // position in the version, a stable order for equal scores
  std::string terms;  // search_text.h IndexTerms(title, body)
};

std::vector<PassageRow> PassagesOf(const Framework& f) {
  std::vector<PassageRow> out;
  auto add = [&](HitKind k, std::string track, std::string level, std::string level_title,
                 std::string competency, std::string title, std::string body) {
    if (text::Trim(body).empty()) return;
    std::string terms = IndexTerms(title, body);
    out.push_back({&f, HitKindName(k), std::move(track), std::move(level), std::move(level_title),
                   std::move(competency), std::move(title), std::move(body),
                   static_cast<long long>(out.size()), std::move(terms)});
  };
  for (const auto& t : f.tracks) {
    for (const auto& l : t.levels) {
      add(HitKind::kLevelSummary, t.id, l.code, l.title, "", l.title, l.summary);
      for (const auto& [key, value] : l.attributes)
        add(HitKind::kAttribute, t.id, l.code, l.title, "", key, value);
      for (const auto& e : l.expectations) {
        add(HitKind::kExpectationSummary, t.id, l.code, l.title, e.competency, "", e.summary);
        for (const auto& b : e.behaviours)
          add(HitKind::kBehaviour, t.id, l.code, l.title, e.competency, "", b);
      }
      for (const auto& r : l.requirements)
        add(HitKind::kRequirement, t.id, l.code, l.title, "", "", r.text);
    }
  }
  for (const auto& n : f.notes) add(HitKind::kNote, "", "", "", "", n.title, n.markdown);
  for (const auto& r : f.roles) {
    std::string body = r.summary;
    for (const auto* list : {&r.responsibilities, &r.skills, &r.kpis})
      for (const auto& item : *list) body += "\n" + item;
    if (!r.path.empty()) body += "\n" + r.path;
    std::string title = r.title.empty() ? text::Join({r.seniority, r.family}, " ") : r.title;
    add(HitKind::kRole, "", "", "", "", title, body);
  }
  return out;
}

// One value of a multi-row statement: text, or NULL.
using Cell = std::optional<std::string>;

// Inserts `rows` into `table`, `per_statement` rows a statement (Dialect::RowsPerInsert): one
// prepared statement reused for every full chunk, so that a database across the network pays
// one round trip per chunk and an embedded one parses the statement once. Throws
// soci::soci_error.
void InsertMany(soci::session& s, const std::string& table, const std::vector<std::string>& columns,
                const std::vector<std::vector<Cell>>& rows, std::size_t per_statement,
                const std::string& suffix = "") {
  const std::size_t width = columns.size();
  // SQLite allows 32,766 parameters a statement, PostgreSQL 65,535.
  per_statement = std::max<std::size_t>(1, std::min(per_statement, 30000 / width));
  const std::string head = "INSERT INTO " + table + " (" + text::Join(columns, ", ") + ") VALUES ";
  struct Prepared {
    std::size_t count = 0;
    std::vector<std::string> values;
    std::vector<soci::indicator> inds;
    std::unique_ptr<soci::statement> st;
  };
  auto prepare = [&](std::size_t count) {
    auto p = std::make_unique<Prepared>();
    p->count = count;
    p->values.resize(count * width);
    p->inds.assign(count * width, soci::i_ok);
    std::string sql = head;
    for (std::size_t r = 0; r < count; ++r) {
      sql += r ? ", (" : "(";
      for (std::size_t c = 0; c < width; ++c)
        sql += (c ? ", :p" : ":p") + std::to_string(r * width + c);
      sql += ")";
    }
    sql += suffix;
    p->st = std::make_unique<soci::statement>(s);
    for (std::size_t i = 0; i < p->values.size(); ++i)
      p->st->exchange(soci::use(p->values[i], p->inds[i]));
    p->st->alloc();
    p->st->prepare(sql);
    p->st->define_and_bind();
    return p;
  };
  std::unique_ptr<Prepared> full;
  for (std::size_t first = 0; first < rows.size(); first += per_statement) {
    std::size_t count = std::min(per_statement, rows.size() - first);
    std::unique_ptr<Prepared> tail;
    Prepared* p;
    if (count == per_statement) {
      if (!full) full = prepare(count);
      p = full.get();
    } else {
      tail = prepare(count);
      p = tail.get();
    }
    for (std::size_t r = 0; r < count; ++r)
      for (std::size_t c = 0; c < width; ++c) {
        const Cell& cell = rows[first + r][c];
        p->values[r * width + c] = cell ? *cell : std::string();
        p->inds[r * width + c] = cell ? soci::i_ok : soci::i_null;
      }
    p->st->execute(true);
  }
}

// Runs `sql_prefix (:p0, :p1, ...)` for `ids` in chunks, calling `take` for every row.
void ForIds(soci::session& s, const std::string& sql_prefix, const std::vector<std::string>& ids,
            const std::function<void(const soci::row&)>& take) {
  constexpr std::size_t kChunk = 500;
  for (std::size_t first = 0; first < ids.size(); first += kChunk) {
    std::size_t count = std::min(kChunk, ids.size() - first);
    std::vector<std::string> values(ids.begin() + first, ids.begin() + first + count);
    std::string sql = sql_prefix + " (";
    for (std::size_t i = 0; i < count; ++i) sql += (i ? ", :p" : ":p") + std::to_string(i);
    sql += ")";
    soci::row r;
    soci::statement st(s);
    st.exchange(soci::into(r));
    for (auto& v : values) st.exchange(soci::use(v));
    st.alloc();
    st.prepare(sql);
    st.define_and_bind();
    if (st.execute(true)) {
      do take(r);
      while (st.fetch());
    }
  }
}

class SqlStore final : public Store {
 public:
  SqlStore(std::shared_ptr<Shared> shared, soci::session* pinned)
      : shared_(std::move(shared)), pinned_(pinned) {}

  std::string_view Backend() const override { return shared_->dialect->Name(); }

  Status WithTransaction(const std::function<Status(Store&)>& fn) override {
    return Write([&](soci::session& s) -> Status {
      SqlStore bound(shared_, &s);
      return fn(bound);
    });
  }

  // ---- Frameworks ----

  Status SaveDraft(std::string_view actor, const Framework& input) override {
    if (input.id.empty() || input.version.empty())
      return MakeError(ErrorCode::kInvalidArgument,
                       "a framework needs an id and a version to be stored", {},
                       input.id.empty() ? "framework.id" : "framework.version");
    Framework f = input;
    f.status = model::FrameworkStatus::kDraft;
    return Write([&](soci::session& s) -> Status {
      std::string status;
      soci::indicator ind = soci::i_null;
      s << "SELECT status FROM framework_versions WHERE framework = :f AND version = :v",
          soci::into(status, ind), soci::use(f.id), soci::use(f.version);
      bool exists = s.got_data() && ind == soci::i_ok;
      if (exists && status == "published")
        return MakeError(ErrorCode::kConflict, "framework " + f.id + " version " + f.version +
                                                   " is published and cannot change; save a "
                                                   "new version instead");
      std::string doc = Dump(ToJson(f));
      std::string now = NowIso();
      std::string empty;
      s << "INSERT INTO framework_versions (framework, version, name, family, status, effective, "
           "saved_at, published_at, save_seq, publish_seq, document) VALUES (:f, :v, :n, :fam, "
           "'draft', :eff, :at, '', (SELECT COALESCE(MAX(save_seq), 0) + 1 FROM "
           "framework_versions), 0, :doc) ON CONFLICT (framework, version) DO UPDATE SET "
           "name = excluded.name, family = excluded.family, effective = excluded.effective, "
           "saved_at = excluded.saved_at, save_seq = excluded.save_seq, document = "
           "excluded.document",
          soci::use(f.id), soci::use(f.version), soci::use(f.name), soci::use(f.family),
          soci::use(f.effective), soci::use(now), soci::use(doc);

      LADDER_TRY_STATUS(PutFrameworkRows(s, f));
      Json summary = {
          {"framework", f.id}, {"version", f.version}, {"status", "draft"}, {"name", f.name}};
      return Audit(s, actor, exists ? "framework.update_draft" : "framework.save_draft",
                   "framework:" + f.id + "@" + f.version, exists ? Dump(summary) : "",
                   Dump(summary));
    });
  }

  Status Publish(std::string_view actor, std::string_view framework, std::string_view version,
                 std::string_view effective) override {
    std::string f(framework), v(version), eff(effective);
    return Write([&](soci::session& s) -> Status {
      LADDER_TRY(std::string status, VersionStatus(s, f, v));
      if (status == "published")
        return MakeError(ErrorCode::kConflict,
                         "framework " + f + " version " + v + " is already published");
      if (!eff.empty()) {
        LADDER_TRY_STATUS(Date::Parse(eff));
      }
      std::string now = NowIso();
      s << "UPDATE framework_versions SET status = 'published', published_at = :at, "
           "publish_seq = (SELECT COALESCE(MAX(publish_seq), 0) + 1 FROM framework_versions), "
           "effective = CASE WHEN :e1 = '' THEN effective ELSE :e2 END WHERE framework = :f AND "
           "version = :v",
          soci::use(now), soci::use(eff), soci::use(eff), soci::use(f), soci::use(v);
      // The stored document carries its status and effective date too.
      std::string doc;
      s << "SELECT document FROM framework_versions WHERE framework = :f AND version = :v",
          soci::into(doc), soci::use(f), soci::use(v);
      LADDER_TRY(Json j, ParseJson(doc, "framework"));
      j["framework"]["status"] = "published";
      if (!eff.empty()) j["framework"]["effective"] = eff;
      doc = Dump(j);
      s << "UPDATE framework_versions SET document = :d WHERE framework = :f AND version = :v",
          soci::use(doc), soci::use(f), soci::use(v);
      return Audit(s, actor, "framework.publish", "framework:" + f + "@" + v,
                   Dump(Json{{"status", "draft"}}),
                   Dump(Json{{"status", "published"}, {"effective", eff}}));
    });
  }

  Status DeleteDraft(std::string_view actor, std::string_view framework,
                     std::string_view version) override {
    std::string f(framework), v(version);
    return Write([&](soci::session& s) -> Status {
      LADDER_TRY(std::string status, VersionStatus(s, f, v));
      if (status == "published")
        return MakeError(ErrorCode::kConflict, "framework " + f + " version " + v +
                                                   " is published and cannot be deleted");
      for (const auto& [table, what] :
           {std::pair{"assignments", "assignment"}, std::pair{"assessments", "assessment"},
            std::pair{"cases", "case"}}) {
        std::string first;
        long long n = 0;
        soci::indicator ind = soci::i_null;
        s << std::string("SELECT COUNT(*), MIN(id) FROM ") + table +
                 " WHERE framework = :f AND version = :v",
            soci::into(n), soci::into(first, ind), soci::use(f), soci::use(v);
        if (n > 0)
          return MakeError(ErrorCode::kConflict,
                           "framework " + f + " version " + v + " cannot be deleted: " + what +
                               " " + first + " refers to it" +
                               (n > 1 ? " (and " + std::to_string(n - 1) + " more)" : ""),
                           {}, table);
      }
      for (const char* table : {"passages", "roles", "levels", "framework_versions"})
        s << std::string("DELETE FROM ") + table + " WHERE framework = :f AND version = :v",
            soci::use(f), soci::use(v);
      return Audit(s, actor, "framework.delete_draft", "framework:" + f + "@" + v,
                   Dump(Json{{"status", "draft"}}), "");
    });
  }

  Result<std::vector<FrameworkInfo>> ListFrameworks() override {
    return Read([&](soci::session& s) -> Result<std::vector<FrameworkInfo>> {
      std::vector<FrameworkInfo> out;
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT framework, version, name, family, status, effective, saved_at, "
                        "published_at, publish_seq FROM framework_versions ORDER BY framework, "
                        "save_seq DESC");
      long long best_seq = 0;
      for (const auto& r : rows) {
        VersionInfo v = VersionFrom(r);
        if (out.empty() || out.back().id != v.framework) {
          out.push_back({v.framework, GetStr(r, 2), GetStr(r, 3), "", {}});
          best_seq = 0;
        }
        long long seq = GetInt(r, 8);
        if (v.status == model::FrameworkStatus::kPublished && seq > best_seq) {
          best_seq = seq;
          out.back().latest_published = v.version;
        }
        out.back().versions.push_back(std::move(v));
      }
      return out;
    });
  }

  Result<std::vector<VersionInfo>> ListVersions(std::string_view framework) override {
    std::string f(framework);
    return Read([&](soci::session& s) -> Result<std::vector<VersionInfo>> {
      std::vector<VersionInfo> out;
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT framework, version, name, family, status, effective, saved_at, "
                        "published_at FROM framework_versions WHERE framework = :f ORDER BY "
                        "save_seq DESC",
           soci::use(f));
      for (const auto& r : rows) out.push_back(VersionFrom(r));
      if (out.empty()) return MakeError(ErrorCode::kNotFound, "no framework " + f);
      return out;
    });
  }

  Result<Framework> GetFramework(std::string_view framework, std::string_view version) override {
    std::string f(framework), v(version);
    return Read([&](soci::session& s) -> Result<Framework> { return LoadFramework(s, f, v); });
  }

  Result<VersionPair> GetVersionPair(std::string_view framework, std::string_view before,
                                     std::string_view after) override {
    std::string f(framework), a(before), b(after);
    return Read([&](soci::session& s) -> Result<VersionPair> {
      LADDER_TRY(Framework x, LoadFramework(s, f, a));
      LADDER_TRY(Framework y, LoadFramework(s, f, b));
      return VersionPair{std::move(x), std::move(y)};
    });
  }

  Result<std::vector<RoleEntry>> ListRoles(const RoleQuery& q) override {
    return Read([&](soci::session& s) -> Result<std::vector<RoleEntry>> {
      std::string sql =
          "SELECT r.framework, r.version, r.doc FROM roles r JOIN framework_versions fv ON "
          "fv.framework = r.framework AND fv.version = r.version WHERE " +
          SearchVersionFilter({q.framework, q.include_drafts, 0});
      std::string fw = q.framework, fam = text::ToLower(q.family), sen = text::ToLower(q.seniority);
      if (!fw.empty()) sql += " AND r.framework = :fw";
      if (!fam.empty()) sql += " AND lower(r.family) = :fam";
      if (!sen.empty()) sql += " AND lower(r.seniority) = :sen";
      sql += " ORDER BY r.family, r.framework, r.ord";
      soci::statement st(s);
      std::string framework, version, doc;
      st.exchange(soci::into(framework));
      st.exchange(soci::into(version));
      st.exchange(soci::into(doc));
      if (!fw.empty()) st.exchange(soci::use(fw));
      if (!fam.empty()) st.exchange(soci::use(fam));
      if (!sen.empty()) st.exchange(soci::use(sen));
      st.alloc();
      st.prepare(sql);
      st.define_and_bind();
      std::vector<RoleEntry> out;
      if (st.execute(true)) {
        do {
          LADDER_TRY(model::RoleProfile role, Decode<model::RoleProfile>(doc, "role"));
          out.push_back({framework, version, std::move(role)});
        } while (st.fetch());
      }
      return out;
    });
  }

  // ---- People ----

  Status SavePerson(std::string_view actor, const model::Person& p) override {
    LADDER_TRY_STATUS(FirstError(model::ValidatePerson(p)));
    return Write([&](soci::session& s) -> Status {
      if (!p.manager.empty() && p.manager != p.id)
        LADDER_TRY_STATUS(RequirePerson(s, p.manager, "manager"));
      std::string before = PersonDoc(s, p.id);
      std::string hired = p.hired.ToString();
      soci::indicator mind = p.manager.empty() ? soci::i_null : soci::i_ok;
      std::string manager = p.manager;
      s << "INSERT INTO people (id, name, email, manager, hired) VALUES (:id, :n, :e, :m, :h) "
           "ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, "
           "manager = excluded.manager, hired = excluded.hired",
          soci::use(p.id), soci::use(p.name), soci::use(p.email), soci::use(manager, mind),
          soci::use(hired);
      return Audit(s, actor, before.empty() ? "person.create" : "person.update", "person:" + p.id,
                   before, Dump(ToJson(p)));
    });
  }

  Status WritePeopleBatch(std::string_view actor, const PeopleBatch& batch) override {
    auto bad = [](std::string field, std::string message) -> Status {
      return MakeError(ErrorCode::kInvalidArgument, std::move(message), {}, std::move(field));
    };
    // -- Checks that need no database.
    std::map<std::string, std::size_t> person_at;
    for (std::size_t i = 0; i < batch.people.size(); ++i) {
      const model::Person& p = batch.people[i];
      std::string field = "people[" + std::to_string(i) + "]";
      for (Error e : model::ValidatePerson(p)) {
        e.field = field + e.field.substr(e.field.find('.'));
        return Fail(e);
      }
      if (!person_at.emplace(p.id, i).second)
        return bad(field + ".id", "person " + p.id + " appears twice in the batch");
    }
    std::map<std::string, std::vector<model::Assignment>> history;
    for (std::size_t i = 0; i < batch.assignments.size(); ++i) {
      model::Assignment a = batch.assignments[i];
      std::string field = "assignments[" + std::to_string(i) + "]";
      if (!person_at.count(a.person))
        return bad(field + ".person",
                   "assignment names person " + a.person + ", who is not among the batch's people");
      if (a.from.empty()) return bad(field + ".from", "an assignment needs its start date");
      if (!a.to.empty() && a.to <= a.from)
        return bad(field + ".to", "assignment ends (" + a.to.ToString() + ") before it starts (" +
                                      a.from.ToString() + ")");
      if (a.id.empty()) a.id = NewId("as");
      history[a.person].push_back(std::move(a));
    }
    for (auto& [person, list] : history) {
      std::stable_sort(list.begin(), list.end(),
                       [](const auto& x, const auto& y) { return x.from < y.from; });
      for (std::size_t i = 0; i + 1 < list.size(); ++i) {
        if (list[i].to.empty() && list[i].from < list[i + 1].from) list[i].to = list[i + 1].from;
        if (list[i].to.empty() || list[i].to > list[i + 1].from)
          return MakeError(ErrorCode::kConflict,
                           "assignment of " + person + " from " + list[i + 1].from.ToString() +
                               " overlaps the period from " + list[i].from.ToString());
      }
    }
    std::vector<model::Evidence> evidence = batch.evidence;
    for (std::size_t i = 0; i < evidence.size(); ++i) {
      for (Error e : model::ValidateEvidence(evidence[i])) {
        e.field = "evidence[" + std::to_string(i) + "]" + e.field.substr(e.field.find('.'));
        return Fail(e);
      }
      if (evidence[i].id.empty()) evidence[i].id = NewId("ev");
    }

    return Write([&](soci::session& s) -> Status {
      // -- People named but not in the batch must be stored.
      std::set<std::string> outside;
      for (const auto& p : batch.people)
        if (!p.manager.empty() && !person_at.count(p.manager)) outside.insert(p.manager);
      for (const auto& e : evidence)
        if (!person_at.count(e.person)) outside.insert(e.person);
      for (const auto& e : evidence)
        if (!e.signed_off_by.empty() && !person_at.count(e.signed_off_by))
          outside.insert(e.signed_off_by);
      std::set<std::string> stored;
      ForIds(s, "SELECT id FROM people WHERE id IN",
             std::vector<std::string>(outside.begin(), outside.end()),
             [&](const soci::row& r) { stored.insert(GetStr(r, 0)); });
      auto known = [&](const std::string& id) { return person_at.count(id) || stored.count(id); };
      for (std::size_t i = 0; i < batch.people.size(); ++i)
        if (!batch.people[i].manager.empty() && !known(batch.people[i].manager))
          return bad("people[" + std::to_string(i) + "].manager",
                     "manager names person " + batch.people[i].manager + ", who is not stored");
      for (std::size_t i = 0; i < evidence.size(); ++i) {
        if (!known(evidence[i].person))
          return bad("evidence[" + std::to_string(i) + "].person",
                     "evidence names person " + evidence[i].person + ", who is not stored");
        if (!evidence[i].signed_off_by.empty() && !known(evidence[i].signed_off_by))
          return bad("evidence[" + std::to_string(i) + "].signed_off_by",
                     "evidence names person " + evidence[i].signed_off_by + ", who is not stored");
      }
      // -- Evidence ids must be new.
      {
        std::vector<std::string> ids;
        for (const auto& e : evidence) ids.push_back(e.id);
        std::string taken;
        ForIds(s, "SELECT id FROM evidence WHERE id IN", ids,
               [&](const soci::row& r) { taken = GetStr(r, 0); });
        if (!taken.empty())
          return MakeError(ErrorCode::kAlreadyExists, "evidence " + taken + " exists");
      }
      // -- Levels must be stored.
      std::set<std::tuple<std::string, std::string, std::string, std::string>> levels;
      std::set<std::pair<std::string, std::string>> versions;
      for (const auto& [person, list] : history)
        for (const auto& a : list) versions.insert({a.framework, a.version});
      for (const auto& [f, v] : versions) {
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT track, code FROM levels WHERE framework = :f AND version = :v",
             soci::use(f), soci::use(v));
        for (const auto& r : rows) levels.insert({f, v, GetStr(r, 0), GetStr(r, 1)});
      }
      for (std::size_t i = 0; i < batch.assignments.size(); ++i) {
        const auto& a = batch.assignments[i];
        if (!levels.count({a.framework, a.version, a.track, a.level}))
          return bad("assignments[" + std::to_string(i) + "].level",
                     "level " + a.track + "/" + a.level + " of framework " + a.framework +
                         " version " + a.version + " is not stored");
      }

      // -- What the batch replaces, for the audit log.
      std::vector<std::string> ids;
      for (const auto& p : batch.people) ids.push_back(p.id);
      std::map<std::string, std::string> before;
      ForIds(s, "SELECT id, name, email, manager, hired FROM people WHERE id IN", ids,
             [&](const soci::row& r) {
               auto p = PersonFrom(r);
               if (p) before[p->id] = Dump(ToJson(*p));
             });
      std::vector<std::pair<std::string, std::string>> replaced;  // (id, doc)
      if (!before.empty()) {
        std::vector<std::string> existing;
        for (const auto& [id, doc] : before) existing.push_back(id);
        ForIds(s, "SELECT id, doc FROM assignments WHERE person IN", existing,
               [&](const soci::row& r) {
                 replaced.push_back({GetStr(r, 0), GetStr(r, 1)});
               });
        std::sort(replaced.begin(), replaced.end());
        for (std::size_t first = 0; first < existing.size(); first += 500) {
          std::vector<std::string> chunk(
              existing.begin() + first,
              existing.begin() + std::min(existing.size(), first + std::size_t{500}));
          std::string sql = "DELETE FROM assignments WHERE person IN (";
          for (std::size_t i = 0; i < chunk.size(); ++i)
            sql += (i ? ", :p" : ":p") + std::to_string(i);
          sql += ")";
          soci::statement st(s);
          for (auto& id : chunk) st.exchange(soci::use(id));
          st.alloc();
          st.prepare(sql);
          st.define_and_bind();
          st.execute(true);
        }
      }

      // -- Writes: people (managers set once everyone is in), history, evidence, audit.
      std::string now = NowIso(), who(actor.empty() ? "unknown" : actor);
      std::vector<std::vector<Cell>> audit;
      auto audit_row = [&](std::string action, std::string subject, std::string b, std::string a) {
        audit.push_back(
            {now, who, std::move(action), std::move(subject), std::move(b), std::move(a)});
      };
      std::vector<std::vector<Cell>> rows;
      for (const auto& p : batch.people)
        rows.push_back({p.id, p.name, p.email, std::nullopt, p.hired.ToString()});
      const std::size_t per = shared_->dialect->RowsPerInsert();
      InsertMany(s, "people", {"id", "name", "email", "manager", "hired"}, rows, per,
                 " ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = "
                 "excluded.email, manager = excluded.manager, hired = excluded.hired");
      {
        std::vector<std::vector<Cell>> managers;
        for (const auto& p : batch.people)
          if (!p.manager.empty()) managers.push_back({p.id, p.manager});
        for (std::size_t first = 0; first < managers.size(); first += 500) {
          std::size_t count = std::min<std::size_t>(500, managers.size() - first);
          std::vector<std::string> values;
          std::string sql = "UPDATE people SET manager = v.column2 FROM (VALUES ";
          for (std::size_t i = 0; i < count; ++i) {
            sql += (i ? ", (:a" : "(:a") + std::to_string(i) + ", :b" + std::to_string(i) + ")";
            values.push_back(*managers[first + i][0]);
            values.push_back(*managers[first + i][1]);
          }
          sql += ") AS v WHERE people.id = v.column1";
          soci::statement st(s);
          for (auto& v : values) st.exchange(soci::use(v));
          st.alloc();
          st.prepare(sql);
          st.define_and_bind();
          st.execute(true);
        }
      }
      for (const auto& p : batch.people) {
        auto it = before.find(p.id);
        audit_row(it == before.end() ? "person.create" : "person.update", "person:" + p.id,
                  it == before.end() ? "" : it->second, Dump(ToJson(p)));
      }
      for (const auto& [id, doc] : replaced)
        audit_row("assignment.delete", "assignment:" + id, doc, "");
      rows.clear();
      for (const auto& [person, list] : history)
        for (const auto& a : list) {
          std::string doc = Dump(ToJson(a));
          rows.push_back({a.id, a.person, a.framework, a.version, a.track, a.level,
                          a.from.ToString(), a.to.ToString(), doc});
          audit_row("assignment.create", "assignment:" + a.id, "", doc);
        }
      InsertMany(
          s, "assignments",
          {"id", "person", "framework", "version", "track", "level", "from_date", "to_date", "doc"},
          rows, per);
      rows.clear();
      for (const auto& e : evidence) {
        std::string doc = Dump(ToJson(e));
        rows.push_back({e.id, e.person, e.date.ToString(), doc});
        audit_row("evidence.create", "evidence:" + e.id, "", doc);
      }
      InsertMany(s, "evidence", {"id", "person", "day", "doc"}, rows, per);
      InsertMany(s, "audit_log", {"at", "actor", "action", "subject", "before_json", "after_json"},
                 audit, per);
      return Ok();
    });
  }

  Result<model::Person> GetPerson(std::string_view id) override {
    std::string pid(id);
    return Read([&](soci::session& s) -> Result<model::Person> {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT id, name, email, manager, hired FROM people WHERE id = :id",
           soci::use(pid));
      for (const auto& r : rows) return PersonFrom(r);
      return MakeError(ErrorCode::kNotFound, "no person " + pid);
    });
  }

  Result<std::vector<model::Person>> ListPeople(const PeopleQuery& q) override {
    return Read([&](soci::session& s) -> Result<std::vector<model::Person>> {
      std::string sql = "SELECT id, name, email, manager, hired FROM people";
      std::string manager = q.manager;
      if (!manager.empty()) sql += " WHERE manager = :m";
      sql += " ORDER BY id";
      if (q.limit > 0) sql += " LIMIT " + std::to_string(q.limit);
      if (q.offset > 0) sql += " OFFSET " + std::to_string(q.offset);
      std::vector<model::Person> out;
      auto collect = [&](soci::rowset<soci::row>& rows) -> Status {
        for (const auto& r : rows) {
          LADDER_TRY(model::Person p, PersonFrom(r));
          out.push_back(std::move(p));
        }
        return Ok();
      };
      if (manager.empty()) {
        soci::rowset<soci::row> rows = (s.prepare << sql);
        LADDER_TRY_STATUS(collect(rows));
      } else {
        soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(manager));
        LADDER_TRY_STATUS(collect(rows));
      }
      return out;
    });
  }

  Status DeletePerson(std::string_view actor, std::string_view id) override {
    std::string pid(id);
    return Write([&](soci::session& s) -> Status {
      std::string before = PersonDoc(s, pid);
      if (before.empty()) return MakeError(ErrorCode::kNotFound, "no person " + pid);
      // Every record that names the person, as (table, column, what it is called).
      static constexpr std::array<std::array<const char*, 3>, 11> kReferences = {{
          {"assignments", "person", "assignment"},
          {"evidence", "person", "evidence"},
          {"metrics", "person", "metric"},
          {"assessments", "person", "assessment"},
          {"assessments", "assessor", "assessment"},
          {"signoffs", "person", "sign-off"},
          {"cases", "person", "case"},
          {"waivers", "person", "waiver"},
          {"raises", "person", "raise"},
          {"users", "person", "user"},
          {"people", "manager", "report"},
      }};
      for (const auto& [table, column, what] : kReferences) {
        LADDER_TRY_STATUS(RefuseIfReferenced(s, table, column, pid, what,
                                             "person " + pid + " cannot be deleted"));
      }
      s << "DELETE FROM people WHERE id = :p", soci::use(pid);
      return Audit(s, actor, "person.delete", "person:" + pid, before, "");
    });
  }

  Result<std::string> AddAssignment(std::string_view actor, const model::Assignment& in) override {
    model::Assignment a = in;
    if (a.id.empty()) a.id = NewId("as");
    return Write([&](soci::session& s) -> Result<std::string> {
      LADDER_TRY_STATUS(CheckAssignment(s, a));
      // Close the open period that this one follows.
      std::string from = a.from.ToString();
      {
        std::vector<std::pair<std::string, std::string>> open;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT id, doc FROM assignments WHERE person = :p AND to_date = '' "
                          "AND from_date < :f",
             soci::use(a.person), soci::use(from));
        for (const auto& r : rows) open.push_back({GetStr(r, 0), GetStr(r, 1)});
        for (auto& [id, doc] : open) {
          LADDER_TRY(Json j, ParseJson(doc, "assignment"));
          j["to"] = from;
          std::string after = Dump(j);
          s << "UPDATE assignments SET to_date = :t, doc = :d WHERE id = :id", soci::use(from),
              soci::use(after), soci::use(id);
          LADDER_TRY_STATUS(Audit(s, actor, "assignment.close", "assignment:" + id, doc, after));
        }
      }
      LADDER_TRY_STATUS(CheckOverlap(s, a));
      std::string doc = Dump(ToJson(a));
      std::string to = a.to.ToString();
      long long exists = 0;
      s << "SELECT COUNT(*) FROM assignments WHERE id = :id", soci::into(exists), soci::use(a.id);
      if (exists) return MakeError(ErrorCode::kAlreadyExists, "assignment " + a.id + " exists");
      s << "INSERT INTO assignments (id, person, framework, version, track, level, from_date, "
           "to_date, doc) VALUES (:id, :p, :f, :v, :t, :l, :fr, :to, :d)",
          soci::use(a.id), soci::use(a.person), soci::use(a.framework), soci::use(a.version),
          soci::use(a.track), soci::use(a.level), soci::use(from), soci::use(to), soci::use(doc);
      LADDER_TRY_STATUS(Audit(s, actor, "assignment.create", "assignment:" + a.id, "", doc));
      return a.id;
    });
  }

  Status UpdateAssignment(std::string_view actor, const model::Assignment& a) override {
    return Write([&](soci::session& s) -> Status {
      std::string before = DocOf(s, "assignments", a.id);
      if (before.empty()) return MakeError(ErrorCode::kNotFound, "no assignment " + a.id);
      LADDER_TRY_STATUS(CheckAssignment(s, a));
      LADDER_TRY_STATUS(CheckOverlap(s, a));
      std::string doc = Dump(ToJson(a)), from = a.from.ToString(), to = a.to.ToString();
      s << "UPDATE assignments SET person = :p, framework = :f, version = :v, track = :t, level "
           "= :l, from_date = :fr, to_date = :to, doc = :d WHERE id = :id",
          soci::use(a.person), soci::use(a.framework), soci::use(a.version), soci::use(a.track),
          soci::use(a.level), soci::use(from), soci::use(to), soci::use(doc), soci::use(a.id);
      return Audit(s, actor, "assignment.update", "assignment:" + a.id, before, doc);
    });
  }

  Status DeleteAssignment(std::string_view actor, std::string_view id) override {
    std::string aid(id);
    return Write([&](soci::session& s) -> Status {
      std::string before = DocOf(s, "assignments", aid);
      if (before.empty()) return MakeError(ErrorCode::kNotFound, "no assignment " + aid);
      s << "DELETE FROM assignments WHERE id = :id", soci::use(aid);
      return Audit(s, actor, "assignment.delete", "assignment:" + aid, before, "");
    });
  }

  Result<PersonRecords> LoadPersonRecords(std::string_view person) override {
    std::string p(person);
    return Read([&](soci::session& s) -> Result<PersonRecords> {
      PersonRecords out;
      {
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT id, name, email, manager, hired FROM people WHERE id = :id",
             soci::use(p));
        bool found = false;
        for (const auto& r : rows) {
          LADDER_TRY(out.person, PersonFrom(r));
          found = true;
        }
        if (!found) return MakeError(ErrorCode::kNotFound, "no person " + p);
      }
      // One statement over the record tables; each kind in its List* order.
      soci::rowset<soci::row> rows =
          (s.prepare
               << "SELECT k, doc FROM ("
                  "SELECT 0 AS k, doc, from_date AS d, id FROM assignments WHERE person = :p0 "
                  "UNION ALL SELECT 1, doc, day, id FROM evidence WHERE person = :p1 "
                  "UNION ALL SELECT 2, doc, day, id FROM metrics WHERE person = :p2 "
                  "UNION ALL SELECT 3, doc, day, id FROM assessments WHERE person = :p3 "
                  "UNION ALL SELECT 4, doc, day, id FROM signoffs WHERE person = :p4 "
                  "UNION ALL SELECT 5, doc, day, id FROM waivers WHERE person = :p5 "
                  "UNION ALL SELECT 6, doc, day, id FROM cases WHERE person = :p6"
                  ") AS r ORDER BY k, d, id",
           soci::use(p, "p0"), soci::use(p, "p1"), soci::use(p, "p2"), soci::use(p, "p3"),
           soci::use(p, "p4"), soci::use(p, "p5"), soci::use(p, "p6"));
      for (const auto& r : rows) {
        long long kind = GetInt(r, 0);
        std::string doc = GetStr(r, 1);
        switch (kind) {
          case 0: {
            LADDER_TRY(model::Assignment a, AssignmentFrom(doc));
            out.assignments.push_back(std::move(a));
            break;
          }
          case 1: {
            LADDER_TRY(model::Evidence e, Decode<model::Evidence>(doc, "evidence"));
            out.evidence.push_back(std::move(e));
            break;
          }
          case 2: {
            LADDER_TRY(model::Metric m, Decode<model::Metric>(doc, "metric"));
            out.metrics.push_back(std::move(m));
            break;
          }
          case 3: {
            LADDER_TRY(model::Assessment a, Decode<model::Assessment>(doc, "assessment"));
            out.assessments.push_back(std::move(a));
            break;
          }
          case 4: {
            LADDER_TRY(model::SignOff so, Decode<model::SignOff>(doc, "signoff"));
            out.signoffs.push_back(std::move(so));
            break;
          }
          case 5: {
            LADDER_TRY(model::Waiver w, Decode<model::Waiver>(doc, "waiver"));
            out.waivers.push_back(std::move(w));
            break;
          }
          default: {
            LADDER_TRY(model::Case c, Decode<model::Case>(doc, "case"));
            out.cases.push_back(std::move(c));
            break;
          }
        }
      }
      return out;
    });
  }

  Result<std::vector<model::Assignment>> ListAssignments(std::string_view person) override {
    std::string p(person);
    return Read([&](soci::session& s) -> Result<std::vector<model::Assignment>> {
      return LoadAssignments(s,
                             "SELECT doc FROM assignments WHERE person = :p ORDER BY "
                             "from_date, id",
                             p, "");
    });
  }

  Result<std::optional<model::Assignment>> CurrentAssignment(std::string_view person,
                                                             Date at) override {
    std::string p(person), d = at.ToString();
    return Read([&](soci::session& s) -> Result<std::optional<model::Assignment>> {
      LADDER_TRY(auto list,
                 LoadAssignments(s,
                                 "SELECT doc FROM assignments WHERE person = :p AND from_date <= "
                                 ":d1 AND (to_date = '' OR to_date > :d2) ORDER BY from_date "
                                 "DESC, id",
                                 p, d));
      if (list.empty()) return std::optional<model::Assignment>();
      return std::optional<model::Assignment>(std::move(list.front()));
    });
  }

  // ---- Growth records ----

  Result<std::string> SaveEvidence(std::string_view actor, const model::Evidence& e) override {
    LADDER_TRY_STATUS(FirstError(model::ValidateEvidence(e)));
    model::Evidence v = e;
    return SaveRecord(actor, kEvidence, v, v.date, {v.signed_off_by});
  }
  Result<model::Evidence> GetEvidence(std::string_view id) override {
    std::string eid(id);
    return Read([&](soci::session& s) -> Result<model::Evidence> {
      std::string doc = DocOf(s, "evidence", eid);
      if (doc.empty()) return MakeError(ErrorCode::kNotFound, "no evidence " + eid);
      return Decode<model::Evidence>(doc, "evidence");
    });
  }
  Result<std::vector<model::Evidence>> ListEvidence(std::string_view person) override {
    return ListRecords<model::Evidence>(kEvidence, person);
  }
  Status DeleteEvidence(std::string_view actor, std::string_view id) override {
    return DeleteRecord(actor, kEvidence, id);
  }

  Result<std::string> SaveMetric(std::string_view actor, const model::Metric& m) override {
    model::Metric v = m;
    return SaveRecord(actor, kMetrics, v, v.period_start, {});
  }
  Result<std::vector<model::Metric>> ListMetrics(std::string_view person) override {
    return ListRecords<model::Metric>(kMetrics, person);
  }
  Status DeleteMetric(std::string_view actor, std::string_view id) override {
    return DeleteRecord(actor, kMetrics, id);
  }

  Result<std::string> SaveAssessment(std::string_view actor, const model::Assessment& in) override {
    LADDER_TRY_STATUS(FirstError(model::ValidateAssessment(in)));
    model::Assessment a = in;
    if (a.id.empty()) a.id = NewId("at");
    return Write([&](soci::session& s) -> Result<std::string> {
      LADDER_TRY_STATUS(RequirePerson(s, a.person, "person"));
      if (!a.assessor.empty()) LADDER_TRY_STATUS(RequirePerson(s, a.assessor, "assessor"));
      if (!a.framework.empty() || !a.version.empty()) {
        auto st = VersionStatus(s, a.framework, a.version);
        if (!st)
          return MakeError(ErrorCode::kInvalidArgument,
                           "assessment " + a.id + " names framework " + a.framework + " version " +
                               a.version + ", which is not stored",
                           {}, "assessment.version");
      }
      std::string before = DocOf(s, "assessments", a.id);
      std::string doc = Dump(ToJson(a)), day = a.period_start.ToString();
      std::string assessor = a.assessor, fw = a.framework, ver = a.version;
      soci::indicator ai = assessor.empty() ? soci::i_null : soci::i_ok;
      soci::indicator fi = fw.empty() ? soci::i_null : soci::i_ok;
      soci::indicator vi = ver.empty() ? soci::i_null : soci::i_ok;
      s << "INSERT INTO assessments (id, person, assessor, framework, version, day, doc) VALUES "
           "(:id, :p, :a, :f, :v, :d, :doc) ON CONFLICT (id) DO UPDATE SET person = "
           "excluded.person, assessor = excluded.assessor, framework = excluded.framework, "
           "version = excluded.version, day = excluded.day, doc = excluded.doc",
          soci::use(a.id), soci::use(a.person), soci::use(assessor, ai), soci::use(fw, fi),
          soci::use(ver, vi), soci::use(day), soci::use(doc);
      LADDER_TRY_STATUS(Audit(s, actor, before.empty() ? "assessment.create" : "assessment.update",
                              "assessment:" + a.id, before, doc));
      return a.id;
    });
  }
  Result<std::vector<model::Assessment>> ListAssessments(std::string_view person) override {
    return ListDocs<model::Assessment>("assessments", "assessment", person);
  }
  Status DeleteAssessment(std::string_view actor, std::string_view id) override {
    return DeleteRecord(actor, {"assessments", "assessment", "at"}, id);
  }

  Result<std::string> SaveSignOff(std::string_view actor, const model::SignOff& so) override {
    model::SignOff v = so;
    return SaveRecord(actor, kSignOffs, v, v.date, {});
  }
  Result<std::vector<model::SignOff>> ListSignOffs(std::string_view person) override {
    return ListRecords<model::SignOff>(kSignOffs, person);
  }

  // ---- Review process ----

  Result<std::string> SaveCase(std::string_view actor, const model::Case& in) override {
    LADDER_TRY_STATUS(FirstError(model::ValidateCase(in)));
    model::Case c = in;
    if (c.id.empty()) c.id = NewId("case");
    return Write([&](soci::session& s) -> Result<std::string> {
      LADDER_TRY_STATUS(RequirePerson(s, c.person, "person"));
      for (const auto& reviewer : c.panel) LADDER_TRY_STATUS(RequirePerson(s, reviewer, "panel"));
      if (!c.framework.empty() || !c.version.empty()) {
        if (!VersionStatus(s, c.framework, c.version))
          return MakeError(ErrorCode::kInvalidArgument,
                           "case " + c.id + " names framework " + c.framework + " version " +
                               c.version + ", which is not stored",
                           {}, "case.version");
      }
      std::string before = DocOf(s, "cases", c.id);
      if (!before.empty()) {
        LADDER_TRY(model::Case old, Decode<model::Case>(before, "case"));
        if (old.status == model::CaseStatus::kClosed)
          return MakeError(ErrorCode::kConflict, "case " + c.id + " is closed and cannot change");
      }
      LADDER_TRY_STATUS(PutCase(s, c));
      LADDER_TRY_STATUS(Audit(s, actor, before.empty() ? "case.create" : "case.update",
                              "case:" + c.id, before, Dump(ToJson(c))));
      return c.id;
    });
  }

  Result<model::Case> GetCase(std::string_view id) override {
    std::string cid(id);
    return Read([&](soci::session& s) -> Result<model::Case> {
      std::string doc = DocOf(s, "cases", cid);
      if (doc.empty()) return MakeError(ErrorCode::kNotFound, "no case " + cid);
      return Decode<model::Case>(doc, "case");
    });
  }

  Result<std::vector<model::Case>> ListCases(std::string_view person,
                                             std::optional<model::CaseStatus> status) override {
    std::string p(person);
    std::string st = status ? model::CaseStatusName(*status) : "";
    return Read([&](soci::session& s) -> Result<std::vector<model::Case>> {
      std::string sql = "SELECT doc FROM cases WHERE 1 = 1";
      if (!p.empty()) sql += " AND person = :p";
      if (!st.empty()) sql += " AND status = :s";
      sql += " ORDER BY day, id";
      soci::statement stmt(s);
      std::string doc;
      stmt.exchange(soci::into(doc));
      if (!p.empty()) stmt.exchange(soci::use(p));
      if (!st.empty()) stmt.exchange(soci::use(st));
      stmt.alloc();
      stmt.prepare(sql);
      stmt.define_and_bind();
      std::vector<model::Case> out;
      if (stmt.execute(true)) {
        do {
          LADDER_TRY(model::Case c, Decode<model::Case>(doc, "case"));
          out.push_back(std::move(c));
        } while (stmt.fetch());
      }
      return out;
    });
  }

  Status AddVote(std::string_view actor, std::string_view case_id,
                 const model::Vote& vote) override {
    std::string cid(case_id);
    return Write([&](soci::session& s) -> Status {
      std::string before = DocOf(s, "cases", cid);
      if (before.empty()) return MakeError(ErrorCode::kNotFound, "no case " + cid);
      LADDER_TRY(model::Case c, Decode<model::Case>(before, "case"));
      if (c.status == model::CaseStatus::kClosed)
        return MakeError(ErrorCode::kConflict, "case " + cid + " is closed; votes cannot change");
      if (std::find(c.panel.begin(), c.panel.end(), vote.reviewer) == c.panel.end())
        return MakeError(ErrorCode::kInvalidArgument,
                         vote.reviewer + " is not on the panel of case " + cid, {},
                         "vote.reviewer");
      std::erase_if(c.votes, [&](const model::Vote& v) { return v.reviewer == vote.reviewer; });
      c.votes.push_back(vote);
      c.history.push_back(
          {vote.date, vote.reviewer, std::string("voted ") + model::VoteChoiceName(vote.choice)});
      LADDER_TRY_STATUS(PutCase(s, c));
      return Audit(s, actor, "case.vote", "case:" + cid, before, Dump(ToJson(c)));
    });
  }

  Result<std::string> SaveWaiver(std::string_view actor, const model::Waiver& w) override {
    LADDER_TRY_STATUS(FirstError(model::ValidateWaiver(w)));
    model::Waiver v = w;
    return SaveRecord(actor, kWaivers, v, v.granted, {v.approver});
  }
  Result<std::vector<model::Waiver>> ListWaivers(std::string_view person) override {
    return ListRecords<model::Waiver>(kWaivers, person);
  }

  Result<std::string> SaveNeed(std::string_view actor, const model::Need& in) override {
    LADDER_TRY_STATUS(FirstError(model::ValidateNeed(in)));
    model::Need n = in;
    if (n.id.empty()) n.id = NewId("need");
    if (n.framework.empty())
      return MakeError(ErrorCode::kInvalidArgument, "a need names its framework", {},
                       "need.framework");
    return Write([&](soci::session& s) -> Result<std::string> {
      std::string before = DocOf(s, "needs", n.id);
      std::string doc = Dump(ToJson(n)), day = n.opened.ToString();
      s << "INSERT INTO needs (id, framework, day, doc) VALUES (:id, :f, :d, :doc) ON CONFLICT "
           "(id) DO UPDATE SET framework = excluded.framework, day = excluded.day, doc = "
           "excluded.doc",
          soci::use(n.id), soci::use(n.framework), soci::use(day), soci::use(doc);
      LADDER_TRY_STATUS(Audit(s, actor, before.empty() ? "need.create" : "need.update",
                              "need:" + n.id, before, doc));
      return n.id;
    });
  }
  Result<std::vector<model::Need>> ListNeeds(std::string_view framework) override {
    std::string f(framework);
    return Read([&](soci::session& s) -> Result<std::vector<model::Need>> {
      std::vector<model::Need> out;
      auto take = [&](soci::rowset<soci::row>& rows) -> Status {
        for (const auto& r : rows) {
          LADDER_TRY(model::Need n, Decode<model::Need>(GetStr(r, 0), "need"));
          out.push_back(std::move(n));
        }
        return Ok();
      };
      if (f.empty()) {
        soci::rowset<soci::row> rows = (s.prepare << "SELECT doc FROM needs ORDER BY day, id");
        LADDER_TRY_STATUS(take(rows));
      } else {
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT doc FROM needs WHERE framework = :f ORDER BY day, id",
             soci::use(f));
        LADDER_TRY_STATUS(take(rows));
      }
      return out;
    });
  }

  Result<std::string> SaveRaise(std::string_view actor, const model::Raise& r) override {
    model::Raise v = r;
    return SaveRecord(actor, kRaises, v, v.date, {});
  }
  Result<std::vector<model::Raise>> ListRaises(std::string_view person) override {
    return ListRecords<model::Raise>(kRaises, person);
  }

  // ---- Accounts ----

  Status SaveUser(std::string_view actor, const model::User& u) override {
    if (u.id.empty())
      return MakeError(ErrorCode::kInvalidArgument, "a user needs an id", {}, "user.id");
    return Write([&](soci::session& s) -> Status {
      if (!u.person.empty()) LADDER_TRY_STATUS(RequirePerson(s, u.person, "user.person"));
      std::string before = DocOf(s, "users", u.id);
      std::string doc = Dump(ToJson(u)), person = u.person;
      soci::indicator pi = person.empty() ? soci::i_null : soci::i_ok;
      s << "INSERT INTO users (id, person, password_hash, doc) VALUES (:id, :p, :h, :d) ON "
           "CONFLICT (id) DO UPDATE SET person = excluded.person, password_hash = "
           "excluded.password_hash, doc = excluded.doc",
          soci::use(u.id), soci::use(person, pi), soci::use(u.password_hash), soci::use(doc);
      // The audit log never holds password hashes.
      return Audit(s, actor, before.empty() ? "user.create" : "user.update", "user:" + u.id, before,
                   doc);
    });
  }

  Result<model::User> GetUser(std::string_view id) override {
    std::string uid(id);
    return Read([&](soci::session& s) -> Result<model::User> {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT doc, password_hash FROM users WHERE id = :id", soci::use(uid));
      for (const auto& r : rows) return UserFrom(r);
      return MakeError(ErrorCode::kNotFound, "no user " + uid);
    });
  }

  Result<std::vector<model::User>> ListUsers() override {
    return Read([&](soci::session& s) -> Result<std::vector<model::User>> {
      std::vector<model::User> out;
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT doc, password_hash FROM users ORDER BY id");
      for (const auto& r : rows) {
        LADDER_TRY(model::User u, UserFrom(r));
        out.push_back(std::move(u));
      }
      return out;
    });
  }

  Status CreateSession(std::string_view actor, const Session& x) override {
    return Write([&](soci::session& s) -> Status {
      LADDER_TRY_STATUS(RequireUser(s, x.user));
      s << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
           "VALUES (:h, :u, :c, :cr, :ex)",
          soci::use(x.token_hash), soci::use(x.user), soci::use(x.csrf_token),
          soci::use(x.created_at), soci::use(x.expires_at);
      return Audit(s, actor, "session.create", "user:" + x.user, "",
                   Dump(Json{{"expires_at", x.expires_at}}));
    });
  }

  Result<Session> GetSession(std::string_view token_hash) override {
    std::string h(token_hash);
    return Read([&](soci::session& s) -> Result<Session> {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM "
                        "sessions WHERE token_hash = :h",
           soci::use(h));
      for (const auto& r : rows)
        return Session{GetStr(r, 0), GetStr(r, 1), GetStr(r, 2), GetStr(r, 3), GetStr(r, 4)};
      return MakeError(ErrorCode::kNotFound, "no such session");
    });
  }

  Status DeleteSession(std::string_view actor, std::string_view token_hash) override {
    std::string h(token_hash);
    return Write([&](soci::session& s) -> Status {
      std::string user;
      soci::indicator ind = soci::i_null;
      s << "SELECT user_id FROM sessions WHERE token_hash = :h", soci::into(user, ind),
          soci::use(h);
      if (!s.got_data() || ind != soci::i_ok)
        return MakeError(ErrorCode::kNotFound, "no such session");
      s << "DELETE FROM sessions WHERE token_hash = :h", soci::use(h);
      return Audit(s, actor, "session.delete", "user:" + user, "", "");
    });
  }

  Result<int> DeleteExpiredSessions(std::string_view now) override {
    std::string n(now);
    return Write([&](soci::session& s) -> Result<int> {
      long long count = 0;
      s << "SELECT COUNT(*) FROM sessions WHERE expires_at < :n", soci::into(count), soci::use(n);
      if (count == 0) return 0;
      s << "DELETE FROM sessions WHERE expires_at < :n", soci::use(n);
      LADDER_TRY_STATUS(Audit(s, "system", "session.expire", "sessions", "",
                              Dump(Json{{"deleted", count}, {"before", n}})));
      return static_cast<int>(count);
    });
  }

  Result<int> DeleteUserSessions(std::string_view actor, std::string_view user,
                                 std::string_view except_hash) override {
    std::string u(user), keep(except_hash);
    return Write([&](soci::session& s) -> Result<int> {
      long long count = 0;
      s << "SELECT COUNT(*) FROM sessions WHERE user_id = :u AND token_hash <> :k",
          soci::into(count), soci::use(u), soci::use(keep);
      if (count == 0) return 0;
      s << "DELETE FROM sessions WHERE user_id = :u AND token_hash <> :k", soci::use(u),
          soci::use(keep);
      LADDER_TRY_STATUS(Audit(s, actor, "session.revoke_all", "user:" + u, "",
                              Dump(Json{{"deleted", count}, {"kept_current", !keep.empty()}})));
      return static_cast<int>(count);
    });
  }

  Result<std::string> CreateApiToken(std::string_view actor, const ApiToken& in) override {
    ApiToken t = in;
    if (t.id.empty()) t.id = NewId("tok");
    if (t.created_at.empty()) t.created_at = NowIso();
    if (t.token_hash.empty())
      return MakeError(ErrorCode::kInvalidArgument, "an API token needs its hash", {},
                       "token.token_hash");
    return Write([&](soci::session& s) -> Result<std::string> {
      LADDER_TRY_STATUS(RequireUser(s, t.user));
      long long revoked = t.revoked ? 1 : 0;
      std::string scope = model::TokenScopeName(t.scope);
      s << "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, expires_at, "
           "last_used_at, revoked, scope) VALUES (:id, :u, :n, :h, :c, :e, :l, :r, :s)",
          soci::use(t.id), soci::use(t.user), soci::use(t.name), soci::use(t.token_hash),
          soci::use(t.created_at), soci::use(t.expires_at), soci::use(t.last_used_at),
          soci::use(revoked), soci::use(scope);
      LADDER_TRY_STATUS(Audit(s, actor, "token.create", "token:" + t.id, "",
                              Dump(Json{{"user", t.user},
                                        {"name", t.name},
                                        {"scope", scope},
                                        {"expires_at", t.expires_at}})));
      return t.id;
    });
  }

  Result<ApiToken> FindApiToken(std::string_view token_hash) override {
    std::string h(token_hash);
    return Read([&](soci::session& s) -> Result<ApiToken> {
      LADDER_TRY(auto list, LoadTokens(s, "token_hash", h));
      if (list.empty()) return MakeError(ErrorCode::kNotFound, "no such API token");
      return list.front();
    });
  }

  Result<std::vector<ApiToken>> ListApiTokens(std::string_view user) override {
    std::string u(user);
    return Read([&](soci::session& s) { return LoadTokens(s, "user_id", u); });
  }

  Status RevokeApiToken(std::string_view actor, std::string_view id) override {
    std::string tid(id);
    return Write([&](soci::session& s) -> Status {
      long long n = 0;
      s << "SELECT COUNT(*) FROM api_tokens WHERE id = :id", soci::into(n), soci::use(tid);
      if (n == 0) return MakeError(ErrorCode::kNotFound, "no API token " + tid);
      s << "UPDATE api_tokens SET revoked = 1 WHERE id = :id", soci::use(tid);
      return Audit(s, actor, "token.revoke", "token:" + tid, Dump(Json{{"revoked", false}}),
                   Dump(Json{{"revoked", true}}));
    });
  }

  // ---- Audit, search, operations ----

  Result<std::vector<model::AuditEntry>> ListAudit(const AuditQuery& q) override {
    return Read([&](soci::session& s) -> Result<std::vector<model::AuditEntry>> {
      std::string sql =
          "SELECT id, at, actor, action, subject, before_json, after_json FROM audit_log WHERE "
          "id > :after";
      long long after = q.after_id;
      std::string actor = q.actor, subject = q.subject, prefix = q.action_prefix + "%";
      if (!actor.empty()) sql += " AND actor = :a";
      if (!subject.empty()) sql += " AND subject = :s";
      if (!q.action_prefix.empty()) sql += " AND action LIKE :p";
      sql += " ORDER BY id";
      if (q.limit > 0) sql += " LIMIT " + std::to_string(q.limit);
      soci::statement st(s);
      model::AuditEntry e;
      st.exchange(soci::into(e.id));
      st.exchange(soci::into(e.at));
      st.exchange(soci::into(e.actor));
      st.exchange(soci::into(e.action));
      st.exchange(soci::into(e.subject));
      st.exchange(soci::into(e.before));
      st.exchange(soci::into(e.after));
      st.exchange(soci::use(after));
      if (!actor.empty()) st.exchange(soci::use(actor));
      if (!subject.empty()) st.exchange(soci::use(subject));
      if (!q.action_prefix.empty()) st.exchange(soci::use(prefix));
      st.alloc();
      st.prepare(sql);
      st.define_and_bind();
      std::vector<model::AuditEntry> out;
      if (st.execute(true)) {
        do out.push_back(e);
        while (st.fetch());
      }
      return out;
    });
  }

  Result<std::vector<SearchHit>> Search(std::string_view query,
                                        const SearchOptions& options) override {
    if (text::Trim(query).empty())
      return MakeError(ErrorCode::kInvalidArgument, "nothing to search for: the query is empty");
    QueryTerms terms = QueryTermsOf(query);
    if (terms.empty())
      return MakeError(ErrorCode::kInvalidArgument,
                       "nothing to search for in \"" + std::string(query) + "\"");
    return Read([&](soci::session& s) -> Result<std::vector<SearchHit>> {
      const Dialect& d = *shared_->dialect;
      std::string param;
      std::string where = d.CandidateWhere(s, DistinctStems(terms), &param);
      std::string sql =
          "SELECT p.kind, p.framework, fv.name, p.version, p.track, p.level, p.level_title, "
          "p.competency, p.title, p.body, p.ord FROM " +
          d.CandidateFrom() +
          " JOIN framework_versions fv ON fv.framework = p.framework AND fv.version = "
          "p.version WHERE " +
          where + " AND " + SearchVersionFilter(options);
      std::string fw = options.framework;
      if (!fw.empty()) sql += " AND p.framework = :fw";
      struct Found {
        SearchHit hit;
        long long ord;
        PassageMatch match;
      };
      std::vector<Found> found;
      soci::statement st(s);
      soci::row r;
      st.exchange(soci::into(r));
      if (!param.empty()) st.exchange(soci::use(param));
      if (!fw.empty()) st.exchange(soci::use(fw));
      st.alloc();
      st.prepare(sql);
      st.define_and_bind();
      if (st.execute(true)) {
        do {
          std::string title = GetStr(r, 8), body = GetStr(r, 9);
          PassageMatch m = MatchPassage(terms, title, body);
          if (!m.matches) continue;
          SearchHit h;
          std::string kind = GetStr(r, 0);
          for (HitKind k :
               {HitKind::kBehaviour, HitKind::kLevelSummary, HitKind::kExpectationSummary,
                HitKind::kAttribute, HitKind::kRequirement, HitKind::kNote, HitKind::kRole})
            if (kind == HitKindName(k)) h.kind = k;
          h.framework = GetStr(r, 1);
          h.framework_name = GetStr(r, 2);
          h.version = GetStr(r, 3);
          h.track = GetStr(r, 4);
          h.level = GetStr(r, 5);
          h.level_title = GetStr(r, 6);
          h.competency = GetStr(r, 7);
          h.title = std::move(title);
          h.snippet = std::move(m.snippet);
          found.push_back({std::move(h), GetInt(r, 10), std::move(m)});
        } while (st.fetch());
      }
      // Ranked here, not by the backend, so that every backend orders hits alike.
      auto key = [](const Found& f) { return std::tie(f.hit.framework, f.hit.version, f.ord); };
      std::sort(found.begin(), found.end(),
                [&](const Found& a, const Found& b) { return key(a) < key(b); });
      double title_words = 0, body_words = 0;
      for (const Found& f : found) {
        title_words += static_cast<double>(f.match.title_length);
        body_words += static_cast<double>(f.match.body_length);
      }
      double n = found.empty() ? 1.0 : static_cast<double>(found.size());
      for (Found& f : found) f.hit.score = Bm25(f.match, title_words / n, body_words / n);
      std::stable_sort(found.begin(), found.end(),
                       [](const Found& a, const Found& b) { return a.hit.score > b.hit.score; });
      if (options.limit > 0 && found.size() > static_cast<std::size_t>(options.limit))
        found.resize(options.limit);
      std::vector<SearchHit> out;
      out.reserve(found.size());
      for (Found& f : found) out.push_back(std::move(f.hit));
      return out;
    });
  }

  Result<std::string> WriteStamp() override {
    return Read([&](soci::session& s) -> Result<std::string> {
      std::string stamp;
      s << shared_->dialect->WriteStampQuery(), soci::into(stamp);
      return stamp;
    });
  }

  Result<int> SchemaVersion() override {
    return Read([&](soci::session& s) { return CurrentSchema(s); });
  }

  static Result<int> CurrentSchema(soci::session& s) {
    long long v = 0;
    soci::indicator ind = soci::i_null;
    s << "SELECT MAX(version) FROM schema_version", soci::into(v, ind);
    return ind == soci::i_ok ? static_cast<int>(v) : 0;
  }

  Status Backup(std::string_view path) override {
    return Read([&](soci::session& s) { return shared_->dialect->Backup(s, path); });
  }
  Status Restore(std::string_view path) override {
    if (pinned_)
      return MakeError(ErrorCode::kFailedPrecondition, "restore cannot run inside a transaction");
    return Read([&](soci::session& s) { return shared_->dialect->Restore(s, path); });
  }

  Result<std::string> ExportDump(const DumpOptions& options) override {
    // One read-only snapshot transaction: consistent while writers go on, blocking none.
    return Read([&](soci::session& s) -> Result<std::string> {
      auto dump = [&]() -> Result<std::string> {
        LADDER_TRY(int schema, CurrentSchema(s));
        return WriteDump(s, schema, options.secrets);
      };
      if (pinned_) return dump();  // inside the caller's transaction
      s << shared_->dialect->BeginSnapshot();
      try {
        Result<std::string> out = dump();
        s << "COMMIT";
        return out;
      } catch (...) {
        RollbackQuietly(s);
        throw;
      }
    });
  }

  Status ImportDump(std::string_view dump) override {
    const auto& all = shared_->dialect->Migrations();
    int known = all.empty() ? 0 : all.back().number;
    return Write([&](soci::session& s) -> Status {
      LADDER_TRY_STATUS(ReadDump(s, *shared_->dialect, known, dump,
                                 [&](const Framework& f) { return PutFrameworkRows(s, f); }));
      return UpgradeFrameworkDocuments(s);  // a dump of an older schema holds the older form
    });
  }

  // Runs the migrations on one connection. Public for OpenSqlStore.
  Status Migrate(bool apply, int target) {
    const std::vector<Migration>& all = shared_->dialect->Migrations();
    int known = all.empty() ? 0 : all.back().number;
    int goal = target > 0 && target < known ? target : known;
    return Write([&](soci::session& s) -> Status {
      shared_->dialect->LockForMigration(s);
      shared_->dialect->ExecScript(
          s,
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT "
          "NOT NULL, applied_at TEXT NOT NULL)");
      long long current = 0;
      soci::indicator ind = soci::i_null;
      s << "SELECT MAX(version) FROM schema_version", soci::into(current, ind);
      if (ind != soci::i_ok) current = 0;
      if (current > known)
        return MakeError(ErrorCode::kFailedPrecondition,
                         "the database was written by a newer Ladder: schema " +
                             std::to_string(current) + ", this binary knows up to " +
                             std::to_string(known) + "; upgrade Ladder (nothing was changed)");
      if (current < goal && !apply)
        return MakeError(ErrorCode::kFailedPrecondition,
                         "the database schema is " + std::to_string(current) +
                             " and needs migrations up to " + std::to_string(goal));
      for (const Migration& m : all) {
        if (m.number <= current || m.number > goal) continue;
        shared_->dialect->ExecScript(s, std::string(m.sql));
        long long number = m.number;
        std::string now = NowIso();
        s << "INSERT INTO schema_version (version, name, applied_at) VALUES (:v, :n, :a)",
            soci::use(number), soci::use(m.name), soci::use(now);
        // The search migration leaves the terms of stored passages to be computed here, and
        // the canonical_documents migration the rewriting of framework documents.
        if (m.name == "search") LADDER_TRY_STATUS(ReindexPassages(s));
        if (m.name == "canonical_documents") LADDER_TRY_STATUS(UpgradeFrameworkDocuments(s));
      }
      return Ok();
    });
  }

 private:
  // Runs a read on a pooled (or the pinned) connection, converting database errors.
  template <typename F>
  auto Read(F&& f) -> decltype(f(std::declval<soci::session&>())) {
    using R = decltype(f(std::declval<soci::session&>()));
    try {
      if (pinned_) return f(*pinned_);
      Pool::Lease lease = shared_->pool.Acquire();
      return f(*lease);
    } catch (const soci::soci_error& e) {
      return R(Convert(e));
    } catch (const std::exception& e) {
      return R(MakeError(ErrorCode::kInternal, std::string("storage: ") + e.what()));
    }
  }

  // Runs a write in a transaction (or inside the pinned one); commits when f returns a value.
  template <typename F>
  auto Write(F&& f) -> decltype(f(std::declval<soci::session&>())) {
    using R = decltype(f(std::declval<soci::session&>()));
    if (pinned_) {
      try {
        return f(*pinned_);
      } catch (const soci::soci_error& e) {
        return R(Convert(e));
      } catch (const std::exception& e) {
        return R(MakeError(ErrorCode::kInternal, std::string("storage: ") + e.what()));
      }
    }
    Pool::Lease lease = shared_->pool.Acquire();
    soci::session& s = *lease;
    bool open = false;
    try {
      s << shared_->dialect->BeginWrite();
      open = true;
      R result = f(s);
      if (result) {
        s << "COMMIT";
      } else {
        s << "ROLLBACK";
      }
      open = false;
      return result;
    } catch (const soci::soci_error& e) {
      if (open) RollbackQuietly(s);
      return R(Convert(e));
    } catch (const std::exception& e) {
      if (open) RollbackQuietly(s);
      return R(MakeError(ErrorCode::kInternal, std::string("storage: ") + e.what()));
    }
  }

  static void RollbackQuietly(soci::session& s) {
    try {
      s << "ROLLBACK";
    } catch (const std::exception&) {
      // The connection already ended the transaction (e.g. the commit itself failed).
    }
  }

  std::unexpected<Error> Convert(const soci::soci_error& e) const {
    ErrorCode code = shared_->dialect->Classify(e);
    std::string msg = e.get_error_message();
    if (code == ErrorCode::kUnavailable)
      return MakeError(code, "database unavailable (" + msg + ")");
    return MakeError(code, std::string(shared_->dialect->Name()) + ": " + msg);
  }

  // Writes the rows derived from a version's document: its levels (keeping those that stay,
  // which assignments point at; kConflict when one in use would vanish), roles and passages.
  Status PutFrameworkRows(soci::session& s, const Framework& f) {
    // Levels: keep rows that stay (assignments point at them), drop the others.
    std::set<std::pair<std::string, std::string>> wanted;
    for (const auto& t : f.tracks)
      for (const auto& l : t.levels) wanted.insert({t.id, l.code});
    std::vector<std::pair<std::string, std::string>> gone;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT track, code FROM levels WHERE framework = :f AND version = :v",
           soci::use(f.id), soci::use(f.version));
      for (const auto& r : rows) {
        std::pair<std::string, std::string> key{GetStr(r, 0), GetStr(r, 1)};
        if (!wanted.count(key)) gone.push_back(key);
      }
    }
    for (auto& [track, code] : gone) {
      std::string person;
      soci::indicator pind = soci::i_null;
      s << "SELECT person FROM assignments WHERE framework = :f AND version = :v AND track = "
           ":t AND level = :l LIMIT 1",
          soci::into(person, pind), soci::use(f.id), soci::use(f.version), soci::use(track),
          soci::use(code);
      if (s.got_data() && pind == soci::i_ok)
        return MakeError(ErrorCode::kConflict, "level " + track + "/" + code + " of " + f.id + "@" +
                                                   f.version + " is assigned to person " + person +
                                                   " and cannot be removed");
      s << "DELETE FROM levels WHERE framework = :f AND version = :v AND track = :t AND "
           "code = :c",
          soci::use(f.id), soci::use(f.version), soci::use(track), soci::use(code);
    }
    for (const auto& t : f.tracks)
      for (const auto& l : t.levels) {
        long long rank = l.rank;
        s << "INSERT INTO levels (framework, version, track, code, rank, title) VALUES (:f, "
             ":v, :t, :c, :r, :ti) ON CONFLICT (framework, version, track, code) DO UPDATE "
             "SET rank = excluded.rank, title = excluded.title",
            soci::use(f.id), soci::use(f.version), soci::use(t.id), soci::use(l.code),
            soci::use(rank), soci::use(l.title);
      }

    s << "DELETE FROM roles WHERE framework = :f AND version = :v", soci::use(f.id),
        soci::use(f.version);
    for (std::size_t i = 0; i < f.roles.size(); ++i) {
      const auto& r = f.roles[i];
      long long ord = static_cast<long long>(i);
      std::string rdoc = Dump(ToJson(r));
      s << "INSERT INTO roles (framework, version, ord, family, seniority, title, doc) VALUES "
           "(:f, :v, :o, :fam, :sen, :t, :d)",
          soci::use(f.id), soci::use(f.version), soci::use(ord), soci::use(r.family),
          soci::use(r.seniority), soci::use(r.title), soci::use(rdoc);
    }

    PutPassages(s, f);
    return Ok();
  }

  // Rebuilds the passages of every stored version from its document.
  Status ReindexPassages(soci::session& s) {
    std::vector<std::string> docs;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT document FROM framework_versions ORDER BY framework, version");
      for (const auto& r : rows) docs.push_back(GetStr(r, 0));
    }
    for (const std::string& doc : docs) {
      LADDER_TRY(Framework f, Decode<Framework>(doc, "framework"));
      PutPassages(s, f);
    }
    return Ok();
  }

  void PutPassages(soci::session& s, const Framework& f) {
    s << "DELETE FROM passages WHERE framework = :f AND version = :v", soci::use(f.id),
        soci::use(f.version);
    PassageRow p;
    soci::statement st =
        (s.prepare << "INSERT INTO passages (framework, version, kind, track, level, "
                      "level_title, competency, title, body, ord, terms) VALUES (:f, :v, :k, :t, "
                      ":l, :lt, :c, :ti, :b, :o, :te)",
         soci::use(f.id), soci::use(f.version), soci::use(p.kind), soci::use(p.track),
         soci::use(p.level), soci::use(p.level_title), soci::use(p.competency), soci::use(p.title),
         soci::use(p.body), soci::use(p.ord), soci::use(p.terms));
    for (PassageRow& row : PassagesOf(f)) {
      p = std::move(row);
      st.execute(true);
    }
  }

  Status Audit(soci::session& s, std::string_view actor, std::string_view action,
               const std::string& subject, const std::string& before, const std::string& after) {
    std::string a(actor.empty() ? "unknown" : actor), act(action), now = NowIso();
    s << "INSERT INTO audit_log (at, actor, action, subject, before_json, after_json) VALUES "
         "(:at, :a, :ac, :s, :b, :af)",
        soci::use(now), soci::use(a), soci::use(act), soci::use(subject), soci::use(before),
        soci::use(after);
    return Ok();
  }

  Result<std::string> VersionStatus(soci::session& s, const std::string& f, const std::string& v) {
    std::string status;
    soci::indicator ind = soci::i_null;
    s << "SELECT status FROM framework_versions WHERE framework = :f AND version = :v",
        soci::into(status, ind), soci::use(f), soci::use(v);
    if (!s.got_data() || ind != soci::i_ok)
      return MakeError(ErrorCode::kNotFound, "no version " + v + " of framework " + f);
    return status;
  }

  Result<Framework> LoadFramework(soci::session& s, const std::string& f, const std::string& v) {
    std::string doc;
    soci::indicator ind = soci::i_null;
    if (v.empty()) {
      s << "SELECT document FROM framework_versions WHERE framework = :f AND status = "
           "'published' ORDER BY publish_seq DESC LIMIT 1",
          soci::into(doc, ind), soci::use(f);
      if (!s.got_data() || ind != soci::i_ok) {
        long long drafts = 0;
        s << "SELECT COUNT(*) FROM framework_versions WHERE framework = :f", soci::into(drafts),
            soci::use(f);
        if (drafts == 0) return MakeError(ErrorCode::kNotFound, "no framework " + f);
        return MakeError(ErrorCode::kNotFound, "framework " + f + " has " + std::to_string(drafts) +
                                                   " draft version(s) and none published");
      }
    } else {
      s << "SELECT document FROM framework_versions WHERE framework = :f AND version = :v",
          soci::into(doc, ind), soci::use(f), soci::use(v);
      if (!s.got_data() || ind != soci::i_ok)
        return MakeError(ErrorCode::kNotFound, "no version " + v + " of framework " + f);
    }
    return Decode<Framework>(doc, "framework " + f);
  }

  static VersionInfo VersionFrom(const soci::row& r) {
    VersionInfo v;
    v.framework = GetStr(r, 0);
    v.version = GetStr(r, 1);
    v.status = GetStr(r, 4) == "published" ? model::FrameworkStatus::kPublished
                                           : model::FrameworkStatus::kDraft;
    v.effective = GetStr(r, 5);
    v.saved_at = GetStr(r, 6);
    v.published_at = GetStr(r, 7);
    return v;
  }

  static Result<model::Person> PersonFrom(const soci::row& r) {
    model::Person p;
    p.id = GetStr(r, 0);
    p.name = GetStr(r, 1);
    p.email = GetStr(r, 2);
    p.manager = GetStr(r, 3);
    std::string hired = GetStr(r, 4);
    if (!hired.empty()) {
      LADDER_TRY(p.hired, Date::Parse(hired));
    }
    return p;
  }

  static Result<model::User> UserFrom(const soci::row& r) {
    LADDER_TRY(Json j, ParseJson(GetStr(r, 0), "user"));
    model::User u;
    try {
      u.id = j.at("id").get<std::string>();
      u.person = j.at("person").get<std::string>();
      u.name = j.at("name").get<std::string>();
      u.disabled = j.at("disabled").get<bool>();
      for (const auto& role : j.at("roles")) {
        auto parsed = model::ParseUserRole(role.get<std::string>());
        if (!parsed) return MakeError(ErrorCode::kInternal, "stored user has an unknown role");
        u.roles.push_back(*parsed);
      }
    } catch (const std::exception& e) {
      return MakeError(ErrorCode::kInternal, std::string("stored user is damaged: ") + e.what());
    }
    u.password_hash = GetStr(r, 1);
    return u;
  }

  std::string PersonDoc(soci::session& s, const std::string& id) {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, name, email, manager, hired FROM people WHERE id = :id",
         soci::use(id));
    for (const auto& r : rows) {
      auto p = PersonFrom(r);
      if (p) return Dump(ToJson(*p));
    }
    return {};
  }

  std::string DocOf(soci::session& s, const std::string& table, const std::string& id) {
    std::string doc;
    soci::indicator ind = soci::i_null;
    s << "SELECT doc FROM " + table + " WHERE id = :id", soci::into(doc, ind), soci::use(id);
    return s.got_data() && ind == soci::i_ok ? doc : std::string();
  }

  Status RequirePerson(soci::session& s, const std::string& id, const char* field) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM people WHERE id = :id", soci::into(n), soci::use(id);
    if (n == 0)
      return MakeError(ErrorCode::kInvalidArgument,
                       std::string(field) + " names person " + (id.empty() ? "\"\"" : id) +
                           ", who is not stored",
                       {}, field);
    return Ok();
  }

  // kConflict "<refusal>: <what> <id> refers to it (and N more)" when a row of `table` has
  // `column` = `id`.
  Status RefuseIfReferenced(soci::session& s, const std::string& table, const std::string& column,
                            const std::string& id, const std::string& what,
                            const std::string& refusal) {
    long long n = 0;
    std::string first;
    soci::indicator ind = soci::i_null;
    s << "SELECT COUNT(*), MIN(id) FROM " + table + " WHERE " + column + " = :id", soci::into(n),
        soci::into(first, ind), soci::use(id);
    if (n == 0) return Ok();
    return MakeError(ErrorCode::kConflict,
                     refusal + ": " + what + " " + first + " refers to it" +
                         (n > 1 ? " (and " + std::to_string(n - 1) + " more)" : ""),
                     {}, table + "." + column);
  }

  Status RequireUser(soci::session& s, const std::string& id) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM users WHERE id = :id", soci::into(n), soci::use(id);
    if (n == 0) return MakeError(ErrorCode::kInvalidArgument, "no user " + id, {}, "user");
    return Ok();
  }

  Status CheckAssignment(soci::session& s, const model::Assignment& a) {
    LADDER_TRY_STATUS(RequirePerson(s, a.person, "assignment.person"));
    if (a.from.empty())
      return MakeError(ErrorCode::kInvalidArgument, "an assignment needs its start date", {},
                       "assignment.from");
    if (!a.to.empty() && a.to <= a.from)
      return MakeError(
          ErrorCode::kInvalidArgument,
          "assignment ends (" + a.to.ToString() + ") before it starts (" + a.from.ToString() + ")",
          {}, "assignment.to");
    long long n = 0;
    s << "SELECT COUNT(*) FROM levels WHERE framework = :f AND version = :v AND track = :t AND "
         "code = :c",
        soci::into(n), soci::use(a.framework), soci::use(a.version), soci::use(a.track),
        soci::use(a.level);
    if (n == 0)
      return MakeError(ErrorCode::kInvalidArgument,
                       "level " + a.track + "/" + a.level + " of framework " + a.framework +
                           " version " + a.version + " is not stored",
                       {}, "assignment.level");
    return Ok();
  }

  Status CheckOverlap(soci::session& s, const model::Assignment& a) {
    std::string from = a.from.ToString();
    std::string to = a.to.empty() ? "9999-12-31" : a.to.ToString();
    std::string other;
    soci::indicator ind = soci::i_null;
    // Another period [f2, t2) overlaps [from, to) when f2 < to and (t2 empty or t2 > from).
    s << "SELECT id FROM assignments WHERE person = :p AND id <> :id AND from_date < :to AND "
         "(to_date = '' OR to_date > :fr) LIMIT 1",
        soci::into(other, ind), soci::use(a.person), soci::use(a.id), soci::use(to),
        soci::use(from);
    if (s.got_data() && ind == soci::i_ok)
      return MakeError(ErrorCode::kConflict, "assignment of " + a.person + " from " + from +
                                                 " overlaps assignment " + other);
    return Ok();
  }

  Result<std::vector<model::Assignment>> LoadAssignments(soci::session& s, const std::string& sql,
                                                         const std::string& person,
                                                         const std::string& date) {
    std::vector<model::Assignment> out;
    auto take = [&](soci::rowset<soci::row>& rows) -> Status {
      for (const auto& r : rows) {
        LADDER_TRY(model::Assignment a, AssignmentFrom(GetStr(r, 0)));
        out.push_back(std::move(a));
      }
      return Ok();
    };
    if (date.empty()) {
      soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(person));
      LADDER_TRY_STATUS(take(rows));
    } else {
      soci::rowset<soci::row> rows =
          (s.prepare << sql, soci::use(person), soci::use(date), soci::use(date));
      LADDER_TRY_STATUS(take(rows));
    }
    return out;
  }

  Result<std::vector<ApiToken>> LoadTokens(soci::session& s, const std::string& column,
                                           const std::string& value) {
    std::vector<ApiToken> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, user_id, name, token_hash, created_at, expires_at, "
                      "last_used_at, revoked, scope FROM api_tokens WHERE " +
                          column + " = :v ORDER BY created_at, id",
         soci::use(value));
    for (const auto& r : rows)
      out.push_back({GetStr(r, 0), GetStr(r, 1), GetStr(r, 2), GetStr(r, 3), GetStr(r, 4),
                     GetStr(r, 5), GetStr(r, 6), GetInt(r, 7) != 0,
                     model::ParseTokenScope(GetStr(r, 8)).value_or(model::TokenScope::kRead)});
    return out;
  }

  Status PutCase(soci::session& s, const model::Case& c) {
    std::string doc = Dump(ToJson(c)), day = c.opened.ToString(),
                status = model::CaseStatusName(c.status), fw = c.framework, ver = c.version;
    soci::indicator fi = fw.empty() ? soci::i_null : soci::i_ok;
    soci::indicator vi = ver.empty() ? soci::i_null : soci::i_ok;
    s << "INSERT INTO cases (id, person, framework, version, day, status, doc) VALUES (:id, :p, "
         ":f, :v, :d, :s, :doc) ON CONFLICT (id) DO UPDATE SET person = excluded.person, "
         "framework = excluded.framework, version = excluded.version, day = excluded.day, "
         "status = excluded.status, doc = excluded.doc",
        soci::use(c.id), soci::use(c.person), soci::use(fw, fi), soci::use(ver, vi), soci::use(day),
        soci::use(status), soci::use(doc);
    return Ok();
  }

  // Saves a record kept as (id, person, day, doc). `people` are further person ids it names
  // (signers, approvers) that must be stored when non-empty.
  template <typename T>
  Result<std::string> SaveRecord(std::string_view actor, const RecordTable& t, T& value, Date day,
                                 std::vector<std::string> people) {
    if (value.id.empty()) value.id = NewId(t.prefix);
    return Write([&](soci::session& s) -> Result<std::string> {
      LADDER_TRY_STATUS(RequirePerson(s, value.person, "person"));
      for (const auto& p : people)
        if (!p.empty()) LADDER_TRY_STATUS(RequirePerson(s, p, t.kind));
      std::string before = DocOf(s, t.table, value.id);
      std::string doc = Dump(ToJson(value)), d = day.ToString();
      s << std::string("INSERT INTO ") + t.table +
               " (id, person, day, doc) VALUES (:id, :p, :d, :doc) ON CONFLICT (id) DO UPDATE "
               "SET person = excluded.person, day = excluded.day, doc = excluded.doc",
          soci::use(value.id), soci::use(value.person), soci::use(d), soci::use(doc);
      LADDER_TRY_STATUS(Audit(s, actor,
                              std::string(t.kind) + (before.empty() ? ".create" : ".update"),
                              std::string(t.kind) + ":" + value.id, before, doc));
      return value.id;
    });
  }

  template <typename T>
  Result<std::vector<T>> ListRecords(const RecordTable& t, std::string_view person) {
    return ListDocs<T>(t.table, t.kind, person);
  }

  template <typename T>
  Result<std::vector<T>> ListDocs(const char* table, const char* kind, std::string_view person) {
    std::string p(person);
    return Read([&](soci::session& s) -> Result<std::vector<T>> {
      std::vector<T> out;
      soci::rowset<soci::row> rows = (s.prepare << std::string("SELECT doc FROM ") + table +
                                                       " WHERE person = :p ORDER BY day, id",
                                      soci::use(p));
      for (const auto& r : rows) {
        LADDER_TRY(T v, Decode<T>(GetStr(r, 0), kind));
        out.push_back(std::move(v));
      }
      return out;
    });
  }

  Status DeleteRecord(std::string_view actor, const RecordTable& t, std::string_view id) {
    std::string rid(id);
    return Write([&](soci::session& s) -> Status {
      std::string before = DocOf(s, t.table, rid);
      if (before.empty())
        return MakeError(ErrorCode::kNotFound, std::string("no ") + t.kind + " " + rid);
      s << std::string("DELETE FROM ") + t.table + " WHERE id = :id", soci::use(rid);
      return Audit(s, actor, std::string(t.kind) + ".delete", std::string(t.kind) + ":" + rid,
                   before, "");
    });
  }

  std::shared_ptr<Shared> shared_;
  soci::session* pinned_;
};

}  // namespace

std::string SearchVersionFilter(const SearchOptions& options) {
  if (options.include_drafts)
    return "fv.save_seq = (SELECT MAX(f2.save_seq) FROM framework_versions f2 WHERE "
           "f2.framework = fv.framework)";
  return "fv.status = 'published' AND fv.publish_seq = (SELECT MAX(f2.publish_seq) FROM "
         "framework_versions f2 WHERE f2.framework = fv.framework AND f2.status = 'published')";
}

Result<std::unique_ptr<Store>> OpenSqlStore(std::unique_ptr<Dialect> dialect,
                                            const OpenOptions& options) {
  auto shared = std::make_shared<Shared>();
  int size = options.pool_size > 0 ? options.pool_size : dialect->DefaultPoolSize();
  shared->dialect = std::move(dialect);
  try {
    for (int i = 0; i < size; ++i) shared->pool.Add(shared->dialect->Connect());
  } catch (const soci::soci_error& e) {
    return MakeError(ErrorCode::kUnavailable, std::string("cannot open the ") +
                                                  std::string(shared->dialect->Name()) +
                                                  " database: " + e.get_error_message());
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kUnavailable, std::string("cannot open the database: ") + e.what());
  }
  auto store = std::make_unique<SqlStore>(shared, nullptr);
  LADDER_TRY_STATUS(store->Migrate(options.migrate, options.target_version));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace ladder::storage::internal
