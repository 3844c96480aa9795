// SVG charts of a person's progress, for them and their physiotherapist. Pure: each returns a
// complete, standalone SVG 1.1 document (valid XML, fonts by family name).
#pragma once

#include <optional>
#include <string>

#include "core/common/pain.h"
#include "core/tracking/judge.h"

namespace kc::tracking {

// A pain band's label on the charts: "0-2: safe", "3-5: acceptable", "over 5: too much".
std::string band_label(const PainBandRange& b);

// Pain over the plan's days: pain during sessions, next-morning pain and pain now, on 0-10
// with the pain-monitoring zones shaded (the bands of core/common/pain.h) and the review date
// marked; the x axis is labelled by program week (core/plan/program_calendar.h), week 1 on the
// start date, only the program's weeks. `title` names the person.
std::string pain_chart_svg(const History& h, CivilDate today, const std::string& title);

// A calendar of the plan, one row per program week (a row starts on the start date's weekday):
// each planned day done, partly done, missed or still to come, and sessions done on other days.
std::string adherence_calendar_svg(const History& h, CivilDate today, const std::string& title);

// Chair-stand results as bars by date, with the below-average threshold for the person's age
// band and sex when known (`threshold`).
std::string chair_stand_chart_svg(const History& h, std::optional<int> threshold, const std::string& title);

}  // namespace kc::tracking
