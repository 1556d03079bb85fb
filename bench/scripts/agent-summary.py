#!/usr/bin/env python3
"""Pools side-by-side measurements taken in interleaved rounds and compares each variant with
the baseline measured in the same run: absolute, delta, ratio, and each round's own delta
(how much of the spread is the machine).

Input: JSON lines {"round": 1, "variant": "...", "value": 123.4} on stdin; the first variant
seen is the baseline. Args: unit label, and optionally a goal for the delta (e.g. 100).
"""
import json
import statistics
import sys
from collections import OrderedDict, defaultdict

unit = sys.argv[1]
goal = float(sys.argv[2]) if len(sys.argv) > 2 else None
values = OrderedDict()
per_round = defaultdict(lambda: defaultdict(list))
for line in sys.stdin:
    if line.strip():
        m = json.loads(line)
        values.setdefault(m["variant"], []).append(m["value"])
        per_round[m["variant"]][m["round"]].append(m["value"])

baseline = next(iter(values))
base_median = statistics.median(values[baseline])
print(f"{'variant':<34} {'n':>4} {'median':>10} {'mean':>10} {'stdev':>9} {'delta (median)':>15} {'ratio':>7}   per-round delta of medians")
for variant, xs in values.items():
    median = statistics.median(xs)
    rounds = [statistics.median(per_round[variant][r]) - statistics.median(per_round[baseline][r])
              for r in sorted(per_round[variant]) if r in per_round[baseline]]
    verdict = ""
    if goal is not None and variant != baseline:
        verdict = f"  goal +{goal:g} {unit}: {'met' if median - base_median <= goal else 'MISSED'}"
    print(f"{variant:<34} {len(xs):>4} {median:>10.1f} {statistics.mean(xs):>10.1f} "
          f"{(statistics.stdev(xs) if len(xs) > 1 else 0):>9.1f} {median - base_median:>+15.1f} {(f'{median / base_median:.3f}' if base_median else '—'):>7}   "
          + " ".join(f"{d:+.1f}" for d in rounds) + verdict)
print(f"({unit}; delta and ratio against '{baseline}', measured interleaved in the same run)")
