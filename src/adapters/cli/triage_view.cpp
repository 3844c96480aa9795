#include "adapters/cli/triage_view.h"

#include <fmt/format.h>

#include <ostream>

#include "core/common/text.h"

namespace kc::cli {
namespace {

constexpr std::size_t kWidth = 78;

std::string_view title(Level level) {
  switch (level) {
    case Level::kEmergency:
      return "EMERGENCY";
    case Level::kUrgent:
      return "URGENT";
    case Level::kSeeClinician:
      return "SEE A CLINICIAN FIRST";
    case Level::kCaution:
      return "GO CAREFULLY";
    case Level::kGo:
      return "GO";
  }
  return "SEE A CLINICIAN FIRST";
}

}  // namespace

void print_triage(const TriageResult& result, std::ostream& out) {
  out << fmt::format("Result: {} - {}.\n\n", title(result.level), level_meaning(result.level));
  if (result.reasons.empty()) {
    out << "None of your answers points to a warning sign.\n\n";
  } else {
    out << (may_start_program(result.level) ? "Cautions:\n" : "Why:\n");
    for (const auto& reason : result.reasons) {
      std::string text = wrap(fmt::format("{} [{}]", reason.message, reason.rule), kWidth, "    ");
      text.replace(0, 4, "  - ");
      out << text;
    }
    out << "\n";
  }
  out << "What to do:\n" << wrap(result.advice, kWidth, "  ") << "\n";
  out << wrap(
      "kneecoach does not replace a clinician. If your knee gets much worse, or you are worried, "
      "get medical help.",
      kWidth);
}

void print_triage_json(const TriageResult& result, std::ostream& out) { out << triage_to_json(result).dump() << "\n"; }

}  // namespace kc::cli
