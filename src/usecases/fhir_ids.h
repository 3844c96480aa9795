// Stable ids and small shared pieces of the FHIR bundle (usecases/fhir_export.h, fhir_import.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/common/clock.h"
#include "core/plan/civil_date.h"

namespace kc::usecases::fhir {

using Json = nlohmann::ordered_json;

// "urn:uuid:..." made from `seed` and `key` alone (an RFC 9562 version 8 UUID from two 64-bit
// FNV-1a hashes): the same records give the same ids in every export and every installation.
std::string uuid_for(std::string_view seed, std::string_view key);

// {"reference": full_url}.
Json reference(const std::string& full_url);

// The extension carrying the person's local calendar day of a record (kLocalDateExtension).
Json local_date(CivilDate date);

// A CodeableConcept of one coding, with `text` when not empty.
Json coded(const char* system, const std::string& code, const std::string& text);

// An instant as FHIR dateTime/instant text (store's form: UTC, milliseconds).
std::string instant_text(TimePoint t);

}  // namespace kc::usecases::fhir
