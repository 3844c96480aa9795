// Camera logs: reading and checking the browser's summary, the stored text, tallies and words.
#include "core/tracking/camera_log.h"

#include <gtest/gtest.h>

#include "core/tracking/csv.h"
#include "core/tracking/tracking_test_support.h"

namespace kc::tracking {
namespace {

const std::vector<std::string> kKnown{"back-heel-lifted", "knee-past-toes", "trunk-leaning"};

Result<CameraLog> read(const std::string& text, const std::vector<std::string>* known = &kKnown) {
  return camera_log_from_json(Json::parse(text), "exercises[0].camera", known);
}

std::string error_of(const std::string& text, const std::vector<std::string>* known = &kKnown) {
  const auto r = read(text, known);
  return r ? std::string("(no error)") : r.error().message;
}

TEST(CameraLog, ReadsAndNormalisesEachRepsFaults) {
  const auto log =
      read(R"({"frames": 600, "reps": 3, "faults_per_rep": [["trunk-leaning", "knee-past-toes", "trunk-leaning"], [], )"
           R"(["knee-past-toes"]]})");
  ASSERT_TRUE(log) << log.error().message;
  EXPECT_EQ(log->reps, 3);
  EXPECT_EQ(log->frames, 600);
  const std::vector<std::vector<std::string>> want{{"knee-past-toes", "trunk-leaning"}, {}, {"knee-past-toes"}};
  EXPECT_EQ(log->faults_per_rep, want);
}

TEST(CameraLog, NoRepsIsFine) {
  const auto log = read(R"({"reps": 0, "faults_per_rep": [], "frames": 0})");
  ASSERT_TRUE(log) << log.error().message;
  EXPECT_EQ(tally(*log).reps_with_faults, 0);
}

TEST(CameraLog, AnUnknownFaultIsNamedWithItsPathAndTheKnownIds) {
  const auto message =
      error_of(R"({"reps": 3, "faults_per_rep": [[], [], ["knee-past-toes", "knee-in"]], "frames": 9})");
  EXPECT_EQ(message.rfind("exercises[0].camera.faults_per_rep[2][1]: \"knee-in\" is not a known form fault", 0), 0)
      << message;
  EXPECT_NE(message.find("back-heel-lifted, knee-past-toes, trunk-leaning"), std::string::npos) << message;
}

TEST(CameraLog, EveryProblemNamesItsField) {
  const std::pair<const char*, const char*> cases[] = {
      {R"([1])", "exercises[0].camera: is a list; expected an object"},
      {R"({"reps": 1, "faults_per_rep": [[]], "frames": 1, "fps": 30})",
       "exercises[0].camera.fps: unknown field; expected only reps, faults_per_rep, frames"},
      {R"({"faults_per_rep": [], "frames": 1})", "exercises[0].camera.reps: missing; expected a whole number"},
      {R"({"reps": "5", "faults_per_rep": [], "frames": 1})", "exercises[0].camera.reps: is a string; expected"},
      {R"({"reps": 1001, "faults_per_rep": [], "frames": 1})", "exercises[0].camera.reps: 1001 is out of range"},
      {R"({"reps": 1.5, "faults_per_rep": [], "frames": 1})", "exercises[0].camera.reps: is a number with a fraction"},
      {R"({"reps": 0, "faults_per_rep": [], "frames": -1})", "exercises[0].camera.frames: -1 is out of range"},
      {R"({"reps": 0, "faults_per_rep": [], "frames": 3000000000})",
       "exercises[0].camera.frames: 3000000000 is out of range"},
      {R"({"reps": 0, "faults_per_rep": []})", "exercises[0].camera.frames: missing;"},
      {R"({"reps": 0, "frames": 0})", "exercises[0].camera.faults_per_rep: missing;"},
      {R"({"reps": 1, "faults_per_rep": {}, "frames": 0})", "exercises[0].camera.faults_per_rep: is an object"},
      {R"({"reps": 2, "faults_per_rep": [[]], "frames": 0})",
       "exercises[0].camera.faults_per_rep: has 1 lists for 2 reps; expected one list of fault ids per rep (2)"},
      {R"({"reps": 1, "faults_per_rep": ["knee-past-toes"], "frames": 0})",
       "exercises[0].camera.faults_per_rep[0]: is a string; expected a list of fault ids"},
      {R"({"reps": 1, "faults_per_rep": [[3]], "frames": 0})",
       "exercises[0].camera.faults_per_rep[0][0]: is a whole number; expected one of the known form faults"},
  };
  for (const auto& [body, start] : cases) {
    const auto message = error_of(body);
    EXPECT_EQ(message.rfind(start, 0), 0) << body << "\n  gave: " << message;
  }
}

TEST(CameraLog, TooManyListsOrFaultsAreOutOfRange) {
  Json many = {{"reps", 1000}, {"frames", 1}, {"faults_per_rep", Json::array()}};
  for (int i = 0; i < 1001; ++i) many["faults_per_rep"].push_back(Json::array());
  EXPECT_EQ(error_of(many.dump()).rfind("exercises[0].camera.faults_per_rep: 1001 lists is out of range", 0), 0);
  Json crowded = {{"reps", 1}, {"frames", 1}, {"faults_per_rep", Json::array({Json::array()})}};
  for (int i = 0; i < 21; ++i) crowded["faults_per_rep"][0].push_back("knee-past-toes");
  EXPECT_EQ(error_of(crowded.dump()).rfind("exercises[0].camera.faults_per_rep[0]: 21 fault ids is out of range", 0),
            0);
}

TEST(CameraLog, WithoutAKnownListAnyNonEmptyIdIsTaken) {
  EXPECT_TRUE(read(R"({"reps": 1, "faults_per_rep": [["retired-fault"]], "frames": 5})", nullptr));
  EXPECT_NE(
      error_of(R"({"reps": 1, "faults_per_rep": [[""]], "frames": 5})", nullptr).find("is not a known form fault"),
      std::string::npos);
}

TEST(CameraText, RoundTripsInAFixedForm) {
  const auto log = read(R"({"frames": 600, "faults_per_rep": [["trunk-leaning", "knee-past-toes"], []], "reps": 2})");
  ASSERT_TRUE(log);
  const std::string text = camera_text(*log);
  EXPECT_EQ(text, R"({"reps":2,"faults_per_rep":[["knee-past-toes","trunk-leaning"],[]],"frames":600})");
  const auto back = parse_camera_text(text);
  ASSERT_TRUE(back && *back);
  EXPECT_EQ(camera_text(**back), text);
}

TEST(CameraText, EmptyIsNoCameraAndBadTextIsAnError) {
  const auto none = parse_camera_text("");
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
  const auto junk = parse_camera_text("{not json");
  ASSERT_FALSE(junk);
  EXPECT_EQ(junk.error().message.rfind("camera_json: is not valid JSON", 0), 0);
  const auto wrong = parse_camera_text(R"({"reps": 2, "faults_per_rep": [], "frames": 1})");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().message.rfind("camera_json.faults_per_rep: has 0 lists for 2 reps", 0), 0);
}

// Each problem carries its code and field as values, so the API never reads the message's words.
TEST(CameraLogJson, ProblemsAreCodedWithTheirField) {
  const std::vector<std::string> known{"knee-past-toes"};
  struct Case {
    const char* json;
    const char* code;
    const char* field;
  };
  const Case cases[] = {
      {R"([1])", errc::kWrongType, "camera"},
      {R"({"reps": 1, "faults_per_rep": [[]], "frames": 1, "x": 1})", errc::kUnknownField, "camera.x"},
      {R"({"faults_per_rep": [], "frames": 1})", errc::kMissing, "camera.reps"},
      {R"({"reps": "2", "faults_per_rep": [], "frames": 1})", errc::kWrongType, "camera.reps"},
      {R"({"reps": 5000, "faults_per_rep": [], "frames": 1})", errc::kOutOfRange, "camera.reps"},
      {R"({"reps": 2, "faults_per_rep": [[]], "frames": 1})", errc::kInvalid, "camera.faults_per_rep"},
      {R"({"reps": 1, "faults_per_rep": [["elbow"]], "frames": 1})", errc::kInvalid, "camera.faults_per_rep[0][0]"},
      {R"({"reps": 1, "faults_per_rep": [[3]], "frames": 1})", errc::kWrongType, "camera.faults_per_rep[0][0]"},
  };
  for (const auto& c : cases) {
    const auto log = camera_log_from_json(Json::parse(c.json), "camera", &known);
    ASSERT_FALSE(log) << c.json;
    EXPECT_EQ(log.error().code, c.code) << c.json;
    EXPECT_EQ(log.error().field, c.field) << c.json;
    EXPECT_EQ(log.error().message.rfind(std::string(c.field) + ": ", 0), 0) << log.error().message;
  }
}

CameraLog sample() {
  CameraLog log;
  log.reps = 5;
  log.frames = 600;
  log.faults_per_rep = {{"knee-past-toes"}, {}, {"knee-past-toes", "trunk-leaning"}, {}, {"back-heel-lifted"}};
  return log;
}

TEST(CameraTally, CountsFaultedRepsAndEachFaultMostFrequentFirst) {
  const auto t = tally(sample());
  EXPECT_EQ(t.reps, 5);
  EXPECT_EQ(t.reps_with_faults, 3);
  ASSERT_EQ(t.faults.size(), 3u);
  EXPECT_EQ(t.faults[0].fault, "knee-past-toes");
  EXPECT_EQ(t.faults[0].reps, 2);
  EXPECT_EQ(t.faults[1].fault, "back-heel-lifted");  // ties by id
  EXPECT_EQ(t.faults[2].fault, "trunk-leaning");
}

TEST(CameraSummaryJson, HasTheLogAndItsTallies) {
  const Json j = camera_summary_json(sample());
  EXPECT_EQ(j.dump(), R"({"reps":5,"faults_per_rep":[["knee-past-toes"],[],["knee-past-toes","trunk-leaning"],[],)"
                      R"(["back-heel-lifted"]],"frames":600,"reps_with_faults":3,)"
                      R"("faults":{"knee-past-toes":2,"back-heel-lifted":1,"trunk-leaning":1}})");
  EXPECT_EQ(camera_summary_json(CameraLog{}).at("faults"), Json::object());
}

TEST(CameraWords, LineForPeople) {
  EXPECT_EQ(fault_words("knee-past-toes"), "knee past toes");
  EXPECT_EQ(camera_line("Forward lunge", sample()),
            "Forward lunge: 5 reps by camera, 3 with a form fault "
            "(knee past toes ×2, back heel lifted ×1, trunk leaning ×1)");
  CameraLog clean;
  clean.reps = 1;
  clean.faults_per_rep = {{}};
  EXPECT_EQ(camera_line("Squat", clean), "Squat: 1 rep by camera, none with a form fault");
}

TEST(CameraCsv, ThreeFieldsOrEmpty) {
  EXPECT_EQ(camera_csv_fields(camera_text(sample())),
            (std::vector<std::string>{"5", "3", "knee-past-toes = 2; back-heel-lifted = 1; trunk-leaning = 1"}));
  EXPECT_EQ(camera_csv_fields(""), (std::vector<std::string>{"", "", ""}));
  EXPECT_EQ(camera_csv_fields("garbage"), (std::vector<std::string>{"", "", ""}));
}

TEST(CameraCsv, ExercisesCsvHasTheCameraColumns) {
  testing::Script s;
  s.session(0, 3);
  s.h.logs[0].camera_json = camera_text(sample());
  const auto files = export_csv(s.h);
  ASSERT_EQ(files[1].first, "exercises.csv");
  const std::string& text = files[1].second;
  EXPECT_NE(text.find(",finished_at,camera_reps,camera_faulted_reps,camera_faults\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find(",5,3,knee-past-toes = 2; back-heel-lifted = 1; trunk-leaning = 1\r\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("calf-stretch,done"), std::string::npos);
  EXPECT_NE(text.find(",,,\r\n"), std::string::npos) << text;  // no camera: three empty fields
}

TEST(CameraReport, LinesForTheLastSessionsWithCameraData) {
  testing::Script s(6);
  s.h.plan.id = 1;
  auto add_session = [&](store::Id id, int day, const std::vector<std::pair<int, std::string>>& cams) {
    store::SessionLog log;
    log.id = id;
    log.plan = 1;
    log.date = testing::day(day);
    log.session = "A";
    s.h.sessions.push_back(log);
    for (const auto& [position, text] : cams) {
      store::ExerciseLog x;
      x.session = id;
      x.position = position;
      x.exercise_id = position == 0 ? "squat" : "calf-stretch";
      x.camera_json = text;
      s.h.logs.push_back(x);
    }
  };
  const std::string cam = camera_text(sample());
  add_session(101, 0, {{1, ""}, {0, cam}});
  add_session(102, 2, {{0, ""}});                   // no camera: left out
  add_session(103, 4, {{1, cam}, {0, "{broken"}});  // unreadable: left out
  add_session(104, 7, {{0, cam}, {1, cam}});
  const Catalog catalog = testing::test_catalog();
  const auto all = camera_report(s.h, catalog, 10);
  const std::string squat = "    " + camera_line("squat", sample());
  const std::string calf = "    " + camera_line("calf-stretch", sample());
  const std::vector<std::string> want{
      "  2025-03-03, session A", squat, "  2025-03-07, session A", calf, "  2025-03-10, session A", squat, calf};
  EXPECT_EQ(all, want);
  const auto last = camera_report(s.h, catalog, 1);
  ASSERT_EQ(last.size(), 3u);
  EXPECT_EQ(last[0], "  2025-03-10, session A");
  EXPECT_TRUE(camera_report(testing::Script(6).h, catalog, 10).empty());
}

}  // namespace
}  // namespace kc::tracking
