<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="en">
  <context>
    <name>AlarmQueueModel</name>
    <message>
      <source>Priority</source>
      <translation>Priorité</translation>
    </message>
    <message>
      <source>Waiting</source>
      <translation>Attente</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>Site</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Alarm</source>
      <translation>Alarme</translation>
    </message>
    <message>
      <source>State</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>Opérateur</translation>
    </message>
    <message>
      <source>Signals</source>
      <translation>Signaux</translation>
    </message>
    <message>
      <source>confirmed by alarm path</source>
      <translation>confirmée par cheminement</translation>
    </message>
    <message>
      <source>New</source>
      <translation>Nouvelle</translation>
    </message>
    <message>
      <source>Taken</source>
      <translation>Prise en compte</translation>
    </message>
    <message>
      <source>Verifying</source>
      <translation>Levée de doute</translation>
    </message>
    <message>
      <source>Dispatched</source>
      <translation>Intervention</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>Clôturée</translation>
    </message>
  </context>
  <context>
    <name>CloseAlarmDialog</name>
    <message>
      <source>Close alarm %1</source>
      <translation>Clôturer l'alarme %1</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— choisir —</translation>
    </message>
    <message>
      <source>What was done, who was reached, the outcome (Ctrl+Return to close the alarm)</source>
      <translation>Ce qui a été fait, qui a été joint, l'issue (Ctrl+Entrée pour clôturer)</translation>
    </message>
    <message>
      <source>Only if mandatory procedure steps were not done</source>
      <translation>Seulement si des consignes obligatoires n'ont pas été faites</translation>
    </message>
    <message>
      <source>&amp;Disposition</source>
      <translation>&amp;Qualification</translation>
    </message>
    <message>
      <source>&amp;Comment</source>
      <translation>&amp;Commentaire</translation>
    </message>
    <message>
      <source>Steps &amp;skipped because</source>
      <translation>Consignes &amp;non faites car</translation>
    </message>
    <message>
      <source>Close alarm</source>
      <translation>Clôturer l'alarme</translation>
    </message>
    <message>
      <source>Choose how the alarm ended.</source>
      <translation>Choisissez la qualification de l'alarme.</translation>
    </message>
    <message>
      <source>A closing comment is required.</source>
      <translation>Un commentaire de clôture est obligatoire.</translation>
    </message>
  </context>
  <context>
    <name>FloorPlanWidget</name>
    <message>
      <source>No floor plan for this site.</source>
      <translation>Pas de plan pour ce site.</translation>
    </message>
    <message>
      <source>Level %1</source>
      <translation>Niveau %1</translation>
    </message>
    <message>
      <source>The plan image could not be read.</source>
      <translation>Le plan n'a pas pu être lu.</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <source>Vigie — Sign in</source>
      <translation>Vigie — Connexion</translation>
    </message>
    <message>
      <source>&amp;Login</source>
      <translation>&amp;Identifiant</translation>
    </message>
    <message>
      <source>&amp;Password</source>
      <translation>&amp;Mot de passe</translation>
    </message>
    <message>
      <source>Unknown login or wrong password.</source>
      <translation>Identifiant inconnu ou mot de passe erroné.</translation>
    </message>
  </context>
  <context>
    <name>ProcedureChecklistModel</name>
    <message>
      <source>(optional)</source>
      <translation>(facultatif)</translation>
    </message>
  </context>
  <context>
    <name>QueueWindow</name>
    <message>
      <source>Take the selected alarm, or the most urgent new one</source>
      <translation>Prendre l'alarme sélectionnée, ou la nouvelle la plus urgente</translation>
    </message>
    <message>
      <source>Open the selected alarm in the site window</source>
      <translation>Ouvrir l'alarme sélectionnée dans la fenêtre site</translation>
    </message>
    <message>
      <source>Start verification (doubt removal)</source>
      <translation>Commencer la levée de doute</translation>
    </message>
    <message>
      <source>Mark as dispatched</source>
      <translation>Marquer l'intervention déclenchée</translation>
    </message>
    <message>
      <source>Close with a disposition and a comment</source>
      <translation>Clôturer avec une qualification et un commentaire</translation>
    </message>
    <message>
      <source>Release the alarm back to the queue</source>
      <translation>Remettre l'alarme en file</translation>
    </message>
    <message>
      <source>Site window: acknowledge the flashing tripped zones</source>
      <translation>Fenêtre site : acquitter les zones qui clignotent</translation>
    </message>
    <message>
      <source>Site window: replay the alarm path on the plan</source>
      <translation>Fenêtre site : rejouer le cheminement sur le plan</translation>
    </message>
    <message>
      <source>Show the keyboard shortcuts</source>
      <translation>Afficher les raccourcis clavier</translation>
    </message>
    <message>
      <source>Vigie — Alarm queue — %1</source>
      <translation>Vigie — File d'alarmes — %1</translation>
    </message>
    <message>
      <source>Alarm</source>
      <translation>Alarme</translation>
    </message>
    <message>
      <source>&amp;Alarm</source>
      <translation>&amp;Alarme</translation>
    </message>
    <message>
      <source>Take</source>
      <translation>Prendre</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Ouvrir</translation>
    </message>
    <message>
      <source>Verify</source>
      <translation>Lever le doute</translation>
    </message>
    <message>
      <source>Dispatched</source>
      <translation>Intervention</translation>
    </message>
    <message>
      <source>Close…</source>
      <translation>Clôturer…</translation>
    </message>
    <message>
      <source>Release</source>
      <translation>Remettre en file</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Aide</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Raccourcis clavier</translation>
    </message>
    <message>
      <source>No new alarm to take.</source>
      <translation>Aucune nouvelle alarme à prendre.</translation>
    </message>
    <message>
      <source>Select an alarm to close.</source>
      <translation>Sélectionnez une alarme à clôturer.</translation>
    </message>
    <message>
      <source>Select an alarm first.</source>
      <translation>Sélectionnez d'abord une alarme.</translation>
    </message>
    <message>
      <source>Database: OK</source>
      <translation>Base : OK</translation>
    </message>
    <message>
      <source>Database unreachable — the queue may be out of date; retrying. (%1)</source>
      <translation>Base de données injoignable — la file peut ne pas être à jour ; nouvel essai en cours. (%1)</translation>
    </message>
    <message>
      <source>Database: DOWN</source>
      <translation>Base : HORS SERVICE</translation>
    </message>
    <message>
      <source>Receiver: none</source>
      <translation>Récepteur : aucun</translation>
    </message>
    <message>
      <source>No receiver has reported to this database.</source>
      <translation>Aucun récepteur ne s'est signalé sur cette base.</translation>
    </message>
    <message>
      <source>%1 stopped</source>
      <translation>%1 arrêté</translation>
    </message>
    <message>
      <source>%1 silent for %2 s</source>
      <translation>%1 muet depuis %2 s</translation>
    </message>
    <message>
      <source>Receiver: FAULT — %1</source>
      <translation>Récepteur : DÉFAUT — %1</translation>
    </message>
    <message>
      <source>Receiver: OK</source>
      <translation>Récepteur : OK</translation>
    </message>
    <message>
      <source>%1 open, %2 waiting</source>
      <translation>%1 ouvertes, %2 en attente</translation>
    </message>
  </context>
  <context>
    <name>SiteWindow</name>
    <message>
      <source>Vigie — Site</source>
      <translation>Vigie — Site</translation>
    </message>
    <message>
      <source>alarm</source>
      <translation>alarme</translation>
    </message>
    <message>
      <source>restore</source>
      <translation>retour</translation>
    </message>
    <message>
      <source>still present</source>
      <translation>persistant</translation>
    </message>
    <message>
      <source>#</source>
      <translation>N°</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Fonction</translation>
    </message>
    <message>
      <source>Phones</source>
      <translation>Téléphones</translation>
    </message>
    <message>
      <source>Availability</source>
      <translation>Disponibilité</translation>
    </message>
    <message>
      <source>Needs</source>
      <translation>Besoins</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Heure</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Événement</translation>
    </message>
    <message>
      <source>Zone</source>
      <translation>Zone</translation>
    </message>
    <message>
      <source>Q</source>
      <translation>Q</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>Opérateur</translation>
    </message>
    <message>
      <source>system</source>
      <translation>système</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Detail</source>
      <translation>Détail</translation>
    </message>
    <message>
      <source>Procedure</source>
      <translation>Consignes</translation>
    </message>
    <message>
      <source>Contacts (call in this order)</source>
      <translation>Contacts (appeler dans cet ordre)</translation>
    </message>
    <message>
      <source>Signals</source>
      <translation>Signaux</translation>
    </message>
    <message>
      <source>Journal</source>
      <translation>Main courante</translation>
    </message>
    <message>
      <source>Acknowledge the tripped zones</source>
      <translation>Acquitter les zones déclenchées</translation>
    </message>
    <message>
      <source>Replay the alarm path</source>
      <translation>Rejouer le cheminement</translation>
    </message>
    <message>
      <source>No alarm selected</source>
      <translation>Aucune alarme sélectionnée</translation>
    </message>
    <message>
      <source>No procedure for this kind of alarm.</source>
      <translation>Pas de consigne pour ce type d'alarme.</translation>
    </message>
    <message>
      <source>Vigie — %1</source>
      <translation>Vigie — %1</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>Compte</translation>
    </message>
    <message>
      <source>risk class %1</source>
      <translation>classe de risque %1</translation>
    </message>
    <message>
      <source>confirmed by alarm path</source>
      <translation>confirmée par cheminement</translation>
    </message>
    <message>
      <source>Accessibility needs</source>
      <translation>Besoins particuliers</translation>
    </message>
  </context>
</TS>