"""Every `--help` text, French then English, put on the commands by `click_fr.localize`.

Plain tuples (no text models): `assess --help` loads nothing heavy. Keys: a command by its path
("" for `assess` itself, "rules list"); an option or argument by "path:name", or ":name" for the
options shared by several commands (the path's own entry wins).
"""

from __future__ import annotations

__all__ = ["HELP", "METAVARS"]

_DEFS_HINT = ("(défaut : ceux du paquet)", "(default: the packaged ones)")

HELP: dict[str, tuple[str, str]] = {
    "": (
        "Évaluer la maturité e-santé d'un établissement de santé français : questionnaire, règles "
        "déclaratives (rapport « E-santé : augmentons la dose ! » et référentiels 2024–2026), "
        "scores, rapports.\n\nLangue : assess COMMANDE --lang en, ou la variable d'environnement ASSESS_LANG=en.",
        "Assess the e-health readiness of a French health organisation: questionnaire, "
        "declarative rules (report « E-santé : augmentons la dose ! » and 2024–2026 "
        "referentials), scores, reports.\n\nLanguage: assess COMMAND --lang fr, or the "
        "environment variable ASSESS_LANG=fr.",
    ),
    ":version": ("Afficher la version et quitter.", "Show the version and exit."),
    ":lang": (
        "Langue des messages et des rapports : fr ou en (défaut : ASSESS_LANG, sinon fr).",
        "Language of messages and reports: fr or en (default: ASSESS_LANG, else fr).",
    ),
    ":as_of": (
        "Juger à cette date (défaut : la date d'évaluation).",
        "Judge as of this date (default: the assessment date).",
    ),
    ":engine": (
        "durable-rules, ou l'évaluateur Python simple (mêmes résultats).",
        "durable-rules, or the plain-Python evaluator (same results).",
    ),
    ":rules_dir": (f"Dossier de règles {_DEFS_HINT[0]}.", f"Rules folder {_DEFS_HINT[1]}."),
    ":questionnaire_path": (
        "Fichier questionnaire (défaut : celui du paquet).",
        "Questionnaire file (default: the packaged one).",
    ),
    ":domain": ("Un seul domaine.", "One domain only."),
    ":fmt": ("Format de sortie.", "Output format."),
    "score": (
        "Noter un fichier de réponses : niveau, score et constats par domaine.",
        "Score an answers file: level, score and findings per domain.",
    ),
    "explain": (
        "Expliquer chaque niveau : conditions satisfaites ou bloquantes, et les réponses en cause.",
        "Show, for each level, which gates hold and which block, with the answers behind them.",
    ),
    "validate": (
        "Vérifier un fichier de réponses : tous les problèmes (organisation et réponses) sont "
        "listés d'un coup.",
        "Check an answers file against the questionnaire: every problem (organisation and "
        "answers) is listed at once.",
    ),
    "rules": ("Lister et vérifier les règles.", "List and check rules."),
    "rules list": (
        "Une ligne par règle : identifiant, domaine, type, gravité, date de relecture, titre.",
        "One line per rule: ID, domain, kind, severity, review date, title.",
    ),
    "rules list:domain": ("Seulement ce domaine.", "Only this domain."),
    "rules list:since": (
        "Seulement les règles sans relecture depuis cette date.",
        "Only rules not reviewed since this date.",
    ),
    "rules check": (
        "Valider toutes les règles et exécuter leurs exemples sur les deux moteurs.",
        "Validate every rule and run its examples on both engines.",
    ),
    "rules coverage": (
        "Couverture des freins et propositions du rapport (et de leurs mesures) par les règles.",
        "The report's barriers and proposals (with their measures) against the rules.",
    ),
    "schema": (
        "Afficher le schéma JSON d'un format de fichier : answers (réponses), comparison, "
        "questionnaire, result (résultat), roadmap ou rule (règle).",
        "Print the JSON Schema of a file format: answers, comparison, questionnaire, result, "
        "roadmap or rule.",
    ),
    "report": (
        "Écrire le rapport de maturité : synthèse et radar, un bloc par domaine, les premières "
        "actions (12 pages au plus). --annexes FICHIER écrit le détail complet dans un second "
        "fichier, --full met tout dans un seul.",
        "Write the readiness report: summary and radar, one block per domain, the first actions "
        "(at most 12 pages). --annexes FILE writes the full detail to a second file, --full puts "
        "everything in one.",
    ),
    "report:output": (
        "Fichier à écrire (rapport.pdf, rapport.html), - pour la sortie standard.",
        "File to write (report.pdf, report.html), - for standard output.",
    ),
    "report:fmt": (
        "pdf ou html (défaut : selon l'extension de -o, sinon pdf).",
        "pdf or html (default: from the -o extension, else pdf).",
    ),
    "report:brand_file": (
        "Fichier de marque YAML (nom, logo, couleur, pied de page).",
        "Brand file, YAML (name, logo, colour, footer).",
    ),
    "report:template_dir": (
        "Gabarits qui remplacent ou étendent ceux du paquet.",
        "Templates that override or extend the packaged ones.",
    ),
    "report:previous": (
        "Évaluation précédente (réponses ou résultat JSON) : ajoute la section Évolution.",
        "Previous assessment (answers or result JSON): adds the progress section.",
    ),
    "report:annexes_path": (
        "Écrire aussi les annexes (détail complet) dans ce fichier.",
        "Also write the annexes (full detail) to this file.",
    ),
    "report:full": (
        "Rapport et annexes dans un seul fichier.",
        "Report and annexes in one file.",
    ),
    "questionnaire": (
        "Répondre au questionnaire, question par question ; chaque réponse est enregistrée "
        "aussitôt. Touches : ? aide · < retour · s passer · na non applicable. Ctrl-C pour "
        "interrompre, puis « assess questionnaire --resume FICHIER » pour reprendre.",
        "Answer the questionnaire question by question; every answer is saved at once. Keys: "
        "? help · < back · s skip · na not applicable. Ctrl-C to stop, then "
        "`assess questionnaire --resume FILE --lang en` to resume.",
    ),
    "questionnaire:output": (
        "Fichier de réponses à créer (défaut : answers.yaml).",
        "Answers file to create (default: answers.yaml).",
    ),
    "questionnaire:resume": (
        "Reprendre ce fichier à la première question sans réponse.",
        "Resume this file at the first unanswered question.",
    ),
    "questionnaire:previous": (
        "Pré-remplir avec l'évaluation précédente ; chaque réponse est à confirmer.",
        "Pre-fill with the previous assessment; each answer is to be confirmed.",
    ),
    "questionnaire:domain": (
        "Une seule section (et le profil s'il manque).",
        "One section only (plus the profile if it is missing).",
    ),
    "questionnaire:assessment_date": (
        "Date d'évaluation (défaut : aujourd'hui).",
        "Assessment date (default: today).",
    ),
    "batch": (
        "Noter toutes les organisations d'un export CSV ou XLSX ; les lignes invalides sont "
        "rejetées avec leur motif. Codes de sortie : 0 toutes les lignes notées, 3 des lignes "
        "rejetées, 1 entrée inutilisable.",
        "Score every organisation of a CSV or XLSX export; bad rows are rejected with their "
        "reason. Exit codes: 0 all rows scored, 3 some rows rejected, 1 unusable input.",
    ),
    "batch:output": (
        "Fichier de résultats, - pour la sortie standard (défaut : la sortie standard).",
        "Results file, - for standard output (default: standard output).",
    ),
    "batch:errors_file": (
        "Problèmes ligne par ligne : rejets et avertissements (CSV, ou XLSX si le nom finit par "
        ".xlsx).",
        "Problems row by row: rejections and warnings (CSV, or XLSX if the name ends in .xlsx).",
    ),
    "batch:fmt": (
        "csv, json ou xlsx (défaut : selon l'extension de -o, sinon csv).",
        "csv, json or xlsx (default: from the -o extension, else csv).",
    ),
    "batch:strict": (
        "Rejeter toute ligne qui a une cellule de réponse illisible (défaut : réponse inconnue).",
        "Reject any row with an unreadable answer cell (default: that answer becomes unknown).",
    ),
    "batch:mapping": (
        "Correspondance des colonnes et des valeurs (YAML ou JSON).",
        "Column and value mapping (YAML or JSON).",
    ),
    "batch:encoding": (
        "Forcer l'encodage de l'entrée (défaut : détecté).",
        "Force the input encoding (default: detected).",
    ),
    "batch:sheet": (
        "Feuille XLSX à lire (défaut : la première visible).",
        "XLSX sheet to read (default: the first visible one).",
    ),
    "batch:excel": (
        "CSV pour Excel français : « ; », BOM UTF-8, virgule décimale.",
        "CSV for French Excel: ';', UTF-8 BOM, decimal comma.",
    ),
    "batch:summary_path": (
        "Synthèse régionale (.pdf, .html ou .json).",
        "Regional summary (.pdf, .html or .json).",
    ),
    "batch:public": (
        "Synthèse publique : aucune organisation nommée, petits groupes masqués (défaut : "
        "version interne, qui nomme les organisations).",
        "Public summary: no organisation named, small groups suppressed (default: the internal "
        "version, which names organisations).",
    ),
    "batch:reports_dir": (
        "Un rapport PDF par organisation dans ce dossier (FINESS.pdf).",
        "One PDF report per organisation in this folder (FINESS.pdf).",
    ),
    "batch:previous": (
        "Résultats de la campagne précédente (CSV ou JSON).",
        "Results of the previous campaign (CSV or JSON).",
    ),
    "batch:jobs": (
        "Processus de notation (défaut : nombre de cœurs).",
        "Scoring processes (default: number of cores).",
    ),
    "template-csv": (
        "Écrire le modèle CSV de collecte (une colonne par question) et son dictionnaire de "
        "données.",
        "Write the collection CSV (one column per question) and its data dictionary.",
    ),
    "template-csv:output": (
        "Modèle à écrire, - pour la sortie standard (sans dictionnaire).",
        "Template file to write, - for standard output (no dictionary).",
    ),
    "template-csv:excel": (
        "« ; » et BOM UTF-8 pour Excel français.",
        "';' and UTF-8 BOM for French Excel.",
    ),
    "template-csv:force": ("Remplacer les fichiers existants.", "Replace existing files."),
    "roadmap": (
        "Feuille de route : les plus petits ensembles de changements de réponses qui font "
        "atteindre le niveau suivant de chaque domaine, chacun vérifié par le moteur.",
        "The smallest sets of answer changes that reach each domain's next level, each one "
        "verified by the engine.",
    ),
    "roadmap:target_level": (
        "Niveau visé (défaut : le suivant).",
        "Level to reach (default: the next one).",
    ),
    "roadmap:by": (
        "Lister aussi les règles qui entrent en vigueur d'ici cette date.",
        "Also list the rules coming into force by this date.",
    ),
    "compare": (
        "Évolution depuis l'évaluation précédente (fichiers de réponses ou résultats JSON) : "
        "niveaux, conditions, constats et réponses en cause ; les changements de règles sont "
        "signalés à part.",
        "What changed since the previous assessment (answers files or result JSON), and why; "
        "rule changes are shown apart.",
    ),
    "compare:previous_rules_dir": (
        "Règles en vigueur lors de l'évaluation précédente.",
        "Rules of the previous assessment.",
    ),
    "compare:previous_questionnaire": (
        "Questionnaire de l'évaluation précédente.",
        "Questionnaire of the previous assessment.",
    ),
}

# Placeholders shown in usage lines and in Click's errors (« Valeur non valide pour RÉPONSES »).
METAVARS: dict[str, tuple[str, str]] = {
    ":answers_file": ("RÉPONSES", "ANSWERS"),
    ":input_file": ("ENTRÉE", "INPUT"),
    ":previous_file": ("PRÉCÉDENT", "PREVIOUS"),
    ":current_file": ("ACTUEL", "CURRENT"),
    ":as_of": ("AAAA-MM-JJ", "YYYY-MM-DD"),
    ":since": ("AAAA-MM-JJ", "YYYY-MM-DD"),
    ":by": ("AAAA-MM-JJ", "YYYY-MM-DD"),
    ":assessment_date": ("AAAA-MM-JJ", "YYYY-MM-DD"),
    ":sheet": ("NOM", "NAME"),
    ":encoding": ("ENCODAGE", "ENCODING"),
    ":jobs": ("N", "N"),
    ":kind": ("FORMAT", "FORMAT"),
    ":target_level": ("N", "N"),
    "questionnaire:domain": ("DOMAINE", "DOMAIN"),
    "rules list:domain": ("DOMAINE", "DOMAIN"),
}
