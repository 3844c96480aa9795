#include "core/clinic/session_rules.h"

namespace kc::clinic {

SessionVerdict check_session(const LoginSession& session, TimePoint now, const SessionLimits& limits) {
  if (session.revoked_at) return SessionVerdict::kRevoked;
  if (now - session.created_at >= limits.absolute) return SessionVerdict::kAbsoluteExpired;
  if (now - session.last_seen_at >= limits.idle) return SessionVerdict::kIdleExpired;
  return SessionVerdict::kValid;
}

TimePoint seen_before(TimePoint now) { return now - kSeenEvery; }

InviteVerdict check_invite(const Invite& invite, TimePoint now) {
  if (invite.used_at) return InviteVerdict::kUsed;
  if (now >= invite.expires_at) return InviteVerdict::kExpired;
  return InviteVerdict::kValid;
}

}  // namespace kc::clinic
