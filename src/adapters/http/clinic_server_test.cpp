#include "adapters/http/clinic_server.h"

#include <gtest/gtest.h>

namespace kc::http {
namespace {

TEST(ClinicServer, ListensWithoutTlsOnLoopbackOnly) {
  for (const char* host : {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"})
    EXPECT_TRUE(is_loopback(host)) << host;
  for (const char* host :
       {"0.0.0.0", "::", "192.168.1.5", "10.0.0.1", "example.org", "", "localhost.evil.example", "127.0.0.1.nip.io"}) {
    EXPECT_FALSE(is_loopback(host)) << host;
  }
}

Request forwarded(std::vector<std::string> values) {
  Request r;
  for (auto& v : values) r.headers.emplace_back("x-forwarded-for", std::move(v));
  return r;
}

TEST(ClinicServer, BelievesXForwardedForOnlyFromTheTrustedProxy) {
  EXPECT_EQ(client_address("203.0.113.9", forwarded({"198.51.100.1"}), ""), "203.0.113.9");
  EXPECT_EQ(client_address("203.0.113.9", forwarded({"198.51.100.1"}), "127.0.0.1"), "203.0.113.9");
  // From the proxy: the address it appended (the last), not what the client claimed before it.
  EXPECT_EQ(client_address("127.0.0.1", forwarded({"10.9.9.9, 198.51.100.1"}), "127.0.0.1"), "198.51.100.1");
  EXPECT_EQ(client_address("127.0.0.1", forwarded({"10.9.9.9", "198.51.100.2"}), "127.0.0.1"), "198.51.100.2");
  EXPECT_EQ(client_address("127.0.0.1", forwarded({}), "127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", forwarded({"not an address"}), "127.0.0.1"), "127.0.0.1");
}

}  // namespace
}  // namespace kc::http
