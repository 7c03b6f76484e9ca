// Importing people and their level history from an HRIS export (docs/people-csv.md):
//
//   id,name,email,manager,framework,track,level,since
//   e1,Ada Park,ada@example.com,,support,ic,SE,2025-03-01
//   e1,,,,support,core,CE,2023-09-01          <- an earlier period: a history row
//
// Every row is checked before anything is stored: each problem is reported with its line and
// column, and when there is any, nothing is stored. Otherwise the people are saved and the file
// replaces the level history of every person it names, all in one bulk write
// (Store::WritePeopleBatch: one transaction, multi-row statements, audited per record).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "model/people.h"
#include "storage/store.h"

namespace ladder::app {

struct PeopleImportReport {
  int people = 0;       // people saved
  int assignments = 0;  // periods of level history saved
  // One per bad row and column, in file order ("people.csv:4:7: level: no level 'SE3' in
  // track ic of support; did you mean SE2?"). When not empty, nothing was stored.
  std::vector<Error> errors;
  // What is (or, checked only, would be) stored: managers before their reports.
  std::vector<model::Person> saved;
  std::vector<model::Assignment> history;
};

// Reads, checks and stores `csv` (the content of `file_name`). Returns the report; a Store
// failure (database unavailable, ...) is returned as an error and nothing is stored either.
// `check_only`: the same checks and report, nothing stored (the preview of an upload).
Result<PeopleImportReport> ImportPeople(storage::Store& store, std::string_view actor,
                                        std::string_view csv, std::string_view file_name,
                                        bool check_only = false);

// Moves `person` to report to `manager` ("" for the top of the tree), as the people team does
// from a person's page: kNotFound for an unknown person or manager; kInvalidArgument, naming
// the chain, when the move would make a management cycle (the person themself, or someone
// below them). Audited "person.update".
Result<model::Person> ChangeManager(storage::Store& store, std::string_view actor,
                                    std::string_view person, std::string_view manager);

}  // namespace ladder::app
