"""Event codes of the two alarm formats the station receives: Ademco Contact ID and SIA DCS.

A panel reports an incident as a code: three digits in Contact ID (``130`` burglary), two letters
in SIA DCS (``BA``). The console turns that code into what an operator needs: a label in French
and English, a category (which customer procedure applies) and a default priority (where the
alarm goes in the queue).

The catalogue lists the codes of the public references (Contact ID DC-05, SIA DC-03) that a
station meets in practice. A panel may still send a code missing from it; such a code must still
reach the operator, so lookups never fail on a well-formed code: an unlisted one gets a
synthesised entry (``known=False``) whose category comes from the code's range (Contact ID) or
letter group (SIA). Only malformed codes raise ``ValueError``: they mean the frame was misread.

Contact ID carries "restore" in the qualifier digit (3), not in the code; SIA DCS has dedicated
restore codes (``BR``, ``BH``, ``AR``, ...), flagged ``is_restore`` and mapped back to the code
they end by :meth:`EventCatalogue.sia_restore_of`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from console.domain.priority import EventCategory, Priority, default_priority

_C = EventCategory  # short alias: keeps the tables below readable


class CodeSystem(StrEnum):
    """Which code list an event code belongs to (stored with each signal)."""

    CONTACT_ID = "CID"
    SIA = "SIA"


@dataclass(frozen=True, slots=True)
class EventCode:
    """One event code with the operator-facing meaning the console gives it."""

    system: CodeSystem
    code: str  # "130" for Contact ID (always 3 digits), "BA" for SIA DCS (2 uppercase letters)
    label_fr: str
    label_en: str
    category: EventCategory
    priority: Priority  # default priority of that event; a site's procedure may override it
    is_restore: bool = False  # SIA restore codes (BR, FH, AR...); Contact ID restores use qualifier 3
    known: bool = True  # False when synthesised for a code the catalogue does not list

    def label(self, lang: str) -> str:
        """French label for "fr" (also "fr_FR", "fr-CA"), English for any other language."""
        return self.label_fr if _is_french(lang) else self.label_en


def _is_french(lang: str) -> bool:
    # Locale names come as "fr", "fr_FR" (Qt) or "fr-FR" (HTTP); only the language part counts.
    return lang[:2].lower() == "fr" and (len(lang) == 2 or lang[2] in "_-")


# --------------------------------------------------------------------------------------------
# Contact ID (Ademco DC-05). Categories follow the station's rules: life safety first, tampers
# with intrusion, transmission and radio supervision losses as SUPERVISION, bypasses and
# faults as TECHNICAL, tests and logs as information.
# --------------------------------------------------------------------------------------------

_CONTACT_ID_TABLE: tuple[tuple[int, str, str, EventCategory], ...] = (
    # 100-102 medical
    (100, "Appel médical", "Medical", _C.MEDICAL),
    (101, "Appel d'urgence personnel (médaillon)", "Personal emergency (pendant)", _C.MEDICAL),
    # The user failed to press the "I am fine" button: a check-in was missed, like a missed test.
    (102, "Absence de signal de présence", "Fail to report in", _C.SUPERVISION),
    # 110-118 fire
    (110, "Incendie", "Fire", _C.FIRE),
    (111, "Incendie – détecteur de fumée", "Fire – smoke", _C.FIRE),
    (112, "Incendie – détecteur de combustion", "Fire – combustion", _C.FIRE),
    (113, "Incendie – écoulement d'eau (sprinkler)", "Fire – water flow", _C.FIRE),
    (114, "Incendie – détecteur de chaleur", "Fire – heat", _C.FIRE),
    (115, "Incendie – déclencheur manuel", "Fire – pull station", _C.FIRE),
    (116, "Incendie – détecteur en gaine", "Fire – duct", _C.FIRE),
    (117, "Incendie – détecteur de flamme", "Fire – flame", _C.FIRE),
    (118, "Pré-alarme incendie", "Fire near alarm", _C.FIRE),
    # 120-125 panic and duress
    (120, "Panique (agression)", "Panic", _C.PANIC),
    (121, "Contrainte", "Duress", _C.DURESS),
    (122, "Agression silencieuse", "Silent panic", _C.PANIC),
    (123, "Agression sonore", "Audible panic", _C.PANIC),
    (124, "Contrainte – accès accordé", "Duress – access granted", _C.DURESS),
    (125, "Contrainte – sortie accordée", "Duress – egress granted", _C.DURESS),
    # 130-139 burglary
    (130, "Intrusion", "Burglary", _C.INTRUSION),
    (131, "Intrusion périmétrique", "Perimeter burglary", _C.INTRUSION),
    (132, "Intrusion volumétrique", "Interior burglary", _C.INTRUSION),
    (133, "Intrusion 24 h/24 (coffre)", "24-hour burglary (safe)", _C.INTRUSION),
    (134, "Intrusion entrée/sortie", "Entry/exit burglary", _C.INTRUSION),
    (135, "Intrusion jour/nuit", "Day/night burglary", _C.INTRUSION),
    (136, "Intrusion extérieure", "Outdoor burglary", _C.INTRUSION),
    (137, "Autoprotection", "Tamper", _C.TAMPER),
    (138, "Pré-alarme intrusion", "Burglary near alarm", _C.INTRUSION),
    (139, "Intrusion confirmée (vérificateur)", "Intrusion verifier", _C.INTRUSION),
    # 140-147 general alarms. DC-05 files 141-143 here because the system was armed: a bus cut
    # or a dead module while armed may hide an intrusion, so they rank as intrusion.
    (140, "Alarme générale", "General alarm", _C.INTRUSION),
    (141, "Bus de scrutation ouvert (en service)", "Polling loop open (armed)", _C.INTRUSION),
    (142, "Bus de scrutation en court-circuit (en service)", "Polling loop short (armed)", _C.INTRUSION),
    (143, "Défaillance module d'extension (en service)", "Expansion module failure (armed)", _C.INTRUSION),
    (144, "Autoprotection détecteur (alarme)", "Sensor tamper (alarm)", _C.TAMPER),
    (145, "Autoprotection module d'extension", "Expansion module tamper", _C.TAMPER),
    (146, "Intrusion silencieuse", "Silent burglary", _C.INTRUSION),
    (147, "Perte de supervision détecteur", "Sensor supervision failure", _C.SUPERVISION),
    # 150-163 24-hour non-burglary ("alarmes techniques")
    (150, "Alarme technique 24 h/24", "24-hour non-burglary", _C.TECHNICAL),
    (151, "Détection de gaz", "Gas detected", _C.TECHNICAL),
    (152, "Défaut froid (réfrigération)", "Refrigeration", _C.TECHNICAL),
    (153, "Perte de chauffage", "Loss of heat", _C.TECHNICAL),
    (154, "Fuite d'eau / inondation", "Water leakage", _C.TECHNICAL),
    (155, "Rupture ruban de vitrage", "Foil break", _C.TECHNICAL),
    (156, "Défaut zone jour", "Day trouble", _C.TECHNICAL),
    (157, "Niveau bas bouteille de gaz", "Low bottled gas level", _C.TECHNICAL),
    (158, "Température haute", "High temperature", _C.TECHNICAL),
    (159, "Température basse", "Low temperature", _C.TECHNICAL),
    (161, "Perte de débit d'air", "Loss of air flow", _C.TECHNICAL),
    # Carbon monoxide kills: a life-safety gas alarm, handled like fire (evacuate, call the
    # fire brigade), hence FIRE rather than TECHNICAL like the rest of this range.
    (162, "Détection de monoxyde de carbone (CO)", "Carbon monoxide detected", _C.FIRE),
    (163, "Alarme niveau de cuve", "Tank level", _C.TECHNICAL),
    # 200-206 fire supervisory: the sprinkler or extinguishing plant is unfit, not a fire.
    (200, "Supervision incendie", "Fire supervisory", _C.TECHNICAL),
    (201, "Pression d'eau basse", "Low water pressure", _C.TECHNICAL),
    (202, "Niveau de CO2 bas", "Low CO2", _C.TECHNICAL),
    (203, "Capteur de vanne sprinkler", "Gate valve sensor", _C.TECHNICAL),
    (204, "Niveau d'eau bas", "Low water level", _C.TECHNICAL),
    (205, "Pompe en marche", "Pump activated", _C.TECHNICAL),
    (206, "Défaut pompe", "Pump failure", _C.TECHNICAL),
    # 300-313 system troubles
    (300, "Défaut système", "System trouble", _C.TECHNICAL),
    (301, "Défaut secteur", "AC loss", _C.TECHNICAL),
    (302, "Batterie basse", "Low system battery", _C.TECHNICAL),
    (303, "Erreur mémoire RAM", "RAM checksum bad", _C.TECHNICAL),
    (304, "Erreur mémoire ROM", "ROM checksum bad", _C.TECHNICAL),
    (305, "Réinitialisation système", "System reset", _C.TECHNICAL),
    (306, "Programmation modifiée", "Panel programming changed", _C.TECHNICAL),
    (307, "Échec de l'autotest", "Self-test failure", _C.TECHNICAL),
    (308, "Arrêt du système", "System shutdown", _C.TECHNICAL),
    (309, "Échec du test batterie", "Battery test failure", _C.TECHNICAL),
    (310, "Défaut de terre", "Ground fault", _C.TECHNICAL),
    (311, "Batterie absente ou déchargée", "Battery missing/dead", _C.TECHNICAL),
    (312, "Surintensité alimentation", "Power supply overcurrent", _C.TECHNICAL),
    (313, "Réinitialisation technicien", "Engineer reset", _C.TECHNICAL),
    # 320-327 sounder and relay troubles
    (320, "Défaut sirène/relais", "Sounder/relay trouble", _C.TECHNICAL),
    (321, "Défaut sirène 1", "Bell 1 trouble", _C.TECHNICAL),
    (322, "Défaut sirène 2", "Bell 2 trouble", _C.TECHNICAL),
    (323, "Défaut relais d'alarme", "Alarm relay trouble", _C.TECHNICAL),
    (324, "Défaut relais de dérangement", "Trouble relay trouble", _C.TECHNICAL),
    (325, "Défaut relais d'inversion", "Reversing relay trouble", _C.TECHNICAL),
    (326, "Défaut sortie sirène 3", "Notification appliance circuit 3 trouble", _C.TECHNICAL),
    (327, "Défaut sortie sirène 4", "Notification appliance circuit 4 trouble", _C.TECHNICAL),
    # 330-344 system peripheral troubles
    (330, "Défaut périphérique", "System peripheral trouble", _C.TECHNICAL),
    (331, "Bus de scrutation ouvert (hors service)", "Polling loop open (disarmed)", _C.TECHNICAL),
    (332, "Bus de scrutation en court-circuit (hors service)", "Polling loop short (disarmed)", _C.TECHNICAL),
    (333, "Défaillance module d'extension", "Expansion module failure", _C.TECHNICAL),
    (334, "Défaillance répéteur", "Repeater failure", _C.TECHNICAL),
    (335, "Imprimante locale sans papier", "Local printer out of paper", _C.TECHNICAL),
    (336, "Défaut imprimante locale", "Local printer failure", _C.TECHNICAL),
    (337, "Perte alimentation module d'extension", "Expansion module DC loss", _C.TECHNICAL),
    (338, "Batterie basse module d'extension", "Expansion module low battery", _C.TECHNICAL),
    (339, "Réinitialisation module d'extension", "Expansion module reset", _C.TECHNICAL),
    # An opened enclosure is a tamper whatever the arming state, as 383 is.
    (341, "Autoprotection module d'extension (défaut)", "Expansion module tamper (trouble)", _C.TAMPER),
    (342, "Défaut secteur module d'extension", "Expansion module AC loss", _C.TECHNICAL),
    (343, "Échec autotest module d'extension", "Expansion module self-test failure", _C.TECHNICAL),
    # Jamming the radio is a known way of defeating wireless systems before a break-in.
    (344, "Brouillage radio détecté", "RF receiver jam detected", _C.TAMPER),
    # 350-357 communication troubles: the site may no longer be able to call the station
    (350, "Défaut de transmission", "Communication trouble", _C.SUPERVISION),
    (351, "Défaut ligne téléphonique 1", "Telco 1 fault", _C.SUPERVISION),
    (352, "Défaut ligne téléphonique 2", "Telco 2 fault", _C.SUPERVISION),
    (353, "Défaut émetteur radio longue portée", "Long-range radio transmitter fault", _C.SUPERVISION),
    (354, "Échec de transmission d'un événement", "Failure to communicate event", _C.SUPERVISION),
    (355, "Perte de supervision radio", "Loss of radio supervision", _C.SUPERVISION),
    (356, "Perte de la scrutation par le centre", "Loss of central polling", _C.SUPERVISION),
    (357, "Défaut antenne radio longue portée (ROS)", "Long-range radio VSWR problem", _C.SUPERVISION),
    # 370-378 protection loop troubles
    (370, "Défaut boucle de protection", "Protection loop trouble", _C.TECHNICAL),
    (371, "Boucle de protection ouverte", "Protection loop open", _C.TECHNICAL),
    (372, "Boucle de protection en court-circuit", "Protection loop short", _C.TECHNICAL),
    (373, "Dérangement incendie", "Fire trouble", _C.TECHNICAL),
    # An exit zone still open when the exit delay ends: the panel goes into alarm (CP-01), so
    # the station treats it as an intrusion until the keyholder explains it.
    (374, "Erreur de sortie (alarme zone)", "Exit error alarm (zone)", _C.INTRUSION),
    (375, "Défaut zone panique", "Panic zone trouble", _C.TECHNICAL),
    (376, "Défaut zone agression (hold-up)", "Hold-up zone trouble", _C.TECHNICAL),
    (377, "Défaut zone auto-exclue (swinger)", "Swinger trouble", _C.TECHNICAL),
    (378, "Défaut zones croisées", "Cross-zone trouble", _C.TECHNICAL),
    # 380-393 sensor troubles
    (380, "Défaut détecteur", "Sensor trouble", _C.TECHNICAL),
    (381, "Perte de supervision radio (détecteur)", "Loss of supervision – RF", _C.SUPERVISION),
    (382, "Perte de supervision module scruté", "Loss of supervision – RPM", _C.SUPERVISION),
    (383, "Autoprotection détecteur (défaut)", "Sensor tamper (trouble)", _C.TAMPER),
    (384, "Pile basse détecteur radio", "RF low battery", _C.TECHNICAL),
    (385, "Sensibilité haute détecteur de fumée", "Smoke detector high sensitivity", _C.TECHNICAL),
    (386, "Sensibilité basse détecteur de fumée", "Smoke detector low sensitivity", _C.TECHNICAL),
    (387, "Sensibilité haute détecteur d'intrusion", "Intrusion detector high sensitivity", _C.TECHNICAL),
    (388, "Sensibilité basse détecteur d'intrusion", "Intrusion detector low sensitivity", _C.TECHNICAL),
    (389, "Échec autotest détecteur", "Sensor self-test failure", _C.TECHNICAL),
    (391, "Détecteur sans activité", "Sensor watch trouble", _C.TECHNICAL),
    (392, "Erreur de compensation de dérive", "Drift compensation error", _C.TECHNICAL),
    (393, "Alerte maintenance détecteur", "Maintenance alert", _C.TECHNICAL),
    # 400-409 openings and closings (qualifier 1 = opening / disarm, 3 = closing / arm)
    (400, "Mise en/hors service", "Open/close", _C.OPEN_CLOSE),
    (401, "Mise en/hors service par utilisateur", "Open/close by user", _C.OPEN_CLOSE),
    (402, "Mise en/hors service de groupe", "Group open/close", _C.OPEN_CLOSE),
    (403, "Mise en/hors service automatique", "Automatic open/close", _C.OPEN_CLOSE),
    (404, "Retard de mise en/hors service", "Late to open/close", _C.OPEN_CLOSE),
    (405, "Mise en/hors service différée", "Deferred open/close", _C.OPEN_CLOSE),
    (406, "Annulation d'alarme", "Cancel", _C.OPEN_CLOSE),
    (407, "Mise en/hors service à distance", "Remote arm/disarm", _C.OPEN_CLOSE),
    (408, "Mise en service rapide", "Quick arm", _C.OPEN_CLOSE),
    (409, "Mise en/hors service par clé", "Keyswitch open/close", _C.OPEN_CLOSE),
    # 411-416 remote access (télémaintenance): recorded, nothing for the queue
    (411, "Demande de rappel", "Callback request made", _C.INFORMATION),
    (412, "Télémaintenance : accès réussi", "Successful download/access", _C.INFORMATION),
    (413, "Télémaintenance : accès refusé", "Unsuccessful access", _C.INFORMATION),
    (414, "Commande d'arrêt système reçue", "System shutdown command received", _C.INFORMATION),
    (415, "Commande d'arrêt transmetteur reçue", "Dialer shutdown command received", _C.INFORMATION),
    (416, "Télémaintenance : envoi réussi", "Successful upload", _C.INFORMATION),
    # 421-434 access control
    (421, "Accès refusé", "Access denied", _C.INFORMATION),
    (422, "Accès utilisateur", "Access report by user", _C.INFORMATION),
    (423, "Porte forcée", "Forced access", _C.INTRUSION),
    (424, "Sortie refusée", "Egress denied", _C.INFORMATION),
    (425, "Sortie accordée", "Egress granted", _C.INFORMATION),
    (426, "Porte maintenue ouverte", "Access door propped open", _C.TECHNICAL),
    (427, "Défaut contact de porte (contrôle d'accès)", "Access door status monitor trouble", _C.TECHNICAL),
    (428, "Défaut bouton de sortie (contrôle d'accès)", "Access request-to-exit trouble", _C.TECHNICAL),
    (429, "Contrôle d'accès : entrée en programmation", "Access program mode entry", _C.INFORMATION),
    (430, "Contrôle d'accès : sortie de programmation", "Access program mode exit", _C.INFORMATION),
    (431, "Contrôle d'accès : niveau de menace modifié", "Access threat level change", _C.INFORMATION),
    (432, "Défaut relais de gâche (contrôle d'accès)", "Access relay/trigger failure", _C.TECHNICAL),
    (433, "Inhibition bouton de sortie (contrôle d'accès)", "Access request-to-exit shunt", _C.TECHNICAL),
    (434, "Inhibition contact de porte (contrôle d'accès)", "Access door status monitor shunt", _C.TECHNICAL),
    # 441-466 more openings and closings
    (441, "Mise en service mode présence", "Armed stay", _C.OPEN_CLOSE),
    (442, "Mise en service mode présence par clé", "Keyswitch armed stay", _C.OPEN_CLOSE),
    (450, "Mise en/hors service hors horaires", "Exception open/close", _C.OPEN_CLOSE),
    (451, "Mise en/hors service anticipée", "Early open/close", _C.OPEN_CLOSE),
    (452, "Mise en/hors service tardive", "Late open/close", _C.OPEN_CLOSE),
    (453, "Absence de mise hors service", "Failed to open", _C.OPEN_CLOSE),
    (454, "Absence de mise en service", "Failed to close", _C.OPEN_CLOSE),
    (455, "Échec de mise en service automatique", "Auto-arm failed", _C.OPEN_CLOSE),
    (456, "Mise en service partielle", "Partial arm", _C.OPEN_CLOSE),
    (457, "Erreur de sortie (utilisateur)", "Exit error (user)", _C.OPEN_CLOSE),
    (458, "Utilisateur sur site", "User on premises", _C.OPEN_CLOSE),
    (459, "Mise en service récente", "Recent close", _C.OPEN_CLOSE),
    # Repeated wrong codes at the keypad: someone may be trying to disarm.
    (461, "Saisie de code erroné", "Wrong code entry", _C.TAMPER),
    (462, "Saisie de code valide", "Legal code entry", _C.OPEN_CLOSE),
    (463, "Remise en service après alarme", "Re-arm after alarm", _C.OPEN_CLOSE),
    (464, "Report de mise en service automatique", "Auto-arm time extended", _C.OPEN_CLOSE),
    (465, "Réinitialisation alarme panique", "Panic alarm reset", _C.INFORMATION),
    (466, "Technicien sur site (arrivée/départ)", "Service on/off premises", _C.OPEN_CLOSE),
    # 501-577 disables and bypasses: part of the protection is switched off
    (501, "Lecteur de badge désactivé", "Access reader disable", _C.TECHNICAL),
    (520, "Sirène/relais désactivé", "Sounder/relay disable", _C.TECHNICAL),
    (521, "Sirène 1 désactivée", "Bell 1 disable", _C.TECHNICAL),
    (522, "Sirène 2 désactivée", "Bell 2 disable", _C.TECHNICAL),
    (523, "Relais d'alarme désactivé", "Alarm relay disable", _C.TECHNICAL),
    (524, "Relais de dérangement désactivé", "Trouble relay disable", _C.TECHNICAL),
    (525, "Relais d'inversion désactivé", "Reversing relay disable", _C.TECHNICAL),
    (526, "Sortie sirène 3 désactivée", "Notification appliance circuit 3 disable", _C.TECHNICAL),
    (527, "Sortie sirène 4 désactivée", "Notification appliance circuit 4 disable", _C.TECHNICAL),
    (531, "Module ajouté", "Module added", _C.TECHNICAL),
    (532, "Module retiré", "Module removed", _C.TECHNICAL),
    (551, "Transmetteur téléphonique désactivé", "Dialer disabled", _C.TECHNICAL),
    (552, "Émetteur radio désactivé", "Radio transmitter disabled", _C.TECHNICAL),
    (553, "Télémaintenance désactivée", "Remote upload/download disabled", _C.TECHNICAL),
    (570, "Inhibition de zone", "Zone/sensor bypass", _C.TECHNICAL),
    (571, "Inhibition zone incendie", "Fire bypass", _C.TECHNICAL),
    (572, "Inhibition zone 24 h/24", "24-hour zone bypass", _C.TECHNICAL),
    (573, "Inhibition zone intrusion", "Burglary bypass", _C.TECHNICAL),
    (574, "Inhibition de groupe", "Group bypass", _C.TECHNICAL),
    (575, "Auto-exclusion de zone (swinger)", "Swinger bypass", _C.TECHNICAL),
    (576, "Inhibition zone contrôle d'accès", "Access zone shunt", _C.TECHNICAL),
    (577, "Inhibition point d'accès", "Access point bypass", _C.TECHNICAL),
    # 601-654 tests and miscellaneous
    (601, "Test manuel", "Manual trigger test report", _C.TEST),
    (602, "Test cyclique", "Periodic test report", _C.TEST),
    (603, "Test cyclique radio", "Periodic RF transmission", _C.TEST),
    (604, "Test incendie", "Fire test", _C.TEST),
    (605, "Rapport d'état à suivre", "Status report to follow", _C.INFORMATION),
    (606, "Demande d'écoute", "Listen-in to follow", _C.INFORMATION),
    (607, "Mode test de passage", "Walk test mode", _C.TEST),
    (608, "Test cyclique – défaut présent", "Periodic test – system trouble present", _C.TEST),
    (609, "Émetteur vidéo actif", "Video transmitter active", _C.INFORMATION),
    (611, "Point testé (bon fonctionnement)", "Point tested OK", _C.TEST),
    (612, "Point non testé", "Point not tested", _C.TEST),
    (613, "Test de passage zone intrusion", "Intrusion zone walk tested", _C.TEST),
    (614, "Test de passage zone incendie", "Fire zone walk tested", _C.TEST),
    (615, "Test de passage zone panique", "Panic zone walk tested", _C.TEST),
    (616, "Demande d'intervention technique", "Service request", _C.INFORMATION),
    (621, "Journal d'événements effacé", "Event log reset", _C.INFORMATION),
    (622, "Journal d'événements plein à 50 %", "Event log 50% full", _C.INFORMATION),
    (623, "Journal d'événements plein à 90 %", "Event log 90% full", _C.INFORMATION),
    (624, "Journal d'événements saturé", "Event log overflow", _C.INFORMATION),
    (625, "Date et heure réinitialisées", "Time/date reset", _C.INFORMATION),
    (626, "Date et heure inexactes", "Time/date inaccurate", _C.INFORMATION),
    (627, "Entrée en programmation", "Program mode entry", _C.INFORMATION),
    (628, "Sortie de programmation", "Program mode exit", _C.INFORMATION),
    (630, "Programme horaire modifié", "Schedule change", _C.INFORMATION),
    (631, "Horaires d'exception modifiés", "Exception schedule change", _C.INFORMATION),
    (632, "Horaires d'accès modifiés", "Access schedule change", _C.INFORMATION),
    (654, "Inactivité du système", "System inactivity", _C.INFORMATION),
)

# Category of an unlisted Contact ID code, by the DC-05 range it falls in: (first, last, category).
# Ranges are checked in order; codes outside all of them (000-099, 700-999) are information.
_CONTACT_ID_RANGES: tuple[tuple[int, int, EventCategory], ...] = (
    (100, 109, _C.MEDICAL),
    (110, 119, _C.FIRE),
    (120, 129, _C.PANIC),
    (130, 149, _C.INTRUSION),  # burglary and general alarms
    (150, 199, _C.TECHNICAL),  # 24-hour non-burglary
    (200, 299, _C.TECHNICAL),  # fire supervisory: the plant is unfit, there is no fire
    (350, 359, _C.SUPERVISION),  # communication troubles
    (300, 399, _C.TECHNICAL),
    (400, 499, _C.OPEN_CLOSE),
    (500, 599, _C.TECHNICAL),  # disables and bypasses
    (600, 699, _C.INFORMATION),
)


# --------------------------------------------------------------------------------------------
# SIA DCS (SIA DC-03). The second letter mostly tells the kind of event within a group:
# A alarm, B bypass, H alarm restore, J trouble restore, R restoral (alarm or trouble),
# S supervisory, T trouble, U unbypass, X test. A restore takes the category of the code it
# ends, so a fire restore is filed with the fire it closes.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Restores:
    """Table marker: this row is a restore of `code` (and takes that code's category)."""

    code: str


_SIA_TABLE: tuple[tuple[str, str, str, EventCategory | _Restores], ...] = (
    # A: AC power
    ("AR", "Retour secteur", "AC restoral", _Restores("AT")),
    ("AT", "Défaut secteur", "AC trouble", _C.TECHNICAL),
    # B: burglary
    ("BA", "Intrusion", "Burglary alarm", _C.INTRUSION),
    ("BB", "Inhibition zone intrusion", "Burglary bypass", _C.TECHNICAL),
    ("BC", "Annulation alarme intrusion", "Burglary cancel", _C.OPEN_CLOSE),  # as Contact ID 406
    ("BG", "Intrusion non confirmée", "Unverified event – burglary", _C.INTRUSION),
    ("BH", "Fin d'alarme intrusion", "Burglary alarm restore", _Restores("BA")),
    ("BJ", "Fin de défaut intrusion", "Burglary trouble restore", _Restores("BT")),
    ("BM", "Intrusion confirmée (zones croisées)", "Burglary alarm – cross point", _C.INTRUSION),
    ("BR", "Rétablissement intrusion", "Burglary restoral", _Restores("BA")),
    ("BS", "Anomalie de supervision intrusion", "Burglary supervisory", _C.TECHNICAL),
    ("BT", "Défaut intrusion", "Burglary trouble", _C.TECHNICAL),
    # Unbypass ends a bypass the way Contact ID 570 with qualifier 3 does, hence a restore.
    ("BU", "Fin d'inhibition zone intrusion", "Burglary unbypass", _Restores("BB")),
    ("BV", "Intrusion vérifiée", "Burglary verified", _C.INTRUSION),
    ("BX", "Test zone intrusion", "Burglary test", _C.TEST),
    # C: closing (arming)
    ("CA", "Mise en service automatique (partition)", "Automatic closing (area)", _C.OPEN_CLOSE),
    ("CE", "Report de mise en service", "Closing extend", _C.OPEN_CLOSE),
    ("CF", "Mise en service forcée", "Forced closing", _C.OPEN_CLOSE),
    ("CG", "Mise en service partielle", "Close area", _C.OPEN_CLOSE),
    ("CI", "Absence de mise en service", "Fail to close", _C.OPEN_CLOSE),
    ("CJ", "Mise en service tardive", "Late close", _C.OPEN_CLOSE),
    ("CK", "Mise en service anticipée", "Early close", _C.OPEN_CLOSE),
    ("CL", "Mise en service", "Closing report", _C.OPEN_CLOSE),
    ("CP", "Mise en service automatique", "Automatic closing", _C.OPEN_CLOSE),
    ("CQ", "Mise en service à distance", "Remote closing", _C.OPEN_CLOSE),
    ("CR", "Mise en service récente", "Recent closing", _C.OPEN_CLOSE),  # not a restore
    ("CS", "Mise en service par clé", "Closing keyswitch", _C.OPEN_CLOSE),
    ("CT", "Retard de mise hors service", "Late to open", _C.OPEN_CLOSE),
    ("CW", "Mise en service forcée (zones à suivre)", "Was force armed", _C.OPEN_CLOSE),
    # D: access control
    ("DC", "Accès fermé à tous", "Access closed", _C.INFORMATION),
    ("DD", "Accès refusé (code inconnu)", "Access denied", _C.INFORMATION),
    ("DF", "Porte forcée", "Door forced", _C.INTRUSION),
    ("DG", "Accès accordé", "Access granted", _C.INFORMATION),
    ("DK", "Accès verrouillé (code connu)", "Access lockout", _C.INFORMATION),
    ("DO", "Accès ouvert aux utilisateurs autorisés", "Access open", _C.INFORMATION),
    ("DR", "Fin d'alarme contrôle d'accès", "Door restoral", _Restores("DF")),
    ("DS", "Identification de porte", "Door station", _C.INFORMATION),
    # E: exit and expansion devices
    ("EA", "Alarme erreur de sortie", "Exit alarm", _C.INTRUSION),  # as Contact ID 374
    ("EE", "Erreur de sortie (utilisateur)", "Exit error", _C.OPEN_CLOSE),  # as Contact ID 457
    ("EJ", "Fin d'autoprotection module d'extension", "Expansion tamper restore", _Restores("ES")),
    ("EM", "Module d'extension manquant", "Expansion device missing", _C.SUPERVISION),
    ("EN", "Module d'extension retrouvé", "Expansion missing restore", _Restores("EM")),
    ("ER", "Fin de défaut module d'extension", "Expansion restoral", _Restores("ET")),
    ("ES", "Autoprotection module d'extension", "Expansion device tamper", _C.TAMPER),
    ("ET", "Défaut module d'extension", "Expansion trouble", _C.TECHNICAL),
    # F: fire
    ("FA", "Incendie", "Fire alarm", _C.FIRE),
    ("FB", "Inhibition zone incendie", "Fire bypass", _C.TECHNICAL),
    ("FC", "Annulation alarme incendie", "Fire cancel", _C.INFORMATION),
    ("FH", "Fin d'alarme incendie", "Fire alarm restore", _Restores("FA")),
    ("FI", "Début de test incendie", "Fire test begin", _C.TEST),
    ("FJ", "Fin de dérangement incendie", "Fire trouble restore", _Restores("FT")),
    ("FK", "Fin de test incendie", "Fire test end", _C.TEST),
    ("FR", "Rétablissement incendie", "Fire restoral", _Restores("FA")),
    ("FS", "Supervision incendie", "Fire supervisory", _C.TECHNICAL),
    ("FT", "Dérangement incendie", "Fire trouble", _C.TECHNICAL),
    ("FU", "Fin d'inhibition zone incendie", "Fire unbypass", _Restores("FB")),
    ("FX", "Test zone incendie", "Fire test", _C.TEST),
    # G: gas. SIA has no carbon monoxide group and panels send CO alarms as GA, so gas alarms
    # are handled like fire (life safety), as Contact ID 162 is.
    ("GA", "Alarme gaz", "Gas alarm", _C.FIRE),
    ("GB", "Inhibition zone gaz", "Gas bypass", _C.TECHNICAL),
    ("GH", "Fin d'alarme gaz", "Gas alarm restore", _Restores("GA")),
    ("GJ", "Fin de défaut zone gaz", "Gas trouble restore", _Restores("GT")),
    ("GR", "Rétablissement gaz", "Gas restoral", _Restores("GA")),
    ("GS", "Anomalie de supervision gaz", "Gas supervisory", _C.TECHNICAL),
    ("GT", "Défaut zone gaz", "Gas trouble", _C.TECHNICAL),
    ("GU", "Fin d'inhibition zone gaz", "Gas unbypass", _Restores("GB")),
    ("GX", "Test zone gaz", "Gas test", _C.TEST),
    # H: hold-up, a silent alarm from someone under threat: duress
    ("HA", "Agression (hold-up)", "Hold-up alarm", _C.DURESS),
    ("HB", "Inhibition zone agression", "Hold-up bypass", _C.TECHNICAL),
    ("HH", "Fin d'alarme agression", "Hold-up alarm restore", _Restores("HA")),
    ("HJ", "Fin de défaut zone agression", "Hold-up trouble restore", _Restores("HT")),
    ("HR", "Rétablissement agression", "Hold-up restoral", _Restores("HA")),
    ("HS", "Anomalie de supervision agression", "Hold-up supervisory", _C.TECHNICAL),
    ("HT", "Défaut zone agression", "Hold-up trouble", _C.TECHNICAL),
    ("HU", "Fin d'inhibition zone agression", "Hold-up unbypass", _Restores("HB")),
    # J: user codes, schedules, clock
    ("JA", "Autoprotection code (trop de codes erronés)", "User code tamper", _C.TAMPER),
    ("JD", "Date modifiée", "Date changed", _C.INFORMATION),
    ("JL", "Seuil du journal atteint", "Log threshold", _C.INFORMATION),
    ("JO", "Journal saturé", "Log overflow", _C.INFORMATION),
    ("JP", "Utilisateur sur site", "User on premises", _C.OPEN_CLOSE),
    ("JR", "Programme horaire exécuté", "Schedule executed", _C.INFORMATION),  # not a restore
    ("JS", "Programme horaire modifié", "Schedule changed", _C.INFORMATION),
    ("JT", "Heure modifiée", "Time changed", _C.INFORMATION),
    ("JV", "Code utilisateur modifié", "User code changed", _C.INFORMATION),
    ("JX", "Code utilisateur supprimé", "User code deleted", _C.INFORMATION),
    ("JY", "Code utilisateur ajouté", "User code added", _C.INFORMATION),
    # K: heat, "high temperature detected on premises" (the counterpart of Z, freeze): a
    # technical alarm like Contact ID 158; fire heat detectors report FA.
    ("KA", "Température haute", "Heat alarm", _C.TECHNICAL),
    ("KB", "Inhibition zone température haute", "Heat bypass", _C.TECHNICAL),
    ("KH", "Fin d'alarme température haute", "Heat alarm restore", _Restores("KA")),
    ("KJ", "Fin de défaut zone température haute", "Heat trouble restore", _Restores("KT")),
    ("KR", "Rétablissement température haute", "Heat restoral", _Restores("KA")),
    ("KS", "Anomalie de supervision température haute", "Heat supervisory", _C.TECHNICAL),
    ("KT", "Défaut zone température haute", "Heat trouble", _C.TECHNICAL),
    ("KU", "Fin d'inhibition zone température haute", "Heat unbypass", _Restores("KB")),
    # L: phone line, local programming, listen-in
    ("LB", "Début de programmation locale", "Local program begin", _C.INFORMATION),
    ("LE", "Fin d'écoute", "Listen-in ended", _C.INFORMATION),
    ("LF", "Début d'écoute", "Listen-in begin", _C.INFORMATION),
    ("LR", "Rétablissement ligne téléphonique", "Phone line restoral", _Restores("LT")),
    ("LT", "Défaut ligne téléphonique", "Phone line trouble", _C.SUPERVISION),
    ("LX", "Fin de programmation locale", "Local programming ended", _C.INFORMATION),
    # M: medical
    ("MA", "Appel médical", "Medical alarm", _C.MEDICAL),
    ("MB", "Inhibition zone médicale", "Medical bypass", _C.TECHNICAL),
    ("MH", "Fin d'appel médical", "Medical alarm restore", _Restores("MA")),
    ("MJ", "Fin de défaut zone médicale", "Medical trouble restore", _Restores("MT")),
    ("MR", "Rétablissement appel médical", "Medical restoral", _Restores("MA")),
    ("MS", "Anomalie de supervision zone médicale", "Medical supervisory", _C.TECHNICAL),
    ("MT", "Défaut zone médicale", "Medical trouble", _C.TECHNICAL),
    ("MU", "Fin d'inhibition zone médicale", "Medical unbypass", _Restores("MB")),
    # N: no activity, perimeter arming, network
    ("NA", "Absence d'activité", "No activity", _C.INFORMATION),  # as Contact ID 654
    ("NF", "Mise en service périmétrique forcée", "Forced perimeter arm", _C.OPEN_CLOSE),
    ("NL", "Mise en service périmétrique", "Perimeter armed", _C.OPEN_CLOSE),
    ("NR", "Rétablissement réseau de transmission", "Network restoral", _Restores("NT")),
    ("NT", "Défaut réseau de transmission", "Network failure", _C.SUPERVISION),
    # O: opening (disarming)
    ("OA", "Mise hors service automatique", "Automatic opening", _C.OPEN_CLOSE),
    ("OC", "Annulation", "Cancel report", _C.OPEN_CLOSE),
    ("OG", "Mise hors service partielle", "Open area", _C.OPEN_CLOSE),
    ("OI", "Absence de mise hors service", "Fail to open", _C.OPEN_CLOSE),
    ("OJ", "Mise hors service tardive", "Late open", _C.OPEN_CLOSE),
    ("OK", "Mise hors service anticipée", "Early open", _C.OPEN_CLOSE),
    ("OP", "Mise hors service", "Opening report", _C.OPEN_CLOSE),
    ("OQ", "Mise hors service à distance", "Remote opening", _C.OPEN_CLOSE),
    ("OR", "Mise hors service après alarme", "Disarm from alarm", _C.OPEN_CLOSE),  # not a restore
    ("OS", "Mise hors service par clé", "Opening keyswitch", _C.OPEN_CLOSE),
    ("OT", "Retard de mise en service", "Late to close", _C.OPEN_CLOSE),
    # P: panic
    ("PA", "Panique (agression)", "Panic alarm", _C.PANIC),
    ("PB", "Inhibition zone panique", "Panic bypass", _C.TECHNICAL),
    ("PH", "Fin d'alarme panique", "Panic alarm restore", _Restores("PA")),
    ("PJ", "Fin de défaut zone panique", "Panic trouble restore", _Restores("PT")),
    ("PR", "Rétablissement panique", "Panic restoral", _Restores("PA")),
    ("PS", "Anomalie de supervision zone panique", "Panic supervisory", _C.TECHNICAL),
    ("PT", "Défaut zone panique", "Panic trouble", _C.TECHNICAL),
    ("PU", "Fin d'inhibition zone panique", "Panic unbypass", _Restores("PB")),
    # Q: emergency, a personal request for help (the pendant of Contact ID 101): medical
    ("QA", "Appel d'urgence", "Emergency alarm", _C.MEDICAL),
    ("QB", "Inhibition zone urgence", "Emergency bypass", _C.TECHNICAL),
    ("QH", "Fin d'appel d'urgence", "Emergency alarm restore", _Restores("QA")),
    ("QJ", "Fin de défaut zone urgence", "Emergency trouble restore", _Restores("QT")),
    ("QR", "Rétablissement appel d'urgence", "Emergency restoral", _Restores("QA")),
    ("QS", "Anomalie de supervision zone urgence", "Emergency supervisory", _C.TECHNICAL),
    ("QT", "Défaut zone urgence", "Emergency trouble", _C.TECHNICAL),
    ("QU", "Fin d'inhibition zone urgence", "Emergency unbypass", _Restores("QB")),
    # R: remote programming, relays, tests
    ("RB", "Début de télémaintenance", "Remote program begin", _C.INFORMATION),
    ("RC", "Relais activé", "Relay close", _C.INFORMATION),
    ("RD", "Télémaintenance refusée", "Remote program denied", _C.INFORMATION),
    ("RN", "Réinitialisation à distance", "Remote reset", _C.INFORMATION),
    ("RO", "Relais désactivé", "Relay open", _C.INFORMATION),
    ("RP", "Test cyclique", "Automatic test", _C.TEST),
    # The panel had lost all power, battery included: as Contact ID 305, a fault to look at.
    ("RR", "Mise sous tension", "Power up", _C.TECHNICAL),  # not a restore of any code
    ("RS", "Télémaintenance réussie", "Remote program success", _C.INFORMATION),
    ("RT", "Perte de données transmises", "Data lost", _C.SUPERVISION),
    ("RU", "Échec de télémaintenance", "Remote program fail", _C.INFORMATION),
    ("RX", "Test manuel", "Manual test", _C.TEST),
    ("RY", "Test cyclique – anomalie présente", "Test off normal", _C.TEST),
    # S: sprinkler; water flowing in a sprinkler system means fire, as Contact ID 113
    ("SA", "Alarme sprinkler", "Sprinkler alarm", _C.FIRE),
    ("SB", "Inhibition zone sprinkler", "Sprinkler bypass", _C.TECHNICAL),
    ("SH", "Fin d'alarme sprinkler", "Sprinkler alarm restore", _Restores("SA")),
    ("SJ", "Fin de défaut sprinkler", "Sprinkler trouble restore", _Restores("ST")),
    ("SR", "Rétablissement sprinkler", "Sprinkler restoral", _Restores("SA")),
    ("SS", "Supervision sprinkler", "Sprinkler supervisory", _C.TECHNICAL),
    ("ST", "Défaut sprinkler", "Sprinkler trouble", _C.TECHNICAL),
    ("SU", "Fin d'inhibition zone sprinkler", "Sprinkler unbypass", _Restores("SB")),
    # T: tamper and communicator tests
    ("TA", "Autoprotection", "Tamper alarm", _C.TAMPER),
    ("TB", "Inhibition autoprotection", "Tamper bypass", _C.TECHNICAL),
    ("TE", "Fin de test transmetteur", "Test end", _C.TEST),
    ("TH", "Fin d'alarme autoprotection", "Tamper alarm restore", _Restores("TA")),
    ("TJ", "Fin de défaut autoprotection", "Tamper trouble restore", _Restores("TT")),
    ("TP", "Point testé (test de passage)", "Walk test point", _C.TEST),
    ("TR", "Fin d'autoprotection", "Tamper restoral", _Restores("TA")),
    ("TS", "Début de test transmetteur", "Test start", _C.TEST),
    ("TT", "Autoprotection (hors service)", "Tamper trouble", _C.TAMPER),
    ("TU", "Fin d'inhibition autoprotection", "Tamper unbypass", _Restores("TB")),
    ("TX", "Test transmetteur", "Test report", _C.TEST),
    # U: untyped zones. An alarm whose zone type is unknown is treated as an intrusion.
    ("UA", "Alarme zone non typée", "Untyped zone alarm", _C.INTRUSION),
    ("UB", "Inhibition zone non typée", "Untyped zone bypass", _C.TECHNICAL),
    ("UH", "Fin d'alarme zone non typée", "Untyped alarm restore", _Restores("UA")),
    ("UJ", "Fin de défaut zone non typée", "Untyped trouble restore", _Restores("UT")),
    ("UR", "Rétablissement zone non typée", "Untyped zone restoral", _Restores("UA")),
    ("US", "Anomalie de supervision zone non typée", "Untyped zone supervisory", _C.TECHNICAL),
    ("UT", "Défaut zone non typée", "Untyped zone trouble", _C.TECHNICAL),
    ("UU", "Fin d'inhibition zone non typée", "Untyped zone unbypass", _Restores("UB")),
    ("UX", "Alarme non définie", "Undefined alarm", _C.INTRUSION),
    # W: water
    ("WA", "Fuite d'eau / inondation", "Water alarm", _C.TECHNICAL),
    ("WB", "Inhibition zone inondation", "Water bypass", _C.TECHNICAL),
    ("WH", "Fin d'alarme inondation", "Water alarm restore", _Restores("WA")),
    ("WJ", "Fin de défaut zone inondation", "Water trouble restore", _Restores("WT")),
    ("WR", "Rétablissement inondation", "Water restoral", _Restores("WA")),
    ("WS", "Anomalie de supervision inondation", "Water supervisory", _C.TECHNICAL),
    ("WT", "Défaut zone inondation", "Water trouble", _C.TECHNICAL),
    ("WU", "Fin d'inhibition zone inondation", "Water unbypass", _Restores("WB")),
    # X: radio (wireless transmitters and the site's radio receiver)
    ("XH", "Fin de brouillage radio", "RF interference restoral", _Restores("XQ")),
    ("XJ", "Fin d'autoprotection récepteur radio", "RF receiver tamper restoral", _Restores("XS")),
    ("XQ", "Brouillage radio", "RF interference", _C.TAMPER),  # as Contact ID 344
    ("XR", "Fin de pile basse émetteur radio", "Transmitter battery restoral", _Restores("XT")),
    ("XS", "Autoprotection récepteur radio", "RF receiver tamper", _C.TAMPER),
    ("XT", "Pile basse émetteur radio", "Transmitter battery trouble", _C.TECHNICAL),
    # Y: system troubles (power, battery, communication, service)
    ("YA", "Défaut sirène", "Bell fault", _C.TECHNICAL),
    ("YB", "Taux d'occupation ligne (récepteur)", "Busy seconds", _C.INFORMATION),
    ("YC", "Échec de transmission", "Communications fail", _C.SUPERVISION),
    ("YF", "Erreur de paramètres (somme de contrôle)", "Parameter checksum fail", _C.TECHNICAL),
    ("YG", "Paramètres modifiés", "Parameter changed", _C.TECHNICAL),  # as Contact ID 306
    ("YH", "Fin de défaut sirène", "Bell restored", _Restores("YA")),
    ("YI", "Surintensité", "Overcurrent trouble", _C.TECHNICAL),
    ("YJ", "Fin de surintensité", "Overcurrent restore", _Restores("YI")),
    ("YK", "Rétablissement de la transmission", "Communications restoral", _Restores("YC")),
    ("YM", "Batterie absente", "System battery missing", _C.TECHNICAL),
    ("YP", "Défaut alimentation", "Power supply trouble", _C.TECHNICAL),
    ("YQ", "Fin de défaut alimentation", "Power supply restored", _Restores("YP")),
    ("YR", "Rétablissement batterie", "System battery restoral", _Restores("YT")),
    ("YS", "Défaut de transmission", "Communications trouble", _C.SUPERVISION),
    ("YT", "Batterie basse", "System battery trouble", _C.TECHNICAL),
    ("YW", "Réinitialisation par chien de garde", "Watchdog reset", _C.TECHNICAL),
    ("YX", "Maintenance requise", "Service required", _C.TECHNICAL),
    ("YY", "Rapport d'état", "Status report", _C.INFORMATION),
    ("YZ", "Maintenance effectuée", "Service completed", _Restores("YX")),
    # Z: freeze
    ("ZA", "Alarme gel (température basse)", "Freeze alarm", _C.TECHNICAL),
    ("ZB", "Inhibition zone gel", "Freeze bypass", _C.TECHNICAL),
    ("ZH", "Fin d'alarme gel", "Freeze alarm restore", _Restores("ZA")),
    ("ZJ", "Fin de défaut zone gel", "Freeze trouble restore", _Restores("ZT")),
    ("ZR", "Rétablissement gel", "Freeze restoral", _Restores("ZA")),
    ("ZS", "Anomalie de supervision gel", "Freeze supervisory", _C.TECHNICAL),
    ("ZT", "Défaut zone gel", "Freeze trouble", _C.TECHNICAL),
    ("ZU", "Fin d'inhibition zone gel", "Freeze unbypass", _Restores("ZB")),
)

# Category of an unlisted SIA code, by its group letter. In alarm groups this is the group's
# alarm category: an unknown fire-group code is better looked at once than missed.
_SIA_GROUPS: Mapping[str, EventCategory] = MappingProxyType(
    {
        "A": _C.TECHNICAL,  # AC power, analog sensors
        "B": _C.INTRUSION,
        "C": _C.OPEN_CLOSE,
        "D": _C.INFORMATION,  # access control
        "E": _C.TECHNICAL,  # expansion devices
        "F": _C.FIRE,
        "G": _C.FIRE,
        "H": _C.DURESS,
        "I": _C.TECHNICAL,  # equipment
        "J": _C.INFORMATION,  # user codes, schedules
        "K": _C.TECHNICAL,
        "L": _C.INFORMATION,  # local programming, listen-in
        "M": _C.MEDICAL,
        "N": _C.INFORMATION,
        "O": _C.OPEN_CLOSE,
        "P": _C.PANIC,
        "Q": _C.MEDICAL,
        "R": _C.INFORMATION,  # remote programming, relays
        "S": _C.FIRE,
        "T": _C.TAMPER,
        "U": _C.INTRUSION,
        "V": _C.INFORMATION,  # printers
        "W": _C.TECHNICAL,
        "X": _C.TECHNICAL,
        "Y": _C.TECHNICAL,
        "Z": _C.TECHNICAL,
    }
)

_CONTACT_ID_PATTERN = re.compile(r"[0-9]{3}")
# ASCII only: str.upper() would turn "ß" into "SS" and "ı" into "I", inventing a valid code.
_SIA_PATTERN = re.compile(r"[A-Za-z]{2}")


def _contact_id_key(code: str | int) -> str:
    """The 3-digit form of a Contact ID code, or ValueError."""
    if isinstance(code, bool):  # bool is an int subclass; True is not code 001
        raise ValueError(f"not a Contact ID event code: {code!r}")
    if isinstance(code, int):
        if not 0 <= code <= 999:
            raise ValueError(f"Contact ID event code must be within 0..999, not {code}")
        return f"{code:03d}"
    if isinstance(code, str) and _CONTACT_ID_PATTERN.fullmatch(code):
        return code
    raise ValueError(f"Contact ID event code must be 3 digits, not {code!r}")


def _sia_key(code: str) -> str:
    """The uppercase form of a SIA DCS code, or ValueError."""
    if isinstance(code, str) and _SIA_PATTERN.fullmatch(code):
        return code.upper()
    raise ValueError(f"SIA event code must be 2 letters, not {code!r}")


def _event(
    system: CodeSystem, code: str, fr: str, en: str, category: EventCategory, **flags: bool
) -> EventCode:
    return EventCode(system, code, fr, en, category, default_priority(category), **flags)


def _contact_id_range_category(number: int) -> EventCategory:
    for first, last, category in _CONTACT_ID_RANGES:
        if first <= number <= last:
            return category
    return _C.INFORMATION


def _unlisted_contact_id(key: str) -> EventCode:
    return _event(
        CodeSystem.CONTACT_ID,
        key,
        f"Code Contact ID {key} (non répertorié)",
        f"Contact ID code {key} (not listed)",
        _contact_id_range_category(int(key)),
        known=False,
    )


def _unlisted_sia(key: str) -> EventCode:
    return _event(
        CodeSystem.SIA,
        key,
        f"Code SIA {key} (non répertorié)",
        f"SIA code {key} (not listed)",
        _SIA_GROUPS[key[0]],
        known=False,
    )


class EventCatalogue:
    """Every event code the console knows, with a labelled fallback for the others.

    Read-only once built; lookups validate the code's form and never fail on a well-formed one.
    """

    __slots__ = ("_contact_id", "_sia", "_sia_restores")

    def __init__(
        self, contact_id: Iterable[EventCode], sia: Iterable[EventCode], sia_restores: Mapping[str, str]
    ) -> None:
        self._contact_id = _index(contact_id, CodeSystem.CONTACT_ID, _contact_id_key)
        self._sia = _index(sia, CodeSystem.SIA, _sia_key)
        if set(sia_restores) != {code for code, event in self._sia.items() if event.is_restore}:
            raise ValueError("SIA restore codes and the restore mapping disagree")
        for restore, target in sia_restores.items():
            restored = self._sia.get(target)
            if (
                restored is None
                or restored.is_restore
                or restored.category is not self._sia[restore].category
            ):
                raise ValueError(f"SIA {restore} cannot be the restore of {target}")
        self._sia_restores: Mapping[str, str] = MappingProxyType(dict(sia_restores))

    def contact_id(self, code: str | int) -> EventCode:
        """Contact ID code as 3 digits ("130", "001") or an int 0..999; ValueError otherwise."""
        key = _contact_id_key(code)
        return self._contact_id.get(key) or _unlisted_contact_id(key)

    def sia(self, code: str) -> EventCode:
        """SIA DCS code as 2 letters, either case ("BA", "ba"); ValueError otherwise."""
        key = _sia_key(code)
        return self._sia.get(key) or _unlisted_sia(key)

    def lookup(self, system: CodeSystem | str, code: str) -> EventCode:
        """Code of either system, the system given as stored ("CID" or "SIA", any case)."""
        try:
            which = CodeSystem(system.upper())
        except ValueError:
            raise ValueError(f"unknown event code system {system!r}") from None
        return self.contact_id(code) if which is CodeSystem.CONTACT_ID else self.sia(code)

    def all_codes(self) -> list[EventCode]:
        """Every listed code, Contact ID first then SIA, each sorted by code (for pickers, exports)."""
        return sorted(self._contact_id.values(), key=_code) + sorted(self._sia.values(), key=_code)

    def sia_restore_of(self, code: str) -> str | None:
        """The SIA code a restore code ends ("BR" -> "BA", "BJ" -> "BT"), None for other codes."""
        return self._sia_restores.get(_sia_key(code))


def _code(event: EventCode) -> str:
    return event.code


def _index(
    events: Iterable[EventCode], system: CodeSystem, canonical: Callable[[str], str]
) -> Mapping[str, EventCode]:
    """Codes by code, refusing the mistakes a hand-written table invites (duplicate, bad form)."""
    by_code: dict[str, EventCode] = {}
    for event in events:
        if event.system is not system or canonical(event.code) != event.code:
            raise ValueError(f"not a {system.value} code in canonical form: {event}")
        if event.code in by_code:
            raise ValueError(f"duplicate {system.value} code {event.code}")
        if event.priority is not default_priority(event.category):
            raise ValueError(f"{system.value} {event.code}: priority does not match its category")
        by_code[event.code] = event
    return MappingProxyType(by_code)


def _build() -> EventCatalogue:
    contact_id = [
        _event(CodeSystem.CONTACT_ID, f"{number:03d}", fr, en, category)
        for number, fr, en, category in _CONTACT_ID_TABLE
    ]
    categories = {code: what for code, _, _, what in _SIA_TABLE if isinstance(what, EventCategory)}
    sia: list[EventCode] = []
    restores: dict[str, str] = {}
    for code, fr, en, what in _SIA_TABLE:
        if isinstance(what, _Restores):
            restores[code] = what.code
            sia.append(_event(CodeSystem.SIA, code, fr, en, categories[what.code], is_restore=True))
        else:
            sia.append(_event(CodeSystem.SIA, code, fr, en, what))
    return EventCatalogue(contact_id, sia, restores)


CATALOGUE: EventCatalogue = _build()
