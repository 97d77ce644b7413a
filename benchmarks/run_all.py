"""Run every benchmark in turn; each prints its own table. Usage: python benchmarks/run_all.py"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
BENCHES = ["bench_coding.py", "bench_synthesis.py", "bench_survey.py", "bench_web.py"]


def main() -> int:
    failed = []
    for name in BENCHES:
        path = HERE / name
        if not path.exists():
            print(f"(skipping {name}: not present)")
            continue
        print(f"\n=== {name} ===", flush=True)
        if subprocess.call([sys.executable, str(path), *sys.argv[1:]]) != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
