#ifndef FUZZ_DRIVER_H
#define FUZZ_DRIVER_H

/// The fuzz executable's entry point (see FuzzDriver.c).
int SatchelFuzz_main(int argc, char **argv);

#endif
