// intake/: the intake answers (format v1), their parser, questions and consistency checks.
// The intake answers, format version 1 (../shared/spec/intake.md), as typed data.
// Optional fields left out of the document are std::nullopt ("not known") for numbers;
// booleans take the spec's default (false unless the spec says default true);
// lists are empty ("none"), except `days`, whose default is all seven.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/exercise.h"

namespace kc {

enum class KneeSide { kLeft, kRight, kBoth };
enum class PainLocation { kFront, kInner, kOuter, kBack, kWhole };
enum class Onset { kGradual, kInjury };
enum class Weekday { kMon, kTue, kWed, kThu, kFri, kSat, kSun };

struct Answers {
  int version = 1;
  int age = 0;
  KneeSide knee = KneeSide::kBoth;
  int pain_now = 0;
  std::optional<int> pain_worst_week;
  std::optional<double> duration_weeks;
  std::vector<PainLocation> location;
  std::optional<Onset> onset;
  std::optional<double> injury_days_ago;
  bool could_walk_4_steps_after_injury = true;
  bool can_walk_4_steps_now = true;
  bool can_bend_to_90 = true;
  bool kneecap_or_fibula_tender = false;
  bool pop_at_injury = false;
  bool swelled_within_hours = false;
  bool fever_or_unwell = false;
  bool hot_red_swollen = false;
  bool calf_pain_or_swelling = false;
  bool locked = false;
  bool gives_way = false;
  bool numb_or_cold_foot = false;
  bool deformity = false;
  bool night_or_rest_pain = false;
  bool unexplained_weight_loss = false;
  bool cancer_history = false;
  bool pain_getting_worse = false;
  bool sharp_pain = false;
  bool swelling = false;
  std::optional<double> weeks_since_knee_surgery;
  bool joint_replacement = false;
  bool morning_stiffness_over_30_min = false;
  bool underlying_condition = false;
  bool can_kneel = true;
  bool can_get_down_to_floor = true;
  std::vector<Equipment> equipment;
  std::vector<Weekday> days{Weekday::kMon, Weekday::kTue, Weekday::kWed, Weekday::kThu,
                            Weekday::kFri, Weekday::kSat, Weekday::kSun};
  int minutes_per_session = 20;
  bool runner = false;

  bool has(Equipment e) const;
  bool has(PainLocation l) const;
  bool exercises_on(Weekday d) const;
};

}  // namespace kc
