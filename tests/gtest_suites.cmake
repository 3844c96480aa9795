# Registers kc_tests with CTest one test suite at a time (run after each link of kc_tests):
#   cmake -D EXE=<kc_tests> -D OUT=<file> -D PG_URL=<url> -P gtest_suites.cmake
# writes OUT, a CTest script with one test `unit.<Suite>` per suite, run as
# `<kc_tests> --gtest_filter=<Suite>.*`. A suite whose name holds "Postgres" needs the throwaway
# PostgreSQL cluster (the fixture `postgres`) and gets its URL in KNEECOACH_TEST_PG_URL.
#
# Why suites, not single tests (gtest_discover_tests): each test of the ASan build then started
# its own process, about half a second of start-up for a few milliseconds of test, 5 of the unit
# tests' 7 minutes of CPU. A failing test is still named, in its suite's output.
cmake_minimum_required(VERSION 3.25)

foreach(required EXE OUT PG_URL)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "gtest_suites.cmake: -D ${required}=... is missing")
  endif()
endforeach()

execute_process(COMMAND ${EXE} --gtest_list_tests OUTPUT_VARIABLE listing RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "gtest_suites.cmake: ${EXE} --gtest_list_tests failed (${status}):\n${listing}")
endif()

# A suite is a line that starts with its name and a dot ("Suite." or "Instance/Suite.", maybe
# followed by "  # TypeParam = ..."); its tests are the indented lines under it.
string(REPLACE "\n" ";" lines "${listing}")
set(script "# Written by tests/gtest_suites.cmake from ${EXE} --gtest_list_tests; do not edit.\n")
set(suites 0)
foreach(line IN LISTS lines)
  if(NOT line MATCHES "^([A-Za-z0-9_/]+)\\.( |$)")
    continue()
  endif()
  set(suite ${CMAKE_MATCH_1})
  math(EXPR suites "${suites} + 1")
  string(APPEND script "add_test([=[unit.${suite}]=] [=[${EXE}]=] [=[--gtest_filter=${suite}.*]=])\n")
  if(suite MATCHES "Postgres")
    string(APPEND script "set_tests_properties([=[unit.${suite}]=] PROPERTIES LABELS unit FIXTURES_REQUIRED postgres "
                         "ENVIRONMENT [=[KNEECOACH_TEST_PG_URL=${PG_URL}]=])\n")
  else()
    string(APPEND script "set_tests_properties([=[unit.${suite}]=] PROPERTIES LABELS unit)\n")
  endif()
endforeach()
if(suites EQUAL 0)
  message(FATAL_ERROR "gtest_suites.cmake: ${EXE} --gtest_list_tests named no test suite:\n${listing}")
endif()
file(WRITE ${OUT} "${script}")
