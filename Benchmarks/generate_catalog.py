#!/usr/bin/env python3
"""Writes a synthetic Satchel catalog for benchmarks: N pages over six kinds of a realistic schema
(types, materials, markets, manufacturers, certifications, guides), with typed references, body links
with anchors, GFM tables and about 2 KB of Markdown per page. Deterministic for a given seed.

    python3 Benchmarks/generate_catalog.py --pages 10000 --seed 1 --out /tmp/bench
writes /tmp/bench/content (build it with: satchel build --content /tmp/bench/content --output /tmp/bench/public).
Also writes /tmp/bench/hugo, the same pages as a Hugo site, when --hugo is given.
"""
import argparse
import os
import random
import shutil

KINDS = [
    # name, singular, plural, share of pages
    ("types", "Type", "Types", 0.05),
    ("materials", "Material", "Materials", 0.15),
    ("markets", "Market", "Markets", 0.15),
    ("manufacturers", "Manufacturer", "Manufacturers", 0.35),
    ("certifications", "Certification", "Certifications", 0.10),
    ("guides", "Guide", "Guides", 0.20),
]

WORDS = ("nylon polyester canvas leather zipper strap stitch seam denier coating abrasion buyer supplier "
         "factory sample order quality inspection freight container customs tariff margin retail season "
         "compact durable waterproof lightweight ergonomic recycled organic certified compliant audit "
         "invoice deposit balance shipment warehouse carton pallet label branding pocket compartment").split()
COST = ["Low", "Low to Medium", "Medium", "Medium to High", "High"]
REGIONS = ["Africa", "South America", "Middle East", "Europe", "Asia"]
SCHEMAS = {
    "types": """singular: Type
plural: Types
description: Backpack mini types.
fields:
  demand:
    type: enum
    values: [Low, Medium, High]
  materials:
    type: list
    of: ref
    kind: materials
    inverse: Types made from it
  seasonality:
    type: string
  sources:
    type: list
    of: string
compare: [demand, materials]
""",
    "materials": """singular: Material
plural: Materials
description: Fabrics and components.
fields:
  cost_tier:
    type: enum
    values: [Low, Low to Medium, Medium, Medium to High, High]
    label: Relative cost
    required: true
  grades:
    type: list
    of: string
  weight:
    type: number
    unit: g/m²
  certifications:
    type: list
    of: ref
    kind: certifications
    inverse: Materials certified
  sources:
    type: list
    of: string
compare: [cost_tier, grades, weight]
""",
    "markets": """singular: Market
plural: Markets
description: Buyer markets.
fields:
  region:
    type: string
  documents:
    type: list
    of: ref
    kind: certifications
    inverse: Required in
  duty:
    type: range
    unit: "%"
  sources:
    type: list
    of: string
compare: [region, duty]
""",
    "manufacturers": """singular: Manufacturer
plural: Manufacturers
description: Factories.
fields:
  founded:
    type: integer
  team_size:
    type: integer
  lead_time:
    type: range
    unit: weeks
    label: Lead time
  verified:
    type: bool
  markets:
    type: list
    of: ref
    kind: markets
    inverse: Manufacturers serving this market
  materials:
    type: list
    of: ref
    kind: materials
    inverse: Made by
  types:
    type: list
    of: ref
    kind: types
    inverse: Offered by
  certifications:
    type: list
    of: ref
    kind: certifications
    inverse: Held by
  sources:
    type: list
    of: string
compare: [founded, lead_time, team_size, certifications]
""",
    "certifications": """singular: Certification
plural: Certifications
description: Standards and tests.
fields:
  scope:
    type: string
  category:
    type: enum
    values: [Quality, Safety, Chemical, Sustainability, Customs]
  sources:
    type: list
    of: string
compare: [category, scope]
""",
    "guides": """singular: Guide
plural: Guides
description: Articles.
fields:
  topics:
    type: list
    of: ref
    kind: materials
    inverse: Guides about it
  markets:
    type: list
    of: ref
    kind: markets
    inverse: Guides covering it
  sources:
    type: list
    of: string
compare: [topics]
""",
}


def sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def plan(pages, rng):
    counts = {}
    assigned = 0
    for name, _, _, share in KINDS:
        counts[name] = max(3, int(pages * share))
        assigned += counts[name]
    counts["manufacturers"] += pages - assigned
    slugs = {name: [f"{name[:-1]}-{i:05d}" for i in range(count)] for name, count in counts.items()}
    return slugs


def body(rng, slugs, kind, titles):
    parts = []
    for section in range(3):
        parts.append(f"## Section {section + 1} {rng.choice(WORDS)}\n")
        for _ in range(2):
            target_kind = rng.choice(list(slugs))
            target = rng.choice(slugs[target_kind])
            link = f"../{target_kind}/{target}.md"
            parts.append(f"{sentence(rng)} See [{titles[(target_kind, target)]}]({link}). {sentence(rng, 10)}\n")
        if section == 1:
            parts.append("| Grade | Cost | Weight |\n|---|---|---|\n" + "".join(
                f"| {rng.randint(200, 1200)}D | {rng.choice(COST)} | {rng.randint(80, 400)} g |\n" for _ in range(4)))
        parts.append(f"- {sentence(rng, 6)}\n- {sentence(rng, 6)}\n")
    return "\n".join(parts)


def refs(rng, slugs, kind, low, high):
    return "[" + ", ".join(sorted(set(rng.sample(slugs[kind], min(len(slugs[kind]), rng.randint(low, high)))))) + "]"


def front_matter(rng, kind, slugs):
    lines = []
    if kind == "types":
        lines += [f"demand: {rng.choice(['Low', 'Medium', 'High'])}", f"materials: {refs(rng, slugs, 'materials', 1, 4)}",
                  f"seasonality: {rng.choice(['Back to school', 'Holidays', 'All year'])}"]
    elif kind == "materials":
        lines += [f"cost_tier: {rng.choice(COST)}", f"grades: [{rng.randint(2, 9)}00D, {rng.randint(2, 9)}00D]",
                  f"weight: {rng.randint(80, 400)}", f"certifications: {refs(rng, slugs, 'certifications', 1, 3)}"]
    elif kind == "markets":
        low = rng.randint(0, 20)
        lines += [f"region: {rng.choice(REGIONS)}", f"documents: {refs(rng, slugs, 'certifications', 1, 3)}",
                  f"duty: {low}-{low + rng.randint(0, 15)}"]
    elif kind == "manufacturers":
        low = rng.randint(2, 8)
        lines += [f"founded: {rng.randint(1970, 2020)}", f"team_size: {rng.randint(10, 5000)}",
                  f"lead_time: {low}-{low + rng.randint(1, 10)}", f"verified: {rng.choice(['true', 'false'])}",
                  f"markets: {refs(rng, slugs, 'markets', 1, 4)}", f"materials: {refs(rng, slugs, 'materials', 1, 4)}",
                  f"types: {refs(rng, slugs, 'types', 1, 2)}", f"certifications: {refs(rng, slugs, 'certifications', 0, 3)}"]
    elif kind == "certifications":
        lines += [f"scope: {sentence(rng, 6)[:-1]}", f"category: {rng.choice(['Quality', 'Safety', 'Chemical', 'Sustainability', 'Customs'])}"]
    elif kind == "guides":
        lines += [f"topics: {refs(rng, slugs, 'materials', 1, 3)}", f"markets: {refs(rng, slugs, 'markets', 1, 3)}"]
    lines.append("sources: [Synthetic benchmark data]")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    parser.add_argument("--hugo", action="store_true", help="also write the same pages as a Hugo site")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    content = os.path.join(args.out, "content")
    shutil.rmtree(content, ignore_errors=True)
    slugs = plan(args.pages, rng)
    titles = {(kind, slug): f"{kind[:-1].capitalize()} {rng.choice(WORDS).capitalize()} {slug[-5:]}"
              for kind in slugs for slug in slugs[kind]}
    os.makedirs(content)
    with open(os.path.join(content, "_site.yml"), "w") as handle:
        handle.write("title: Benchmark Catalog\ndescription: Synthetic pages.\nlanguage: en\ntheme: default\n"
                     f"kinds: [{', '.join(name for name, *_ in KINDS)}]\n")
    hugo = os.path.join(args.out, "hugo") if args.hugo else None
    if hugo:
        shutil.rmtree(hugo, ignore_errors=True)
    for name, singular, plural, _ in KINDS:
        folder = os.path.join(content, name)
        os.makedirs(folder)
        with open(os.path.join(folder, "_kind.yml"), "w") as handle:
            handle.write(SCHEMAS[name])
        with open(os.path.join(folder, "_index.md"), "w") as handle:
            handle.write(f"All {plural.lower()} of the benchmark catalog.\n")
        if hugo:
            os.makedirs(os.path.join(hugo, "content", name))
            with open(os.path.join(hugo, "content", name, "_index.md"), "w") as handle:
                handle.write(f"---\ntitle: {plural}\n---\nAll {plural.lower()} of the benchmark catalog.\n")
        for slug in slugs[name]:
            fields = front_matter(rng, name, slugs)
            text = body(rng, slugs, name, titles)
            summary = sentence(rng, 10)
            with open(os.path.join(folder, slug + ".md"), "w") as handle:
                handle.write("---\n" + f"title: {titles[(name, slug)]}\nsummary: {summary}\n" + "\n".join(fields) + "\n---\n" + text)
            if hugo:
                # Hugo links pages with its own relref shortcode; plain paths keep the comparison fair.
                hugo_text = text.replace(".md)", "/)")
                with open(os.path.join(hugo, "content", name, slug + ".md"), "w") as handle:
                    handle.write("---\n" + f"title: \"{titles[(name, slug)]}\"\nsummary: \"{summary}\"\n" +
                                 "\n".join(f"{line.split(':', 1)[0]}: \"{line.split(':', 1)[1].strip()}\"" for line in fields) +
                                 "\n---\n" + hugo_text)


if __name__ == "__main__":
    main()
