// `kneecoach measure pain|psfs|chair-stand|grc`: the measures defined in content/measures.
#include <fmt/format.h>

#include <iostream>

#include "adapters/cli/tracking_commands.h"
#include "adapters/cli/tracking_support.h"
#include "adapters/content/measures_loader.h"
#include "core/common/text.h"
#include "core/tracking/measure_check.h"
#include "usecases/measure.h"

namespace kc::cli {
namespace {

store::Measurement record(const Program& p, const When& when, const std::string& measure, double value) {
  store::Measurement m;
  m.person = p.person.id;
  m.measure = measure;
  m.taken_at = when.at;
  m.date = when.date;
  m.value = value;
  return m;
}

void show_intro(const tracking::MeasureDef& def, std::ostream& out) {
  out << def.name << "\n" << wrap(def.purpose, 78);
  for (const auto& step : def.instructions) out << wrap_hanging("  - ", step, 78);
}

std::string scale_hint(const tracking::MeasureDef& def) {
  std::vector<std::string> parts;
  for (const auto& a : def.anchors)
    parts.push_back(fmt::format("{} = {}", def.min < 0 ? signed_number(a.value) : std::to_string(a.value), a.label));
  return join(parts, ", ");
}

bool measure_pain(const tracking::MeasureDef& def, const Program& p, const When& when, Context& ctx,
                  std::vector<store::Measurement>& out) {
  ctx.out << wrap(scale_hint(def), 78);
  for (const auto& q : def.questions) {
    if (q.id == store::kPainNextMorning) continue;  // asked by `check-in`
    auto v = ask_number(ctx.in, ctx.out, q.prompt, def.min, def.max);
    if (!v) return false;
    out.push_back(record(p, when, q.id, *v));
  }
  return true;
}

bool measure_psfs(const tracking::MeasureDef& def, Program& p, const When& when, Context& ctx,
                  std::vector<store::Measurement>& out) {
  auto previous = p.store->measurements(p.person.id, store::kPsfs);
  if (!previous) {
    report_store_error(ctx, previous.error());
    return false;
  }
  std::vector<std::string> labels;
  if (!previous->empty()) {
    for (const auto& i : previous->front().items) labels.push_back(i.label);
    ctx.out << "Rate the same activities as the first time.\n";
  } else {
    while (static_cast<int>(labels.size()) < def.items_max) {
      auto name =
          ask_line(ctx.in, ctx.out, fmt::format("{} [{}/{}]", def.item_prompt, labels.size() + 1, def.items_max));
      if (!name) return false;
      if (name->empty()) {
        if (static_cast<int>(labels.size()) >= def.items_min) break;
        ctx.out << fmt::format("  Name at least {} activity, for example \"climbing stairs\".\n", def.items_min);
        continue;
      }
      labels.push_back(*name);
    }
  }
  ctx.out << wrap(scale_hint(def), 78);
  store::Measurement m = record(p, when, store::kPsfs, 0);
  double sum = 0;
  for (const auto& label : labels) {
    auto v = ask_number(ctx.in, ctx.out, fmt::format("How well can you do this now: {}?", label), def.min, def.max);
    if (!v) return false;
    m.items.push_back({label, static_cast<double>(*v)});
    sum += *v;
  }
  m.value = sum / static_cast<double>(labels.size());
  ctx.out << fmt::format("Your score: {:.1f} out of {}, the mean of your {} {}.\n", m.value, def.max, labels.size(),
                         labels.size() == 1 ? "activity" : "activities");
  out.push_back(m);
  return true;
}

std::optional<std::string> ask_sex(Context& ctx) {
  for (;;) {
    auto line = ask_line(ctx.in, ctx.out,
                         "The averages differ for men and women: are you a man or a woman? "
                         "(man / woman / skip)");
    if (!line) return std::nullopt;
    if (*line == "man" || *line == "woman" || *line == "skip") return *line;
    ctx.out << fmt::format("  \"{}\" is not one of the answers. Type man, woman or skip.\n", *line);
  }
}

bool measure_chair_stand(const tracking::MeasureDef& def, Program& p, const When& when, Clock& clock, Context& ctx,
                         std::vector<store::Measurement>& out) {
  if (!ask_line(ctx.in, ctx.out, "Press Enter when you are seated with your arms crossed and ready")) return false;
  for (int i = 3; i >= 1; --i) {
    ctx.out << i << "... " << std::flush;
    clock.sleep_for(std::chrono::seconds{1});
  }
  ctx.out << "Go! Stand up and sit down as many times as you can.\n" << std::flush;
  for (int left = def.seconds; left > 0; --left) {
    if (left % 10 == 0 && left != def.seconds) ctx.out << left << " seconds left\n" << std::flush;
    if (left <= 5) ctx.out << left << "\n" << std::flush;
    clock.sleep_for(std::chrono::seconds{1});
  }
  ctx.out << "Stop! Sit down and rest.\n";
  auto count = ask_number(ctx.in, ctx.out, "How many full stands did you do? (more than halfway up at the end counts)",
                          0, tracking::kMaxChairStands);
  if (!count) return false;
  store::Measurement m = record(p, when, store::kChairStand, *count);
  auto answers = usecases::stored_answers(*p.store, p.person.id);
  const int age = answers && *answers ? (*answers)->age : 0;
  if (const auto* band = tracking::norm_for(def, age)) {
    auto sex = ask_sex(ctx);
    if (!sex) return false;
    if (*sex != "skip") {
      const auto norm = tracking::compare_to_norm(*band, *sex == "man", *count);
      m.items.push_back({tracking::kBelowAverageUnder, static_cast<double>(norm.under)});
      m.note = fmt::format("{}, age {}: {} (below average under {} for {}s aged {}-{}, CDC STEADI)", *sex, age,
                           norm.words, norm.under, *sex, band->age_min, band->age_max);
      ctx.out << fmt::format("For a {} aged {}-{}, fewer than {} stands is below average: yours is {}.\n", *sex,
                             band->age_min, band->age_max, norm.under,
                             norm.below ? norm.words + "; the strengthening exercises aim at this" : norm.words);
    }
  } else {
    ctx.out
        << "There are published averages only for ages 60 to 94; your result is compared with your own first one.\n";
  }
  out.push_back(m);
  return true;
}

bool measure_grc(const tracking::MeasureDef& def, const Program& p, const When& when, Context& ctx,
                 std::vector<store::Measurement>& out) {
  for (const auto& a : def.anchors) ctx.out << fmt::format("  {:>2}  {}\n", signed_number(a.value), a.label);
  const std::string prompt = def.questions.empty() ? def.name : def.questions.front().prompt;
  auto v = ask_number(ctx.in, ctx.out, prompt, def.min, def.max);
  if (!v) return false;
  store::Measurement m = record(p, when, store::kGrc, *v);
  m.note = tracking::anchor_label(def, *v);
  out.push_back(m);
  return true;
}

}  // namespace

void run_measure(const std::string& which, const TrackingOptions& options, Context& ctx) {
  const auto clock = ctx.ports.clock();
  const auto when = when_for(options, *clock, ctx);
  if (!when) return;
  auto measures = content::load_measures(ctx.content_dir);
  if (!measures) {
    ctx.err << "kneecoach: " << measures.error().message << "\n";
    ctx.exit_code = kExitBadInput;
    return;
  }
  const tracking::MeasureDef* def = measures->find(which);
  if (def == nullptr) {
    ctx.err << fmt::format("kneecoach: no measure '{}' in the content\n", which);
    ctx.exit_code = kExitBadInput;
    return;
  }
  auto program = open_program(ctx, options.store);
  if (!program) return;
  show_intro(*def, ctx.out);
  std::vector<store::Measurement> taken;
  bool complete = false;
  if (which == "pain") complete = measure_pain(*def, *program, *when, ctx, taken);
  if (which == "psfs") complete = measure_psfs(*def, *program, *when, ctx, taken);
  if (which == "chair-stand") complete = measure_chair_stand(*def, *program, *when, *clock, ctx, taken);
  if (which == "grc") complete = measure_grc(*def, *program, *when, ctx, taken);
  if (!complete) {
    if (ctx.exit_code == kExitOk) report_input_ended(ctx, "every question");
    return;
  }
  const std::optional<CivilDate> date = options.date.empty() ? std::nullopt : std::optional{when->date};
  auto saved = usecases::record_measures(*program->store, *clock, {program->person.name, date, taken});
  if (!saved) return report_use_case_error(ctx, saved.error());
  ctx.out << fmt::format("Saved ({}).\n", describe_date(when->date));
  ctx.exit_code = kExitOk;
}

}  // namespace kc::cli
