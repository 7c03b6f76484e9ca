// The PostgreSQL module (postgres_module.h): linked with SOCI's PostgreSQL backend and libpq,
// and with nothing of Ladder's, so that it can be loaded into any Ladder process.
#include "storage/postgres/postgres_module.h"

#include <libpq-fe.h>

#include <soci/postgresql/soci-postgresql.h>

extern "C" {

const soci::backend_factory* ladder_pg_factory() { return &soci::postgresql; }

bool ladder_pg_exec(soci::session& s, const char* script, std::string& error) {
  PGconn* conn = static_cast<soci::postgresql_session_backend*>(s.get_backend())->conn_;
  PGresult* r = PQexec(conn, script);
  ExecStatusType st = PQresultStatus(r);
  bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY;
  if (!ok) error = PQresultErrorMessage(r);
  PQclear(r);
  return ok;
}

bool ladder_pg_sqlstate(const soci::soci_error& e, std::string& state) {
  auto* pe = dynamic_cast<const soci::postgresql_soci_error*>(&e);
  if (!pe) return false;
  state = pe->sqlstate();
  return true;
}
}
