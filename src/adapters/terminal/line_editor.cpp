#include "adapters/terminal/line_editor.h"

#include <histedit.h>
#include <langinfo.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <cstring>
#include <cwchar>
#include <deque>

namespace kc::terminal {

struct LineEditor::State {
  EditLine* el = nullptr;
  History* history = nullptr;
  int in_fd = -1;
  std::string prompt;
  std::deque<wchar_t> ahead;  // keys decoded and not yet handed to libedit
  ~State() {
    if (el != nullptr) el_end(el);
    if (history != nullptr) history_end(history);
  }
};

namespace {

constexpr char kEsc = '\x1b';
constexpr int kSequenceWaitMs = 50;  // the bytes of one escape sequence arrive together

// One byte from `fd`, waiting at most `wait_ms` (-1: for ever); nullopt at the end of input
// or when nothing came in time. A signal (a resize) does not end the wait.
std::optional<unsigned char> read_byte(int fd, int wait_ms) {
  while (true) {
    pollfd p{fd, POLLIN, 0};
    const int ready = poll(&p, 1, wait_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return std::nullopt;
    unsigned char c = 0;
    const ssize_t n = read(fd, &c, 1);
    if (n == 1) return c;
    if (n < 0 && errno == EINTR) continue;
    return std::nullopt;
  }
}

void push(std::deque<wchar_t>& ahead, std::string_view keys) {
  for (char c : keys) ahead.push_back(static_cast<wchar_t>(static_cast<unsigned char>(c)));
}

// After ESC '[': reads the rest of a control sequence and queues the editing keys libedit
// binds (arrows, Home, End, Delete); anything else (a terminal's reply: a cursor position, its
// attributes, a focus event ...) is dropped.
void read_csi(int fd, std::deque<wchar_t>& ahead) {
  std::string params;
  while (true) {
    const auto c = read_byte(fd, kSequenceWaitMs);
    if (!c) return;
    if (*c >= 0x40 && *c <= 0x7e) {
      const std::string first = params.substr(0, params.find(';'));
      if (std::strchr("ABCD", *c) != nullptr && (params.empty() || first == "1")) {
        push(ahead, std::string("\x1b[") + static_cast<char>(*c));  // arrows, with or without modifiers
      } else if ((*c == 'H' || *c == 'F') && (params.empty() || first == "1")) {
        push(ahead, *c == 'H' ? "\x01" : "\x05");  // Home, End: Ctrl-A, Ctrl-E
      } else if (*c == '~' && (first == "1" || first == "7")) {
        push(ahead, "\x01");
      } else if (*c == '~' && (first == "4" || first == "8")) {
        push(ahead, "\x05");
      } else if (*c == '~' && first == "3") {
        push(ahead, "\x1b[3~");  // Delete
      }
      return;
    }
    if (*c < 0x20 || params.size() > 32) return;  // not a sequence after all: drop what was read
    params += static_cast<char>(*c);
  }
}

// After ESC ']' or ESC 'P' (a terminal's reply to a query): dropped up to BEL or ESC '\'.
void skip_string(int fd) {
  bool escaped = false;
  for (int i = 0; i < 4096; ++i) {
    const auto c = read_byte(fd, kSequenceWaitMs);
    if (!c || *c == '\a' || (escaped && *c == '\\')) return;
    escaped = *c == kEsc;
  }
}

void read_escape(int fd, std::deque<wchar_t>& ahead) {
  const auto c = read_byte(fd, kSequenceWaitMs);
  if (!c) return;  // Esc alone: nothing
  if (*c == '[') return read_csi(fd, ahead);
  if (*c == ']' || *c == 'P' || *c == '_' || *c == '^') return skip_string(fd);
  if (*c == 'O') {  // SS3: arrows and Home/End in the terminal's application mode
    const auto k = read_byte(fd, kSequenceWaitMs);
    if (k && std::strchr("ABCD", *k) != nullptr) push(ahead, std::string("\x1b[") + static_cast<char>(*k));
    if (k && (*k == 'H' || *k == 'F')) push(ahead, *k == 'H' ? "\x01" : "\x05");
    return;
  }
  if (*c == 'b' || *c == 'f' || *c == 0x7f || *c == 'd') {  // Alt-b, Alt-f, Alt-Backspace, Alt-d: by words
    ahead.push_back(static_cast<wchar_t>(kEsc));
    ahead.push_back(static_cast<wchar_t>(*c));
  }
}

// The character starting with `lead` (UTF-8), or nullopt for a malformed one (dropped).
std::optional<wchar_t> read_utf8(int fd, unsigned char lead) {
  int more = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : -1;
  if (more < 0 || lead >= 0xf8) return std::nullopt;
  auto code = static_cast<wchar_t>(lead & (0x3f >> more));
  for (; more > 0; --more) {
    const auto c = read_byte(fd, kSequenceWaitMs);
    if (!c || (*c & 0xc0) != 0x80) return std::nullopt;
    code = static_cast<wchar_t>((code << 6) | (*c & 0x3f));
  }
  return code;
}

// libedit's reader: one key as a wide character; 1 when read, 0 at the end of input.
extern "C" int next_key(EditLine* el, wchar_t* out) {
  void* data = nullptr;
  el_get(el, EL_CLIENTDATA, &data);
  auto& s = *static_cast<LineEditor::State*>(data);
  while (s.ahead.empty()) {
    const auto c = read_byte(s.in_fd, -1);
    if (!c) return 0;
    if (*c == kEsc) {
      read_escape(s.in_fd, s.ahead);
    } else if (*c < 0x80) {
      s.ahead.push_back(static_cast<wchar_t>(*c));
    } else if (auto w = read_utf8(s.in_fd, *c)) {
      s.ahead.push_back(*w);
    }
  }
  *out = s.ahead.front();
  s.ahead.pop_front();
  return 1;
}

extern "C" char* prompt_of(EditLine* el) {
  void* data = nullptr;
  el_get(el, EL_CLIENTDATA, &data);
  return static_cast<LineEditor::State*>(data)->prompt.data();
}

// libedit reads and draws characters by the locale's character set: UTF-8, as everything
// kneecoach prints.
void use_utf8() {
  std::setlocale(LC_CTYPE, "");
  if (std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0) std::setlocale(LC_CTYPE, "C.UTF-8");
}

}  // namespace

std::string without_controls(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c == static_cast<unsigned char>(kEsc)) {
      if (i + 1 < line.size() && (line[i + 1] == '[' || line[i + 1] == 'O')) {
        ++i;
        while (i + 1 < line.size() && (line[i + 1] < 0x40 || line[i + 1] > 0x7e)) ++i;
      }
      ++i;  // the sequence's final byte (or the one after a lone ESC)
      continue;
    }
    if (c < 0x20 || c == 0x7f) continue;
    out += static_cast<char>(c);
  }
  return out;
}

LineEditor::LineEditor(std::unique_ptr<State> state) : state_(std::move(state)) {}

LineEditor::~LineEditor() = default;

Result<std::unique_ptr<LineEditor>> LineEditor::open(std::FILE* in, std::FILE* out) {
  use_utf8();
  auto state = std::make_unique<State>();
  state->in_fd = fileno(in);
  state->el = el_init("kneecoach", in, out, out);
  if (state->el == nullptr) return make_error("cannot start line editing on this terminal");
  state->history = history_init();
  if (state->history == nullptr) return make_error("cannot start line editing on this terminal");
  HistEvent event{};
  history(state->history, &event, H_SETSIZE, 100);
  el_set(state->el, EL_CLIENTDATA, state.get());
  el_set(state->el, EL_EDITOR, "emacs");
  el_set(state->el, EL_SIGNAL, 1);  // a resize redraws the line; Ctrl-Z puts the terminal back first
  el_set(state->el, EL_HIST, history, state->history);
  el_set(state->el, EL_PROMPT, prompt_of);
  el_set(state->el, EL_GETCFN, next_key);
  return std::unique_ptr<LineEditor>(new LineEditor(std::move(state)));
}

std::optional<std::string> LineEditor::read(const std::string& prompt, const std::string& start) {
  State& s = *state_;
  s.prompt = prompt;
  el_reset(s.el);
  if (!start.empty()) el_push(s.el, without_controls(start).c_str());
  int count = 0;
  const char* line = el_gets(s.el, &count);
  if (line == nullptr || count <= 0) return std::nullopt;
  std::string text = without_controls(line);
  if (!text.empty()) {
    HistEvent event{};
    history(s.history, &event, H_ENTER, text.c_str());
  }
  return text;
}

}  // namespace kc::terminal
