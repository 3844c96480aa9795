// The HTTP adapter's pure parts: percent-decoding, queries, body checks and static paths.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "adapters/http/body_check.h"
#include "adapters/http/static_files.h"

namespace kc::http {
namespace {

Json parsed(const Response& r) { return Json::parse(r.body); }

TEST(Http, PercentDecodingRefusesBadAndNulEscapes) {
  std::string out;
  EXPECT_TRUE(percent_decode("a%2Fb%2e", out));
  EXPECT_EQ(out, "a/b.");
  EXPECT_FALSE(percent_decode("%2", out));
  EXPECT_FALSE(percent_decode("%zz", out));
  EXPECT_FALSE(percent_decode("%00", out));
  std::map<std::string, std::string> q;
  EXPECT_TRUE(parse_query("date=2025-03-03&tz=Europe%2FLondon&flag", q));
  EXPECT_EQ(q["tz"], "Europe/London");
  EXPECT_EQ(q.count("flag"), 1u);
}

TEST(Http, BodyCheckNamesTheFirstProblemAndListsAll) {
  BodyCheck check(R"({"a": "x", "b": 99, "c": 1})");
  ASSERT_TRUE(check.ok());
  check.object(check.doc(), "", {"a", "b"});
  check.integer(check.doc(), "", "a", 0, 10, true);
  check.integer(check.doc(), "", "b", 0, 10, true);
  const Json e = parsed(check.error())["error"];
  EXPECT_EQ(e["code"], "unknown_field");
  EXPECT_EQ(e["field"], "c");
  EXPECT_NE(e["message"].get<std::string>().find("b: 99 is out of range"), std::string::npos);
  BodyCheck bad("{\"a\": ");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(parsed(bad.error())["error"]["code"], "bad_json");
}

TEST(Http, AnswersErrorsKeepTheirField) {
  const Json e = parsed(answers_error("pain_now: 11 is out of range; expected 0 to 10", "answers."))["error"];
  EXPECT_EQ(e["code"], "out_of_range");
  EXPECT_EQ(e["field"], "answers.pain_now");
}

TEST(Http, StaticFilesStayInsideTheirFolder) {
  const auto root = std::filesystem::temp_directory_path() / "kc-http-static-test";
  std::filesystem::create_directories(root / "web" / "assets");
  std::ofstream(root / "web" / "index.html") << "<!doctype html>";
  std::ofstream(root / "web" / "assets" / "a.js") << "x";
  std::ofstream(root / "secret.txt") << "secret";
  const StaticFiles files((root / "web").string());
  auto get = [&](const std::string& path) { return files.serve(Request{"GET", path, {}, "", "", {}}); };
  EXPECT_EQ(get("/").status, 200);
  EXPECT_EQ(get("/assets/a.js").content_type, "text/javascript; charset=utf-8");
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/..%5csecret.txt",
                           "//secret.txt", "/%00"}) {
    const Response r = get(path);
    EXPECT_TRUE(r.status == 400 || r.status == 404) << path;
    EXPECT_EQ(r.body.find("secret\""), std::string::npos) << path;
    EXPECT_EQ(r.content_type, "application/json") << path;
  }
  EXPECT_EQ(files.serve(Request{"PUT", "/", {}, "", "", {}}).status, 405);
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace kc::http
