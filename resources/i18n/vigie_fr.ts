<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="en">
  <context>
    <name>ActiveCallsBox</name>
    <message>
      <source>Calls in progress</source>
      <translation>Appels en cours</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>Décrocher</translation>
    </message>
    <message>
      <source>Hold</source>
      <translation>Attente</translation>
    </message>
    <message>
      <source>Mute</source>
      <translation>Couper le micro</translation>
    </message>
    <message>
      <source>Hang up</source>
      <translation>Raccrocher</translation>
    </message>
    <message>
      <source>Talk</source>
      <translation>Parler</translation>
    </message>
    <message>
      <source>Transfer to (choose or type)</source>
      <translation>Transférer à (choisir ou saisir)</translation>
    </message>
    <message>
      <source>Transfer</source>
      <translation>Transférer</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>Reprendre</translation>
    </message>
    <message>
      <source>Unmute</source>
      <translation>Rétablir le micro</translation>
    </message>
    <message>
      <source>Listen</source>
      <translation>Écouter</translation>
    </message>
  </context>
  <context>
    <name>ActiveCallsModel</name>
    <message>
      <source>Call</source>
      <translation>Appel</translation>
    </message>
    <message>
      <source>State</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Incoming call</source>
      <translation>Appel entrant</translation>
    </message>
    <message>
      <source>Ringing…</source>
      <translation>Sonnerie…</translation>
    </message>
    <message>
      <source>Calling…</source>
      <translation>Appel…</translation>
    </message>
    <message>
      <source>On hold %1</source>
      <translation>En attente %1</translation>
    </message>
    <message>
      <source>Talking %1</source>
      <translation>Interpellation %1</translation>
    </message>
    <message>
      <source>Listening %1</source>
      <translation>Écoute %1</translation>
    </message>
    <message>
      <source>In call %1, muted</source>
      <translation>En ligne %1, micro coupé</translation>
    </message>
    <message>
      <source>In call %1</source>
      <translation>En ligne %1</translation>
    </message>
  </context>
  <context>
    <name>AdminMessages</name>
    <message>
      <source>Required.</source>
      <translation>Obligatoire.</translation>
    </message>
    <message>
      <source>At most %maximum characters.</source>
      <translation>%maximum caractères au plus.</translation>
    </message>
    <message>
      <source>Expected text.</source>
      <translation>Texte attendu.</translation>
    </message>
    <message>
      <source>A whole number, such as 12.</source>
      <translation>Un nombre entier, par exemple 12.</translation>
    </message>
    <message>
      <source>A number, such as 45.1885.</source>
      <translation>Un nombre, par exemple 45,1885.</translation>
    </message>
    <message>
      <source>From %low to %high.</source>
      <translation>De %low à %high.</translation>
    </message>
    <message>
      <source>A time zone name, such as Europe/Paris.</source>
      <translation>Un nom de fuseau horaire, par exemple Europe/Paris.</translation>
    </message>
    <message>
      <source>A sip: or sips: address, such as sip:audio-1234@192.0.2.10.</source>
      <translation>Une adresse sip: ou sips:, par exemple sip:audio-1234@192.0.2.10.</translation>
    </message>
    <message>
      <source>“%value” is not a phone number: digits, spaces and + . - ( ), 3 to 40 characters.</source>
      <translation>« %value » n'est pas un numéro de téléphone : chiffres, espaces et + . - ( ), de 3 à 40 caractères.</translation>
    </message>
    <message>
      <source>%low to %high hexadecimal digits (0–9, A–F).</source>
      <translation>%low à %high chiffres hexadécimaux (0–9, A–F).</translation>
    </message>
    <message>
      <source>32, 48 or 64 hexadecimal digits (AES-128, 192 or 256).</source>
      <translation>32, 48 ou 64 chiffres hexadécimaux (AES-128, 192 ou 256).</translation>
    </message>
    <message>
      <source>One of: %choices.</source>
      <translation>L'une des valeurs : %choices.</translation>
    </message>
    <message>
      <source>Not only blanks.</source>
      <translation>Pas seulement des espaces.</translation>
    </message>
    <message>
      <source>Step %rank has no text.</source>
      <translation>La consigne %rank n'a pas de texte.</translation>
    </message>
    <message>
      <source>Each step needs a text.</source>
      <translation>Chaque consigne doit avoir un texte.</translation>
    </message>
    <message>
      <source>%value is already used by another record.</source>
      <translation>%value est déjà utilisé par un autre enregistrement.</translation>
    </message>
    <message>
      <source>This site no longer exists.</source>
      <translation>Ce site n'existe plus.</translation>
    </message>
    <message>
      <source>This record no longer exists; the site is read again.</source>
      <translation>Cet enregistrement n'existe plus ; le site est relu.</translation>
    </message>
    <message>
      <source>%site is archived: restore it before changing it.</source>
      <translation>%site est archivé : rétablissez-le avant de le modifier.</translation>
    </message>
    <message>
      <source>%site has open alarms: close them before archiving the site.</source>
      <translation>%site a des alarmes en cours : clôturez-les avant d'archiver le site.</translation>
    </message>
    <message>
      <source>Transmitter %account has signals on file, so it stays: change its account, or archive the site.</source>
      <translation>Le transmetteur %account a des signaux enregistrés, il est donc conservé : changez son compte, ou archivez le site.</translation>
    </message>
    <message>
      <source>Your role does not allow this (%what). The attempt is journaled.</source>
      <translation>Votre rôle n'autorise pas cette action (%what). La tentative est journalisée.</translation>
    </message>
    <message>
      <source>The database cannot be reached; nothing was saved. (%1)</source>
      <translation>Base de données injoignable : rien n'a été enregistré. (%1)</translation>
    </message>
    <message>
      <source>Not saved: %1</source>
      <translation>Non enregistré : %1</translation>
    </message>
    <message>
      <source>Not saved (the fault is logged): try again.</source>
      <translation>Non enregistré (le défaut est journalisé) : réessayez.</translation>
    </message>
  </context>
  <context>
    <name>AdminWindow</name>
    <message>
      <source>Vigie — Administration (%1)</source>
      <translation>Vigie — Administration (%1)</translation>
    </message>
    <message>
      <source>&amp;Site</source>
      <translation>&amp;Site</translation>
    </message>
    <message>
      <source>&amp;Transmitters</source>
      <translation>&amp;Transmetteurs</translation>
    </message>
    <message>
      <source>C&amp;all list</source>
      <translation>&amp;Liste d'appel</translation>
    </message>
    <message>
      <source>&amp;Procedures</source>
      <translation>C&amp;onsignes</translation>
    </message>
    <message>
      <source>Find a site</source>
      <translation>Rechercher un site</translation>
    </message>
    <message>
      <source>Not saved: correct the fields marked.</source>
      <translation>Non enregistré : corrigez les champs signalés.</translation>
    </message>
    <message>
      <source>New site</source>
      <translation>Nouveau site</translation>
    </message>
    <message>
      <source>archived</source>
      <translation>archivé</translation>
    </message>
  </context>
  <context>
    <name>AesKeyDialog</name>
    <message>
      <source>AES key of transmitter %1</source>
      <translation>Clé AES du transmetteur %1</translation>
    </message>
    <message>
      <source>New AES key</source>
      <translation>Nouvelle clé AES</translation>
    </message>
    <message>
      <source>32, 48 or 64 hex digits</source>
      <translation>32, 48 ou 64 chiffres hexadécimaux</translation>
    </message>
    <message>
      <source>The key is stored for the receiver and never shown again, here or anywhere.</source>
      <translation>La clé est conservée pour le récepteur et n'est plus jamais affichée, ici ni ailleurs.</translation>
    </message>
    <message>
      <source>AES key replaced.</source>
      <translation>Clé AES remplacée.</translation>
    </message>
  </context>
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
      <source>stalled</source>
      <translation>inactive</translation>
    </message>
    <message>
      <source>No activity for %1</source>
      <translation>Aucune action depuis %1</translation>
    </message>
    <message>
      <source>Handled by %1</source>
      <translation>Traitée par %1</translation>
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
    <name>AlarmRecordWindow</name>
    <message>
      <source>Alarm record (read-only)</source>
      <translation>Dossier d'alarme (lecture seule)</translation>
    </message>
    <message>
      <source>&amp;Replay the alarm path</source>
      <translation>&amp;Rejouer le cheminement</translation>
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
      <source>Direction</source>
      <translation>Sens</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>Motif</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Correspondant</translation>
    </message>
    <message>
      <source>End</source>
      <translation>Fin</translation>
    </message>
    <message>
      <source>Recording</source>
      <translation>Enregistrement</translation>
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
      <source>Calls</source>
      <translation>Appels</translation>
    </message>
    <message>
      <source>Dispatches</source>
      <translation>Interventions</translation>
    </message>
    <message>
      <source>&amp;Listen in the call audit</source>
      <translation>É&amp;couter dans l'audit des appels</translation>
    </message>
    <message>
      <source>Loading the record…</source>
      <translation>Chargement du dossier…</translation>
    </message>
    <message>
      <source>No alarm %1 in the records.</source>
      <translation>Aucune alarme %1 dans les archives.</translation>
    </message>
    <message>
      <source>Only supervisors and admins may open past alarms' records.</source>
      <translation>Seuls les superviseurs et les administrateurs peuvent ouvrir les dossiers d'alarmes passées.</translation>
    </message>
    <message>
      <source>Alarm record (read-only) — %1</source>
      <translation>Dossier d'alarme (lecture seule) — %1</translation>
    </message>
    <message>
      <source>raised %1</source>
      <translation>créée %1</translation>
    </message>
    <message>
      <source>taken %1</source>
      <translation>prise en compte %1</translation>
    </message>
    <message>
      <source>closed %1</source>
      <translation>clôturée %1</translation>
    </message>
    <message>
      <source>by %1</source>
      <translation>par %1</translation>
    </message>
    <message>
      <source>none</source>
      <translation>aucun</translation>
    </message>
    <message>
      <source>SHA-256 %1…</source>
      <translation>SHA-256 %1…</translation>
    </message>
    <message>
      <source>not final</source>
      <translation>non finalisé</translation>
    </message>
  </context>
  <context>
    <name>AnalysisPage</name>
    <message>
      <source>Subject</source>
      <translation>Objet</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>Site</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>Nombre</translation>
    </message>
    <message>
      <source>First</source>
      <translation>Premier</translation>
    </message>
    <message>
      <source>Last</source>
      <translation>Dernier</translation>
    </message>
    <message>
      <source>Evidence</source>
      <translation>Éléments</translation>
    </message>
    <message>
      <source>Technical analysis</source>
      <translation>Analyse technique</translation>
    </message>
    <message>
      <source>Last 7 days</source>
      <translation>7 derniers jours</translation>
    </message>
    <message>
      <source>Last 30 days</source>
      <translation>30 derniers jours</translation>
    </message>
    <message>
      <source>Last 90 days</source>
      <translation>90 derniers jours</translation>
    </message>
    <message>
      <source>Periodic tests late or missing</source>
      <translation>Tests cycliques en retard ou manquants</translation>
    </message>
    <message>
      <source>Transmission faults per account</source>
      <translation>Défauts de transmission par compte</translation>
    </message>
    <message>
      <source>Zones that flap</source>
      <translation>Zones instables</translation>
    </message>
    <message>
      <source>Sites with the most false alarms</source>
      <translation>Sites aux fausses alarmes les plus nombreuses</translation>
    </message>
    <message>
      <source>The station's own faults</source>
      <translation>Défauts de la station elle-même</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>Afficher</translation>
    </message>
    <message>
      <source>Site code</source>
      <translation>Code site</translation>
    </message>
    <message>
      <source>Build</source>
      <translation>Établir</translation>
    </message>
    <message>
      <source>Export text…</source>
      <translation>Exporter en texte…</translation>
    </message>
    <message>
      <source>Export PDF…</source>
      <translation>Exporter en PDF…</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Période</translation>
    </message>
    <message>
      <source>Site summary</source>
      <translation>Synthèse d'un site</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>Recherche…</translation>
    </message>
    <message>
      <source>%1 rows</source>
      <translation>%1 lignes</translation>
    </message>
    <message>
      <source>Type a site code.</source>
      <translation>Saisissez un code de site.</translation>
    </message>
    <message>
      <source>Unknown site: %1</source>
      <translation>Site inconnu : %1</translation>
    </message>
    <message>
      <source>Text files (*.txt)</source>
      <translation>Fichiers texte (*.txt)</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Exported to %1.</source>
      <translation>Exporté vers %1.</translation>
    </message>
    <message>
      <source>The technical analysis is for supervisors and admins.</source>
      <translation>L'analyse technique est réservée aux superviseurs et administrateurs.</translation>
    </message>
    <message>
      <source>The database cannot be reached: %1</source>
      <translation>La base de données est injoignable : %1</translation>
    </message>
    <message>
      <source>Cannot write the export: %1</source>
      <translation>Impossible d'écrire l'export : %1</translation>
    </message>
    <message>
      <source>The analysis failed: %1</source>
      <translation>L'analyse a échoué : %1</translation>
    </message>
  </context>
  <context>
    <name>AuditCallsModel</name>
    <message>
      <source>Time</source>
      <translation>Heure</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>Opérateur</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>Site</translation>
    </message>
    <message>
      <source>Alarm</source>
      <translation>Alarme</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>Sens</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>Motif</translation>
    </message>
    <message>
      <source>End</source>
      <translation>Fin</translation>
    </message>
    <message>
      <source>Talk time</source>
      <translation>Durée de conversation</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Numéro</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>en cours</translation>
    </message>
  </context>
  <context>
    <name>CallAuditPage</name>
    <message>
      <source>Choose a call to check and hear its recording</source>
      <translation>Choisissez un appel pour vérifier et écouter son enregistrement</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Exporter…</translation>
    </message>
    <message>
      <source>Correct the fields marked in red.</source>
      <translation>Corrigez les champs signalés en rouge.</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>Recherche…</translation>
    </message>
    <message>
      <source>Call audit</source>
      <translation>Écoute des appels</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Export en cours…</translation>
    </message>
    <message>
      <source>Export the call into</source>
      <translation>Exporter l'appel dans</translation>
    </message>
    <message>
      <source>Exported to %1</source>
      <translation>Exporté dans %1</translation>
    </message>
    <message>
      <source>Refused: the call audit is for supervisors and admins (the attempt is journaled).</source>
      <translation>Refusé : l'écoute des appels est réservée aux superviseurs et administrateurs (la tentative est inscrite à la main courante).</translation>
    </message>
    <message>
      <source>The database cannot be reached: try again in a moment.</source>
      <translation>La base de données est injoignable : réessayez dans un instant.</translation>
    </message>
    <message>
      <source>This call no longer exists.</source>
      <translation>Cet appel n'existe plus.</translation>
    </message>
    <message>
      <source>Cannot write the export: %1</source>
      <translation>Impossible d'écrire l'export : %1</translation>
    </message>
    <message>
      <source>%1 calls shown, more below</source>
      <translation>%1 appels affichés, d'autres plus bas</translation>
    </message>
    <message>
      <source>%1 calls found</source>
      <translation>%1 appels trouvés</translation>
    </message>
    <message>
      <source>Checking the recording against its fingerprint…</source>
      <translation>Vérification de l'enregistrement par rapport à son empreinte…</translation>
    </message>
  </context>
  <context>
    <name>CallFilterForm</name>
    <message>
      <source>YYYY-MM-DD HH:MM</source>
      <translation>AAAA-MM-JJ HH:MM</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Du</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Au</translation>
    </message>
    <message>
      <source>Operator login</source>
      <translation>Identifiant opérateur</translation>
    </message>
    <message>
      <source>Site code</source>
      <translation>Code site</translation>
    </message>
    <message>
      <source>Alarm no.</source>
      <translation>N° d'alarme</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>Sens</translation>
    </message>
    <message>
      <source>End</source>
      <translation>Fin</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>Motif</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Rechercher</translation>
    </message>
    <message>
      <source>any</source>
      <translation>tous</translation>
    </message>
    <message>
      <source>Not a date: write YYYY-MM-DD or YYYY-MM-DD HH:MM</source>
      <translation>Date illisible : écrivez AAAA-MM-JJ ou AAAA-MM-JJ HH:MM</translation>
    </message>
    <message>
      <source>An alarm number is a whole number above 0</source>
      <translation>Un numéro d'alarme est un nombre entier supérieur à 0</translation>
    </message>
    <message>
      <source>The end of the period must come after its start</source>
      <translation>La fin de la période doit suivre son début</translation>
    </message>
    <message>
      <source>At most one year at a time</source>
      <translation>Un an au plus à la fois</translation>
    </message>
  </context>
  <context>
    <name>CallPlayer</name>
    <message>
      <source>Play</source>
      <translation>Lecture</translation>
    </message>
    <message>
      <source>Position in the recording</source>
      <translation>Position dans l'enregistrement</translation>
    </message>
    <message>
      <source>Playback speed</source>
      <translation>Vitesse de lecture</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>Pause</translation>
    </message>
    <message>
      <source>Cannot play this recording: %1</source>
      <translation>Impossible de lire cet enregistrement : %1</translation>
    </message>
    <message>
      <source>No audio output on this workstation: the recording plays silently</source>
      <translation>Aucune sortie audio sur ce poste : l'enregistrement est lu sans son</translation>
    </message>
  </context>
  <context>
    <name>CallWords</name>
    <message>
      <source>outgoing</source>
      <translation>sortant</translation>
    </message>
    <message>
      <source>incoming</source>
      <translation>entrant</translation>
    </message>
    <message>
      <source>callback</source>
      <translation>contre-appel</translation>
    </message>
    <message>
      <source>listen-in</source>
      <translation>écoute</translation>
    </message>
    <message>
      <source>dialled</source>
      <translation>numéroté</translation>
    </message>
    <message>
      <source>incoming call</source>
      <translation>appel entrant</translation>
    </message>
    <message>
      <source>self-test</source>
      <translation>autotest</translation>
    </message>
    <message>
      <source>completed</source>
      <translation>abouti</translation>
    </message>
    <message>
      <source>no answer</source>
      <translation>pas de réponse</translation>
    </message>
    <message>
      <source>busy</source>
      <translation>occupé</translation>
    </message>
    <message>
      <source>declined</source>
      <translation>refusé</translation>
    </message>
    <message>
      <source>unreachable</source>
      <translation>injoignable</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>annulé</translation>
    </message>
    <message>
      <source>refused</source>
      <translation>refusé</translation>
    </message>
    <message>
      <source>transferred</source>
      <translation>transféré</translation>
    </message>
    <message>
      <source>interrupted</source>
      <translation>interrompu</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>échec</translation>
    </message>
    <message>
      <source>call started</source>
      <translation>appel lancé</translation>
    </message>
    <message>
      <source>ringing</source>
      <translation>sonnerie</translation>
    </message>
    <message>
      <source>answered</source>
      <translation>décroché</translation>
    </message>
    <message>
      <source>on hold</source>
      <translation>en attente</translation>
    </message>
    <message>
      <source>resumed</source>
      <translation>repris</translation>
    </message>
    <message>
      <source>microphone muted</source>
      <translation>micro coupé</translation>
    </message>
    <message>
      <source>microphone on</source>
      <translation>micro ouvert</translation>
    </message>
    <message>
      <source>listening</source>
      <translation>écoute</translation>
    </message>
    <message>
      <source>talking to the site</source>
      <translation>interpellation</translation>
    </message>
    <message>
      <source>keypad digits</source>
      <translation>touches du clavier</translation>
    </message>
    <message>
      <source>recording fault</source>
      <translation>défaut d'enregistrement</translation>
    </message>
    <message>
      <source>ended</source>
      <translation>terminé</translation>
    </message>
    <message>
      <source>Recording verified: identical to its fingerprint taken at the end of the call</source>
      <translation>Enregistrement vérifié : identique à son empreinte prise à la fin de l'appel</translation>
    </message>
    <message>
      <source>Recording ALTERED: the file no longer matches its fingerprint</source>
      <translation>Enregistrement ALTÉRÉ : le fichier ne correspond plus à son empreinte</translation>
    </message>
    <message>
      <source>Recording missing: the file is gone or unreadable</source>
      <translation>Enregistrement manquant : le fichier a disparu ou est illisible</translation>
    </message>
    <message>
      <source>Recording not fingerprinted (call open or ended abnormally): it cannot be verified</source>
      <translation>Enregistrement sans empreinte (appel en cours ou terminé anormalement) : impossible de le vérifier</translation>
    </message>
    <message>
      <source>This call has no recording</source>
      <translation>Cet appel n'a pas d'enregistrement</translation>
    </message>
    <message>
      <source>verified</source>
      <translation>vérifié</translation>
    </message>
    <message>
      <source>altered</source>
      <translation>altéré</translation>
    </message>
    <message>
      <source>missing</source>
      <translation>manquant</translation>
    </message>
    <message>
      <source>not final</source>
      <translation>non finalisé</translation>
    </message>
    <message>
      <source>no recording</source>
      <translation>sans enregistrement</translation>
    </message>
  </context>
  <context>
    <name>CloseAlarmDialog</name>
    <message>
      <source>Close the alarm — %1</source>
      <translation>Clôturer l'alarme — %1</translation>
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
      <source>This is a life-safety alarm: close it as a test only if it really was one. Close again to confirm.</source>
      <translation>Alarme de sécurité des personnes : ne la clôturez comme essai que si c'en était vraiment un. Clôturez à nouveau pour confirmer.</translation>
    </message>
    <message>
      <source>A closing comment is required.</source>
      <translation>Un commentaire de clôture est obligatoire.</translation>
    </message>
    <message>
      <source>Write at least %1 words: what was done, who was reached, the outcome.</source>
      <translation>Écrivez au moins %1 mots : ce qui a été fait, qui a été joint, le résultat.</translation>
    </message>
    <message>
      <source>Say in at least %1 words why the steps were not done.</source>
      <translation>Dites en au moins %1 mots pourquoi les étapes n'ont pas été faites.</translation>
    </message>
  </context>
  <context>
    <name>ContactCallList</name>
    <message>
      <source>reached</source>
      <translation>joint</translation>
    </message>
    <message>
      <source>no answer</source>
      <translation>pas de réponse</translation>
    </message>
    <message>
      <source>busy</source>
      <translation>occupé</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>échec</translation>
    </message>
    <message>
      <source>No contact on file for this site.</source>
      <translation>Aucun contact enregistré pour ce site.</translation>
    </message>
    <message>
      <source>in call</source>
      <translation>en ligne</translation>
    </message>
    <message>
      <source>calling…</source>
      <translation>appel en cours…</translation>
    </message>
    <message>
      <source>Call %1</source>
      <translation>Appeler %1</translation>
    </message>
    <message>
      <source>No number</source>
      <translation>Pas de numéro</translation>
    </message>
  </context>
  <context>
    <name>ContactPage</name>
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
      <source>Password</source>
      <translation>Mot de passe</translation>
    </message>
    <message>
      <source>Duress word</source>
      <translation>Mot de contrainte</translation>
    </message>
    <message>
      <source>keyholder, manager, caretaker…</source>
      <translation>détenteur des clés, gérant, gardien…</translation>
    </message>
    <message>
      <source>one number a line, in calling order</source>
      <translation>un numéro par ligne, dans l'ordre d'appel</translation>
    </message>
    <message>
      <source>SIP address</source>
      <translation>Adresse SIP</translation>
    </message>
    <message>
      <source>e.g. weekdays 8h-18h</source>
      <translation>par ex. semaine 8h-18h</translation>
    </message>
    <message>
      <source>Accessibility needs</source>
      <translation>Besoins particuliers</translation>
    </message>
    <message>
      <source>New contact</source>
      <translation>Nouveau contact</translation>
    </message>
    <message>
      <source>Save contact</source>
      <translation>Enregistrer le contact</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>Monter</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>Descendre</translation>
    </message>
    <message>
      <source>Remove from the call list</source>
      <translation>Retirer de la liste d'appel</translation>
    </message>
    <message>
      <source>on file</source>
      <translation>enregistré</translation>
    </message>
    <message>
      <source>none</source>
      <translation>aucun</translation>
    </message>
    <message>
      <source>Contact added at the end of the call list.</source>
      <translation>Contact ajouté en fin de liste d'appel.</translation>
    </message>
    <message>
      <source>Contact saved.</source>
      <translation>Contact enregistré.</translation>
    </message>
    <message>
      <source>Call list reordered.</source>
      <translation>Ordre d'appel modifié.</translation>
    </message>
    <message>
      <source>Contact removed from the call list.</source>
      <translation>Contact retiré de la liste d'appel.</translation>
    </message>
  </context>
  <context>
    <name>DialPad</name>
    <message>
      <source>Dial pad</source>
      <translation>Clavier</translation>
    </message>
    <message>
      <source>Number or SIP address</source>
      <translation>Numéro ou adresse SIP</translation>
    </message>
    <message>
      <source>Call</source>
      <translation>Appel</translation>
    </message>
    <message>
      <source>DTMF: RFC 2833</source>
      <translation>DTMF : RFC 2833</translation>
    </message>
    <message>
      <source>DTMF: SIP INFO</source>
      <translation>DTMF : SIP INFO</translation>
    </message>
    <message>
      <source>How digits are sent during a call (as the audio module expects)</source>
      <translation>Comment les chiffres sont envoyés pendant un appel (selon le module audio)</translation>
    </message>
  </context>
  <context>
    <name>DispatchPanel</name>
    <message>
      <source>Name who is sent (company or person).</source>
      <translation>Indiquez qui est envoyé (société ou personne).</translation>
    </message>
    <message>
      <source>Write what the responder reported.</source>
      <translation>Saisissez le compte rendu de l'intervenant.</translation>
    </message>
    <message>
      <source>Give the reason for cancelling.</source>
      <translation>Indiquez le motif de l'annulation.</translation>
    </message>
    <message>
      <source>Take the alarm before requesting a dispatch.</source>
      <translation>Prenez l'alarme avant de demander une intervention.</translation>
    </message>
    <message>
      <source>The alarm is closed.</source>
      <translation>L'alarme est clôturée.</translation>
    </message>
    <message>
      <source>Mark the responder on site before the report.</source>
      <translation>Indiquez l'arrivée sur place avant le rapport.</translation>
    </message>
    <message>
      <source>The responder is already on site.</source>
      <translation>L'intervenant est déjà sur place.</translation>
    </message>
    <message>
      <source>This dispatch is already reported.</source>
      <translation>Le rapport de cette intervention est déjà saisi.</translation>
    </message>
    <message>
      <source>This dispatch was cancelled.</source>
      <translation>Cette intervention a été annulée.</translation>
    </message>
    <message>
      <source>A time in the future cannot be recorded.</source>
      <translation>Une heure future ne peut pas être enregistrée.</translation>
    </message>
    <message>
      <source>Changed at another workstation meanwhile; try again.</source>
      <translation>Modifiée entre-temps depuis un autre poste ; réessayez.</translation>
    </message>
    <message>
      <source>Request…</source>
      <translation>Demander…</translation>
    </message>
    <message>
      <source>On site</source>
      <translation>Sur place</translation>
    </message>
    <message>
      <source>Report…</source>
      <translation>Rapport…</translation>
    </message>
    <message>
      <source>Cancel…</source>
      <translation>Annuler…</translation>
    </message>
    <message>
      <source>Company or person sent</source>
      <translation>Société ou personne envoyée</translation>
    </message>
    <message>
      <source>Their mission or incident number</source>
      <translation>Leur numéro de mission ou d'intervention</translation>
    </message>
    <message>
      <source>Send (Return)</source>
      <translation>Envoyer (Entrée)</translation>
    </message>
    <message>
      <source>Back (Esc)</source>
      <translation>Retour (Échap)</translation>
    </message>
    <message>
      <source>&amp;Responder</source>
      <translation>&amp;Intervenant</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>&amp;Nom</translation>
    </message>
    <message>
      <source>Re&amp;ference</source>
      <translation>Ré&amp;férence</translation>
    </message>
    <message>
      <source>Record (Ctrl+Return)</source>
      <translation>Enregistrer (Ctrl+Entrée)</translation>
    </message>
    <message>
      <source>Report of %1 (what they found, what they did)</source>
      <translation>Rapport de %1 (constatations, actions)</translation>
    </message>
    <message>
      <source>Reason for cancelling %1</source>
      <translation>Motif d'annulation : %1</translation>
    </message>
    <message>
      <source>This step failed (the fault is logged): try again.</source>
      <translation>Cette étape a échoué (le défaut est journalisé) : réessayez.</translation>
    </message>
    <message>
      <source>Select a dispatch first.</source>
      <translation>Sélectionnez d'abord une intervention.</translation>
    </message>
    <message>
      <source>Agreed delay: %1 min</source>
      <translation>Délai convenu : %1 min</translation>
    </message>
    <message>
      <source>No agreed delay: the elapsed time is shown</source>
      <translation>Pas de délai convenu : le temps écoulé est affiché</translation>
    </message>
    <message>
      <source>Optional: unit or station</source>
      <translation>Facultatif : unité ou caserne</translation>
    </message>
  </context>
  <context>
    <name>DispatchTableModel</name>
    <message>
      <source>Responder</source>
      <translation>Intervenant</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Elapsed</source>
      <translation>Écoulé</translation>
    </message>
    <message>
      <source>Agreed</source>
      <translation>Délai</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>Requested</source>
      <translation>Demandée</translation>
    </message>
    <message>
      <source>On site</source>
      <translation>Sur place</translation>
    </message>
    <message>
      <source>Ref.</source>
      <translation>Réf.</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Rapport</translation>
    </message>
    <message>
      <source>Guard company</source>
      <translation>Société de gardiennage / intervention</translation>
    </message>
    <message>
      <source>Keyholder</source>
      <translation>Détenteur des clés</translation>
    </message>
    <message>
      <source>Technician</source>
      <translation>Technicien</translation>
    </message>
    <message>
      <source>Police</source>
      <translation>Police / Gendarmerie</translation>
    </message>
    <message>
      <source>Fire brigade</source>
      <translation>Pompiers</translation>
    </message>
    <message>
      <source>Ambulance (SAMU)</source>
      <translation>SAMU / ambulance</translation>
    </message>
    <message>
      <source>%1 min</source>
      <translation>%1 min</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Annulée</translation>
    </message>
    <message>
      <source>Overdue by %1 min</source>
      <translation>En retard de %1 min</translation>
    </message>
    <message>
      <source>Awaited, %1 min left</source>
      <translation>Attendu, reste %1 min</translation>
    </message>
    <message>
      <source>Awaited</source>
      <translation>Attendu</translation>
    </message>
    <message>
      <source>Reported</source>
      <translation>Rapport reçu</translation>
    </message>
    <message>
      <source>%1, late by %2 min</source>
      <translation>%1, en retard de %2 min</translation>
    </message>
    <message>
      <source>%1, on time</source>
      <translation>%1, dans les délais</translation>
    </message>
    <message>
      <source>Report: %1</source>
      <translation>Rapport : %1</translation>
    </message>
    <message>
      <source>Cancelled: %1</source>
      <translation>Annulée : %1</translation>
    </message>
  </context>
  <context>
    <name>FaultIndicator</name>
    <message>
      <source>Internal fault: %1. The console goes on; the fault is logged (click ⚠ for details).</source>
      <translation>Défaut interne : %1. La console continue ; le défaut est journalisé (cliquer sur ⚠ pour le détail).</translation>
    </message>
    <message>
      <source>⚠ Faults: %1</source>
      <translation>⚠ Défauts : %1</translation>
    </message>
    <message>
      <source>Full details in the log: %1</source>
      <translation>Détail complet dans le journal technique : %1</translation>
    </message>
    <message>
      <source>Internal faults</source>
      <translation>Défauts internes</translation>
    </message>
  </context>
  <context>
    <name>FieldForm</name>
    <message>
      <source>on file — type a new one to replace it</source>
      <translation>enregistré — en saisir un autre pour le remplacer</translation>
    </message>
    <message>
      <source>none</source>
      <translation>aucun</translation>
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
    <name>HistoryModel</name>
    <message>
      <source>Time</source>
      <translation>Heure</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>N°</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>Site</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>Compte</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Événement</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <source>Zone</source>
      <translation>Zone</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>Opérateur</translation>
    </message>
    <message>
      <source>State</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Disposition</source>
      <translation>Qualification</translation>
    </message>
    <message>
      <source>Alarm</source>
      <translation>Alarme</translation>
    </message>
    <message>
      <source>Comment or detail</source>
      <translation>Commentaire ou détail</translation>
    </message>
  </context>
  <context>
    <name>HistoryPage</name>
    <message>
      <source>Alarms</source>
      <translation>Alarmes</translation>
    </message>
    <message>
      <source>Signals</source>
      <translation>Signaux</translation>
    </message>
    <message>
      <source>Calls</source>
      <translation>Appels</translation>
    </message>
    <message>
      <source>Journal</source>
      <translation>Main courante</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Rechercher</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>Exporter en CSV…</translation>
    </message>
    <message>
      <source>History</source>
      <translation>Historique</translation>
    </message>
    <message>
      <source>Correct the fields marked in red.</source>
      <translation>Corrigez les champs signalés en rouge.</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>Recherche…</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Export en cours…</translation>
    </message>
    <message>
      <source>%1 results shown; more as you scroll.</source>
      <translation>%1 résultats affichés ; la suite en faisant défiler.</translation>
    </message>
    <message>
      <source>%1 results.</source>
      <translation>%1 résultats.</translation>
    </message>
    <message>
      <source>One result.</source>
      <translation>Un résultat.</translation>
    </message>
    <message>
      <source>The search failed: %1</source>
      <translation>La recherche a échoué : %1</translation>
    </message>
    <message>
      <source>Export the results</source>
      <translation>Exporter les résultats</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
      <source>%1 rows exported.</source>
      <translation>%1 lignes exportées.</translation>
    </message>
    <message>
      <source>The export failed: %1</source>
      <translation>L'export a échoué : %1</translation>
    </message>
    <message>
      <source>Search in</source>
      <translation>Rechercher dans</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Du</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Au</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>Site</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>Compte</translation>
    </message>
    <message>
      <source>Event or category</source>
      <translation>Événement ou catégorie</translation>
    </message>
    <message>
      <source>Zone</source>
      <translation>Zone</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>Opérateur</translation>
    </message>
    <message>
      <source>Disposition</source>
      <translation>Qualification</translation>
    </message>
    <message>
      <source>State</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Words</source>
      <translation>Mots</translation>
    </message>
    <message>
      <source>2026-11-01 or 2026-11-01T08:00</source>
      <translation>2026-11-01 ou 2026-11-01T08:00</translation>
    </message>
    <message>
      <source>2026-11-30 (that day included)</source>
      <translation>2026-11-30 (ce jour compris)</translation>
    </message>
    <message>
      <source>code, or part of the name</source>
      <translation>code, ou partie du nom</translation>
    </message>
    <message>
      <source>hexadecimal, e.g. 4A21</source>
      <translation>hexadécimal, p. ex. 4A21</translation>
    </message>
    <message>
      <source>130, CID:130, BA, fire, take…</source>
      <translation>130, CID:130, BA, fire, take…</translation>
    </message>
    <message>
      <source>number</source>
      <translation>numéro</translation>
    </message>
    <message>
      <source>login</source>
      <translation>identifiant</translation>
    </message>
    <message>
      <source>false_alarm_user, confirmed_intrusion…</source>
      <translation>false_alarm_user, confirmed_intrusion…</translation>
    </message>
    <message>
      <source>closed, taken… (calls: completed, open…)</source>
      <translation>closed, taken… (appels : completed, open…)</translation>
    </message>
    <message>
      <source>words in comments and journal details</source>
      <translation>mots des commentaires et de la main courante</translation>
    </message>
    <message>
      <source>Choose alarms, signals, calls or journal.</source>
      <translation>Choisissez alarmes, signaux, appels ou main courante.</translation>
    </message>
    <message>
      <source>Not a date: write 2026-11-30 or 2026-11-30T08:00.</source>
      <translation>Ce n'est pas une date : écrivez 2026-11-30 ou 2026-11-30T08:00.</translation>
    </message>
    <message>
      <source>The end must come after the start.</source>
      <translation>La fin doit suivre le début.</translation>
    </message>
    <message>
      <source>Does not apply to this kind of record.</source>
      <translation>Ne s'applique pas à ce type d'enregistrement.</translation>
    </message>
    <message>
      <source>3 to 16 hexadecimal digits.</source>
      <translation>3 à 16 chiffres hexadécimaux.</translation>
    </message>
    <message>
      <source>Not an event code (130, CID:130, BA), a category or an action.</source>
      <translation>Ni un code d'événement (130, CID:130, BA), ni une catégorie, ni une action.</translation>
    </message>
    <message>
      <source>A zone number, from 0 to 9999.</source>
      <translation>Un numéro de zone, de 0 à 9999.</translation>
    </message>
    <message>
      <source>Unknown disposition.</source>
      <translation>Qualification inconnue.</translation>
    </message>
    <message>
      <source>Unknown state.</source>
      <translation>État inconnu.</translation>
    </message>
    <message>
      <source>Type words with letters or digits.</source>
      <translation>Tapez des mots faits de lettres ou de chiffres.</translation>
    </message>
  </context>
  <context>
    <name>IncomingCallOffer</name>
    <message>
      <source>Incoming call</source>
      <translation>Appel entrant</translation>
    </message>
    <message>
      <source>Answer (F9)</source>
      <translation>Décrocher (F9)</translation>
    </message>
    <message>
      <source>Decline</source>
      <translation>Refuser</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>Décrocher</translation>
    </message>
  </context>
  <context>
    <name>JournalPage</name>
    <message>
      <source>Verify now</source>
      <translation>Vérifier maintenant</translation>
    </message>
    <message>
      <source>Publish head…</source>
      <translation>Publier la tête…</translation>
    </message>
    <message>
      <source>Every journal entry and every recording's fingerprint is chained to the one before: an entry edited, deleted or inserted breaks the chain. Publish the head once a day to a file kept off the station, to detect a rewrite of the whole chain.</source>
      <translation>Chaque entrée de la main courante et chaque empreinte d'enregistrement est chaînée à la précédente : une entrée modifiée, supprimée ou insérée rompt la chaîne. Publiez la tête une fois par jour dans un fichier conservé hors de la station, pour détecter une réécriture de toute la chaîne.</translation>
    </message>
    <message>
      <source>Last verification:</source>
      <translation>Dernière vérification :</translation>
    </message>
    <message>
      <source>Result:</source>
      <translation>Résultat :</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message>
      <source>Journal chain</source>
      <translation>Chaînage du journal</translation>
    </message>
    <message>
      <source>Publish the chain's head</source>
      <translation>Publier la tête du chaînage</translation>
    </message>
    <message>
      <source>Text files (*.txt);;All files (*)</source>
      <translation>Fichiers texte (*.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>Head published: %1</source>
      <translation>Tête publiée : %1</translation>
    </message>
    <message>
      <source>The head was not published: the chain is broken.</source>
      <translation>La tête n'a pas été publiée : la chaîne est rompue.</translation>
    </message>
    <message>
      <source>Verifying…</source>
      <translation>Vérification…</translation>
    </message>
    <message>
      <source>Never verified.</source>
      <translation>Jamais vérifié.</translation>
    </message>
    <message>
      <source>the command line (vigie verify)</source>
      <translation>la ligne de commande (vigie verify)</translation>
    </message>
    <message>
      <source>%1 by %2: %3</source>
      <translation>%1 par %2 : %3</translation>
    </message>
    <message>
      <source>Chain intact: %1 entries, %2 recordings checked; head %3.</source>
      <translation>Chaîne intacte : %1 entrées, %2 enregistrements contrôlés ; tête %3.</translation>
    </message>
    <message>
      <source>Chain broken: %1</source>
      <translation>Chaîne rompue : %1</translation>
    </message>
    <message>
      <source>Only supervisors and admins may verify or publish the journal's chain.</source>
      <translation>Seuls les superviseurs et les administrateurs peuvent vérifier ou publier le chaînage du journal.</translation>
    </message>
    <message>
      <source>The database is unreachable: %1</source>
      <translation>La base de données est injoignable : %1</translation>
    </message>
    <message>
      <source>Could not write the file: %1</source>
      <translation>Impossible d'écrire le fichier : %1</translation>
    </message>
    <message>
      <source>The verification failed: %1</source>
      <translation>La vérification a échoué : %1</translation>
    </message>
  </context>
  <context>
    <name>ListenInBox</name>
    <message>
      <source>Audio doubt removal</source>
      <translation>Levée de doute audio</translation>
    </message>
    <message>
      <source>Listen in</source>
      <translation>Écouter le site</translation>
    </message>
    <message>
      <source>Listen-in to follow: the site's audio module will call the station.</source>
      <translation>Écoute à suivre : le module audio du site va appeler la station.</translation>
    </message>
    <message>
      <source>Doubt positive (intrusion heard)</source>
      <translation>Doute positif (intrusion entendue)</translation>
    </message>
    <message>
      <source>Doubt negative</source>
      <translation>Doute négatif</translation>
    </message>
    <message>
      <source>Site audio: %1 dBFS</source>
      <translation>Son du site : %1 dBFS</translation>
    </message>
    <message>
      <source>Site audio: silence</source>
      <translation>Son du site : silence</translation>
    </message>
    <message>
      <source>Verdict recorded: %1</source>
      <translation>Conclusion enregistrée : %1</translation>
    </message>
  </context>
  <context>
    <name>LockDialog</name>
    <message>
      <source>Console locked</source>
      <translation>Poste verrouillé</translation>
    </message>
    <message>
      <source>Locked by %1 since %2</source>
      <translation>Verrouillé par %1 depuis %2</translation>
    </message>
    <message>
      <source>&amp;Unlock</source>
      <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
      <source>Login</source>
      <translation>Identifiant</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Mot de passe</translation>
    </message>
    <message>
      <source>Take &amp;over</source>
      <translation>&amp;Prendre la relève</translation>
    </message>
    <message>
      <source>Signing in as another operator hands over the alarms %1 holds.</source>
      <translation>Se connecter sous un autre nom transmet à la relève les alarmes que %1 détient.</translation>
    </message>
    <message>
      <source>Wrong login or password.</source>
      <translation>Identifiant ou mot de passe incorrect.</translation>
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
    <name>OnTestControl</name>
    <message>
      <source>&amp;Tests</source>
      <translation>&amp;Tests</translation>
    </message>
    <message>
      <source>Put the site on test…</source>
      <translation>Mettre le site en test…</translation>
    </message>
    <message>
      <source>End the site's test</source>
      <translation>Terminer le test du site</translation>
    </message>
    <message>
      <source>Installer's report…</source>
      <translation>Rapport de l'installateur…</translation>
    </message>
    <message>
      <source>Installer's report — %1</source>
      <translation>Rapport de l'installateur — %1</translation>
    </message>
    <message>
      <source>Save the report</source>
      <translation>Enregistrer le rapport</translation>
    </message>
    <message>
      <source>Installer's test report</source>
      <translation>Rapport de test de l'installateur</translation>
    </message>
  </context>
  <context>
    <name>OnTestDialog</name>
    <message>
      <source>Put %1 on test</source>
      <translation>Mettre %1 en test</translation>
    </message>
    <message>
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <source>Every transmitter</source>
      <translation>Tous les transmetteurs</translation>
    </message>
    <message>
      <source>every zone, or e.g. 1, 2, 5</source>
      <translation>toutes les zones, ou par ex. 1, 2, 5</translation>
    </message>
    <message>
      <source>installer's visit, company, technician</source>
      <translation>visite de l'installateur, société, technicien</translation>
    </message>
    <message>
      <source>&amp;Duration</source>
      <translation>&amp;Durée</translation>
    </message>
    <message>
      <source>&amp;Transmitter</source>
      <translation>&amp;Transmetteur</translation>
    </message>
    <message>
      <source>&amp;Zones</source>
      <translation>&amp;Zones</translation>
    </message>
    <message>
      <source>&amp;Reason</source>
      <translation>&amp;Motif</translation>
    </message>
    <message>
      <source>Zone numbers separated by commas, or nothing for every zone.</source>
      <translation>Numéros de zones séparés par des virgules, ou rien pour toutes les zones.</translation>
    </message>
    <message>
      <source>Say why: the installer's visit, the company, the technician.</source>
      <translation>Indiquez le motif : visite de l'installateur, société, technicien.</translation>
    </message>
    <message>
      <source>A test lasts at most 24 hours; a longer stop is a suspension.</source>
      <translation>Un test dure au plus 24 heures ; au-delà, c'est une suspension.</translation>
    </message>
    <message>
      <source>The test must last a few minutes at least.</source>
      <translation>Le test doit durer au moins quelques minutes.</translation>
    </message>
    <message>
      <source>This transmitter is no longer the site's.</source>
      <translation>Ce transmetteur n'appartient plus au site.</translation>
    </message>
    <message>
      <source>Zone numbers are 0 or more.</source>
      <translation>Les numéros de zones sont positifs ou nuls.</translation>
    </message>
  </context>
  <context>
    <name>PasswordCheckBox</name>
    <message>
      <source>Password check</source>
      <translation>Contrôle du mot de passe</translation>
    </message>
    <message>
      <source>✔ Password correct</source>
      <translation>✔ Mot de passe correct</translation>
    </message>
    <message>
      <source>⚠ DURESS WORD — act as if all is well, do not let the caller notice. Follow the duress procedure.</source>
      <translation>⚠ MOT DE CONTRAINTE — faites comme si tout allait bien, l'appelant ne doit rien remarquer. Suivez la procédure contrainte.</translation>
    </message>
    <message>
      <source>✘ Wrong password: ask again, then follow the procedure</source>
      <translation>✘ Mot de passe faux : redemandez-le, puis suivez la procédure</translation>
    </message>
    <message>
      <source>No password on file for this contact</source>
      <translation>Pas de mot de passe enregistré pour ce contact</translation>
    </message>
    <message>
      <source>What the caller says</source>
      <translation>Ce que dit l'appelant</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>Contrôler</translation>
    </message>
    <message>
      <source>C&amp;ontact</source>
      <translation>C&amp;ontact</translation>
    </message>
    <message>
      <source>&amp;Words</source>
      <translation>&amp;Mots</translation>
    </message>
    <message>
      <source>(no password on file)</source>
      <translation>(pas de mot de passe enregistré)</translation>
    </message>
    <message>
      <source>Type the words the caller says.</source>
      <translation>Saisissez les mots que dit l'appelant.</translation>
    </message>
    <message>
      <source>Check impossible: %1</source>
      <translation>Contrôle impossible : %1</translation>
    </message>
  </context>
  <context>
    <name>PhoneMessages</name>
    <message>
      <source>The telephone is not started (see %1).</source>
      <translation>Le téléphone n'est pas démarré (voir %1).</translation>
    </message>
    <message>
      <source>%1 calls are already in progress: hang up or transfer one before placing another.</source>
      <translation>%1 appels sont déjà en cours : raccrochez ou transférez-en un avant d'en passer un autre.</translation>
    </message>
    <message>
      <source>Cannot call %1 (%2).</source>
      <translation>Impossible d'appeler %1 (%2).</translation>
    </message>
    <message>
      <source>This call is already over.</source>
      <translation>Cet appel est déjà terminé.</translation>
    </message>
    <message>
      <source>The call refused the request (%1: %2).</source>
      <translation>L'appel a refusé la demande (%1 : %2).</translation>
    </message>
    <message>
      <source>The digits could not be sent (%1).</source>
      <translation>Les chiffres n'ont pas pu être envoyés (%1).</translation>
    </message>
    <message>
      <source>Only 0-9, *, # and A-D can be sent during a call.</source>
      <translation>Seuls 0-9, *, # et A-D peuvent être envoyés pendant un appel.</translation>
    </message>
    <message>
      <source>The call has no sound yet: wait for the answer.</source>
      <translation>L'appel n'a pas encore de son : attendez la réponse.</translation>
    </message>
    <message>
      <source>Transfer to %1 refused (%2).</source>
      <translation>Transfert vers %1 refusé (%2).</translation>
    </message>
    <message>
      <source>The recordings disk is almost full (%1 MB left): tell the supervisor.</source>
      <translation>Le disque des enregistrements est presque plein (%1 Mo restants) : prévenez le superviseur.</translation>
    </message>
    <message>
      <source>This call is not recorded: the recordings folder cannot be written.</source>
      <translation>Cet appel n'est pas enregistré : impossible d'écrire dans le dossier des enregistrements.</translation>
    </message>
    <message>
      <source>Type a number or a SIP address to call.</source>
      <translation>Tapez un numéro ou une adresse SIP à appeler.</translation>
    </message>
    <message>
      <source>%1 is neither a phone number nor a SIP address.</source>
      <translation>%1 n'est ni un numéro de téléphone ni une adresse SIP.</translation>
    </message>
    <message>
      <source>Cannot dial %1: no PBX and no gateway are configured (%2); or type a SIP address such as sip:user@host.</source>
      <translation>Impossible d'appeler le %1 : aucun PBX ni passerelle n'est configuré (%2) ; ou tapez une adresse SIP comme sip:utilisateur@hôte.</translation>
    </message>
  </context>
  <context>
    <name>PhoneSettingsDialog</name>
    <message>
      <source>Telephone settings</source>
      <translation>Paramètres du téléphone</translation>
    </message>
    <message>
      <source>Changes take effect at the next start of the console, except the headset devices, which change at once.</source>
      <translation>Les modifications prennent effet au prochain démarrage de la console, sauf les périphériques du casque, qui changent immédiatement.</translation>
    </message>
    <message>
      <source>Changes take effect at the next start of the console.</source>
      <translation>Les modifications prennent effet au prochain démarrage de la console.</translation>
    </message>
    <message>
      <source>Workstation</source>
      <translation>Poste</translation>
    </message>
    <message>
      <source>Telephone enabled on this workstation</source>
      <translation>Téléphone activé sur ce poste</translation>
    </message>
    <message>
      <source>Listen on address</source>
      <translation>Adresse d'écoute</translation>
    </message>
    <message>
      <source>5060; 0 for any free port</source>
      <translation>5060 ; 0 pour un port libre quelconque</translation>
    </message>
    <message>
      <source>SIP port</source>
      <translation>Port SIP</translation>
    </message>
    <message>
      <source>Transport</source>
      <translation>Transport</translation>
    </message>
    <message>
      <source>address the PBX and callers reach this workstation at</source>
      <translation>adresse à laquelle l'autocommutateur et les appelants joignent ce poste</translation>
    </message>
    <message>
      <source>Public address</source>
      <translation>Adresse publique</translation>
    </message>
    <message>
      <source>Display name</source>
      <translation>Nom affiché</translation>
    </message>
    <message>
      <source>User (direct IP calls)</source>
      <translation>Utilisateur (appels IP directs)</translation>
    </message>
    <message>
      <source>PBX</source>
      <translation>Autocommutateur</translation>
    </message>
    <message>
      <source>Optional: leave the registrar empty to place direct IP calls only.</source>
      <translation>Facultatif : laisser le registrar vide pour ne passer que des appels IP directs.</translation>
    </message>
    <message>
      <source>Registrar</source>
      <translation>Registrar</translation>
    </message>
    <message>
      <source>User</source>
      <translation>Utilisateur</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Mot de passe</translation>
    </message>
    <message>
      <source>default: the registrar's host</source>
      <translation>par défaut : l'hôte du registrar</translation>
    </message>
    <message>
      <source>Domain</source>
      <translation>Domaine</translation>
    </message>
    <message>
      <source>Calls</source>
      <translation>Appels</translation>
    </message>
    <message>
      <source>host[:port] numbers are sent to when there is no PBX</source>
      <translation>hôte[:port] où envoyer les numéros en l'absence d'autocommutateur</translation>
    </message>
    <message>
      <source>Gateway</source>
      <translation>Passerelle</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>Libellé</translation>
    </message>
    <message>
      <source>Number or SIP address</source>
      <translation>Numéro ou adresse SIP</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Ajouter</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Retirer</translation>
    </message>
    <message>
      <source>Transfer targets</source>
      <translation>Destinations de transfert</translation>
    </message>
    <message>
      <source>Recordings and headset</source>
      <translation>Enregistrements et casque</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Parcourir…</translation>
    </message>
    <message>
      <source>Recordings folder</source>
      <translation>Dossier des enregistrements</translation>
    </message>
    <message>
      <source>Minimum free space</source>
      <translation>Espace libre minimal</translation>
    </message>
    <message>
      <source>Headset microphone</source>
      <translation>Micro du casque</translation>
    </message>
    <message>
      <source>Headset earpiece</source>
      <translation>Écouteur du casque</translation>
    </message>
    <message>
      <source>System default</source>
      <translation>Périphérique par défaut du système</translation>
    </message>
    <message>
      <source>%1 (not connected)</source>
      <translation>%1 (non connecté)</translation>
    </message>
    <message>
      <source>Without a public address this workstation announces itself as 127.0.0.1: the PBX and callers cannot reach it.</source>
      <translation>Sans adresse publique, ce poste s'annonce comme 127.0.0.1 : l'autocommutateur et les appelants ne peuvent pas le joindre.</translation>
    </message>
    <message>
      <source>Enter an IP address of this workstation, or 0.0.0.0 for all.</source>
      <translation>Saisir une adresse IP de ce poste, ou 0.0.0.0 pour toutes.</translation>
    </message>
    <message>
      <source>The port must be a number from 0 to 65535 (0: any free port).</source>
      <translation>Le port doit être un nombre de 0 à 65535 (0 : un port libre quelconque).</translation>
    </message>
    <message>
      <source>Enter a host name or an IP address, without sip: or a port.</source>
      <translation>Saisir un nom d'hôte ou une adresse IP, sans sip: ni port.</translation>
    </message>
    <message>
      <source>Enter a name, without quotes or angle brackets.</source>
      <translation>Saisir un nom, sans guillemets ni chevrons.</translation>
    </message>
    <message>
      <source>Enter a user name: letters, digits, dot, dash, underscore or plus.</source>
      <translation>Saisir un nom d'utilisateur : lettres, chiffres, point, tiret, tiret bas ou plus.</translation>
    </message>
    <message>
      <source>Enter a host name or address, optionally with :port, without sip:.</source>
      <translation>Saisir un nom d'hôte ou une adresse, éventuellement avec :port, sans sip:.</translation>
    </message>
    <message>
      <source>Not saved: %1</source>
      <translation>Non enregistré : %1</translation>
    </message>
    <message>
      <source>The registrar must be a SIP URI such as sip:pbx.station.local.</source>
      <translation>Le registrar doit être une URI SIP, par exemple sip:pbx.station.local.</translation>
    </message>
    <message>
      <source>Enter the user this workstation registers as.</source>
      <translation>Saisir l'utilisateur sous lequel ce poste s'enregistre.</translation>
    </message>
    <message>
      <source>Enter the registrar, or clear the other PBX fields.</source>
      <translation>Saisir le registrar, ou vider les autres champs de l'autocommutateur.</translation>
    </message>
    <message>
      <source>Enter a domain name, without sip:.</source>
      <translation>Saisir un nom de domaine, sans sip:.</translation>
    </message>
    <message>
      <source>Row %1: enter both a label and a number or SIP address.</source>
      <translation>Ligne %1 : saisir un libellé et un numéro ou une adresse SIP.</translation>
    </message>
    <message>
      <source>Row %1: “%2” cannot be called (a SIP address, or a number with a PBX or a gateway).</source>
      <translation>Ligne %1 : « %2 » ne peut pas être appelé (une adresse SIP, ou un numéro avec un autocommutateur ou une passerelle).</translation>
    </message>
    <message>
      <source>Choose a folder for the recordings.</source>
      <translation>Choisir un dossier pour les enregistrements.</translation>
    </message>
    <message>
      <source>Enter a full path.</source>
      <translation>Saisir un chemin complet.</translation>
    </message>
    <message>
      <source>This is a file, not a folder.</source>
      <translation>C'est un fichier, pas un dossier.</translation>
    </message>
    <message>
      <source>This folder is not writable.</source>
      <translation>Ce dossier n'est pas accessible en écriture.</translation>
    </message>
    <message>
      <source>This folder cannot be created (no writable parent folder).</source>
      <translation>Ce dossier ne peut pas être créé (aucun dossier parent accessible en écriture).</translation>
    </message>
  </context>
  <context>
    <name>PlanEditorDialog</name>
    <message>
      <source>&amp;Level</source>
      <translation>&amp;Niveau</translation>
    </message>
    <message>
      <source>Load image…</source>
      <translation>Charger une image…</translation>
    </message>
    <message>
      <source>New level…</source>
      <translation>Nouveau niveau…</translation>
    </message>
    <message>
      <source>Rename…</source>
      <translation>Renommer…</translation>
    </message>
    <message>
      <source>Delete level</source>
      <translation>Supprimer le niveau</translation>
    </message>
    <message>
      <source>Zoom out (-)</source>
      <translation>Zoom arrière (-)</translation>
    </message>
    <message>
      <source>Zoom in (+)</source>
      <translation>Zoom avant (+)</translation>
    </message>
    <message>
      <source>Fit the plan (0)</source>
      <translation>Ajuster le plan (0)</translation>
    </message>
    <message>
      <source>Drag a zone onto the plan, or drag it on the plan to move it. Arrow keys nudge the selected zone (Shift: faster); Delete takes it off the plan.</source>
      <translation>Glissez une zone sur le plan, ou sur le plan pour la déplacer. Les flèches déplacent la zone sélectionnée (Maj : plus vite) ; Suppr la retire du plan.</translation>
    </message>
    <message>
      <source>Zones</source>
      <translation>Zones</translation>
    </message>
    <message>
      <source>Take the zone off the plan</source>
      <translation>Retirer la zone du plan</translation>
    </message>
    <message>
      <source>Floor plans — %1</source>
      <translation>Plans — %1</translation>
    </message>
    <message>
      <source>Level %1</source>
      <translation>Niveau %1</translation>
    </message>
    <message>
      <source>No plan yet: load an image (SVG, PNG or JPEG).</source>
      <translation>Pas encore de plan : chargez une image (SVG, PNG ou JPEG).</translation>
    </message>
    <message>
      <source>The plan image could not be read.</source>
      <translation>Le plan n'a pas pu être lu.</translation>
    </message>
    <message>
      <source>Load a plan image first.</source>
      <translation>Chargez d'abord l'image d'un plan.</translation>
    </message>
    <message>
      <source>The file cannot be read: %1</source>
      <translation>Le fichier ne peut pas être lu : %1</translation>
    </message>
    <message>
      <source>Zones %1 were off the new image: place them again.</source>
      <translation>Les zones %1 sortaient de la nouvelle image : placez-les à nouveau.</translation>
    </message>
    <message>
      <source>Plan image</source>
      <translation>Image du plan</translation>
    </message>
    <message>
      <source>Plan images (*.svg *.png *.jpg *.jpeg)</source>
      <translation>Images de plan (*.svg *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
      <source>Rename level</source>
      <translation>Renommer le niveau</translation>
    </message>
    <message>
      <source>Name of level %1:</source>
      <translation>Nom du niveau %1 :</translation>
    </message>
    <message>
      <source>The image file is empty.</source>
      <translation>Le fichier image est vide.</translation>
    </message>
    <message>
      <source>The image is larger than %1 MB.</source>
      <translation>L'image dépasse %1 Mo.</translation>
    </message>
    <message>
      <source>This is not an SVG, PNG or JPEG image.</source>
      <translation>Ce n'est pas une image SVG, PNG ou JPEG.</translation>
    </message>
    <message>
      <source>The image's size cannot be read (an SVG needs a width and height or a viewBox).</source>
      <translation>La taille de l'image est illisible (un SVG doit avoir une largeur et une hauteur, ou une viewBox).</translation>
    </message>
    <message>
      <source>A level name has at most %1 characters.</source>
      <translation>Le nom d'un niveau a au plus %1 caractères.</translation>
    </message>
    <message>
      <source>This site no longer exists.</source>
      <translation>Ce site n'existe plus.</translation>
    </message>
    <message>
      <source>Level %1 no longer exists.</source>
      <translation>Le niveau %1 n'existe plus.</translation>
    </message>
    <message>
      <source>Zone %1 no longer exists.</source>
      <translation>La zone %1 n'existe plus.</translation>
    </message>
    <message>
      <source>Zone %1 is outside the plan.</source>
      <translation>La zone %1 est hors du plan.</translation>
    </message>
    <message>
      <source>Only a supervisor or an administrator can change floor plans.</source>
      <translation>Seul un superviseur ou un administrateur peut modifier les plans.</translation>
    </message>
    <message>
      <source>Nothing to save.</source>
      <translation>Rien à enregistrer.</translation>
    </message>
    <message>
      <source>The database cannot be reached; nothing was saved. (%1)</source>
      <translation>Base de données injoignable : rien n'a été enregistré. (%1)</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Enregistré.</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>Modifications non enregistrées</translation>
    </message>
    <message>
      <source>Save the changes to the floor plans before closing?</source>
      <translation>Enregistrer les modifications des plans avant de fermer ?</translation>
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
    <name>ProcedurePage</name>
    <message>
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <source>A new step; Return adds it</source>
      <translation>Une nouvelle consigne ; Entrée l'ajoute</translation>
    </message>
    <message>
      <source>Mandatory</source>
      <translation>Obligatoire</translation>
    </message>
    <message>
      <source>Add step</source>
      <translation>Ajouter la consigne</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>Monter</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>Descendre</translation>
    </message>
    <message>
      <source>Remove step</source>
      <translation>Supprimer la consigne</translation>
    </message>
    <message>
      <source>Save procedure</source>
      <translation>Enregistrer les consignes</translation>
    </message>
    <message>
      <source>Remove procedure</source>
      <translation>Supprimer les consignes</translation>
    </message>
    <message>
      <source>For alarms of kind</source>
      <translation>Pour les alarmes de type</translation>
    </message>
    <message>
      <source>Steps, in order (ticked: mandatory before closing)</source>
      <translation>Consignes, dans l'ordre (cochée : obligatoire avant clôture)</translation>
    </message>
    <message>
      <source>No procedure yet for this kind of alarm.</source>
      <translation>Pas encore de consignes pour ce type d'alarme.</translation>
    </message>
    <message>
      <source>Procedure saved.</source>
      <translation>Consignes enregistrées.</translation>
    </message>
    <message>
      <source>Procedure removed.</source>
      <translation>Consignes supprimées.</translation>
    </message>
  </context>
  <context>
    <name>QueueFilterBar</name>
    <message>
      <source>Search site, name or account (Ctrl+F)</source>
      <translation>Chercher un site, un nom ou un compte (Ctrl+F)</translation>
    </message>
    <message>
      <source>All kinds</source>
      <translation>Tous types</translation>
    </message>
    <message>
      <source>All states</source>
      <translation>Tous états</translation>
    </message>
    <message>
      <source>Mine only</source>
      <translation>Les miennes</translation>
    </message>
    <message>
      <source>%1 of %2 shown</source>
      <translation>%1 sur %2 affichées</translation>
    </message>
    <message>
      <source>Fire</source>
      <translation>Incendie</translation>
    </message>
    <message>
      <source>Panic</source>
      <translation>Panique</translation>
    </message>
    <message>
      <source>Duress</source>
      <translation>Contrainte</translation>
    </message>
    <message>
      <source>Medical</source>
      <translation>Médical</translation>
    </message>
    <message>
      <source>Intrusion</source>
      <translation>Intrusion</translation>
    </message>
    <message>
      <source>Tamper</source>
      <translation>Autoprotection</translation>
    </message>
    <message>
      <source>Technical fault</source>
      <translation>Défaut technique</translation>
    </message>
    <message>
      <source>Missed test or link</source>
      <translation>Test cyclique ou liaison</translation>
    </message>
    <message>
      <source>Opening or closing</source>
      <translation>Mise en ou hors service</translation>
    </message>
    <message>
      <source>Test</source>
      <translation>Essai</translation>
    </message>
    <message>
      <source>Information</source>
      <translation>Information</translation>
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
      <source>Search the queue by site code, name or account</source>
      <translation>Chercher dans la file par code site, nom ou compte</translation>
    </message>
    <message>
      <source>In the search box: back to the alarm list</source>
      <translation>Dans la recherche : revenir à la liste des alarmes</translation>
    </message>
    <message>
      <source>Clear the queue filters</source>
      <translation>Effacer les filtres de la file</translation>
    </message>
    <message>
      <source>Mute or unmute the alarm tones for this shift</source>
      <translation>Couper ou rétablir les sonneries pour la vacation</translation>
    </message>
    <message>
      <source>Go to the site window, and back to the queue</source>
      <translation>Aller à la fenêtre du site, et revenir à la file</translation>
    </message>
    <message>
      <source>Sign out (the next operator signs in)</source>
      <translation>Se déconnecter (l'opérateur suivant se connecte)</translation>
    </message>
    <message>
      <source>Quit the console</source>
      <translation>Quitter la console</translation>
    </message>
    <message>
      <source>Supervision window: history, call audit, reports, analysis, journal chain (supervisors and admins)</source>
      <translation>Fenêtre de supervision : historique, écoute des appels, rapports, analyse technique, chaînage du journal (superviseurs et administrateurs)</translation>
    </message>
    <message>
      <source>Administration window: sites, transmitters, call lists, procedures (admins; supervisors as allowed)</source>
      <translation>Fenêtre d'administration : sites, transmetteurs, listes d'appel, consignes (administrateurs ; superviseurs selon la station)</translation>
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
      <source>Floor plan: zoom in, zoom out, fit the plan</source>
      <translation>Plan : zoomer, dézoomer, plan entier</translation>
    </message>
    <message>
      <source>Site window: go to the floor plan, the procedure, the contacts</source>
      <translation>Fenêtre site : aller au plan, aux consignes, aux contacts</translation>
    </message>
    <message>
      <source>Site window: next / previous panel (plan, procedure, contacts)</source>
      <translation>Fenêtre site : panneau suivant / précédent (plan, consignes, contacts)</translation>
    </message>
    <message>
      <source>Site window, procedure: move between the steps, tick the current one</source>
      <translation>Fenêtre site, consignes : passer d'une consigne à l'autre, cocher la consigne courante</translation>
    </message>
    <message>
      <source>Site window, contacts: call the selected contact</source>
      <translation>Fenêtre du site, contacts : appeler le contact sélectionné</translation>
    </message>
    <message>
      <source>Site window: close the alarm shown</source>
      <translation>Fenêtre site : clôturer l'alarme affichée</translation>
    </message>
    <message>
      <source>Close dialog, dispatch report: record it</source>
      <translation>Clôture, compte rendu d'intervention : enregistrer</translation>
    </message>
    <message>
      <source>Dispatch request form: send it; Escape goes back</source>
      <translation>Demande d'intervention : l'envoyer ; Échap pour revenir</translation>
    </message>
    <message>
      <source>Dispatch: request a guard or a public service</source>
      <translation>Intervention : demander un agent ou un service public</translation>
    </message>
    <message>
      <source>Dispatch: the selected responder is on site</source>
      <translation>Intervention : l'intervenant sélectionné est sur place</translation>
    </message>
    <message>
      <source>Dispatch: report of the selected responder</source>
      <translation>Intervention : compte rendu de l'intervenant sélectionné</translation>
    </message>
    <message>
      <source>Dispatch: cancel the selected dispatch</source>
      <translation>Intervention : annuler l'intervention sélectionnée</translation>
    </message>
    <message>
      <source>Site window: edit the floor plans (supervisors)</source>
      <translation>Fenêtre du site : modifier les plans (superviseurs)</translation>
    </message>
    <message>
      <source>Lock the console while away from the desk</source>
      <translation>Verrouiller le poste en quittant le bureau</translation>
    </message>
    <message>
      <source>Hand over: the next operator takes the alarms held</source>
      <translation>Relève : l'opérateur suivant reprend les alarmes détenues</translation>
    </message>
    <message>
      <source>Site window: put the site on test (installer's visit)</source>
      <translation>Fenêtre du site : mettre le site en test (visite de l'installateur)</translation>
    </message>
    <message>
      <source>Phone: answer the incoming call</source>
      <translation>Téléphone : décrocher l'appel entrant</translation>
    </message>
    <message>
      <source>Phone: hold or resume the call</source>
      <translation>Téléphone : mettre en attente ou reprendre l'appel</translation>
    </message>
    <message>
      <source>Phone: mute or unmute the microphone</source>
      <translation>Téléphone : couper ou rétablir le micro</translation>
    </message>
    <message>
      <source>Phone: hang up</source>
      <translation>Téléphone : raccrocher</translation>
    </message>
    <message>
      <source>Phone, listen-in: switch between listening and talking</source>
      <translation>Téléphone, écoute : passer de l'écoute à l'interpellation et inversement</translation>
    </message>
    <message>
      <source>Phone, number field: type a number, Return calls it; during a call the keys send DTMF</source>
      <translation>Téléphone, champ numéro : taper un numéro, Entrée l'appelle ; en communication les touches envoient du DTMF</translation>
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
      <source>&amp;View</source>
      <translation>&amp;Affichage</translation>
    </message>
    <message>
      <source>Search…</source>
      <translation>Chercher…</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>Effacer les filtres</translation>
    </message>
    <message>
      <source>Mute tones</source>
      <translation>Couper les sonneries</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Langue</translation>
    </message>
    <message>
      <source>&amp;Settings</source>
      <translation>&amp;Paramètres</translation>
    </message>
    <message>
      <source>Telephone…</source>
      <translation>Téléphone…</translation>
    </message>
    <message>
      <source>Go to the site window</source>
      <translation>Aller à la fenêtre du site</translation>
    </message>
    <message>
      <source>The console is already in this language.</source>
      <translation>La console est déjà dans cette langue.</translation>
    </message>
    <message>
      <source>The language will change at the next start of the console.</source>
      <translation>La langue changera au prochain démarrage de la console.</translation>
    </message>
    <message>
      <source>Headset devices changed; the other telephone settings apply at the next start.</source>
      <translation>Périphériques du casque changés ; les autres paramètres du téléphone s'appliqueront au prochain démarrage.</translation>
    </message>
    <message>
      <source>Telephone settings saved; they apply at the next start of the console.</source>
      <translation>Paramètres du téléphone enregistrés ; ils s'appliqueront au prochain démarrage de la console.</translation>
    </message>
    <message>
      <source>%1 is already handled by %2.</source>
      <translation>%1 est déjà traitée par %2.</translation>
    </message>
    <message>
      <source>No new alarm to take.</source>
      <translation>Aucune nouvelle alarme à prendre.</translation>
    </message>
    <message>
      <source>Life-safety alarm waiting</source>
      <translation>Alarme sécurité des personnes en attente</translation>
    </message>
    <message>
      <source>%1 — %2 (%3) has waited %4, longer than its %5 s target.</source>
      <translation>%1 — %2 (%3) attend depuis %4, au-delà de son objectif de %5 s.</translation>
    </message>
    <message>
      <source>Take it instead of %1 — %2?</source>
      <translation>La prendre à la place de %1 — %2 ?</translation>
    </message>
    <message>
      <source>&amp;Take %1</source>
      <translation>&amp;Prendre %1</translation>
    </message>
    <message>
      <source>Take %1 &amp;anyway</source>
      <translation>Prendre %1 &amp;quand même</translation>
    </message>
    <message>
      <source>Nothing taken.</source>
      <translation>Aucune alarme prise.</translation>
    </message>
    <message>
      <source>Select an alarm to close.</source>
      <translation>Sélectionnez une alarme à clôturer.</translation>
    </message>
    <message>
      <source>The alarm became %2 (it was %1) while you were closing it: follow its procedure first.</source>
      <translation>L'alarme est devenue %2 (elle était %1) pendant la clôture : suivez d'abord sa procédure.</translation>
    </message>
    <message>
      <source>Not recorded (the fault is logged): try again.</source>
      <translation>Non enregistré (le défaut est journalisé) : réessayez.</translation>
    </message>
    <message>
      <source>Select an alarm first.</source>
      <translation>Sélectionnez d'abord une alarme.</translation>
    </message>
    <message>
      <source>The previous action is still being recorded.</source>
      <translation>L'action précédente est en cours d'enregistrement.</translation>
    </message>
    <message>
      <source>New shift: alarm tones are on again.</source>
      <translation>Nouvelle vacation : les sonneries sont rétablies.</translation>
    </message>
    <message>
      <source>Tones muted</source>
      <translation>Sonneries coupées</translation>
    </message>
    <message>
      <source>%1 open, %2 waiting</source>
      <translation>%1 ouvertes, %2 en attente</translation>
    </message>
  </context>
  <context>
    <name>Refusals</name>
    <message>
      <source>new</source>
      <translation>nouvelle</translation>
    </message>
    <message>
      <source>taken</source>
      <translation>prise en compte</translation>
    </message>
    <message>
      <source>being verified</source>
      <translation>en levée de doute</translation>
    </message>
    <message>
      <source>dispatched</source>
      <translation>en intervention</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>clôturée</translation>
    </message>
    <message>
      <source>This alarm no longer exists.</source>
      <translation>Cette alarme n'existe plus.</translation>
    </message>
    <message>
      <source>%site is already handled by %holder.</source>
      <translation>%site est déjà traité par %holder.</translation>
    </message>
    <message>
      <source>%holder took this alarm just before you.</source>
      <translation>%holder a pris cette alarme juste avant vous.</translation>
    </message>
    <message>
      <source>This alarm was just changed at another workstation; the queue shows its current state.</source>
      <translation>Cette alarme vient d'être modifiée sur un autre poste ; la file montre son état actuel.</translation>
    </message>
    <message>
      <source>This alarm is closed: nothing more is recorded on it.</source>
      <translation>Cette alarme est clôturée : plus rien n'y est consigné.</translation>
    </message>
    <message>
      <source>Not possible on an alarm that is %state.</source>
      <translation>Impossible sur une alarme %state.</translation>
    </message>
    <message>
      <source>%site is handled by %holder: only they or a supervisor may act on it.</source>
      <translation>%site est traité par %holder : seul cet opérateur ou un superviseur peut agir dessus.</translation>
    </message>
    <message>
      <source>Choose how the alarm ended.</source>
      <translation>Choisissez la qualification de l'alarme.</translation>
    </message>
    <message>
      <source>A closing comment is required.</source>
      <translation>Un commentaire de clôture est obligatoire.</translation>
    </message>
    <message>
      <source>Mandatory procedure steps not done: %steps. Give a reason to close anyway.</source>
      <translation>Étapes obligatoires de la procédure non faites : %steps. Donnez un motif pour clôturer quand même.</translation>
    </message>
    <message>
      <source>Give a reason to release an alarm that %holder holds.</source>
      <translation>Donnez un motif pour remettre en file une alarme que %holder tient.</translation>
    </message>
  </context>
  <context>
    <name>ReleaseDialog</name>
    <message>
      <source>Release an alarm held by %1</source>
      <translation>Remettre en file une alarme tenue par %1</translation>
    </message>
    <message>
      <source>Why do you take %1's alarm at %2 back to the queue? (a few words, journaled)</source>
      <translation>Pourquoi remettre en file l'alarme de %1 sur %2 ? (quelques mots, consignés au journal)</translation>
    </message>
    <message>
      <source>A reason of at least two words is needed.</source>
      <translation>Il faut un motif d'au moins deux mots.</translation>
    </message>
  </context>
  <context>
    <name>ReportCharts</name>
    <message>
      <source>Alarms per day by category</source>
      <translation>Alarmes par jour et par catégorie</translation>
    </message>
    <message>
      <source>Alarms per hour of the day (local time)</source>
      <translation>Alarmes par heure de la journée (heure locale)</translation>
    </message>
    <message>
      <source>Alarms taken within the targets (%)</source>
      <translation>Alarmes prises en compte dans les objectifs (%)</translation>
    </message>
    <message>
      <source>Taken within</source>
      <translation>Prises en compte en</translation>
    </message>
    <message>
      <source>within %1 s</source>
      <translation>en %1 s au plus</translation>
    </message>
    <message>
      <source>target %1 %</source>
      <translation>objectif %1 %</translation>
    </message>
    <message>
      <source>Time to take (seconds)</source>
      <translation>Délai de prise en compte (secondes)</translation>
    </message>
    <message>
      <source>Alarms</source>
      <translation>Alarmes</translation>
    </message>
    <message>
      <source>Handling time, take to close (minutes)</source>
      <translation>Durée de traitement, de la prise à la clôture (minutes)</translation>
    </message>
    <message>
      <source>False-alarm rate per site, top %1 (%)</source>
      <translation>Taux de fausses alarmes par site, %1 premiers (%)</translation>
    </message>
    <message>
      <source>False alarms</source>
      <translation>Fausses alarmes</translation>
    </message>
    <message>
      <source>Dispatches against the agreed delay</source>
      <translation>Interventions face au délai contractuel</translation>
    </message>
    <message>
      <source>On time</source>
      <translation>Dans les délais</translation>
    </message>
    <message>
      <source>Late</source>
      <translation>En retard</translation>
    </message>
    <message>
      <source>Not arrived</source>
      <translation>Pas arrivé</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Annulée</translation>
    </message>
    <message>
      <source>Operator workload</source>
      <translation>Charge des opérateurs</translation>
    </message>
    <message>
      <source>Alarms taken</source>
      <translation>Alarmes prises en compte</translation>
    </message>
    <message>
      <source>Hours handled</source>
      <translation>Heures de traitement</translation>
    </message>
    <message>
      <source>Guard</source>
      <translation>Agent d'intervention</translation>
    </message>
    <message>
      <source>Keyholder</source>
      <translation>Détenteur des clés</translation>
    </message>
    <message>
      <source>Technician</source>
      <translation>Technicien</translation>
    </message>
    <message>
      <source>Police</source>
      <translation>Police / Gendarmerie</translation>
    </message>
    <message>
      <source>Fire brigade</source>
      <translation>Pompiers</translation>
    </message>
    <message>
      <source>Ambulance</source>
      <translation>SAMU</translation>
    </message>
  </context>
  <context>
    <name>ReportPage</name>
    <message>
      <source>Last 7 days</source>
      <translation>7 derniers jours</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>Ce mois-ci</translation>
    </message>
    <message>
      <source>Last month</source>
      <translation>Le mois dernier</translation>
    </message>
    <message>
      <source>Whole station</source>
      <translation>Toute la station</translation>
    </message>
    <message>
      <source>Sites (codes)</source>
      <translation>Sites (codes)</translation>
    </message>
    <message>
      <source>Operator (login)</source>
      <translation>Opérateur (identifiant)</translation>
    </message>
    <message>
      <source>LYO-0001, LYO-0002 or a login</source>
      <translation>LYO-0001, LYO-0002 ou un identifiant</translation>
    </message>
    <message>
      <source>Build</source>
      <translation>Établir</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Du</translation>
    </message>
    <message>
      <source>to</source>
      <translation>au</translation>
    </message>
    <message>
      <source>Scope</source>
      <translation>Périmètre</translation>
    </message>
    <message>
      <source>Comment (first analysis)</source>
      <translation>Commentaire (première analyse)</translation>
    </message>
    <message>
      <source>What the figures say, what to follow up</source>
      <translation>Ce que disent les chiffres, ce qu'il faut suivre</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Enregistrer</translation>
    </message>
    <message>
      <source>Export PDF…</source>
      <translation>Exporter en PDF…</translation>
    </message>
    <message>
      <source>The period ends before it starts.</source>
      <translation>La période se termine avant de commencer.</translation>
    </message>
    <message>
      <source>A report covers at most a year.</source>
      <translation>Un rapport couvre au plus un an.</translation>
    </message>
    <message>
      <source>Name at least one site code.</source>
      <translation>Indiquez au moins un code de site.</translation>
    </message>
    <message>
      <source>Name the operator (login).</source>
      <translation>Indiquez l'opérateur (identifiant).</translation>
    </message>
    <message>
      <source>Unknown site: %1</source>
      <translation>Site inconnu : %1</translation>
    </message>
    <message>
      <source>Unknown operator: %1</source>
      <translation>Opérateur inconnu : %1</translation>
    </message>
    <message>
      <source>Building the report…</source>
      <translation>Rapport en cours d'établissement…</translation>
    </message>
    <message>
      <source>%1 alarms in the period.</source>
      <translation>%1 alarmes sur la période.</translation>
    </message>
    <message>
      <source>Reports are for supervisors and admins.</source>
      <translation>Les rapports sont réservés aux superviseurs et administrateurs.</translation>
    </message>
    <message>
      <source>The database cannot be reached: %1</source>
      <translation>La base de données est injoignable : %1</translation>
    </message>
    <message>
      <source>The PDF could not be written: %1</source>
      <translation>Le PDF n'a pas pu être écrit : %1</translation>
    </message>
    <message>
      <source>The report failed: %1</source>
      <translation>Le rapport a échoué : %1</translation>
    </message>
    <message>
      <source>Saved as report %1.</source>
      <translation>Enregistré comme rapport %1.</translation>
    </message>
    <message>
      <source>Export the report</source>
      <translation>Exporter le rapport</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Exported to %1.</source>
      <translation>Exporté vers %1.</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>Rapports</translation>
    </message>
  </context>
  <context>
    <name>ReportPdf</name>
    <message>
      <source>Vigie report %1</source>
      <translation>Rapport Vigie %1</translation>
    </message>
    <message>
      <source>Vigie — supervision report</source>
      <translation>Vigie — rapport de supervision</translation>
    </message>
    <message>
      <source>Period: %1</source>
      <translation>Période : %1</translation>
    </message>
    <message>
      <source>Scope: %1</source>
      <translation>Périmètre : %1</translation>
    </message>
    <message>
      <source>Author: %1</source>
      <translation>Auteur : %1</translation>
    </message>
    <message>
      <source>Built: %1</source>
      <translation>Établi le : %1</translation>
    </message>
    <message>
      <source>Comment</source>
      <translation>Commentaire</translation>
    </message>
    <message>
      <source>(no comment)</source>
      <translation>(sans commentaire)</translation>
    </message>
    <message>
      <source>Figures</source>
      <translation>Chiffres</translation>
    </message>
    <message>
      <source>False alarms per site</source>
      <translation>Fausses alarmes par site</translation>
    </message>
    <message>
      <source>Dispatches</source>
      <translation>Interventions</translation>
    </message>
    <message>
      <source>Operator workload</source>
      <translation>Charge des opérateurs</translation>
    </message>
  </context>
  <context>
    <name>ReportTables</name>
    <message>
      <source>Sites: %1</source>
      <translation>Sites : %1</translation>
    </message>
    <message>
      <source>Operator: %1</source>
      <translation>Opérateur : %1</translation>
    </message>
    <message>
      <source>Whole station</source>
      <translation>Toute la station</translation>
    </message>
    <message>
      <source>Alarms</source>
      <translation>Alarmes</translation>
    </message>
    <message>
      <source>Taken</source>
      <translation>Prise en compte</translation>
    </message>
    <message>
      <source>Taken within %1 s</source>
      <translation>Prises en compte en %1 s au plus</translation>
    </message>
    <message>
      <source>Targets met (80 % / 98.5 %)</source>
      <translation>Objectifs atteints (80 % / 98,5 %)</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>oui</translation>
    </message>
    <message>
      <source>no</source>
      <translation>non</translation>
    </message>
    <message>
      <source>Time to take, median / 90th percentile</source>
      <translation>Délai de prise en compte, médiane / 90e centile</translation>
    </message>
    <message>
      <source>Handling time, median / 90th percentile</source>
      <translation>Durée de traitement, médiane / 90e centile</translation>
    </message>
    <message>
      <source>False-alarm rate</source>
      <translation>Taux de fausses alarmes</translation>
    </message>
    <message>
      <source>Dispatches on time</source>
      <translation>Interventions dans les délais</translation>
    </message>
    <message>
      <source>Figure</source>
      <translation>Indicateur</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Valeur</translation>
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
      <source>Closed</source>
      <translation>Clôturée</translation>
    </message>
    <message>
      <source>False alarms</source>
      <translation>Fausses alarmes</translation>
    </message>
    <message>
      <source>Rate</source>
      <translation>Taux</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>Envoyé</translation>
    </message>
    <message>
      <source>Requested</source>
      <translation>Demandée</translation>
    </message>
    <message>
      <source>On time</source>
      <translation>Dans les délais</translation>
    </message>
    <message>
      <source>Late</source>
      <translation>En retard</translation>
    </message>
    <message>
      <source>Not arrived</source>
      <translation>Pas arrivé</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Annulée</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>Opérateur</translation>
    </message>
    <message>
      <source>Handled</source>
      <translation>Traitées</translation>
    </message>
    <message>
      <source>Mean per alarm</source>
      <translation>Moyenne par alarme</translation>
    </message>
  </context>
  <context>
    <name>SessionGuard</name>
    <message>
      <source>Lock the console</source>
      <translation>Verrouiller le poste</translation>
    </message>
    <message>
      <source>Hand over…</source>
      <translation>Passer la relève…</translation>
    </message>
    <message>
      <source>Console locked</source>
      <translation>Poste verrouillé</translation>
    </message>
    <message>
      <source>%1 alarm(s) waiting in the queue</source>
      <translation>%1 alarme(s) en attente dans la file</translation>
    </message>
  </context>
  <context>
    <name>SessionMenu</name>
    <message>
      <source>&amp;Console</source>
      <translation>&amp;Console</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>Se déconnecter</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Quitter</translation>
    </message>
    <message>
      <source>Supervision…</source>
      <translation>Supervision…</translation>
    </message>
    <message>
      <source>Administration…</source>
      <translation>Administration…</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Raccourcis clavier</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Aide</translation>
    </message>
  </context>
  <context>
    <name>ShiftPanel</name>
    <message>
      <source>Shift</source>
      <translation>Vacation</translation>
    </message>
    <message>
      <source>Shift %1–%2</source>
      <translation>Vacation %1–%2</translation>
    </message>
    <message>
      <source>Waiting, still under %1 s: %2</source>
      <translation>En attente depuis moins de %1 s : %2</translation>
    </message>
    <message>
      <source>≤ %1 s: %2</source>
      <translation>≤ %1 s : %2</translation>
    </message>
    <message>
      <source>Taken within %1 s: %2 of %3 alarms of the shift (target %4 %)</source>
      <translation>Prises en compte en %1 s au plus : %2 sur %3 alarmes de la vacation (objectif %4 %)</translation>
    </message>
  </context>
  <context>
    <name>SiteList</name>
    <message>
      <source>Search: code, name, city, address or account</source>
      <translation>Rechercher : code, nom, ville, adresse ou compte</translation>
    </message>
    <message>
      <source>Show archived sites</source>
      <translation>Afficher les sites archivés</translation>
    </message>
    <message>
      <source>New site</source>
      <translation>Nouveau site</translation>
    </message>
    <message>
      <source>archived</source>
      <translation>archivé</translation>
    </message>
    <message>
      <source>%1 open alarm(s)</source>
      <translation>%1 alarme(s) en cours</translation>
    </message>
  </context>
  <context>
    <name>SitePage</name>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Adresse</translation>
    </message>
    <message>
      <source>Postcode</source>
      <translation>Code postal</translation>
    </message>
    <message>
      <source>City</source>
      <translation>Ville</translation>
    </message>
    <message>
      <source>Latitude</source>
      <translation>Latitude</translation>
    </message>
    <message>
      <source>Longitude</source>
      <translation>Longitude</translation>
    </message>
    <message>
      <source>Time zone</source>
      <translation>Fuseau horaire</translation>
    </message>
    <message>
      <source>Risk class</source>
      <translation>Classe de risque</translation>
    </message>
    <message>
      <source>0 to 99, empty if none</source>
      <translation>0 à 99, vide si aucune</translation>
    </message>
    <message>
      <source>Guard on site within (min)</source>
      <translation>Agent sur place sous (min)</translation>
    </message>
    <message>
      <source>empty: the station's default</source>
      <translation>vide : la valeur de la station</translation>
    </message>
    <message>
      <source>Accessibility needs</source>
      <translation>Besoins particuliers</translation>
    </message>
    <message>
      <source>Notes for the operators</source>
      <translation>Notes pour les opérateurs</translation>
    </message>
    <message>
      <source>Save site</source>
      <translation>Enregistrer le site</translation>
    </message>
    <message>
      <source>Archive site</source>
      <translation>Archiver le site</translation>
    </message>
    <message>
      <source>Restore site</source>
      <translation>Rétablir le site</translation>
    </message>
    <message>
      <source>New site: fill in at least its code and name, then Save.</source>
      <translation>Nouveau site : saisissez au moins son code et son nom, puis Enregistrer.</translation>
    </message>
    <message>
      <source>Archived: kept for its history. Restore it to change it.</source>
      <translation>Archivé : conservé pour son historique. Rétablissez-le pour le modifier.</translation>
    </message>
    <message>
      <source>%1 open alarm(s): changes are shown at once to the operator handling them.</source>
      <translation>%1 alarme(s) en cours : les modifications s'affichent aussitôt chez l'opérateur qui les traite.</translation>
    </message>
    <message>
      <source>Site added.</source>
      <translation>Site créé.</translation>
    </message>
    <message>
      <source>Site saved.</source>
      <translation>Site enregistré.</translation>
    </message>
    <message>
      <source>Site archived.</source>
      <translation>Site archivé.</translation>
    </message>
    <message>
      <source>Site restored.</source>
      <translation>Site rétabli.</translation>
    </message>
  </context>
  <context>
    <name>SiteStatus</name>
    <message>
      <source>Hours today: %1</source>
      <translation>Horaires du jour : %1</translation>
    </message>
    <message>
      <source>Closed today</source>
      <translation>Fermé aujourd'hui</translation>
    </message>
    <message>
      <source>open (disarmed) since %1</source>
      <translation>ouvert (hors service) depuis %1</translation>
    </message>
    <message>
      <source>closed (armed) since %1</source>
      <translation>fermé (en service) depuis %1</translation>
    </message>
    <message>
      <source>account %1</source>
      <translation>compte %1</translation>
    </message>
    <message>
      <source>zones %1</source>
      <translation>zones %1</translation>
    </message>
    <message>
      <source>ON TEST until %1</source>
      <translation>EN TEST jusqu'à %1</translation>
    </message>
    <message>
      <source>OUT OF SERVICE since %1</source>
      <translation>SUSPENDU depuis %1</translation>
    </message>
  </context>
  <context>
    <name>SiteWindow</name>
    <message>
      <source>Vigie — Site</source>
      <translation>Vigie — Site</translation>
    </message>
    <message>
      <source>site details</source>
      <translation>fiche du site</translation>
    </message>
    <message>
      <source>floor plan</source>
      <translation>plan</translation>
    </message>
    <message>
      <source>contacts</source>
      <translation>contacts</translation>
    </message>
    <message>
      <source>procedure</source>
      <translation>procédure</translation>
    </message>
    <message>
      <source>signals</source>
      <translation>signaux</translation>
    </message>
    <message>
      <source>journal</source>
      <translation>main courante</translation>
    </message>
    <message>
      <source>dispatch</source>
      <translation>interventions</translation>
    </message>
    <message>
      <source>phone</source>
      <translation>téléphone</translation>
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
      <source>Dispatch</source>
      <translation>Interventions</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Téléphone</translation>
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
      <source>This panel could not be shown (%1). The other panels show %2; the fault is logged.</source>
      <translation>Ce panneau n'a pas pu être affiché (%1). Les autres panneaux montrent %2 ; le défaut est journalisé.</translation>
    </message>
    <message>
      <source>No procedure for this kind of alarm.</source>
      <translation>Pas de consigne pour ce type d'alarme.</translation>
    </message>
    <message>
      <source>The alarm became %2 (it was %1): follow the procedure below.</source>
      <translation>L'alarme est devenue %2 (elle était %1) : suivez la procédure ci-dessous.</translation>
    </message>
    <message>
      <source>Vigie — %1</source>
      <translation>Vigie — %1</translation>
    </message>
    <message>
      <source>loading…</source>
      <translation>chargement…</translation>
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
    <message>
      <source>Go to the floor plan</source>
      <translation>Aller au plan</translation>
    </message>
    <message>
      <source>Go to the procedure</source>
      <translation>Aller aux consignes</translation>
    </message>
    <message>
      <source>Go to the contacts</source>
      <translation>Aller aux contacts</translation>
    </message>
    <message>
      <source>Next panel</source>
      <translation>Panneau suivant</translation>
    </message>
    <message>
      <source>Previous panel</source>
      <translation>Panneau précédent</translation>
    </message>
    <message>
      <source>Close…</source>
      <translation>Clôturer…</translation>
    </message>
    <message>
      <source>Back to the queue</source>
      <translation>Retour à la file</translation>
    </message>
    <message>
      <source>No tripped zone to acknowledge</source>
      <translation>Aucune zone déclenchée à acquitter</translation>
    </message>
    <message>
      <source>The tripped zones are already acknowledged</source>
      <translation>Les zones déclenchées sont déjà acquittées</translation>
    </message>
    <message>
      <source>Tripped zones acknowledged: %1</source>
      <translation>Zones déclenchées acquittées : %1</translation>
    </message>
    <message>
      <source>Telephone not configured (see %1).</source>
      <translation>Téléphone non configuré (voir %1).</translation>
    </message>
    <message>
      <source>Edit floor plans…</source>
      <translation>Modifier les plans…</translation>
    </message>
    <message>
      <source>&amp;Site</source>
      <translation>&amp;Site</translation>
    </message>
  </context>
  <context>
    <name>SoftphonePanel</name>
    <message>
      <source>no answer</source>
      <translation>pas de réponse</translation>
    </message>
    <message>
      <source>busy</source>
      <translation>occupé</translation>
    </message>
    <message>
      <source>declined</source>
      <translation>refusé</translation>
    </message>
    <message>
      <source>unreachable</source>
      <translation>injoignable</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>échec</translation>
    </message>
    <message>
      <source>Call list</source>
      <translation>Liste d'appel</translation>
    </message>
    <message>
      <source>Telephone ready.</source>
      <translation>Téléphone prêt.</translation>
    </message>
    <message>
      <source>Telephone not configured (see %1).</source>
      <translation>Téléphone non configuré (voir %1).</translation>
    </message>
    <message>
      <source>No audio module on file for this site: listening in is not possible.</source>
      <translation>Aucun module audio enregistré pour ce site : l'écoute est impossible.</translation>
    </message>
    <message>
      <source>Audio module</source>
      <translation>Module audio</translation>
    </message>
    <message>
      <source>Choose or type where to transfer the call.</source>
      <translation>Choisissez ou saisissez à qui transférer l'appel.</translation>
    </message>
    <message>
      <source>Transferring %1 to %2…</source>
      <translation>Transfert de %1 vers %2…</translation>
    </message>
    <message>
      <source>Verdict not recorded: %1</source>
      <translation>Conclusion non enregistrée : %1</translation>
    </message>
    <message>
      <source>Calling %1…</source>
      <translation>Appel de %1…</translation>
    </message>
    <message>
      <source>no site shown</source>
      <translation>aucun site affiché</translation>
    </message>
    <message>
      <source>Telephone not configured</source>
      <translation>Téléphone non configuré</translation>
    </message>
  </context>
  <context>
    <name>StallBanner</name>
    <message>
      <source>%1 %2 (%3, no activity for %4)</source>
      <translation>%1 %2 (%3, aucune action depuis %4)</translation>
    </message>
    <message>
      <source>and %1 more</source>
      <translation>et %1 autres</translation>
    </message>
    <message>
      <source>Taken but not progressed: %1</source>
      <translation>Prises en compte mais non traitées : %1</translation>
    </message>
  </context>
  <context>
    <name>StationIndicators</name>
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
      <source>%1 calls cut off by the last stop of the console were closed as interrupted; %2 recordings checked and repaired.</source>
      <translation>Appels coupés par le dernier arrêt de la console clôturés comme interrompus : %1 ; enregistrements vérifiés et réparés : %2.</translation>
    </message>
    <message>
      <source>Telephone: off</source>
      <translation>Téléphone : désactivé</translation>
    </message>
    <message>
      <source>The telephone is disabled ([phone] enabled in console.ini, or VIGIE_PHONE=0).</source>
      <translation>Le téléphone est désactivé ([phone] enabled dans console.ini, ou VIGIE_PHONE=0).</translation>
    </message>
    <message>
      <source>Telephone: FAULT — %1</source>
      <translation>Téléphone : DÉFAUT — %1</translation>
    </message>
    <message>
      <source>The telephone could not start: %1</source>
      <translation>Le téléphone n'a pas pu démarrer : %1</translation>
    </message>
    <message>
      <source>The console runs without it; check Settings &gt; Telephone, then restart.</source>
      <translation>La console fonctionne sans lui ; vérifier Paramètres &gt; Téléphone, puis redémarrer.</translation>
    </message>
    <message>
      <source>Telephone: direct IP</source>
      <translation>Téléphone : IP direct</translation>
    </message>
    <message>
      <source>Telephone: direct IP (port %1)</source>
      <translation>Téléphone : IP direct (port %1)</translation>
    </message>
    <message>
      <source>No PBX: calls are placed and received directly over IP.</source>
      <translation>Sans autocommutateur : les appels sont passés et reçus directement en IP.</translation>
    </message>
    <message>
      <source>Telephone: registering…</source>
      <translation>Téléphone : enregistrement…</translation>
    </message>
    <message>
      <source>Registering to %1</source>
      <translation>Enregistrement auprès de %1</translation>
    </message>
    <message>
      <source>Telephone: registered to %1</source>
      <translation>Téléphone : enregistré auprès de %1</translation>
    </message>
    <message>
      <source>Registration to %1 failed: %2</source>
      <translation>Échec de l'enregistrement auprès de %1 : %2</translation>
    </message>
    <message>
      <source>Calls through the PBX are impossible until it succeeds; it is retried.</source>
      <translation>Les appels par l'autocommutateur sont impossibles tant qu'il n'a pas réussi ; il est retenté.</translation>
    </message>
    <message>
      <source>Telephone: stopped</source>
      <translation>Téléphone : arrêté</translation>
    </message>
    <message>
      <source>Telephone: %1</source>
      <translation>Téléphone : %1</translation>
    </message>
    <message>
      <source>SIP port: %1</source>
      <translation>Port SIP : %1</translation>
    </message>
    <message>
      <source>call records waiting for the database: %1</source>
      <translation>fiches d'appel en attente de la base : %1</translation>
    </message>
    <message>
      <source>%1 call record writes are kept in order and retried every 2 s.</source>
      <translation>Écritures de fiches d'appel en attente : %1 ; conservées dans l'ordre et retentées toutes les 2 s.</translation>
    </message>
  </context>
  <context>
    <name>SupervisionWindow</name>
    <message>
      <source>Vigie — Supervision (%1)</source>
      <translation>Vigie — Supervision (%1)</translation>
    </message>
  </context>
  <context>
    <name>SuspensionsBar</name>
    <message>
      <source>%1 until %2</source>
      <translation>%1 jusqu'à %2</translation>
    </message>
    <message>
      <source>%1 out of service</source>
      <translation>%1 suspendu</translation>
    </message>
    <message>
      <source>On test: %1</source>
      <translation>En test : %1</translation>
    </message>
  </context>
  <context>
    <name>TimelineModel</name>
    <message>
      <source>At</source>
      <translation>À</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Événement</translation>
    </message>
    <message>
      <source>Detail</source>
      <translation>Détail</translation>
    </message>
    <message>
      <source>reached by the playback</source>
      <translation>atteint par la lecture</translation>
    </message>
  </context>
  <context>
    <name>TransmitterPage</name>
    <message>
      <source>Account</source>
      <translation>Compte</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Ligne</translation>
    </message>
    <message>
      <source>Receiver</source>
      <translation>Récepteur</translation>
    </message>
    <message>
      <source>Protocol</source>
      <translation>Protocole</translation>
    </message>
    <message>
      <source>Test every (s)</source>
      <translation>Test toutes les (s)</translation>
    </message>
    <message>
      <source>Audio module</source>
      <translation>Module audio</translation>
    </message>
    <message>
      <source>AES key</source>
      <translation>Clé AES</translation>
    </message>
    <message>
      <source>3 to 16 hex digits</source>
      <translation>3 à 16 chiffres hexadécimaux</translation>
    </message>
    <message>
      <source>Line (DC-09 L)</source>
      <translation>Ligne (DC-09 L)</translation>
    </message>
    <message>
      <source>empty: any line</source>
      <translation>vide : toute ligne</translation>
    </message>
    <message>
      <source>Receiver (DC-09 R)</source>
      <translation>Récepteur (DC-09 R)</translation>
    </message>
    <message>
      <source>Any</source>
      <translation>Quelconque</translation>
    </message>
    <message>
      <source>Periodic test every (s)</source>
      <translation>Test cyclique toutes les (s)</translation>
    </message>
    <message>
      <source>empty: no test</source>
      <translation>vide : pas de test</translation>
    </message>
    <message>
      <source>Audio module (SIP)</source>
      <translation>Module audio (SIP)</translation>
    </message>
    <message>
      <source>Replace AES key…</source>
      <translation>Remplacer la clé AES…</translation>
    </message>
    <message>
      <source>Remove AES key</source>
      <translation>Retirer la clé AES</translation>
    </message>
    <message>
      <source>New transmitter</source>
      <translation>Nouveau transmetteur</translation>
    </message>
    <message>
      <source>Save transmitter</source>
      <translation>Enregistrer le transmetteur</translation>
    </message>
    <message>
      <source>Remove transmitter</source>
      <translation>Supprimer le transmetteur</translation>
    </message>
    <message>
      <source>set</source>
      <translation>définie</translation>
    </message>
    <message>
      <source>not set</source>
      <translation>non définie</translation>
    </message>
    <message>
      <source>AES key: save the transmitter first, then set its key.</source>
      <translation>Clé AES : enregistrez d'abord le transmetteur, puis définissez sa clé.</translation>
    </message>
    <message>
      <source>AES key: %1</source>
      <translation>Clé AES : %1</translation>
    </message>
    <message>
      <source>Transmitter added.</source>
      <translation>Transmetteur ajouté.</translation>
    </message>
    <message>
      <source>Transmitter saved.</source>
      <translation>Transmetteur enregistré.</translation>
    </message>
    <message>
      <source>AES key removed.</source>
      <translation>Clé AES retirée.</translation>
    </message>
    <message>
      <source>Transmitter removed.</source>
      <translation>Transmetteur supprimé.</translation>
    </message>
  </context>
  <context>
    <name>Workstation</name>
    <message>
      <source>Release or close the alarms you hold before signing out: %1</source>
      <translation>Remettez en file ou clôturez vos alarmes avant de vous déconnecter : %1</translation>
    </message>
    <message>
      <source>Sign-out not recorded (database unreachable): try again.</source>
      <translation>Déconnexion non enregistrée (base de données injoignable) : réessayez.</translation>
    </message>
    <message>
      <source>%1 alarm(s) handed over by %2 are now yours.</source>
      <translation>%1 alarme(s) transmise(s) par %2 sont désormais les vôtres.</translation>
    </message>
    <message>
      <source>Hand-over not recorded (database unreachable): try again.</source>
      <translation>Relève non enregistrée (base injoignable) : réessayez.</translation>
    </message>
    <message>
      <source>Quit the console</source>
      <translation>Quitter la console</translation>
    </message>
    <message>
      <source>You still hold %1 alarm(s). They stay yours until you or a supervisor release them. Quit anyway?</source>
      <translation>Vous tenez encore %1 alarme(s). Elles restent à vous jusqu'à ce que vous ou un superviseur les remettiez en file. Quitter quand même ?</translation>
    </message>
    <message>
      <source>The record of %1 could not be read: open it again.</source>
      <translation>Le dossier de %1 n'a pas pu être lu : rouvrez-le.</translation>
    </message>
    <message>
      <source>Not recorded (the fault is logged): try again.</source>
      <translation>Non enregistré (le défaut est journalisé) : réessayez.</translation>
    </message>
    <message>
      <source>Unknown caller</source>
      <translation>Appelant inconnu</translation>
    </message>
    <message>
      <source>Caller known on several sites</source>
      <translation>Appelant connu sur plusieurs sites</translation>
    </message>
    <message>
      <source>Audio module of the site</source>
      <translation>Module audio du site</translation>
    </message>
    <message>
      <source>Open alarm: %1</source>
      <translation>Alarme en cours : %1</translation>
    </message>
  </context>
  <context>
    <name>ZoneListModel</name>
    <message>
      <source>not placed</source>
      <translation>non placée</translation>
    </message>
  </context>
</TS>