// `kneecoach session`: guides the day's session in the terminal, logs each exercise as soon
// as it is left, and asks how much the knee hurt during it.
#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <iostream>
#include <memory>

#include "adapters/cli/app.h"
#include "adapters/cli/catalog_access.h"
#include "adapters/cli/feedback_prompt.h"
#include "adapters/cli/intake_io.h"
#include "adapters/cli/session_source.h"
#include "adapters/cli/store_access.h"
#include "adapters/cli/tracking_commands.h"
#include "adapters/cli/tracking_support.h"
#include "adapters/terminal/player.h"
#include "adapters/terminal/scaled_clock.h"
#include "adapters/terminal/terminal.h"
#include "core/common/pain.h"
#include "core/session/engine.h"
#include "core/session/input.h"
#include "core/session/voice.h"
#include "usecases/log_session.h"
#include "usecases/session_steps_json.h"

namespace kc::cli {
namespace {

struct SessionArgs {
  TrackingOptions common;  // --data-dir, --person, --date
  std::string answers;     // --answers FILE: a plan built in memory, nothing stored
  bool voice = false;
  std::string voice_out;
  bool fast = false;
  double clock_scale = 1.0;
  std::string keys;
  bool steps_json = false;  // print the steps the player would run, as JSON, and play nothing
  bool anyway = false;      // on a rest day: the next planned session, done and logged today
};

store::ExerciseLog to_log(const session::Tally& t, store::Id session_id, store::PersonId person, TimePoint at) {
  store::ExerciseLog log;
  log.session = session_id;
  log.person = person;
  log.position = t.position;
  log.exercise_id = t.exercise_id;
  log.outcome = usecases::stored_outcome(t.outcome);
  log.planned = t.planned;
  log.sets_done = t.sets_done;
  log.reps_done = t.reps_done;
  log.holds_done = t.holds_done;
  log.seconds = static_cast<int>(std::lround(static_cast<double>(t.active.count()) / 1000.0));
  log.finished_at = at;
  return log;
}

// "Straight leg raise: partly done, 12 of 40 reps".
std::string summary_line(const session::SessionExercise& ex, const session::Tally& t) {
  const bool hold = session::is_hold_dose(t.planned);
  std::string line = fmt::format("  {}: {}", ex.name, session::outcome_label(t.outcome));
  if (t.outcome == session::Outcome::kPartly) {
    line += fmt::format(", {} of {} {}", session::units_done(t), session::planned_units(t.planned),
                        hold ? "holds" : "reps");
  }
  return line + "\n";
}

// Asks the pain-during-the-session rating until it is a whole number 0-10; nullopt when the
// input ends first.
std::optional<int> ask_pain(std::istream& in, std::ostream& out) {
  std::string line;
  while (true) {
    out << session::kPainQuestion << std::flush;
    if (!std::getline(in, line)) {
      out << "\n";
      return std::nullopt;
    }
    auto pain = session::parse_pain_rating(line);
    if (pain) return *pain;
    out << pain.error().message << ".\n";
  }
}

std::string pain_band_advice(int pain, const PainLimit& limit) {
  const std::string why = limit.from_clinician() ? fmt::format(" ({})", pain_limit_why(limit)) : "";
  switch (pain_band(pain, limit)) {
    case PainBand::kLow:
      return fmt::format("0-{} during exercise is safe.", std::min(kLowPainMax, limit.most));
    case PainBand::kModerate:
      return fmt::format("Up to {} during exercise is acceptable{}, as long as it settles by the next morning.",
                         limit.most, why);
    case PainBand::kHigh:
      break;
  }
  return fmt::format(
      "Above {} is too much{}: the doses should come down. If it keeps happening, see a physiotherapist or doctor.",
      limit.most, why);
}

// The clock the session runs on: virtual (--fast), or real time scaled by --clock-scale.
std::unique_ptr<Clock> session_clock(const SessionArgs& args, const When& when) {
  if (args.fast) {
    const auto offset = std::chrono::duration_cast<std::chrono::minutes>(when.date - date::floor<date::days>(when.at));
    return std::make_unique<ManualClock>(when.at, offset);
  }
  return std::make_unique<terminal::ScaledClock>(when.at, args.clock_scale, when.date);
}

Result<std::unique_ptr<voice::Voice>> make_voice(const SessionArgs& args, const usecases::Ports& ports) {
  if (!args.voice_out.empty()) return ports.voice_file(args.voice_out);
  if (args.voice) return ports.speaker();
  return ports.silence();
}

void run_session(const SessionArgs& args, Context& ctx) {
  auto script = session::parse_key_script(args.keys);
  if (!script) {
    ctx.err << "kneecoach: --keys: " << script.error().message << "\n";
    ctx.exit_code = kExitBadInput;
    return;
  }
  const auto base_clock = ctx.ports.clock();
  const auto when = when_for(args.common, *base_clock, ctx);
  if (!when) return;

  std::optional<Catalog> catalog;
  std::optional<Program> program;
  std::optional<usecases::SessionDay> day;
  if (!args.answers.empty()) {
    day = planned_day(ctx, args.answers, when->date, catalog);
  } else {
    program = open_program(ctx, args.common.store);
    if (!program) return;
    catalog = load_catalog_or_report(ctx);
    if (!catalog) return;
    day = stored_day(ctx, *program, when->date, *catalog);
    if (day && !day->session && day->next && args.anyway) {
      // A rest day, and the person wants to exercise: the next session, done (and logged) today.
      auto next = stored_day(ctx, *program, day->next->date, *catalog);
      if (!next) return;
      if (next->session) {
        next->session->date = when->date;
        next->date = when->date;
        day = std::move(next);
      }
    }
  }
  if (!day) return;
  if (args.steps_json) {
    // Exactly the steps the player below would run: the engine's own layout, with its words.
    std::vector<usecases::PlayStep> steps;
    if (day->session) {
      const session::SessionEngine engine(day->session->exercises);
      steps = usecases::with_cues(engine.exercises(), engine.steps());
    }
    ctx.out << usecases::session_day_json(*day, steps).dump(2) << "\n";
    return;
  }
  if (!day->session) return print_no_session(ctx, *day, !args.answers.empty());
  const usecases::SessionToPlay* to_play = &*day->session;

  auto voice = make_voice(args, ctx.ports);
  if (!voice) {
    ctx.err << "kneecoach: --voice-out: " << voice.error().message << "\n";
    ctx.exit_code = kExitFailure;
    return;
  }
  const auto clock = session_clock(args, *when);
  session::SessionEngine engine(to_play->exercises);

  store::SessionLog log;
  if (program) {
    log.person = program->person.id;
    log.plan = program->plan.id;
    log.date = to_play->date;
    log.session = to_play->session_id;
    log.started_at = clock->now();
    auto begun = program->store->begin_session(log);
    if (!begun) return report_store_error(ctx, begun.error());
    log = *begun;
  }

  const std::string title =
      fmt::format("Session {} — {} · {}", to_play->session_id, to_play->title, describe_date(to_play->date));
  ctx.out << fmt::format("{}\n{} exercises, about {} minutes. Keys: space pause, n next exercise, b back, q quit.\n",
                         title, to_play->exercises.size(), (engine.total().count() + 59'999) / 60'000);
  if (to_play->done_already) ctx.out << "You already finished today's session; this one is logged as well.\n";
  if (!program) ctx.out << "(A try-out from --answers: nothing is saved.)\n";

  terminal::PlayerOptions options;
  options.virtual_time = args.fast;
  options.scale = args.clock_scale;
  options.script = std::move(script).value();
  options.title = title;
  // On a terminal the player draws a full screen in place (the terminal's alternate screen,
  // what was there comes back after); on a pipe it writes a plain transcript.
  const bool screen = terminal::is_terminal(STDOUT_FILENO);
  if (screen) options.screen_fd = STDOUT_FILENO;
  std::unique_ptr<terminal::RawMode> raw;
  if (terminal::is_terminal(STDIN_FILENO)) {
    auto mode = terminal::RawMode::enable(STDIN_FILENO, STDOUT_FILENO, screen);
    if (mode) {
      raw = std::move(mode).value();
      options.key_fd = STDIN_FILENO;
      options.raw = raw.get();
    }
  }

  const auto on_finished = [&](const session::Tally& t) -> Status {
    if (!program) return Ok{};
    auto saved = program->store->log_exercise(to_log(t, log.id, log.person, clock->now()));
    if (!saved) return saved.error();
    return Ok{};
  };
  auto played = terminal::play(engine, *clock, options, **voice, ctx.out, on_finished);
  if (raw) raw->restore();
  if (!played) {
    ctx.err << "kneecoach: the session stopped: " << played.error().message
            << "\nEvery exercise finished before this is saved.\n";
    ctx.exit_code = kExitFailure;
    return;
  }

  const auto tallies = engine.tallies();
  ctx.out << (*played ? "\nYou stopped the session. What you did is kept:\n" : "\nSession complete. Well done!\n");
  bool any_done = false;
  for (std::size_t i = 0; i < tallies.size(); ++i) {
    ctx.out << summary_line(to_play->exercises[i], tallies[i]);
    any_done = any_done || tallies[i].outcome != session::Outcome::kSkipped;
  }
  std::optional<int> pain;
  std::vector<usecases::SaidOf> said;
  if (any_done) {
    pain = ask_pain(ctx.in, ctx.out);
    if (pain)
      ctx.out << fmt::format("Pain {}/10 during the session. {}\n", *pain, pain_band_advice(*pain, day->pain_limit));
    else
      ctx.out << "No pain rating was given.\n";
    std::vector<std::string> names;
    std::vector<int> positions;
    for (std::size_t i = 0; i < tallies.size(); ++i) {
      if (tallies[i].outcome == session::Outcome::kSkipped) continue;
      names.push_back(to_play->exercises[i].name);
      positions.push_back(tallies[i].position);
    }
    if (pain) said = ask_feedback(names, positions, ctx.in, ctx.out);
  }
  if (!program) return;
  auto rules = load_rule_set(ctx.content_dir);
  if (!rules) return report_store_error(ctx, rules.error());
  usecases::FinishSessionRequest request;
  request.person = program->person.name;
  request.session = log.id;
  request.status = *played ? store::SessionStatus::kQuit : store::SessionStatus::kFinished;
  request.pain_during = pain;
  request.feedback = said;
  auto done = usecases::finish_session(*program->store, *clock, usecases::Content{*catalog, &*rules}, request);
  if (!done) return report_use_case_error(ctx, done.error());
  if (done->repeat) ctx.out << "This is not your first session today: it is kept, and the day counts once.\n";
  if (!any_done) return;
  if (done->changes.empty()) {
    ctx.out << "Doses stay as they are for now; tomorrow morning run `kneecoach check-in`.\n";
  } else {
    print_judgements(done->judgements, false, ctx.out);
  }
  print_said_decisions(done->judgements, ctx.out);
}

}  // namespace

void add_session_commands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<SessionArgs>();
  CLI::App* cmd = app.add_subcommand(
      "session",
      "Guide today's session in the terminal: each exercise's card, countdowns, rep pacing, sides, rests and a "
      "progress bar.\nKeys: space pause/resume, n next exercise, b back, q quit (what you did is kept). Each "
      "exercise is saved as soon as it is finished; at the end you rate your pain during the session (0-10).");
  add_store_options(*cmd, args->common.store);
  cmd->add_option("--date", args->common.date, "Do the session planned on this day (YYYY-MM-DD; default today)");
  cmd->add_option("--answers", args->answers,
                  "Try out the session of a plan built from this answers file, without saving anything");
  cmd->add_flag("--voice", args->voice, "Speak the cues (espeak-ng); silent when there is no audio device");
  cmd->add_option("--voice-out", args->voice_out, "Write the spoken cues to this WAV file instead of speaking");
  cmd->add_flag("--anyway", args->anyway,
                "On a rest day: do the next planned session today instead (it is logged for today)");
  auto* fast = cmd->add_flag("--fast", args->fast, "Test hook: a virtual clock, the whole session in milliseconds");
  cmd->add_option("--clock-scale", args->clock_scale, "Test hook: run the clock N times faster than real time")
      ->check(CLI::Range(0.01, 100000.0))
      ->excludes(fast);
  cmd->add_option("--keys", args->keys,
                  "Test hook: keys to press, in order, with waits of session time between them, e.g. \"45s n 10s q\"");
  cmd->add_flag("--steps-json", args->steps_json,
                "Print every step the player would run (cards, reps, holds, sides, rests, with their words and "
                "lengths) as JSON, the same document as GET /api/v1/people/{id}/session, and play nothing");
  cmd->callback([args, &ctx]() { run_session(*args, ctx); });
}

}  // namespace kc::cli
