// FHIR R4 import: a Bundle written by `export fhir` (here or in another kneecoach installation)
// read back into a new person, in one transaction. Every resource is checked first; a bundle
// that is not ours, is malformed or holds a resource we do not read is refused with an error
// naming the entry (index and type) and the field, and nothing is stored.
#pragma once

#include <string>

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/store/store.h"
#include "usecases/fhir_export.h"

namespace kc::usecases {

// A bundle read: the records to store, and the person's name the bundle gives.
struct ReadBundle {
  std::string name;  // the Patient's kneecoach identifier
  store::PersonRecords records;
  int resources = 0;  // entries read
};

// Checks `bundle` and turns it into records (pure). The intake answers are checked as
// `kneecoach triage` checks them and the program is planned again from them with the content,
// so it must give the bundle's program. Errors: errc::kInvalid, kMissing, kWrongType (field
// "entry[i].resource.<path>", message "entry[i] (Type).path: what; expected ..."), kContent when
// the program the bundle holds is not the one these answers give with this content.
Result<ReadBundle> read_bundle(const fhir::Json& bundle, const FhirContent& content);

struct ImportOutcome {
  store::Person person;
  int resources = 0;
  int sessions = 0;
  int measurements = 0;
  int check_ins = 0;
};

// Parses `text` (errc::kInvalid when it is not JSON), read_bundle, then stores the records for a
// new person named `name` (the bundle's name when empty) at clock.now(), in one transaction.
// errc::kConflict (field "name") when that name is taken; errc::kFailed when the store fails.
Result<ImportOutcome> import_fhir(store::Store& store, const Clock& clock, const FhirContent& content,
                                  const std::string& text, const std::string& name);

}  // namespace kc::usecases
