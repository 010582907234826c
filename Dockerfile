# The Actorgraph API and views. The graph lives in the Neo4j service of docker-compose.yml.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY loaders ./loaders
COPY api ./api
COPY viz ./viz
COPY examples ./examples
RUN pip install . && useradd --create-home actorgraph
USER actorgraph
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=5s --retries=5 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health')" || exit 1
CMD ["kg", "serve", "--host", "0.0.0.0", "--port", "8000"]
