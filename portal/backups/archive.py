"""One archive of the whole portal: a tar file holding

    manifest.json      what the archive holds: when it was made, the database file, every upload with its size
                       and SHA-256, and the names rows point to that were missing from storage when it was made
    database.dump      pg_dump's custom format (PostgreSQL), or database.xml (Django's serializer, elsewhere)
    media/<name>       every file of the media storage, under its storage name

The database is dumped first and the files copied after it, so that every file a dumped row points to is
already stored. A restore checks every file's checksum before it changes anything, then replaces the
database's contents and writes every file back under its own name (replacing a file of that name).
"""

import dataclasses
import datetime
import json
import os
import tarfile
import tempfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage

from portal.backups import media
from portal.backups.database import BackupError, database_backup, database_restore

FORMAT = "portal-backup/1"
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"


@dataclasses.dataclass(frozen=True)
class Summary:
    database: str
    files: int
    bytes: int
    missing: list[str]


def portal_backup(*, path: Path, database: str = "default") -> Summary:
    """Write the database and every uploaded file to the archive at `path` (written aside, then renamed)."""
    if media.foreign_storages():
        raise BackupError(f"Files outside the media storage would be missed: {', '.join(media.foreign_storages())}.")
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    with tempfile.TemporaryDirectory() as folder, tarfile.open(partial, "w") as archive:
        database_file = database_backup(folder=Path(folder), database=database)
        archive.add(Path(folder) / database_file, arcname=database_file)
        files = [_add_stored_file(archive, name) for name in media.stored_names()]
        stored = {entry["name"] for entry in files}
        missing = sorted(media.referenced_names(database) - stored)
        manifest = {
            "format": FORMAT,
            "created": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": database_file,
            "files": files,
            "missing": missing,
        }
        _add_bytes(archive, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode())
    os.replace(partial, path)
    return Summary(database_file, len(files), sum(entry["size"] for entry in files), missing)


def _add_stored_file(archive, name):
    info = tarfile.TarInfo(MEDIA_PREFIX + name)
    info.size = default_storage.size(name)
    info.mtime = int(datetime.datetime.now().timestamp())
    with default_storage.open(name, "rb") as stored:
        reader = media.HashingReader(stored)
        archive.addfile(info, reader)
    return {"name": name, "size": info.size, "sha256": reader.hexdigest()}


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now().timestamp())
    with tempfile.TemporaryFile() as buffer:
        buffer.write(data)
        buffer.seek(0)
        archive.addfile(info, buffer)


def portal_restore(*, path: Path, database: str = "default") -> Summary:
    """Replace the database's contents with the archive's and write every file of it into the media storage."""
    path = Path(path)
    if not path.exists():
        raise BackupError(f"{path}: no such backup file.")
    try:
        archive = tarfile.open(path, "r")
    except tarfile.TarError as error:
        raise BackupError(f"{path} is not a backup made by backup_portal: {error}") from error
    with archive, tempfile.TemporaryDirectory() as folder:
        manifest = _checked_manifest(archive)
        database_file = Path(folder) / manifest["database"]
        database_file.write_bytes(_member(archive, manifest["database"]).read())
        database_restore(path=database_file, database=database)
        for entry in manifest["files"]:
            _restore_file(archive, entry)
    files = manifest["files"]
    return Summary(manifest["database"], len(files), sum(entry["size"] for entry in files), manifest["missing"])


def _member(archive, name):
    try:
        return archive.extractfile(name)
    except KeyError:
        raise BackupError(f"The backup has no {name}: it is incomplete.") from None


def _checked_manifest(archive):
    """The manifest, once every file it lists is in the archive with its size and checksum."""
    try:
        manifest = json.loads(_member(archive, MANIFEST).read())
    except ValueError as error:
        raise BackupError(f"The backup's {MANIFEST} cannot be read: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"This is not a backup of the {FORMAT} format.")
    for entry in manifest["files"]:
        if media.sha256_of(_member(archive, MEDIA_PREFIX + entry["name"])) != entry["sha256"]:
            raise BackupError(f"{entry['name']} in the backup is damaged (its checksum differs): nothing restored.")
    return manifest


def _restore_file(archive, entry):
    name = entry["name"]
    if default_storage.exists(name):
        default_storage.delete(name)
    saved = default_storage.save(name, File(_member(archive, MEDIA_PREFIX + name), name=name))
    if saved != name:
        raise BackupError(f"The storage kept {name} as {saved}: restore into a storage that accepts the names.")
