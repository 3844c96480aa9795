#include "adapters/cli/exercise_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/catalog/describe.h"
#include "core/catalog/vocabulary.h"
#include "core/common/text.h"

namespace kc::cli {
namespace {

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string spaced(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (std::string w : words) {
    std::replace(w.begin(), w.end(), '-', ' ');
    out.push_back(std::move(w));
  }
  return join(out);
}

void heading(std::ostream& out, const char* title) { out << "\n" << title << "\n"; }

void bullets(std::ostream& out, const std::vector<std::string>& items, std::size_t width) {
  for (const auto& item : items) out << wrap_hanging("  - ", item, width);
}

void numbered(std::ostream& out, const std::vector<std::string>& items, std::size_t width) {
  for (std::size_t i = 0; i < items.size(); ++i) out << wrap_hanging(fmt::format("  {:>2}. ", i + 1), items[i], width);
}

std::string variant_line(const Variant& v, const Catalog& catalog) {
  if (!v.exercise.empty()) {
    const Exercise* other = catalog.find(v.exercise);
    const std::string name = other != nullptr ? other->name : v.exercise;
    return fmt::format("{} [{}]: {}", name, v.exercise, v.change);
  }
  return fmt::format("{}: {}", v.parameter, v.change);
}

void print_variants(const Exercise& e, const Catalog& catalog, std::ostream& out, std::size_t width) {
  if (e.easier.empty() && e.harder.empty()) return;
  heading(out, "Make it easier or harder");
  for (const auto& v : e.easier) out << wrap_hanging("  Easier: ", variant_line(v, catalog), width);
  for (const auto& v : e.harder) out << wrap_hanging("  Harder: ", variant_line(v, catalog), width);
}

void print_sources(const Exercise& e, std::ostream& out, std::size_t width) {
  heading(out, "Source");
  if (e.from_articles) {
    out << wrap("From the source articles: " + join(e.sources), width, "  ");
  } else {
    out << wrap("Not from the source articles; a well-established exercise added beside them.", width, "  ");
  }
  for (const auto& r : e.references) out << wrap("Reference: " + r, width, "  ");
}

}  // namespace

void print_exercise_card(const Exercise& e, const Catalog& catalog, std::ostream& out, std::size_t width) {
  out << upper(e.name);
  if (!e.aliases.empty()) out << "  (also called: " << join(e.aliases) << ")";
  out << "\n";
  out << fmt::format("{} - {} - works: {}\n", to_string(e.kind), label(e.position), spaced(e.muscles));
  heading(out, "What it is for");
  out << wrap(e.purpose, width, "  ");
  heading(out, "You need");
  out << wrap(describe_equipment(e), width, "  ");
  heading(out, "How to do it");
  numbered(out, e.steps, width);
  heading(out, "Form cues");
  bullets(out, e.cues, width);
  heading(out, "Common mistakes");
  bullets(out, e.mistakes, width);
  heading(out, "Dose");
  out << wrap(describe_dose(e.dose), width, "  ");
  out << wrap("How often: " + describe_frequency(e.frequency), width, "  ");
  if (!e.frequency.note.empty()) out << wrap("(" + e.frequency.note + ")", width, "  ");
  print_variants(e, catalog, out, width);
  heading(out, "Take care");
  std::vector<std::string> care;
  for (const auto& c : e.cautions) {
    std::string who = c.who;
    if (!who.empty()) who[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(who[0])));
    care.push_back(who + ": " + c.advice);
  }
  care.emplace_back(
      "Everyone: stop if the pain turns sharp, or goes above 5 out of 10, or has not settled by the next morning.");
  bullets(out, care, width);
  print_sources(e, out, width);
}

void print_exercise_table(const std::vector<const Exercise*>& list, std::ostream& out) {
  out << fmt::format("{:<28} {:<9} {:<15} {:<14} {}\n", "ID", "KIND", "POSITION", "NEEDS", "NAME");
  for (const Exercise* e : list) {
    std::vector<std::string> needs;
    for (Equipment q : e->equipment_needed) needs.emplace_back(to_string(q));
    out << fmt::format("{:<28} {:<9} {:<15} {:<14} {}\n", e->id, to_string(e->kind), to_string(e->position),
                       needs.empty() ? "-" : join(needs, ","), e->name);
  }
  out << fmt::format("\n{} exercise{}. Show one with: kneecoach exercises show ID\n", list.size(),
                     list.size() == 1 ? "" : "s");
}

}  // namespace kc::cli
