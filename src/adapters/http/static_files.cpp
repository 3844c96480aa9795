#include "adapters/http/static_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

namespace kc::http {
namespace {

namespace fs = std::filesystem;

const char* kNotBuilt =
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>kneecoach</title></head><body>"
    "<h1>kneecoach</h1><p>The API is running under <a href=\"/api/v1/exercises\">/api/v1/</a>, but the web app "
    "has not been built yet.</p><p>Build it with <code>make run</code>, or <code>npm ci --prefix web &amp;&amp; "
    "npm run build --prefix web</code>, then reload this page.</p>"
    "<p>kneecoach does not replace a doctor or physiotherapist.</p></body></html>";

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool has_extension(const std::string& segment) { return segment.find('.') != std::string::npos; }

}  // namespace

std::string content_type_for(const std::string& file_name) {
  static const std::map<std::string, std::string> kTypes{{".html", "text/html; charset=utf-8"},
                                                         {".js", "text/javascript; charset=utf-8"},
                                                         {".mjs", "text/javascript; charset=utf-8"},
                                                         {".css", "text/css; charset=utf-8"},
                                                         {".json", "application/json"},
                                                         {".webmanifest", "application/manifest+json"},
                                                         {".svg", "image/svg+xml"},
                                                         {".png", "image/png"},
                                                         {".jpg", "image/jpeg"},
                                                         {".jpeg", "image/jpeg"},
                                                         {".ico", "image/x-icon"},
                                                         {".webp", "image/webp"},
                                                         {".woff", "font/woff"},
                                                         {".woff2", "font/woff2"},
                                                         {".txt", "text/plain; charset=utf-8"},
                                                         {".map", "application/json"},
                                                         {".wasm", "application/wasm"},
                                                         {".pdf", "application/pdf"}};
  const auto ext = fs::path(file_name).extension().string();
  const auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

StaticFiles::StaticFiles(std::string root) : root_(std::move(root)) {}

bool StaticFiles::built() const {
  std::error_code ec;
  return fs::is_regular_file(fs::path(root_) / "index.html", ec);
}

Response StaticFiles::serve(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") {
    Response r = error_response(
        405, "method_not_allowed",
        fmt::format("{} is not allowed on static files; allowed: GET, HEAD", request.method.substr(0, 16)));
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  // Check every segment, raw and decoded (so "%2e%2e" and "..%2f" count as "..").
  std::vector<std::string> segments;
  std::size_t start = 1;
  const std::string& path = request.path;
  if (path.empty() || path[0] != '/') return error_response(400, "bad_path", "the path must start with /");
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    std::string decoded;
    if (!percent_decode(path.substr(start, end - start), decoded)) {
      return error_response(400, "bad_path", "the path has a bad percent escape");
    }
    segments.push_back(decoded);
    start = end + 1;
  }
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string& s = segments[i];
    const bool last = i + 1 == segments.size();
    if (s == ".." || s == "." || (s.empty() && !last) || s.find('/') != std::string::npos ||
        s.find('\\') != std::string::npos) {
      return error_response(400, "bad_path", "the path leaves the web folder or is not normal; refused");
    }
  }
  if (!built()) {
    if (path == "/" || path == "/index.html") {
      Response r;
      r.status = 200;
      r.content_type = "text/html; charset=utf-8";
      r.body = kNotBuilt;
      return r;
    }
    return error_response(404, "not_found", "the web app is not built: run `make run` (or npm run build --prefix web)");
  }
  fs::path rel;
  for (const auto& s : segments) {
    if (!s.empty()) rel /= s;
  }
  std::error_code ec;
  const fs::path root = fs::canonical(root_, ec);
  if (ec) return error_response(404, "not_found", "the web folder cannot be read");
  fs::path file = root / rel;
  if (rel.empty() || (fs::is_directory(file, ec) && fs::is_regular_file(file / "index.html", ec))) {
    file /= "index.html";
  } else if (!fs::is_regular_file(file, ec) && !segments.empty() && !has_extension(segments.back())) {
    file = root / "index.html";  // the UI's own routes
  }
  const fs::path real = fs::weakly_canonical(file, ec);
  const auto [root_end, unused] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  if (ec || root_end != root.end()) return error_response(404, "not_found", "no such file");
  if (!fs::is_regular_file(real, ec)) {
    return error_response(404, "not_found", fmt::format("no such file: {}", request.path.substr(0, 200)));
  }
  auto bytes = read_file(real);
  if (!bytes) return error_response(404, "not_found", "the file cannot be read");
  Response r;
  r.content_type = content_type_for(real.filename().string());
  r.body = std::move(*bytes);
  const bool hashed = real.parent_path().filename() == "assets";
  r.headers.emplace_back("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace kc::http
