"""Click's own messages (usage errors, help headings) in French, the default language, and our
own help texts in the language of the run.

Click marks its messages for gettext but ships no French catalogue, so its modules' `_` and
`ngettext` are pointed at this table. `use("en")` (from `--lang en` on the command line, or
ASSESS_LANG) keeps Click's English wording. `localize` puts the help texts and placeholders of
`help_text` on every command, before the command line is parsed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..common import Lang

__all__ = ["current", "install", "localize", "use"]

_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types")
FRENCH: dict[str, str] = {
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Pour l'aide : « {command} {option} ».",
    "Invalid value: {message}": "Valeur non valide : {message}",
    "Invalid value for {param_hint}: {message}": "Valeur non valide pour {param_hint} : {message}",
    "Missing argument": "Argument manquant",
    "Missing option": "Option manquante",
    "Missing parameter": "Paramètre manquant",
    "Missing {param_type}": "{param_type} manquant",
    "Missing parameter: {param_name}": "Paramètre manquant : {param_name}",
    "No such option {name!r}.": "Option inconnue : {name}.",
    "No such command {name!r}.": "Commande inconnue : {name}.",
    "Missing command.": "Commande manquante.",
    "Choose from:\n\t{choices}": "Choisir parmi :\n\t{choices}",
    "{value} is not in the range {range}.": "{value} n'est pas dans l'intervalle {range}.",
    "{value!r} is not a valid {number_type}.": "« {value} » n'est pas un nombre valide.",
    "{name} {filename!r} does not exist.": "{name} « {filename} » introuvable : vérifier le chemin.",
    "{name} {filename!r} is a file.": "{name} « {filename} » est un fichier : donner un dossier.",
    "{name} {filename!r} is a directory.": "{name} « {filename} » est un dossier : donner un fichier.",
    "{name} {filename!r} is not readable.": "{name} « {filename} » illisible (droits).",
    "{name} {filename!r} is not writable.": "{name} « {filename} » non modifiable (droits).",
    "Usage:": "Utilisation :",
    "Options": "Options",
    "Commands": "Commandes",
    "Positional arguments": "Arguments",
    "Show this message and exit.": "Afficher cette aide et quitter.",
    "Show the version and exit.": "Afficher la version et quitter.",
    "default: {default}": "défaut : {default}",
    "Aborted!": "Interrompu.",
    "Option {name!r} does not take a value.": "L'option {name} ne prend pas de valeur.",
    "Got unexpected extra argument ({args})": "Argument en trop : {args}",
    "Got unexpected extra arguments ({args})": "Arguments en trop : {args}",
    "Did you mean {possibility}?": "Vouliez-vous dire {possibility} ?",
    "(Did you mean one of: {possibilities}?)": "(Vouliez-vous dire l'une de : {possibilities} ?)",
    "{value!r} is not {choice}.": "« {value} » n'est pas {choice}.",
    "{value!r} is not one of {choices}.": "« {value} » ne fait pas partie des choix {choices}.",
    "{value!r} does not match the format {format}.": "« {value} » ne suit pas le format {format}.",
    "{value!r} does not match the formats {formats}.": "« {value} » ne suit aucun des formats {formats}.",
    "Option {name!r} requires an argument.": "L'option {name} attend une valeur.",
    "Option {name!r} requires {nargs} arguments.": "L'option {name} attend {nargs} valeurs.",
}
# Click's English, where it does not say how to fix the problem.
ENGLISH: dict[str, str] = {
    "{name} {filename!r} does not exist.": "{name} {filename!r} does not exist: check the path.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is a file: give a folder.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is a directory: give a file.",
}
_state: dict[str, Lang] = {"lang": "fr"}  # set by AssessGroup.main() and by --lang


def _gettext(message: str) -> str:
    return (FRENCH if _state["lang"] == "fr" else ENGLISH).get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def install() -> None:
    """Point Click's message lookups at the table (once, before any command is defined)."""
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]


def use(lang: Lang) -> None:
    _state["lang"] = lang


def current() -> Lang:
    return _state["lang"]


_PATH_NAMES = {"file": ("fichier", "file"), "directory": ("dossier", "directory")}
_SUBCOMMANDS = ("COMMANDE [ARGS]...", "COMMAND [ARGS]...")


def _commands(command: click.Command, path: str) -> Iterator[tuple[str, click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _commands(sub, f"{path} {name}".strip())


def _entry(
    table: dict[str, tuple[str, str]], path: str, name: str | None
) -> tuple[str, str] | None:
    return table.get(f"{path}:{name}") or table.get(f":{name}")


def _path_name(kind: click.Path) -> str:
    """Click names a path parameter « file », « directory » or « path » (in its errors and as
    the placeholder); the name is chosen again for each run's language."""
    if kind.file_okay and not kind.dir_okay:
        return "file"
    return "directory" if kind.dir_okay and not kind.file_okay else "path"


def localize(root: click.Command, lang: Lang) -> None:
    """Help texts, placeholders and path names of every command in `lang` (see `help_text`)."""
    from .help_text import HELP, METAVARS

    i = 0 if lang == "fr" else 1
    for path, command in _commands(root, ""):
        if path in HELP:
            command.help = HELP[path][i]
        if isinstance(command, click.Group):
            command.subcommand_metavar = _SUBCOMMANDS[i]
        command._help_option = None  # rebuilt with Click's words in `lang`
        for param in command.params:
            if isinstance(param, click.Option) and (text := _entry(HELP, path, param.name)):
                param.help = text[i]
            if placeholder := _entry(METAVARS, path, param.name):
                param.metavar = placeholder[i]
            if isinstance(param.type, click.Path):
                name = _path_name(param.type)
                param.type.name = _PATH_NAMES.get(name, ("chemin", "path"))[i]
