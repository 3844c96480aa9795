// The clinic use cases' test fixture: an in-memory ClinicStore, a real SQLite store::Store in a
// temporary folder, a manual clock, fake hashing and tokens, the real TOTP (liboath) and secret
// box (libsodium), and helpers that make an admin, clinicians and invited patients.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "usecases/clinic/accounts.h"
#include "usecases/clinic/clinic.h"
#include "usecases/clinic/invites.h"
#include "usecases/clinic/sign_in.h"
#include "usecases/clinic/testing/fakes.h"
#include "usecases/clinic/testing/memory_clinic_store.h"

namespace kc::clinic::testing {

// Defined in clinic_fixture_test.cpp (tests may reach the adapters; this header may not):
// the SQLite store at `path`, and liboath's TOTP.
std::unique_ptr<store::Store> open_records(const std::string& path);
std::unique_ptr<usecases::clinic::Totp> real_totp();
// libsodium's SecretBox under a random key.
std::unique_ptr<usecases::clinic::SecretBox> real_secret_box();

// A new temporary folder, removed with its contents when destroyed.
class TempFolder {
 public:
  TempFolder() {
    char tmpl[] = "/tmp/kc_clinic_test_XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  TempFolder(TempFolder&&) = delete;
  TempFolder& operator=(TempFolder&&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline const TimePoint kStart = TimePoint{std::chrono::seconds{1'800'000'000}};  // 2027-01-15
inline const std::string kPassword = "correct horse battery";

class ClinicTest : public ::testing::Test {
 protected:
  using Caller = usecases::clinic::Caller;

  ClinicTest()
      : records_(open_records(folder_.path() + "/kneecoach.db")),
        totp_(real_totp()),
        secrets_(real_secret_box()),
        clinic_(std::make_unique<usecases::clinic::Clinic>(
            usecases::clinic::Clinic{store_, *records_, clock_, hasher_, tokens_, *totp_, *secrets_, {}})) {
    store_.read_records_from(records_.get());
  }

  usecases::clinic::Clinic& clinic() { return *clinic_; }

  // A signed-in caller from `address`.
  static Caller as(const Actor& actor, const std::string& address = "10.0.0.9") { return Caller{actor, address}; }

  // A new active account of `role` (admins and clinicians), as an Actor.
  Actor add_staff(const std::string& username, Role role) {
    Account a;
    a.username = username;
    a.role = role;
    a.password_hash = *hasher_.hash(kPassword);
    a.created_at = clock_.now();
    auto stored = store_.create_account(a);
    EXPECT_TRUE(stored.ok());
    return Actor{stored->id, role, std::nullopt, username};
  }

  // A patient invited by `clinician` who accepted (password kPassword), as an Actor.
  Actor add_patient(const Actor& clinician, const std::string& username) {
    auto invite = usecases::clinic::invite_patient(clinic(), as(clinician), username);
    EXPECT_TRUE(invite.ok()) << (invite.ok() ? "" : invite.error().message);
    store_.name_person(invite->person.id, invite->person.name);
    auto accepted = usecases::clinic::accept_invite(
        clinic(), usecases::clinic::AcceptInvite{invite->link_token, "", "", kPassword, "10.0.0.7"});
    EXPECT_TRUE(accepted.ok()) << (accepted.ok() ? "" : accepted.error().message);
    return accepted->actor;
  }

  // The usual cast: an admin, two clinicians, and a patient on each one's caseload.
  void add_cast() {
    admin = add_staff("admin", Role::kAdmin);
    ana = add_staff("dr.ana", Role::kClinician);
    ben = add_staff("dr.ben", Role::kClinician);
    pat = add_patient(ana, "pat@example.org");
    quinn = add_patient(ben, "quinn@example.org");
  }

  std::size_t audit_count() const { return store_.audit_rows().size(); }
  AuditEntry last_audit() const { return store_.audit_rows().back(); }

  TempFolder folder_;
  MemoryClinicStore store_;
  std::unique_ptr<store::Store> records_;
  ManualClock clock_{kStart};
  FakeHasher hasher_;
  FakeTokens tokens_;
  std::unique_ptr<usecases::clinic::Totp> totp_;
  std::unique_ptr<usecases::clinic::SecretBox> secrets_;
  std::unique_ptr<usecases::clinic::Clinic> clinic_;
  Actor admin, ana, ben, pat, quinn;  // add_cast
};

}  // namespace kc::clinic::testing
