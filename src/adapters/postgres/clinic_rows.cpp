#include "adapters/postgres/clinic_rows.h"

#include <fmt/format.h>

#include "core/store/rows.h"

namespace kc::postgres {
namespace {

using store::instant_from;

// Sets `out` to column `column`, an instant's text, or says why it cannot be read.
Status read_instant(const Row& r, int column, TimePoint& out) {
  auto t = instant_from(r.text(column));
  if (!t) return t.error();
  out = *t;
  return Ok{};
}

// The same for a column that may be NULL (then `out` is nullopt).
Status read_opt_instant(const Row& r, int column, std::optional<TimePoint>& out) {
  out.reset();
  if (r.is_null(column)) return Ok{};
  TimePoint t{};
  if (auto read = read_instant(r, column, t); !read) return read.error();
  out = t;
  return Ok{};
}

template <typename T, typename F>
Result<T> named(const std::string& what, const std::string& text, F&& parse) {
  if (auto v = parse(text)) return *v;
  return make_error(fmt::format("clinic store: unknown {} \"{}\"", what, text));
}

}  // namespace

std::optional<std::string> instant_text(const std::optional<TimePoint>& t) {
  if (!t) return std::nullopt;
  return store::format_instant(*t);
}

Result<clinic::Account> read_account(const Row& r, int first) {
  clinic::Account a;
  a.id = r.int64(first);
  a.username = r.text(first + 1);
  auto role = named<clinic::Role>("role", r.text(first + 2), clinic::role_from_name);
  if (!role) return role.error();
  a.role = *role;
  a.password_hash = r.text(first + 3);
  a.totp_secret = r.opt_text(first + 4);
  a.totp_enabled = r.integer(first + 5) != 0;
  a.totp_last_step = r.int64(first + 6);
  if (!r.is_null(first + 7)) a.person = r.int64(first + 7);
  auto state = named<clinic::AccountState>("account state", r.text(first + 8), clinic::account_state_from_name);
  if (!state) return state.error();
  a.state = *state;
  if (auto read = read_instant(r, first + 9, a.created_at); !read) return read.error();
  return a;
}

Result<clinic::LoginSession> read_login_session(const Row& r) {
  clinic::LoginSession s;
  s.token_hash = r.text(0);
  s.account = r.int64(1);
  if (auto read = read_instant(r, 2, s.created_at); !read) return read.error();
  if (auto read = read_instant(r, 3, s.last_seen_at); !read) return read.error();
  if (auto read = read_opt_instant(r, 4, s.revoked_at); !read) return read.error();
  s.address = r.text(5);
  return s;
}

Result<clinic::Invite> read_invite(const Row& r) {
  clinic::Invite i;
  i.id = r.int64(0);
  i.link_hash = r.text(1);
  i.code_hash = r.text(2);
  i.clinician = r.int64(3);
  i.patient = r.int64(4);
  if (auto read = read_instant(r, 5, i.created_at); !read) return read.error();
  if (auto read = read_instant(r, 6, i.expires_at); !read) return read.error();
  if (auto read = read_opt_instant(r, 7, i.used_at); !read) return read.error();
  return i;
}

Result<clinic::ThrottleState> read_throttle(const Row& r) {
  clinic::ThrottleState t;
  t.key = r.text(0);
  if (auto read = read_instant(r, 1, t.window_start); !read) return read.error();
  t.failures = r.integer(2);
  if (auto read = read_opt_instant(r, 3, t.locked_until); !read) return read.error();
  return t;
}

Result<clinic::Notification> read_notification(const Row& r) {
  clinic::Notification n;
  n.id = r.int64(0);
  n.clinician = r.int64(1);
  n.patient = r.int64(2);
  if (auto read = read_instant(r, 3, n.at); !read) return read.error();
  n.kind = r.text(4);
  n.message = r.text(5);
  if (auto read = read_opt_instant(r, 6, n.read_at); !read) return read.error();
  return n;
}

Result<clinic::CaseloadEntry> read_caseload_entry(const Row& r) {
  clinic::CaseloadEntry e;
  e.clinician = r.int64(0);
  e.patient = r.int64(1);
  e.username = r.text(2);
  e.person = r.int64(3);
  e.person_name = r.text(4);
  auto state = clinic::account_state_from_name(r.text(5));
  if (!state) return make_error(fmt::format("clinic store: unknown account state \"{}\"", r.text(5)));
  e.state = *state;
  if (auto read = read_instant(r, 6, e.added_at); !read) return read.error();
  e.unread_notifications = r.integer(7);
  return e;
}

Result<clinic::FlagReview> read_flag_review(const Row& r) {
  clinic::FlagReview f;
  f.id = r.int64(0);
  f.clinician = r.int64(1);
  f.patient = r.int64(2);
  auto kind = named<clinic::FlagKind>("flag kind", r.text(3), clinic::flag_kind_from_name);
  if (!kind) return kind.error();
  f.kind = *kind;
  if (auto read = read_instant(r, 4, f.seen_at); !read) return read.error();
  f.note = r.text(5);
  return f;
}

Result<clinic::ClinicianNote> read_clinician_note(const Row& r) {
  clinic::ClinicianNote n;
  n.id = r.int64(0);
  n.patient = r.int64(1);
  n.author = r.int64(2);
  n.author_name = r.text(3);
  if (auto read = read_instant(r, 4, n.at); !read) return read.error();
  n.text = r.text(5);
  return n;
}

Result<clinic::AuditEntry> read_audit(const Row& r) {
  clinic::AuditEntry a;
  a.id = r.int64(0);
  if (auto read = read_instant(r, 1, a.at); !read) return read.error();
  a.actor = r.int64(2);
  if (auto role = r.opt_text(3)) {
    auto known = named<clinic::Role>("role", *role, clinic::role_from_name);
    if (!known) return known.error();
    a.role = *known;
  }
  a.action = r.text(4);
  a.detail = r.text(5);
  if (!r.is_null(6)) a.patient = r.int64(6);
  a.address = r.text(7);
  auto outcome = named<clinic::AuditOutcome>("audit outcome", r.text(8), clinic::audit_outcome_from_name);
  if (!outcome) return outcome.error();
  a.outcome = *outcome;
  return a;
}

}  // namespace kc::postgres
