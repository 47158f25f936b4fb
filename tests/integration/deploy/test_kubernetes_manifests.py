"""The manifests under deploy/ validate against the Kubernetes JSON schemas offline (kubernetes-validate ships
them), strictly (no unknown fields), and say what operations relies on: probes, resources, non-root, the
worker's autoscaling on queue depth, settings from the ConfigMap and the Secret."""

from typing import Any

import kubernetes_validate
import pytest
import yaml

from tests.integration.deploy.manifests import K8S, NOT_KUBERNETES, find, load_all, manifest_files

pytestmark = pytest.mark.req("RDS-069")

VERSIONS = ("1.29.0", kubernetes_validate.latest_version())
WORKLOADS = (("Deployment", "lessonsmith-api"), ("Deployment", "lessonsmith-worker"), ("Job", "lessonsmith-db-upgrade"))


def _container(kind: str, name: str) -> dict[str, Any]:
    (container,) = find(kind, name)["spec"]["template"]["spec"]["containers"]
    return container


@pytest.mark.parametrize("version", VERSIONS)
def test_every_manifest_validates_strictly_against_the_schemas(version: str) -> None:
    objects = load_all()
    assert {o["kind"] for o in objects} >= {"Deployment", "Service", "Job", "HorizontalPodAutoscaler", "ConfigMap",
                                            "Secret", "PodDisruptionBudget", "PersistentVolumeClaim"}
    for obj in objects:
        kubernetes_validate.validate(obj, version, strict=True)


def test_the_validator_rejects_a_broken_manifest() -> None:
    broken = find("Deployment", "lessonsmith-api")
    broken["spec"]["template"]["spec"]["containers"][0]["resources"]["limits"]["cpu"] = ["not", "a", "quantity"]
    broken["spec"]["replica"] = 2
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, VERSIONS[-1], strict=True)


def test_the_kustomization_lists_every_manifest_but_the_job_and_the_secret_template() -> None:
    listed = set(yaml.safe_load((K8S / "kustomization.yaml").read_text())["resources"])
    on_disk = {p.name for p in K8S.glob("*.yaml")} - NOT_KUBERNETES
    assert listed == on_disk - {"migration-job.yaml"}
    assert all(path.exists() for path in manifest_files())


@pytest.mark.parametrize(("kind", "name"), WORKLOADS)
def test_workloads_run_one_image_as_non_root_with_requests_limits_and_shared_settings(kind: str, name: str) -> None:
    pod = find(kind, name)["spec"]["template"]["spec"]
    container = _container(kind, name)
    assert container["image"] == "lessonsmith:latest"
    assert pod["securityContext"]["runAsNonRoot"] is True and pod["securityContext"]["runAsUser"] != 0
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert {"cpu", "memory"} <= container["resources"]["requests"].keys()
    assert {"cpu", "memory"} <= container["resources"]["limits"].keys()
    sources = {next(iter(ref.values()))["name"] for ref in container["envFrom"]}
    assert sources == {"lessonsmith-config", "lessonsmith-secrets"}
    assert find("ConfigMap", "lessonsmith-config") and find("Secret", "lessonsmith-secrets")


def test_the_same_image_runs_serve_worker_db_upgrade_and_corpus_ingest() -> None:
    commands = {name: _container(kind, name)["args"][:2] for kind, name in WORKLOADS}
    assert commands == {"lessonsmith-api": ["serve", "--host"], "lessonsmith-worker": ["worker", "--metrics-port"],
                        "lessonsmith-db-upgrade": ["corpus", "ingest"]}
    job = find("Job", "lessonsmith-db-upgrade")["spec"]["template"]["spec"]
    (migrate,) = job["initContainers"]
    assert migrate["args"] == ["db", "upgrade"] and migrate["image"] == "lessonsmith:latest"
    assert migrate["envFrom"] == _container("Job", "lessonsmith-db-upgrade")["envFrom"]
    assert _container("Job", "lessonsmith-db-upgrade")["args"][2] == "/opt/lessonsmith/corpus"  # COPY in the image


def test_the_api_is_probed_on_the_health_routes_and_served_by_its_service() -> None:
    api = _container("Deployment", "lessonsmith-api")
    assert api["livenessProbe"]["httpGet"]["path"] == "/health/live"
    assert api["readinessProbe"]["httpGet"]["path"] == "/health/ready"
    service = find("Service", "lessonsmith-api")
    assert service["spec"]["selector"] == find("Deployment", "lessonsmith-api")["spec"]["selector"]["matchLabels"]


@pytest.mark.req("RDS-060")
def test_the_worker_scales_on_queue_depth_and_drains_within_its_grace_period() -> None:
    hpa = find("HorizontalPodAutoscaler", "lessonsmith-worker")["spec"]
    assert hpa["scaleTargetRef"]["name"] == "lessonsmith-worker"
    (metric,) = hpa["metrics"]
    assert metric["type"] == "External" and metric["external"]["metric"]["name"] == "lessonsmith_queue_depth"
    worker = find("Deployment", "lessonsmith-worker")["spec"]["template"]["spec"]
    assert worker["terminationGracePeriodSeconds"] > 30  # the worker's drain deadline
    assert find("HorizontalPodAutoscaler", "lessonsmith-api")["spec"]["minReplicas"] >= 2


def test_disruption_budgets_cover_both_deployments() -> None:
    for name in ("lessonsmith-api", "lessonsmith-worker"):
        budget = find("PodDisruptionBudget", name)["spec"]["selector"]["matchLabels"]
        assert budget == find("Deployment", name)["spec"]["selector"]["matchLabels"]
