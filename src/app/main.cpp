// kneecoach: the one executable. The command line does the work, with the ports wired here.
#include <iostream>

#include "adapters/cli/app.h"
#include "app/wiring.h"

int main(int argc, char** argv) {
  const kc::usecases::Ports ports = kc::app::default_ports();
  return kc::cli::run(argc, argv, std::cin, std::cout, std::cerr, ports);
}
