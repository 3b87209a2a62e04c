#!/usr/bin/env python3
"""Search budgets on a generated 10,000-page catalog (part of make bench).

1. Index build share: full builds (`satchel build --clean`) with the search index built alone
   (SATCHEL_SEARCH_INDEX=alone: the search page and index are built before every other page, by themselves,
   and the build reports the process's CPU time over that span). Budget: the index adds at most 15% to the
   build's time, as its CPU time over the rest of the same build's, median of --runs. Two parts of one build
   vary together where two builds' totals vary apart: on this shared two-core VM the difference between builds
   with and without the index (SATCHEL_SEARCH_INDEX=off), which this budget used before, gave 5-25% for the
   same code, and so fails or passes by chance; it is still measured (alternated, medians) and printed. CPU
   time (user + system) rather than wall time, which on this machine mostly measures the other processes.
   `make bench` runs it on tmpfs (--work /dev/shm/…): on this machine's disk, the kernel's writeback of the
   previous build's 215 MB is charged to whichever build runs next.
2. First query: for each query, a fresh load of the home page over file:// in headless Chromium; the search
   box is focused and, 300 ms later (a reader clicks or presses / before typing; focus loads the 6 KB meta
   file), the query is put into it and an input event dispatched, as a paste or the last keystroke would.
   The latency is from that event until #search-results has children (a MutationObserver in the page); the
   bytes are the sizes on disk of all the index scripts the page added (script elements under search/).
   Each query is measured on three fresh page loads and its median kept. Budgets: at most 1.5 MB of index
   and 100 ms, for every query.

Prints `search first-query index bytes: N` and `search first-query latency ms: X` (the worst over the
queries) and exits with status 1 if any budget is exceeded. With --site DIR, measures an already built
site's first queries only.
"""
import argparse
import os
import pathlib
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse

REPOSITORY = pathlib.Path(__file__).resolve().parents[1]
SATCHEL = pathlib.Path(os.environ.get("SATCHEL", REPOSITORY / ".build" / "release" / "satchel"))
MAX_INDEX_BYTES = 1_500_000
MAX_LATENCY_MS = 100
MAX_BUILD_SHARE = 0.15
# Words of the generated catalog: one on nearly every page, several words, a field value, a title number,
# prefixes while typing, and typos.
QUERIES = ["nylon", "polyester zipper", "certification organic", "medium to high", "223d", "00472", "poly", "wat",
           "polyestr", "waterprof"]

MEASURE = """
const [query, done] = arguments;
const input = document.getElementById("search-input");
const list = document.getElementById("search-results");
const observer = new MutationObserver(() => {
  if (!list.children.length) return;
  const latency = performance.now() - start;
  observer.disconnect();
  const scripts = Array.from(document.querySelectorAll("script[src]"))
    .map((script) => script.src).filter((src) => src.includes("/search/"));
  done({latency: latency, scripts: scripts, count: list.children.length});
});
observer.observe(list, {childList: true});
input.value = query;
const start = performance.now();
input.dispatchEvent(new Event("input", {bubbles: true}));
"""


def build_seconds(content, output, mode):
    """(CPU seconds, wall seconds, CPU seconds of the index built alone or None) of one full build, with
    SATCHEL_SEARCH_INDEX set to `mode` (None: a normal build)."""
    environment = dict(os.environ)
    environment.pop("SATCHEL_SEARCH_INDEX", None)
    if mode:
        environment["SATCHEL_SEARCH_INDEX"] = mode
    shutil.rmtree(output, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    result = subprocess.run([str(SATCHEL), "build", "--clean", "--verbose", "--content", str(content), "--themes",
                             str(REPOSITORY / "themes"), "--output", str(output)], env=environment, check=True,
                            capture_output=True, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    alone = re.search(r"search index built alone: (\d+) ms CPU", result.stdout)
    return (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall,
            int(alone.group(1)) / 1000 if alone else None)


def build_share(content, output, runs):
    """Medians over `runs` rounds, each a build without the index, one with it and one with it built alone
    (in that order, so that load drifts evenly over all three): CPU and wall seconds with and without the
    index, and the share of the index in the builds that built it alone (its CPU over the rest's)."""
    with_index, without_index, shares = [], [], []
    for _ in range(runs):
        without_index.append(build_seconds(content, output, "off"))
        with_index.append(build_seconds(content, output, None))
        cpu, _, alone = build_seconds(content, output, "alone")
        shares.append(alone / (cpu - alone))
    def median(samples, part):
        return statistics.median(sample[part] for sample in samples)
    return {"cpu": (median(with_index, 0), median(without_index, 0)), "wall": (median(with_index, 1), median(without_index, 1)),
            "alone": (statistics.median(shares), min(shares), max(shares))}


def first_queries(site):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    driver.set_script_timeout(10)
    measured = []
    try:
        for query in QUERIES:
            samples = []
            for _ in range(3):
                driver.get((site / "index.html").as_uri())
                driver.execute_script("document.getElementById('search-input').focus()")
                time.sleep(0.3)
                result = driver.execute_async_script(MEASURE, query)
                files = [pathlib.Path(urllib.parse.unquote(src.removeprefix("file://"))) for src in result["scripts"]]
                samples.append((sum(file.stat().st_size for file in files), result["latency"], len(files), result["count"]))
            samples.sort(key=lambda sample: sample[1])
            size, latency, files, count = samples[1]
            measured.append((query, max(sample[0] for sample in samples), latency, files, count))
    finally:
        driver.quit()
    return measured


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", help="measure the first queries of this built site only")
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/tmp/satchel-search-bench")
    args = parser.parse_args()
    failures = []
    if args.site:
        site = pathlib.Path(args.site).resolve()
    else:
        work = pathlib.Path(args.work)
        shutil.rmtree(work, ignore_errors=True)
        subprocess.run([sys.executable, str(REPOSITORY / "Benchmarks" / "generate_catalog.py"), "--pages", str(args.pages),
                        "--seed", "1", "--out", str(work)], check=True, stdout=subprocess.DEVNULL)
        site = work / "public"
        times = build_share(work / "content", site, args.runs)
        (full, bare), (full_wall, bare_wall) = times["cpu"], times["wall"]
        share, lowest, highest = times["alone"]
        print(f"search index build share: {share * 100:.1f}% of the rest's CPU time, built alone (median of {args.runs}, "
              f"{lowest * 100:.1f}-{highest * 100:.1f}%)")
        print(f"  builds with and without the index: {(full - bare) / bare * 100:.1f}% more CPU time ({full:.2f} s and "
              f"{bare:.2f} s); wall {full_wall:.2f} s and {bare_wall:.2f} s ({(full_wall - bare_wall) / bare_wall * 100:.1f}%)")
        if share > MAX_BUILD_SHARE:
            failures.append(f"the index adds {share * 100:.1f}% to the build, over {MAX_BUILD_SHARE * 100:.0f}%")
        index = sum(file.stat().st_size for file in (site / "search").glob("*.js"))
        print(f"search index on disk: {index} bytes in {len(list((site / 'search').glob('*.js')))} files")
    measured = first_queries(site)
    print("| query | index bytes | files | latency ms | results shown |")
    for query, size, latency, files, count in measured:
        print(f"| {query} | {size} | {files} | {latency:.1f} | {count} |")
    worst_size = max(size for _, size, _, _, _ in measured)
    worst_latency = max(latency for _, _, latency, _, _ in measured)
    print(f"search first-query index bytes: {worst_size}")
    print(f"search first-query latency ms: {worst_latency:.1f}")
    if worst_size > MAX_INDEX_BYTES:
        failures.append(f"a first query loads {worst_size} bytes of index, over {MAX_INDEX_BYTES}")
    if worst_latency > MAX_LATENCY_MS:
        failures.append(f"a first query takes {worst_latency:.1f} ms, over {MAX_LATENCY_MS} ms")
    for failure in failures:
        print(f"search budget exceeded: {failure}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
