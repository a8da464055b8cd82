"""Writing one sample: its bundle directory (what TAC receives) and its expected.yaml (the ground truth)."""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import cucm_text as ct

SAMPLES = Path(__file__).resolve().parent.parent
META = Path(__file__).resolve().parent / "meta"

# Every rule id, for must-not lists that say "none of the failure findings".
FAILURE_RULES = ["CSCvc94366", "CSCvf86710", "CSCvh16069", "auth-expired", "clock-skew", "communication-failure",
                 "dns-failure", "eval-expired", "no-provisioning", "out-of-compliance", "product-removed",
                 "proxy-auth-required", "proxy-denied", "registration-expired", "subscriber-not-publisher",
                 "tcp-blocked", "tls-interception", "tls-untrusted-ca", "transport-disabled"]


@dataclass
class Sample:
    name: str
    node: ct.Node
    teaches: str
    made: str
    dir: Path = field(init=False)
    must: list[str] = field(default_factory=list)
    must_not: list[str] = field(default_factory=list)
    final_states: dict[str, str] = field(default_factory=dict)
    instants: list[dict] = field(default_factory=list)
    skew: dict | None = None
    partly_unreadable: bool = False
    pending: dict | None = None
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.dir = SAMPLES / self.name
        self.bundle = self.dir / "bundle"

    def fresh(self, keep: tuple[str, ...] = ()) -> None:
        """Empties the bundle directory except the files named in `keep` (the committed captures)."""
        self.bundle.mkdir(parents=True, exist_ok=True)
        for p in self.bundle.iterdir():
            if p.name in keep:
                continue
            shutil.rmtree(p) if p.is_dir() else p.unlink()

    def write(self, rel: str, text: str | bytes) -> Path:
        p = self.bundle / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        (p.write_bytes if isinstance(text, bytes) else p.write_text)(text)
        return p

    # -- expectations

    def event_at(self, kind: str, source: str, epoch: float, tolerance: float, basis: str) -> None:
        self.instants.append({"what": f"{kind} read from {source}", "event": kind, "source": source,
                              "utc": ct.iso_utc(epoch), "epoch": round(epoch, 3), "tolerance_seconds": tolerance,
                              "basis": basis})

    def runway_at(self, dimension: str, to: str, epoch: float, tolerance: float, basis: str) -> None:
        self.instants.append({"what": f"runway: {dimension} becomes {to}", "runway": {"dimension": dimension, "to": to},
                              "utc": ct.iso_utc(epoch), "epoch": round(epoch, 3), "tolerance_seconds": tolerance,
                              "basis": basis})

    def transition_at(self, dimension: str, to: str, epoch: float, tolerance: float, basis: str) -> None:
        self.instants.append({"what": f"{dimension} became {to} (in the history or on the runway)",
                              "transition": {"dimension": dimension, "to": to},
                              "utc": ct.iso_utc(epoch), "epoch": round(epoch, 3), "tolerance_seconds": tolerance,
                              "basis": basis})

    def healthy_until_deadline(self, deadline: float, transport: str) -> None:
        """Registered and authorized at the end, over `transport`; authorization expires at the printed `deadline`
        if nothing succeeds (the basis is set by deadline_basis)."""
        self.final_states = {"registration": "REGISTERED", "authorization": "AUTHORIZED", "transport": transport}
        self._deadline = deadline

    def deadline_basis(self, basis: str) -> None:
        self.runway_at("authorization", "AUTHORIZATION EXPIRED", self._deadline, 360, basis)

    def expected(self) -> dict:
        e = {"sample": self.name, "customer": self.node.smart_account or self.node.host, "host": self.node.host,
             "zone": self.node.zone, "udi": self.node.udi, "teaches": self.teaches, "made": self.made,
             "findings": {"must": self.must, "must_not": self.must_not}}
        if self.final_states:
            e["final_states"] = self.final_states
        e["partly_unreadable"] = self.partly_unreadable
        e["instants"] = self.instants
        if self.skew:
            e["skew"] = self.skew
        if self.pending:
            e["pending"] = self.pending
        if self.notes:
            e["notes"] = self.notes
        return e

    def finish(self) -> None:
        header = (f"# Ground truth for samples/{self.name}, written by samples/make/build.py from how the sample was made\n"
                  "# (capture packet times, the documented timers). The scenario test\n"
                  "# (Tests/AnalysisTests/SampleScenarioTests.swift) analyzes bundle/ and compares.\n")
        body = yaml.safe_dump(self.expected(), sort_keys=False, allow_unicode=True, width=110)
        (self.dir / "expected.yaml").write_text(header + body)


def load_meta(name: str) -> dict:
    return json.loads((META / f"{name}.json").read_text())
