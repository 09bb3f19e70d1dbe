"""Back up and restore the whole portal: the database and every uploaded file, in one archive.

`portal_backup(path=...)` writes a tar archive; `portal_restore(path=...)` replaces the database's
contents and writes every file back into the media storage. See archive.py for what the archive holds.
"""

from portal.backups.archive import BackupError, portal_backup, portal_restore

__all__ = ["BackupError", "portal_backup", "portal_restore"]
