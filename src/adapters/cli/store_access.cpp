#include "adapters/cli/store_access.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <thread>

#include "adapters/cli/catalog_access.h"
#include "adapters/cli/tracking_support.h"
#include "adapters/sqlite/sqlite_store.h"
#include "core/plan/civil_date.h"
#include "core/store/codec.h"

namespace kc::cli {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? std::string(v) : std::string();
}

class SystemClock final : public Clock {
 public:
  TimePoint now() const override {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  }
  date::sys_days today() const override {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    if (localtime_r(&t, &local) == nullptr) return date::floor<date::days>(now());
    return make_date(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                     static_cast<unsigned>(local.tm_mday));
  }
  void sleep_for(std::chrono::milliseconds d) override { std::this_thread::sleep_for(d); }
};

}  // namespace

void add_store_options(CLI::App& cmd, StoreOptions& options) {
  cmd.add_option("--data-dir", options.data_dir,
                 "Folder of your kneecoach records (default: $KNEECOACH_HOME, else "
                 "$XDG_DATA_HOME/kneecoach, else ~/.local/share/kneecoach)");
  cmd.add_option("--person", options.person, "Whose records, when one store holds several people (default: me)")
      ->envname("KNEECOACH_PERSON");
}

std::string resolve_data_dir(const std::string& data_dir) {
  if (!data_dir.empty()) return data_dir;
  if (auto home = env("KNEECOACH_HOME"); !home.empty()) return home;
  if (auto xdg = env("XDG_DATA_HOME"); !xdg.empty()) return (std::filesystem::path(xdg) / "kneecoach").string();
  const std::string home = env("HOME");
  return (std::filesystem::path(home.empty() ? "." : home) / ".local" / "share" / "kneecoach").string();
}

Result<std::unique_ptr<store::Store>> open_store(const Context& /*ctx*/, const std::string& data_dir) {
  const std::filesystem::path dir = resolve_data_dir(data_dir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return make_error(fmt::format("cannot create the data folder {}: {}; choose another with --data-dir", dir.string(),
                                  ec.message()));
  }
  return sqlite::open_store((dir / "kneecoach.db").string());
}

std::unique_ptr<Clock> system_clock() { return std::make_unique<SystemClock>(); }

std::unique_ptr<Clock> command_clock() {
  const std::string fake = env("KNEECOACH_FAKE_TIME");
  if (fake.empty()) return system_clock();
  if (auto t = store::parse_instant(fake)) return std::make_unique<ManualClock>(*t);
  if (fake.size() == 20 && fake.back() == 'Z') {  // without milliseconds
    if (auto t = store::parse_instant(fake.substr(0, 19) + ".000Z")) return std::make_unique<ManualClock>(*t);
  }
  if (auto d = parse_iso_date(fake)) return std::make_unique<ManualClock>(TimePoint{*d} + std::chrono::hours{8});
  return system_clock();
}

std::optional<Program> open_program(Context& ctx, const StoreOptions& options, bool allow_stopped) {
  auto store = open_store(ctx, options.data_dir);
  if (!store) {
    report_store_error(ctx, store.error());
    return std::nullopt;
  }
  auto person = store.value()->find_person(options.person);
  if (!person) {
    report_store_error(ctx, person.error());
    return std::nullopt;
  }
  if (!*person) {
    ctx.err << fmt::format("kneecoach: no program yet for '{}' in {}: run `kneecoach init` first.\n", options.person,
                           resolve_data_dir(options.data_dir));
    ctx.exit_code = kExitFailure;
    return std::nullopt;
  }
  auto plan = store.value()->latest_plan((*person)->id);
  if (!plan) {
    report_store_error(ctx, plan.error());
    return std::nullopt;
  }
  if (!*plan) {
    ctx.err << "kneecoach: no program yet: run `kneecoach init` first.\n";
    ctx.exit_code = kExitFailure;
    return std::nullopt;
  }
  if ((*plan)->stopped_at && !allow_stopped) {
    ctx.err << fmt::format(
        "kneecoach: your program was stopped on {}: {}\n"
        "Please be seen as advised before exercising again; run `kneecoach init` afterwards.\n",
        store::format_instant(*(*plan)->stopped_at).substr(0, 10), (*plan)->stop_reason);
    ctx.exit_code = kExitSeeClinician;
    return std::nullopt;
  }
  return Program{std::move(store).value(), **person, **plan};
}

Result<std::vector<store::DoseChange>> after_session(Context& ctx, Program& program, store::Id session,
                                                     const Clock& clock) {
  auto catalog = load_catalog_or_report(ctx);
  if (!catalog) return make_error("the exercise catalog could not be loaded");
  auto history = usecases::load_history(*program.store, program.plan);
  if (!history) return history.error();
  auto can_do = usecases::can_do_for(*program.store, program.plan);
  if (!can_do) return can_do.error();
  const auto judgements = tracking::judge_after_session(*history, session, *catalog, *can_do, clock.today());
  auto changes = tracking::to_changes(judgements, program.plan, clock.now(), clock.today());
  if (changes.empty()) {
    ctx.out << "Doses stay as they are for now; tomorrow morning run `kneecoach check-in`.\n";
    return changes;
  }
  auto saved = program.store->add_dose_changes(changes);
  if (!saved) return saved.error();
  print_judgements(judgements, false, ctx.out);
  return saved;
}

}  // namespace kc::cli
