#include "core/plan/explain.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/catalog/vocabulary.h"
#include "core/common/text.h"
#include "core/plan/dosing.h"
#include "core/plan/progression_steps.h"

namespace kc {
namespace {

std::string day_names(const std::vector<Weekday>& days) {
  std::vector<std::string> names;
  names.reserve(days.size());
  for (Weekday d : days) names.emplace_back(weekday_label(d));
  if (names.size() <= 1) return join(names);
  const std::string last = names.back();
  names.pop_back();
  return join(names) + " and " + last;
}

std::string dose_decision(const Profile& p) {
  std::string out = fmt::format(
      "Your pain is {}/10 (the higher of now and the worst in the past week), which the pain-monitoring model counts "
      "as {} ({}): ",
      p.pain, to_string(p.band), pain_bands_text());
  switch (p.band) {
    case PainBand::kLow:
      out += "strengthening starts at the usual doses";
      break;
    case PainBand::kModerate:
      out += "strengthening starts one step lower than usual (a set fewer)";
      break;
    case PainBand::kHigh:
      out += "strengthening starts two steps lower than usual (one set, fewer repetitions)";
      break;
  }
  if (p.caution) out += ", and one step lower again because of the cautions in your answers";
  return out + ". Stretches are held 30-60 seconds, as the stretching guides advise, gently, never into pain.";
}

std::string strength_days_decision(const Plan& plan, const Profile& p, int wanted) {
  const auto n = plan.strength_days.size();
  std::string out = fmt::format(
      "Strengthening on {}: {} days a week, never on two days in a row (Sunday and Monday count as in a row), so the "
      "muscles have at least 48 hours to recover (exercise guidelines advise strengthening 2-3 days a week with rest "
      "days between).",
      day_names(plan.strength_days), n == 3 ? "three" : "two");
  if (static_cast<int>(n) < wanted)
    out += " A third day would suit you, but your days do not allow three with rest days between.";
  else if (n == 3)
    out +=
        " Three days, because your pain is low and there are no cautions (a review of knee exercise studies found "
        "three or more sessions a week did better for knee pain).";
  else if (p.caution || p.band != PainBand::kLow)
    out += " Two days, to start gently.";
  return out;
}

std::string abilities_decision(const Profile& p) {
  std::vector<std::string> parts;
  if (!p.answers.can_kneel) parts.emplace_back("nothing that needs kneeling, as you said kneeling is hard");
  if (!p.answers.can_get_down_to_floor)
    parts.emplace_back("nothing on the floor, as you said getting down to the floor is hard");
  std::vector<std::string> have;
  for (Equipment e : p.answers.equipment) have.emplace_back(to_string(e));
  parts.push_back(have.empty() ? "only exercises that need no equipment, as your answers list none"
                               : "only exercises that need what you have (" + join(have) + ")");
  if (p.older)
    parts.push_back(p.has_support ? fmt::format("exercises on one leg only with a chair or counter to hold, because "
                                                "you are {} (balance matters more from 65)",
                                                p.answers.age)
                                  : fmt::format("no exercises on one leg, because you are {} and have no chair or "
                                                "counter to hold",
                                                p.answers.age));
  if (!p.answers.can_bend_to_90)
    parts.emplace_back("nothing that bends the knee past a right angle, as you said your knee cannot bend that far");
  if (p.caution || p.band != PainBand::kLow) parts.emplace_back("no deep knee bends while the knee is sore");
  std::string out = join(parts, "; ");
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out + ".";
}

std::string time_decision(const Plan& plan, const Gaps& gaps) {
  const auto& left_out = gaps.left_out;
  std::vector<std::string> times;
  times.reserve(plan.sessions.size());
  for (const auto& s : plan.sessions) times.push_back(fmt::format("session {} about {}", s.id, s.minutes()));
  std::string out = fmt::format(
      "Timed from each exercise's repetitions, holds, rests and about {} seconds to move "
      "between exercises: {} minutes, within your {}.",
      kMoveSeconds, join(times, " and "), plan.minutes_per_session);
  const bool trimmed = std::any_of(plan.sessions.begin(), plan.sessions.end(), [](const SessionTemplate& s) {
    return std::any_of(s.exercises.begin(), s.exercises.end(), [](const PlannedExercise& i) { return i.trimmed; });
  });
  if (trimmed) out += " Some doses are trimmed to fit; the reasons say which.";
  if (!left_out.empty()) {
    std::vector<std::string> names;
    names.reserve(left_out.size());
    for (const Exercise* e : left_out) names.push_back(e->name);
    out += fmt::format(" Left out to fit your minutes: {}.", join(names));
    const int needed = (gaps.essential_seconds + 59) / 60;
    if (needed > plan.minutes_per_session)
      out += fmt::format(
          " This is a short program: about {} minutes would fit one exercise for every muscle group, so add time "
          "when you can.",
          needed);
  }
  return out;
}

}  // namespace

std::vector<std::string> explain_decisions(const Plan& plan, const Profile& p, int wanted_strength_days,
                                           const Gaps& gaps) {
  std::vector<std::string> out;
  out.push_back(dose_decision(p));
  out.push_back(strength_days_decision(plan, p, wanted_strength_days));
  out.push_back(
      fmt::format("Stretching and mobility on every exercise day ({}), as the stretching guides advise "
                  "stretching daily and after every workout; a mobility exercise first warms you up.",
                  day_names(plan.days)));
  out.push_back(
      "The exercises cover the chain the articles describe, hips and glutes, quadriceps, hamstrings, calves and "
      "ankles, because weak or tight muscles above and below the knee put strain on it.");
  if (p.inner)
    out.push_back(
        "Your pain is on the inner side of the knee, so strengthening leans on the inner-knee set (hamstring "
        "curls, partial squats, straight leg raises lying on your front, step-ups), with many repetitions and no "
        "added weight.");
  out.push_back(abilities_decision(p));
  out.push_back(time_decision(plan, gaps));
  for (const Missing& m : gaps.missing)
    out.push_back(fmt::format("Not in your program: {}. To add it, {}.", m.what, m.fix));
  out.push_back(fmt::format(
      "Make an exercise a little harder ({} more repetitions, up to the 'build up to' figure, or {} seconds more on "
      "a hold, up to its 'build up to' figure) only when it feels easy, the pain during it stays at {}/10 or less, "
      "and it has settled by the next morning.",
      kRepStep, kHoldStep, acceptable_pain(p.limits.pain_ceiling).most));
  std::vector<std::string> weeks;
  for (const auto& r : plan.reviews) weeks.push_back(fmt::format("week {}", r.week));
  out.push_back(fmt::format(
      "Review at the end of {} (supervised knee programs run for 6 weeks; most knee pain eases within 6 to 12 "
      "weeks).",
      join(weeks, " and ")));
  return out;
}

std::vector<std::string> safety_notes(const Profile& p) {
  std::vector<std::string> out;
  // A clinician's pain ceiling replaces the usual limit (never raises it: core/common/pain.h).
  const int most = acceptable_pain(p.limits.pain_ceiling).most;
  const std::string theirs = p.limits.pain_ceiling ? ", the limit the clinician who cleared you set" : "";
  out.push_back(fmt::format(
      "Stop an exercise if the pain goes above {} out of 10 (too much{}), or turns sharp rather than a dull ache.",
      most, theirs));
  if (p.limits.pain_ceiling) {
    out.push_back(fmt::format(
        "Some pain during or after exercise is fine if it stays at {}/10 or less and settles by the next morning to "
        "your usual level; if it has not settled, do less next time (fewer repetitions or sets).",
        most));
  } else {
    out.push_back(fmt::format(
        "Some pain during or after exercise is fine if it stays at {}/10 or less (0-{} is safe, up to {} acceptable) "
        "and settles by the next morning to your usual level; if it has not settled, do less next time (fewer "
        "repetitions or sets).",
        kModeratePainMax, kLowPainMax, kModeratePainMax));
  }
  out.emplace_back(
      "If your usual pain rises from one week to the next, or does not improve, stop and see a physiotherapist or "
      "doctor.");
  out.emplace_back("Stretch to a mild pull only; never bounce or force a stretch.");
  out.emplace_back(
      "See a doctor the same day if the knee becomes hot, red or newly swollen, you have a fever or feel unwell, a "
      "calf "
      "becomes painful or swollen, the knee locks or gives way, or the foot goes numb, tingly, cold or pale.");
  if (p.answers.runner) out.emplace_back("On days you run, do the stretches after your run as well.");
  out.emplace_back("kneecoach does not replace a doctor or physiotherapist.");
  return out;
}

std::optional<std::string> pain_caution(const Profile& p) {
  const int most = acceptable_pain(p.limits.pain_ceiling).most;
  switch (p.band) {
    case PainBand::kLow:
      return std::nullopt;
    case PainBand::kModerate:
      return fmt::format(
          "Your knee pain is moderate ({}/10), so the program starts a step lower. Pain up to {}/10 while exercising "
          "is acceptable if it has settled by the next morning; if it goes higher, or is worse the next morning, do "
          "less next time.",
          p.pain, most);
    case PainBand::kHigh:
      return fmt::format(
          "Your knee pain is high ({}/10), so the program starts two steps lower, with the gentlest versions. Keep "
          "pain while exercising at {}/10 or less; if exercise pushes it higher, or it is no better after 6 weeks, "
          "see a physiotherapist or doctor.",
          p.pain, most);
  }
  return std::nullopt;
}

const std::vector<std::string>& plan_sources() {
  // Each source is one long literal split over lines, which the missing-comma check mistakes for a
  // forgotten comma.
  // NOLINTBEGIN(bugprone-suspicious-missing-comma)
  static const std::vector<std::string> kSources{
      "The web guides to stretching and strengthening for knee pain that kneecoach is built on: the exercises, how "
      "to do them, stretching daily and after workouts with holds of 30-60 seconds, strengthening twice a week.",
      "Garber CE et al. American College of Sports Medicine position stand on the quantity and quality of exercise. "
      "Med Sci Sports Exerc 2011;43(7):1334-59: strengthening 2-3 days a week with 48 hours between, stretching.",
      "Juhl C et al. Impact of exercise type and dose on pain and disability in knee osteoarthritis. Arthritis "
      "Rheumatol 2014;66(3):622-36: three or more sessions a week did better.",
      "Skou ST, Roos EM. Good Life with osteoArthritis in Denmark (GLA:D), a 6-week supervised education and "
      "exercise program. BMC Musculoskelet Disord 2017;18:72: the 6-week review.",
      "Thomee R. A comprehensive treatment approach for patellofemoral pain syndrome in young women. Phys Ther "
      "1997;77(12):1690-703: the pain-monitoring model that changes the doses (0-2 safe, up to 5 acceptable).",
  };
  // NOLINTEND(bugprone-suspicious-missing-comma)
  return kSources;
}

}  // namespace kc
