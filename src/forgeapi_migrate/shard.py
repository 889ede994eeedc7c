"""`batch --shard K/N`: the repositories that shard K of N takes.

A repository's shard depends on its own name only: its remote URL (normalised, so that an
https and an ssh clone of one repository agree), else its path as the source names it. Never
its position in the list: shards stay put when the list grows, and an engine that clones the
same URLs elsewhere computes the same split. sha256, not `hash()`, which Python salts per
process.

    python -m forgeapi_migrate.shard K/N < urls.txt    # the lines of shard K, to clone only those
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from forgeapi_migrate.batch import Target
from forgeapi_migrate.vcs import remote_url

_URL = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^@/]*@)?([^/:]+)(?::\d*)?(/.*)?$", re.IGNORECASE)
_SCP = re.compile(r"^(?:[^@/]+@)?([^/:]+):(?!/)(.*)$")  # git@host:org/repo


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based, as written on the command line
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    def holds(self, key: str) -> bool:
        digest = hashlib.sha256(key.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1


def parse_shard(text: str) -> Shard:
    """`K/N` with 1 <= K <= N; a ValueError saying what is wrong otherwise."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if match is None:
        raise ValueError(f"{text!r} is not K/N (shard K of N, e.g. 2/8)")
    index, count = int(match[1]), int(match[2])
    if count < 1 or not 1 <= index <= count:
        raise ValueError(f"{text!r}: K must be between 1 and N, and N at least 1")
    return Shard(index, count)


def normalise_url(url: str) -> str:
    """`git@github.com:org/repo.git`, `https://token@GitHub.com/org/repo/` and
    `ssh://git@github.com:22/org/repo` all give `github.com/org/repo`; a local path stays
    as written, less a trailing `/` and `.git`."""
    url = url.strip()
    match = _URL.match(url) or _SCP.match(url)
    if match is None:
        return url.rstrip("/").removesuffix(".git")
    path = (match[2] or "").strip("/").removesuffix(".git")
    return f"{match[1].lower()}/{path}"


def shard_key(target: Target) -> str:
    url = remote_url(target.repo)
    name = normalise_url(url) if url else target.listed_as or target.repo.name
    return f"{name}:{target.subdir}" if target.subdir else name


def select(targets: Sequence[Target], shard: Shard) -> list[Target]:
    return [target for target in targets if shard.holds(shard_key(target))]


def select_lines(lines: Iterable[str], shard: Shard) -> list[str]:
    """The URLs (or paths) of a list, one a line, that shard K takes once cloned."""
    entries = (line.split("#", 1)[0].strip() for line in lines)
    return [entry for entry in entries if entry and shard.holds(normalise_url(entry))]


def main(argv: Sequence[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m forgeapi_migrate.shard K/N < urls.txt", file=sys.stderr)
        return 2
    try:
        shard = parse_shard(argv[0])
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for entry in select_lines(sys.stdin, shard):
        print(entry)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
