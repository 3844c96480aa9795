#include "adapters/content/fhir_questionnaires.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

#include "core/intake/questionnaire.h"
#include "core/tracking/check_in_signs.h"
#include "usecases/fhir_codes.h"

namespace kc::content {
namespace {

using Json = nlohmann::json;
namespace fhir = usecases::fhir;

// The FHIR item type (and whether it repeats) of each intake question.
std::pair<std::string, bool> type_of(const Question& q) {
  switch (q.kind) {
    case AnswerKind::kYesNo:
      return {"boolean", false};
    case AnswerKind::kWholeNumber:
      return {"integer", false};
    case AnswerKind::kNumber:
      return {"decimal", false};
    case AnswerKind::kOneOf:
      return {"choice", false};
    case AnswerKind::kManyOf:
      break;
  }
  return {"choice", true};
}

// linkId -> (type, repeats) of the top-level items of `q`, checking each is well formed.
std::map<std::string, std::pair<std::string, bool>> items_of(const Json& q, const std::string& file,
                                                             std::vector<std::string>& problems) {
  std::map<std::string, std::pair<std::string, bool>> out;
  if (!q.contains("item") || !q["item"].is_array() || q["item"].empty()) {
    problems.push_back(fmt::format("{}: item: missing or empty; expected the questions", file));
    return out;
  }
  for (std::size_t i = 0; i < q["item"].size(); ++i) {
    const Json& it = q["item"][i];
    if (!it.is_object() || !it.contains("linkId") || !it["linkId"].is_string() || !it.contains("type") ||
        !it["type"].is_string()) {
      problems.push_back(fmt::format("{}: item[{}]: expected an object with a linkId and a type", file, i));
      continue;
    }
    out[it["linkId"].get<std::string>()] = {it["type"].get<std::string>(), it.value("repeats", false)};
  }
  return out;
}

void expect_items(const std::map<std::string, std::pair<std::string, bool>>& found,
                  const std::map<std::string, std::pair<std::string, bool>>& wanted, const std::string& file,
                  std::vector<std::string>& problems) {
  for (const auto& [id, type] : wanted) {
    const auto it = found.find(id);
    if (it == found.end()) {
      problems.push_back(fmt::format("{}: no item \"{}\"; expected one of type {}", file, id, type.first));
    } else if (it->second != type) {
      problems.push_back(fmt::format("{}: item \"{}\" is {}{}; expected {}{}", file, id, it->second.first,
                                     it->second.second ? " (repeats)" : "", type.first,
                                     type.second ? " (repeats)" : ""));
    }
  }
  for (const auto& [id, type] : found) {
    if (wanted.count(id) == 0)
      problems.push_back(fmt::format("{}: item \"{}\" is not one the export writes", file, id));
  }
}

std::map<std::string, std::pair<std::string, bool>> wanted_items(const std::string& name) {
  std::map<std::string, std::pair<std::string, bool>> w;
  if (name == fhir::kIntakeQuestionnaire) {
    for (const auto& q : questionnaire()) w[q.id] = type_of(q);
  } else if (name == fhir::kCheckInQuestionnaire) {
    w["next_morning_pain"] = {"integer", false};
    for (const auto& s : tracking::check_in_signs()) w[s] = {"boolean", false};
  } else if (name == fhir::kPsfsQuestionnaire) {
    w["activity"] = {"group", true};
    w["note"] = {"string", false};
  } else {
    w["rating"] = {"integer", false};
    w["note"] = {"string", false};
  }
  return w;
}

void check_file(const std::string& dir, const std::string& name, std::vector<std::string>& problems) {
  const std::string file = (std::filesystem::path(dir) / (name + ".json")).string();
  std::ifstream in(file);
  if (!in) return problems.push_back(fmt::format("{}: cannot be read; expected the Questionnaire {}", file, name));
  std::stringstream text;
  text << in.rdbuf();
  const Json q = Json::parse(text.str(), nullptr, false);
  if (q.is_discarded() || !q.is_object()) return problems.push_back(fmt::format("{}: not a JSON object", file));
  const std::string url = std::string(fhir::kQuestionnaires) + name;
  if (q.value("resourceType", "") != "Questionnaire") {
    problems.push_back(fmt::format("{}: resourceType: expected \"Questionnaire\"", file));
  }
  if (q.value("url", "") != url) problems.push_back(fmt::format("{}: url: expected \"{}\"", file, url));
  if (q.value("version", "") != fhir::kQuestionnaireVersion) {
    problems.push_back(fmt::format("{}: version: expected \"{}\"", file, fhir::kQuestionnaireVersion));
  }
  if (q.value("status", "") != "active") problems.push_back(fmt::format("{}: status: expected \"active\"", file));
  expect_items(items_of(q, file, problems), wanted_items(name), file, problems);
}

}  // namespace

std::string fhir_questionnaires_dir(const std::string& content_root) {
  return (std::filesystem::path(content_root) / "fhir" / "questionnaires").string();
}

Result<int> load_fhir_questionnaires(const std::string& content_root) {
  const std::string dir = fhir_questionnaires_dir(content_root);
  std::vector<std::string> problems;
  const std::vector<std::string> names{fhir::kIntakeQuestionnaire, fhir::kCheckInQuestionnaire,
                                       fhir::kPsfsQuestionnaire, fhir::kGrcQuestionnaire};
  for (const auto& name : names) check_file(dir, name, problems);
  if (!problems.empty()) return make_error(errc::kContent, "", fmt::format("{}\n", fmt::join(problems, "\n")));
  return static_cast<int>(names.size());
}

}  // namespace kc::content
