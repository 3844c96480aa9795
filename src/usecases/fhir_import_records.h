// Inside the FHIR import (fhir_import.cpp): the bundle's entries sorted by what they hold, and
// the readers of the records they carry (fhir_import_records.cpp), each adding to Context.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/intake/answers.h"
#include "core/store/records.h"
#include "usecases/fhir_export.h"
#include "usecases/fhir_read.h"

namespace kc::usecases::fhir_import {

using fhir::Json;
using fhir::Reader;

// One entry of the bundle: where it is, and its resource.
struct Item {
  Reader at;
  const Json* resource;
  std::size_t index = 0;  // in Bundle.entry
};

// The entries sorted by what they hold.
struct Sorted {
  std::vector<Item> patients, intake, check_ins, psfs, grc, care_plans, sessions, exercise_logs, pains, chair_stands;
  std::map<std::string, store::Id> session_keys;  // Procedure fullUrl -> SessionLog::id key
};

// What the readers build: the answers they are read against, and the records.
struct Context {
  const FhirContent& content;
  Answers answers;
  store::PersonRecords records;
  std::vector<std::pair<std::size_t, store::Measurement>> measured;  // by entry index: the store's order
};

// Each reads its kind of entry of `s` into c.records (measurements into c.measured); the error
// names the entry and the field.
Status read_sessions(const Sorted& s, Context& c);
Status read_exercise_logs(const Sorted& s, Context& c);
Status read_observations(const Sorted& s, Context& c);
Status read_responses(const Sorted& s, Context& c);
Status read_check_ins(const Sorted& s, Context& c);

}  // namespace kc::usecases::fhir_import
