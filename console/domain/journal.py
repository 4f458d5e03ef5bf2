"""Names of the actions the journal (main courante) records, with their labels."""

from __future__ import annotations

from enum import StrEnum


class JournalAction(StrEnum):
    ALARM_RAISED = "alarm_raised"
    PRIORITY_RAISED = "priority_raised"
    TAKE = "take"
    RELEASE = "release"
    VERIFY = "verify"
    DISPATCH = "dispatch"
    CLOSE = "close"
    STEP_DONE = "step_done"
    NOTE = "note"
    LOGIN = "login"
    LOGOUT = "logout"
    LOGIN_FAILED = "login_failed"
    DEMO_LOADED = "demo_loaded"
    ACCOUNT_ADDED = "account_added"
    SITE_IMPORTED = "site_imported"
    SITES_EXPORTED = "sites_exported"
    MISSED_TEST = "missed_test"
    UNEXPECTED_OPENING = "unexpected_opening"
    LATE_TO_CLOSE = "late_to_close"
    HOURS_CHANGED = "hours_changed"
    OPERATOR_CHANGED = "operator_changed"
    CONSOLE_LOCKED = "console_locked"
    CONSOLE_UNLOCKED = "console_unlocked"
    HANDED_OVER = "handed_over"
    OPERATOR_UNLOCKED = "operator_unlocked"
    SETTING_CHANGED = "setting_changed"
    SUSPENSION_STARTED = "suspension_started"
    SUSPENSION_ENDED = "suspension_ended"
    INSTALLER_REPORT = "installer_report"
    LINK_RESTORED = "link_restored"
    PATH_CONFIRMED = "path_confirmed"
    PLAN_EDITED = "plan_edited"
    DISPATCH_REQUESTED = "dispatch_requested"
    DISPATCH_ON_SITE = "dispatch_on_site"
    DISPATCH_REPORT = "dispatch_report"
    DISPATCH_CANCELLED = "dispatch_cancelled"
    CALL_PLACED = "call_placed"
    CALL_RECEIVED = "call_received"
    CALL_RINGING = "call_ringing"
    CALL_ANSWERED = "call_answered"
    CALL_HELD = "call_held"
    CALL_RESUMED = "call_resumed"
    CALL_MUTED = "call_muted"
    CALL_UNMUTED = "call_unmuted"
    CALL_LISTEN = "call_listen"
    CALL_TALK = "call_talk"
    CALL_DTMF = "call_dtmf"
    CALL_TRANSFERRED = "call_transferred"
    CALL_RECORDING_FAULT = "call_recording_fault"
    CALL_ENDED = "call_ended"
    CALL_ATTEMPT = "call_attempt"
    CALL_REPAIRED = "call_repaired"
    RECORDING_FINGERPRINTED = "recording_fingerprinted"
    PASSWORD_CHECKED = "password_checked"
    DOUBT_VERDICT = "doubt_verdict"
    ZONES_ACKNOWLEDGED = "zones_acknowledged"
    # The supervisor's audit: every look into the records that can leave the station is journaled.
    AUDIT_REFUSED = "audit_refused"
    SEARCH_EXPORTED = "search_exported"
    RECORDING_PLAYED = "recording_played"
    RECORDING_EXPORTED = "recording_exported"
    REPORT_SAVED = "report_saved"
    REPORT_EXPORTED = "report_exported"
    REPORT_OPENED = "report_opened"
    FAULT_SUMMARY_EXPORTED = "fault_summary_exported"
    CHAIN_VERIFIED = "chain_verified"
    CHAIN_PUBLISHED = "chain_published"
    # The station's administration (sites, transmitters, contacts, procedures): before and after.
    ADMIN_REFUSED = "admin_refused"
    SITE_ADDED = "site_added"
    SITE_CHANGED = "site_changed"
    SITE_ARCHIVED = "site_archived"
    SITE_RESTORED = "site_restored"
    TRANSMITTER_CHANGED = "transmitter_changed"
    TRANSMITTER_REMOVED = "transmitter_removed"
    CONTACT_ADDED = "contact_added"
    CONTACT_CHANGED = "contact_changed"
    CONTACT_ARCHIVED = "contact_archived"
    CONTACT_REMOVED = "contact_removed"
    CALL_LIST_ORDERED = "call_list_ordered"
    PROCEDURE_CHANGED = "procedure_changed"
    PROCEDURE_REMOVED = "procedure_removed"

    def label(self, lang: str) -> str:
        fr, en = _LABELS[self]
        return fr if lang == "fr" else en


_LABELS: dict[JournalAction, tuple[str, str]] = {
    JournalAction.ALARM_RAISED: ("Alarme créée", "Alarm raised"),
    JournalAction.PRIORITY_RAISED: ("Priorité relevée", "Priority raised"),
    JournalAction.TAKE: ("Prise en compte", "Taken"),
    JournalAction.RELEASE: ("Remise en file", "Released to the queue"),
    JournalAction.VERIFY: ("Levée de doute en cours", "Verification started"),
    JournalAction.DISPATCH: ("Intervention déclenchée", "Dispatched"),
    JournalAction.CLOSE: ("Clôturée", "Closed"),
    JournalAction.STEP_DONE: ("Consigne effectuée", "Procedure step done"),
    JournalAction.ZONES_ACKNOWLEDGED: ("Zones déclenchées acquittées", "Tripped zones acknowledged"),
    JournalAction.NOTE: ("Note", "Note"),
    JournalAction.LOGIN: ("Connexion", "Logged in"),
    JournalAction.LOGOUT: ("Déconnexion", "Logged out"),
    JournalAction.LOGIN_FAILED: ("Échec de connexion", "Sign-in refused"),
    JournalAction.DEMO_LOADED: ("Station de démonstration chargée", "Demo station loaded"),
    JournalAction.ACCOUNT_ADDED: ("Transmetteur ajouté", "Transmitter account added"),
    JournalAction.SITE_IMPORTED: ("Site importé", "Site imported"),
    JournalAction.SITES_EXPORTED: ("Sites exportés", "Sites exported"),
    JournalAction.MISSED_TEST: ("Test cyclique manquant", "Missed periodic test"),
    JournalAction.UNEXPECTED_OPENING: ("Mise hors service hors horaires", "Opening outside the hours"),
    JournalAction.LATE_TO_CLOSE: ("Retard de mise en service", "Late to close"),
    JournalAction.HOURS_CHANGED: ("Horaires modifiés", "Opening hours changed"),
    JournalAction.OPERATOR_CHANGED: ("Compte opérateur modifié", "Operator account changed"),
    JournalAction.CONSOLE_LOCKED: ("Poste verrouillé", "Console locked"),
    JournalAction.CONSOLE_UNLOCKED: ("Poste déverrouillé", "Console unlocked"),
    JournalAction.HANDED_OVER: ("Alarme transmise à la relève", "Alarm handed over"),
    JournalAction.OPERATOR_UNLOCKED: ("Compte opérateur débloqué", "Operator account unlocked"),
    JournalAction.SETTING_CHANGED: ("Paramètre de la station modifié", "Station setting changed"),
    JournalAction.SUSPENSION_STARTED: ("Mise en test ou suspension", "Put on test or out of service"),
    JournalAction.SUSPENSION_ENDED: ("Fin de test ou de suspension", "Test or suspension ended"),
    JournalAction.INSTALLER_REPORT: ("Rapport de test de l'installateur", "Installer's test report"),
    JournalAction.LINK_RESTORED: ("Liaison rétablie", "Link restored"),
    JournalAction.PATH_CONFIRMED: ("Confirmée par cheminement", "Confirmed by alarm path"),
    JournalAction.PLAN_EDITED: ("Plan modifié", "Floor plan edited"),
    JournalAction.DISPATCH_REQUESTED: ("Intervention demandée", "Dispatch requested"),
    JournalAction.DISPATCH_ON_SITE: ("Intervenant sur place", "Responder on site"),
    JournalAction.DISPATCH_REPORT: ("Rapport d'intervention", "Dispatch report"),
    JournalAction.DISPATCH_CANCELLED: ("Intervention annulée", "Dispatch cancelled"),
    JournalAction.CALL_PLACED: ("Appel émis", "Call placed"),
    JournalAction.CALL_RECEIVED: ("Appel reçu", "Call received"),
    JournalAction.CALL_RINGING: ("Appel : sonnerie", "Call ringing"),
    JournalAction.CALL_ANSWERED: ("Appel décroché", "Call answered"),
    JournalAction.CALL_HELD: ("Appel mis en attente", "Call on hold"),
    JournalAction.CALL_RESUMED: ("Appel repris", "Call resumed"),
    JournalAction.CALL_MUTED: ("Micro coupé", "Microphone muted"),
    JournalAction.CALL_UNMUTED: ("Micro rétabli", "Microphone unmuted"),
    JournalAction.CALL_LISTEN: ("Écoute du site", "Listening to the site"),
    JournalAction.CALL_TALK: ("Interpellation", "Talk-down"),
    JournalAction.CALL_DTMF: ("Touches DTMF", "DTMF tones"),
    JournalAction.CALL_TRANSFERRED: ("Appel transféré", "Call transferred"),
    JournalAction.CALL_RECORDING_FAULT: ("Défaut d'enregistrement", "Recording fault"),
    JournalAction.CALL_ENDED: ("Appel terminé", "Call ended"),
    JournalAction.CALL_ATTEMPT: ("Tentative d'appel", "Call attempt"),
    JournalAction.CALL_REPAIRED: ("Appel interrompu réparé", "Interrupted call repaired"),
    JournalAction.RECORDING_FINGERPRINTED: ("Empreinte de l'enregistrement", "Recording fingerprinted"),
    JournalAction.PASSWORD_CHECKED: ("Mot de passe contrôlé", "Password checked"),
    JournalAction.DOUBT_VERDICT: ("Levée de doute audio", "Audio verification verdict"),
    JournalAction.AUDIT_REFUSED: ("Accès supervision refusé", "Supervision access refused"),
    JournalAction.SEARCH_EXPORTED: ("Recherche exportée", "Search exported"),
    JournalAction.RECORDING_PLAYED: ("Enregistrement écouté", "Recording played"),
    JournalAction.RECORDING_EXPORTED: ("Enregistrement exporté", "Recording exported"),
    JournalAction.REPORT_SAVED: ("Rapport enregistré", "Report saved"),
    JournalAction.REPORT_EXPORTED: ("Rapport exporté", "Report exported"),
    JournalAction.REPORT_OPENED: ("Rapport enregistré rouvert", "Saved report reopened"),
    JournalAction.FAULT_SUMMARY_EXPORTED: ("Bilan technique exporté", "Technical summary exported"),
    JournalAction.CHAIN_VERIFIED: ("Chaînage du journal vérifié", "Journal chain verified"),
    JournalAction.CHAIN_PUBLISHED: ("Tête du chaînage publiée", "Journal chain head published"),
    JournalAction.ADMIN_REFUSED: ("Accès administration refusé", "Administration access refused"),
    JournalAction.SITE_ADDED: ("Site créé", "Site added"),
    JournalAction.SITE_CHANGED: ("Site modifié", "Site changed"),
    JournalAction.SITE_ARCHIVED: ("Site archivé", "Site archived"),
    JournalAction.SITE_RESTORED: ("Site rétabli", "Site restored"),
    JournalAction.TRANSMITTER_CHANGED: ("Transmetteur modifié", "Transmitter changed"),
    JournalAction.TRANSMITTER_REMOVED: ("Transmetteur supprimé", "Transmitter removed"),
    JournalAction.CONTACT_ADDED: ("Contact ajouté", "Contact added"),
    JournalAction.CONTACT_CHANGED: ("Contact modifié", "Contact changed"),
    JournalAction.CONTACT_ARCHIVED: ("Contact archivé", "Contact archived"),
    JournalAction.CONTACT_REMOVED: ("Contact supprimé", "Contact removed"),
    JournalAction.CALL_LIST_ORDERED: ("Ordre d'appel modifié", "Call list reordered"),
    JournalAction.PROCEDURE_CHANGED: ("Consignes modifiées", "Procedure changed"),
    JournalAction.PROCEDURE_REMOVED: ("Consignes supprimées", "Procedure removed"),
}


def action_label(action: str, lang: str) -> str:
    """Label of a stored action name; unknown names (from a newer version) are shown as they are."""
    try:
        return JournalAction(action).label(lang)
    except ValueError:
        return action
