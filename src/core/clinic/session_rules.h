// When a login session or an invite stops being valid. Pure: the time is passed in.
#pragma once

#include <chrono>

#include "core/clinic/records.h"

namespace kc::clinic {

// Login sessions end after `idle` without a request, and `absolute` after sign-in whatever
// happens. Defaults: 30 minutes idle (a clinic computer left unlocked), 12 hours absolute (a
// working day); the server may configure others (both > 0, idle <= absolute).
struct SessionLimits {
  std::chrono::minutes idle{30};
  std::chrono::minutes absolute{12 * 60};
};

enum class SessionVerdict { kValid, kRevoked, kIdleExpired, kAbsoluteExpired };

// Whether `session` is still valid at `now`: revoked first, then absolute, then idle expiry
// (a session is valid while now - last_seen_at < idle and now - created_at < absolute).
SessionVerdict check_session(const LoginSession& session, TimePoint now, const SessionLimits& limits);

// A request records itself in last_seen_at only when the recorded one is at least this old, so
// most requests write nothing (a write waits for its WAL flush; a read does not). Idle expiry
// counts from the recorded time: a session idle-expires between `idle - kSeenEvery` and `idle`
// after its last request, never later (erring on the side of signing out).
inline constexpr std::chrono::seconds kSeenEvery{60};

// The recorded last_seen_at is moved to `now` when it is before this time (now - kSeenEvery).
TimePoint seen_before(TimePoint now);

// Invites are valid for 7 days, once.
inline constexpr std::chrono::hours kInviteLifetime{7 * 24};

enum class InviteVerdict { kValid, kUsed, kExpired };

// Whether `invite` can be accepted at `now` (used first, then expired: now >= expires_at).
InviteVerdict check_invite(const Invite& invite, TimePoint now);

}  // namespace kc::clinic
