"""Lessons through a full Vertex AI outage on the vertex + gcs profile (local fakes, no internet).

Run: .venv/bin/python -m benchmarks.vertex_outage [--outage-s 60] [--lessons 12]
The fault suite runs the same drill with an outage held until the fake has refused ten requests; this holds
one for 60 s (the issue's figure) and prints how long lessons waited, how many requests reached the dead
upstream and how often the breaker opened.
"""

import argparse
import asyncio
import os
import tempfile
from pathlib import Path

from tests.fakes.cloud_profile import start_cloud_service
from tests.faults.vertex_drills import outage_drill


async def main(outage_s: float, lessons: int) -> None:
    """Start both fakes and the service, run the drill, print the figures."""
    with tempfile.TemporaryDirectory(prefix="lessonsmith-outage-") as home:
        async for cloud in start_cloud_service(Path(home), concurrency=6, vertex_max_attempts=5,
                                               vertex_breaker_failures=5, vertex_breaker_reset_seconds=1.0):
            report = await outage_drill(cloud, lambda: asyncio.sleep(outage_s), lessons)
            print(report.summary())
            print(f"load average {os.getloadavg()[0]:.1f}; failed {[x['error'] for x in report.lessons if x['error']]}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--outage-s", type=float, default=60.0)
    parser.add_argument("--lessons", type=int, default=12)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.outage_s, arguments.lessons))
