// The PostgreSQL schema of the clinic's records (component "clinic", beside the store's tables in
// the same database): accounts, login sessions, throttling, invites, caseloads, notifications,
// flag reviews, clinicians' notes and the audit trail. Instants are the codec's ISO 8601 UTC text, as in the store's
// tables.
//
// The audit table is append-only in the database itself: a trigger refuses every UPDATE,
// DELETE and TRUNCATE on it. The one way rows leave it is the retention purge, the function
// kneecoach_purge_audit(before): it sets the transaction-local setting kneecoach.audit_purge_before
// to its cut-off, and the trigger then lets through a DELETE of rows older than that cut-off only.
// (A PostgreSQL superuser can always drop a trigger; protect the trail from the database's own
// administrators with backups and WAL archiving, docs/deploy.md.)
//
// Version 4 marks every change to a person's plans (table plan_version, triggers on plan,
// plan_day and clearance) for the caseload's plan cache (postgres/plan_cache.h).
#pragma once

#include "adapters/postgres/migrations.h"

namespace kc::postgres {

inline constexpr int kClinicSchemaVersion = 4;

Schema clinic_schema();

}  // namespace kc::postgres
