"""Rewrites the table of samples in samples/README.md from the expected.yaml files present (between the markers)."""
from __future__ import annotations

from pathlib import Path

import yaml

BEGIN, END = "<!-- samples table: written by samples/make/readme.py -->", "<!-- end of samples table -->"


def table(samples: Path) -> str:
    rows = ["| sample | zone | what it teaches | how it was made | status |", "|---|---|---|---|---|"]
    for exp in sorted(samples.glob("*/expected.yaml")):
        e = yaml.safe_load(exp.read_text())
        pending = e.get("pending")
        status = f"pending issue {pending['issue']}" if pending else "passes"
        rows.append(f"| `{e['sample']}` | {e['zone']} | {e['teaches']} | {e['made']} | {status} |")
    rows.append("| `proxy-443-bundle` | UTC | The first, older synthetic sample (byte-written capture, UTC logs, no "
                "`expected.yaml`); kept for `AnalysisRunTests`. | `scripts/make-sample-capture.py` | — |")
    return "\n".join(rows)


def rewrite(samples: Path) -> None:
    readme = samples / "README.md"
    text = readme.read_text()
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{BEGIN}\n{table(samples)}\n{END}{tail}")
