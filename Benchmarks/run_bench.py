#!/usr/bin/env python3
"""make bench: Satchel's speed and memory on a generated 10,000-page catalog, against Hugo in the same run.

Measures whole-process wall time and peak RSS (/usr/bin/time -v) over several runs and prints the median
and spread of (after one untimed full build of each, as a warm-up): a full build from nothing, a no-change rebuild, one-file edit rebuilds (a manufacturer's
body; a material's title, which changes backlinks), and Hugo building the same pages with equivalent
templates; then, in one `satchel serve` process, the same two edits as the watching process sees them (the
update time it reports, from the burst of changes to the last file replaced). For the full builds it also prints
the cores each stage kept busy and the core time left idle, as `satchel build --verbose` reports them. The last line is
`satchel/hugo full-build ratio: X.XX`.
"""
import argparse
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import threading
import queue
import time

REPOSITORY = pathlib.Path(__file__).resolve().parents[1]
SATCHEL = REPOSITORY / ".build" / "release" / "satchel"


def timed(command, cwd=None):
    """Runs a command under /usr/bin/time -v; returns (seconds, peak RSS in MB, CPU seconds, standard output).
    Dirty pages of earlier runs are flushed first, so no measurement pays for the writeback of another's output."""
    os.sync()
    result = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"command failed: {' '.join(map(str, command))}\n{result.stdout}\n{result.stderr}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", result.stderr).group(1)
    parts = [float(part) for part in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) == 3 else 0)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): (\S+)", result.stderr).group(1)) for kind in ("User", "System"))
    return seconds, rss, cpu, result.stdout


def summarise(name, samples):
    times = [sample[0] for sample in samples]
    rss = max(sample[1] for sample in samples)
    cpu = statistics.median(sample[2] for sample in samples)
    spread = (max(times) - min(times)) / 2
    print(f"| {name:<38} | {statistics.median(times):8.3f} s | ±{spread:6.3f} s | {cpu:7.2f} s | {rss:7.0f} MB |")
    return statistics.median(times)


def cores_line(samples):
    """The medians of what `satchel build --verbose` reports of the cores each stage kept busy, and of the core time
    the stages left idle (with its range), over the full builds in `samples`."""
    stages, idle = {}, []
    for sample in samples:
        line = re.search(r"^  cores: (.*) \(of \d+ cores\); ([\d.]+) s of core time idle$", sample[3], re.M)
        for stage in line.group(1).split(" · "):
            name, cores = stage.rsplit(" ", 1)
            stages.setdefault(name, []).append(float(cores))
        idle.append(float(line.group(2)))
    busy = " · ".join(f"{name} {statistics.median(values):.1f}" for name, values in stages.items())
    return f"{busy}; core time idle {statistics.median(idle):.2f} s ({min(idle):.2f}–{max(idle):.2f})"


def serve_edits(command, edits, runs):
    """Starts `satchel serve`; for each run applies each edit and waits for the build it starts. Returns,
    per edit, the update times (seconds) serve reports and its stage lines."""
    os.sync()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()

    def wait_for(pattern, timeout=600):
        deadline = time.time() + timeout
        while True:
            line = lines.get(timeout=max(0.1, deadline - time.time()))
            if re.search(pattern, line):
                return line

    results = {name: [] for name, _ in edits}
    try:
        wait_for(r"^Serving ")
        for run in range(runs):
            for name, (apply, undo) in edits:
                apply(run)
                summary = wait_for(r"^(Built|Up to date|satchel: )")
                if not summary.startswith("Built"):
                    sys.exit(f"serve did not rebuild: {summary}")
                stages = wait_for(r"^  stages: ").strip()
                results[name].append((int(re.search(r" in (\d+) ms$", summary.strip()).group(1)) / 1000, stages))
                undo()
                wait_for(r"^(Built|Up to date)")
                wait_for(r"^  stages: ")
    finally:
        process.terminate()
        process.wait()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-hugo", action="store_true", help="leave Hugo out (the 100,000-page scaling run)")
    parser.add_argument("--work", default="/tmp/satchel-bench",
                        help="where the catalog and outputs go; a tmpfs such as /dev/shm leaves out the disk")
    args = parser.parse_args()
    work = pathlib.Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run([sys.executable, str(REPOSITORY / "Benchmarks" / "generate_catalog.py"), "--pages", str(args.pages),
                    "--seed", "1", "--out", str(work), "--hugo"], check=True)
    content, output = work / "content", work / "public"
    build = [str(SATCHEL), "build", "--quiet", "--content", str(content), "--themes", str(REPOSITORY / "themes"),
             "--output", str(output)]
    # Full builds report the cores each stage kept busy.
    full_build = [argument if argument != "--quiet" else "--verbose" for argument in build]
    hugo_site = work / "hugo"
    (hugo_site / "hugo.toml").write_text('baseURL = "http://localhost/"\ntitle = "Benchmark Catalog"\n'
                                         'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    shutil.copytree(REPOSITORY / "Benchmarks" / "hugo-theme" / "layouts", hugo_site / "layouts")
    hugo = None if args.no_hugo else shutil.which("hugo")

    def clean():
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(content.parent / ".satchel-cache", ignore_errors=True)

    manufacturer = content / "manufacturers" / "manufacturer-00007.md"
    material = content / "materials" / "material-00003.md"
    original_manufacturer, original_material = manufacturer.read_text(), material.read_text()
    results = {"full": [], "nochange": [], "body": [], "title": [], "hugo": []}
    # One untimed full build of each first: on this VM the first touch of guest memory no process has used
    # yet costs a host fault per page, once per machine rather than per build (see scale_bench.py).
    clean()
    timed(build)
    if hugo:
        shutil.rmtree(hugo_site / "public", ignore_errors=True)
        timed([hugo, "--quiet", "--source", str(hugo_site)])
    for run in range(args.runs):
        clean()
        results["full"].append(timed(full_build))
        results["nochange"].append(timed(build))
        manufacturer.write_text(original_manufacturer + f"\nEdited in run {run}.\n")
        results["body"].append(timed(build))
        material.write_text(re.sub(r"^title: (.*)$", rf"title: \1 r{run}", original_material, count=1, flags=re.M))
        results["title"].append(timed(build))
        manufacturer.write_text(original_manufacturer)
        material.write_text(original_material)
        if hugo:
            shutil.rmtree(hugo_site / "public", ignore_errors=True)
            results["hugo"].append(timed([hugo, "--quiet", "--source", str(hugo_site)]))
    serve = [str(SATCHEL), "serve", "--verbose", "--port", "0", "--content", str(content), "--themes",
             str(REPOSITORY / "themes"), "--output", str(output)]
    updates = serve_edits(serve, [
        ("body", (lambda run: manufacturer.write_text(original_manufacturer + f"\nServe edit {run}.\n"),
                  lambda: manufacturer.write_text(original_manufacturer))),
        ("title", (lambda run: material.write_text(
            re.sub(r"^title: (.*)$", rf"title: \1 s{run}", original_material, count=1, flags=re.M)),
                   lambda: material.write_text(original_material))),
    ], args.runs)
    pages = sum(1 for _ in output.rglob("*.html"))
    file_system = subprocess.run(["stat", "-f", "-c", "%T", str(work)], capture_output=True, text=True).stdout.strip()
    print(f"\n{args.pages} generated pages ({pages} HTML files), {args.runs} runs each, {os.cpu_count()} cores, "
          f"output on {file_system}, load average {os.getloadavg()[0]:.1f}\n")
    print(f"| {'measurement':<38} | {'median':>10} | {'spread':>9} | {'CPU':>9} | {'peak RSS':>10} |")
    print(f"|{'-' * 40}|{'-' * 12}|{'-' * 11}|{'-' * 11}|{'-' * 12}|")
    full = summarise("satchel full build", results["full"])
    summarise("satchel no-change rebuild", results["nochange"])
    summarise("satchel edit a manufacturer's body", results["body"])
    summarise("satchel edit a material's title", results["title"])
    for name, label in (("body", "serve: edit a manufacturer's body"), ("title", "serve: edit a material's title")):
        times = [seconds for seconds, _ in updates[name]]
        spread = (max(times) - min(times)) / 2
        print(f"| {label:<38} | {statistics.median(times):8.3f} s | ±{spread:6.3f} s | {'':>9} | {'':>10} |")
    print(f"\nfull build, cores kept busy per stage (medians): {cores_line(results['full'])}")
    print("\nserve update times are those serve reports (in the process, from the burst of changes to the last file "
          "replaced); their stages, last run:")
    for name in ("body", "title"):
        print(f"  {name}: {updates[name][-1][1].removeprefix('stages: ')}")
    if hugo:
        hugo_time = summarise("hugo full build (same pages)", results["hugo"])
        print(f"\nsatchel/hugo full-build ratio: {full / hugo_time:.2f}")
    elif not args.no_hugo:
        print("\nhugo not installed (apt-get install hugo): no ratio")


if __name__ == "__main__":
    main()
