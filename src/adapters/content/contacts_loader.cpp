#include "adapters/content/contacts_loader.h"

#include <filesystem>
#include <regex>
#include <set>

#include "adapters/content/yaml_reader.h"

namespace kc::content {
namespace {

std::optional<PhoneNumber> read_number(MapReader& parent, const std::string& key, bool required) {
  auto m = parent.map(key, required);
  if (!m) return std::nullopt;
  auto number = m->text("number", true);
  auto label = m->text("label", true);
  m->finish({"number", "label"});
  if (!number || !label) return std::nullopt;
  static const std::regex dialable("[0-9]+( [0-9]+)*");
  if (!std::regex_match(*number, dialable) || number->size() > 20) {
    m->error("number",
             "\"" + *number + "\" cannot be dialled; expected digits with single spaces, as \"1800 022 222\"");
    return std::nullopt;
  }
  return PhoneNumber{*number, *label};
}

std::optional<CountryContacts> read_country(MapReader& m, std::set<std::string>& seen) {
  CountryContacts c;
  auto code = m.text("code", true);
  auto name = m.text("name", true);
  auto emergency = read_number(m, "emergency", true);
  c.urgent = read_number(m, "urgent", false);
  auto note = m.text("urgent_note", false);
  auto sources = m.text_list("sources", true, 1);
  m.finish({"code", "name", "emergency", "urgent", "urgent_note", "sources"});
  if (code) {
    static const std::regex iso("[A-Z][A-Z]|other");
    if (!std::regex_match(*code, iso)) {
      m.error("code", "\"" + *code +
                          "\" is not a country code; expected two capital letters (ISO 3166, as \"GB\") or \"other\"");
    } else if (!seen.insert(*code).second) {
      m.error("code", "\"" + *code + "\" is listed twice; expected each country once");
    }
  }
  if (!c.urgent && !note)
    m.error("", "no urgent number and no urgent_note; expected one of them, to say where to get help today");
  if (!code || !name || !emergency || !sources) return std::nullopt;
  c.code = *code;
  c.name = *name;
  c.emergency = *emergency;
  c.urgent_note = note.value_or("");
  c.sources = *sources;
  return c;
}

}  // namespace

const CountryContacts* Contacts::find(const std::string& code) const {
  for (const auto& c : countries) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

Result<Contacts> load_contacts(const std::string& content_root) {
  const std::string file = (std::filesystem::path(content_root) / "contacts" / "numbers.yaml").string();
  Diagnostics diag;
  auto root = parse_yaml_file(file, diag);
  if (!root) return make_error(diag.str());
  MapReader top(*root, file, diag);
  Contacts out;
  auto def = top.text("default", true);
  auto list = top.map_list("countries", true);
  top.finish({"default", "countries"});
  std::set<std::string> seen;
  if (list) {
    for (auto& m : *list) {
      if (auto c = read_country(m, seen)) out.countries.push_back(std::move(*c));
    }
  }
  if (def && out.find(*def) == nullptr && diag.empty())
    top.error("default", "\"" + *def + "\" is not one of the countries listed; expected one of their codes");
  if (!diag.empty()) return make_error(diag.str());
  out.default_code = *def;
  return out;
}

}  // namespace kc::content
