"""What the batch says about an input it cannot use, French first (registered in i18n): the
file itself (reader, workbook guard) and its columns (header, mapping file)."""

from __future__ import annotations

from ..common import Text
from ..i18n import MESSAGES

__all__ = ["INPUT_MESSAGES"]

_M = Text
_RESAVE_FR = "l'enregistrer à nouveau depuis le tableur, ou l'exporter en CSV"
_RESAVE_EN = "save it again from the spreadsheet, or export it as CSV"

INPUT_MESSAGES: dict[str, Text] = {
    "r_unknown_encoding": _M(
        fr="{path} : encodage « {name} » inconnu ; essayer --encoding utf-8, cp1252 ou latin-1.",
        en="{path}: unknown encoding '{name}'; try --encoding utf-8, cp1252 or latin-1.",
    ),
    "r_wrong_encoding": _M(
        fr="{path} : le fichier n'est pas en {name} ; retirer --encoding pour qu'il soit détecté.",
        en="{path}: the file is not valid {name}; drop --encoding to have it detected.",
    ),
    "r_binary": _M(
        fr="{path} : ce n'est ni un fichier CSV ni un classeur XLSX (contenu binaire) ; "
        "exporter les données en CSV ou en XLSX.",
        en="{path}: neither a CSV file nor an XLSX workbook (binary content); export the data "
        "as CSV or XLSX.",
    ),
    "r_cannot_read": _M(
        fr="{path} : lecture impossible ({reason}).", en="{path}: cannot read ({reason})."
    ),
    "r_empty": _M(
        fr="{path} : fichier vide ; il faut une ligne d'en-tête puis une ligne par organisation "
        "(modèle : assess template-csv).",
        en="{path}: empty file; it needs a header row, then one row per organisation "
        "(template: assess template-csv).",
    ),
    "r_xls": _M(
        fr="{path} : ancien format Excel .xls ; l'enregistrer en .xlsx depuis le tableur, ou "
        "l'exporter en CSV.",
        en="{path}: old Excel .xls format; save it as .xlsx from the spreadsheet, or export it as CSV.",
    ),
    "r_sheet_csv": _M(
        fr="{path} : --sheet ne vaut que pour un classeur XLSX ; retirer --sheet.",
        en="{path}: --sheet is for XLSX workbooks only; drop --sheet.",
    ),
    "r_bad_csv": _M(
        fr="{path} : ligne {line} : CSV illisible ; vérifier les guillemets de cette ligne.",
        en="{path}: line {line}: unreadable CSV; check the quotes on that line.",
    ),
    "r_no_header": _M(
        fr="{path} : aucune ligne d'en-tête (le fichier n'a que des lignes vides) ; la première "
        "ligne doit nommer les colonnes (modèle : assess template-csv).",
        en="{path}: no header row (the file has only blank lines); the first row must name the "
        "columns (template: assess template-csv).",
    ),
    "r_no_sheet": _M(
        fr="{path} : pas de feuille « {wanted} » ; feuilles du classeur : {sheets}.",
        en="{path}: no sheet named '{wanted}'; the workbook's sheets: {sheets}.",
    ),
    "r_no_visible_sheet": _M(
        fr="{path} : aucune feuille visible ; en choisir une avec --sheet NOM.",
        en="{path}: no visible sheet; choose one with --sheet NAME.",
    ),
    "r_bad_xlsx": _M(
        fr=f"{{path}} : classeur XLSX illisible ; {_RESAVE_FR}.",
        en=f"{{path}}: unreadable XLSX workbook; {_RESAVE_EN}.",
    ),
    "r_empty_sheet": _M(
        fr="{path} : aucune ligne d'en-tête (la feuille « {sheet} » est vide) ; choisir une "
        "autre feuille avec --sheet NOM.",
        en="{path}: no header row (sheet '{sheet}' is empty); choose another sheet with "
        "--sheet NAME.",
    ),
    "r_bad_record": _M(
        fr="Enregistrement CSV illisible : vérifier les guillemets de cette ligne.",
        en="Unreadable CSV record: check the quotes on this row.",
    ),
    "r_long_cell": _M(
        fr="Une cellule a {n} caractères ; {max} au plus : la raccourcir.",
        en="A cell has {n} characters; at most {max}: shorten it.",
    ),
    "r_hidden_sheets": _M(
        fr="feuilles masquées ignorées : {names}", en="hidden sheets skipped: {names}"
    ),
    "r_bomb": _M(
        fr=f"{{path}} : classeur refusé, il se décompresse de façon anormale ({{detail}}) ; {_RESAVE_FR}.",
        en=f"{{path}}: workbook refused, it inflates abnormally ({{detail}}); {_RESAVE_EN}.",
    ),
    "r_bomb_parts": _M(fr="{n} parties", en="{n} parts"),
    "r_bomb_part": _M(
        fr="{part} ferait {size} décompressé, {limit} au plus",
        en="{part} would inflate to {size}, at most {limit}",
    ),
    "r_bomb_ratio": _M(
        fr="{part} grossirait {ratio} fois, {max} au plus",
        en="{part} would inflate {ratio} times, at most {max}",
    ),
    "r_bomb_total": _M(
        fr="l'ensemble ferait {size}, {limit} au plus",
        en="the parts would inflate to {size}, at most {limit}",
    ),
    "p_not_json": _M(
        fr="{path} : ce n'est pas un fichier de résultats JSON d'assess batch ; donner le fichier "
        "écrit par « assess batch --format json » (ou le CSV de résultats).",
        en="{path}: not a JSON results file of assess batch; give the file written by "
        "`assess batch --format json` (or the results CSV).",
    ),
    "p_no_columns": _M(
        fr="{path} : pas de colonnes finess et overall_index ; donner le fichier de résultats de "
        "la campagne précédente (celui qu'écrit assess batch -o).",
        en="{path}: no finess and overall_index columns; give the results file of the previous "
        "campaign (the one assess batch -o writes).",
    ),
    "p_bad_row": _M(
        fr="{path} : ligne {row} : overall_index vide, ou un niveau qui n'est pas un nombre ; "
        "corriger la ligne ou reprendre le fichier de résultats tel qu'écrit.",
        en="{path}: row {row}: overall_index is empty, or a level is not a number; fix the row "
        "or use the results file as written.",
    ),
    "m_unknown_column": _M(
        fr="« {target} » n'est pas une colonne connue : écrire l'identifiant d'une colonne du "
        "modèle (assess template-csv), par exemple finess ou dmp.feeds.",
        en="'{target}' is not a known column: write the ID of a template column "
        "(assess template-csv), for example finess or dmp.feeds.",
    ),
    "m_duplicate_column": _M(
        fr="Colonne en double : « {first} » et « {second} » désignent toutes deux « {target} » ; "
        "en retirer une, ou corriger --mapping.",
        en="Duplicate column: '{first}' and '{second}' both mean '{target}'; remove one, or "
        "fix --mapping.",
    ),
    "m_missing_columns": _M(
        fr="Colonnes obligatoires absentes : {names}. En-tête attendu : voir assess "
        "template-csv, ou faire correspondre vos titres avec --mapping.",
        en="Missing required columns: {names}. Expected header: see assess template-csv, or "
        "map your titles with --mapping.",
    ),
}
MESSAGES.update(INPUT_MESSAGES)
