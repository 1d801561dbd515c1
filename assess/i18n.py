"""User-facing words of the outputs, French first. Every entry must have both languages."""

from __future__ import annotations

from .common import DOMAINS, Lang, Text
from .file_messages import FILE_MESSAGES
from .render_messages import RENDER_MESSAGES
from .trust_messages import TRUST_MESSAGES

__all__ = ["MESSAGES", "t", "tn"]

_M = Text

MESSAGES: dict[str, Text] = {
    "assessed_on": _M(fr="évaluation du", en="assessed on"),
    "as_of": _M(fr="jugée au", en="judged as of"),
    "questionnaire": _M(fr="questionnaire", en="questionnaire"),
    "rules": _M(fr="règles", en="rules"),
    "engine": _M(fr="moteur", en="engine"),
    "inputs": _M(fr="empreinte", en="inputs hash"),
    "index": _M(fr="Indice global e-santé", en="Overall e-health index"),
    "up_to": _M(
        fr="jusqu'à {value} si les réponses inconnues sont favorables",
        en="up to {value} if unknown answers turn out favourable",
    ),
    "confidence": _M(fr="confiance", en="confidence"),
    "domain": _M(fr="Domaine", en="Domain"),
    "level": _M(fr="Niveau", en="Level"),
    "score": _M(fr="Score", en="Score"),
    "potential": _M(fr="Potentiel", en="Potential"),
    "findings": _M(fr="Constats", en="Findings"),
    "no_findings": _M(fr="Aucun constat.", en="No findings."),
    "not_applicable": _M(fr="non applicable", en="not applicable"),
    "warnings": _M(fr="Avertissements", en="Warnings"),
    "reached": _M(fr="atteint", en="reached"),
    "not_reached": _M(fr="non atteint", en="not reached"),
    "level_not_applicable": _M(
        fr="sans objet pour cette structure", en="does not apply to this organisation"
    ),
    "gate_met": _M(fr="satisfait", en="met"),
    "gate_not_met": _M(fr="non satisfait", en="not met"),
    "gate_unknown": _M(fr="inconnu (réponse manquante)", en="unknown (answer missing)"),
    "gate_not_applicable": _M(fr="non applicable", en="not applicable"),
    "answer_unknown": _M(fr="inconnu", en="unknown"),
    "answer_not_applicable": _M(fr="non applicable", en="not applicable"),
    "no_gates": _M(
        fr="aucune condition définie pour ce niveau", en="no gate defined for this level"
    ),
    "explain_title": _M(fr="Détail des niveaux", en="Level breakdown"),
    "recommendation": _M(fr="Recommandation", en="Recommendation"),
    "severity_critical": _M(fr="critique", en="critical"),
    "severity_high": _M(fr="élevée", en="high"),
    "severity_medium": _M(fr="moyenne", en="medium"),
    "severity_low": _M(fr="faible", en="low"),
    "severity_info": _M(fr="info", en="info"),
    "domain_interoperability": _M(fr="Interopérabilité", en="Interoperability"),
    "domain_hds_hosting": _M(fr="Hébergement HDS", en="HDS hosting"),
    "domain_dmp": _M(fr="Alimentation du DMP", en="DMP feeding"),
    "domain_mssante": _M(fr="MSSanté", en="MSSanté"),
    "domain_cybersecurity": _M(fr="Cybersécurité", en="Cybersecurity"),
    "domain_telemedicine": _M(fr="Télémédecine", en="Telemedicine"),
}

# The PDF/HTML readiness report (`assess report`).
_REPORT: dict[str, Text] = {
    "r_title": _M(fr="Rapport de maturité e-santé", en="E-health readiness report"),
    "r_prepared_by": _M(fr="Préparé par", en="Prepared by"),
    "r_organisation": _M(fr="Établissement", en="Organisation"),
    "r_finess": _M(fr="FINESS", en="FINESS"),
    "r_type": _M(fr="Type", en="Type"),
    "r_region": _M(fr="Région", en="Region"),
    "r_departement": _M(fr="Département", en="Département"),
    "r_assessment_date": _M(fr="Date d'évaluation", en="Assessment date"),
    "r_as_of": _M(fr="Règles appliquées au", en="Rules applied as of"),
    "r_questionnaire": _M(fr="Questionnaire", en="Questionnaire"),
    "r_rules_version": _M(fr="Version des règles", en="Rule-set version"),
    "r_inputs_hash": _M(fr="Empreinte réponses + règles", en="Answers + rules hash"),
    "r_hash_note": _M(
        fr="Deux rapports portant la même empreinte proviennent des mêmes réponses et des mêmes règles.",
        en="Two reports with the same hash come from the same answers and the same rules.",
    ),
    "r_tool": _M(fr="Outil", en="Tool"),
    "r_contents": _M(fr="Sommaire", en="Contents"),
    "r_summary": _M(fr="Synthèse", en="Executive summary"),
    "r_index_of": _M(fr="sur 100", en="out of 100"),
    "r_radar_caption": _M(
        fr="Niveau de maturité atteint par domaine (0 à 5)",
        en="Maturity level reached per domain (0 to 5)",
    ),
    "r_levels_table": _M(fr="Niveaux par domaine", en="Levels per domain"),
    "r_strengths": _M(fr="Points forts", en="Strongest points"),
    "r_no_strengths": _M(
        fr="Aucun niveau de maturité n'est encore atteint.", en="No maturity level is reached yet."
    ),
    "r_urgent": _M(fr="Priorités", en="Most urgent"),
    "r_no_urgent": _M(
        fr="Aucun constat ni condition bloquante.", en="No finding and no blocking gate."
    ),
    "r_level_n": _M(fr="niveau {n}/5", en="level {n}/5"),
    "r_blocks_level": _M(fr="bloque le niveau {n} — {domain}", en="blocks level {n} — {domain}"),
    "r_domains": _M(fr="Résultats par domaine", en="Results by domain"),
    "r_level_reached": _M(fr="Niveau atteint", en="Level reached"),
    "r_level_zero": _M(fr="Aucun niveau atteint", en="No level reached"),
    "r_level_zero_desc": _M(
        fr="Les conditions du niveau 1 ne sont pas toutes satisfaites.",
        en="Not every condition of level 1 is met.",
    ),
    "r_why_not_next": _M(
        fr="Pourquoi le niveau {n} n'est pas atteint", en="Why level {n} is not reached"
    ),
    "r_max_level": _M(fr="Niveau maximal atteint.", en="Highest level reached."),
    "r_levels_na": _M(
        fr="Niveaux sans objet pour cette structure (type ou activité déclarée) :",
        en="Levels that do not apply to this organisation (type or declared activity):",
    ),
    "r_not_applicable_domain": _M(
        fr="Ce domaine ne s'applique pas à cet établissement, ou aucune réponse ne permet de l'évaluer.",
        en="This domain does not apply to this organisation, or no answer allows assessing it.",
    ),
    "r_gate": _M(fr="Condition", en="Gate"),
    "r_status": _M(fr="Statut", en="Status"),
    "r_answers_behind": _M(fr="Réponses en cause", en="Answers behind it"),
    "r_severity": _M(fr="Gravité", en="Severity"),
    "r_rationale": _M(fr="Pourquoi", en="Why"),
    "r_related": _M(fr="Rapport et référentiels liés", en="Related report items and referentials"),
    "r_report_items": _M(fr="Rapport Institut Montaigne", en="Institut Montaigne report"),
    "r_referentials": _M(fr="Référentiels", en="Referentials"),
    "r_lines": _M(fr="l. {lines}", en="l. {lines}"),
    "r_cross_cutting": _M(fr="Thèmes transverses", en="Cross-cutting topics"),
    "r_action_plan": _M(fr="Plan d'action", en="Action plan"),
    "r_action_intro": _M(
        fr="Actions classées par gravité ; à gravité égale, celles qui retiennent un domaine à son niveau passent d'abord.",
        en="Actions ranked by severity; at equal severity, those that hold a domain at its level come first.",
    ),
    "r_rank": _M(fr="N°", en="#"),
    "r_action": _M(fr="Action", en="Action"),
    "r_unlocks": _M(fr="Débloque", en="Unlocks"),
    "r_effort": _M(fr="Effort", en="Effort"),
    "r_effort_unit": _M(fr="{n} question(s)", en="{n} question(s)"),
    "r_to_level": _M(fr="→ niveau {n}", en="→ level {n}"),
    "r_fix_gate": _M(fr="Satisfaire la condition : {title}", en="Meet the gate: {title}"),
    "r_answer_gate": _M(
        fr="Renseigner les réponses manquantes : {title}",
        en="Answer the missing questions: {title}",
    ),
    "r_next_steps": _M(
        fr="Ce qui fait passer au niveau suivant", en="What moves you to the next level"
    ),
    "r_next_target": _M(fr="niveau {current} → {target}", en="level {current} → {target}"),
    "r_no_actions": _M(fr="Aucune action nécessaire.", en="No action needed."),
    "r_annexes": _M(fr="Annexes", en="Annexes"),
    "r_annex_answers": _M(fr="Annexe C — Réponses", en="Annex C — Answers"),
    "r_question": _M(fr="Question", en="Question"),
    "r_answer": _M(fr="Réponse", en="Answer"),
    "r_comment": _M(fr="Commentaire", en="Comment"),
    "r_evidence": _M(fr="Justificatif", en="Evidence"),
    "r_annex_method": _M(fr="Annexe D — Méthode et formule", en="Annex D — Method and formula"),
    "r_method_levels": _M(
        fr="Chaque domaine compte cinq niveaux de maturité, cumulatifs (comme HIMSS EMRAM). Un niveau est atteint quand ses conditions applicables et celles des niveaux inférieurs sont satisfaites, et qu'au moins une de ses conditions s'applique à la structure : un niveau n'est jamais atteint sur des conditions non applicables seules. Un niveau dont aucune condition ne s'applique (type de structure ou activité non exercée) est sans objet : il n'est ni atteint ni bloquant. Une condition qui dépend d'une réponse manquante est « inconnue » et bloque le niveau ; le niveau potentiel suppose les réponses manquantes favorables.",
        en="Each domain has five cumulative maturity levels (as in HIMSS EMRAM). A level is reached when its applicable gates, and those of every lower level, are met and at least one of its gates applies to the organisation: a level is never reached on not-applicable gates alone. A level none of whose gates applies (type of organisation, or an activity it does not have) does not apply: it is neither reached nor blocking. A gate that depends on a missing answer is “unknown” and blocks the level; the potential level assumes missing answers turn out favourable.",
    ),
    "r_method_score": _M(
        fr="Score d'un domaine (0 à 100) = part des conditions satisfaites, chaque condition pesant poids × niveau ; les conditions non applicables sont écartées. La confiance est la part des questions applicables qui ont une réponse.",
        en="Domain score (0 to 100) = share of gates met, each gate worth weight × level; gates that do not apply are left out. Confidence is the share of applicable questions that were answered.",
    ),
    "r_method_index": _M(
        fr="Indice global = moyenne des scores des domaines applicables, pondérée par les cinq axes de valeur du rapport (V1 à V5, en Md€ par an). Le point médian de chaque axe est partagé également entre les domaines qui y sont liés ; la part de valeur d'un domaine est ce qu'il reçoit sur le total. Pour garder chaque domaine visible, le poids mêle une part égale et la part de valeur :",
        en="Overall index = mean of the applicable domains' scores, weighted by the report's five value axes (V1 to V5, in €bn a year). Each axis' midpoint is shared equally among the domains linked to it; a domain's value share is what it receives over the total. To keep every domain in view, the weight blends an equal share with the value share:",
    ),
    "r_method_formula": _M(
        fr="poids(d) = 0,5 × 1/6 + 0,5 × part_de_valeur(d)",
        en="weight(d) = 0.5 × 1/6 + 0.5 × value_share(d)",
    ),
    "r_method_renorm": _M(
        fr="Les poids des domaines non applicables sont retirés et les autres renormalisés.",
        en="Weights of domains that do not apply are dropped and the others renormalised.",
    ),
    "r_weight": _M(fr="Poids", en="Weight"),
    "r_method_rules": _M(
        fr="Les constats et conditions sont des règles déclaratives (une par fichier YAML) évaluées par un moteur de règles (durable-rules) et vérifiées par un évaluateur Python de référence. Chaque règle cite les freins, propositions ou mesures du rapport et les référentiels officiels dont elle découle.",
        en="Findings and gates are declarative rules (one YAML file each) evaluated by a rules engine (durable-rules) and checked against a reference Python evaluator. Every rule cites the report's barriers, proposals or measures and the official referentials it derives from.",
    ),
    "r_method_review": _M(
        fr="Relecture documentaire des règles contre leurs sources officielles : {reviewed} règles sur {total}, la plus ancienne le {date}.",
        en="Documentary review of the rules against their official sources: {reviewed} of {total} rules, the oldest on {date}.",
    ),
    "r_method_not_reviewed": _M(
        fr="Aucune règle n'a encore de relecture enregistrée.",
        en="No rule has a recorded review yet.",
    ),
    "r_method_plan": _M(
        fr="Plan d'action : chaque action est la recommandation d'une règle (constat) ou ce qu'il faut mettre en place pour satisfaire une condition de niveau ; une condition dont la réponse manque se traite en répondant aux questions en cause. Ordre : gravité, puis les actions qui retiennent un domaine à son niveau, puis le nombre de conditions ouvertes qui portent sur les mêmes questions. Une action n'annonce un niveau que si elle en est la dernière condition manquante.",
        en="Action plan: each action is a rule's recommendation (finding) or what to put in place to meet a level's gate; a gate whose answer is missing is dealt with by answering the questions behind it. Order: severity, then the actions that hold a domain at its level, then the number of open gates resting on the same questions. An action names a level only when it is that level's last missing gate.",
    ),
    "r_annex_coverage": _M(
        fr="Annexe E — Couverture des propositions du rapport",
        en="Annex E — Coverage of the report's proposals",
    ),
    "r_coverage_intro": _M(
        fr="Nombre de règles qui citent chaque proposition, mesure et frein du rapport, par domaine. « Via » : règles qui en citent une mesure ou un sous-frein. La commande « assess rules coverage » en donne la liste.",
        en="Number of rules citing each proposal, measure and barrier of the report, by domain. “Via”: rules citing one of its measures or sub-barriers. The command “assess rules coverage” lists them.",
    ),
    "r_coverage_summary": _M(
        fr="{covered} propositions sur {total} couvertes, {measures} mesures sur {measures_total}, {barriers} freins sur {barriers_total}.",
        en="{covered} of {total} proposals covered, {measures} of {measures_total} measures, {barriers} of {barriers_total} barriers.",
    ),
    "r_item": _M(fr="Élément", en="Item"),
    "r_kind_proposal": _M(fr="Proposition", en="Proposal"),
    "r_kind_measure": _M(fr="Mesure", en="Measure"),
    "r_kind_barrier": _M(fr="Frein", en="Barrier"),
    "r_rules_citing": _M(fr="Règles qui le citent", en="Rules citing it"),
    "r_via": _M(fr="via", en="via"),
    "r_not_covered": _M(fr="non couvert", en="not covered"),
    "r_uncovered_measures": _M(fr="mesures non couvertes :", en="measures not covered:"),
    "r_annex_sources": _M(fr="Annexe F — Sources", en="Annex F — Sources"),
    "r_source_report": _M(
        fr="Institut Montaigne (rapport porté par Gilles Babinet), « E-santé : augmentons la dose ! », 2020.",
        en="Institut Montaigne (report led by Gilles Babinet), “E-santé : augmentons la dose !” (e-health: let's increase the dose), 2020.",
    ),
    "r_date": _M(fr="Date", en="Date"),
    "r_title_col": _M(fr="Titre", en="Title"),
    "r_page": _M(fr="Page", en="Page"),
    "r_yes": _M(fr="Oui", en="Yes"),
    "r_no": _M(fr="Non", en="No"),
    "r_none": _M(fr="aucun", en="none"),
    "r_finding": _M(fr="Constat", en="Finding"),
    "r_cited": _M(fr="citée", en="cited"),
    # Executive report and annexes document (issue 15).
    "r_first_actions": _M(fr="Les cinq actions à mener d'abord", en="The five actions to do first"),
    "r_and_more": _M(fr="et {n} autre(s)", en="and {n} more"),
    "r_answer_questions": _M(
        fr="Répondre aux questions restées sans réponse : {questions}.",
        en="Answer the questions left open: {questions}.",
    ),
    "r_put_in_place": _M(fr="Mettre en place : {title}.", en="Put in place: {title}."),
    "r_reaches_level": _M(
        fr="Dernière condition manquante : niveau {n} atteint ({domain})",
        en="Last missing gate: reaches level {n} ({domain})",
    ),
    "r_gate_of_level": _M(fr="Condition du niveau {n}", en="Level {n} gate"),
    "r_step_effect": _M(fr="Effet mesuré : {effect}", en="Measured effect: {effect}"),
    "r_step_if_answer": _M(
        fr="Si la réponse est celle visée : {effect}",
        en="If the answer is the one aimed at: {effect}",
    ),
    "r_step_if_answer_short": _M(
        fr="si la réponse est celle visée : {effect}",
        en="if the answer is the one aimed at: {effect}",
    ),
    "r_step_level": _M(
        fr="{domain} niveau {before} → {after}", en="{domain} level {before} → {after}"
    ),
    "r_step_level_own": _M(fr="niveau {before} → {after}", en="level {before} → {after}"),
    "r_step_points_short": _M(fr="indice {points}", en="index {points}"),
    "r_step_with": _M(
        fr="{domain} niveau {level} une fois l'action {rank} faite",
        en="{domain} level {level} once action {rank} is done",
    ),
    "r_step_with_short": _M(
        fr="niveau {level} avec l'action {rank}", en="level {level} with action {rank}"
    ),
    "r_step_resolves": _M(fr="règle aussi : {titles}", en="also resolves: {titles}"),
    "r_step_nothing": _M(fr="aucun changement d'indice seule", en="no index change on its own"),
    "r_action_intro_roadmap": _M(
        fr="Les premières actions suivent la feuille de route : pour chaque domaine, la plus petite série de changements qui fait atteindre le niveau suivant. L'effet indiqué est recalculé par le moteur avec cette action et toutes celles qui la précèdent. Viennent ensuite les autres actions, classées par gravité.",
        en="The first actions follow the roadmap: for each domain, the smallest set of changes that reaches the next level. The effect shown is recomputed by the engine with this action and every one before it. The other actions follow, ranked by severity.",
    ),
    "r_method_plan_roadmap": _M(
        fr="Les premières actions du plan viennent de la feuille de route : pour chaque domaine, la plus petite série de changements de réponses qui fait atteindre le niveau suivant, vérifiée par le moteur. Les domaines passent par gravité (la condition ou le constat levé le plus grave), puis par points d'indice gagnés par unité d'effort. Chaque effet annoncé (niveau, points d'indice) est recalculé avec l'action et toutes celles qui la précèdent ; une action qui ne suffit pas seule nomme celle qui complète le niveau. Les actions qui suivent sont classées comme ci-dessus.",
        en="The plan's first actions come from the roadmap: for each domain, the smallest set of answer changes that reaches the next level, verified by the engine. Domains come by severity (the most severe gate or finding resolved), then by index points gained per unit of effort. Every effect shown (level, index points) is recomputed with the action and every one before it; an action that is not enough on its own names the one that completes the level. The actions after them are ranked as above.",
    ),
    "r_more_findings": _M(
        fr="{n} autre(s) constat(s) de gravité moindre ou égale : annexe B.",
        en="{n} more finding(s) of equal or lower severity: Annex B.",
    ),
    "r_more_blockers": _M(
        fr="et {n} autre(s) condition(s) : annexe B.", en="and {n} more gate(s): Annex B."
    ),
    "r_more_actions": _M(
        fr="{n} autre(s) action(s) figurent dans le plan d'action complet (annexe A).",
        en="{n} more action(s) are in the full action plan (Annex A).",
    ),
    "r_answered": _M(fr="{n}/{total} réponses", en="{n}/{total} answered"),
    "r_potential_note": _M(
        fr="niveau {n} possible si les réponses manquantes sont favorables",
        en="level {n} possible if the missing answers turn out favourable",
    ),
    "r_to_reach": _M(
        fr="Pour atteindre le niveau {n} — {title}", en="To reach level {n} — {title}"
    ),
    "r_blocked_by": _M(fr="Ce qui manque", en="What is missing"),
    "r_meaning": _M(fr="Ce que cela signifie", en="What it means"),
    "r_findings_that_matter": _M(fr="Constats principaux", en="Main findings"),
    "r_annex_plan": _M(fr="Annexe A — Plan d'action complet", en="Annex A — Full action plan"),
    "r_annex_details": _M(
        fr="Annexe B — Détail par domaine : niveaux, conditions et constats",
        en="Annex B — Detail by domain: levels, gates and findings",
    ),
    "r_annexes_title": _M(
        fr="Annexes du rapport de maturité e-santé", en="Annexes to the e-health readiness report"
    ),
    "r_annexes_pointer": _M(
        fr="Le détail figure dans les annexes : plan d'action complet, constats et conditions de chaque domaine, toutes les réponses avec commentaires et justificatifs, méthode et formule, couverture du rapport, sources.",
        en="The detail is in the annexes: full action plan, every domain's findings and gates, every answer with comment and evidence, method and formula, coverage of the report, sources.",
    ),
    "r_context": _M(fr="Origine", en="Source"),
    "cli_warning": _M(fr="Avertissement : ", en="Warning: "),
    "cli_full_or_annexes": _M(
        fr="--full met déjà les annexes dans le rapport ; retirez --annexes ou --full.",
        en="--full already puts the annexes in the report; drop --annexes or --full.",
    ),
    "brand_contrast": _M(
        fr="Couleur de marque {colour} : contraste insuffisant pour du texte (minimum {min}).",
        en="Brand colour {colour}: not enough contrast for text (minimum {min}).",
    ),
    "brand_text_black": _M(
        fr="Texte blanc illisible dessus ({ratio}) : le texte posé sur cette couleur est écrit en noir.",
        en="White text on it is unreadable ({ratio}): text set on this colour is printed in black.",
    ),
    "brand_ink_darker": _M(
        fr="Les titres sont imprimés dans une teinte plus foncée ({ink}).",
        en="Headings are printed in a darker shade ({ink}).",
    ),
    "month_1": _M(fr="janvier", en="January"),
    "month_2": _M(fr="février", en="February"),
    "month_3": _M(fr="mars", en="March"),
    "month_4": _M(fr="avril", en="April"),
    "month_5": _M(fr="mai", en="May"),
    "month_6": _M(fr="juin", en="June"),
    "month_7": _M(fr="juillet", en="July"),
    "month_8": _M(fr="août", en="August"),
    "month_9": _M(fr="septembre", en="September"),
    "month_10": _M(fr="octobre", en="October"),
    "month_11": _M(fr="novembre", en="November"),
    "month_12": _M(fr="décembre", en="December"),
}
MESSAGES.update(_REPORT)

# The interactive questionnaire (`assess questionnaire`).
_INTERVIEW: dict[str, Text] = {
    "iv_progress": _M(
        fr="{section} — question {i}/{n} — {pct} % du questionnaire",
        en="{section} — question {i}/{n} — {pct}% of the questionnaire",
    ),
    "iv_profile": _M(fr="Identité de l'établissement", en="Organisation identity"),
    "iv_keys": _M(
        fr="? aide · < retour · s passer (inconnu)", en="? help · < back · s skip (unknown)"
    ),
    "iv_keys_na": _M(fr=" · na non applicable", en=" · na not applicable"),
    "iv_keys_org": _M(fr="? aide · < retour", en="? help · < back"),
    "iv_keys_keep": _M(
        fr=" · Entrée garde la réponse actuelle", en=" · Enter keeps the current answer"
    ),
    "iv_prompt": _M(fr="Réponse : ", en="Answer: "),
    "iv_prefilled": _M(
        fr="{n} réponses reprises de {path}, à confirmer une à une (Entrée confirme).",
        en="{n} answers carried over from {path}, to confirm one by one (Enter confirms).",
    ),
    "iv_resume_or_from": _M(
        fr="--resume et --from ne vont pas ensemble : --from commence une nouvelle évaluation.",
        en="--resume and --from do not go together: --from starts a new assessment.",
    ),
    "iv_to_confirm": _M(
        fr="Réponse de l'évaluation précédente, à confirmer : {value}",
        en="Answer from the previous assessment, to confirm: {value}",
    ),
    "iv_keys_confirm": _M(
        fr=" · Entrée confirme la réponse précédente", en=" · Enter confirms the previous answer"
    ),
    "iv_prompt_default": _M(fr="Réponse [{value}] : ", en="Answer [{value}]: "),
    "iv_expected": _M(fr="Attendu : {what}.", en="Expected: {what}."),
    "iv_welcome": _M(
        fr="{title} — questionnaire {id} v{version}", en="{title} — questionnaire {id} v{version}"
    ),
    "iv_saved_to": _M(
        fr="Chaque réponse est enregistrée aussitôt dans {path}. Ctrl-C ou Ctrl-D pour interrompre ; on reprend où l'on s'était arrêté.",
        en="Every answer is saved at once to {path}. Ctrl-C or Ctrl-D to stop; you can resume where you left off.",
    ),
    "iv_keys_intro": _M(
        fr="Touches : ? aide et références · < question précédente · s passer (réponse inconnue) · na non applicable (si proposé).",
        en="Keys: ? help and references · < previous question · s skip (unknown answer) · na not applicable (where offered).",
    ),
    "iv_resuming": _M(fr="Reprise de {path} : {answers}.", en="Resuming {path}: {answers}."),
    "iv_all_answered": _M(
        fr="Toutes les questions ont déjà une réponse.", en="Every question already has an answer."
    ),
    "iv_first_step": _M(
        fr="C'est la première question : pas de retour possible.",
        en="This is the first question: there is nothing to go back to.",
    ),
    "iv_references": _M(fr="Références", en="References"),
    "iv_invalid": _M(
        fr="Réponse non valide « {raw} » : attendu {what}.",
        en="Invalid answer '{raw}': expected {what}.",
    ),
    "iv_out_of_range": _M(
        fr="Valeur hors limites « {raw} » : attendu {what}.",
        en="Out of range '{raw}': expected {what}.",
    ),
    "iv_not_a_choice": _M(
        fr="« {item} » n'est pas un des choix : attendu {what}.",
        en="'{item}' is not one of the choices: expected {what}.",
    ),
    "iv_empty": _M(
        fr="Une réponse est nécessaire : attendu {what}.",
        en="An answer is needed: expected {what}.",
    ),
    "iv_na_refused": _M(
        fr="Cette question n'accepte pas « na » : répondez ({what}) ou tapez s pour passer.",
        en="This question does not accept 'na': answer it ({what}) or type s to skip.",
    ),
    "iv_required": _M(
        fr="Cette information est obligatoire : attendu {what}.",
        en="This information is required: expected {what}.",
    ),
    "iv_too_long": _M(
        fr="Texte trop long ({n} caractères) : attendu {what}.",
        en="Text too long ({n} characters): expected {what}.",
    ),
    "iv_what_yes_no": _M(fr="oui ou non (o/n)", en="yes or no (y/n)"),
    "iv_what_percent": _M(
        fr="un pourcentage de {low} à {high} (ex. 45, 45 % ou 45,5)",
        en="a percentage from {low} to {high} (e.g. 45, 45 % or 45.5)",
    ),
    "iv_what_integer_range": _M(
        fr="un nombre entier de {low} à {high}", en="a whole number from {low} to {high}"
    ),
    "iv_what_integer_min": _M(
        fr="un nombre entier d'au moins {low}", en="a whole number of at least {low}"
    ),
    "iv_what_date": _M(
        fr="une date AAAA-MM-JJ ou JJ/MM/AAAA (ex. 2025-09-30)",
        en="a date YYYY-MM-DD or DD/MM/YYYY (e.g. 2025-09-30)",
    ),
    "iv_what_single": _M(
        fr="le numéro (1 à {n}) ou l'intitulé d'un choix",
        en="the number (1 to {n}) or the wording of one choice",
    ),
    "iv_what_multiple": _M(
        fr="un ou plusieurs numéros (1 à {n}) séparés par des virgules (ex. 1,3), des intitulés séparés par « ; », ou « aucun »",
        en="one or more numbers (1 to {n}) separated by commas (e.g. 1,3), wordings separated by “;”, or “none”",
    ),
    "iv_what_text": _M(
        fr="un texte libre (au plus {max} caractères)", en="free text (at most {max} characters)"
    ),
    "iv_unit": _M(fr="unité : {unit}", en="unit: {unit}"),
    "iv_yes": _M(fr="oui", en="yes"),
    "iv_no": _M(fr="non", en="no"),
    "iv_none": _M(fr="aucun", en="none"),
    "iv_unknown": _M(fr="inconnu (passée)", en="unknown (skipped)"),
    "iv_na": _M(fr="non applicable", en="not applicable"),
    "iv_org_name": _M(fr="Nom de l'établissement", en="Name of the organisation"),
    "iv_org_finess": _M(fr="Numéro FINESS", en="FINESS number"),
    "iv_org_type": _M(fr="Type d'établissement", en="Type of organisation"),
    "iv_org_region": _M(fr="Région (code INSEE ou nom)", en="Region (INSEE code or name)"),
    "iv_org_departement": _M(fr="Département", en="Département"),
    "iv_what_name": _M(fr="le nom de l'établissement", en="the name of the organisation"),
    "iv_what_finess": _M(
        fr="un numéro FINESS de 9 caractères (ex. 750712184)",
        en="a 9-character FINESS number (e.g. 750712184)",
    ),
    "iv_what_type": _M(
        fr="le numéro (1 à {n}) ou le nom d'un type ({ids})",
        en="the number (1 to {n}) or the name of a type ({ids})",
    ),
    "iv_what_region": _M(
        fr="un code région INSEE (ex. 11) ou un nom de région (ex. Bretagne)",
        en="an INSEE region code (e.g. 11) or a region name (e.g. Bretagne)",
    ),
    "iv_what_departement": _M(
        fr="un code département (ex. 75, 2A, 971)", en="a département code (e.g. 75, 2A, 971)"
    ),
    "iv_help_name": _M(
        fr="La raison sociale de l'établissement, telle qu'elle figure au répertoire FINESS.",
        en="The organisation's name as registered in the FINESS directory.",
    ),
    "iv_help_finess": _M(
        fr="Le numéro FINESS (9 caractères) de l'établissement ou de son entité juridique, sur finess.esante.gouv.fr. Le dernier chiffre est une clé de contrôle.",
        en="The 9-character FINESS number of the facility or its legal entity, from finess.esante.gouv.fr. The last digit is a check digit.",
    ),
    "iv_help_type": _M(
        fr="Certaines questions ne concernent que certains types d'établissement.",
        en="Some questions only concern some types of organisation.",
    ),
    "iv_help_region": _M(
        fr="Code INSEE de la région de l'établissement.",
        en="INSEE code of the organisation's region.",
    ),
    "iv_help_departement": _M(
        fr="Code du département ; par défaut celui du numéro FINESS.",
        en="Département code; by default the one of the FINESS number.",
    ),
    "iv_finess_length": _M(
        fr="Le numéro FINESS « {raw} » doit avoir 9 caractères (il en a {n}).",
        en="FINESS '{raw}' must have 9 characters (it has {n}).",
    ),
    "iv_finess_chars": _M(
        fr="Le numéro FINESS « {raw} » ne doit contenir que des chiffres (2A ou 2B en tête pour la Corse).",
        en="FINESS '{raw}' must be digits only (2A or 2B first for Corsica).",
    ),
    "iv_finess_key": _M(
        fr="La clé du numéro FINESS « {raw} » est fausse (dernier chiffre) : recopiez-le depuis le répertoire FINESS.",
        en="FINESS '{raw}' has a wrong check digit (last digit): copy it again from the FINESS directory.",
    ),
    "iv_file_exists": _M(
        fr="{path} existe déjà. Pour le compléter : assess questionnaire --resume {path} ; sinon choisissez un autre fichier avec -o.",
        en="{path} already exists. To continue it: assess questionnaire --resume {path}; otherwise choose another file with -o.",
    ),
    "iv_wrong_questionnaire": _M(
        fr="{path} répond au questionnaire « {found} », pas à « {expected} » ; passez --questionnaire pour le bon fichier.",
        en="{path} answers questionnaire '{found}', not '{expected}'; pass --questionnaire for the right file.",
    ),
    "iv_not_answers": _M(
        fr="{path} n'est pas un fichier de réponses (attendu : un dictionnaire YAML ou JSON).",
        en="{path} is not an answers file (expected a YAML or JSON mapping).",
    ),
    "iv_dropped": _M(
        fr="{path} : {entry} ignoré : {reason}", en="{path}: {entry} ignored: {reason}"
    ),
    "iv_unknown_question": _M(
        fr="question inconnue de ce questionnaire", en="not a question of this questionnaire"
    ),
    "iv_version_changed": _M(
        fr="{path} a été commencé avec la version {old} du questionnaire ; il continue avec la version {new}.",
        en="{path} was started with questionnaire version {old}; it continues with version {new}.",
    ),
    "iv_unknown_domain": _M(
        fr="« {domain} » n'est pas une section du questionnaire ; choix : {choices}",
        en="'{domain}' is not a section of the questionnaire; choices: {choices}",
    ),
    "iv_interrupted": _M(
        fr="Interrompu : {answers} dans {path}.\nPour reprendre : {command}",
        en="Stopped: {answers} in {path}.\nTo resume: {command}",
    ),
    "iv_done": _M(
        fr="Questionnaire terminé : {answers} dans {path}.",
        en="Questionnaire complete: {answers} in {path}.",
    ),
    "iv_domain_done": _M(
        fr="Section « {section} » terminée : réponses enregistrées dans {path}.",
        en="Section '{section}' complete: answers saved in {path}.",
    ),
    "iv_details": _M(
        fr="Détail des niveaux : assess explain {path}", en="Level breakdown: assess explain {path}"
    ),
    "iv_offer_pdf": _M(
        fr="Écrire le rapport PDF dans {path} ?", en="Write the PDF report to {path}?"
    ),
    "iv_yes_no_default_yes": _M(fr=" [O/n] ", en=" [Y/n] "),
    "iv_yes_no_default_no": _M(fr=" [o/N] ", en=" [y/N] "),
    "more_findings": _M(
        fr="et {n} autres constats (liste complète : assess score)",
        en="and {n} more findings (full list: assess score)",
    ),
    "iv_pdf_failed": _M(
        fr="Le rapport PDF n'a pas pu être écrit : {error}",
        en="The PDF report could not be written: {error}",
    ),
}
MESSAGES.update(_INTERVIEW)

assert all(f"domain_{d}" in MESSAGES for d in DOMAINS)


def t(key: str, lang: Lang, **values: object) -> str:
    text = MESSAGES[key].get(lang)
    return text.format(**values) if values else text


def tn(key: str, n: int, lang: Lang, **values: object) -> str:
    """`key_one` or `key_many` with `{n}`: French counts 0 and 1 as singular (« 0 réponse »)."""
    one = n <= 1 if lang == "fr" else n == 1
    return t(f"{key}_{'one' if one else 'many'}", lang, n=n, **values)


# Regional summary of `assess batch --summary` (the template reads them without the s_ prefix).
_SUMMARY: dict[str, Text] = {
    "s_title": Text(
        fr="Synthèse régionale de maturité e-santé", en="Regional e-health readiness summary"
    ),
    "s_questionnaire": Text(fr="questionnaire", en="questionnaire"),
    "s_rules": Text(fr="règles", en="rules"),
    "s_scored": Text(fr="Organisations notées", en="Organisations scored"),
    "s_rejected": Text(fr="lignes rejetées", en="rows rejected"),
    "s_mean_index": Text(fr="indice moyen", en="mean index"),
    "s_levels_title": Text(
        fr="Répartition des niveaux par domaine", en="Level distribution per domain"
    ),
    "s_level": Text(fr="Niveau", en="Level"),
    "s_level_short": Text(fr="N", en="L"),
    "s_na": Text(fr="non applicable", en="not applicable"),
    "s_domain": Text(fr="Domaine", en="Domain"),
    "s_distribution": Text(fr="Organisations par niveau", en="Organisations per level"),
    "s_heatmap_title": Text(
        fr="Carte de chaleur organisations × domaines", en="Organisations × domains heatmap"
    ),
    "s_heatmap_note": Text(
        fr="Les %s organisations à l'indice le plus bas (sur %s), niveau atteint par domaine.",
        en="The %s organisations with the lowest index (of %s), level reached per domain.",
    ),
    "s_heatmap_all": Text(
        fr="Les %s organisations, de l'indice le plus bas au plus haut, niveau atteint par domaine.",
        en="All %s organisations, lowest index first, level reached per domain.",
    ),
    "s_name": Text(fr="Nom", en="Name"),
    "s_type": Text(fr="Type", en="Type"),
    "s_dept": Text(fr="Dépt", en="Dept"),
    "s_index": Text(fr="Indice", en="Index"),
    "s_findings_title": Text(fr="Constats les plus fréquents", en="Most frequent findings"),
    "s_rule": Text(fr="Règle", en="Rule"),
    "s_finding": Text(fr="Constat", en="Finding"),
    "s_severity": Text(fr="Gravité", en="Severity"),
    "s_organisations": Text(fr="Organisations", en="Organisations"),
    "s_seed": Text(fr="Freins et propositions du rapport", en="Report barriers and proposals"),
    "s_no_findings": Text(fr="Aucun constat.", en="No findings."),
    "s_by_type": Text(fr="Par type d'organisation", en="By organisation type"),
    "s_by_dept": Text(fr="Par département", en="By département"),
    "s_group": Text(fr="Groupe", en="Group"),
}
MESSAGES.update(_SUMMARY)

# Consistency checks, evidence and the confidence grade (their own module, merged here).
MESSAGES.update(TRUST_MESSAGES)
MESSAGES.update(FILE_MESSAGES)  # the file writer's errors
MESSAGES.update(RENDER_MESSAGES)  # report and summary rendering errors

# The command line itself (errors, validate), needed before any other module is loaded.
_CLI: dict[str, Text] = {
    "cli_error": Text(fr="Erreur", en="Error"),
    "cli_problems": Text(
        fr="Erreur : {n} problèmes à corriger dans le fichier :",
        en="Error: {n} problems to fix in the file:",
    ),
    "cli_aborted": Text(fr="Interrompu.", en="Aborted."),
    "cli_other_version": Text(
        fr="Avertissement : {path} : réponses pour la version {found} du questionnaire, lues "
        "avec la version {current} ; vérifier les questions qui ont changé.",
        en="Warning: {path}: answers for questionnaire version {found}, read with version "
        "{current}; check the questions that changed.",
    ),
    "cli_rules_ok": Text(
        fr="{n} règles valides, {run} exemples vérifiés sur durable-rules et python (règles {version})",
        en="{n} rules OK, {run} examples passed on durable-rules and python (rules {version})",
    ),
    "cli_examples_failed": Text(
        fr="{n} exemples de règles sur {run} en échec : corriger la règle ou l'exemple indiqués ci-dessus",
        en="{n} of {run} rule examples failed: fix the rule or the example shown above",
    ),
    "iv_file_header": Text(
        fr="Réponses au questionnaire, écrites par « assess questionnaire ».\nPour reprendre : {resume}",
        en="Questionnaire answers, written by `assess questionnaire`.\nTo resume: {resume}",
    ),
    "iv_no_stdout": Text(
        fr="-o : le questionnaire enregistre ses réponses dans un fichier, pas sur la sortie "
        "standard (-) ; donner un nom de fichier.",
        en="-o: the questionnaire saves its answers to a file, not to standard output (-); give "
        "a file name.",
    ),
    "cli_valid": Text(
        fr="{path} : valide — {answered} sur {total}",
        en="{path}: valid — {answered} of {total}",
    ),
    "cli_answered_one": Text(fr="{n} question répondue", en="{n} question answered"),
    "cli_answered_many": Text(fr="{n} questions répondues", en="{n} questions answered"),
}
MESSAGES.update(_CLI)
