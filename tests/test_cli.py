"""The command line end to end: formats, schemas, stdin, bad inputs, exit codes, help.

Every JSON output a test produces is validated against the JSON Schema the
package ships for it (``parallax schema NAME``).
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import typer
from jsonschema import Draft202012Validator
from typer.core import TyperGroup
from typer.testing import CliRunner

from parallax import __version__, pipeline
from parallax.cli import app, emit, exit_status
from parallax.errors import (
    ConfigError,
    InputError,
    OutputError,
    ParallaxError,
    RegistryError,
    StateError,
    UsageError,
)
from parallax.model import Briefing, Story
from parallax.render import FORMATS, SCHEMAS, render_briefings, schema_text

from builders import EXAMPLES, make_article
from contract import check_briefing

runner = CliRunner()

HARBOUR = ("Harbour talks in Velmora collapse without a deal\n\n"
           "Negotiations between the Velmora port authority and the dockworkers' union ended on "
           "Thursday without an agreement, after three days of talks. The union said the "
           "authority had refused to discuss night-shift pay. \"We walked out because there was "
           "nothing left to say,\" union secretary Adaeze Morrow said. The authority said it "
           "would publish its final offer next week.\n")
ORCHARD = ("Orchard festival draws record crowd\n\n"
           "The apple festival in the village of Tarnwick drew more than four thousand visitors "
           "on Saturday, the organisers said. Stalls sold cider, pies and saplings, and a brass "
           "band played until dusk. \"It was our best year,\" organiser Pell Hawthorne said.\n")
FERRY = (
    ("Lunport ferry crews walk out over pay",
     "Ferry crews in Lunport stopped work on Monday in a dispute over pay. Union leader Ines "
     "Halvorsen said the strike would last three days unless the ferry board raised wages."),
    ("Lunport ferries idle as crews strike",
     "No ferries left Lunport harbour on Monday as crews struck over wages. The ferry board "
     "said talks with Ines Halvorsen's union would resume on Wednesday."),
)


def invoke(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin, prog_name="parallax")


def valid(data: Any, schema: str) -> Any:
    """``data``, after checking it against the shipped JSON Schema of ``schema``."""
    validator = Draft202012Validator(json.loads(schema_text(schema)))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator.iter_errors(data)]
    assert not errors, errors[:3]
    return data


def write_folder(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def ferry_articles() -> dict[str, str]:
    return {f"ferry{n}.txt": f"{title}\n\n{text}\n" for n, (title, text) in enumerate(FERRY, 1)}


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three example articles plus a broken file and an empty one."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(EXAMPLES.rglob("*.txt"))[:3]:
        shutil.copy(path, folder / path.name)
    (folder / "broken.txt").write_bytes(b"\x00\xff\x00\xfe" * 64)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def three_examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three example articles: one story."""
    folder = tmp_path_factory.mktemp("three")
    for path in sorted(EXAMPLES.rglob("*.txt"))[:3]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An invented article on failed harbour talks, and one on something else entirely."""
    folder = write_folder(tmp_path_factory.mktemp("harbour"),
                          {"harbour.txt": HARBOUR, "orchard.txt": ORCHARD})
    return folder / "harbour.txt", folder / "orchard.txt"


# --- outputs and their schemas ------------------------------------------------

def test_brief_json_on_examples_follows_the_contract() -> None:
    result = invoke("brief", str(EXAMPLES), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = valid(json.loads(result.stdout), "parallax.briefing/1")
    check_briefing(data)
    assert len(data["articles"]) >= 6
    for key in ("actors", "quotes", "claims", "timeline", "summary"):
        assert data[key], f"{key} is empty on the example corpus"


def test_broken_files_are_named_and_the_rest_is_briefed(small_corpus: Path) -> None:
    result = invoke("brief", str(small_corpus), "--format", "json")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(lines) == 2
    assert any("broken.txt" in line and "binary" in line for line in lines)
    assert any("empty.txt" in line and "empty" in line for line in lines)
    data = valid(json.loads(result.stdout), "briefing")
    assert len(data["articles"]) == 3
    assert len(data["errors"]) == 2


def test_nothing_readable_exits_3(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = invoke("brief", str(tmp_path))
    assert result.exit_code == 3
    assert "no readable article" in result.stderr


def test_markdown_is_the_default_and_html_writes_a_file(small_corpus: Path,
                                                       tmp_path: Path) -> None:
    markdown = invoke("brief", str(small_corpus))
    assert markdown.stdout.lstrip().startswith("#")
    target = tmp_path / "briefing.html"
    result = invoke("brief", str(small_corpus), "--format", "html", "-o", str(target))
    page = target.read_text(encoding="utf-8")
    assert result.stdout == ""
    assert f"wrote {target}" in result.stderr
    assert page.lstrip().lower().startswith("<!doctype html>")
    head = page.split("<body", 1)[0]
    assert "http://" not in head and "https://" not in head


def test_extract_json_and_text() -> None:
    path = sorted(EXAMPLES.rglob("*.txt"))[0]
    data = valid(json.loads(invoke("extract", str(path), "--format", "json").stdout),
                 "document")
    assert data["schema"] == "parallax.document/1"
    assert {"title", "published", "text", "flags", "removed", "repairs"} <= set(data)
    text = invoke("extract", str(path)).stdout
    assert text.strip() == data["text"].strip()


def test_extract_reads_stdin() -> None:
    article = ("Ferry service resumes\n\nThe ferry between the two islands resumed on Monday "
               "after a storm, the operator said.\n")
    result = invoke("extract", "-", stdin=article)
    assert result.exit_code == 0
    assert "ferry between the two islands resumed" in result.stdout


def test_quotes_takes_several_paths(harbour: tuple[Path, Path]) -> None:
    data = valid(json.loads(invoke("quotes", *map(str, harbour), "--format", "json").stdout),
                 "parallax.quotes/1")
    assert data["schema"] == "parallax.quotes/1"
    assert {q["article"] for q in data["quotes"]} == {"harbour", "orchard"}
    expected = {"speaker_start", "speaker_end", "cue_start", "cue_end", "kind", "text"}
    assert all(expected <= set(quote) for quote in data["quotes"])
    assert any("Morrow" in a["name"] for a in data["actors"])


def test_stories_schema_and_plain_markdown_when_piped() -> None:
    data = valid(json.loads(invoke("stories", str(EXAMPLES), "--format", "json").stdout),
                 "stories")
    members = [a for story in data["stories"] for a in story["articles"]]
    assert len(members) == len(set(members)) >= 6
    markdown = invoke("stories", str(EXAMPLES)).stdout
    assert markdown.startswith("# Stories\n")


def test_check_gives_the_right_stance_for_an_invented_case(harbour: tuple[Path, Path],
                                                           tmp_path: Path) -> None:
    talks, orchard = map(str, harbour)
    single = valid(json.loads(invoke("check", "The harbour talks ended without an agreement.",
                                     talks, orchard, "--format", "json").stdout), "check")
    assert single["claim"] == "The harbour talks ended without an agreement."
    stances = {v["article"]: v["stance"] for v in single["verdicts"]}
    assert stances == {"harbour": "supports", "orchard": "unrelated"}
    evidence = next(v["evidence"] for v in single["verdicts"] if v["article"] == "harbour")
    assert any("without an agreement" in e["text"] for e in evidence)
    claims = tmp_path / "claims.txt"
    claims.write_text("The harbour talks ended without an agreement.\n\nA new bridge opened\n",
                      encoding="utf-8")
    many = valid(json.loads(invoke("check", "--claims", str(claims), talks,
                                   "--format", "json").stdout), "check")
    assert [r["claim"] for r in many["results"]] == [
        "The harbour talks ended without an agreement.", "A new bridge opened"]
    assert "claim" not in many


def test_check_without_paths_or_claims_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("check", "only a claim")
    assert result.exit_code == 2 and "error[P400]" in result.stderr
    blank = tmp_path / "claims.txt"
    blank.write_text("\n  \n", encoding="utf-8")
    result = invoke("check", "--claims", str(blank), str(EXAMPLES))
    assert result.exit_code == 2 and "no claims" in result.stderr


def test_schema_prints_each_schema_and_names_them_on_a_wrong_name() -> None:
    for name in SCHEMAS:
        result = invoke("schema", name)
        assert result.exit_code == 0
        schema = json.loads(result.stdout)
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["title"] == name
    assert json.loads(invoke("schema", "briefing").stdout)["title"] == "parallax.briefing/1"
    wrong = invoke("schema", "parallax.nothing/1")
    assert wrong.exit_code == 2
    assert "error[P400]" in wrong.stderr and "parallax.stories/1" in wrong.stderr


def test_the_schemas_reject_what_breaks_the_contract() -> None:
    briefing = json.loads(schema_text("briefing"))
    assert list(Draft202012Validator(briefing).iter_errors({"schema": "parallax.briefing/1"}))
    check = Draft202012Validator(json.loads(schema_text("check")))
    verdict = {"article": "a", "stance": "agrees", "evidence": []}
    assert list(check.iter_errors({"schema": "parallax.check/1", "claim": "x",
                                   "verdicts": [verdict]}))
    assert not list(check.iter_errors({"schema": "parallax.check/1", "claim": "x",
                                       "verdicts": [{**verdict, "stance": "supports"}],
                                       "added": "later keys are allowed"}))


# --- story ids ----------------------------------------------------------------

def test_story_ids_from_stories_are_what_brief_story_accepts(three_examples: Path,
                                                             tmp_path: Path) -> None:
    """With the same inputs and the same --state, ``stories`` and ``brief`` agree on ids."""
    ferry = write_folder(tmp_path / "ferry", ferry_articles())
    state = tmp_path / "state.json"
    # The ferry story comes first into the state, so it keeps s1 although
    # without the state the (dated) example articles would be grouped first.
    first = json.loads(invoke("stories", str(ferry), "--state", str(state), "-f", "json").stdout)
    assert [s["articles"] for s in first["stories"]] == [["ferry1", "ferry2"]]
    both = valid(json.loads(invoke("stories", str(ferry), str(three_examples), "--state",
                                   str(state), "-f", "json").stdout), "stories")
    ids = {tuple(s["articles"]): s["id"] for s in both["stories"]}
    ferry_id = ids[("ferry1", "ferry2")]
    assert ferry_id == first["stories"][0]["id"]
    result = invoke("brief", str(ferry), str(three_examples), "--state", str(state),
                    "--story", ferry_id, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = valid(json.loads(result.stdout), "briefing")
    assert data["stories"][0]["id"] == ferry_id
    assert {a["id"] for a in data["articles"]} == {"ferry1", "ferry2"}
    fresh = json.loads(invoke("stories", str(ferry), str(three_examples), "-f", "json").stdout)
    plain = invoke("brief", str(ferry), str(three_examples), "--story", "largest", "-f", "json")
    assert json.loads(plain.stdout)["stories"][0] == fresh["stories"][0]


def test_brief_with_a_missing_state_is_an_error(small_corpus: Path, tmp_path: Path) -> None:
    result = invoke("brief", str(small_corpus), "--state", str(tmp_path / "none.json"))
    assert result.exit_code == 2 and "error[P600]" in result.stderr


def test_stories_state_keeps_ids_when_articles_are_added(three_examples: Path,
                                                         tmp_path: Path) -> None:
    later = write_folder(tmp_path / "later", dict(list(ferry_articles().items())[:1]))
    state = tmp_path / "state.json"
    one = json.loads(invoke("stories", str(three_examples), "--state", str(state), "--format",
                            "json").stdout)
    assert len(one["stories"]) == 1 and state.exists()
    two = json.loads(invoke("stories", str(later), str(three_examples), "--state", str(state),
                            "--format", "json").stdout)
    assert one["stories"][0] in two["stories"]
    assert ["ferry1"] in [s["articles"] for s in two["stories"]]
    state.write_text("{}", encoding="utf-8")
    broken = invoke("stories", str(three_examples), "--state", str(state))
    assert broken.exit_code == 2 and "error[P600]" in broken.stderr


def test_brief_story_option_picks_one_or_fails(small_corpus: Path) -> None:
    result = invoke("brief", str(small_corpus), "--story", "s404", "--format", "json")
    assert result.exit_code == 2 and "no story 's404'" in result.stderr
    assert "Traceback" not in result.output


def test_brief_length_in_words_and_bad_length() -> None:
    assert pipeline.check_length("120w") == (120, 120) and pipeline.check_length(3) == (3, None)
    bad = invoke("brief", str(EXAMPLES), "--length", "ten")
    assert bad.exit_code == 2 and "--length" in bad.output


# --- the front door -----------------------------------------------------------

def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout == f"parallax {__version__}\n"


def test_no_arguments_prints_the_help_and_exits_2() -> None:
    result = invoke()
    assert result.exit_code == 2
    assert "Usage: parallax" in result.output and "brief" in result.output


def test_shell_completion_is_on() -> None:
    result = invoke("--show-completion", "bash")
    assert result.exit_code == 0 and "_PARALLAX_COMPLETE" in result.stdout


def _commands() -> dict[str, Any]:
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    return dict(group.commands)


def test_every_command_and_option_has_help() -> None:
    """Walks the app's real commands, so a new one without help fails here."""
    commands = _commands()
    assert {"brief", "extract", "quotes", "stories", "check", "schema"} <= set(commands)
    root = typer.main.get_command(app)
    for name, command in [("parallax", root), *commands.items()]:
        for param in command.params:
            assert getattr(param, "help", None), f"{name} {param.name} has no help"
    for name in commands:
        result = invoke(name, "--help")
        assert result.exit_code == 0
        assert "Example: parallax " + name in result.stdout


def test_quiet_turns_the_progress_off(three_examples: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []
    real = pipeline.reporter

    def spy(enabled: bool):  # type: ignore[no-untyped-def]
        asked.append(enabled)
        return real(enabled)

    monkeypatch.setattr(pipeline, "reporter", spy)
    target = tmp_path / "stories.md"
    loud = invoke("stories", str(three_examples), "-o", str(target))
    quiet = invoke("stories", str(three_examples), "-q", "-o", str(target))
    before = invoke("-q", "stories", str(three_examples), "-o", str(target))
    assert asked == [True, False, False]
    assert "wrote" in loud.stderr and quiet.stderr == "" and before.stderr == ""


def test_verbose_shows_what_was_read_and_the_stage_timings(three_examples: Path) -> None:
    result = invoke("stories", str(three_examples), "-v")
    assert result.exit_code == 0
    assert "read 3 document(s), 0 failed" in result.stderr
    # Streamed: reading and cleaning run inside the one grouping stage.
    assert "Grouping: 3 in" in result.stderr
    assert "Grouping" not in invoke("stories", str(three_examples)).stderr


def test_config_file_reaches_the_pipeline(three_examples: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Any] = []
    real = pipeline.stories

    def spy(*args: Any, **kwargs: Any) -> pipeline.StoriesResult:
        seen.append(kwargs["options"])
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "stories", spy)
    config = tmp_path / "parallax.toml"
    config.write_text("[group]\nthreshold = 0.75\n", encoding="utf-8")
    assert invoke("stories", str(three_examples), "--config", str(config)).exit_code == 0
    assert invoke("--config", str(config), "stories", str(three_examples)).exit_code == 0
    assert [o.group.threshold for o in seen] == [0.75, 0.75]
    config.write_text("[group]\nthreshhold = 0.75\n", encoding="utf-8")
    bad = invoke("stories", str(three_examples), "--config", str(config))
    assert bad.exit_code == 2
    assert bad.stderr.count("\n") == 1 and bad.stderr.startswith("error[P300]")
    assert "threshhold" in bad.stderr


@pytest.mark.parametrize("flag", ["-o", "--state"])
def test_an_unwritable_output_fails_before_any_work(flag: str, three_examples: Path,
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: object) -> None:
        raise AssertionError("inputs read before the output was checked")

    monkeypatch.setattr(pipeline, "read", never)
    for target in (tmp_path / "no-such-folder" / "out.json", tmp_path):
        result = invoke("stories", str(three_examples), flag, str(target))
        assert result.exit_code == 2, result.output
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("error[P500]")
        assert str(target) in result.stderr and "Traceback" not in result.output


def test_emit_formats_markdown_on_a_terminal_only() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    text = "# Harbour talks\n\nThe talks *ended*.\n"
    terminal, pipe = Terminal(), io.StringIO()
    emit(text, None, markdown=True, stream=terminal)
    emit(text, None, markdown=True, stream=pipe)
    assert pipe.getvalue() == text
    shown = terminal.getvalue()
    assert "Harbour talks" in shown and "ended" in shown
    assert "# Harbour" not in shown and "*ended*" not in shown
    json_text = Terminal()
    emit('{"a": 1}', None, stream=json_text)
    assert json_text.getvalue() == '{"a": 1}\n'


def test_exit_status_follows_the_nearest_class() -> None:
    class Timeout(InputError):
        pass

    assert exit_status(Timeout("x", "slow")) == 1
    assert exit_status(RegistryError("no part")) == 2  # a ConfigError
    assert exit_status(UsageError("wrong")) == exit_status(ConfigError("bad")) == 2
    assert exit_status(OutputError("x", "full")) == exit_status(StateError("old")) == 2
    assert exit_status(ParallaxError("nothing")) == 3


def test_the_page_of_several_stories_escapes_their_titles() -> None:
    hostile = '<script>alert("x")</script> & co'
    briefings = [Briefing(articles=(make_article(f"a{n}", f"Plain words number {n}."),),
                          stories=(Story(f"s{n}", hostile if n == 1 else "Calm", (f"a{n}",)),))
                 for n in (1, 2)]
    page = render_briefings(briefings, FORMATS["html"])
    assert "<script>alert" not in page and page.count("<iframe") == 2
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co" in page
    assert '<li><a href="#story-2">Calm</a> (1 article)</li>' in page


def test_summary_length_of_the_options_file_holds_unless_length_is_given(
        three_examples: Path, tmp_path: Path) -> None:
    config = tmp_path / "short.toml"
    config.write_text("[summary]\nlength = 2\n", encoding="utf-8")
    from_file = invoke("brief", str(three_examples), "--format", "json", "--config", str(config))
    assert from_file.exit_code == 0, from_file.stderr
    assert len(json.loads(from_file.stdout)["summary"]) == 2
    given = invoke("brief", str(three_examples), "--format", "json", "--config", str(config),
                   "--length", "3")
    assert len(json.loads(given.stdout)["summary"]) == 3
