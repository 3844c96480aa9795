// The exercise record: one entry of the catalog, as loaded from content/exercises/*.yaml.
// Plain data; the vocabularies (kinds, positions, equipment, ...) live in vocabulary.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kc {

enum class Kind { kStretch, kStrength, kMobility };
enum class Position { kStanding, kSeated, kLyingOnBack, kLyingOnFront, kLyingOnSide, kKneeling, kAllFours };
enum class Equipment { kChair, kStep, kWall, kMat, kBooks, kCounter, kBand };
enum class Sides { kEach, kBoth, kAlternate };
// Physical demands the planner checks against what the person can do.
// kKneeBendPast90: a pose bends a knee past a right angle (checked against the poses).
enum class Demand { kKneeling, kFloor, kSingleLegBalance, kDeepKneeBend, kKneeBendPast90 };

// A static stretch is held for timed seconds within this range (article 001; ACSM 2011,
// 30-60 s for older adults).
inline constexpr int kStretchHoldMinSeconds = 30;
inline constexpr int kStretchHoldMaxSeconds = 60;

// Seconds spent in each phase of one repetition.
struct Tempo {
  int up = 0;
  int hold = 0;
  int down = 0;
  int total() const { return up + hold + down; }
};

// The default dose. Reps are per set and, with Sides::kEach, per side.
// A hold exercise has hold_seconds or hold_breaths; a rep exercise has a tempo.
struct Dose {
  int sets = 1;
  int reps = 1;
  std::optional<int> reps_max;  // ceiling for progression
  std::optional<int> hold_seconds;
  std::optional<int> hold_seconds_max;  // ceiling for progression
  std::optional<int> hold_breaths;
  Sides sides = Sides::kBoth;
  std::optional<Tempo> tempo;
  int rest_seconds = 0;  // between sets
  std::string note;      // e.g. "each direction"
};

struct Frequency {
  int per_week_min = 7;
  int per_week_max = 7;
  int rest_days_between = 0;
  bool after_workouts = false;
  std::string note;
  bool daily() const { return per_week_min == 7; }
};

// An easier or harder version: another exercise, or a named parameter to change.
struct Variant {
  std::string exercise;   // id of another exercise, or empty
  std::string parameter;  // e.g. "step height", or empty
  std::string change;     // what to do, in plain words
};

// The words said and shown in each tempo phase of a rep ("Lower… hold… stand up" for a squat).
// `up` is the move into the exercise's end position, `down` the move back to the start.
struct PhaseWords {
  std::string up = "Lift";
  std::string hold = "Hold";
  std::string down = "Lower";
};

struct Caution {
  std::string who;     // who should adapt or skip it
  std::string advice;  // what they should do instead
};

struct Exercise {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  Kind kind = Kind::kStretch;
  bool from_articles = true;
  std::vector<std::string> sources;     // article files (from_articles) ...
  std::vector<std::string> references;  // ... or published references (added exercises)
  std::vector<std::string> regions;
  std::vector<std::string> muscles;
  Position position = Position::kStanding;
  std::vector<Demand> demands;
  std::vector<Equipment> equipment_needed;
  std::vector<Equipment> equipment_optional;
  std::string purpose;  // what it is for, a short paragraph
  std::string benefit;  // one line, used as the reason in a plan
  std::vector<std::string> steps;
  std::vector<std::string> cues;
  std::vector<std::string> mistakes;
  Dose dose;
  PhaseWords phase_words;  // content's phase_words, else Lift / Hold / Lower
  // Content's set_words: what set 1, 2, ... does differently ("Clockwise", "The other way
  // round"), taken by turns when there are more sets; empty when every set is the same.
  std::vector<std::string> set_words;
  Frequency frequency;
  std::vector<Variant> easier;
  std::vector<Variant> harder;
  std::vector<Caution> cautions;
  std::string file;  // where it was loaded from (for messages)

  bool has_demand(Demand d) const;
  bool needs(Equipment e) const;
};

}  // namespace kc
