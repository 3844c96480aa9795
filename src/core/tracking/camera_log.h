// What the camera coach saw of one exercise: the reps it counted and, per rep, the form faults it
// flagged (the `fault` ids of content/cues/*.yaml). The browser sends it with a session log
// (api/openapi.yaml, CameraLog); it is kept as JSON text in store::ExerciseLog::camera_json
// ("" when the camera was not used) and shown back as tallies and plain words. Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/catalog/exercise_json.h"
#include "core/common/result.h"
#include "core/tracking/judge.h"

namespace kc::tracking {

inline constexpr int kCameraMaxReps = 1000;        // reps and lists in faults_per_rep
inline constexpr int kCameraMaxFaultsPerRep = 20;  // fault ids in one rep's list

struct CameraLog {
  int reps = 0;
  std::vector<std::vector<std::string>> faults_per_rep;  // one list per rep; each sorted, no repeats
  int frames = 0;                                        // camera frames analysed
};

// Reads {"reps", "faults_per_rep", "frames"} (all three required, no other keys): reps 0..1000,
// faults_per_rep one list per rep of at most 20 fault ids, frames a whole number >= 0. Every
// id must be in `known_faults`; with nullptr any non-empty id is taken (stored logs, whose
// content may have changed since). Returns the log normalised: each rep's ids sorted, repeats
// dropped. On error, Error::field is the offending field's path (`path` itself, or `path` +
// ".reps", + ".faults_per_rep[2][0]", ...), the message starts with it and ": " and says what is
// wrong and what is expected, and Error::code is errc::kWrongType, kOutOfRange, kMissing,
// kUnknownField, or kInvalid for anything else.
Result<CameraLog> camera_log_from_json(const Json& value, const std::string& path,
                                       const std::vector<std::string>* known_faults);

// The normalised JSON text kept in ExerciseLog::camera_json: {"reps", "faults_per_rep", "frames"}
// in that order, no spaces. camera_log_from_json(parse(text)) gives `log` back.
std::string camera_text(const CameraLog& log);

// Reads ExerciseLog::camera_json: nullopt for "" (no camera); the log; or an error when the text
// is not JSON or not a camera log (message as camera_log_from_json, path "camera_json").
Result<std::optional<CameraLog>> parse_camera_text(const std::string& text);

// How many reps one fault was flagged in.
struct FaultCount {
  std::string fault;
  int reps = 0;
};

struct CameraTally {
  int reps = 0;
  int reps_with_faults = 0;
  std::vector<FaultCount> faults;  // the most frequent first, then by id
};

// The reps, the reps with at least one fault, and each fault's count of reps.
CameraTally tally(const CameraLog& log);

// The log as shown back by the API: {"reps", "faults_per_rep", "frames", "reps_with_faults",
// "faults": {fault id: reps, ...}} ("faults" in tally order).
Json camera_summary_json(const CameraLog& log);

// A fault id in words: "knee-past-toes" -> "knee past toes".
std::string fault_words(const std::string& fault);

// One line for people: "Forward lunge: 10 reps by camera, 2 with a form fault (knee past toes ×2)";
// "…, none with a form fault" when no rep had one; "1 rep by camera" for one.
std::string camera_line(const std::string& name, const CameraLog& log);

// The CSV columns camera_reps, camera_faulted_reps, camera_faults ("knee-past-toes = 2;
// trunk-leaning = 1", tally order) of an exercise log; three empty fields when its camera_json
// is "" or cannot be read.
std::vector<std::string> camera_csv_fields(const std::string& camera_json);

// The camera part of the progress report: for each of the last `last_sessions` sessions of the
// plan with camera data (oldest first) a heading line "  2025-03-03, session A" and a line per
// exercise seen by the camera, "    " + camera_line(catalog name, log), in position order.
// Logs whose camera_json cannot be read are left out. Empty when the camera was never used.
std::vector<std::string> camera_report(const History& h, const Catalog& catalog, std::size_t last_sessions);

}  // namespace kc::tracking
