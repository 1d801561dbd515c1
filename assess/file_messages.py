"""What the file writer says when an output cannot be written, French first (merged into i18n).

The operating system's own reasons ("No space left on device") are English: the common ones are
said here in both languages, by error number (`OS_REASONS`).
"""

from __future__ import annotations

import errno

from .common import Text

__all__ = ["FILE_MESSAGES", "OS_REASONS"]

_M = Text

FILE_MESSAGES: dict[str, Text] = {
    "o_cannot_write": _M(
        fr="{path} : écriture impossible ({reason}) ; rien n'a été écrit.",
        en="{path}: cannot write ({reason}); nothing was written.",
    ),
    "o_is_folder": _M(
        fr="{path} : c'est un dossier ; donner un nom de fichier (par exemple {path}/resultats.csv).",
        en="{path}: this is a folder; give a file name (for example {path}/results.csv).",
    ),
    "o_no_folder": _M(
        fr="{path} : le dossier {folder} n'existe pas ; le créer d'abord, ou choisir un autre chemin.",
        en="{path}: the folder {folder} does not exist; create it first, or choose another path.",
    ),
    "o_no_parent": _M(
        fr="{path} : le dossier qui doit le contenir n'existe pas ; le créer d'abord.",
        en="{path}: the folder that should hold it does not exist; create it first.",
    ),
    "o_is_input": _M(
        fr="{path} : c'est aussi un fichier d'entrée ({input}) ; rien n'a été écrit, choisir une autre sortie.",
        en="{path}: this is also an input file ({input}); nothing was written, choose another output.",
    ),
    "o_same_output": _M(
        fr="{path} : deux sorties vers le même fichier (avec {other}) ; donner deux noms différents.",
        en="{path}: two outputs to the same file (with {other}); give two different names.",
    ),
    "o_os_full": _M(fr="disque plein", en="disk full"),
    "o_os_denied": _M(fr="accès refusé", en="permission denied"),
    "o_os_read_only": _M(fr="disque en lecture seule", en="read-only disk"),
    "o_os_missing": _M(fr="fichier ou dossier introuvable", en="file or folder not found"),
    "o_os_busy": _M(fr="fichier occupé", en="file busy"),
    "o_os_other": _M(fr="erreur système n° {code}", en="system error {code}"),
    "o_format_clash": _M(
        fr="« {path} » est un nom de fichier {named}, mais --format {asked} est demandé ; "
        "renommer le fichier ou retirer --format.",
        en="'{path}' is a {named} file name but --format {asked} was asked; "
        "rename the file or drop --format.",
    ),
    "o_terminal": _M(
        fr="{what} : la sortie standard est un terminal ; rediriger (> fichier) ou donner -o FICHIER.",
        en="{what}: standard output is a terminal; redirect it (> file) or give -o FILE.",
    ),
    "y_too_large": _M(
        fr="fichier trop gros ({size} octets ; {max} au plus)",
        en="file too large ({size} bytes; at most {max})",
    ),
    "y_not_utf8": _M(
        fr="ce n'est pas du texte UTF-8 : enregistrer le fichier en UTF-8",
        en="not UTF-8 text: save the file as UTF-8",
    ),
    "y_cannot_read": _M(fr="lecture impossible ({reason})", en="cannot read the file ({reason})"),
    "y_duplicate": _M(
        fr="clé en double : chaque clé ne peut apparaître qu'une fois",
        en="duplicate key: each key may appear only once",
    ),
    "y_invalid": _M(
        fr="YAML invalide : vérifier les crochets, les guillemets et l'indentation de cette ligne",
        en="invalid YAML ({what}): check the brackets, quotes and indentation of this line",
    ),
    "y_unbuildable": _M(
        fr="« {value} » est illisible (date qui n'existe pas, ou nombre trop long) : corriger la "
        "valeur, ou l'écrire entre guillemets",
        en="'{value}' cannot be read ({reason}): correct the value, or quote it",
    ),
    "y_too_deep": _M(
        fr="imbrication trop profonde ({max} niveaux au plus)",
        en="nested too deeply (at most {max} levels)",
    ),
    "y_too_many": _M(
        fr="trop d'entrées (plus de {max} clés et éléments une fois les alias *nom développés) : "
        "découper le fichier ou retirer les alias répétés",
        en="too many entries (more than {max} keys and items once aliases *name are expanded): "
        "split the file or remove repeated aliases",
    ),
}

OS_REASONS: dict[int, str] = {
    errno.ENOSPC: "o_os_full",
    errno.EDQUOT: "o_os_full",
    errno.EACCES: "o_os_denied",
    errno.EPERM: "o_os_denied",
    errno.EROFS: "o_os_read_only",
    errno.ENOENT: "o_os_missing",
    errno.ENOTDIR: "o_os_missing",
    errno.EBUSY: "o_os_busy",
    errno.ETXTBSY: "o_os_busy",
}
