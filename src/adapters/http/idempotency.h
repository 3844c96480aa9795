// Idempotency keys: a POST that writes may carry an `Idempotency-Key` header (1-255 visible
// ASCII characters), so a retried request stores nothing twice (api/openapi.yaml).
#pragma once

#include <functional>

#include "adapters/http/http_types.h"
#include "core/store/store.h"

namespace kc::http {

// Runs `handle` for request `r`. Without the header, just runs it. With it, through
// Store::once, in one transaction with what `handle` stores: the first 2xx reply for a key is
// kept; a retry with the same key, method, path and body gets that reply again (with the header
// `Idempotent-Replayed: true`) and stores nothing; the same key with another request is a 422
// (idempotency_key_reused). A malformed key or a repeated header is a 400.
Response with_idempotency(store::Store& store, const Request& r, const std::function<Response()>& handle);

}  // namespace kc::http
