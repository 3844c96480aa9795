// common/: what every part shares: Result and coded errors, the clock seam, text and pain bands.
// Result<T>: a value or an error, returned across module edges instead of throwing.
// (g++ 12 has no std::expected under -std=c++20.)
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace kc {

// Stable error codes: chosen where the error is made, read by adapters to pick an exit
// status or an HTTP status. Never derive a code from a message's words.
namespace errc {
inline constexpr const char* kFailed = "failed";                     // storage or I/O failed (a 500, exit 1)
inline constexpr const char* kInvalid = "invalid";                   // a value breaks its format or range
inline constexpr const char* kMissing = "missing_field";             // a required value is absent
inline constexpr const char* kWrongType = "wrong_type";              // a value of the wrong JSON type
inline constexpr const char* kOutOfRange = "out_of_range";           // a number or count outside its range
inline constexpr const char* kUnknownField = "unknown_field";        // a field that is not part of the format
inline constexpr const char* kNotFound = "not_found";                // no such person, exercise, session...
inline constexpr const char* kNoProgram = "no_program";              // the person has no program yet
inline constexpr const char* kStopped = "program_stopped";           // the program was stopped (see a clinician)
inline constexpr const char* kConflict = "conflict";                 // the request clashes with what is stored
inline constexpr const char* kContent = "content_invalid";           // shipped content cannot be read
inline constexpr const char* kTooLittle = "too_little";              // too little time, days or equipment
inline constexpr const char* kKeyReused = "idempotency_key_reused";  // a retry key sent with another request
inline constexpr const char* kUnauthorised = "unauthorised";         // not signed in, or wrong credentials (401)
inline constexpr const char* kForbidden = "forbidden";               // signed in, but not allowed (403)
inline constexpr const char* kThrottled = "throttled";               // too many failed sign-ins: wait (429)
inline constexpr const char* kExpired = "expired";                   // a login session or invite too old (401/410)
inline constexpr const char* kUnsafe = "refused_by_safety_rule";  // a safety rule forbids it (422); may be overridden
}  // namespace errc

// An error a person can act on: what is wrong, where, and what is expected. `code` is one of
// errc (stable, for programs); `field` names the input at fault ("" when none).
struct Error {
  std::string message;
  std::string code = errc::kFailed;
  std::string field;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return ok(); }

  // Requires ok().
  const T& value() const& {
    assert(ok());
    return std::get<T>(data_);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(data_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(data_));
  }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  // Requires !ok().
  const Error& error() const {
    assert(!ok());
    return std::get<Error>(data_);
  }

 private:
  std::variant<T, Error> data_;
};

// Result<void>: success or an error.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(std::string message) { return Error{std::move(message), errc::kFailed, ""}; }
inline Error make_error(const char* code, std::string field, std::string message) {
  return Error{std::move(message), code, std::move(field)};
}

}  // namespace kc
