// What a printed handout says: the week, the sessions, the safety rules and a card per
// exercise, gathered from a plan document (docs/plan-format.md) and the content.
#pragma once

#include <string>
#include <vector>

#include "adapters/render/pose_loader.h"
#include "core/catalog/catalog.h"
#include "core/catalog/exercise_json.h"
#include "core/common/result.h"

namespace kc::render {

// One exercise's card.
struct HandoutCard {
  const Exercise* exercise = nullptr;
  const figure::ExercisePoses* poses = nullptr;
  std::vector<std::pair<std::string, std::string>> doses;  // (session id, the dose in words)
  std::string reason;                                      // why it is in the plan
  std::string start_easier;                                // or empty
  std::vector<std::string> form_cues;                      // the exercise's cues
};

// "Sessions A and B: 2 sets of 10 ..." when the doses agree, else one "Session X: ..." per session.
std::vector<std::string> dose_lines(const HandoutCard& card);

struct HandoutSession {
  std::string id;     // "A"
  std::string title;  // "Strength, then stretching and mobility"
  int minutes = 0;
  std::vector<std::string> lines;  // "Wall sit: 2 holds of 20 s"
};

struct Handout {
  std::string period;                                     // "6 weeks, Monday 3 March to Sunday 13 April 2025"
  int minutes = 0;                                        // per session
  std::vector<std::pair<std::string, std::string>> week;  // ("Mon", "A"), ("Tue", "rest"), ...
  std::vector<HandoutSession> sessions;
  std::vector<std::string> cautions;
  std::vector<std::string> safety;
  std::vector<HandoutCard> cards;  // each exercise once, in session order
};

// Builds the handout from a plan JSON document. Errors name what the document lacks or an
// exercise id the catalog or the poses do not have.
Result<Handout> handout_from_plan(const Json& plan, const Catalog& catalog, const content::Illustrations& pictures);

}  // namespace kc::render
