#include "adapters/cli/tracking_support.h"

#include <fmt/format.h>

#include <charconv>
#include <iostream>

#include "core/catalog/describe.h"
#include "core/common/text.h"
#include "core/intake/parse.h"
#include "core/plan/profile.h"
#include "core/triage/level.h"

namespace kc::cli {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

void print_judgements(const std::vector<tracking::Judgement>& judgements, bool show_holds, std::ostream& out) {
  bool any = false;
  for (const auto& j : judgements) {
    if (!j.decision.changed() && !show_holds) continue;
    if (!any) out << "\nYour doses:\n";
    any = true;
    const char* verb = "keep";
    if (j.decision.decision == store::DoseDecision::kProgress) verb = "step up";
    if (j.decision.decision == store::DoseDecision::kEase) verb = "ease off";
    out << fmt::format("  {} — {}: {}\n", j.name, verb, describe_dose(j.decision.to));
    out << fmt::format("      why: {}\n", j.decision.reason);
  }
}

std::optional<int> ask_number(std::istream& in, std::ostream& out, const std::string& prompt, int min, int max) {
  const std::string range = range_text(min, max);
  const std::string expected = min < 0 ? fmt::format("from {} to {}", signed_number(min), signed_number(max))
                                       : fmt::format("from {} to {}", min, max);
  for (;;) {
    out << prompt << fmt::format(" ({}): ", range) << std::flush;
    std::string line;
    if (!std::getline(in, line)) {
      out << "\n";
      return std::nullopt;
    }
    const std::string t = trim(line);
    const auto value = parse_signed(t);
    if (!value) {
      out << fmt::format("  \"{}\" is not a whole number. Type a whole number {}.\n", printable(t), expected);
      continue;
    }
    if (*value < min || *value > max) {
      out << fmt::format("  {} is out of range. Type a whole number {}.\n", t, expected);
      continue;
    }
    return *value;
  }
}

std::optional<bool> ask_yes_no(std::istream& in, std::ostream& out, const std::string& prompt) {
  for (;;) {
    out << prompt << " (yes/no): " << std::flush;
    std::string line;
    if (!std::getline(in, line)) {
      out << "\n";
      return std::nullopt;
    }
    const std::string t = lower(trim(line));
    if (t == "y" || t == "yes") return true;
    if (t == "n" || t == "no") return false;
    out << fmt::format("  \"{}\" is not an answer to this question. Type yes or no.\n", trim(line));
  }
}

std::optional<std::string> ask_line(std::istream& in, std::ostream& out, const std::string& prompt) {
  out << prompt << ": " << std::flush;
  std::string line;
  if (!std::getline(in, line)) {
    out << "\n";
    return std::nullopt;
  }
  return trim(line);
}

void report_input_ended(Context& ctx, const std::string& what) {
  ctx.err << fmt::format("kneecoach: the input ended before {} was answered; nothing was saved.\n", what);
  ctx.exit_code = kExitBadInput;
}

void report_store_error(Context& ctx, const Error& error) {
  ctx.err << "kneecoach: " << error.message << "\n";
  ctx.exit_code = kExitFailure;
}

void report_use_case_error(Context& ctx, const Error& error) {
  ctx.err << "kneecoach: " << error.message << "\n";
  const std::string& c = error.code;
  ctx.exit_code = kExitFailure;
  if (c == errc::kStopped) ctx.exit_code = kExitSeeClinician;
  if (c == errc::kTooLittle) ctx.exit_code = kExitTooLittle;
  if (c == errc::kInvalid || c == errc::kMissing || c == errc::kWrongType || c == errc::kOutOfRange ||
      c == errc::kUnknownField || c == errc::kConflict || c == errc::kContent) {
    ctx.exit_code = kExitBadInput;
  }
}

}  // namespace kc::cli
