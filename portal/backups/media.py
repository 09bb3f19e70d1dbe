"""The uploads part of a backup: every file in the media storage, read and written through Django's storage API
(the local MEDIA_ROOT, or a shared bucket through django-storages alike)."""

import hashlib
import posixpath

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models

CHUNK = 2**20


class HashingReader:
    """A file object that computes the SHA-256 of what is read through it."""

    def __init__(self, file):
        self.file = file
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.digest.update(data)
        return data

    def hexdigest(self):
        return self.digest.hexdigest()


def file_fields():
    return [
        field
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField) and field.concrete
    ]


def foreign_storages():
    """The file fields that keep their files somewhere other than the media storage (the backup would miss them)."""
    return [str(field) for field in file_fields() if field.storage is not default_storage]


def referenced_names(using="default"):
    """Every file name a row of the database points to."""
    names = set()
    for field in file_fields():
        manager = field.model._base_manager.using(using)
        names.update(manager.exclude(**{field.name: ""}).values_list(field.name, flat=True))
    return names


def stored_names(folder=""):
    """Every file in the media storage, by its storage name."""
    directories, files = default_storage.listdir(folder)
    for name in sorted(files):
        yield posixpath.join(folder, name) if folder else name
    for directory in sorted(directories):
        yield from stored_names(posixpath.join(folder, directory) if folder else directory)


def sha256_of(file):
    reader = HashingReader(file)
    while reader.read(CHUNK):
        pass
    return reader.hexdigest()
