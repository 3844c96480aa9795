// The server's front door: Host allow-list, same-origin checks, the session cookie, media
// types, security headers, and the random ids and install secret.
#include "adapters/http/guard.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "adapters/http/tokens.h"
#include "core/catalog/exercise_json.h"

namespace kc::http {
namespace {

const std::string kSecret(64, 'a');

struct Fixture {
  InstallSecretCheck check{kSecret};
  Guard guard{GuardConfig{8080, {"kneecoach.local"}, "kc"}, check};
};

Request request(const std::string& method, std::vector<std::pair<std::string, std::string>> headers) {
  Request r;
  r.method = method;
  r.path = "/api/v1/people";
  r.headers = std::move(headers);
  for (const auto& [n, v] : r.headers) {
    if (n == "content-type") r.content_type = v;
  }
  return r;
}

std::string code_of(const std::optional<Response>& r) {
  return r ? Json::parse(r->body)["error"]["code"].get<std::string>() : "";
}

TEST(Guard, AnswersOnlyTheNamesItServes) {
  Fixture f;
  for (const char* ok : {"127.0.0.1:8080", "localhost:8080", "[::1]:8080", "LOCALHOST:8080", "kneecoach.local:8080"}) {
    EXPECT_FALSE(f.guard.check_host(request("GET", {{"host", ok}}))) << ok;
  }
  for (const char* bad :
       {"attacker.example:8080", "127.0.0.1:9999", "localhost", "127.0.0.1.attacker.example:8080", ""}) {
    const auto refused = f.guard.check_host(request("GET", {{"host", bad}}));
    ASSERT_TRUE(refused) << bad;
    EXPECT_EQ(refused->status, 421);
    EXPECT_EQ(code_of(refused), "bad_host");
  }
  EXPECT_EQ(f.guard.check_host(request("GET", {}))->status, 421);
  EXPECT_EQ(f.guard.check_host(request("GET", {{"host", "localhost:8080"}, {"host", "evil:8080"}}))->status, 421);
}

TEST(Guard, WritesNeedTheAppsOriginTheCookieAndJson) {
  Fixture f;
  const std::pair<std::string, std::string> host{"host", "127.0.0.1:8080"};
  const std::pair<std::string, std::string> cookie{"cookie", "other=1; kc=" + kSecret};
  const std::pair<std::string, std::string> json{"content-type", "application/json"};
  EXPECT_FALSE(f.guard.check_api(request("POST", {host, cookie, json})));
  EXPECT_FALSE(f.guard.check_api(request("POST", {host, cookie, json, {"origin", "http://127.0.0.1:8080"}})));
  EXPECT_FALSE(f.guard.check_api(request("POST", {host, cookie, json, {"sec-fetch-site", "same-origin"}})));
  EXPECT_EQ(code_of(f.guard.check_api(request("POST", {host, cookie, json, {"origin", "https://evil.example"}}))),
            "cross_origin");
  EXPECT_EQ(code_of(f.guard.check_api(request("POST", {host, cookie, json, {"origin", "http://localhost:8080"}}))),
            "cross_origin");
  EXPECT_EQ(code_of(f.guard.check_api(request("POST", {host, cookie, json, {"origin", "null"}}))), "cross_origin");
  EXPECT_EQ(code_of(f.guard.check_api(request("POST", {host, cookie, json, {"sec-fetch-site", "same-site"}}))),
            "cross_origin");
  EXPECT_EQ(code_of(f.guard.check_api(request("POST", {host, cookie, json, {"sec-fetch-site", "none"}}))),
            "cross_origin");
  EXPECT_FALSE(f.guard.check_api(request("GET", {host, cookie, {"sec-fetch-site", "none"}})));
  EXPECT_EQ(code_of(f.guard.check_api(request("POST", {host, json}))), "no_credential");
  EXPECT_EQ(code_of(f.guard.check_api(request("POST", {host, json, {"cookie", "kc=" + std::string(64, 'b')}}))),
            "no_credential");
  EXPECT_EQ(code_of(f.guard.check_api(request("GET", {host, {"cookie", "kc=" + kSecret + "; kc=" + kSecret}}))),
            "no_credential");
  for (const char* type : {"text/plain; charset=application/json", "multipart/form-data; boundary=application/json",
                           "application/x-www-form-urlencoded", "application/jsonx", "", "application/json-seq"}) {
    const auto refused = f.guard.check_api(request("POST", {host, cookie, {"content-type", type}}));
    ASSERT_TRUE(refused) << type;
    EXPECT_EQ(refused->status, 415) << type;
  }
  EXPECT_FALSE(f.guard.check_api(request("POST", {host, cookie, {"content-type", "APPLICATION/JSON; charset=UTF-8"}})));
}

TEST(Guard, SocketsMustSendTheirOrigin) {
  Fixture f;
  const std::pair<std::string, std::string> host{"host", "localhost:8080"};
  const std::pair<std::string, std::string> cookie{"cookie", "kc=" + kSecret};
  EXPECT_FALSE(f.guard.check_socket(request("GET", {host, cookie, {"origin", "http://localhost:8080"}})));
  EXPECT_EQ(code_of(f.guard.check_socket(request("GET", {host, cookie}))), "cross_origin");
  EXPECT_EQ(code_of(f.guard.check_socket(request("GET", {host, cookie, {"origin", "http://evil.example"}}))),
            "cross_origin");
  EXPECT_EQ(code_of(f.guard.check_socket(request("GET", {host, {"origin", "http://localhost:8080"}}))),
            "no_credential");
}

TEST(Guard, MediaTypesAndCookiesAreParsedExactly) {
  EXPECT_TRUE(is_json_media_type("application/json"));
  EXPECT_TRUE(is_json_media_type(" Application/JSON ; charset=utf-8"));
  EXPECT_FALSE(is_json_media_type("text/plain; charset=application/json"));
  EXPECT_FALSE(is_json_media_type("application/json5"));
  EXPECT_EQ(cookie_value("a=1; b=2", "b"), "2");
  EXPECT_EQ(cookie_value("ab=1", "b"), std::nullopt);
  EXPECT_EQ(cookie_value("b=1; b=2", "b"), std::nullopt);
}

TEST(Guard, EveryReplyGetsTheSecurityHeaders) {
  Response html;
  html.content_type = "text/html; charset=utf-8";
  Guard::add_security_headers(html);
  std::map<std::string, std::string> h(html.headers.begin(), html.headers.end());
  EXPECT_NE(h["Content-Security-Policy"].find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_NE(h["Content-Security-Policy"].find("script-src 'self' 'wasm-unsafe-eval';"), std::string::npos);
  EXPECT_EQ(h["Content-Security-Policy"].find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(h["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(h["Referrer-Policy"], "no-referrer");
  EXPECT_EQ(h["Cache-Control"], "no-store");
  // A script's policy binds only a worker: the service worker may fetch our own origin, no more.
  Response script;
  script.content_type = "text/javascript; charset=utf-8";
  Guard::add_security_headers(script);
  std::map<std::string, std::string> s(script.headers.begin(), script.headers.end());
  EXPECT_NE(s["Content-Security-Policy"].find("connect-src 'self';"), std::string::npos);
  EXPECT_NE(s["Content-Security-Policy"].find("script-src 'self';"), std::string::npos);
  EXPECT_EQ(s["Content-Security-Policy"].find("unsafe"), std::string::npos);
  EXPECT_EQ(s["Content-Security-Policy"].find('*'), std::string::npos);
  Response asset;
  asset.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  Guard::add_security_headers(asset);
  EXPECT_EQ(std::count_if(asset.headers.begin(), asset.headers.end(),
                          [](const auto& f) { return f.first == "Cache-Control"; }),
            1);
}

TEST(Tokens, IdsAreRandom128BitHexAndOldIdsStayValid) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = new_person_id();
    EXPECT_EQ(id.size(), 32u);
    EXPECT_TRUE(is_api_person_id(id));
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
  EXPECT_TRUE(is_api_person_id("0123456789abcdef"));  // issued before the CSPRNG
  EXPECT_FALSE(is_api_person_id("me"));
  EXPECT_FALSE(is_api_person_id("0123456789ABCDEF"));
  EXPECT_FALSE(is_api_person_id(std::string(31, 'a')));
}

TEST(Tokens, TheInstallSecretIsMadeOnceWithOwnerOnlyAccess) {
  const auto dir = std::filesystem::temp_directory_path() / ("kc-secret-" + random_hex(8));
  std::filesystem::create_directories(dir);
  const auto first = load_or_create_install_secret(dir.string());
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->size(), 64u);
  EXPECT_EQ(*load_or_create_install_secret(dir.string()), *first);
  struct stat st {};
  ASSERT_EQ(stat((dir / "install-secret").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::ofstream(dir / "install-secret") << "short\n";
  EXPECT_FALSE(load_or_create_install_secret(dir.string()));
  EXPECT_TRUE(InstallSecretCheck(*first).valid(*first));
  EXPECT_FALSE(InstallSecretCheck(*first).valid(first->substr(1)));
  EXPECT_FALSE(InstallSecretCheck("").valid(""));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kc::http
