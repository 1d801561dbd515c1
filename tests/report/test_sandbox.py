"""Untrusted --template-dir templates run in a sandbox: no Python internals, no file outside the
template directories, no endless include; each attempt is a RenderError, not a leak."""

from __future__ import annotations

from pathlib import Path

import pytest

from assess.errors import RenderError
from assess.render.report import render_report

SECRET = "secret-outside-the-template-dir"

PAYLOADS = {
    "cycler_popen": "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "lipsum_open": "{{ lipsum.__globals__['__builtins__']['open']('/etc/passwd').read() }}",
    "joiner_urllib": "{{ joiner.__init__.__globals__.__builtins__.__import__('urllib.request') }}",
    "namespace": "{{ namespace.__init__.__globals__ }}",
    "str_mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "attr_filter": "{{ ''|attr('__class__')|attr('__mro__') }}",
    "format_escape": "{{ '{0.__class__.__mro__}'.format('') }}",
    "range_bomb": "{{ range(10**9)|list|length }}",
    "repeat_bomb": "{{ ('x' * 10**9)|length }}",
    "power_bomb": "{{ (7 ** 10000000)|string|length }}",
    "self_module": "{{ self.__init__.__globals__ }}",
    "context_dict": "{{ L.__class__.__base__.__subclasses__() }}",
    "loop_internals": "{% for x in [1] %}{{ loop.__class__.__init__.__globals__ }}{% endfor %}",
    "brand_paths": "{{ brand.root.joinpath('/etc/passwd').read_text() }}",
    "pydantic_method": "{{ domains[0].findings[0].title.model_dump() if domains[0].findings else L.__len__() }}",
    "dict_mutation": "{% set _ = L.update({'x': 1}) %}",
}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payload_is_refused(tmp_path, name, mini_result, mini_defs):
    (tmp_path / "report.html").write_text(PAYLOADS[name], encoding="utf-8")
    with pytest.raises(RenderError, match="Erreur dans le gabarit") as info:
        render_report(mini_result, mini_defs, fmt="html", template_dir=tmp_path)
    assert "root:" not in str(info.value)


def test_prepared_context_still_renders(tmp_path, mini_result, mini_defs):
    (tmp_path / "report.html").write_text(
        "{{ org.name }}|{{ L.r_source_report|length > 0 }}|{{ 'ab' * 3 }}|"
        "{% for d in domains %}{{ loop.index }}{{ loop.cycle('a', 'b') }}{% endfor %}|"
        "{% macro m(x) %}<{{ x|upper }}>{% endmacro %}{{ m('ok') }}|{{ 'a,b'.split(',')|join('+') }}",
        encoding="utf-8",
    )
    html = render_report(mini_result, mini_defs, fmt="html", template_dir=tmp_path).decode()
    assert html.startswith(
        mini_result.organisation.name.replace("'", "&#39;") + "|True|ababab|1a2b"
    )
    assert html.endswith("|<OK>|a+b")


def _outside(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.html"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    return secret


@pytest.mark.parametrize(
    "include",
    [
        "leak.html",
        "sub/leak.html",
        "../outside/secret.html",
        "/etc/passwd",
        "default:../../README.md",
    ],
)
def test_include_cannot_leave_the_template_dirs(tmp_path, include, mini_result, mini_defs):
    secret = _outside(tmp_path)
    templates = tmp_path / "templates"
    (templates / "sub").mkdir(parents=True)
    (templates / "leak.html").symlink_to(secret)
    (templates / "sub" / "leak.html").symlink_to("/etc/passwd")
    (templates / "report.html").write_text(f'{{% include "{include}" %}}', encoding="utf-8")
    with pytest.raises(RenderError, match="Erreur dans le gabarit") as info:
        render_report(mini_result, mini_defs, fmt="html", template_dir=templates)
    assert SECRET not in str(info.value) and "root:" not in str(info.value)


def test_symlinked_folder_out_of_the_template_dir_is_refused(tmp_path, mini_result, mini_defs):
    secret = _outside(tmp_path)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "linked").symlink_to(secret.parent, target_is_directory=True)
    (templates / "report.html").write_text('{% include "linked/secret.html" %}', encoding="utf-8")
    with pytest.raises(RenderError, match="linked/secret.html"):
        render_report(mini_result, mini_defs, fmt="html", template_dir=templates)


def test_symlink_inside_the_template_dir_is_followed(tmp_path, mini_result, mini_defs):
    (tmp_path / "real.html").write_text("inside", encoding="utf-8")
    (tmp_path / "alias.html").symlink_to(tmp_path / "real.html")
    (tmp_path / "report.html").write_text('{% include "alias.html" %}', encoding="utf-8")
    html = render_report(mini_result, mini_defs, fmt="html", template_dir=tmp_path).decode()
    assert html == "inside"


@pytest.mark.parametrize(
    "source",
    [
        '{% include "report.html" %}',
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    ],
)
def test_endless_recursion_is_a_located_error(tmp_path, source, mini_result, mini_defs):
    (tmp_path / "report.html").write_text(source, encoding="utf-8")
    with pytest.raises(RenderError) as info:
        render_report(mini_result, mini_defs, fmt="html", template_dir=tmp_path)
    assert str(info.value) == (
        "Erreur dans le gabarit (report.html) : il s'inclut, s'étend ou s'appelle lui-même sans "
        "fin ; retirer la boucle."
    )
    assert info.value.text("en") == (
        "Template error (report.html): the template includes, extends or calls itself "
        "without end; remove the loop."
    )
