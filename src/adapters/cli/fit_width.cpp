#include "adapters/cli/fit_width.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <sstream>

#include "adapters/terminal/terminal.h"
#include "adapters/terminal/text_width.h"

namespace kc::cli {
namespace {

// The leading spaces and list marker of `line`: "    4. ", "  - ", or just the spaces.
std::size_t lead_of(const std::string& line) {
  std::size_t i = line.find_first_not_of(' ');
  if (i == std::string::npos) return 0;
  const std::size_t spaces = i;
  if (line.compare(i, 2, "- ") == 0) return i + 2;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
  if (i > spaces && line.compare(i, 2, ". ") == 0) return i + 2;
  return spaces;
}

constexpr char kKeep = '\x01';  // a space inside `a command`, which is never broken

std::string fit_line(const std::string& line, int width) {
  if (terminal::columns(line) <= width) return line + "\n";
  const std::size_t lead = lead_of(line);
  std::string text = line.substr(lead);
  bool quoted = false;
  for (char& c : text) {
    if (c == '`') quoted = !quoted;
    if (quoted && c == ' ') c = kKeep;
  }
  std::string out;
  for (const std::string& part : terminal::wrap_columns(text, width, line.substr(0, lead), false)) out += part + "\n";
  std::replace(out.begin(), out.end(), kKeep, ' ');
  return out;
}

}  // namespace

int output_width(const Context& ctx) {
  if (&ctx.out == &std::cout && terminal::is_terminal(STDOUT_FILENO)) {
    return std::max(20, terminal::width(STDOUT_FILENO));
  }
  return 80;
}

std::string fit_lines(const std::string& text, int width) {
  std::istringstream lines(text);
  std::string line;
  std::string out;
  while (std::getline(lines, line)) out += fit_line(line, width);
  if (!text.empty() && text.back() != '\n' && !out.empty()) out.pop_back();
  return out;
}

void fitted(Context& ctx, const std::function<void(Context&)>& command) {
  std::ostringstream collected;
  Context inner{ctx.in, collected, ctx.err, ctx.ports, ctx.content_dir, ctx.exit_code};
  command(inner);
  ctx.exit_code = inner.exit_code;
  ctx.out << fit_lines(collected.str(), output_width(ctx)) << std::flush;
}

}  // namespace kc::cli
