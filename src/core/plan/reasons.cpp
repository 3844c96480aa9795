#include "core/plan/reasons.h"

#include <fmt/format.h>

#include "core/catalog/vocabulary.h"
#include "core/common/text.h"

namespace kc {
namespace {

std::string why_gentle(const Profile& p) {
  if (p.caution) return "because of the cautions in your answers";
  return fmt::format("because of your pain ({}/10)", p.pain);
}

// "the seated version, because kneeling is hard for you", when a version the planner would
// have ranked at least as high is out of reach or too hard for now.
std::string version_note(const Exercise& e, const Catalog& catalog, const Profile& p) {
  const int mine = preference(e, catalog, p);
  for (const Exercise* harder : harder_versions(e, catalog)) {
    const Blockers b = blockers(*harder, p);
    const int theirs = preference(*harder, catalog, p);
    const std::string version = fmt::format("the {} version of the {}", label(e.position), harder->name);
    if (b.kneeling && theirs >= mine) return version + ", because kneeling is hard for you";
    if (b.floor && theirs >= mine) return version + ", because getting down to the floor is hard for you";
    if (b.any()) continue;
    // The gentle bonuses move each side by 60; without them the harder one would have won.
    if (gentle(p) && theirs + 120 >= mine)
      return fmt::format("an easier version of the {}, {}", harder->name, why_gentle(p));
  }
  return "";
}

std::string count_word(const Exercise& e, int n) {
  if (e.kind == Kind::kStretch) return n == 1 ? "1 hold" : fmt::format("{} holds", n);
  return n == 1 ? "1 set" : fmt::format("{} sets", n);
}

std::string dose_note(const PlannedExercise& item, const ReasonContext& ctx, const Profile& p) {
  const Exercise& e = *item.exercise;
  std::vector<std::string> notes;
  const bool lowered = ctx.start.sets < e.dose.sets || ctx.start.reps < e.dose.reps ||
                       ctx.start.hold_seconds.value_or(0) < e.dose.hold_seconds.value_or(0);
  if (e.kind != Kind::kStretch && lowered) notes.push_back("a lower dose than usual " + why_gentle(p));
  const int have = e.kind == Kind::kStretch ? item.dose.reps : item.dose.sets;
  const int wanted = e.kind == Kind::kStretch ? ctx.start.reps : ctx.start.sets;
  if (have < wanted)
    notes.push_back(fmt::format("{} instead of {} to fit your {} minutes", count_word(e, have), wanted,
                                p.answers.minutes_per_session));
  return join(notes, "; ");
}

// Ties the exercise to where the person's knee hurts, when its muscles bear on that spot.
std::string location_note(const Exercise& e, const Profile& p) {
  const Answers& a = p.answers;
  if (a.has(PainLocation::kFront) && works(e, ChainGroup::kQuadriceps))
    return "chosen for the pain at the front of your knee";
  if (a.has(PainLocation::kOuter) && works(e, ChainGroup::kHipsGlutes))
    return "chosen for the pain on the outer side of your knee, as the hip muscles steer where the knee points";
  if (a.has(PainLocation::kBack) && (works(e, ChainGroup::kHamstrings) || works(e, ChainGroup::kCalvesAnkles)))
    return "chosen for the pain at the back of your knee";
  return "";
}

// When nothing else about the person applies: which part of the chain it serves, for which knee.
std::string chain_note(const Exercise& e, const ReasonContext& ctx, const Profile& p) {
  std::optional<ChainGroup> g = ctx.pick != nullptr && ctx.pick->slot ? ctx.pick->slot : primary_group(e);
  const std::string knee = p.answers.knee == KneeSide::kBoth   ? "both knees"
                           : p.answers.knee == KneeSide::kLeft ? "your left knee"
                                                               : "your right knee";
  if (!g) return fmt::format("part of the chain of muscles that supports {}", knee);
  return fmt::format("covers {}, part of the chain of muscles that supports {}", label(*g), knee);
}

}  // namespace

std::string reason_for(const PlannedExercise& item, const ReasonContext& ctx, const Catalog& catalog,
                       const Profile& p) {
  const Exercise& e = *item.exercise;
  std::vector<std::string> parts{e.benefit};
  if (p.inner && e.kind == Kind::kStrength && in_inner_knee_set(e))
    parts.emplace_back("chosen for your inner-knee pain (one of the inner-knee set)");
  if (auto l = location_note(e, p); !l.empty()) parts.push_back(l);
  if (ctx.pick != nullptr && ctx.pick->secondary && ctx.pick->slot)
    parts.push_back(fmt::format("here to cover {}", label(*ctx.pick->slot)));
  if (auto v = version_note(e, catalog, p); !v.empty()) parts.push_back(v);
  if (parts.size() == 1) parts.push_back(chain_note(e, ctx, p));
  if (auto d = dose_note(item, ctx, p); !d.empty()) parts.push_back(d);
  if (p.answers.runner && e.kind == Kind::kStretch) parts.emplace_back("do it after your runs too");
  if (e.has_demand(Demand::kSingleLegBalance)) {
    if (p.older || p.caution)
      parts.emplace_back("keep a hand on a chair or counter for balance the whole time");
    else
      parts.emplace_back("hold a chair or counter for balance if you need to");
  }
  std::string out = join(parts, "; ");
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

std::string start_easier_for(const Exercise& e, const Profile& p) {
  if (!p.caution && p.band != PainBand::kHigh) return "";
  for (const auto& v : e.easier)
    if (!v.parameter.empty()) return v.change;
  return "";
}

}  // namespace kc
