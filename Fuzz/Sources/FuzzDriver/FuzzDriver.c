#include "FuzzDriver.h"
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// SwiftPM links an executable target with `main` defined as `<Module>_main`, which replaces the `main` of
/// libFuzzer; this one hands the command line to libFuzzer's driver instead, as its own `main` would.
int SatchelFuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
