"""Machine instructions per parsed document: a speed measure that other work on the machine
does not move.

Wall-clock figures of ``throughput.py`` vary by half between two runs on a shared machine
(trafilatura ran at 82 and at 35 pages/s on two days); to tell whether a change makes parsing
cheaper, count the instructions instead. Builds the same corpus as ``throughput.py`` (300
documents by default), parses it once to warm up, then runs it ``--rounds`` more times under
valgrind's cachegrind; the count of a run that only warms up is subtracted, so imports and
the warm-up do not count. Needs valgrind (``apt install valgrind``); takes about a minute.

    python benchmarks/instructions.py [--docs 300] [--rounds 2]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
import throughput
import presswire
texts = throughput.build_corpus(Path(sys.argv[2]), int(sys.argv[3]))
for text in texts:
    presswire.parse(text)
for _ in range(int(sys.argv[4])):
    for text in texts:
        presswire.parse(text)
"""


def instructions(docs: int, rounds: int) -> int:
    """Instructions of a run that builds the corpus, warms up and parses it ``rounds`` times."""
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [
                "valgrind",
                "--tool=cachegrind",
                "--cache-sim=no",
                "--cachegrind-out-file=/dev/null",
                sys.executable,
                "-c",
                CHILD,
                str(HERE),
                folder,
                str(docs),
                str(rounds),
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},  # the same set orders in every run
        )
    match = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if match is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{result.stderr[-2000:]}")
    return int(match[1].replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=300, help="corpus size (default 300)")
    parser.add_argument("--rounds", type=int, default=2, help="parses counted (default 2)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind not found: install it to count instructions", file=sys.stderr)
        return 2
    warm_up = instructions(args.docs, 0)
    counted = instructions(args.docs, args.rounds)
    per_document = (counted - warm_up) / (args.docs * args.rounds)
    print(
        f"parse, {args.docs} corpus text dumps x {args.rounds} rounds (memos warm): "
        f"{per_document / 1e6:.3f} million instructions per document"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
