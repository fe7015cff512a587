#!/usr/bin/env python3
"""Shares of JFR execution samples: top frames, and the first frame of the project's own code.
Usage: jfr print --stack-depth 64 --events jdk.ExecutionSample rec.jfr | python3 bench/jfr-top.py"""
import collections
import re
import sys

top = collections.Counter()
ours = collections.Counter()
inclusive = collections.Counter()
samples = 0
stack = None
for line in sys.stdin:
    line = line.strip()
    if line.startswith("stackTrace = ["):
        stack = []
    elif stack is not None and line.startswith("..."):
        continue
    elif stack is not None and line.startswith("]"):
        if stack:
            samples += 1
            top[stack[0]] += 1
            mine = next((f for f in stack if f.startswith("at.leoben.")), None)
            if mine:
                ours[mine] += 1
            for frame in set(stack):
                inclusive[frame] += 1
        stack = None
    elif stack is not None and line:
        stack.append(re.sub(r"\s+line:.*", "", line))

def show(title, counter, n=25):
    print(f"\n{title} ({samples} samples)")
    for frame, count in counter.most_common(n):
        print(f"{100.0 * count / samples:5.1f} %  {frame}")

show("top frames", top)
show("first frame of at.leoben code on the stack", ours)
show("inclusive (frame anywhere on the stack)", inclusive, 40)
