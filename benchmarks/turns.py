#!/usr/bin/env python3
"""Wall time of shell commands taking turns, for side-by-side comparisons on a noisy machine.

Usage: benchmarks/turns.py RUNS 'command one' 'command two' ...
Runs each command twice untimed, then RUNS rounds in which each command runs once, in the order given; prints each
command's median and range in seconds. A command that fails stops the comparison.
"""
import statistics
import subprocess
import sys
import time


def main():
    runs, commands = int(sys.argv[1]), sys.argv[2:]
    times = {command: [] for command in commands}
    for command in commands:
        for _ in range(2):
            subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(runs):
        for command in commands:
            start = time.perf_counter()
            done = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            times[command].append(time.perf_counter() - start)
            if done.returncode != 0:
                sys.exit(f"failed ({done.returncode}): {command}\n{done.stderr.decode(errors='replace')[-500:]}")
    for command in commands:
        sample = sorted(times[command])
        print(f"{statistics.median(sample):.3f} s median ({sample[0]:.3f} to {sample[-1]:.3f})  {command}")


if __name__ == "__main__":
    main()
