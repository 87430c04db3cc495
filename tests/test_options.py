import pytest

from parley.errors import UsageError
from parley.options import load_options


def test_precedence_env_config_flags(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PARLEY_DB", "env.db")
    assert load_options().db == "env.db"
    assert load_options(db="flag.db").db == "flag.db"
    cfg = tmp_path / "p.toml"
    cfg.write_text('[parley]\nbatch_size = 4\n')
    assert load_options(str(cfg)).batch_size == 4


def test_unknown_config_key_is_reported(tmp_path):
    cfg = tmp_path / "p.toml"
    cfg.write_text("batchsize = 4\n")
    with pytest.raises(UsageError) as err:
        load_options(str(cfg))
    assert "p.toml" in err.value.line() and "batchsize" in err.value.line()
