"""Click's own messages (usage errors, help headings) in French, the default language.

Click marks its messages for gettext but ships no French catalogue, so its modules' `_` and
`ngettext` are pointed at this table. `use("en")` (from `--lang en` on the command line) keeps
Click's English wording.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..common import Lang

__all__ = ["current", "install", "use"]

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
    "{name} {filename!r} does not exist.": "{name} « {filename} » introuvable.",
    "{name} {filename!r} is a file.": "{name} « {filename} » est un fichier.",
    "{name} {filename!r} is a directory.": "{name} « {filename} » est un dossier.",
    "{name} {filename!r} is not readable.": "{name} « {filename} » illisible (droits).",
    "{name} {filename!r} is not writable.": "{name} « {filename} » non modifiable (droits).",
    "file": "fichier",
    "directory": "dossier",
    "path": "chemin",
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
_state: dict[str, Lang] = {"lang": "fr"}  # set by main() and by --lang


def _gettext(message: str) -> str:
    return FRENCH.get(message, message) if _state["lang"] == "fr" else message


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
