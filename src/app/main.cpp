// kneecoach: the one executable. All work is done by the CLI adapter.
#include <iostream>

#include "adapters/cli/app.h"

int main(int argc, char** argv) { return kc::cli::run(argc, argv, std::cin, std::cout, std::cerr); }
