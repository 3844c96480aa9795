#include "adapters/terminal/terminal.h"

#include <fmt/format.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>

namespace kc::terminal {
namespace {

constexpr char kShowCursor[] = "\x1b[?25h";
constexpr char kHideCursor[] = "\x1b[?25l";

// What a signal handler needs to put the terminal back. A handler can reach nothing but
// static data, so this is the one piece of file-level state; only RawMode writes it.
struct Saved {
  termios attrs{};
  int in_fd = -1;
  int out_fd = -1;
  volatile std::sig_atomic_t active = 0;
};
Saved& saved() {
  static Saved s;
  return s;
}

constexpr int kSignals[] = {SIGTERM, SIGHUP, SIGQUIT, SIGINT};

void put_back() {
  Saved& s = saved();
  if (s.active == 0) return;
  s.active = 0;
  tcsetattr(s.in_fd, TCSAFLUSH, &s.attrs);
  [[maybe_unused]] const auto n = write(s.out_fd, kShowCursor, sizeof kShowCursor - 1);
}

extern "C" void on_signal(int sig) {
  put_back();  // async-signal-safe: tcsetattr and write only
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

}  // namespace

bool is_terminal(int fd) { return isatty(fd) == 1; }

int width(int fd, int fallback) {
  winsize ws{};
  if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return fallback;
}

Result<std::unique_ptr<RawMode>> RawMode::enable(int in_fd, int out_fd) {
  Saved& s = saved();
  if (s.active != 0) return make_error("the terminal is already in raw mode");
  termios attrs{};
  if (tcgetattr(in_fd, &attrs) != 0)
    return make_error(fmt::format("cannot read the terminal's settings: {}", std::strerror(errno)));
  s.attrs = attrs;
  s.in_fd = in_fd;
  s.out_fd = out_fd;
  termios raw = attrs;
  raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG | IEXTEN);
  raw.c_iflag &= ~static_cast<tcflag_t>(IXON | ICRNL);
  raw.c_cc[VMIN] = 0;
  raw.c_cc[VTIME] = 0;
  if (tcsetattr(in_fd, TCSAFLUSH, &raw) != 0) {
    return make_error(fmt::format("cannot switch the terminal to raw mode: {}", std::strerror(errno)));
  }
  s.active = 1;
  for (int sig : kSignals) std::signal(sig, on_signal);
  [[maybe_unused]] const auto n = write(out_fd, kHideCursor, sizeof kHideCursor - 1);
  std::unique_ptr<RawMode> mode(new RawMode());
  mode->active_ = true;
  return mode;
}

RawMode::~RawMode() { restore(); }

void RawMode::restore() {
  if (!active_) return;
  active_ = false;
  put_back();
  for (int sig : kSignals) std::signal(sig, SIG_DFL);
}

std::optional<char> read_key(int fd, std::chrono::milliseconds timeout) {
  pollfd p{fd, POLLIN, 0};
  const int ms = static_cast<int>(std::max<long long>(0, std::min<long long>(timeout.count(), 60'000)));
  if (poll(&p, 1, ms) <= 0) return std::nullopt;
  char c = 0;
  if ((p.revents & POLLIN) == 0 || read(fd, &c, 1) != 1) {
    poll(nullptr, 0, ms);  // hung up or at end of input: wait out the timeout, do not spin
    return std::nullopt;
  }
  return c;
}

}  // namespace kc::terminal
