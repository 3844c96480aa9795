// The FHIR R4 names kneecoach writes and reads: every code system, identifier system and
// canonical URL, each described with its source in docs/fhir.md. Nothing is coded inline elsewhere.
#pragma once

namespace kc::usecases::fhir {

// Standard code systems.
inline constexpr const char* kLoinc = "http://loinc.org";
inline constexpr const char* kSnomed = "http://snomed.info/sct";
inline constexpr const char* kUcum = "http://unitsofmeasure.org";
inline constexpr const char* kConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
inline constexpr const char* kObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

inline constexpr const char* kLoincPainSeverity = "72514-3";  // Pain severity - 0-10 verbal numeric rating
inline constexpr const char* kLoincAge = "30525-0";           // Age
inline constexpr const char* kSnomedKneePain = "30989003";    // Knee pain (finding)

// The project's own systems (docs/fhir.md, "Project code systems").
inline constexpr const char* kBase = "https://kneecoach.org/fhir";
inline constexpr const char* kCodes = "https://kneecoach.org/fhir/CodeSystem/kneecoach";         // record kinds
inline constexpr const char* kMeasureCodes = "https://kneecoach.org/fhir/CodeSystem/measure";    // content/measures ids
inline constexpr const char* kExerciseCodes = "https://kneecoach.org/fhir/CodeSystem/exercise";  // catalog ids
inline constexpr const char* kTriageLevels = "https://kneecoach.org/fhir/CodeSystem/triage-level";
inline constexpr const char* kTriageRules = "https://kneecoach.org/fhir/CodeSystem/triage-rule";    // rules.yaml ids
inline constexpr const char* kIntakeValues = "https://kneecoach.org/fhir/CodeSystem/intake-value";  // intake.md
inline constexpr const char* kBundleIds = "https://kneecoach.org/fhir/sid/bundle";
inline constexpr const char* kPersonIds = "https://kneecoach.org/fhir/sid/person";
inline constexpr const char* kExerciseIds = "https://kneecoach.org/fhir/sid/exercise";
inline constexpr const char* kActivityDefinitions = "https://kneecoach.org/fhir/ActivityDefinition/";
inline constexpr const char* kDoseExtension = "https://kneecoach.org/fhir/StructureDefinition/dose";
inline constexpr const char* kLocalDateExtension = "https://kneecoach.org/fhir/StructureDefinition/local-date";

// Codes of kCodes.
inline constexpr const char* kSessionCode = "guided-session";    // a sitting of a planned session
inline constexpr const char* kExerciseLogCode = "exercise-log";  // what was done of one exercise
inline constexpr const char* kTriageCode = "triage";             // a red-flag screening
inline constexpr const char* kSetsDone = "sets-done";
inline constexpr const char* kRepsDone = "reps-done";
inline constexpr const char* kHoldsDone = "holds-done";
inline constexpr const char* kSecondsSpent = "seconds-spent";
inline constexpr const char* kPosition = "position";
inline constexpr const char* kPlannedDose = "planned-dose";
inline constexpr const char* kOutcome = "outcome";
inline constexpr const char* kFeedback = "feedback";               // what the person said of an exercise (too-easy ...)
inline constexpr const char* kClearanceCode = "seen-and-cleared";  // a clinician's clearance (ClinicalImpression)
inline constexpr const char* kProgramChangeCode = "program-change";  // a clinician's change to the program

// The Questionnaires we publish (content/fhir/questionnaires/<name>.json).
inline constexpr const char* kQuestionnaires = "https://kneecoach.org/fhir/Questionnaire/";
inline constexpr const char* kQuestionnaireVersion = "1";
inline constexpr const char* kIntakeQuestionnaire = "intake";
inline constexpr const char* kCheckInQuestionnaire = "check-in";
inline constexpr const char* kPsfsQuestionnaire = "psfs";
inline constexpr const char* kGrcQuestionnaire = "grc";

}  // namespace kc::usecases::fhir
