"""Photos: checked by content and size, stored as pixels only (no GPS, no camera), under a generated name."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image

from problems.photos import PHOTO_TOO_LARGE, PHOTO_TYPE_REFUSED, clean_photo
from tests.problems.factories import file_problem

pytestmark = pytest.mark.django_db


def jpeg_with_gps(name="现场.jpg") -> SimpleUploadedFile:
    image = Image.new("RGB", (64, 48), (200, 180, 150))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (28.0, 41.0, 0.0)
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, output.getvalue(), content_type="image/jpeg")


def test_location_and_camera_metadata_are_stripped():
    upload = jpeg_with_gps()
    assert Image.open(io.BytesIO(upload.read())).getexif()  # the original has them
    kind, clean = clean_photo(upload)
    stored = Image.open(io.BytesIO(clean.read()))
    assert kind == "jpeg" and not stored.getexif() and "exif" not in stored.info
    assert stored.size == (64, 48) and clean.name.endswith(".jpg") and "现场" not in clean.name


def test_a_renamed_executable_is_refused():
    with pytest.raises(ValidationError) as refused:
        clean_photo(SimpleUploadedFile("photo.jpg", b"MZ\x90\x00" + b"\x00" * 100))
    assert refused.value.messages == [PHOTO_TYPE_REFUSED]


@override_settings(PROBLEM_PHOTO_MAX_BYTES=100)
def test_a_photo_over_the_limit_is_refused():
    with pytest.raises(ValidationError) as refused:
        clean_photo(jpeg_with_gps())
    assert refused.value.messages == [PHOTO_TOO_LARGE % {"limit": "100\xa0字节"}]


def test_photos_filed_with_a_problem_are_private_and_clean(county, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    problem = file_problem(county, photos=[jpeg_with_gps()]).problem
    photo = problem.photos.get()
    assert not photo.is_public and photo.kind == "jpeg"
    assert not Image.open(photo.file.path).getexif()
