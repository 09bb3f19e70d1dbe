"""Check a photo by what it contains and re-encode it without its metadata (GPS position, camera, time).

A photo is accepted only when its first bytes are a PNG's or a JPEG's, Pillow can decode it, it is no
larger than settings.PROBLEM_PHOTO_MAX_BYTES and no more than MAX_PIXELS. What is stored is a new image
built from the pixels alone (turned upright first, as the camera meant it), so that EXIF, XMP and PNG text
chunks — a reporter's home, their phone's make — never reach storage. The stored name is generated.
"""

import io
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

PHOTO_TYPE_REFUSED = _("只能上传 PNG 或 JPEG 照片（按文件内容判断，与文件名无关）。")
PHOTO_TOO_LARGE = _("照片不能超过 %(limit)s。")
PHOTO_EMPTY = _("照片文件是空的。")
PHOTO_UNREADABLE = _("照片无法读取，可能已损坏。")
PHOTO_TOO_MANY_PIXELS = _("照片像素过多（不超过 4000 万像素）。")
TOO_MANY_PHOTOS = _("一次最多上传 %(count)s 张照片。")

MAX_PIXELS = 40_000_000
_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"))


def max_bytes() -> int:
    return settings.PROBLEM_PHOTO_MAX_BYTES


def sniff(head: bytes) -> str | None:
    return next((kind for signature, kind in _SIGNATURES if head.startswith(signature)), None)


def _decode(upload) -> Image.Image:
    upload.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload)
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(PHOTO_TOO_MANY_PIXELS, code="pixels")
            image.load()
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise ValidationError(PHOTO_TOO_MANY_PIXELS, code="pixels") from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise ValidationError(PHOTO_UNREADABLE, code="unreadable") from None
    return image


def _pixels_only(image: Image.Image, kind: str) -> bytes:
    image = ImageOps.exif_transpose(image)
    mode = "RGBA" if kind == "png" and image.mode in ("RGBA", "LA", "P") else "RGB"
    image = image.convert(mode)
    clean = Image.frombytes(mode, image.size, image.tobytes())  # the pixels, nothing else
    output = io.BytesIO()
    clean.save(output, format="PNG" if kind == "png" else "JPEG", quality=88, optimize=True)
    return output.getvalue()


def clean_photo(upload) -> tuple[str, SimpleUploadedFile]:
    """The photo's kind and a metadata-free copy under a generated name; ValidationError saying why not."""
    if upload.size == 0:
        raise ValidationError(PHOTO_EMPTY, code="empty")
    if upload.size > max_bytes():
        raise ValidationError(PHOTO_TOO_LARGE, code="too_large", params={"limit": filesizeformat(max_bytes())})
    upload.seek(0)
    kind = sniff(upload.read(16))
    if kind is None:
        raise ValidationError(PHOTO_TYPE_REFUSED, code="type")
    data = _pixels_only(_decode(upload), kind)
    name = f"{uuid.uuid4().hex}.{'png' if kind == 'png' else 'jpg'}"
    return kind, SimpleUploadedFile(name, data, content_type=f"image/{kind}")


def check_count(uploads) -> None:
    if len(uploads) > settings.PROBLEM_PHOTOS_MAX:
        raise ValidationError(TOO_MANY_PHOTOS, code="too_many", params={"count": settings.PROBLEM_PHOTOS_MAX})
