"""The cache of built tables: built once per set of inputs, rebuilt when an input or the file changes."""

from parley.geo import cache


def builder(calls: list):
    def build():
        calls.append(1)
        return {"Kyiv": (50.45, 30.52), "order": [3, 1, 2]}
    return build


def test_a_second_process_reads_what_the_first_built(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    calls: list = []
    first = cache.cached("towns", [b"v1"], builder(calls))
    again = cache.cached("towns", [b"v1"], builder(calls))
    assert first == again and len(calls) == 1
    assert len(list(tmp_path.glob("towns-*.pickle"))) == 1


def test_changed_inputs_build_anew_and_replace_the_old_file(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    calls: list = []
    cache.cached("towns", [b"v1"], builder(calls))
    cache.cached("towns", [b"v2"], builder(calls))
    assert len(calls) == 2
    assert len(list(tmp_path.glob("towns-*.pickle"))) == 1


def test_a_damaged_file_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    calls: list = []
    cache.cached("towns", [b"v1"], builder(calls))
    for path in tmp_path.glob("towns-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert cache.cached("towns", [b"v1"], builder(calls))["order"] == [3, 1, 2]
    assert len(calls) == 2


def test_off_keeps_nothing_and_an_unwritable_folder_is_no_error(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    calls: list = []
    cache.cached("towns", [b"v1"], builder(calls))
    cache.cached("towns", [b"v1"], builder(calls))
    assert len(calls) == 2
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would be")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "sub"))
    assert cache.cached("towns", [b"v1"], builder(calls))["Kyiv"] == (50.45, 30.52)
