"""Archives: restorable on Debian 12's Python, private to their owner, media wherever they live,
kept by a retention scheme, and never restored over a site in use without being told."""

import io
import os
import stat
import subprocess
import tarfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from raccord.core import archive as archive_module
from raccord.core import backup as backup_module

SYSTEM_PYTHON = Path("/usr/bin/python3")


def _archive(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_extracts_where_tarfile_has_no_filters(tmp_path, monkeypatch):
    """Python 3.11.2 (Debian 12): no `data_filter`, and extractall() takes no `filter`."""
    original = tarfile.TarFile.extractall

    def old_extractall(self, path=".", members=None, *, numeric_owner=False, **kwargs):
        if kwargs:
            raise TypeError(
                f"extractall() got an unexpected keyword argument {next(iter(kwargs))!r}"
            )
        return original(self, path, members, numeric_owner=numeric_owner)

    monkeypatch.delattr(tarfile, "data_filter", raising=False)
    monkeypatch.setattr(tarfile.TarFile, "extractall", old_extractall)
    source = _archive(tmp_path / "a.tar.gz", {"manifest.json": b"{}", "media/x.txt": b"x"})
    archive_module.extract(source, tmp_path / "out")
    assert (tmp_path / "out" / "media" / "x.txt").read_bytes() == b"x"


@pytest.mark.skipif(not SYSTEM_PYTHON.exists(), reason="no system Python here")
def test_extracts_under_the_system_python(tmp_path):
    source = _archive(tmp_path / "a.tar.gz", {"manifest.json": b"{}", "media/y.txt": b"y"})
    script = (
        "import importlib.util, sys, pathlib\n"
        "spec = importlib.util.spec_from_file_location('archive', sys.argv[1])\n"
        "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)\n"
        "module.extract(pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3]))\n"
    )
    result = subprocess.run(
        [
            str(SYSTEM_PYTHON),
            "-c",
            script,
            archive_module.__file__,
            str(source),
            str(tmp_path / "o"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "o" / "media" / "y.txt").read_bytes() == b"y"


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil.txt", "media/../../evil.txt"])
def test_refuses_a_member_outside_the_folder(tmp_path, name):
    source = _archive(tmp_path / "a.tar.gz", {name: b"pwned"})
    with pytest.raises(RuntimeError, match="unsafe"):
        archive_module.extract(source, tmp_path / "out")
    assert not (tmp_path / "evil.txt").exists()


def test_refuses_a_symlink_member(tmp_path):
    path = tmp_path / "a.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("media/passwd")
        info.type = tarfile.SYMTYPE
        info.linkname = "/etc/passwd"
        tar.addfile(info)
    with pytest.raises(RuntimeError, match="unsafe"):
        archive_module.extract(path, tmp_path / "out")


@pytest.mark.django_db(transaction=True)
def test_archive_is_readable_by_its_owner_only(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.RACCORD_PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    os.umask(0o022)
    path = backup_module.backup(tmp_path / "backups")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "backups").stat().st_mode) == 0o700
    assert [p.name for p in (tmp_path / "backups").iterdir()] == [path.name]


@pytest.mark.django_db(transaction=True)
def test_media_on_remote_storage_travel_in_the_archive(tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    settings.RACCORD_PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    default_storage.save("images/affiche.jpg", ContentFile(b"affiche"))
    default_storage.save("documents/2024/compte-rendu.txt", ContentFile(b"CR"))

    path = backup_module.backup(tmp_path / "backups")
    with tarfile.open(path) as tar:
        names = set(tar.getnames())
    assert {"media/images/affiche.jpg", "media/documents/2024/compte-rendu.txt"} <= names

    default_storage.delete("images/affiche.jpg")
    archive_module.extract(path, tmp_path / "out")
    assert backup_module._restore_media(tmp_path / "out" / "media") == 2
    with default_storage.open("images/affiche.jpg") as handle:
        assert handle.read() == b"affiche"


def _names(days: list[date]) -> list[Path]:
    return [Path(f"raccord-{day:%Y%m%d}-021500.tar.gz") for day in days]


def test_retention_keeps_seven_days_four_weeks_six_months():
    today = date(2026, 12, 2)
    archives = _names([today - timedelta(days=n) for n in range(400)])
    keep = backup_module.archives_to_keep(archives)
    assert set(_names([today - timedelta(days=n) for n in range(7)])) <= keep
    months = {(d.year, d.month) for d in (backup_module._archive_day(p) for p in keep)}
    assert len(months) == 6
    assert len(keep) <= 7 + 4 + 6
    assert Path("raccord-20251231-021500.tar.gz") not in keep


def test_prune_deletes_what_retention_drops(tmp_path):
    today = date(2026, 12, 2)
    for path in _names([today - timedelta(days=n) for n in range(60)]):
        (tmp_path / path).write_bytes(b"")
    (tmp_path / "notes.txt").write_text("kept")
    removed = backup_module.prune(tmp_path)
    left = sorted(p.name for p in tmp_path.glob("raccord-*"))
    assert removed and len(left) <= 17
    assert "raccord-20261202-021500.tar.gz" in left
    assert (tmp_path / "notes.txt").exists()


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_site_in_use_unless_forced(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.RACCORD_PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    get_user_model().objects.create_user("equipe", password="x")
    path = backup_module.backup(tmp_path / "backups")
    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(path))

    out = io.StringIO()
    call_command("restore", str(path), "--force", stdout=out)
    assert "1 compte(s)" in out.getvalue()


def test_list_jobs_names_every_timer():
    out = io.StringIO()
    call_command("list_jobs", stdout=out)
    jobs = {line.split("\t")[0]: line.split("\t") for line in out.getvalue().splitlines()}
    assert jobs["backup"][1:3] == ["*-*-* 02:15:00", "backup --nightly"]
    assert {"send_queued_mails", "send_event_reminders", "newsletter_send_due"} <= set(jobs)
