"""models/ documents every record in one place: the table at the top of models/__init__.py
names every model and enumeration its modules define (exceptions document themselves in
models/errors.py)."""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from enum import Enum

from pydantic import BaseModel

import models


def _records() -> set[str]:
    names = set()
    for module_info in pkgutil.iter_modules(models.__path__):
        module = importlib.import_module(f"models.{module_info.name}")
        for name, value in vars(module).items():
            if (inspect.isclass(value) and value.__module__ == module.__name__
                    and issubclass(value, (BaseModel, Enum))):
                names.add(name)
    return names


def test_every_record_is_in_the_table_of_models() -> None:
    documented = set(re.findall(r"\w+", models.__doc__ or ""))
    records = _records()
    assert {"DossierResult", "Review", "FieldCorrection", "TypeCorrection", "Page"} <= records
    assert records - documented == set()
