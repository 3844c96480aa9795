#include "core/session/input.h"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cmath>

namespace kc::session {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "30s", "1.5s", "200ms", "2m" -> a duration; nullopt when it is not one.
std::optional<Millis> parse_wait(const std::string& item) {
  double factor = 0;
  std::string_view number = item;
  if (item.size() > 2 && item.ends_with("ms")) {
    factor = 1;
    number.remove_suffix(2);
  } else if (item.size() > 1 && item.back() == 's') {
    factor = 1000;
    number.remove_suffix(1);
  } else if (item.size() > 1 && item.back() == 'm') {
    factor = 60'000;
    number.remove_suffix(1);
  } else {
    return std::nullopt;
  }
  double value = 0;
  const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (ec != std::errc{} || ptr != number.data() + number.size() || !(value >= 0) || value > 86'400) {
    return std::nullopt;
  }
  return Millis{static_cast<Millis::rep>(std::llround(value * factor))};
}

}  // namespace

std::optional<Key> key_for_char(char c) {
  switch (std::tolower(static_cast<unsigned char>(c))) {
    case ' ':
    case 'p':
      return Key::kPause;
    case 'n':
      return Key::kNext;
    case 'b':
      return Key::kBack;
    case 'q':
      return Key::kQuit;
    default:
      return std::nullopt;
  }
}

Result<std::vector<ScriptItem>> parse_key_script(std::string_view script) {
  std::vector<ScriptItem> items;
  std::string item;
  auto flush = [&]() -> Status {
    if (item.empty()) return Ok{};
    const std::string word = lower(item);
    item.clear();
    if (word == "space" || word == "pause") {
      items.emplace_back(Key::kPause);
    } else if (word.size() == 1 && key_for_char(word[0]) && word[0] != ' ') {
      items.emplace_back(*key_for_char(word[0]));
    } else if (auto wait = parse_wait(word)) {
      items.emplace_back(Wait{*wait});
    } else {
      return make_error(
          fmt::format("key script: '{}' is not a key or a wait; expected n, b, q, p (or space), "
                      "or a wait such as 30s, 1.5s, 200ms or 2m",
                      word));
    }
    return Ok{};
  };
  for (char c : script) {
    if (c == ' ' || c == ',' || c == '\t' || c == '\n') {
      if (auto st = flush(); !st) return st.error();
    } else {
      item += c;
    }
  }
  if (auto st = flush(); !st) return st.error();
  return items;
}

Result<int> parse_pain_rating(std::string_view text) {
  const std::string_view t = trim(text);
  int value = -1;
  const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (t.empty() || ec != std::errc{} || ptr != t.data() + t.size() || value < 0 || value > 10) {
    const std::string shown = t.empty() ? "nothing" : fmt::format("'{}'", t);
    return make_error(
        fmt::format("{} is not a pain rating; type a whole number from 0 (no pain) to 10 "
                    "(worst pain imaginable)",
                    shown));
  }
  return value;
}

}  // namespace kc::session
