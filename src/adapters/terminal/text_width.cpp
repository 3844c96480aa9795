#include "adapters/terminal/text_width.h"

#include <algorithm>

namespace kc::terminal {
namespace {

// The bytes of the UTF-8 character starting at `i` (1 for a stray continuation byte).
std::size_t char_bytes(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
  return std::min(n, s.size() - i);
}

}  // namespace

std::string cut(std::string_view word, int width) {
  std::string out;
  int used = 0;
  for (std::size_t i = 0; i < word.size() && used + 1 < width; ++used) {
    const std::size_t n = char_bytes(word, i);
    out.append(word.substr(i, n));
    i += n;
  }
  return out + "…";
}

namespace {

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace

int columns(std::string_view text) {
  int n = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\x1b') {  // an escape sequence: ESC [ parameters final byte
      ++i;
      if (i < text.size() && text[i] == '[') {
        ++i;
        while (i < text.size() && (text[i] < 0x40 || text[i] > 0x7e)) ++i;
      }
      ++i;
      continue;
    }
    i += char_bytes(text, i);
    ++n;
  }
  return n;
}

std::vector<std::string> wrap_columns(std::string_view text, int width, std::string_view lead, bool cut_long_words) {
  const int w = std::max(width, columns(lead) + 2);
  const std::string indent(static_cast<std::size_t>(columns(lead)), ' ');
  std::vector<std::string> lines;
  std::string line(lead);
  bool empty = true;
  for (std::string word : words_of(text)) {
    const int room = w - static_cast<int>(indent.size());
    if (cut_long_words && columns(word) > room) word = cut(word, room);
    if (!empty && columns(line) + 1 + columns(word) > w) {
      lines.push_back(line);
      line = indent;
      empty = true;
    }
    if (!empty) line += ' ';
    line += word;
    empty = false;
  }
  lines.push_back(line);
  return lines;
}

}  // namespace kc::terminal
