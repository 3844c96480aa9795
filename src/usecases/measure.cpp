#include "usecases/measure.h"

#include <fmt/format.h>

#include "core/tracking/measure_check.h"
#include "usecases/program.h"
#include "usecases/when.h"

namespace kc::usecases {

inline constexpr std::size_t kMaxNote = 1000;

Result<MeasureOutcome> record_measures(store::Store& store, const Clock& clock, const MeasureRequest& request) {
  const auto& list = request.measurements;
  if (list.empty()) return make_error(errc::kMissing, "measure", "measure: nothing was measured");
  for (std::size_t i = 0; i < list.size(); ++i) {
    Status ok = tracking::check_measurement(list[i]);
    if (ok && list[i].note.size() > kMaxNote) {
      ok = make_error(errc::kOutOfRange, "note",
                      fmt::format("note: {} characters; expected at most {}", list[i].note.size(), kMaxNote));
    }
    if (!ok) {
      if (list.size() == 1) return ok.error();
      Error e = ok.error();
      e.field = fmt::format("measurements[{}].{}", i, e.field);
      e.message = fmt::format("measurements[{}].{}", i, e.message);
      return e;
    }
  }
  auto found = find_program(store, request.person, false);
  if (!found) return found.error();
  const When when = when_of(clock, request.date);
  std::vector<store::Measurement> to_save;
  for (auto m : list) {
    m.person = found->person.id;
    m.taken_at = when.at;
    m.date = when.date;
    m.value = tracking::measurement_value(m);
    to_save.push_back(std::move(m));
  }
  auto saved = store.add_measurements(to_save);
  if (!saved) return saved.error();
  return MeasureOutcome{std::move(saved).value()};
}

Result<MeasureStandings> measure_standings(store::Store& store, const tracking::MeasureSet& measures,
                                           const std::string& person) {
  auto loaded = load_program(store, person, true);
  if (!loaded) return loaded.error();
  auto answers = stored_answers(store, loaded->person.id);
  if (!answers) return answers.error();
  MeasureStandings out;
  if (*answers) out.age = (*answers)->age;
  for (const char* id : {store::kPsfs, store::kChairStand, store::kGrc}) {
    const tracking::MeasureDef* def = measures.find(id);
    if (def == nullptr)
      return make_error(errc::kInvalid, "measure", fmt::format("no measure \"{}\" in the content", id));
    MeasureStanding m{def, tracking::standing_of(*def, loaded->history), {}, std::nullopt};
    if (m.standing.first && std::string(id) == store::kPsfs) {
      for (const auto& item : m.standing.first->items) m.activities.push_back(item.label);
    }
    if (const auto* band = tracking::norm_for(*def, out.age);
        band != nullptr && std::string(id) == store::kChairStand) {
      m.norm = *band;
    }
    out.measures.push_back(std::move(m));
  }
  return out;
}

}  // namespace kc::usecases
