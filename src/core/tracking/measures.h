// The measures as data (content/measures/*.yaml, docs/measures.md): pain ratings, the
// Patient-Specific Functional Scale, the 30-second chair stand, the global rating of change.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kc::tracking {

enum class MeasureKind { kRating, kItems, kTimedCount };

struct Anchor {
  int value = 0;
  std::string label;  // e.g. "no pain"
};

// One question of a rating measure (pain: now, worst in 24 h, next morning).
struct RatingQuestion {
  std::string id;  // the record's measure id, e.g. "pain-now"
  std::string prompt;
};

// Below-average threshold for an age band (CDC STEADI chair stand): fewer stands than
// `men` / `women` is below average.
struct NormBand {
  int age_min = 0;
  int age_max = 0;
  int men = 0;
  int women = 0;
};

struct MeasureDef {
  std::string id;  // "pain", "psfs", "chair-stand", "grc"
  std::string name;
  MeasureKind kind = MeasureKind::kRating;
  std::string purpose;
  std::vector<std::string> instructions;
  int min = 0;  // scale range (rating, items)
  int max = 10;
  std::vector<Anchor> anchors;
  std::vector<RatingQuestion> questions;  // kRating
  std::string item_prompt;                // kItems: how to name an activity
  int items_min = 1;                      // kItems
  int items_max = 3;
  int seconds = 0;                          // kTimedCount
  std::vector<NormBand> norms;              // kTimedCount
  std::optional<double> meaningful_change;  // points
  std::optional<double> meaningful_percent;
  std::vector<std::string> sources;
  std::string file;
};

struct MeasureSet {
  std::vector<MeasureDef> measures;
  // The measure `id`, or nullptr.
  const MeasureDef* find(const std::string& id) const;
};

// Problems beyond field types: scale min < max, anchors in range, questions for a rating,
// 1 <= items_min <= items_max, seconds and norms for a timed count with non-overlapping
// ascending age bands, at least one source. Empty when fine; each names the field.
std::vector<std::string> check_measure(const MeasureDef& m);

// The norm band for `age`, or nullptr when outside every band.
const NormBand* norm_for(const MeasureDef& m, int age);

// A timed count against its norm band (CDC STEADI chair stand): fewer than the band's count for
// the person's sex (`man` true: band.men, else band.women) is below average.
struct NormVerdict {
  int under = 0;       // the band's count for that sex
  bool below = false;  // count < under
  std::string words;   // "below average" or "average or better"
};
NormVerdict compare_to_norm(const NormBand& band, bool man, int count);

// The anchor label for `value`, or "" (e.g. GRC +3 -> "somewhat better").
std::string anchor_label(const MeasureDef& m, int value);

}  // namespace kc::tracking
