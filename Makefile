# kneecoach — the two commands of the README, and a few helpers.
#   make run   installs what is missing, builds, and runs the main job
#   make test  installs what is missing, builds, and runs every test
# (plain and sanitizer builds, plus the short fuzz run)

PRESET ?= release
BUILD  := build/$(PRESET)
BIN    := $(BUILD)/src/app/kneecoach
JOBS   ?= $(shell nproc)

.PHONY: run test setup build build-asan test-plain test-asan fuzz format tidy clean

setup:
	@scripts/setup

build: setup
	@cmake --preset $(PRESET) >/dev/null
	@cmake --build --preset $(PRESET) -j $(JOBS)

run: build
	@$(BIN) exercises list

test: setup
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)
	@ctest --preset release
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@ctest --preset asan
	@scripts/fuzz-smoke

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

tidy: setup
	@cmake --preset release >/dev/null
	@git ls-files 'src/*.cpp' | xargs clang-tidy -p build/release --quiet

clean:
	rm -rf build
