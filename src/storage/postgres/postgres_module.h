// The entry points of the PostgreSQL module (ladder-postgres.so): the parts of the PostgreSQL
// dialect that need SOCI's PostgreSQL backend and libpq. The module is loaded the first time a
// postgresql:// database is opened (postgres_dialect.cc), so that a process working on SQLite,
// and `ladder --version`, never load libpq and the libraries it pulls in (Kerberos, LDAP…).
// The functions have C linkage so that they can be found by name; they throw nothing.
#pragma once

#include <string>

#include "storage/soci.h"

extern "C" {

// SOCI's PostgreSQL backend, to open sessions with.
using LadderPgFactory = const soci::backend_factory* (*)();
const soci::backend_factory* ladder_pg_factory();

// Runs a script of several statements on session `s` (opened with that backend). False, with
// libpq's message in `error`, when a statement failed. An empty script (comments only) is not
// an error.
using LadderPgExec = bool (*)(soci::session& s, const char* script, std::string& error);
bool ladder_pg_exec(soci::session& s, const char* script, std::string& error);

// The SQLSTATE of an error the PostgreSQL backend threw ("23505"…), or false when `e` did not
// come from it.
using LadderPgSqlstate = bool (*)(const soci::soci_error& e, std::string& state);
bool ladder_pg_sqlstate(const soci::soci_error& e, std::string& state);
}
