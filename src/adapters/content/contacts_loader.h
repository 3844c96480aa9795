// Loads whom to call, by country: content/contacts/numbers.yaml (format: docs/contacts.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/common/result.h"

namespace kc::content {

// A number to dial ("1800 022 222": digits and single spaces) and what it is, in words.
struct PhoneNumber {
  std::string number;
  std::string label;
};

// One country's numbers: always an emergency number; an urgent-advice line where the country has
// one, else urgent_note says where to go for same-day help.
struct CountryContacts {
  std::string code;  // ISO 3166 alpha-2 ("GB"), or "other"
  std::string name;
  PhoneNumber emergency;
  std::optional<PhoneNumber> urgent;
  std::string urgent_note;
  std::vector<std::string> sources;
};

struct Contacts {
  std::string default_code;  // one of countries[].code
  std::vector<CountryContacts> countries;
  // The country with this code; nullptr when there is none.
  const CountryContacts* find(const std::string& code) const;
};

// Reads <content_root>/contacts/numbers.yaml. Every country has a unique code, a name, an
// emergency number and sources; the default is one of them. The error lists every
// "file:line: problem; expected ..." line.
Result<Contacts> load_contacts(const std::string& content_root);

}  // namespace kc::content
