"""What report and summary rendering says when it fails, French first (merged into i18n).

Jinja's and WeasyPrint's own explanations are English technical text for template authors: they
are quoted as the detail, inside a sentence in the reader's language that says what to do.
"""

from __future__ import annotations

from .common import Text

__all__ = ["RENDER_MESSAGES"]

_M = Text

RENDER_MESSAGES: dict[str, Text] = {
    "r_template": _M(
        fr="Erreur dans le gabarit{where} : {detail} ; corriger le gabarit (--template-dir).",
        en="Template error{where}: {detail}; fix the template (--template-dir).",
    ),
    "r_template_loop": _M(
        fr="Erreur dans le gabarit ({name}) : il s'inclut, s'étend ou s'appelle lui-même sans fin ; "
        "retirer la boucle.",
        en="Template error ({name}): the template includes, extends or calls itself without end; "
        "remove the loop.",
    ),
    "r_font_missing": _M(
        fr="Police {font} introuvable dans les dossiers de gabarits ; la remettre ou retirer la "
        "déclaration @font-face.",
        en="Font {font} not found in the template directories; put it back or remove its "
        "@font-face rule.",
    ),
    "r_pdf_failed": _M(
        fr="Le PDF n'a pas pu être produit ({detail}) ; essayer --format html pour voir le "
        "document, ou signaler l'erreur.",
        en="The PDF could not be produced ({detail}); try --format html to see the document, or "
        "report the error.",
    ),
    "r_blocked": _M(
        fr="Le rapport a voulu charger {n} ressource(s) hors des dossiers de gabarits et de marque, "
        "ce qui n'est pas permis (ni réseau, ni autres fichiers) : {urls}. Copier ces fichiers "
        "dans le dossier de gabarits ou de marque.",
        en="The report tried to load {n} resource(s) outside the template and brand directories, "
        "which is not allowed (no network, no other files): {urls}. Copy these files into the "
        "template or brand directory.",
    ),
    "r_summary_stdout": _M(
        fr="--summary : la synthèse s'écrit dans un fichier (.pdf, .html ou .json), pas sur la "
        "sortie standard (-) ; donner un nom de fichier.",
        en="--summary: the summary is written to a file (.pdf, .html or .json), not to standard "
        "output (-); give a file name.",
    ),
    "r_summary_format": _M(
        fr="--summary : donner un nom de fichier en .pdf, .html ou .json, pas « {name} ».",
        en="--summary: give a .pdf, .html or .json file name, not “{name}”.",
    ),
}
