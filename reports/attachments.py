"""Check an uploaded evidence file by what it contains, not by what it is called.

A file is accepted only when its first bytes are those of a PDF, a PNG or a JPEG and it
is no larger than settings.REPORT_ATTACHMENT_MAX_BYTES; a renamed executable ("证明.pdf"
that starts with "MZ" or "\\x7fELF") is refused, and the stored name is generated, never
the uploader's.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from reports.models import Attachment

ATTACHMENT_TYPE_REFUSED = _("只能上传 PDF、PNG 或 JPEG 文件（按文件内容判断，与文件名无关）。")
ATTACHMENT_TOO_LARGE = _("文件不能超过 %(limit)s。")
ATTACHMENT_EMPTY = _("文件是空的。")

# Signatures at offset 0 (PDF's header may follow a few bytes of junk, which we do not accept).
_SIGNATURES = (
    (b"%PDF-", Attachment.Kind.PDF),
    (b"\x89PNG\r\n\x1a\n", Attachment.Kind.PNG),
    (b"\xff\xd8\xff", Attachment.Kind.JPEG),
)
_EXTENSIONS = {Attachment.Kind.PDF: "pdf", Attachment.Kind.PNG: "png", Attachment.Kind.JPEG: "jpg"}
_CONTENT_TYPES = {
    Attachment.Kind.PDF: "application/pdf",
    Attachment.Kind.PNG: "image/png",
    Attachment.Kind.JPEG: "image/jpeg",
}
# A stored file that is none of the kinds (it cannot be uploaded so, but storage is outside our hands).
UNKNOWN_CONTENT_TYPE = "application/octet-stream"
UNKNOWN_EXTENSION = "bin"
DEFAULT_DOWNLOAD_STEM = _("附件")


def max_bytes() -> int:
    return settings.REPORT_ATTACHMENT_MAX_BYTES


def sniff_kind(head: bytes) -> str | None:
    """The attachment kind whose signature `head` starts with, or None."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def check_upload(upload) -> str:
    """Return the upload's kind, or raise ValidationError saying why it is refused."""
    if upload.size == 0:
        raise ValidationError(ATTACHMENT_EMPTY, code="empty")
    if upload.size > max_bytes():
        raise ValidationError(ATTACHMENT_TOO_LARGE, code="too_large", params={"limit": filesizeformat(max_bytes())})
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = sniff_kind(head)
    if kind is None:
        raise ValidationError(ATTACHMENT_TYPE_REFUSED, code="type")
    return kind


def stored_name(kind: str) -> str:
    return f"{uuid.uuid4().hex}.{_EXTENSIONS[kind]}"


def content_type(kind: str | None) -> str:
    return _CONTENT_TYPES.get(kind, UNKNOWN_CONTENT_TYPE)


def download_name(original_name: str, kind: str | None) -> str:
    """The uploader's name with the extension of the file's real kind: 报告.exe holding a PDF downloads as 报告.pdf."""
    stem = PurePosixPath(original_name.replace("\\", "/")).name.rsplit(".", 1)[0].strip()
    return f"{stem or DEFAULT_DOWNLOAD_STEM}.{_EXTENSIONS.get(kind, UNKNOWN_EXTENSION)}"
