"""French translations of the console's strings, written into resources/i18n/vigie_fr.ts.

Run `python tools/translations_fr.py` after `pyside6-lupdate` has added new source strings; a
test fails while any string shown in the console has no French translation. A feature's strings
may live in their own file, `tools/i18n_fr/<feature>.toml` ("English" = "Français" pairs), so that
features written side by side do not all edit this one dictionary.
"""

from __future__ import annotations

import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "vigie_fr.ts"
FEATURES = Path(__file__).resolve().parent / "i18n_fr"

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
    # dispatch
    "Dispatch": "Interventions",
    "Responder": "Intervenant",
    "Elapsed": "Écoulé",
    "Agreed": "Délai",
    "Status": "Statut",
    "Requested": "Demandée",
    "On site": "Sur place",
    "Ref.": "Réf.",
    "Report": "Rapport",
    "Guard company": "Société de gardiennage / intervention",
    "Keyholder": "Détenteur des clés",
    "Technician": "Technicien",
    "Police": "Police / Gendarmerie",
    "Fire brigade": "Pompiers",
    "Ambulance (SAMU)": "SAMU / ambulance",
    "%1 min": "%1 min",
    "Cancelled": "Annulée",
    "Overdue by %1 min": "En retard de %1 min",
    "Awaited, %1 min left": "Attendu, reste %1 min",
    "Awaited": "Attendu",
    "Reported": "Rapport reçu",
    "%1, late by %2 min": "%1, en retard de %2 min",
    "%1, on time": "%1, dans les délais",
    "Report: %1": "Rapport : %1",
    "Cancelled: %1": "Annulée : %1",
    "Name who is sent (company or person).": "Indiquez qui est envoyé (société ou personne).",
    "Write what the responder reported.": "Saisissez le compte rendu de l'intervenant.",
    "Give the reason for cancelling.": "Indiquez le motif de l'annulation.",
    "Take the alarm before requesting a dispatch.": "Prenez l'alarme avant de demander une intervention.",
    "The alarm is closed.": "L'alarme est clôturée.",
    "Mark the responder on site before the report.": "Indiquez l'arrivée sur place avant le rapport.",
    "The responder is already on site.": "L'intervenant est déjà sur place.",
    "This dispatch is already reported.": "Le rapport de cette intervention est déjà saisi.",
    "This dispatch was cancelled.": "Cette intervention a été annulée.",
    "A time in the future cannot be recorded.": "Une heure future ne peut pas être enregistrée.",
    "Changed at another workstation meanwhile; try again.": (
        "Modifiée entre-temps depuis un autre poste ; réessayez."
    ),
    "Request…": "Demander…",
    "Report…": "Rapport…",
    "Cancel…": "Annuler…",
    "Company or person sent": "Société ou personne envoyée",
    "Optional: unit or station": "Facultatif : unité ou caserne",
    "Their mission or incident number": "Leur numéro de mission ou d'intervention",
    "Send (Return)": "Envoyer (Entrée)",
    "Back (Esc)": "Retour (Échap)",
    "Record (Ctrl+Return)": "Enregistrer (Ctrl+Entrée)",
    "&Responder": "&Intervenant",
    "&Name": "&Nom",
    "Re&ference": "Ré&férence",
    "Report of %1 (what they found, what they did)": "Rapport de %1 (constatations, actions)",
    "Reason for cancelling %1": "Motif d'annulation : %1",
    "Select a dispatch first.": "Sélectionnez d'abord une intervention.",
    "Agreed delay: %1 min": "Délai convenu : %1 min",
    "No agreed delay: the elapsed time is shown": "Pas de délai convenu : le temps écoulé est affiché",
    # plan editor
    "Edit floor plans…": "Modifier les plans…",
    "&Site": "&Site",
    "&Level": "&Niveau",
    "Load image…": "Charger une image…",
    "New level…": "Nouveau niveau…",
    "Rename…": "Renommer…",
    "Delete level": "Supprimer le niveau",
    "Zoom out (-)": "Zoom arrière (-)",
    "Zoom in (+)": "Zoom avant (+)",
    "Fit the plan (0)": "Ajuster le plan (0)",
    "Drag a zone onto the plan, or drag it on the plan to move it. Arrow keys nudge the selected zone (Shift: faster); Delete takes it off the plan.": (
        "Glissez une zone sur le plan, ou sur le plan pour la déplacer. Les flèches déplacent la zone"
        " sélectionnée (Maj : plus vite) ; Suppr la retire du plan."
    ),
    "Zones": "Zones",
    "not placed": "non placée",
    "Take the zone off the plan": "Retirer la zone du plan",
    "Floor plans — %1": "Plans — %1",
    "No plan yet: load an image (SVG, PNG or JPEG).": "Pas encore de plan : chargez une image (SVG, PNG ou JPEG).",
    "Load a plan image first.": "Chargez d'abord l'image d'un plan.",
    "The file cannot be read: %1": "Le fichier ne peut pas être lu : %1",
    "Zones %1 were off the new image: place them again.": (
        "Les zones %1 sortaient de la nouvelle image : placez-les à nouveau."
    ),
    "Plan image": "Image du plan",
    "Plan images (*.svg *.png *.jpg *.jpeg)": "Images de plan (*.svg *.png *.jpg *.jpeg)",
    "Rename level": "Renommer le niveau",
    "Name of level %1:": "Nom du niveau %1 :",
    "The image file is empty.": "Le fichier image est vide.",
    "The image is larger than %1 MB.": "L'image dépasse %1 Mo.",
    "This is not an SVG, PNG or JPEG image.": "Ce n'est pas une image SVG, PNG ou JPEG.",
    "The image's size cannot be read (an SVG needs a width and height or a viewBox).": (
        "La taille de l'image est illisible (un SVG doit avoir une largeur et une hauteur, ou une viewBox)."
    ),
    "A level name has at most %1 characters.": "Le nom d'un niveau a au plus %1 caractères.",
    "This site no longer exists.": "Ce site n'existe plus.",
    "Level %1 no longer exists.": "Le niveau %1 n'existe plus.",
    "Zone %1 no longer exists.": "La zone %1 n'existe plus.",
    "Zone %1 is outside the plan.": "La zone %1 est hors du plan.",
    "Only a supervisor or an administrator can change floor plans.": (
        "Seul un superviseur ou un administrateur peut modifier les plans."
    ),
    "Nothing to save.": "Rien à enregistrer.",
    "The database cannot be reached; nothing was saved. (%1)": (
        "Base de données injoignable : rien n'a été enregistré. (%1)"
    ),
    "Saved.": "Enregistré.",
    "Unsaved changes": "Modifications non enregistrées",
    "Save the changes to the floor plans before closing?": "Enregistrer les modifications des plans avant de fermer ?",
    # queue
    "stalled": "inactive",
    "No activity for %1": "Aucune action depuis %1",
    "Handled by %1": "Traitée par %1",
    "Search site, name or account (Ctrl+F)": "Chercher un site, un nom ou un compte (Ctrl+F)",
    "All kinds": "Tous types",
    "All states": "Tous états",
    "Mine only": "Les miennes",
    "%1 of %2 shown": "%1 sur %2 affichées",
    "Fire": "Incendie",
    "Panic": "Panique",
    "Duress": "Contrainte",
    "Medical": "Médical",
    "Intrusion": "Intrusion",
    "Tamper": "Autoprotection",
    "Technical fault": "Défaut technique",
    "Missed test or link": "Test cyclique ou liaison",
    "Opening or closing": "Mise en ou hors service",
    "Test": "Essai",
    "Information": "Information",
    "Shift": "Vacation",
    "Shift %1–%2": "Vacation %1–%2",
    "Waiting, still under %1 s: %2": "En attente depuis moins de %1 s : %2",
    "≤ %1 s: %2": "≤ %1 s : %2",
    "Taken within %1 s: %2 of %3 alarms of the shift (target %4 %)": (
        "Prises en compte en %1 s au plus : %2 sur %3 alarmes de la vacation (objectif %4 %)"
    ),
    "%1 %2 (%3, no activity for %4)": "%1 %2 (%3, aucune action depuis %4)",
    "and %1 more": "et %1 autres",
    "Taken but not progressed: %1": "Prises en compte mais non traitées : %1",
    "Search the queue by site code, name or account": "Chercher dans la file par code site, nom ou compte",
    "Clear the queue filters": "Effacer les filtres de la file",
    "Mute or unmute the alarm tones for this shift": "Couper ou rétablir les sonneries pour la vacation",
    "&View": "&Affichage",
    "Search…": "Chercher…",
    "Clear filters": "Effacer les filtres",
    "Mute tones": "Couper les sonneries",
    "%1 is already handled by %2.": "%1 est déjà traitée par %2.",
    "New shift: alarm tones are on again.": "Nouvelle vacation : les sonneries sont rétablies.",
    "Tones muted": "Sonneries coupées",
    # keyboard and language
    "Go to the floor plan": "Aller au plan",
    "Go to the procedure": "Aller aux consignes",
    "Go to the contacts": "Aller aux contacts",
    "Next panel": "Panneau suivant",
    "Previous panel": "Panneau précédent",
    "Site window: go to the floor plan, the procedure, the contacts": (
        "Fenêtre site : aller au plan, aux consignes, aux contacts"
    ),
    "Site window: next / previous panel (plan, procedure, contacts)": (
        "Fenêtre site : panneau suivant / précédent (plan, consignes, contacts)"
    ),
    "Site window, procedure: move between the steps, tick the current one": (
        "Fenêtre site, consignes : passer d'une consigne à l'autre, cocher la consigne courante"
    ),
    "Site window: close the alarm shown": "Fenêtre site : clôturer l'alarme affichée",
    "&Language": "&Langue",
    "The console is already in this language.": "La console est déjà dans cette langue.",
    "The language will change at the next start of the console.": (
        "La langue changera au prochain démarrage de la console."
    ),
    # telephone: settings dialog, status bar indicator, Settings menu
    "Telephone settings": "Paramètres du téléphone",
    "Changes take effect at the next start of the console, except the headset devices, which change at once.": (
        "Les modifications prennent effet au prochain démarrage de la console, sauf les périphériques du "
        "casque, qui changent immédiatement."
    ),
    "Changes take effect at the next start of the console.": (
        "Les modifications prennent effet au prochain démarrage de la console."
    ),
    "Workstation": "Poste",
    "Telephone enabled on this workstation": "Téléphone activé sur ce poste",
    "Listen on address": "Adresse d'écoute",
    "5060; 0 for any free port": "5060 ; 0 pour un port libre quelconque",
    "SIP port": "Port SIP",
    "Transport": "Transport",
    "address the PBX and callers reach this workstation at": (
        "adresse à laquelle l'autocommutateur et les appelants joignent ce poste"
    ),
    "Public address": "Adresse publique",
    "Display name": "Nom affiché",
    "User (direct IP calls)": "Utilisateur (appels IP directs)",
    "PBX": "Autocommutateur",
    "Optional: leave the registrar empty to place direct IP calls only.": (
        "Facultatif : laisser le registrar vide pour ne passer que des appels IP directs."
    ),
    "Registrar": "Registrar",
    "User": "Utilisateur",
    "Password": "Mot de passe",
    "default: the registrar's host": "par défaut : l'hôte du registrar",
    "Domain": "Domaine",
    "Calls": "Appels",
    "host[:port] numbers are sent to when there is no PBX": (
        "hôte[:port] où envoyer les numéros en l'absence d'autocommutateur"
    ),
    "Gateway": "Passerelle",
    "Label": "Libellé",
    "Number or SIP address": "Numéro ou adresse SIP",
    "Add": "Ajouter",
    "Remove": "Retirer",
    "Transfer targets": "Destinations de transfert",
    "Recordings and headset": "Enregistrements et casque",
    "Browse…": "Parcourir…",
    "Recordings folder": "Dossier des enregistrements",
    "Minimum free space": "Espace libre minimal",
    "Headset microphone": "Micro du casque",
    "Headset earpiece": "Écouteur du casque",
    "System default": "Périphérique par défaut du système",
    "%1 (not connected)": "%1 (non connecté)",
    "Without a public address this workstation announces itself as 127.0.0.1: the PBX and callers cannot reach it.": (
        "Sans adresse publique, ce poste s'annonce comme 127.0.0.1 : l'autocommutateur et les appelants "
        "ne peuvent pas le joindre."
    ),
    "Enter an IP address of this workstation, or 0.0.0.0 for all.": (
        "Saisir une adresse IP de ce poste, ou 0.0.0.0 pour toutes."
    ),
    "The port must be a number from 0 to 65535 (0: any free port).": (
        "Le port doit être un nombre de 0 à 65535 (0 : un port libre quelconque)."
    ),
    "Enter a host name or an IP address, without sip: or a port.": (
        "Saisir un nom d'hôte ou une adresse IP, sans sip: ni port."
    ),
    "Enter a name, without quotes or angle brackets.": "Saisir un nom, sans guillemets ni chevrons.",
    "Enter a user name: letters, digits, dot, dash, underscore or plus.": (
        "Saisir un nom d'utilisateur : lettres, chiffres, point, tiret, tiret bas ou plus."
    ),
    "Enter a host name or address, optionally with :port, without sip:.": (
        "Saisir un nom d'hôte ou une adresse, éventuellement avec :port, sans sip:."
    ),
    "The registrar must be a SIP URI such as sip:pbx.station.local.": (
        "Le registrar doit être une URI SIP, par exemple sip:pbx.station.local."
    ),
    "Enter the user this workstation registers as.": "Saisir l'utilisateur sous lequel ce poste s'enregistre.",
    "Enter the registrar, or clear the other PBX fields.": (
        "Saisir le registrar, ou vider les autres champs de l'autocommutateur."
    ),
    "Enter a domain name, without sip:.": "Saisir un nom de domaine, sans sip:.",
    "Row %1: enter both a label and a number or SIP address.": (
        "Ligne %1 : saisir un libellé et un numéro ou une adresse SIP."
    ),
    "Row %1: “%2” cannot be called (a SIP address, or a number with a PBX or a gateway).": (
        "Ligne %1 : « %2 » ne peut pas être appelé (une adresse SIP, ou un numéro avec un autocommutateur "
        "ou une passerelle)."
    ),
    "Choose a folder for the recordings.": "Choisir un dossier pour les enregistrements.",
    "Enter a full path.": "Saisir un chemin complet.",
    "This is a file, not a folder.": "C'est un fichier, pas un dossier.",
    "This folder is not writable.": "Ce dossier n'est pas accessible en écriture.",
    "This folder cannot be created (no writable parent folder).": (
        "Ce dossier ne peut pas être créé (aucun dossier parent accessible en écriture)."
    ),
    "&Settings": "&Paramètres",
    "Telephone…": "Téléphone…",
    "Headset devices changed; the other telephone settings apply at the next start.": (
        "Périphériques du casque changés ; les autres paramètres du téléphone s'appliqueront au prochain "
        "démarrage."
    ),
    "Telephone settings saved; they apply at the next start of the console.": (
        "Paramètres du téléphone enregistrés ; ils s'appliqueront au prochain démarrage de la console."
    ),
    "%1 calls cut off by the last stop of the console were closed as interrupted; %2 recordings checked and repaired.": (
        "Appels coupés par le dernier arrêt de la console clôturés comme interrompus : %1 ; "
        "enregistrements vérifiés et réparés : %2."
    ),
    "Telephone: off": "Téléphone : désactivé",
    "The telephone is disabled ([phone] enabled in console.ini, or VIGIE_PHONE=0).": (
        "Le téléphone est désactivé ([phone] enabled dans console.ini, ou VIGIE_PHONE=0)."
    ),
    "Telephone: FAULT — %1": "Téléphone : DÉFAUT — %1",
    "The telephone could not start: %1": "Le téléphone n'a pas pu démarrer : %1",
    "The console runs without it; check Settings > Telephone, then restart.": (
        "La console fonctionne sans lui ; vérifier Paramètres > Téléphone, puis redémarrer."
    ),
    "Telephone: direct IP": "Téléphone : IP direct",
    "Telephone: direct IP (port %1)": "Téléphone : IP direct (port %1)",
    "No PBX: calls are placed and received directly over IP.": (
        "Sans autocommutateur : les appels sont passés et reçus directement en IP."
    ),
    "Telephone: registering…": "Téléphone : enregistrement…",
    "Registering to %1": "Enregistrement auprès de %1",
    "Telephone: registered to %1": "Téléphone : enregistré auprès de %1",
    "Registration to %1 failed: %2": "Échec de l'enregistrement auprès de %1 : %2",
    "Calls through the PBX are impossible until it succeeds; it is retried.": (
        "Les appels par l'autocommutateur sont impossibles tant qu'il n'a pas réussi ; il est retenté."
    ),
    "Telephone: stopped": "Téléphone : arrêté",
    "Telephone: %1": "Téléphone : %1",
    "SIP port: %1": "Port SIP : %1",
    "call records waiting for the database: %1": "fiches d'appel en attente de la base : %1",
    "%1 call record writes are kept in order and retried every 2 s.": (
        "Écritures de fiches d'appel en attente : %1 ; conservées dans l'ordre et retentées toutes les 2 s."
    ),
    # softphone panel, incoming calls, password check, listen-in
    "Phone": "Téléphone",
    "Telephone not configured": "Téléphone non configuré",
    "Telephone ready.": "Téléphone prêt.",
    "Call list": "Liste d'appel",
    "No contact on file for this site.": "Aucun contact enregistré pour ce site.",
    "Call %1": "Appeler %1",
    "No number": "Pas de numéro",
    "reached": "joint",
    "no answer": "pas de réponse",
    "busy": "occupé",
    "failed": "échec",
    "declined": "refusé",
    "unreachable": "injoignable",
    "in call": "en ligne",
    "calling…": "appel en cours…",
    "Calls in progress": "Appels en cours",
    "Call": "Appel",
    "Incoming call": "Appel entrant",
    "Ringing…": "Sonnerie…",
    "Calling…": "Appel…",
    "On hold %1": "En attente %1",
    "Talking %1": "Interpellation %1",
    "Listening %1": "Écoute %1",
    "In call %1, muted": "En ligne %1, micro coupé",
    "In call %1": "En ligne %1",
    "Answer": "Décrocher",
    "Answer (F9)": "Décrocher (F9)",
    "Decline": "Refuser",
    "Hold": "Attente",
    "Resume": "Reprendre",
    "Mute": "Couper le micro",
    "Unmute": "Rétablir le micro",
    "Hang up": "Raccrocher",
    "Talk": "Parler",
    "Listen": "Écouter",
    "Transfer": "Transférer",
    "Transfer to (choose or type)": "Transférer à (choisir ou saisir)",
    "Choose or type where to transfer the call.": "Choisissez ou saisissez à qui transférer l'appel.",
    "Transferring %1 to %2…": "Transfert de %1 vers %2…",
    "Calling %1…": "Appel de %1…",
    "Dial pad": "Clavier",
    "DTMF: RFC 2833": "DTMF : RFC 2833",
    "DTMF: SIP INFO": "DTMF : SIP INFO",
    "How digits are sent during a call (as the audio module expects)": (
        "Comment les chiffres sont envoyés pendant un appel (selon le module audio)"
    ),
    "Audio doubt removal": "Levée de doute audio",
    "Audio module": "Module audio",
    "Audio module of the site": "Module audio du site",
    "Listen in": "Écouter le site",
    "Listen-in to follow: the site's audio module will call the station.": (
        "Écoute à suivre : le module audio du site va appeler la station."
    ),
    "Site audio: %1 dBFS": "Son du site : %1 dBFS",
    "Site audio: silence": "Son du site : silence",
    "Doubt positive (intrusion heard)": "Doute positif (intrusion entendue)",
    "Doubt negative": "Doute négatif",
    "Verdict recorded: %1": "Conclusion enregistrée : %1",
    "Verdict not recorded: %1": "Conclusion non enregistrée : %1",
    "Password check": "Contrôle du mot de passe",
    "C&ontact": "C&ontact",
    "&Words": "&Mots",
    "What the caller says": "Ce que dit l'appelant",
    "Check": "Contrôler",
    "(no password on file)": "(pas de mot de passe enregistré)",
    "Type the words the caller says.": "Saisissez les mots que dit l'appelant.",
    "Check impossible: %1": "Contrôle impossible : %1",
    "✔ Password correct": "✔ Mot de passe correct",
    "⚠ DURESS WORD — act as if all is well, do not let the caller notice. Follow the duress procedure.": (
        "⚠ MOT DE CONTRAINTE — faites comme si tout allait bien, l'appelant ne doit rien remarquer."
        " Suivez la procédure contrainte."
    ),
    "✘ Wrong password: ask again, then follow the procedure": (
        "✘ Mot de passe faux : redemandez-le, puis suivez la procédure"
    ),
    "No password on file for this contact": "Pas de mot de passe enregistré pour ce contact",
    "no site shown": "aucun site affiché",
    "Unknown caller": "Appelant inconnu",
    "Caller known on several sites": "Appelant connu sur plusieurs sites",
    "Open alarm: %1": "Alarme en cours : %1",
    "Phone: answer the incoming call": "Téléphone : décrocher l'appel entrant",
    "Phone: hold or resume the call": "Téléphone : mettre en attente ou reprendre l'appel",
    "Phone: mute or unmute the microphone": "Téléphone : couper ou rétablir le micro",
    "Phone: hang up": "Téléphone : raccrocher",
    "Phone, listen-in: switch between listening and talking": (
        "Téléphone, écoute : passer de l'écoute à l'interpellation et inversement"
    ),
    # --- faults and the site window's panels (lead) ---
    "Internal fault: %1. The console goes on; the fault is logged (click ⚠ for details).": (
        "Défaut interne : %1. La console continue ; le défaut est journalisé (cliquer sur ⚠ pour le détail)."
    ),
    "⚠ Faults: %1": "⚠ Défauts : %1",
    "Full details in the log: %1": "Détail complet dans le journal technique : %1",
    "Internal faults": "Défauts internes",
    "The alarm became %2 (it was %1) while you were closing it: follow its procedure first.": (
        "L'alarme est devenue %2 (elle était %1) pendant la clôture : suivez d'abord sa procédure."
    ),
    "site details": "fiche du site",
    "floor plan": "plan",
    "contacts": "contacts",
    "procedure": "procédure",
    "signals": "signaux",
    "journal": "main courante",
    "dispatch": "interventions",
    "phone": "téléphone",
    "This panel could not be shown (%1). The other panels show %2; the fault is logged.": (
        "Ce panneau n'a pas pu être affiché (%1). Les autres panneaux montrent %2 ; le défaut est journalisé."
    ),
    "The alarm became %2 (it was %1): follow the procedure below.": (
        "L'alarme est devenue %2 (elle était %1) : suivez la procédure ci-dessous."
    ),
    # --- queue: priority never undercut ---
    "Life-safety alarm waiting": "Alarme sécurité des personnes en attente",
    "%1 — %2 (%3) has waited %4, longer than its %5 s target.": "%1 — %2 (%3) attend depuis %4, au-delà de son objectif de %5 s.",
    "Take it instead of %1 — %2?": "La prendre à la place de %1 — %2 ?",
    "&Take %1": "&Prendre %1",
    "Take %1 &anyway": "Prendre %1 &quand même",
    "Nothing taken.": "Aucune alarme prise.",
    # --- forms and texts (issue 10, item 8) ---
    "This is a life-safety alarm: close it as a test only if it really was one. Close again to confirm.": (
        "Alarme de sécurité des personnes : ne la clôturez comme essai que si c'en était vraiment un. "
        "Clôturez à nouveau pour confirmer."
    ),
    "Write at least %1 words: what was done, who was reached, the outcome.": (
        "Écrivez au moins %1 mots : ce qui a été fait, qui a été joint, le résultat."
    ),
    "No tripped zone to acknowledge": "Aucune zone déclenchée à acquitter",
    "The tripped zones are already acknowledged": "Les zones déclenchées sont déjà acquittées",
    "Tripped zones acknowledged: %1": "Zones déclenchées acquittées : %1",
    "Say in at least %1 words why the steps were not done.": (
        "Dites en au moins %1 mots pourquoi les étapes n'ont pas été faites."
    ),
    "Why do you take %1's alarm at %2 back to the queue? (a few words, journaled)": (
        "Pourquoi remettre en file l'alarme de %1 sur %2 ? (quelques mots, consignés au journal)"
    ),
    "&Console": "&Console",
    "A reason of at least two words is needed.": "Il faut un motif d'au moins deux mots.",
    "Back to the queue": "Retour à la file",
    "Close dialog, dispatch report: record it": "Clôture, compte rendu d'intervention : enregistrer",
    "Close the alarm — %1": "Clôturer l'alarme — %1",
    "Dispatch request form: send it; Escape goes back": "Demande d'intervention : l'envoyer ; Échap pour revenir",
    "Dispatch: cancel the selected dispatch": "Intervention : annuler l'intervention sélectionnée",
    "Dispatch: report of the selected responder": "Intervention : compte rendu de l'intervenant sélectionné",
    "Dispatch: request a guard or a public service": "Intervention : demander un agent ou un service public",
    "Dispatch: the selected responder is on site": "Intervention : l'intervenant sélectionné est sur place",
    "Floor plan: zoom in, zoom out, fit the plan": "Plan : zoomer, dézoomer, plan entier",
    "Go to the site window": "Aller à la fenêtre du site",
    "Go to the site window, and back to the queue": "Aller à la fenêtre du site, et revenir à la file",
    "In the search box: back to the alarm list": "Dans la recherche : revenir à la liste des alarmes",
    "Phone, number field: type a number, Return calls it; during a call the keys send DTMF": (
        "Téléphone, champ numéro : taper un numéro, Entrée l'appelle ; en communication les touches envoient du DTMF"
    ),
    "Quit the console": "Quitter la console",
    "Quit": "Quitter",
    "Release an alarm held by %1": "Remettre en file une alarme tenue par %1",
    "Release or close the alarms you hold before signing out: %1": (
        "Remettez en file ou clôturez vos alarmes avant de vous déconnecter : %1"
    ),
    "Sign out (the next operator signs in)": "Se déconnecter (l'opérateur suivant se connecte)",
    "Sign out": "Se déconnecter",
    "Sign-out not recorded (database unreachable): try again.": (
        "Déconnexion non enregistrée (base de données injoignable) : réessayez."
    ),
    "Site window, contacts: call the selected contact": "Fenêtre du site, contacts : appeler le contact sélectionné",
    "Site window: edit the floor plans (supervisors)": "Fenêtre du site : modifier les plans (superviseurs)",
    "You still hold %1 alarm(s). They stay yours until you or a supervisor release them. Quit anyway?": (
        "Vous tenez encore %1 alarme(s). Elles restent à vous jusqu'à ce que vous ou un superviseur "
        "les remettiez en file. Quitter quand même ?"
    ),
    "new": "nouvelle",
    "taken": "prise en compte",
    "being verified": "en levée de doute",
    "dispatched": "en intervention",
    "closed": "clôturée",
    "This alarm no longer exists.": "Cette alarme n'existe plus.",
    "%site is already handled by %holder.": "%site est déjà traité par %holder.",
    "%holder took this alarm just before you.": "%holder a pris cette alarme juste avant vous.",
    "This alarm was just changed at another workstation; the queue shows its current state.": (
        "Cette alarme vient d'être modifiée sur un autre poste ; la file montre son état actuel."
    ),
    "This alarm is closed: nothing more is recorded on it.": (
        "Cette alarme est clôturée : plus rien n'y est consigné."
    ),
    "Not possible on an alarm that is %state.": "Impossible sur une alarme %state.",
    "%site is handled by %holder: only they or a supervisor may act on it.": (
        "%site est traité par %holder : seul cet opérateur ou un superviseur peut agir dessus."
    ),
    "Mandatory procedure steps not done: %steps. Give a reason to close anyway.": (
        "Étapes obligatoires de la procédure non faites : %steps. Donnez un motif pour clôturer quand même."
    ),
    "Give a reason to release an alarm that %holder holds.": (
        "Donnez un motif pour remettre en file une alarme que %holder tient."
    ),
    "The telephone is not started (see %1).": "Le téléphone n'est pas démarré (voir %1).",
    "%1 calls are already in progress: hang up or transfer one before placing another.": (
        "%1 appels sont déjà en cours : raccrochez ou transférez-en un avant d'en passer un autre."
    ),
    "Cannot call %1 (%2).": "Impossible d'appeler %1 (%2).",
    "This call is already over.": "Cet appel est déjà terminé.",
    "The call refused the request (%1: %2).": "L'appel a refusé la demande (%1 : %2).",
    "The digits could not be sent (%1).": "Les chiffres n'ont pas pu être envoyés (%1).",
    "Only 0-9, *, # and A-D can be sent during a call.": (
        "Seuls 0-9, *, # et A-D peuvent être envoyés pendant un appel."
    ),
    "The call has no sound yet: wait for the answer.": "L'appel n'a pas encore de son : attendez la réponse.",
    "Transfer to %1 refused (%2).": "Transfert vers %1 refusé (%2).",
    "The recordings disk is almost full (%1 MB left): tell the supervisor.": (
        "Le disque des enregistrements est presque plein (%1 Mo restants) : prévenez le superviseur."
    ),
    "This call is not recorded: the recordings folder cannot be written.": (
        "Cet appel n'est pas enregistré : impossible d'écrire dans le dossier des enregistrements."
    ),
    "Type a number or a SIP address to call.": "Tapez un numéro ou une adresse SIP à appeler.",
    "%1 is neither a phone number nor a SIP address.": "%1 n'est ni un numéro de téléphone ni une adresse SIP.",
    "Cannot dial %1: no PBX and no gateway are configured (%2); or type a SIP address such as sip:user@host.": (
        "Impossible d'appeler le %1 : aucun PBX ni passerelle n'est configuré (%2) ; "
        "ou tapez une adresse SIP comme sip:utilisateur@hôte."
    ),
    "Telephone not configured (see %1).": "Téléphone non configuré (voir %1).",
    "No audio module on file for this site: listening in is not possible.": (
        "Aucun module audio enregistré pour ce site : l'écoute est impossible."
    ),
}


def all_french() -> dict[str, str]:
    """This file's pairs and every feature file's; a source given twice is an error."""
    pairs = dict(FRENCH)
    for feature in sorted(FEATURES.glob("*.toml")):
        for source, french in tomllib.loads(feature.read_text(encoding="utf-8")).items():
            if source in pairs and pairs[source] != french:
                raise ValueError(f"{feature.name}: {source!r} is already translated as {pairs[source]!r}")
            pairs[source] = french
    return pairs


def fill(path: Path = TS) -> list[str]:
    """Write the translations into the .ts file; returns the sources still untranslated."""
    french = all_french()
    tree = ET.parse(path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in french:
            translation.text = french[source]
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
