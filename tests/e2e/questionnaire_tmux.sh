#!/usr/bin/env bash
# End-to-end check of `assess questionnaire` in a real terminal: tmux types the keystrokes
# (send-keys), the screen is read back (capture-pane). Covers invalid answers, help, back,
# skip, na, Ctrl-C, Ctrl-D and --resume, then checks the answers file and the final summary.
# Exit 0 when every check passes, 1 otherwise. Needs tmux; PYTHON defaults to .venv/bin/python.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
WORK="$(mktemp -d)"
ANSWERS="$WORK/answers.yaml"
SOCKET="assess-e2e-$$"  # a private tmux server: never touches the user's sessions
PANE="e2e"
DEFS="--rules-dir tests/fixtures/mini/rules --questionnaire tests/fixtures/mini/questionnaire.yaml"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

tm() { tmux -u -L "$SOCKET" "$@"; }
cleanup() {
    tm kill-server >/dev/null 2>&1 || true
    rm -rf "$WORK"
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCKET"
}
trap cleanup EXIT

screen() { tm capture-pane -p -J -t "$PANE" -S -10000; }
fail() {
    echo "FAIL: $*" >&2
    echo "----- terminal -----" >&2
    screen | sed -e '/^$/N;/^\n$/D' | tail -60 >&2
    exit 1
}

# Wait until the screen shows `text` (a fixed string) at least `count` times.
expect() {
    local text="$1" count="${2:-1}" i n
    for ((i = 0; i < 300; i++)); do
        n=$(screen | grep -cF -- "$text" || true)
        ((n >= count)) && return 0
        sleep 0.1
    done
    fail "expected to see «$text» (x$count)"
}

# Wait for the next answer prompt (« Réponse : » or « Réponse [défaut] : »). Prompts are counted,
# so each keystroke waits for its own prompt: nothing is typed ahead.
PROMPTS=0
PROMPT_RE='^Réponse( \[[^]]*\])? : '
next_prompt() {
    PROMPTS=$((PROMPTS + 1))
    local i n=0
    for ((i = 0; i < 300; i++)); do
        n=$(screen | grep -cE -- "$PROMPT_RE" || true)
        ((n >= PROMPTS)) && return 0
        sleep 0.1
    done
    fail "prompt #$PROMPTS did not appear (saw $n)"
}

answer() {
    next_prompt
    [[ -n "$1" ]] && tm send-keys -t "$PANE" -l -- "$1"
    tm send-keys -t "$PANE" Enter
}

run() { tm send-keys -t "$PANE" -l -- "$1; echo EXIT=\$?"; tm send-keys -t "$PANE" Enter; }

tm -f /dev/null new-session -d -s "$PANE" -x 220 -y 50 "bash --norc --noprofile"
tm set-option -g history-limit 50000 >/dev/null
tm send-keys -t "$PANE" -l -- "cd '$ROOT' && export PYTHONPATH='$ROOT' PS1='$ '"
tm send-keys -t "$PANE" Enter

# --- first sitting: profile and a few answers, then Ctrl-C -------------------------------------
run "'$PY' -m assess questionnaire -o '$ANSWERS' --date 2026-03-01 $DEFS"
expect "Identité de l'établissement — question 1/5 — 0 % du questionnaire"
answer "<"
expect "C'est la première question : pas de retour possible."
answer "CH Test"
answer "750712185"
expect "La clé du numéro FINESS « 750712185 » est fausse (dernier chiffre) : le recopier depuis le répertoire FINESS."
answer "750712184"
answer "2"
answer "11"
expect "Réponse [75] : "
answer ""                      # Enter: département 75, taken from the FINESS
answer "?"                     # org.beds: help
expect "Aide org.beds"
answer "350"
answer "120"                   # interoperability.ins_share
expect "120 est hors limites : attendu un pourcentage de 0 à 100 (ex. 45, 45 % ou 45,5)."
answer "80 %"
answer "peut-être"             # hds_hosting.host
expect "« peut-être » n'est pas une réponse oui/non : écrire oui, non ou nsp (ne sait pas), ou « sans objet »."
answer "na"
answer "oui"                   # dmp.feeds
expect "Section dmp — question 2/4 — 52 % du questionnaire"
answer "45,5"                  # dmp.letter_share, asked because dmp.feeds is yes
expect "Section dmp — question 3/4 — 58 % du questionnaire"
next_prompt
tm send-keys -t "$PANE" -l "1,3"  # typing dmp.documents...
expect "Réponse : 1,3"
tm send-keys -t "$PANE" C-c       # ...then Ctrl-C: only this answer is lost
expect "EXIT=1"
expect "Pour reprendre : assess questionnaire --resume $ANSWERS --questionnaire tests/fixtures/mini/questionnaire.yaml --rules-dir tests/fixtures/mini/rules"

"$PY" - "$ANSWERS" <<'EOF' || fail "answers file after Ctrl-C"
import sys
from pathlib import Path
from assess.yamlio import load_document
data = load_document(Path(sys.argv[1])).data
assert data["organisation"] == {"name": "CH Test", "finess": "750712184", "type": "ch", "region": "11", "departement": "75"}, data
assert data["answers"] == {"org.beds": 350, "interoperability.ins_share": 80, "hds_hosting.host": "na",
                           "dmp.feeds": "yes", "dmp.letter_share": 45.5}, data["answers"]
EOF

# --- second sitting: resume at dmp.documents and finish -----------------------------------------
run "'$PY' -m assess questionnaire --resume '$ANSWERS' $DEFS"
expect "Reprise de $ANSWERS : 5 réponses enregistrées."
expect "Section dmp — question 3/4 — 58 % du questionnaire" 2
answer "1,3"                   # dmp.documents
answer "<"                     # dmp.since: back to dmp.documents
expect "Réponse [ldl ; bio] : "
answer ""                      # Enter keeps ldl, bio
answer "s"                     # dmp.since: skipped (unknown)
expect "Enregistré comme inconnu."
next_prompt
tm send-keys -t "$PANE" C-d    # mssante.mailbox: Ctrl-D also stops and saves
expect "EXIT=1" 2
expect "Interrompu : 7 réponses enregistrées dans $ANSWERS."

# --- third sitting: resume at mssante.mailbox and finish ----------------------------------------
run "'$PY' -m assess questionnaire --resume '$ANSWERS' $DEFS"
expect "Reprise de $ANSWERS : 7 réponses enregistrées."
answer "3"                     # mssante.mailbox: nominative
answer "n"                     # cybersecurity.mfa
answer "Pas de MFA"            # cybersecurity.notes
answer "na"                    # telemedicine.tlc_share
answer "2,5"                   # governance.budget_share
for ((i = 0; i < 300; i++)); do
    out="$(screen)"
    grep -qF "EXIT=0" <<<"$out" && break
    if grep -qF "Écrire le rapport PDF" <<<"$out"; then  # only when `assess report` exists
        tm send-keys -t "$PANE" -l "n"
        tm send-keys -t "$PANE" Enter
        break
    fi
    sleep 0.1
done
expect "EXIT=0"
expect "Questionnaire terminé : 12 réponses enregistrées dans $ANSWERS."
expect "Indice global e-santé"
expect "Alimentation du DMP            1/5"
expect "[CRITIQUE] CYB-001  Accès par simple mot de passe"

"$PY" - "$ANSWERS" "$ROOT" <<'EOF' || fail "final answers file"
import datetime as dt, sys
from pathlib import Path
from assess.answers import load_answers
from assess.definitions import load_questionnaire
from assess.yamlio import load_document
path, root = Path(sys.argv[1]), Path(sys.argv[2])
data = load_document(path).data
expected = {
    "org.beds": 350, "interoperability.ins_share": 80, "hds_hosting.host": "na", "dmp.feeds": "yes",
    "dmp.letter_share": 45.5, "dmp.documents": ["ldl", "bio"], "dmp.since": "unknown",
    "mssante.mailbox": "nominative", "cybersecurity.mfa": "no", "cybersecurity.notes": "Pas de MFA",
    "telemedicine.tlc_share": "na", "governance.budget_share": 2.5,
}
assert data["answers"] == expected, data["answers"]
assert data["assessment_date"] == dt.date(2026, 3, 1)
load_answers(path, load_questionnaire(root / "tests/fixtures/mini/questionnaire.yaml"))  # as `assess score` reads it
EOF

[[ -n "${E2E_SHOW:-}" ]] && screen | sed -e '/^$/N;/^\n$/D'  # E2E_SHOW=1: print the terminal
echo "OK: questionnaire end-to-end in tmux ($PROMPTS prompts answered)"
