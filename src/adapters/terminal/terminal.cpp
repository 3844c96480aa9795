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
constexpr char kEnterFullScreen[] = "\x1b[?1049h\x1b[?25l";  // alternate screen, cursor hidden
constexpr char kLeaveFullScreen[] = "\x1b[?1049l\x1b[?25h";

// What a signal handler needs to put the terminal back and to report a resize or a resume. A
// handler can reach nothing but static data, so this is the one piece of file-level state;
// only RawMode and its handlers write it.
struct Saved {
  termios attrs{};  // as the terminal was
  termios raw{};    // raw mode, to put back after a stop
  int in_fd = -1;
  int out_fd = -1;
  bool full_screen = false;
  volatile std::sig_atomic_t active = 0;
  volatile std::sig_atomic_t resized = 0;
  volatile std::sig_atomic_t resumed = 0;
};
Saved& saved() {
  static Saved s;
  return s;
}

constexpr int kSignals[] = {SIGTERM, SIGHUP, SIGQUIT, SIGINT};

void say(int fd, const char* bytes, std::size_t n) { [[maybe_unused]] const auto written = write(fd, bytes, n); }

// Async-signal-safe: tcsetattr and write only.
void put_back() {
  Saved& s = saved();
  if (s.active == 0) return;
  s.active = 0;
  tcsetattr(s.in_fd, TCSAFLUSH, &s.attrs);
  if (s.full_screen) {
    say(s.out_fd, kLeaveFullScreen, sizeof kLeaveFullScreen - 1);
  } else {
    say(s.out_fd, kShowCursor, sizeof kShowCursor - 1);
  }
}

// Async-signal-safe: raw mode and the screen back after a stop.
void take_over() {
  Saved& s = saved();
  tcsetattr(s.in_fd, TCSAFLUSH, &s.raw);
  if (s.full_screen) {
    say(s.out_fd, kEnterFullScreen, sizeof kEnterFullScreen - 1);
  } else {
    say(s.out_fd, kHideCursor, sizeof kHideCursor - 1);
  }
  s.active = 1;
}

extern "C" void on_signal(int sig) {
  put_back();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

extern "C" void on_resize(int /*sig*/) { saved().resized = 1; }

void install(int sig, void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a wait for a key ends, so the screen is redrawn at once
  sigaction(sig, &action, nullptr);
}

// SIGTSTP: the terminal put back, then the default action (the program stops); when SIGCONT
// lets it go on, raw mode and the screen come back and the player redraws.
extern "C" void on_stop(int /*sig*/) {
  const int saved_errno = errno;
  const bool was_active = saved().active != 0;
  put_back();
  std::signal(SIGTSTP, SIG_DFL);
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTSTP);
  sigprocmask(SIG_UNBLOCK, &stop, nullptr);
  std::raise(SIGTSTP);  // stops here until SIGCONT
  install(SIGTSTP, on_stop);
  if (was_active) take_over();
  saved().resumed = 1;
  errno = saved_errno;
}

}  // namespace

bool is_terminal(int fd) { return isatty(fd) == 1; }

int width(int fd, int fallback) { return size(fd, Size{fallback, 24}).cols; }

Size size(int fd, Size fallback) {
  winsize ws{};
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return fallback;
  return Size{ws.ws_col > 0 ? ws.ws_col : fallback.cols, ws.ws_row > 0 ? ws.ws_row : fallback.rows};
}

Result<std::unique_ptr<RawMode>> RawMode::enable(int in_fd, int out_fd, bool full_screen) {
  Saved& s = saved();
  if (s.active != 0) return make_error("the terminal is already in raw mode");
  termios attrs{};
  if (tcgetattr(in_fd, &attrs) != 0)
    return make_error(fmt::format("cannot read the terminal's settings: {}", std::strerror(errno)));
  s.attrs = attrs;
  s.in_fd = in_fd;
  s.out_fd = out_fd;
  s.full_screen = full_screen;
  termios raw = attrs;
  raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG | IEXTEN);
  raw.c_iflag &= ~static_cast<tcflag_t>(IXON | ICRNL);
  raw.c_cc[VMIN] = 0;
  raw.c_cc[VTIME] = 0;
  s.raw = raw;
  if (tcsetattr(in_fd, TCSAFLUSH, &raw) != 0) {
    return make_error(fmt::format("cannot switch the terminal to raw mode: {}", std::strerror(errno)));
  }
  for (int sig : kSignals) std::signal(sig, on_signal);
  install(SIGWINCH, on_resize);
  install(SIGTSTP, on_stop);
  s.resized = 0;
  s.resumed = 0;
  s.active = 1;
  if (full_screen) {
    say(out_fd, kEnterFullScreen, sizeof kEnterFullScreen - 1);
  } else {
    say(out_fd, kHideCursor, sizeof kHideCursor - 1);
  }
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
  std::signal(SIGWINCH, SIG_DFL);
  std::signal(SIGTSTP, SIG_DFL);
}

void RawMode::suspend() {
  if (active_) std::raise(SIGTSTP);
}

Changes RawMode::take_changes() {
  Saved& s = saved();
  Changes c{s.resized != 0, s.resumed != 0};
  s.resized = 0;
  s.resumed = 0;
  return c;
}

std::optional<char> read_key(int fd, std::chrono::milliseconds timeout) {
  pollfd p{fd, POLLIN, 0};
  const int ms = static_cast<int>(std::max<long long>(0, std::min<long long>(timeout.count(), 60'000)));
  const int ready = poll(&p, 1, ms);
  if (ready < 0 && errno == EINTR) return std::nullopt;  // a resize or a resume: look again soon
  if (ready <= 0) return std::nullopt;
  char c = 0;
  if ((p.revents & POLLIN) == 0 || read(fd, &c, 1) != 1) {
    poll(nullptr, 0, ms);  // hung up or at end of input: wait out the timeout, do not spin
    return std::nullopt;
  }
  return c;
}

}  // namespace kc::terminal
