#!/usr/bin/env python3
"""Folds `jfr print --events jdk.ExecutionSample|jdk.CPUTimeSample --stack-depth 64` output.

Prints the top methods by self samples (top of stack) and the share of samples whose stack
contains a frame of each category (inclusive; a sample can count in several categories).
Usage: jfr-top.py SAMPLES.txt [TOP=25] [THREAD-SUBSTRING]
"""
import collections
import re
import sys

# First matching category wins for "self" time; inclusive shares use every category on the stack.
CATEGORIES = [
    ("syscall (io_uring_enter/epoll/NIO)", re.compile(r"ioUringEnter|epollWait|epollBusyWait|"
                                                      r"io\.netty\.channel\.(epoll|unix)\.(Native|FileDescriptor)\.|"
                                                      r"sun\.nio\.ch\.")),
    ("housekeeper (active expire, compaction)", re.compile(r"io\.brisk\.store\.Housekeeper")),
    ("RESP parsing", re.compile(r"io\.brisk\.protocol\.(resp\.RespParser|resp\.InlineSplitter|CommandArgs)")),
    ("reply writing", re.compile(r"io\.brisk\.protocol\.resp\.RespWriter")),
    ("store (Db/segments)", re.compile(r"io\.brisk\.store\.(?!SlotLocks)")),
    ("slot locks", re.compile(r"io\.brisk\.store\.SlotLocks")),
    ("dispatch/commands", re.compile(r"io\.brisk\.command\.")),
    ("stats counters (LongAdder)", re.compile(r"java\.util\.concurrent\.atomic\.(LongAdder|Striped64)")),
    ("Netty pipeline/buffers", re.compile(r"io\.netty\.")),
    ("JDK", re.compile(r"^(java|jdk|sun)\.")),
]
FRAME = re.compile(r"^\s+(\S.*?)\s+line:\s*\d+")


def frames_of(text):
    for block in text.split("\n}\n"):
        if "stackTrace = [" not in block:
            continue
        thread = re.search(r'(?:sampledThread|eventThread) = "([^"]*)"', block)
        stack = []
        for line in block.split("stackTrace = [", 1)[1].splitlines():
            m = FRAME.match(line)
            if m:
                stack.append(re.sub(r"\(.*", "", m.group(1)))
        if stack:
            yield (thread.group(1) if thread else "?"), stack


def category(frame):
    for name, rx in CATEGORIES:
        if rx.search(frame):
            return name
    return "other"


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    only = sys.argv[3] if len(sys.argv) > 3 else None
    text = open(path, encoding="utf-8", errors="replace").read()
    self_count = collections.Counter()
    self_cat = collections.Counter()
    incl_cat = collections.Counter()
    threads = collections.Counter()
    total = 0
    for thread, stack in frames_of(text):
        threads[thread] += 1
        if only and only not in thread:
            continue
        total += 1
        self_count[stack[0]] += 1
        # self category: the innermost frame that belongs to a named category
        self_cat[next((c for c in map(category, stack) if c != "other"), "other")] += 1
        for c in set(map(category, stack)):
            incl_cat[c] += 1
    print(f"samples: {total} (threads: {', '.join(f'{t} {n}' for t, n in threads.most_common(6))})")
    print(f"\ntop {top} methods by self samples:")
    for f, n in self_count.most_common(top):
        print(f"  {100 * n / total:5.1f}%  {f}")
    print("\nself time by category (innermost categorized frame):")
    for c, n in self_cat.most_common():
        print(f"  {100 * n / total:5.1f}%  {c}")
    print("\ninclusive (stack contains a frame of the category):")
    for c, n in incl_cat.most_common():
        if c in ("JDK", "other"):
            continue  # every stack starts in Thread.run: not informative
        print(f"  {100 * n / total:5.1f}%  {c}")


if __name__ == "__main__":
    main()
