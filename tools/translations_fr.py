"""French translations of the console's strings, written into resources/i18n/vigie_fr.ts.

Run `python tools/translations_fr.py` after `pyside6-lupdate` has added new source strings; a
test fails while any string shown in the console has no French translation.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "vigie_fr.ts"

FRENCH: dict[str, str] = {
    "Priority": "Priorité",
    "Waiting": "Attente",
    "Site": "Site",
    "Name": "Nom",
    "Alarm": "Alarme",
    "State": "État",
    "Operator": "Opérateur",
    "Signals": "Signaux",
    "New": "Nouvelle",
    "Taken": "Prise en compte",
    "Verifying": "Levée de doute",
    "Dispatched": "Intervention",
    "Closed": "Clôturée",
    "Close alarm %1": "Clôturer l'alarme %1",
    "— choose —": "— choisir —",
    "What was done, who was reached, the outcome (Ctrl+Return to close the alarm)": (
        "Ce qui a été fait, qui a été joint, l'issue (Ctrl+Entrée pour clôturer)"
    ),
    "&Disposition": "&Qualification",
    "&Comment": "&Commentaire",
    "Close alarm": "Clôturer l'alarme",
    "Choose how the alarm ended.": "Choisissez la qualification de l'alarme.",
    "A closing comment is required.": "Un commentaire de clôture est obligatoire.",
    "No floor plan for this site.": "Pas de plan pour ce site.",
    "Level %1": "Niveau %1",
    "The plan image could not be read.": "Le plan n'a pas pu être lu.",
    "Vigie — Sign in": "Vigie — Connexion",
    "&Login": "&Identifiant",
    "&Password": "&Mot de passe",
    "Unknown login or wrong password.": "Identifiant inconnu ou mot de passe erroné.",
    "(optional)": "(facultatif)",
    "Vigie — Alarm queue — %1": "Vigie — File d'alarmes — %1",
    "&Alarm": "&Alarme",
    "Take": "Prendre",
    "Open": "Ouvrir",
    "Verify": "Lever le doute",
    "Close…": "Clôturer…",
    "Release": "Remettre en file",
    "&Help": "&Aide",
    "Keyboard shortcuts": "Raccourcis clavier",
    "No new alarm to take.": "Aucune nouvelle alarme à prendre.",
    "Select an alarm to close.": "Sélectionnez une alarme à clôturer.",
    "Select an alarm first.": "Sélectionnez d'abord une alarme.",
    "Database: OK": "Base : OK",
    "Database unreachable — the queue may be out of date; retrying. (%1)": (
        "Base de données injoignable — la file peut ne pas être à jour ; nouvel essai en cours. (%1)"
    ),
    "Database: DOWN": "Base : HORS SERVICE",
    "Receiver: none": "Récepteur : aucun",
    "No receiver has reported to this database.": "Aucun récepteur ne s'est signalé sur cette base.",
    "%1 stopped": "%1 arrêté",
    "%1 silent for %2 s": "%1 muet depuis %2 s",
    "Receiver: FAULT — %1": "Récepteur : DÉFAUT — %1",
    "Receiver: OK": "Récepteur : OK",
    "%1 open, %2 waiting": "%1 ouvertes, %2 en attente",
    "Take the selected alarm, or the most urgent new one": (
        "Prendre l'alarme sélectionnée, ou la nouvelle la plus urgente"
    ),
    "Open the selected alarm in the site window": "Ouvrir l'alarme sélectionnée dans la fenêtre site",
    "Start verification (doubt removal)": "Commencer la levée de doute",
    "Mark as dispatched": "Marquer l'intervention déclenchée",
    "Close with a disposition and a comment": "Clôturer avec une qualification et un commentaire",
    "Release the alarm back to the queue": "Remettre l'alarme en file",
    "Show the keyboard shortcuts": "Afficher les raccourcis clavier",
    "Vigie — Site": "Vigie — Site",
    "#": "N°",
    "Role": "Fonction",
    "Phones": "Téléphones",
    "Availability": "Disponibilité",
    "Needs": "Besoins",
    "Time": "Heure",
    "Code": "Code",
    "Event": "Événement",
    "Zone": "Zone",
    "Q": "Q",
    "system": "système",
    "Action": "Action",
    "Detail": "Détail",
    "Procedure": "Consignes",
    "Contacts (call in this order)": "Contacts (appeler dans cet ordre)",
    "Journal": "Main courante",
    "No procedure for this kind of alarm.": "Pas de consigne pour ce type d'alarme.",
    "Vigie — %1": "Vigie — %1",
    "risk class %1": "classe de risque %1",
    "Accessibility needs": "Besoins particuliers",
    "No alarm selected": "Aucune alarme sélectionnée",
    "Account": "Compte",
    "alarm": "alarme",
    "restore": "retour",
    "still present": "persistant",
    "confirmed by alarm path": "confirmée par cheminement",
    "Steps &skipped because": "Consignes &non faites car",
    "Acknowledge the tripped zones": "Acquitter les zones déclenchées",
    "Replay the alarm path": "Rejouer le cheminement",
    "Site window: replay the alarm path on the plan": "Fenêtre site : rejouer le cheminement sur le plan",
    "Site window: acknowledge the flashing tripped zones": "Fenêtre site : acquitter les zones qui clignotent",
    "Only if mandatory procedure steps were not done": "Seulement si des consignes obligatoires n'ont pas été faites",
}


def fill(path: Path = TS) -> list[str]:
    """Write the translations into the .ts file; returns the sources still untranslated."""
    tree = ET.parse(path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in FRENCH:
            translation.text = FRENCH[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    untranslated = fill()
    for source in untranslated:
        print(f"untranslated: {source!r}", file=sys.stderr)
    sys.exit(1 if untranslated else 0)
