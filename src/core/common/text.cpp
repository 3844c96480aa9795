#include "core/common/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <numeric>
#include <sstream>

namespace kc {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> closest_matches(std::string_view word, const std::vector<std::string>& candidates,
                                         std::size_t limit) {
  struct Scored {
    std::size_t distance;
    std::size_t order;
    const std::string* name;
  };
  const std::size_t threshold = std::max<std::size_t>(2, word.size() / 2);
  std::vector<Scored> scored;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string& c = candidates[i];
    std::size_t d = edit_distance(word, c);
    // A prefix ("calf" for "calf-stretch"), or a long enough shared piece, counts as close.
    const bool prefix = word.size() >= 3 && (c.rfind(word, 0) == 0 || word.rfind(c, 0) == 0);
    const bool shared =
        word.size() >= 5 && (c.find(word) != std::string::npos || word.find(c) != std::string_view::npos);
    if (prefix || shared) d = std::min<std::size_t>(d, 1);
    if (d <= threshold) scored.push_back({d, i, &c});
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& x, const Scored& y) { return x.distance < y.distance; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) out.push_back(*scored[i].name);
  return out;
}

std::string printable(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    } else if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      const auto next = static_cast<unsigned char>(text[++i]);
      out += "\\u00";
      out += kHex[next >> 4];
      out += kHex[next & 0xf];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

std::string join_or(const std::vector<std::string>& items) {
  if (items.empty()) return "";
  if (items.size() == 1) return items[0];
  std::vector<std::string> head(items.begin(), items.end() - 1);
  return join(head) + " or " + items.back();
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
  std::istringstream words{std::string(text)};
  std::string word;
  std::string out;
  std::string line(indent);
  bool line_empty = true;
  while (words >> word) {
    if (!line_empty && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line = std::string(indent);
      line_empty = true;
    }
    if (!line_empty) line += ' ';
    line += word;
    line_empty = false;
  }
  if (!line_empty) out += line + "\n";
  return out;
}

std::string wrap_hanging(std::string_view marker, std::string_view text, std::size_t width) {
  const std::string indent(marker.size(), ' ');
  const std::string wrapped = wrap(text, width, indent);
  return std::string(marker) + (wrapped.size() >= indent.size() ? wrapped.substr(indent.size()) : "\n");
}

namespace {
constexpr std::string_view kMinus = "\u2212";
}  // namespace

std::string signed_number(int value) {
  if (value > 0) return fmt::format("+{}", value);
  if (value < 0) return fmt::format("{}{}", kMinus, -static_cast<long long>(value));
  return "0";
}

std::string range_text(int min, int max) {
  if (min < 0) return fmt::format("{} to {}", signed_number(min), signed_number(max));
  return fmt::format("{}-{}", min, max);
}

std::optional<int> parse_signed(std::string_view typed) {
  std::string t(typed);
  const auto first = t.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return std::nullopt;
  t = t.substr(first, t.find_last_not_of(" \t\r\n") - first + 1);
  // One sign at most (+, - or the minus sign), then digits only.
  int sign = 1;
  if (t.rfind(kMinus, 0) == 0) {
    sign = -1;
    t = t.substr(kMinus.size());
  } else if (t[0] == '+' || t[0] == '-') {
    sign = t[0] == '-' ? -1 : 1;
    t = t.substr(1);
  }
  if (t.empty() || t[0] < '0' || t[0] > '9') return std::nullopt;
  int value = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (ec != std::errc() || end != t.data() + t.size()) return std::nullopt;
  return sign * value;
}

}  // namespace kc
