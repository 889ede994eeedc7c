"""`batch --shard K/N`: which repositories a shard takes, and the command line around it."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forgeapi_migrate import shard
from forgeapi_migrate.batch import Target, read_targets
from forgeapi_migrate.cli import main
from forgeapi_migrate.shard import Shard, normalise_url, parse_shard, select, shard_key
from tests.helpers import git

NAMES = st.text(st.characters(codec="utf-8", exclude_characters="\0"), min_size=1, max_size=30)


def targets_named(names: list[str]) -> list[Target]:
    return [Target(Path("/nowhere") / str(i), "", name) for i, name in enumerate(names)]


def split(targets: list[Target], count: int) -> list[list[Target]]:
    with mock.patch.object(shard, "remote_url", return_value=None):  # keys: the listed names
        return [select(targets, Shard(k, count)) for k in range(1, count + 1)]


@given(
    names=st.lists(NAMES, unique=True, max_size=40),
    more=st.lists(NAMES, max_size=20),
    count=st.integers(1, 12),
    at=st.integers(0, 40),
)
def test_shards_partition_the_list_and_stay_put_when_it_grows(
    names: list[str], more: list[str], count: int, at: int
) -> None:
    targets = targets_named(names)
    shards = split(targets, count)
    by_name = sorted(t.listed_as for s in shards for t in s)
    assert by_name == sorted(names)  # disjoint, and the union is the whole list
    added = [t for t in targets_named(more) if t.listed_as not in names]
    grown = [*targets[:at], *(Target(Path("/new"), "", t.listed_as) for t in added), *targets[at:]]
    for before, after in zip(shards, split(grown, count), strict=True):
        assert [t for t in after if t in targets] == before


def test_a_shard_is_a_function_of_the_name_alone() -> None:
    names = [f"service-{i}" for i in range(50)]
    forward = split(targets_named(names), 4)
    backward = split(targets_named(names[::-1]), 4)
    assert [sorted(t.listed_as for t in s) for s in forward] == [
        sorted(t.listed_as for t in s) for s in backward
    ]
    assert all(s for s in forward)  # 50 names leave no shard of 4 empty
    # sha256, fixed for ever: a different hash (or Python's salted hash()) would move the
    # repositories of a fleet between shards from one release, or one process, to the next
    keys = [f"github.com/acme/service-{i}" for i in range(8)]
    owners = [[k for k in range(1, 9) if Shard(k, 8).holds(key)] for key in keys]
    assert owners == [[3], [3], [2], [5], [8], [7], [2], [2]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1/1", Shard(1, 1)), ("2/8", Shard(2, 8)), (" 8 / 8 ", Shard(8, 8))],
)
def test_parse_shard(text: str, expected: Shard) -> None:
    assert parse_shard(text) == expected


@pytest.mark.parametrize("text", ["0/4", "5/4", "1/0", "0/0", "-1/4", "2", "a/b", "1/2/3", ""])
def test_bad_shards_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="K"):
        parse_shard(text)


@pytest.mark.parametrize("text", ["0/4", "5/4", "two/4"])
def test_batch_refuses_a_bad_shard_with_exit_2(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["batch", str(tmp_path), "--shard", text]) == 2
    assert "--shard" in capsys.readouterr().err


@pytest.mark.parametrize(
    "url",
    [
        "git@github.com:acme/billing.git",
        "https://github.com/acme/billing",
        "https://x-access-token:secret@GitHub.com/acme/billing.git/",
        "ssh://git@github.com:22/acme/billing.git",
        "git://github.com/acme/billing",
    ],
)
def test_one_repository_has_one_key_whatever_the_clone_url(url: str) -> None:
    assert normalise_url(url) == "github.com/acme/billing"


def test_local_remotes_keep_their_path() -> None:
    assert normalise_url("/srv/mirrors/billing.git/") == "/srv/mirrors/billing"
    assert normalise_url("../billing") == "../billing"


def test_keys_are_remote_urls_else_the_listed_path(tmp_path: Path) -> None:
    for name in ("ssh-clone", "https-clone", "no-remote", "mono"):
        (tmp_path / name).mkdir()
        git(tmp_path / name, "init", "-q")
    git(tmp_path / "ssh-clone", "remote", "add", "origin", "git@github.com:acme/billing.git")
    git(tmp_path / "https-clone", "remote", "add", "upstream", "https://github.com/acme/billing")
    git(tmp_path / "mono", "remote", "add", "origin", "https://github.com/acme/mono.git")
    listing = tmp_path / "repos.txt"
    listing.write_text("ssh-clone\n./https-clone/\nno-remote\nmono:services/api/\n")
    keys = [shard_key(t) for t in read_targets(listing)]
    assert keys == [
        "github.com/acme/billing",
        "github.com/acme/billing",
        "no-remote",
        "github.com/acme/mono:services/api",
    ]
    assert [shard_key(t) for t in read_targets(tmp_path)] == [
        "github.com/acme/billing",  # https-clone
        "github.com/acme/mono",
        "no-remote",
        "github.com/acme/billing",  # ssh-clone
    ]


def test_a_list_of_urls_splits_as_its_clones_do(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    urls = [f"git@github.com:acme/service-{i}.git" for i in range(30)]
    keys = [normalise_url(url) for url in urls]
    chosen = shard.select_lines([*urls, "# a comment", ""], Shard(2, 3))
    assert chosen == [url for url, key in zip(urls, keys, strict=True) if Shard(2, 3).holds(key)]
    monkeypatch.setattr("sys.stdin", iter(line + "\n" for line in urls))
    assert shard.main(["2/3"]) == 0
    assert capsys.readouterr().out.split() == chosen
    assert shard.main(["4/3"]) == 2
