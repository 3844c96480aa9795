// The caseload sorted by who needs attention (core/clinic/attention.h's flags), marking a flag
// seen with a note, and the clinicians' notes on a record. Each call is authorised and audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clinic/attention.h"
#include "core/common/result.h"
#include "usecases/clinic/clinic.h"

namespace kc::usecases::clinic {

inline constexpr std::size_t kMaxSeenNote = 1000;      // bytes of a flag review's note
inline constexpr std::size_t kMaxNoteText = 4000;      // bytes of a clinician's note
inline constexpr std::size_t kMaxCaseloadQuery = 100;  // bytes of the caseload's search text

// One patient's row of the caseload.
struct CaseloadRow {
  kc::clinic::CaseloadEntry entry;
  std::vector<kc::clinic::Flag> flags;  // most serious first
  int attention = 0;                    // kc::clinic::attention(flags)
  kc::clinic::RecentAdherence adherence;
  std::vector<kc::clinic::PainPoint> pain;  // the last 4 weeks
  std::optional<store::CheckIn> last_check_in;
};

struct CaseloadQuery {
  std::string text;                          // part of the username or person id, any case; "" for all
  std::optional<kc::clinic::FlagKind> flag;  // only patients with a flag of this kind (seen or not)
};

// The caller's caseload (clinicians; audited as read_caseload) matching `query`, highest
// attention first, then by username. Reads the list, every patient's records and the reviews in
// one store transaction (ClinicStore::caseload_page), whatever the caseload's length; flags name
// warning signs by `sign_names` (kc::clinic::flags). Errors: errc::kForbidden,
// errc::kInvalid (field "q": search text over kMaxCaseloadQuery bytes), errc::kFailed.
Result<std::vector<CaseloadRow>> caseload_by_attention(Clinic& clinic, const Caller& caller, const CaseloadQuery& query,
                                                       const SignNames& sign_names = {});

// Marks `person_name`'s flag of `kind` seen now, with `note` (may be empty), for the caller
// (their clinician; audited as review_record). The flag stays seen until a newer event of its
// kind. Errors: errc::kForbidden (not on their caseload, or no such person), errc::kInvalid
// (field "note": over kMaxSeenNote bytes), errc::kFailed.
Result<kc::clinic::FlagReview> mark_flag_seen(Clinic& clinic, const Caller& caller, const std::string& person_name,
                                              kc::clinic::FlagKind kind, const std::string& note);

// The clinicians' notes on `person_name`'s record, oldest first (their clinician; audited as
// review_record). Errors: errc::kForbidden, errc::kFailed.
Result<std::vector<kc::clinic::ClinicianNote>> clinician_notes(Clinic& clinic, const Caller& caller,
                                                               const std::string& person_name);

// Adds the caller's note to `person_name`'s record (their clinician; audited as review_record).
// Errors: errc::kForbidden, errc::kMissing (field "text": empty or only spaces), errc::kInvalid
// (field "text": over kMaxNoteText bytes), errc::kFailed.
Result<kc::clinic::ClinicianNote> add_clinician_note(Clinic& clinic, const Caller& caller,
                                                     const std::string& person_name, const std::string& text);

}  // namespace kc::usecases::clinic
