// The pain bands of the pain-monitoring model (Thomee 1997; NEMEX-TJR, Ageberg 2010;
// Silbernagel 2007): the one definition used by triage, the plan and progression.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kc {

// 0-2 "safe", above 2 to 5 "acceptable", above 5 "too much" (pain 0-10).
enum class PainBand { kLow, kModerate, kHigh };

inline constexpr int kLowPainMax = 2;       // pain 0-2: safe
inline constexpr int kModeratePainMax = 5;  // pain above 2 to 5: acceptable; above 5: too much

// The band of a 0-10 rating (values outside 0-10 fall into the nearest band).
PainBand pain_band(int pain);

std::string_view to_string(PainBand band);                  // "low", "moderate", "high"
std::optional<PainBand> parse_pain_band(std::string_view);  // the inverse of to_string
std::vector<std::string> pain_band_names();                 // "low", "moderate", "high"
std::string_view pain_band_meaning(PainBand band);          // "safe", "acceptable", "too much"

// A band with its whole-number range on the 0-10 scale (inclusive), for charts and the API.
struct PainBandRange {
  PainBand band;
  std::string_view name;     // "low", "moderate", "high"
  std::string_view meaning;  // "safe", "acceptable", "too much"
  int lowest;                // 0, 3, 6
  int highest;               // 2, 5, 10
};

// The three bands, lowest first.
const std::vector<PainBandRange>& pain_band_ranges();

// "0-2 low (safe), 3-5 moderate (acceptable), 6-10 high (too much)": for plan text and docs.
std::string pain_bands_text();

// The most pain acceptable during exercise for one person: the pain-monitoring model's 5/10, or
// the ceiling the clinician who cleared them set (0 to 5: it may only lower the limit; docs/
// triage-rules.md, "Seen and cleared"). The one rule the judge, progression, the check-in, the
// plan and every surface take the acceptable pain from.
struct PainLimit {
  int most = kModeratePainMax;  // pain above this during exercise is too much
  std::optional<int> ceiling;   // the clinician's ceiling, when one is set (then most == *ceiling)
  bool from_clinician() const { return ceiling.has_value(); }
};

// The limit for a person whose clinician set `clinician_ceiling` (nullopt: none). A ceiling
// outside 0..kModeratePainMax is clamped into it (check_clearance refuses those before storing).
PainLimit acceptable_pain(std::optional<int> clinician_ceiling);

// The band of a 0-10 rating under `limit`: low up to safe_pain_most(limit), moderate up to most,
// high above.
PainBand pain_band(int pain, const PainLimit& limit);

// The most pain still "safe" (the low band) under `limit`: min(2, most). A dose steps up only at
// or under it.
int safe_pain_most(const PainLimit& limit);

// Why the limit is what it is: "your clinician set a ceiling of 3/10" or "the usual limit of the
// pain-monitoring model is 5/10".
std::string pain_limit_why(const PainLimit& limit);

// The rule a player shows before a session: "Stop an exercise if the pain goes above 5 out of
// 10, or turns sharp." (with a ceiling: "... above 3 out of 10 (your clinician set a ceiling of 3/10) ...").
std::string pain_stop_advice(const PainLimit& limit = {});

// The help under "How much did your knee hurt?": "0 is no pain, 10 is the worst pain you can
// imagine. 0 to 2 is fine, 3 to 5 is acceptable, above 5 is too much." under `limit`.
std::string pain_scale_help(const PainLimit& limit = {});

}  // namespace kc
