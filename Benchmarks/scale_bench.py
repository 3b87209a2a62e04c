#!/usr/bin/env python3
"""make bench-scale, first part: full builds of generated 10,000- and 100,000-page catalogs, alternated, and the
ratio of their median wall times (target: at most 10, linear) with each one's peak RSS.

Each size gets one untimed full build first. On this VM the first time a process touches guest memory that
none has used since the machine started, the host backs it page by page: a 100,000-page build (2 GB of heap
and 2.3 GB of output) measured cold took 32 s where the same binary took 21-24 s right after, almost all of
the difference in system time. A warm-up charges that once-per-machine cost to no measurement; the cold
build's time is printed too.
"""
import argparse
import pathlib
import shutil
import statistics
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from run_bench import REPOSITORY, SATCHEL, timed  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/dev/shm/satchel-scale-bench")
    args = parser.parse_args()
    work = pathlib.Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    sizes = (10_000, 100_000)
    builds, results, cold = {}, {size: [] for size in sizes}, {}
    for size in sizes:
        folder = work / str(size)
        subprocess.run([sys.executable, str(REPOSITORY / "Benchmarks" / "generate_catalog.py"), "--pages", str(size),
                        "--seed", "1", "--out", str(folder)], check=True, stdout=subprocess.DEVNULL)
        builds[size] = ([str(SATCHEL), "build", "--quiet", "--clean", "--content", str(folder / "content"), "--themes",
                         str(REPOSITORY / "themes"), "--output", str(folder / "public")], folder / "public")

    def build(size):
        command, output = builds[size]
        shutil.rmtree(output, ignore_errors=True)
        return timed(command)

    for size in sizes:
        cold[size] = build(size)
    for _ in range(args.runs):
        for size in sizes:
            results[size].append(build(size))
    print(f"\nfull builds from nothing on tmpfs, {args.runs} runs each after one untimed, alternated\n")
    print(f"| {'pages':>7} | {'median':>9} | {'spread':>9} | {'CPU':>8} | {'peak RSS':>9} | {'cold build':>10} |")
    print(f"|{'-' * 9}|{'-' * 11}|{'-' * 11}|{'-' * 10}|{'-' * 11}|{'-' * 12}|")
    medians = {}
    for size in sizes:
        times = [sample[0] for sample in results[size]]
        medians[size] = statistics.median(times)
        print(f"| {size:>7} | {medians[size]:7.2f} s | ±{(max(times) - min(times)) / 2:6.2f} s | "
              f"{statistics.median(sample[2] for sample in results[size]):6.1f} s | "
              f"{max(sample[1] for sample in results[size]):6.0f} MB | {cold[size][0]:8.2f} s |")
    shutil.rmtree(work, ignore_errors=True)
    print(f"\n100,000/10,000-page full-build ratio: {medians[100_000] / medians[10_000]:.2f} (target at most 10)")


if __name__ == "__main__":
    main()
