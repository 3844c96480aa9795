#include "adapters/platform/platform.h"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <thread>

#include "core/plan/civil_date.h"
#include "core/store/codec.h"

namespace kc::platform {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read once per command
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

std::unique_ptr<Clock> system_clock() { return std::make_unique<SystemClock>(); }

std::unique_ptr<Clock> clock_from_environment() {
  const std::string fake = env("KNEECOACH_FAKE_TIME");
  if (fake.empty()) return system_clock();
  if (auto t = store::parse_instant(fake)) return std::make_unique<ManualClock>(*t);
  if (fake.size() == 20 && fake.back() == 'Z') {  // without milliseconds
    if (auto t = store::parse_instant(fake.substr(0, 19) + ".000Z")) return std::make_unique<ManualClock>(*t);
  }
  if (auto d = parse_iso_date(fake)) return std::make_unique<ManualClock>(TimePoint{*d} + std::chrono::hours{8});
  return system_clock();
}

std::string resolve_data_dir(const std::string& data_dir) {
  if (!data_dir.empty()) return data_dir;
  if (auto home = env("KNEECOACH_HOME"); !home.empty()) return home;
  if (auto xdg = env("XDG_DATA_HOME"); !xdg.empty()) return (std::filesystem::path(xdg) / "kneecoach").string();
  const std::string home = env("HOME");
  return (std::filesystem::path(home.empty() ? "." : home) / ".local" / "share" / "kneecoach").string();
}

}  // namespace kc::platform
