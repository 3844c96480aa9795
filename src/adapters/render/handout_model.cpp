#include "adapters/render/handout_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/common/text.h"

namespace kc::render {

namespace {

std::vector<std::string> string_list(const Json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j[key].is_array())
    for (const Json& s : j[key])
      if (s.is_string()) out.push_back(s.get<std::string>());
  return out;
}

std::string text_of(const Json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::vector<std::pair<std::string, std::string>> week_of(const Json& plan) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!plan.contains("week") || !plan["week"].is_array()) return out;
  for (const Json& d : plan["week"]) {
    const std::string day = capitalised(text_of(d, "day"));
    const std::string session =
        d.contains("session") && d["session"].is_string() ? d["session"].get<std::string>() : "";
    out.emplace_back(day, session.empty() ? "rest" : session);
  }
  return out;
}

Status add_card(const Json& item, const std::string& session, const Catalog& catalog,
                const content::Illustrations& pictures, std::vector<HandoutCard>& cards) {
  const std::string id = text_of(item, "id");
  for (HandoutCard& c : cards)
    if (c.exercise->id == id) {
      c.doses.emplace_back(session, text_of(item, "dose_text"));
      return Ok{};
    }
  HandoutCard card;
  card.exercise = catalog.find(id);
  if (card.exercise == nullptr)
    return make_error(fmt::format("the plan names exercise '{}', which is not in the catalog", id));
  card.poses = pictures.find(id);
  if (card.poses == nullptr) return make_error(fmt::format("no poses for exercise '{}'", id));
  card.doses.emplace_back(session, text_of(item, "dose_text"));
  card.reason = text_of(item, "reason");
  card.start_easier = text_of(item, "start_easier");
  card.form_cues = card.exercise->cues;
  cards.push_back(std::move(card));
  return Ok{};
}

}  // namespace

std::vector<std::string> dose_lines(const HandoutCard& card) {
  std::vector<std::string> out;
  if (card.doses.empty()) return out;
  const bool same = std::all_of(card.doses.begin(), card.doses.end(),
                                [&](const auto& d) { return d.second == card.doses.front().second; });
  if (same) {
    std::vector<std::string> ids;
    for (const auto& d : card.doses) ids.push_back(d.first);
    const std::string which = ids.size() == 1 ? "Session " + ids.front() : "Sessions " + join(ids, " and ");
    out.push_back(fmt::format("{}: {}", which, card.doses.front().second));
    return out;
  }
  for (const auto& [id, dose] : card.doses) out.push_back(fmt::format("Session {}: {}", id, dose));
  return out;
}

Result<Handout> handout_from_plan(const Json& plan, const Catalog& catalog, const content::Illustrations& pictures) {
  if (!plan.is_object() || !plan.contains("sessions") || !plan["sessions"].is_array())
    return make_error("the plan document has no sessions; expected the planner's JSON (docs/plan-format.md)");
  Handout h;
  h.minutes = plan.value("minutes_per_session", 0);
  h.period = fmt::format("{} weeks, {} to {}", plan.value("weeks", 0), text_of(plan, "start"), text_of(plan, "end"));
  h.week = week_of(plan);
  h.cautions = string_list(plan, "cautions");
  h.safety = string_list(plan, "safety");
  for (const Json& s : plan["sessions"]) {
    HandoutSession session{text_of(s, "id"), text_of(s, "title"), s.value("minutes", 0), {}};
    if (!s.contains("exercises") || !s["exercises"].is_array()) continue;
    for (const Json& item : s["exercises"]) {
      session.lines.push_back(fmt::format("{}: {}", text_of(item, "name"), text_of(item, "dose_text")));
      if (Status st = add_card(item, session.id, catalog, pictures, h.cards); !st) return st.error();
    }
    h.sessions.push_back(std::move(session));
  }
  if (h.cards.empty()) return make_error("the plan has no exercises");
  return h;
}

}  // namespace kc::render
