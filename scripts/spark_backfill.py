"""The `spark-submit` entry point of the backfill (docs/inputs.md):

    PYSPARK_PYTHON=$PWD/.venv/bin/python .venv/bin/spark-submit --master spark://host:7077 \
        scripts/spark_backfill.py CORPUS... [--writers 4] [--resume]

The master and the cluster settings come from spark-submit; Neo4j from NEO4J_URI, NEO4J_USER,
NEO4J_PASSWORD. The executors need Actorgraph installed in the Python that PYSPARK_PYTHON names.
"""

from loaders.backfill import main

if __name__ == "__main__":
    main()
