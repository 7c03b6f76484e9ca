// Review cycles as use cases over the Store (docs/cycles.md): opening a cycle with its snapshot
// of everyone in scope, nominations, moving it through its phases, the committee's notes, the
// bulk actions of calibration (open the reviews of the eligible, name panels), closing it into
// an immutable record, and its report (the snapshot and the outcomes, as rows).
//
// Who may act is app/authority.h's table: running a cycle (Action::kRunCycle) is the people
// team's and admins'; nominating (kNominate) is a manager's for people below them, anyone's
// for themself, and the people team's. On the command line the acting person is named per call
// (`by`); a signed-in user always acts as themself (as app/review.h).
//
// The cases of a cycle are ordinary cases (app/review.h) that name it: OpenCase joins them to
// it, Decide decides them only in its decisions phase.
//
// Not thread-safe on its own (it holds a Store&, which is).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/accounts.h"
#include "app/authority.h"
#include "app/review.h"
#include "base/date.h"
#include "base/error.h"
#include "model/cycle.h"
#include "model/people.h"
#include "storage/store.h"

namespace ladder::app {

// What opening a cycle takes.
struct CycleSpec {
  std::string id;  // "" : made from the name
  std::string name;
  std::vector<std::string> frameworks;  // ids; every one needs a published version
  std::string manager;                  // "" : everyone holding a level in the frameworks
  Date evaluation;
  int close_days = 90;
  std::vector<model::PhaseDeadline> phases;  // every phase, in order
};

// One row of a cycle: the candidate and their case in the cycle, if any.
struct CycleRow {
  model::Candidate candidate;
  std::optional<model::Case> review;
  int evidence = 0;  // standing evidence records of the person

  // The phase of the case in words ("not nominated", "nominated", "portfolio", "peer review",
  // "promoted, effective 2027-01-01", ...).
  std::string Stage() const;
};

// A cycle with every row, by person id.
struct CycleReport {
  model::Cycle cycle;
  std::vector<CycleRow> rows;
};

// The rows of a cycle a board shows: each filter empty means any.
struct CycleFilter {
  std::string framework;
  std::string track;
  std::string level;            // current level code
  std::string target;           // "track/level"
  std::string manager;          // the whole organisation below this person
  std::string readiness;        // eligible | close | blocked | no_target
  std::string stage;            // none | nominated | open | portfolio | peer_review | decision |
                                // promoted | not_promoted | deferred
  std::string search;           // in the name or id, folded
  std::string sort = "name";    // name | level | target | readiness | earliest | evidence | stage
  bool candidates_only = true;  // only people eligible, close, nominated or with a case
};

// A report prepared for its boards: what every board of it reads, computed once (a server
// keeps it while nothing is written), so that a board costs what it shows.
struct CycleBoard {
  explicit CycleBoard(CycleReport r);
  CycleReport report;
  // Manager -> their direct reports, as the snapshot has them (for the manager filter).
  std::unordered_map<std::string, std::vector<std::string>> reports;
  std::vector<std::string> frameworks, targets;  // distinct, sorted ("track/level" targets)
  std::map<std::string, int> pipeline;           // the cycle's reviews by status or outcome
  std::map<std::string, std::string> names;      // person id -> name
  std::vector<std::string> folded;               // per row: its name and id folded for search
};

// The rows of the board that `filter` keeps, sorted.
std::vector<const CycleRow*> FilterRows(const CycleBoard& board, const CycleFilter& filter);

// A report as a table: a header row, then one row per person (for CSV and XLSX).
std::vector<std::vector<std::string>> CycleReportRows(const CycleReport& report);
// The CSV of CycleReportRows.
std::string CycleReportCsv(const CycleReport& report);

// What a bulk action did.
struct BulkResult {
  std::vector<std::string> done;     // case ids
  std::vector<std::string> skipped;  // "e042: already has case c-1 in the cycle"
};

class CycleService {
 public:
  // The command line: `actor` names the change in the audit log; each call names who acts.
  CycleService(storage::Store& store, std::string actor, ReviewSources sources = {})
      : store_(store), actor_(std::move(actor)), sources_(std::move(sources)) {}
  // A signed-in user, who acts as themself.
  CycleService(storage::Store& store, const Principal& principal, ReviewSources sources = {})
      : store_(store),
        actor_(principal.Actor()),
        sources_(std::move(sources)),
        principal_(principal) {}

  // Opens a cycle and takes its snapshot: everyone in scope (holding a level of one of its
  // frameworks on the evaluation date; below `manager` when given) evaluated for their next
  // level on the evaluation date, as eligible, close (the earliest date within close_days of
  // it) or blocked, with the reasons. kInvalidArgument naming the field for a bad spec;
  // kNotFound for a framework with no published version or an unknown manager; kConflict for a
  // cycle overlapping an open one; kFailedPrecondition when nobody is in scope.
  Result<model::Cycle> Open(CycleSpec spec, std::string_view by, Date today);
  // Moves the cycle to its next phase (kFailedPrecondition after the last: close it).
  Result<model::Cycle> Advance(std::string_view cycle, std::string_view by, Date today);
  // Closes the cycle in its last phase: its candidates keep the outcome of their case
  // (undecided when not decided), and nothing of it changes after. kFailedPrecondition in an
  // earlier phase.
  Result<model::Cycle> Close(std::string_view cycle, std::string_view by, Date today);
  // A committee note on the cycle, or on candidate `person`.
  Result<model::Cycle> Note(std::string_view cycle, std::string_view person, std::string_view text,
                            std::string_view by, Date today);
  // Nominates candidate `person` (by themself, a manager above them, the people team or an
  // admin) while nominations are open: the nominations phase, up to its deadline.
  Result<model::Candidate> Nominate(std::string_view cycle, std::string_view person,
                                    std::string_view note, std::string_view by, Date today);
  // Opens a review towards their next level, in the cycle, for each of `people` (empty: every
  // candidate who is eligible or nominated) who has no case in it yet and no review for that
  // level open outside it (those are skipped, saying why); all or nothing.
  Result<BulkResult> OpenReviews(std::string_view cycle, const std::vector<std::string>& people,
                                 std::string_view by, Date today);
  // Names `panel` on each of `cases` of the cycle (empty: every case of it not yet decided
  // without a panel); all or nothing.
  Result<BulkResult> NamePanels(std::string_view cycle, const std::vector<std::string>& cases,
                                const std::vector<std::string>& panel, std::string_view by,
                                Date today);

  // The cycle with its rows (and, when `evidence`, each person's evidence count).
  Result<CycleReport> Report(std::string_view cycle, bool evidence = false);

 private:
  Result<Actor> ActorFor(std::string_view by);
  // The actor of `by`, allowed to run cycle `subject`.
  Result<Actor> Runner(std::string_view by, std::string_view subject);
  Result<model::Cycle> OpenCycle(std::string_view id);
  ReviewService Review(storage::Store& store) const;

  storage::Store& store_;
  std::string actor_;
  ReviewSources sources_;
  std::optional<Principal> principal_;
};

}  // namespace ladder::app
