#include "usecases/clinic/attention.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "usecases/clinic/authorize.h"

namespace kc::usecases::clinic {
namespace {

using kc::clinic::FlagKind;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool matches_text(const kc::clinic::CaseloadEntry& entry, const std::string& text) {
  return text.empty() || lower(entry.username).find(text) != std::string::npos ||
         lower(entry.person_name).find(text) != std::string::npos;
}

bool matches_flag(const CaseloadRow& row, const CaseloadQuery& query) {
  if (!query.flag) return true;
  return std::any_of(row.flags.begin(), row.flags.end(),
                     [&](const kc::clinic::Flag& f) { return f.kind == *query.flag; });
}

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

}  // namespace

Result<std::vector<CaseloadRow>> caseload_by_attention(Clinic& clinic, const Caller& caller, const CaseloadQuery& query,
                                                       const SignNames& sign_names) {
  if (query.text.size() > kMaxCaseloadQuery) {
    return make_error(errc::kInvalid, "q", fmt::format("q: at most {} characters", kMaxCaseloadQuery));
  }
  if (auto ok = authorize(clinic, caller, Action::kReadCaseload, std::nullopt, "caseload"); !ok) return ok.error();
  const CivilDate today = clinic.clock.today();
  auto page = clinic.store.caseload_page(caller.actor.account, today - date::days{kc::clinic::kRecordsDays}, today);
  if (!page) return page.error();

  std::map<store::PersonId, const kc::clinic::PatientRecords*> by_person;
  for (const auto& r : page->records) by_person[r.person] = &r;
  std::map<store::PersonId, std::vector<kc::clinic::FlagReview>> reviews_of;
  for (const auto& r : page->reviews) reviews_of[r.patient].push_back(r);

  const std::string text = lower(query.text);
  const kc::clinic::PatientRecords none;
  std::vector<CaseloadRow> rows;
  for (const auto& e : page->entries) {
    if (!matches_text(e, text)) continue;  // before the flags: a search costs only its matches
    const auto found = by_person.find(e.person);
    const kc::clinic::PatientRecords& r = found == by_person.end() ? none : *found->second;
    CaseloadRow row{e,
                    kc::clinic::flags(r, reviews_of[e.person], today, sign_names),
                    0,
                    kc::clinic::recent_adherence(r, today),
                    kc::clinic::pain_sparkline(r, today),
                    kc::clinic::last_check_in(r)};
    row.attention = kc::clinic::attention(row.flags);
    if (matches_flag(row, query)) rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const CaseloadRow& a, const CaseloadRow& b) { return a.attention > b.attention; });
  return rows;
}

Result<kc::clinic::FlagReview> mark_flag_seen(Clinic& clinic, const Caller& caller, const std::string& person_name,
                                              FlagKind kind, const std::string& note) {
  if (note.size() > kMaxSeenNote) {
    return make_error(errc::kInvalid, "note", fmt::format("note: at most {} characters", kMaxSeenNote));
  }
  auto person = authorize_person(clinic, caller, Action::kReviewRecord, person_name,
                                 fmt::format("flag seen: {}", kc::clinic::flag_kind_name(kind)));
  if (!person) return person.error();
  return clinic.store.add_flag_review({0, caller.actor.account, person->id, kind, clinic.clock.now(), note});
}

Result<std::vector<kc::clinic::ClinicianNote>> clinician_notes(Clinic& clinic, const Caller& caller,
                                                               const std::string& person_name) {
  auto person = authorize_person(clinic, caller, Action::kReviewRecord, person_name, "notes");
  if (!person) return person.error();
  return clinic.store.notes(person->id);
}

Result<kc::clinic::ClinicianNote> add_clinician_note(Clinic& clinic, const Caller& caller,
                                                     const std::string& person_name, const std::string& text) {
  if (blank(text)) return make_error(errc::kMissing, "text", "text: write the note (it is empty)");
  if (text.size() > kMaxNoteText) {
    return make_error(errc::kInvalid, "text", fmt::format("text: at most {} characters", kMaxNoteText));
  }
  auto person = authorize_person(clinic, caller, Action::kReviewRecord, person_name, "add note");
  if (!person) return person.error();
  return clinic.store.add_note({0, person->id, caller.actor.account, "", clinic.clock.now(), text});
}

}  // namespace kc::usecases::clinic
