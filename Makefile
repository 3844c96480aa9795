# kneecoach — the two commands of the README, and a few helpers.
#   make run   installs what is missing, builds, and runs the main job
#   make test  installs what is missing, builds, and runs every test
# make test = dependency check, lint (format, layers), web build, the ASan/UBSan build (-O0 -g1,
# the camera coach's per-frame path at -O1) +
# every test (browser tests included; the fuzz targets replay their seeds and fixed mutations of
# them as the tests fuzz.*). One build, so CI stays under an hour on 2 cores; `make run` and the
# benchmarks use the optimised build (`make build`). `make fuzz` is the coverage-guided search
# (clang + libFuzzer, a second build of the whole tree, ~15 minutes on 2 cores).
# clang-tidy runs with `make tidy` (files whose inputs changed since the committed record of a
# clean run, .tidy-passed), before committing: a cold run over 300 files is ~20 minutes here.

PRESET ?= release
BUILD  := build/$(PRESET)
BIN    := $(BUILD)/src/app/kneecoach
JOBS   ?= $(shell nproc)

.PHONY: run test setup deps web build lint fuzz format tidy clean

setup:
	@scripts/setup

# Everything the build and the tests use is here (scripts/deps.txt); names what is missing, in seconds.
deps: setup
	@scripts/check-deps

build: setup
	@cmake --preset $(PRESET) >/dev/null
	@cmake --build --preset $(PRESET) -j $(JOBS)

# The browser UI: web/ (TypeScript, Vite 7) built into web/dist, served by `kneecoach serve`.
web: setup
	@npm run build --prefix web --silent

run: build web
	@$(BIN) serve --port $${PORT:-8080}

lint:
	@scripts/lint

test: setup deps web lint
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@ctest --preset asan

fuzz:
	@scripts/setup --dev
	@scripts/fuzz-smoke

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

# clang-tidy over src/ (scripts/tidy: in parallel, rechecking only files changed since they passed;
# --all checks every file). Before committing, `scripts/tidy --record` updates .tidy-passed.
tidy:
	@scripts/setup --dev
	@cmake --preset release >/dev/null
	@scripts/tidy --record

clean:
	rm -rf build
