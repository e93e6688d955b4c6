"""Airflow DAGs: thin wiring of pipeline.tasks."""
