"""Loading the Kubernetes manifests under deploy/ for the deployment tests."""

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[3]
K8S = ROOT / "deploy" / "k8s"
NOT_KUBERNETES = {"kustomization.yaml"}


def manifest_files() -> list[Path]:
    """Every Kubernetes manifest (the kustomization is kustomize's, not a cluster object)."""
    return sorted([p for p in K8S.glob("*.yaml") if p.name not in NOT_KUBERNETES]
                  + [ROOT / "deploy" / "secret.example.yaml"])


def load_all() -> list[dict[str, Any]]:
    """Every object of every manifest file."""
    return [doc for path in manifest_files() for doc in yaml.safe_load_all(path.read_text()) if doc]


def find(kind: str, name: str) -> dict[str, Any]:
    """The object of `kind` named `name` (AssertionError when absent)."""
    matches = [o for o in load_all() if o["kind"] == kind and o["metadata"]["name"] == name]
    assert len(matches) == 1, f"expected one {kind}/{name}, found {len(matches)}"
    return matches[0]
