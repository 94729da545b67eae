<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Access</name>
    <message>
        <location filename="../core/storage/access.cpp" line="37"/>
        <source>%1 is for the owner of the schema &apos;%2&apos; — login %3 is not it; run it as the login that ran `knowledgectl migrate`</source>
        <translation>%1 ist dem Eigentümer des Schemas &apos;%2&apos; vorbehalten — Login %3 ist es nicht; führen Sie es mit dem Login aus, das `knowledgectl migrate` ausgeführt hat</translation>
    </message>
    <message>
        <location filename="../core/storage/access.cpp" line="80"/>
        <source>unknown access level &apos;%1&apos; — use reader, member or service</source>
        <translation>unbekannte Zugriffsstufe &apos;%1&apos; — verwenden Sie reader, member oder service</translation>
    </message>
    <message>
        <location filename="../core/storage/access.cpp" line="83"/>
        <source>a grant for every tenant is for service logins only — add --level service, or name one tenant with --tenant</source>
        <translation>eine Freigabe für alle Mandanten gibt es nur für Dienst-Logins — ergänzen Sie --level service, oder nennen Sie mit --tenant einen Mandanten</translation>
    </message>
    <message>
        <location filename="../core/storage/access.cpp" line="87"/>
        <source>name the tenant to grant with --tenant T (or --all-tenants for a service login)</source>
        <translation>nennen Sie den freizugebenden Mandanten mit --tenant T (oder --all-tenants für ein Dienst-Login)</translation>
    </message>
    <message>
        <location filename="../core/storage/access.cpp" line="89"/>
        <source>granting %1 access to login %2</source>
        <translation>Zugriff %1 für Login %2 freigeben</translation>
    </message>
    <message>
        <location filename="../core/storage/access.cpp" line="97"/>
        <source>there is no login role &apos;%1&apos; on this server — create it first (e.g. `CREATE ROLE %1 LOGIN PASSWORD &apos;…&apos;` as an administrator)</source>
        <translation>auf diesem Server gibt es keine Login-Rolle &apos;%1&apos; — legen Sie sie zuerst an (z. B. `CREATE ROLE %1 LOGIN PASSWORD &apos;…&apos;` als Administrator)</translation>
    </message>
    <message>
        <location filename="../core/storage/access.cpp" line="102"/>
        <source>the role &apos;%1&apos; cannot log in (NOLOGIN) — grant access to a login role, or give it LOGIN first</source>
        <translation>die Rolle &apos;%1&apos; kann sich nicht anmelden (NOLOGIN) — geben Sie einer Login-Rolle Zugriff, oder geben Sie ihr zuerst LOGIN</translation>
    </message>
    <message>
        <location filename="../core/storage/access.cpp" line="111"/>
        <source>unknown tenant &apos;%1&apos; — `knowledgectl status` lists the tenants, `knowledgectl tenant add SLUG` creates one</source>
        <translation>unbekannter Mandant &apos;%1&apos; — `knowledgectl status` listet die Mandanten, `knowledgectl tenant add SLUG` legt einen an</translation>
    </message>
    <message>
        <location filename="../core/storage/access.cpp" line="127"/>
        <source>tenant %1 has no person %2 — give a handle to create one</source>
        <translation>Mandant %1 hat keine Person %2 — geben Sie ein Kürzel an, um sie anzulegen</translation>
    </message>
    <message>
        <location filename="../core/storage/access.cpp" line="134"/>
        <source>&apos;%1&apos; is not a valid person handle (letters, digits, . _ @ -, at most 64) — give one with --person</source>
        <translation>&apos;%1&apos; ist kein gültiges Personenkürzel (Buchstaben, Ziffern, . _ @ -, höchstens 64) — geben Sie eines mit --person an</translation>
    </message>
    <message>
        <location filename="../core/storage/access.cpp" line="162"/>
        <source>name the tenant to revoke with --tenant T (or --all-tenants)</source>
        <translation>nennen Sie den Mandanten, dessen Freigabe entzogen wird, mit --tenant T (oder --all-tenants)</translation>
    </message>
    <message>
        <location filename="../core/storage/access.cpp" line="163"/>
        <source>revoking the access of login %1</source>
        <translation>Zugriff von Login %1 entziehen</translation>
    </message>
    <message>
        <location filename="../core/storage/access.cpp" line="172"/>
        <source>unknown tenant &apos;%1&apos;</source>
        <translation>unbekannter Mandant &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/storage/access.cpp" line="181"/>
        <source>login %1 holds no grant on %2 — `knowledgectl access list` shows the grants</source>
        <translation>Login %1 hat keine Freigabe für %2 — `knowledgectl access list` zeigt die Freigaben</translation>
    </message>
    <message>
        <location filename="../core/storage/access.cpp" line="183"/>
        <source>every tenant</source>
        <translation>alle Mandanten</translation>
    </message>
    <message>
        <location filename="../core/storage/access.cpp" line="196"/>
        <source>listing the grants</source>
        <translation>Freigaben auflisten</translation>
    </message>
    <message>
        <location filename="../core/storage/access.cpp" line="211"/>
        <source>dropping the group roles of schema %1</source>
        <translation>Gruppenrollen des Schemas %1 löschen</translation>
    </message>
</context>
<context>
    <name>ApiKeys</name>
    <message>
        <location filename="../core/service/apikeys.cpp" line="38"/>
        <source>%1 is for the schema owner; login %2 is not — run it as the owner (the login that ran `knowledgectl migrate`)</source>
        <translation>%1 ist dem Schema-Eigentümer vorbehalten; Login %2 ist es nicht — als Eigentümer ausführen (das Login, das `knowledgectl migrate` ausgeführt hat)</translation>
    </message>
    <message>
        <location filename="../core/service/apikeys.cpp" line="74"/>
        <source>an API key belongs to a tenant — give --tenant T</source>
        <translation>ein API-Schlüssel gehört zu einem Mandanten — --tenant T angeben</translation>
    </message>
    <message>
        <location filename="../core/service/apikeys.cpp" line="79"/>
        <source>--rate must be a positive number of requests per minute</source>
        <translation>--rate muss eine positive Zahl von Anfragen pro Minute sein</translation>
    </message>
    <message>
        <location filename="../core/service/apikeys.cpp" line="95"/>
        <source>storing the API key</source>
        <translation>Speichern des API-Schlüssels</translation>
    </message>
    <message>
        <location filename="../core/service/apikeys.cpp" line="117"/>
        <source>the new API key %1 cannot be read back</source>
        <translation>der neue API-Schlüssel %1 lässt sich nicht zurücklesen</translation>
    </message>
    <message>
        <location filename="../core/service/apikeys.cpp" line="126"/>
        <source>listing the API keys</source>
        <translation>Auflisten der API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../core/service/apikeys.cpp" line="148"/>
        <source>give the id of the key to revoke (`knowledgectl api-key list` shows them)</source>
        <translation>die ID des zu widerrufenden Schlüssels angeben (`knowledgectl api-key list` zeigt sie)</translation>
    </message>
    <message>
        <location filename="../core/service/apikeys.cpp" line="150"/>
        <source>revoking API key %1</source>
        <translation>Widerrufen des API-Schlüssels %1</translation>
    </message>
    <message>
        <location filename="../core/service/apikeys.cpp" line="169"/>
        <source>no API key &apos;%1&apos; — `knowledgectl api-key list` shows the keys and their ids</source>
        <translation>kein API-Schlüssel &apos;%1&apos; — `knowledgectl api-key list` zeigt die Schlüssel und ihre IDs</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/service/apikeys.cpp" line="175"/>
        <source>&apos;%1&apos; names %n API keys — give the key&apos;s id</source>
        <translation>
            <numerusform>&apos;%1&apos; bezeichnet %n API-Schlüssel — die ID des Schlüssels angeben</numerusform>
            <numerusform>&apos;%1&apos; bezeichnet %n API-Schlüssel — die ID des Schlüssels angeben</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/service/apikeys.cpp" line="184"/>
        <source>the revoked API key cannot be read back</source>
        <translation>der widerrufene API-Schlüssel lässt sich nicht zurücklesen</translation>
    </message>
    <message>
        <location filename="../core/service/apikeys.cpp" line="192"/>
        <source>the API key is unknown or revoked — ask an administrator for a key (`knowledgectl api-key create`)</source>
        <translation>der API-Schlüssel ist unbekannt oder widerrufen — einen Administrator um einen Schlüssel bitten (`knowledgectl api-key create`)</translation>
    </message>
    <message>
        <location filename="../core/service/apikeys.cpp" line="202"/>
        <source>selecting the API key</source>
        <translation>Auswählen des API-Schlüssels</translation>
    </message>
</context>
<context>
    <name>BrowseClient</name>
    <message>
        <location filename="../core/client/browseclient.cpp" line="71"/>
        <source>%1 — and no offline cache to read instead: %2</source>
        <translation>%1 — und kein Offline-Cache, aus dem gelesen werden könnte: %2</translation>
    </message>
    <message>
        <location filename="../core/client/browseclient.cpp" line="80"/>
        <source>offline cache, %1</source>
        <translation>Offline-Cache, %1</translation>
    </message>
    <message>
        <location filename="../core/client/browseclient.cpp" line="81"/>
        <source>database unreachable (%1) — showing the offline cache, %2</source>
        <translation>Datenbank nicht erreichbar (%1) — es wird der Offline-Cache gezeigt, %2</translation>
    </message>
    <message>
        <location filename="../core/client/browseclient.cpp" line="263"/>
        <source>as of %1</source>
        <translation>Stand: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionCheck</name>
    <message>
        <location filename="../core/client/connectioncheck.cpp" line="71"/>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <location filename="../core/client/connectioncheck.cpp" line="74"/>
        <source>socket %1, port %2</source>
        <translation>Socket %1, Port %2</translation>
    </message>
    <message>
        <location filename="../core/client/connectioncheck.cpp" line="75"/>
        <source>%1 port %2</source>
        <translation>%1 Port %2</translation>
    </message>
    <message>
        <location filename="../core/client/connectioncheck.cpp" line="78"/>
        <source>The server asks login %1 for a password — type it and test again (a password in ~/.pgpass or the service file is used by itself).</source>
        <translation>Der Server verlangt für die Anmeldung %1 ein Passwort — geben Sie es ein und testen Sie erneut (ein Passwort in ~/.pgpass oder der Service-Datei wird von selbst verwendet).</translation>
    </message>
    <message>
        <location filename="../core/client/connectioncheck.cpp" line="85"/>
        <source>The server refused the password of login %1 — check it (it may also have expired) and try again.</source>
        <translation>Der Server hat das Passwort der Anmeldung %1 abgelehnt — prüfen Sie es (es kann auch abgelaufen sein) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../core/client/connectioncheck.cpp" line="93"/>
        <source>The server at %1 refused login %2: %3</source>
        <translation>Der Server unter %1 hat die Anmeldung %2 abgelehnt: %3</translation>
    </message>
    <message>
        <location filename="../core/client/connectioncheck.cpp" line="96"/>
        <source>Cannot reach the database server at %1 — check the host and port, your network or VPN, and that the server runs. (%2)</source>
        <translation>Der Datenbankserver unter %1 ist nicht erreichbar — prüfen Sie Host und Port, Ihr Netzwerk oder VPN und ob der Server läuft. (%2)</translation>
    </message>
    <message>
        <location filename="../core/client/connectioncheck.cpp" line="122"/>
        <source>Signed in as %1, but the database has no Knowledge Explorer schema &apos;%2&apos; — ask the administrator to run `knowledgectl migrate`.</source>
        <translation>Angemeldet als %1, aber die Datenbank hat kein Knowledge-Explorer-Schema &apos;%2&apos; — bitten Sie die Administration, `knowledgectl migrate` auszuführen.</translation>
    </message>
    <message>
        <location filename="../core/client/connectioncheck.cpp" line="130"/>
        <source>The schema &apos;%1&apos; is at version %2, older than this version of Knowledge Explorer needs (%3) — ask the administrator to run `knowledgectl migrate`.</source>
        <translation>Das Schema &apos;%1&apos; hat Version %2, älter als diese Version von Knowledge Explorer braucht (%3) — bitten Sie die Administration, `knowledgectl migrate` auszuführen.</translation>
    </message>
    <message>
        <location filename="../core/client/connectioncheck.cpp" line="140"/>
        <source>The schema &apos;%1&apos; is at version %2, newer than this version of Knowledge Explorer knows (%3) — upgrade Knowledge Explorer.</source>
        <translation>Das Schema &apos;%1&apos; hat Version %2, neuer als diese Version von Knowledge Explorer kennt (%3) — aktualisieren Sie Knowledge Explorer.</translation>
    </message>
    <message>
        <location filename="../core/client/connectioncheck.cpp" line="153"/>
        <source>ask an administrator to run `knowledgectl access grant %1 --tenant TENANT`</source>
        <translation>bitten Sie die Administration, `knowledgectl access grant %1 --tenant MANDANT` auszuführen</translation>
    </message>
    <message>
        <location filename="../core/client/connectioncheck.cpp" line="160"/>
        <location filename="../core/client/connectioncheck.cpp" line="177"/>
        <source>Signed in as %1, but this login holds no grant for any tenant — %2.</source>
        <translation>Angemeldet als %1, aber diese Anmeldung hat für keinen Mandanten eine Berechtigung — %2.</translation>
    </message>
    <message>
        <location filename="../core/client/connectioncheck.cpp" line="165"/>
        <source>Signed in as %1, but the schema &apos;%2&apos; is missing or out of date — ask the administrator to run `knowledgectl migrate`.</source>
        <translation>Angemeldet als %1, aber das Schema &apos;%2&apos; fehlt oder ist veraltet — bitten Sie die Administration, `knowledgectl migrate` auszuführen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/client/connectioncheck.cpp" line="200"/>
        <source>Signed in as %1 (%2): %n tenant(s) to choose from.</source>
        <translation>
            <numerusform>Angemeldet als %1 (%2): %n Mandant zur Auswahl.</numerusform>
            <numerusform>Angemeldet als %1 (%2): %n Mandanten zur Auswahl.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <location filename="../core/client/connectionprofiles.cpp" line="64"/>
        <source>the database is neither a libpq URI (postgresql://host/dbname), a conninfo (host=… dbname=…) nor a service name — check what you typed</source>
        <translation>die Datenbank ist weder eine libpq-URI (postgresql://host/dbname) noch ein Conninfo-Text (host=… dbname=…) noch ein Service-Name — prüfen Sie Ihre Eingabe</translation>
    </message>
    <message>
        <location filename="../core/client/connectionprofiles.cpp" line="67"/>
        <source>the database is neither a libpq URI (postgresql://host/dbname), a conninfo (host=… dbname=…) nor a service name: %1</source>
        <translation>die Datenbank ist weder eine libpq-URI (postgresql://host/dbname) noch ein Conninfo-Text (host=… dbname=…) noch ein Service-Name: %1</translation>
    </message>
    <message>
        <location filename="../core/client/connectionprofiles.cpp" line="130"/>
        <location filename="../core/client/connectionprofiles.cpp" line="140"/>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <location filename="../core/client/connectionprofiles.cpp" line="139"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
</context>
<context>
    <name>ConnectionProfiles</name>
    <message>
        <location filename="../core/client/connectionprofiles.cpp" line="221"/>
        <source>a saved connection needs a name (for example staging or production)</source>
        <translation>eine gespeicherte Verbindung braucht einen Namen (zum Beispiel staging oder production)</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../core/storage/database.cpp" line="67"/>
        <source>%1: cannot reach the database: %2 — start it with `scripts/postgres start` or set KNOWLEDGE_DATABASE_URL</source>
        <translation>%1: Datenbank nicht erreichbar: %2 — starten Sie sie mit `scripts/postgres start` oder setzen Sie KNOWLEDGE_DATABASE_URL</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="76"/>
        <source>%1: the database schema is missing or out of date (%2) — run `knowledgectl migrate`</source>
        <translation>%1: das Datenbankschema fehlt oder ist veraltet (%2) — führen Sie `knowledgectl migrate` aus</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="85"/>
        <source>%1: refused by the database: %2 — this login&apos;s access does not allow it (a reader writes nothing, a member only its own feedback, quirks and comments; jobs such as embed and build-training run as a service login; `knowledgectl access list` shows the grants)</source>
        <translation>%1: von der Datenbank abgelehnt: %2 — der Zugriff dieses Logins erlaubt es nicht (ein Leser schreibt nichts, ein Mitglied nur eigenes Feedback, eigene Besonderheiten und Kommentare; Aufgaben wie embed und build-training laufen als Dienst-Login; `knowledgectl access list` zeigt die Freigaben)</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="94"/>
        <source>%1: refused by the database: an event&apos;s created_at is more than 5 minutes ahead of the server&apos;s clock — check the writer&apos;s clock, or leave created_at out</source>
        <translation>%1: von der Datenbank abgelehnt: created_at eines Ereignisses liegt mehr als 5 Minuten vor der Uhr des Servers — prüfen Sie die Uhr des Schreibers, oder lassen Sie created_at weg</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="101"/>
        <source>%1: the database refused it: %2</source>
        <translation>%1: von der Datenbank abgelehnt: %2</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="102"/>
        <source>%1: the database refused it (SQLSTATE %2): %3</source>
        <translation>%1: von der Datenbank abgelehnt (SQLSTATE %2): %3</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="105"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="184"/>
        <source>%1 &apos;%2&apos; is not a plain name — use lower-case letters, digits and &apos;_&apos; (at most 63, not starting with a digit; a table may be schema-qualified as schema.table)</source>
        <translation>%1 &apos;%2&apos; ist kein einfacher Name — verwenden Sie Kleinbuchstaben, Ziffern und &apos;_&apos; (höchstens 63, nicht mit einer Ziffer beginnend; eine Tabelle darf als schema.tabelle qualifiziert sein)</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="201"/>
        <source>the database at %1 refused the login: %2 — check the login and its password, or ask an administrator for a login</source>
        <translation>die Datenbank unter %1 hat die Anmeldung abgelehnt: %2 — prüfen Sie Login und Passwort, oder bitten Sie einen Administrator um ein Login</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="205"/>
        <source>cannot reach the database at %1: %2 — start it with `scripts/postgres start`, or set KNOWLEDGE_DATABASE_URL / --database</source>
        <translation>Datenbank unter %1 nicht erreichbar: %2 — starten Sie sie mit `scripts/postgres start` oder setzen Sie KNOWLEDGE_DATABASE_URL / --database</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="218"/>
        <source>preparing the session</source>
        <translation>Vorbereiten der Sitzung</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="287"/>
        <location filename="../core/storage/database.cpp" line="327"/>
        <source>selecting tenant &apos;%1&apos;</source>
        <translation>Auswählen des Mandanten &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="299"/>
        <source>login %1 has no access to tenant %2 — ask an administrator to run `knowledgectl access grant %1 --tenant %2`</source>
        <translation>Login %1 hat keinen Zugriff auf Mandant %2 — bitten Sie einen Administrator, `knowledgectl access grant %1 --tenant %2` auszuführen</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="322"/>
        <source>unknown tenant &apos;%1&apos; — give a tenant UUID or slug that exists (`knowledgectl status` lists them; `knowledgectl tenant add SLUG` creates one)</source>
        <translation>unbekannter Mandant &apos;%1&apos; — geben Sie die UUID oder den Slug eines vorhandenen Mandanten an (`knowledgectl status` listet sie auf; `knowledgectl tenant add SLUG` legt einen an)</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="362"/>
        <source>reading the person of login %1</source>
        <translation>Person von Login %1 lesen</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="373"/>
        <source>login %1 writes as its own person in this tenant; --actor / KNOWLEDGE_ACTOR &apos;%2&apos; is for service logins and the schema owner — leave it out</source>
        <translation>Login %1 schreibt in diesem Mandanten als eigene Person; --actor / KNOWLEDGE_ACTOR &apos;%2&apos; ist Dienst-Logins und dem Schema-Eigentümer vorbehalten — lassen Sie es weg</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="39"/>
        <source>no tenant selected — set KNOWLEDGE_TENANT or --tenant</source>
        <translation>kein Mandant ausgewählt — setzen Sie KNOWLEDGE_TENANT oder --tenant</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="388"/>
        <source>reading the handle of person %1</source>
        <translation>beim Lesen des Kürzels der Person %1</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="405"/>
        <source>resolving person &apos;%1&apos;</source>
        <translation>Auflösen der Person &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="425"/>
        <source>unknown person &apos;%1&apos; in this tenant</source>
        <translation>unbekannte Person &apos;%1&apos; in diesem Mandanten</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="428"/>
        <source>&apos;%1&apos; is neither a UUID nor a valid handle (letters, digits, . _ @ -, at most 64)</source>
        <translation>&apos;%1&apos; ist weder eine UUID noch eine gültige Kennung (Buchstaben, Ziffern, . _ @ -, höchstens 64 Zeichen)</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="442"/>
        <source>&apos;%1&apos; is not a valid tenant slug: use lowercase letters, digits, &apos;-&apos; and &apos;_&apos;, starting with a letter or digit, at most 63</source>
        <translation>&apos;%1&apos; ist kein gültiger Mandanten-Slug: erlaubt sind Kleinbuchstaben, Ziffern, &apos;-&apos; und &apos;_&apos;, am Anfang ein Buchstabe oder eine Ziffer, höchstens 63 Zeichen</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="448"/>
        <source>creating tenant &apos;%1&apos;</source>
        <translation>Anlegen des Mandanten &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="501"/>
        <source>registering tenant %1</source>
        <translation>Registrieren des Mandanten %1</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="570"/>
        <source>listing the tenants of the events table</source>
        <translation>Auflisten der Mandanten der Ereignistabelle</translation>
    </message>
    <message>
        <location filename="../core/storage/database.cpp" line="592"/>
        <source>listing tenants</source>
        <translation>Auflisten der Mandanten</translation>
    </message>
</context>
<context>
    <name>DatabaseIdentity</name>
    <message>
        <location filename="../core/storage/serverinfo.cpp" line="41"/>
        <source>reading which database this is</source>
        <translation>Ermitteln, welche Datenbank dies ist</translation>
    </message>
</context>
<context>
    <name>DatasetDirectory</name>
    <message>
        <location filename="../core/knowledge/datasetdirectory.cpp" line="13"/>
        <source>unnamed dataset %1</source>
        <translation>unbenanntes Dataset %1</translation>
    </message>
    <message>
        <location filename="../core/knowledge/datasetdirectory.cpp" line="23"/>
        <source>no dataset given — name one by UUID or name, e.g. public.orders</source>
        <translation>kein Dataset angegeben — nennen Sie eines per UUID oder Name, z. B. public.orders</translation>
    </message>
    <message>
        <location filename="../core/knowledge/datasetdirectory.cpp" line="24"/>
        <source>looking up dataset &apos;%1&apos;</source>
        <translation>Suchen des Datasets &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/knowledge/datasetdirectory.cpp" line="34"/>
        <source>unknown dataset &apos;%1&apos; in this tenant — give a dataset UUID or its exact name (`knowledgectl datasets` lists them); datasets named by new investigations appear after `knowledgectl aggregate`</source>
        <translation>unbekanntes Dataset &apos;%1&apos; in diesem Mandanten — geben Sie die UUID oder den genauen Namen eines Datasets an (`knowledgectl datasets` listet sie auf); Datasets, die neue Untersuchungen nennen, erscheinen nach `knowledgectl aggregate`</translation>
    </message>
    <message>
        <location filename="../core/knowledge/datasetdirectory.cpp" line="45"/>
        <location filename="../core/knowledge/datasetdirectory.cpp" line="66"/>
        <source>listing datasets</source>
        <translation>Auflisten der Datasets</translation>
    </message>
</context>
<context>
    <name>DatasetStructureReader</name>
    <message>
        <location filename="../core/knowledge/datasetstructure.cpp" line="394"/>
        <source>reading the schema and lineage of dataset &apos;%1&apos;</source>
        <translation>Lesen von Schema und Herkunft des Datensatzes „%1“</translation>
    </message>
</context>
<context>
    <name>DemoSeeder</name>
    <message>
        <location filename="../demo/demoseeder.cpp" line="804"/>
        <source>checking whether tenant &apos;%1&apos; holds demo data</source>
        <translation>prüfen, ob Mandant &apos;%1&apos; Demodaten enthält</translation>
    </message>
    <message>
        <location filename="../demo/demoseeder.cpp" line="821"/>
        <source>tenant &apos;%1&apos; already holds events that demo-seed did not write — it looks like real data, and the event log is append-only, so nothing was written; seed a database of its own (scripts/postgres start gives a private one), or pass --force if this really is a demo database</source>
        <translation>Mandant &apos;%1&apos; enthält bereits Ereignisse, die demo-seed nicht geschrieben hat — das sieht nach echten Daten aus, und das Ereignisprotokoll lässt sich nur ergänzen, daher wurde nichts geschrieben; erzeugen Sie die Demodaten in einer eigenen Datenbank (scripts/postgres start richtet eine private ein) oder geben Sie --force an, wenn dies wirklich eine Demodatenbank ist</translation>
    </message>
    <message>
        <location filename="../demo/demoseeder.cpp" line="838"/>
        <source>writing the people and datasets of tenant &apos;%1&apos;</source>
        <translation>Schreiben der Personen und Datasets des Mandanten &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>EventLog</name>
    <message>
        <location filename="../core/events/eventlog.cpp" line="149"/>
        <source>inspecting the events table %1</source>
        <translation>Prüfen der Ereignistabelle %1</translation>
    </message>
    <message>
        <location filename="../core/events/eventlog.cpp" line="179"/>
        <source>%1: the event belongs to tenant %2 but this session is tenant %3 — connect with --tenant %2 to write it</source>
        <translation>%1: das Ereignis gehört zu Mandant %2, diese Sitzung aber zu Mandant %3 — verbinden Sie sich mit --tenant %2, um es zu schreiben</translation>
    </message>
    <message>
        <location filename="../core/events/eventlog.cpp" line="209"/>
        <source>writing a %1 event</source>
        <translation>Schreiben eines %1-Ereignisses</translation>
    </message>
    <message>
        <location filename="../core/events/eventlog.cpp" line="294"/>
        <source>event %1: %2</source>
        <translation>Ereignis %1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/events/eventlog.cpp" line="327"/>
        <source>%n event(s) refused, nothing was written:</source>
        <translation>
            <numerusform>%n Ereignis abgelehnt, nichts wurde geschrieben:</numerusform>
            <numerusform>%n Ereignisse abgelehnt, nichts wurde geschrieben:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/events/eventlog.cpp" line="260"/>
        <source>writing %n event(s)</source>
        <translation>
            <numerusform>Schreiben von %n Ereignis</numerusform>
            <numerusform>Schreiben von %n Ereignissen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/events/eventlog.cpp" line="381"/>
        <source>reading investigation %1</source>
        <translation>Lesen der Untersuchung %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/events/eventlog.cpp" line="403"/>
        <source>reading %n investigation(s)</source>
        <translation>
            <numerusform>Lesen von %n Untersuchung</numerusform>
            <numerusform>Lesen von %n Untersuchungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/events/eventlog.cpp" line="431"/>
        <source>reading event %1</source>
        <translation>Lesen des Ereignisses %1</translation>
    </message>
    <message>
        <location filename="../core/events/eventlog.cpp" line="448"/>
        <source>counting events</source>
        <translation>Zählen der Ereignisse</translation>
    </message>
    <message>
        <location filename="../core/events/eventlog.cpp" line="463"/>
        <source>counting events per tenant</source>
        <translation>Zählen der Ereignisse pro Mandant</translation>
    </message>
</context>
<context>
    <name>EventValidator</name>
    <message>
        <location filename="../core/events/event.cpp" line="44"/>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="46"/>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="50"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="151"/>
        <source>%1: %2 is %3 bytes, at most %4 bytes (64 KiB) allowed</source>
        <translation>%1: %2 ist %3 Bytes groß, erlaubt sind höchstens %4 Bytes (64 KiB)</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="169"/>
        <source>%1: %2 must be a string, got %3</source>
        <translation>%1: %2 muss eine Zeichenkette sein, erhalten: %3</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="178"/>
        <source>%1: %2 must be a string or an array of strings, got %3 at index %4</source>
        <translation>%1: %2 muss eine Zeichenkette oder ein Array von Zeichenketten sein, erhalten: %3 an Index %4</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="187"/>
        <source>%1: %2 must be a string or an array of strings, got %3</source>
        <translation>%1: %2 muss eine Zeichenkette oder ein Array von Zeichenketten sein, erhalten: %3</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="191"/>
        <source>%1: %2 must be a non-empty string, got %3</source>
        <translation>%1: %2 muss eine nicht leere Zeichenkette sein, erhalten: %3</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="197"/>
        <source>%1: %2 must be a UUID, got %3</source>
        <translation>%1: %2 muss eine UUID sein, erhalten: %3</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="201"/>
        <source>%1: %2 must be a dataset UUID or a dataset name such as public.orders, got %3</source>
        <translation>%1: %2 muss eine Dataset-UUID oder ein Dataset-Name wie public.orders sein, erhalten: %3</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="208"/>
        <source>%1: %2 must be a number between 0 and 1, got %3</source>
        <translation>%1: %2 muss eine Zahl zwischen 0 und 1 sein, erhalten: %3</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="216"/>
        <source>%1: %2 must be 1 or -1, got %3</source>
        <translation>%1: %2 muss 1 oder -1 sein, erhalten: %3</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="222"/>
        <source>%1: %2 must be true or false, got %3</source>
        <translation>%1: %2 muss true oder false sein, erhalten: %3</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="227"/>
        <source>%1: %2 must be a non-negative number, got %3</source>
        <translation>%1: %2 muss eine nicht negative Zahl sein, erhalten: %3</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="233"/>
        <source>%1: %2 must be an array of strings, got %3</source>
        <translation>%1: %2 muss ein Array von Zeichenketten sein, erhalten: %3</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="238"/>
        <source>%1: %2 must be an array of strings, got %3 at index %4</source>
        <translation>%1: %2 muss ein Array von Zeichenketten sein, erhalten: %3 an Index %4</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="250"/>
        <source>%1: %2 must be a JSON object, got %3</source>
        <translation>%1: %2 muss ein JSON-Objekt sein, erhalten: %3</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="280"/>
        <source>%1 must be a UUID, got %2</source>
        <translation>%1 muss eine UUID sein, erhalten: %2</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="328"/>
        <source>event_type must be a string, got %1</source>
        <translation>event_type muss eine Zeichenkette sein, erhalten: %1</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="335"/>
        <source>event_data must be a JSON object, got %1</source>
        <translation>event_data muss ein JSON-Objekt sein, erhalten: %1</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="341"/>
        <source>actor_type must be &apos;user&apos; or &apos;system&apos;, got %1</source>
        <translation>actor_type muss &apos;user&apos; oder &apos;system&apos; sein, erhalten: %1</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="351"/>
        <source>created_at must be an ISO 8601 timestamp such as 2024-05-01T12:00:00Z, got %1</source>
        <translation>created_at muss ein ISO-8601-Zeitstempel wie 2024-05-01T12:00:00Z sein, erhalten: %1</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="450"/>
        <source>event: event_type is required</source>
        <translation>Ereignis: event_type ist erforderlich</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="453"/>
        <source>event: event_type must be at most 100 characters, got %1</source>
        <translation>Ereignis: event_type darf höchstens 100 Zeichen lang sein, erhalten: %1</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="455"/>
        <source>event: event_type must not contain NUL characters</source>
        <translation>Ereignis: event_type darf keine NUL-Zeichen enthalten</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="457"/>
        <source>%1: id is required (a UUID)</source>
        <translation>%1: id ist erforderlich (eine UUID)</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="459"/>
        <source>%1: tenant_id is required (a UUID)</source>
        <translation>%1: tenant_id ist erforderlich (eine UUID)</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="461"/>
        <source>%1: investigation_id is required (a UUID)</source>
        <translation>%1: investigation_id ist erforderlich (eine UUID)</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="464"/>
        <source>%1: actor_type must be &apos;user&apos; or &apos;system&apos;, got &quot;%2&quot;</source>
        <translation>%1: actor_type muss &apos;user&apos; oder &apos;system&apos; sein, erhalten: &quot;%2&quot;</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="471"/>
        <source>%1: created_at %2 is more than 5 minutes in the future — check the writer&apos;s clock, or leave created_at out to use the time of writing</source>
        <translation>%1: created_at %2 liegt mehr als 5 Minuten in der Zukunft — prüfen Sie die Uhr des Schreibers, oder lassen Sie created_at weg, um die Schreibzeit zu verwenden</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="490"/>
        <source>%1: unknown event type — the product emits only the known types (%2); allow unknown types to store another writer&apos;s events</source>
        <translation>%1: unbekannter Ereignistyp — das Produkt erzeugt nur die bekannten Typen (%2); lassen Sie unbekannte Typen zu, um Ereignisse eines anderen Schreibers zu speichern</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="499"/>
        <source>%1: event_data must not contain NUL characters (\u0000) — PostgreSQL cannot store them</source>
        <translation>%1: event_data darf keine NUL-Zeichen (\u0000) enthalten — PostgreSQL kann sie nicht speichern</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="503"/>
        <source>%1: event_data is %2 bytes serialized, at most %3 bytes (1 MiB) allowed</source>
        <translation>%1: event_data ist serialisiert %2 Bytes groß, erlaubt sind höchstens %3 Bytes (1 MiB)</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="513"/>
        <source>%1: %2 is required</source>
        <translation>%1: %2 ist erforderlich</translation>
    </message>
</context>
<context>
    <name>FeedbackRecorder</name>
    <message>
        <location filename="../core/knowledge/feedbackrecorder.cpp" line="19"/>
        <source>unknown target type &apos;%1&apos; — use one of: %2</source>
        <translation>unbekannter Zieltyp &apos;%1&apos; — verwenden Sie einen von: %2</translation>
    </message>
    <message>
        <location filename="../core/knowledge/feedbackrecorder.cpp" line="24"/>
        <source>rating must be 1 (thumbs up) or -1 (thumbs down), got %1</source>
        <translation>die Bewertung muss 1 (Daumen hoch) oder -1 (Daumen runter) sein, erhalten: %1</translation>
    </message>
    <message>
        <location filename="../core/knowledge/feedbackrecorder.cpp" line="27"/>
        <location filename="../core/knowledge/feedbackrecorder.cpp" line="63"/>
        <source>no investigation given — pass the investigation&apos;s UUID</source>
        <translation>keine Untersuchung angegeben — übergeben Sie die UUID der Untersuchung</translation>
    </message>
    <message>
        <location filename="../core/knowledge/feedbackrecorder.cpp" line="35"/>
        <source>no target given — pass the UUID of the %1 you rate</source>
        <translation>kein Ziel angegeben — übergeben Sie die UUID des bewerteten Elements (%1)</translation>
    </message>
    <message>
        <location filename="../core/knowledge/feedbackrecorder.cpp" line="112"/>
        <source>checking the rated steps</source>
        <translation>Prüfen der bewerteten Schritte</translation>
    </message>
    <message>
        <location filename="../core/knowledge/feedbackrecorder.cpp" line="133"/>
        <source>no %1 %2 in investigation %3 of this tenant — check both ids (`knowledgectl activity DATASET` lists investigations); nothing was recorded</source>
        <translation>%1 %2 gibt es in Untersuchung %3 dieses Mandanten nicht — prüfen Sie beide IDs (`knowledgectl activity DATASET` listet Untersuchungen auf); nichts wurde gespeichert</translation>
    </message>
    <message>
        <location filename="../core/knowledge/feedbackrecorder.cpp" line="60"/>
        <source>the comment is empty — write something to add</source>
        <translation>der Kommentar ist leer — schreiben Sie etwas, das hinzugefügt werden soll</translation>
    </message>
</context>
<context>
    <name>FindingTypes</name>
    <message>
        <location filename="../core/events/catalogue.cpp" line="84"/>
        <source>root cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="85"/>
        <source>observation</source>
        <translation>Beobachtung</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="86"/>
        <source>recommendation</source>
        <translation>Empfehlung</translation>
    </message>
</context>
<context>
    <name>HttpEmbedder</name>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="312"/>
        <source>no embeddings API configured — set KNOWLEDGE_EMBEDDINGS_URL and KNOWLEDGE_EMBEDDINGS_MODEL (and KNOWLEDGE_EMBEDDINGS_API_KEY if it needs one)</source>
        <translation>keine Embeddings-API konfiguriert — setzen Sie KNOWLEDGE_EMBEDDINGS_URL und KNOWLEDGE_EMBEDDINGS_MODEL (und KNOWLEDGE_EMBEDDINGS_API_KEY, falls sie einen Schlüssel braucht)</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="318"/>
        <source>KNOWLEDGE_EMBEDDINGS_URL &apos;%1&apos; is not a URL such as https://api.example.com</source>
        <translation>KNOWLEDGE_EMBEDDINGS_URL &apos;%1&apos; ist keine URL wie https://api.example.com</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="340"/>
        <source>the embeddings API URL %1 is neither https:// nor http:// — set KNOWLEDGE_EMBEDDINGS_URL to e.g. https://api.example.com</source>
        <translation>die URL der Embeddings-API %1 ist weder https:// noch http:// — setzen Sie KNOWLEDGE_EMBEDDINGS_URL z. B. auf https://api.example.com</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="346"/>
        <source>refusing to send KNOWLEDGE_EMBEDDINGS_API_KEY over plain http:// to %1, where anyone on the way can read it — use https://%2, or a loopback address (http://127.0.0.1, http://localhost) for a server on this machine, or unset the key if the server needs none</source>
        <translation>KNOWLEDGE_EMBEDDINGS_API_KEY wird nicht über unverschlüsseltes http:// an %1 gesendet, wo jeder auf dem Weg ihn lesen kann — verwenden Sie https://%2, eine Loopback-Adresse (http://127.0.0.1, http://localhost) für einen Server auf diesem Rechner, oder entfernen Sie den Schlüssel, wenn der Server keinen braucht</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="171"/>
        <source>the embeddings API at %1 sent more than %2 MiB for %3 text(s) — that is not an embeddings answer; check KNOWLEDGE_EMBEDDINGS_URL</source>
        <translation>die Embeddings-API unter %1 hat mehr als %2 MiB für %3 Text(e) gesendet — das ist keine Embeddings-Antwort; prüfen Sie KNOWLEDGE_EMBEDDINGS_URL</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="180"/>
        <source>the embeddings API at %1 did not answer within the %2 s allowed for one request (%3 attempts) — check that it is up</source>
        <translation>die Embeddings-API unter %1 hat nicht innerhalb der %2 s geantwortet, die eine Anfrage dauern darf (%3 Versuche) — prüfen Sie, ob sie läuft</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="186"/>
        <source>the embeddings API at %1 did not answer within %2 s (%3 attempts) — check that it is up, or raise the timeout</source>
        <translation>die Embeddings-API unter %1 hat nicht innerhalb von %2 s geantwortet (%3 Versuche) — prüfen Sie, ob sie läuft, oder erhöhen Sie das Timeout</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="195"/>
        <source>the embeddings API at %1 redirected to %2, another host or scheme: not followed, so the key stays with %3 — set KNOWLEDGE_EMBEDDINGS_URL to the address that answers</source>
        <translation>die Embeddings-API unter %1 hat auf %2 umgeleitet, einen anderen Host oder ein anderes Schema: nicht gefolgt, damit der Schlüssel bei %3 bleibt — setzen Sie KNOWLEDGE_EMBEDDINGS_URL auf die Adresse, die antwortet</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="203"/>
        <source>cannot reach the embeddings API at %1: %2 — check KNOWLEDGE_EMBEDDINGS_URL and the network</source>
        <translation>Embeddings-API unter %1 nicht erreichbar: %2 — prüfen Sie KNOWLEDGE_EMBEDDINGS_URL und das Netzwerk</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="209"/>
        <source>the embeddings API refused the key (HTTP %1: %2) — check KNOWLEDGE_EMBEDDINGS_API_KEY</source>
        <translation>die Embeddings-API hat den Schlüssel abgelehnt (HTTP %1: %2) — prüfen Sie KNOWLEDGE_EMBEDDINGS_API_KEY</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="216"/>
        <source>the embeddings API at %1 kept answering 429 Too Many Requests after %2 attempts — try again later or lower the request rate</source>
        <translation>die Embeddings-API unter %1 antwortete auch nach %2 Versuchen mit 429 Too Many Requests — versuchen Sie es später erneut oder senken Sie die Anfragerate</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="224"/>
        <source>the embeddings API at %1 failed with HTTP %2 after %3 attempts: %4 — try again later</source>
        <translation>die Embeddings-API unter %1 ist nach %3 Versuchen mit HTTP %2 fehlgeschlagen: %4 — versuchen Sie es später erneut</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="233"/>
        <source>the embeddings API at %1 answered HTTP %2: %3 — check the URL and KNOWLEDGE_EMBEDDINGS_MODEL &apos;%4&apos;</source>
        <translation>die Embeddings-API unter %1 antwortete mit HTTP %2: %3 — prüfen Sie die URL und KNOWLEDGE_EMBEDDINGS_MODEL &apos;%4&apos;</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="253"/>
        <source>the embeddings API at %1 answered something that is not an OpenAI-compatible embeddings response (%2) — check the URL</source>
        <translation>die Embeddings-API unter %1 lieferte keine OpenAI-kompatible Embeddings-Antwort (%2) — prüfen Sie die URL</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="261"/>
        <source>%1 embeddings for %2 inputs</source>
        <translation>%1 Embeddings für %2 Eingaben</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="269"/>
        <source>a missing, repeated or empty embedding at index %1</source>
        <translation>ein fehlendes, doppeltes oder leeres Embedding an Index %1</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="274"/>
        <source>a value that is not a number</source>
        <translation>ein Wert, der keine Zahl ist</translation>
    </message>
    <message>
        <location filename="../core/embedding/httpembedder.cpp" line="283"/>
        <source>the embeddings API answered vectors of %1 numbers where %2 were expected (model &apos;%3&apos;) — the model behind the URL changed?</source>
        <translation>die Embeddings-API lieferte Vektoren mit %1 Zahlen, erwartet wurden %2 (Modell &apos;%3&apos;) — hat sich das Modell hinter der URL geändert?</translation>
    </message>
</context>
<context>
    <name>HttpService</name>
    <message>
        <location filename="../core/service/httpfeedback.cpp" line="146"/>
        <location filename="../core/service/httpservice.cpp" line="123"/>
        <source>the database cannot be reached: %1</source>
        <translation>die Datenbank ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <location filename="../core/service/httpservice.cpp" line="134"/>
        <source>internal error: %1</source>
        <translation>interner Fehler: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/service/httpfeedback.cpp" line="177"/>
        <location filename="../core/service/httpservice.cpp" line="149"/>
        <source>this key may make %n request(s) a minute — wait, or ask for a higher rate</source>
        <translation>
            <numerusform>dieser Schlüssel darf %n Anfrage pro Minute stellen — warten oder eine höhere Rate erbitten</numerusform>
            <numerusform>dieser Schlüssel darf %n Anfragen pro Minute stellen — warten oder eine höhere Rate erbitten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/service/httpservice.cpp" line="161"/>
        <source>no API key — send &apos;Authorization: Bearer &lt;key&gt;&apos; (`knowledgectl api-key create` makes one)</source>
        <translation>kein API-Schlüssel — &apos;Authorization: Bearer &lt;Schlüssel&gt;&apos; senden (`knowledgectl api-key create` erzeugt einen)</translation>
    </message>
    <message>
        <location filename="../core/service/httpservice.cpp" line="165"/>
        <source>the Authorization header must be &apos;Bearer &lt;key&gt;&apos;</source>
        <translation>der Authorization-Header muss &apos;Bearer &lt;Schlüssel&gt;&apos; lauten</translation>
    </message>
    <message>
        <location filename="../core/service/httpservice.cpp" line="196"/>
        <source>limit must be a number from 1 to 500, not &apos;%1&apos;</source>
        <translation>limit muss eine Zahl von 1 bis 500 sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/service/httpservice.cpp" line="218"/>
        <source>q is missing — GET /search?q=words</source>
        <translation>q fehlt — GET /search?q=Wörter</translation>
    </message>
    <message>
        <location filename="../core/service/httpservice.cpp" line="224"/>
        <source>limit must be a number from 1 to 1000, not &apos;%1&apos;</source>
        <translation>limit muss eine Zahl von 1 bis 1000 sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/service/httpfeedback.cpp" line="27"/>
        <source>POST /feedback takes application/json, not &apos;%1&apos;</source>
        <translation>POST /feedback nimmt application/json an, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/service/httpfeedback.cpp" line="34"/>
        <source>the body is not JSON (%1 at offset %2)</source>
        <translation>der Inhalt ist kein JSON (%1 an Position %2)</translation>
    </message>
    <message>
        <location filename="../core/service/httpfeedback.cpp" line="38"/>
        <source>the body must be a JSON object</source>
        <translation>der Inhalt muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <location filename="../core/service/httpfeedback.cpp" line="45"/>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <location filename="../core/service/httpfeedback.cpp" line="50"/>
        <source>%1 must be a string</source>
        <translation>%1 muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <location filename="../core/service/httpfeedback.cpp" line="64"/>
        <source>%1 must be a UUID, not &apos;%2&apos;</source>
        <translation>%1 muss eine UUID sein, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../core/service/httpfeedback.cpp" line="74"/>
        <source>target_type must be one of %1, not &apos;%2&apos;</source>
        <translation>target_type muss eines von %1 sein, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../core/service/httpfeedback.cpp" line="84"/>
        <source>rating must be 1 (thumbs up) or -1 (thumbs down)</source>
        <translation>rating muss 1 (Daumen hoch) oder -1 (Daumen runter) sein</translation>
    </message>
    <message>
        <location filename="../core/service/httpservice.cpp" line="302"/>
        <source>the database cannot be reached</source>
        <translation>die Datenbank ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../core/service/httpservice.cpp" line="368"/>
        <source>no such resource: %1 — the API has GET /datasets/{id}/knowledge, /datasets/{id}/activity, /search, /health, /metrics and POST /feedback</source>
        <translation>keine solche Ressource: %1 — die API hat GET /datasets/{id}/knowledge, /datasets/{id}/activity, /search, /health, /metrics und POST /feedback</translation>
    </message>
    <message>
        <location filename="../core/service/httpservice.cpp" line="375"/>
        <source>%1 takes %2, not %3</source>
        <translation>%1 nimmt %2 an, nicht %3</translation>
    </message>
    <message>
        <location filename="../core/service/httpservice.cpp" line="466"/>
        <source>the body is larger than %1 bytes</source>
        <translation>der Inhalt ist größer als %1 Bytes</translation>
    </message>
    <message>
        <location filename="../core/service/httpservice.cpp" line="470"/>
        <source>the request could not be read (HTTP %1)</source>
        <translation>die Anfrage ließ sich nicht lesen (HTTP %1)</translation>
    </message>
    <message>
        <location filename="../core/service/httpservice.cpp" line="487"/>
        <source>cannot listen on %1:%2 — is the port taken, or the address not this machine&apos;s?</source>
        <translation>kann nicht auf %1:%2 lauschen — ist der Port belegt oder die Adresse nicht die dieses Rechners?</translation>
    </message>
</context>
<context>
    <name>InvestigationDirectory</name>
    <message>
        <location filename="../core/knowledge/investigationdirectory.cpp" line="71"/>
        <location filename="../core/search/offlinesnapshot.cpp" line="335"/>
        <source>the limit must be between 1 and 5000, got %1</source>
        <translation>das Limit muss zwischen 1 und 5000 liegen, angegeben: %1</translation>
    </message>
    <message>
        <location filename="../core/knowledge/investigationdirectory.cpp" line="76"/>
        <source>reading the investigations of dataset &apos;%1&apos;</source>
        <translation>Lesen der Untersuchungen des Datasets &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>KnowledgeAggregator</name>
    <message>
        <location filename="../core/knowledge/knowledgeaggregator.cpp" line="550"/>
        <source>aggregating dataset knowledge</source>
        <translation>Aggregieren des Dataset-Wissens</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgeaggregator.cpp" line="579"/>
        <source>the dataset catalog &apos;%1&apos; (KNOWLEDGE_DATASETS_TABLE / --datasets-table) does not exist or cannot be read — name an existing table such as public.datasets, or unset it</source>
        <translation>der Dataset-Katalog &apos;%1&apos; (KNOWLEDGE_DATASETS_TABLE / --datasets-table) existiert nicht oder ist nicht lesbar — nennen Sie eine vorhandene Tabelle wie public.datasets oder entfernen Sie die Einstellung</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgeaggregator.cpp" line="587"/>
        <source>the dataset catalog &apos;%1&apos; needs the columns id, tenant_id and %2 — name the column holding dataset names with KNOWLEDGE_DATASETS_NAME_COLUMN / --datasets-name-column</source>
        <translation>der Dataset-Katalog &apos;%1&apos; braucht die Spalten id, tenant_id und %2 — nennen Sie die Spalte mit den Dataset-Namen mit KNOWLEDGE_DATASETS_NAME_COLUMN / --datasets-name-column</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgeaggregator.cpp" line="681"/>
        <source>reading the history of quirk &apos;%1&apos;</source>
        <translation>Lesen der Historie der Besonderheit &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>KnowledgeCharts</name>
    <message>
        <location filename="../ui/knowledgecharts.cpp" line="103"/>
        <location filename="../ui/knowledgecharts.cpp" line="146"/>
        <source>Investigations</source>
        <translation>Untersuchungen</translation>
    </message>
    <message>
        <location filename="../ui/knowledgecharts.cpp" line="118"/>
        <source>👍 helpful</source>
        <translation>👍 hilfreich</translation>
    </message>
    <message>
        <location filename="../ui/knowledgecharts.cpp" line="119"/>
        <source>👎 not helpful</source>
        <translation>👎 nicht hilfreich</translation>
    </message>
    <message>
        <location filename="../ui/knowledgecharts.cpp" line="142"/>
        <source>No issues recorded yet</source>
        <translation>Noch keine Probleme erfasst</translation>
    </message>
</context>
<context>
    <name>KnowledgeStore</name>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="75"/>
        <source>Investigation started: %1 on %2</source>
        <translation>Untersuchung gestartet: %1 bei %2</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="77"/>
        <source>Investigation started: %1</source>
        <translation>Untersuchung gestartet: %1</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="78"/>
        <source>Investigation started</source>
        <translation>Untersuchung gestartet</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="82"/>
        <source>Investigation completed</source>
        <translation>Untersuchung abgeschlossen</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="83"/>
        <source>Investigation completed: %1</source>
        <translation>Untersuchung abgeschlossen: %1</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="87"/>
        <source>Investigation failed</source>
        <translation>Untersuchung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="88"/>
        <source>Investigation failed: %1</source>
        <translation>Untersuchung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="91"/>
        <source>Comment: %1</source>
        <translation>Kommentar: %1</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="93"/>
        <source>Quirk added: %1</source>
        <translation>Besonderheit hinzugefügt: %1</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="95"/>
        <source>Quirk edited: %1</source>
        <translation>Besonderheit bearbeitet: %1</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="98"/>
        <source>Quirk retired</source>
        <translation>Besonderheit zurückgezogen</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="99"/>
        <source>Quirk retired: %1</source>
        <translation>Besonderheit zurückgezogen: %1</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="102"/>
        <source>Quirk confirmed</source>
        <translation>Besonderheit bestätigt</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="107"/>
        <source>Rated the %1 up</source>
        <translation>Positiv bewertet: %1</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="108"/>
        <source>Rated the %1 down</source>
        <translation>Negativ bewertet: %1</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="338"/>
        <source>reading the knowledge of dataset &apos;%1&apos;</source>
        <translation>Lesen des Wissens zu Dataset &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="433"/>
        <location filename="../core/search/offlinesnapshot.cpp" line="281"/>
        <source>the limit must be between 1 and 1000, got %1</source>
        <translation>das Limit muss zwischen 1 und 1000 liegen, erhalten: %1</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="442"/>
        <location filename="../core/search/offlinesnapshot.cpp" line="287"/>
        <source>&apos;%1&apos; is not an activity cursor — pass the cursor printed with the last item of the previous page</source>
        <translation>&apos;%1&apos; ist kein Aktivitäts-Cursor — übergeben Sie den Cursor, der beim letzten Eintrag der vorigen Seite ausgegeben wurde</translation>
    </message>
    <message>
        <location filename="../core/knowledge/knowledgestore.cpp" line="452"/>
        <source>reading the activity of dataset &apos;%1&apos;</source>
        <translation>Lesen der Aktivität von Dataset &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>LsaEmbedder</name>
    <message>
        <location filename="../core/embedding/lsaembedder.cpp" line="106"/>
        <source>cannot learn a search model from an empty corpus — add documents first</source>
        <translation>aus einem leeren Korpus lässt sich kein Suchmodell lernen — fügen Sie zuerst Dokumente hinzu</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/embedding/lsaembedder.cpp" line="159"/>
        <source>cannot learn a search model: the %n document(s) contain no words</source>
        <translation>
            <numerusform>Suchmodell kann nicht gelernt werden: %n Dokument, das keine Wörter enthält</numerusform>
            <numerusform>Suchmodell kann nicht gelernt werden: keines der %n Dokumente enthält Wörter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/embedding/lsaembedder.cpp" line="233"/>
        <source>cannot learn a search model: the decomposition of the %n document(s) did not converge</source>
        <translation>
            <numerusform>Suchmodell kann nicht gelernt werden: die Zerlegung von %n Dokument ist nicht konvergiert</numerusform>
            <numerusform>Suchmodell kann nicht gelernt werden: die Zerlegung der %n Dokumente ist nicht konvergiert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/embedding/lsaembedder.cpp" line="315"/>
        <location filename="../core/embedding/lsaembedder.cpp" line="329"/>
        <source>cannot write the search model %1: %2</source>
        <translation>Suchmodell %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../core/embedding/lsaembedder.cpp" line="337"/>
        <source>the search model %1 is unusable (%2) — it will be relearned from the cache</source>
        <translation>das Suchmodell %1 ist unbrauchbar (%2) — es wird aus dem Cache neu gelernt</translation>
    </message>
    <message>
        <location filename="../core/embedding/lsaembedder.cpp" line="344"/>
        <source>cannot read the search model %1: %2</source>
        <translation>Suchmodell %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../core/embedding/lsaembedder.cpp" line="352"/>
        <source>not a model file of this version</source>
        <translation>keine Modelldatei dieser Version</translation>
    </message>
    <message>
        <location filename="../core/embedding/lsaembedder.cpp" line="357"/>
        <source>bad header</source>
        <translation>fehlerhafter Header</translation>
    </message>
    <message>
        <location filename="../core/embedding/lsaembedder.cpp" line="371"/>
        <location filename="../core/embedding/lsaembedder.cpp" line="375"/>
        <source>truncated</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <location filename="../core/embedding/lsaembedder.cpp" line="379"/>
        <source>a term stands twice</source>
        <translation>ein Begriff steht doppelt darin</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <location filename="../core/storage/migrator.cpp" line="39"/>
        <source>reading the schema version</source>
        <translation>Lesen der Schemaversion</translation>
    </message>
    <message>
        <location filename="../core/storage/migrator.cpp" line="55"/>
        <source>migrating schema &apos;%1&apos;</source>
        <translation>Migrieren des Schemas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/storage/migrator.cpp" line="73"/>
        <source>the database schema &apos;%1&apos; is at version %2, newer than this build knows (%3) — upgrade Knowledge Explorer before using this database</source>
        <translation>das Datenbankschema &apos;%1&apos; hat Version %2 und ist neuer, als dieser Build kennt (%3) — aktualisieren Sie Knowledge Explorer, bevor Sie diese Datenbank verwenden</translation>
    </message>
    <message>
        <location filename="../core/storage/migrator.cpp" line="89"/>
        <source>migration %1 (%2) differs from the one applied to this database — migrations must never be edited once released; add a new one instead</source>
        <translation>Migration %1 (%2) weicht von der in dieser Datenbank angewendeten ab — veröffentlichte Migrationen dürfen nie geändert werden; legen Sie stattdessen eine neue an</translation>
    </message>
    <message>
        <location filename="../core/storage/migrator.cpp" line="115"/>
        <source>refusing to drop the schema &apos;%1&apos;: only throwaway schemas are dropped</source>
        <translation>das Schema &apos;%1&apos; wird nicht gelöscht: gelöscht werden nur Wegwerf-Schemas</translation>
    </message>
    <message>
        <location filename="../core/storage/migrator.cpp" line="116"/>
        <source>dropping the schema %1</source>
        <translation>Löschen des Schemas %1</translation>
    </message>
</context>
<context>
    <name>OfflineCache</name>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="236"/>
        <source>reading the searchable documents</source>
        <translation>Lesen der durchsuchbaren Dokumente</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="274"/>
        <source>reading the embedding model</source>
        <translation>Lesen des Embedding-Modells</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="296"/>
        <source>counting the searchable documents</source>
        <translation>Zählen der durchsuchbaren Dokumente</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="422"/>
        <source>no tenant given — set KNOWLEDGE_TENANT or pass --tenant</source>
        <translation>kein Mandant angegeben — setzen Sie KNOWLEDGE_TENANT oder übergeben Sie --tenant</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="441"/>
        <source>no tenant given for the offline cache</source>
        <translation>kein Mandant für den Offline-Cache angegeben</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="104"/>
        <location filename="../core/search/offlinecache.cpp" line="110"/>
        <source>cannot create the cache directory %1 — check its parent&apos;s permissions or set KNOWLEDGE_CACHE_DIR</source>
        <translation>Cache-Verzeichnis %1 kann nicht angelegt werden — prüfen Sie die Rechte des übergeordneten Verzeichnisses oder setzen Sie KNOWLEDGE_CACHE_DIR</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="72"/>
        <source>cannot write %1: %2 — check the cache directory&apos;s permissions</source>
        <translation>%1 kann nicht geschrieben werden: %2 — prüfen Sie die Berechtigungen des Cache-Verzeichnisses</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="78"/>
        <source>cannot write %1: %2 — check the cache directory&apos;s permissions and free space</source>
        <translation>%1 kann nicht geschrieben werden: %2 — prüfen Sie die Berechtigungen des Cache-Verzeichnisses und den freien Speicherplatz</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="136"/>
        <source>another process</source>
        <translation>ein anderer Prozess</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="137"/>
        <source>process %1 (%2) on %3</source>
        <translation>Prozess %1 (%2) auf %3</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="144"/>
        <source>%1: the offline cache lock %2 is held by %3 — try again when it is done (if that process hangs, end it; the lock of a process that is gone is taken over)</source>
        <translation>%1: die Sperre %2 des Offline-Caches hält %3 — versuchen Sie es erneut, wenn er fertig ist (hängt dieser Prozess, beenden Sie ihn; die Sperre eines beendeten Prozesses wird übernommen)</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="150"/>
        <source>%1: cannot create the lock file %2 — check the cache directory&apos;s permissions</source>
        <translation>%1: die Sperrdatei %2 kann nicht angelegt werden — prüfen Sie die Berechtigungen des Cache-Verzeichnisses</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="196"/>
        <source>the cache in %1 belongs to another tenant (%2) — remove the directory and sync again</source>
        <translation>der Cache in %1 gehört zu einem anderen Mandanten (%2) — entfernen Sie das Verzeichnis und synchronisieren Sie erneut</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="199"/>
        <source>none recorded</source>
        <translation>keiner vermerkt</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="219"/>
        <source> (the cache in %1 was made by an earlier version, which did not record the database it came from, so it is not used; you may remove it after the sync)</source>
        <translation> (der Cache in %1 stammt von einer früheren Version, die nicht vermerkte, aus welcher Datenbank er kam; er wird daher nicht verwendet und kann nach der Synchronisation gelöscht werden)</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="383"/>
        <source>remembering which database this connection reaches</source>
        <translation>Vermerken, welche Datenbank diese Verbindung erreicht</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="430"/>
        <source>no offline cache of this database knows the tenant &quot;%1&quot; — run `knowledgectl sync` while the database is reachable, or give the tenant&apos;s UUID</source>
        <translation>kein Offline-Cache dieser Datenbank kennt den Mandanten „%1“ — führen Sie `knowledgectl sync` aus, solange die Datenbank erreichbar ist, oder geben Sie die UUID des Mandanten an</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="166"/>
        <location filename="../core/search/offlinecache.cpp" line="453"/>
        <location filename="../core/search/offlinecache.cpp" line="454"/>
        <source>syncing</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="472"/>
        <source>there is no offline cache for %1 (schema %2) in %3 — run `knowledgectl sync` once while the database is reachable%4</source>
        <translation>für %1 (Schema %2) gibt es in %3 keinen Offline-Cache — führen Sie einmal `knowledgectl sync` aus, solange die Datenbank erreichbar ist%4</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="482"/>
        <source>there is no offline cache for tenant %1 of this database in %2 — run `knowledgectl sync` while the database is reachable</source>
        <translation>für den Mandanten %1 dieser Datenbank gibt es in %2 keinen Offline-Cache — führen Sie `knowledgectl sync` aus, solange die Datenbank erreichbar ist</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="502"/>
        <source>searching offline</source>
        <translation>Offline-Suche</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="605"/>
        <source>the connection is for tenant %1 but the cache for %2</source>
        <translation>die Verbindung gilt für Mandant %1, der Cache aber für %2</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="610"/>
        <source>this offline cache was opened for searching, not for syncing</source>
        <translation>dieser Offline-Cache wurde zum Suchen geöffnet, nicht zum Synchronisieren</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="616"/>
        <source>the connection reaches another database (%1, schema %2) than the one this cache belongs to — open the cache for that connection</source>
        <translation>die Verbindung erreicht eine andere Datenbank (%1, Schema %2) als die, zu der dieser Cache gehört — öffnen Sie den Cache für diese Verbindung</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="658"/>
        <source>cannot write the embedding model into %1: %2</source>
        <translation>Embedding-Modell kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="726"/>
        <source>sync cancelled after %1 of %2 changes — what was synced stays, the next sync goes on from there</source>
        <translation>Synchronisation nach %1 von %2 Änderungen abgebrochen — was bereits synchronisiert ist, bleibt; die nächste Synchronisation macht dort weiter</translation>
    </message>
    <message>
        <location filename="../core/search/offlinecache.cpp" line="780"/>
        <source>the offline cache knows no dataset named &apos;%1&apos; — check the name (`knowledgectl datasets` lists them), give its UUID, or run `knowledgectl sync` while the database is reachable</source>
        <translation>der Offline-Cache kennt keinen Datensatz namens &apos;%1&apos; — prüfen Sie den Namen (`knowledgectl datasets` listet sie auf), geben Sie seine UUID an oder führen Sie `knowledgectl sync` aus, solange die Datenbank erreichbar ist</translation>
    </message>
</context>
<context>
    <name>OfflineSearch</name>
    <message>
        <location filename="../core/search/offlinesearch.cpp" line="108"/>
        <source>searching the offline cache synced at %1</source>
        <translation>Suche im Offline-Cache, synchronisiert am %1</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesearch.cpp" line="110"/>
        <source>searching the offline cache (never completely synced)</source>
        <translation>Suche im Offline-Cache (nie vollständig synchronisiert)</translation>
    </message>
</context>
<context>
    <name>OfflineSnapshot</name>
    <message>
        <location filename="../core/search/offlinesnapshot.cpp" line="27"/>
        <source>%1 is not in the offline cache — run `knowledgectl sync` while the database is reachable (the cache keeps the traces of the tenant&apos;s last %2 days)</source>
        <translation>%1 ist nicht im Offline-Cache — führen Sie `knowledgectl sync` aus, solange die Datenbank erreichbar ist (der Cache hält die Verläufe der letzten %2 Tage des Mandanten)</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshot.cpp" line="90"/>
        <source>%1 failed in the offline cache %2: %3 — remove the file and sync again</source>
        <translation>%1 ist im Offline-Cache %2 fehlgeschlagen: %3 — löschen Sie die Datei und synchronisieren Sie erneut</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshot.cpp" line="133"/>
        <source>cannot open the offline cache %1: %2 — check the directory&apos;s permissions and free space</source>
        <translation>der Offline-Cache %1 lässt sich nicht öffnen: %2 — prüfen Sie die Rechte des Verzeichnisses und den freien Platz</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshot.cpp" line="192"/>
        <source>the offline cache in %1 holds only the search documents (it was synced by an earlier version) — run `knowledgectl sync` once while the database is reachable</source>
        <translation>der Offline-Cache in %1 enthält nur die Suchdokumente (er wurde von einer früheren Version synchronisiert) — führen Sie einmal `knowledgectl sync` aus, solange die Datenbank erreichbar ist</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshot.cpp" line="199"/>
        <source>the offline cache in %1 was never synced completely — run `knowledgectl sync` while the database is reachable</source>
        <translation>der Offline-Cache in %1 wurde nie vollständig synchronisiert — führen Sie `knowledgectl sync` aus, solange die Datenbank erreichbar ist</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshot.cpp" line="227"/>
        <source>looking up a dataset</source>
        <translation>Suchen eines Datasets</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshot.cpp" line="234"/>
        <source>the offline cache knows no dataset &apos;%1&apos; — check the name, give its UUID, or run `knowledgectl sync` while the database is reachable</source>
        <translation>der Offline-Cache kennt kein Dataset &apos;%1&apos; — prüfen Sie den Namen, geben Sie die UUID an oder führen Sie `knowledgectl sync` aus, solange die Datenbank erreichbar ist</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshot.cpp" line="245"/>
        <source>reading the datasets</source>
        <translation>Lesen der Datasets</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshot.cpp" line="268"/>
        <source>reading the knowledge</source>
        <translation>Lesen des Wissens</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshot.cpp" line="271"/>
        <source>the knowledge of dataset &apos;%1&apos;</source>
        <translation>das Wissen über das Dataset &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshot.cpp" line="299"/>
        <source>reading the activity</source>
        <translation>Lesen der Aktivität</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshot.cpp" line="302"/>
        <source>the activity of dataset &apos;%1&apos;</source>
        <translation>die Aktivität des Datasets &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshot.cpp" line="343"/>
        <source>reading the investigations</source>
        <translation>Lesen der Untersuchungen</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshot.cpp" line="357"/>
        <source>reading an investigation</source>
        <translation>Lesen einer Untersuchung</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshot.cpp" line="360"/>
        <source>investigation %1</source>
        <translation>Untersuchung %1</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshot.cpp" line="371"/>
        <source>reading a quirk&apos;s history</source>
        <translation>Lesen des Verlaufs einer Besonderheit</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshotsync.cpp" line="38"/>
        <source>counting the events to sync</source>
        <translation>Zählen der zu synchronisierenden Ereignisse</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshotsync.cpp" line="107"/>
        <location filename="../core/search/offlinesnapshotsync.cpp" line="186"/>
        <location filename="../core/search/offlinesnapshotsync.cpp" line="249"/>
        <location filename="../core/search/offlinesnapshotsync.cpp" line="286"/>
        <source>preparing the snapshot</source>
        <translation>Vorbereiten des Offline-Abzugs</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshotsync.cpp" line="125"/>
        <source>storing the datasets</source>
        <translation>Speichern der Datasets</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshotsync.cpp" line="139"/>
        <source>storing the knowledge</source>
        <translation>Speichern des Wissens</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshotsync.cpp" line="149"/>
        <source>storing the activity</source>
        <translation>Speichern der Aktivität</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshotsync.cpp" line="164"/>
        <source>storing the investigations</source>
        <translation>Speichern der Untersuchungen</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshotsync.cpp" line="222"/>
        <source>storing an investigation</source>
        <translation>Speichern einer Untersuchung</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshotsync.cpp" line="232"/>
        <source>dropping an investigation</source>
        <translation>Entfernen einer Untersuchung</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshotsync.cpp" line="267"/>
        <source>storing a quirk&apos;s history</source>
        <translation>Speichern des Verlaufs einer Besonderheit</translation>
    </message>
    <message>
        <location filename="../core/search/offlinesnapshotsync.cpp" line="300"/>
        <source>storing the time of the sync</source>
        <translation>Speichern der Zeit der Synchronisierung</translation>
    </message>
</context>
<context>
    <name>OnlineSearch</name>
    <message>
        <location filename="../core/search/onlinesearch.cpp" line="427"/>
        <source>the query has no words to search for — type a word or two</source>
        <translation>die Suchanfrage enthält keine Wörter — geben Sie ein oder zwei Wörter ein</translation>
    </message>
    <message>
        <location filename="../core/search/onlinesearch.cpp" line="430"/>
        <source>&apos;%1&apos; is not a dataset id (a UUID)</source>
        <translation>&apos;%1&apos; ist keine Dataset-ID (UUID)</translation>
    </message>
    <message>
        <location filename="../core/search/onlinesearch.cpp" line="460"/>
        <source>searching</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../core/search/onlinesearch.cpp" line="490"/>
        <location filename="../core/search/onlinesearch.cpp" line="495"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../core/search/onlinesearch.cpp" line="308"/>
        <location filename="../core/search/onlinesearch.cpp" line="388"/>
        <source>semantic search unavailable (%1) — lexical results only</source>
        <translation>semantische Suche nicht verfügbar (%1) — nur lexikalische Treffer</translation>
    </message>
    <message>
        <location filename="../core/search/onlinesearch.cpp" line="355"/>
        <source>pgvector index not usable (%1) — exact vector scan</source>
        <translation>pgvector-Index nicht nutzbar (%1) — exakte Vektorsuche</translation>
    </message>
    <message>
        <location filename="../core/search/onlinesearch.cpp" line="381"/>
        <source>no embedding model yet (run `knowledgectl embed`) — no semantic results</source>
        <translation>noch kein Embedding-Modell (führen Sie `knowledgectl embed` aus) — keine semantischen Ergebnisse</translation>
    </message>
    <message>
        <location filename="../core/search/onlinesearch.cpp" line="383"/>
        <source>semantic search unavailable (%1)</source>
        <translation>semantische Suche nicht verfügbar (%1)</translation>
    </message>
    <message>
        <location filename="../core/search/onlinesearch.cpp" line="386"/>
        <source>no embedding model yet (run `knowledgectl embed`) — lexical results only</source>
        <translation>noch kein Embedding-Modell (führen Sie `knowledgectl embed` aus) — nur lexikalische Treffer</translation>
    </message>
    <message>
        <location filename="../core/search/onlinesearch.cpp" line="508"/>
        <source>loading the search index</source>
        <translation>beim Laden des Suchindex</translation>
    </message>
    <message>
        <location filename="../core/search/onlinesearch.cpp" line="542"/>
        <source>reading the lexical statistics</source>
        <translation>beim Lesen der lexikalischen Statistik</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <location filename="../core/client/outbox.cpp" line="124"/>
        <source>outbox %1: %2: %3 — check the disk and the file&apos;s permissions</source>
        <translation>Postausgang %1: %2: %3 — prüfen Sie den Datenträger und die Zugriffsrechte der Datei</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="134"/>
        <source>outbox %1: %2: %3</source>
        <translation>Postausgang %1: %2: %3</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="173"/>
        <location filename="../core/client/outbox.cpp" line="181"/>
        <source>reading the entries</source>
        <translation>Lesen der Einträge</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="187"/>
        <location filename="../core/client/outbox.cpp" line="193"/>
        <location filename="../core/client/outbox.cpp" line="200"/>
        <source>marking entries delivered</source>
        <translation>Markieren der Einträge als zugestellt</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="221"/>
        <location filename="../core/client/outboxdelivery.cpp" line="181"/>
        <source>recording a refusal</source>
        <translation>Festhalten einer Ablehnung</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="240"/>
        <source>queueing a %1 event</source>
        <translation>Einreihen eines %1-Ereignisses</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="322"/>
        <source>cannot create the outbox %1: %2 — check the cache directory&apos;s permissions (KNOWLEDGE_CACHE_DIR)</source>
        <translation>der Postausgang %1 kann nicht angelegt werden: %2 — prüfen Sie die Zugriffsrechte des Cache-Verzeichnisses (KNOWLEDGE_CACHE_DIR)</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="331"/>
        <source>opening</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="335"/>
        <source>setting it up</source>
        <translation>Einrichten</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="338"/>
        <source>creating its tables</source>
        <translation>Anlegen seiner Tabellen</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="348"/>
        <source>upgrading its tables</source>
        <translation>Aktualisieren seiner Tabellen</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="370"/>
        <source>the database at %1 (schema %2) has not been reached from this machine yet, so nothing can be queued for it (who you are there is known only after one successful connection) — once online, run `knowledgectl outbox deliver` (or make any change) and it is remembered</source>
        <translation>die Datenbank unter %1 (Schema %2) wurde von diesem Rechner aus noch nie erreicht, daher kann nichts für sie eingereiht werden (wer Sie dort sind, ist erst nach einer erfolgreichen Verbindung bekannt) — führen Sie online einmal `knowledgectl outbox deliver` aus (oder nehmen Sie eine beliebige Änderung vor), dann wird es gespeichert</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="435"/>
        <location filename="../core/client/outbox.cpp" line="443"/>
        <location filename="../core/client/outbox.cpp" line="452"/>
        <location filename="../core/client/outbox.cpp" line="469"/>
        <source>remembering who writes</source>
        <translation>Speichern, wer schreibt</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="507"/>
        <source>no tenant given — set KNOWLEDGE_TENANT or pass --tenant</source>
        <translation>kein Mandant angegeben — setzen Sie KNOWLEDGE_TENANT oder geben Sie --tenant an</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="522"/>
        <source>reading who writes</source>
        <translation>Lesen, wer schreibt</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="526"/>
        <source>login %1 has not written to tenant %2%3 online from this machine yet, so who you are there is not known offline — once online, run `knowledgectl outbox deliver` (or make any change), then changes made offline can be queued</source>
        <translation>Login %1 hat von diesem Rechner aus noch nie online in Mandant %2%3 geschrieben, daher ist offline nicht bekannt, wer Sie dort sind — führen Sie online einmal `knowledgectl outbox deliver` aus (oder nehmen Sie eine beliebige Änderung vor), dann können offline gemachte Änderungen eingereiht werden</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="530"/>
        <source> as %1</source>
        <translation> als %1</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="541"/>
        <source>login %1 writes for others and was last online without a person: name the person with --actor (as when online) to queue a change</source>
        <translation>Login %1 schreibt für andere und war zuletzt ohne Person online: nennen Sie die Person mit --actor (wie online), um eine Änderung einzureihen</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="596"/>
        <source>&apos;%1&apos; is too short to name an outbox entry — give its id (or at least its first 8 characters; `knowledgectl outbox list` shows them)</source>
        <translation>„%1“ ist zu kurz, um einen Eintrag im Postausgang zu benennen — geben Sie seine ID an (oder mindestens ihre ersten 8 Zeichen; `knowledgectl outbox list` zeigt sie)</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="605"/>
        <source>there is no outbox entry %1 — `knowledgectl outbox list` shows them</source>
        <translation>es gibt keinen Eintrag %1 im Postausgang — `knowledgectl outbox list` zeigt die Einträge</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="608"/>
        <source>%1 names %2 outbox entries — give more of the id</source>
        <translation>%1 passt auf %2 Einträge im Postausgang — geben Sie mehr von der ID an</translation>
    </message>
    <message>
        <location filename="../core/client/outbox.cpp" line="624"/>
        <source>counting the entries</source>
        <translation>Zählen der Einträge</translation>
    </message>
    <message>
        <location filename="../core/client/outboxdelivery.cpp" line="112"/>
        <source>delivery cancelled</source>
        <translation>Zustellung abgebrochen</translation>
    </message>
    <message>
        <location filename="../core/client/outboxdelivery.cpp" line="192"/>
        <source>outbox entry %1 was delivered on %2 and is in the database: there is nothing to discard (change it with a new rating or edit)</source>
        <translation>Eintrag %1 des Postausgangs wurde am %2 zugestellt und ist in der Datenbank: es gibt nichts zu verwerfen (ändern Sie ihn mit einer neuen Bewertung oder Bearbeitung)</translation>
    </message>
    <message>
        <location filename="../core/client/outboxdelivery.cpp" line="198"/>
        <source>discarding an entry</source>
        <translation>Verwerfen eines Eintrags</translation>
    </message>
    <message>
        <location filename="../core/client/outboxdelivery.cpp" line="201"/>
        <source>outbox entry %1 was delivered meanwhile: there is nothing to discard</source>
        <translation>Eintrag %1 des Postausgangs wurde inzwischen zugestellt: es gibt nichts zu verwerfen</translation>
    </message>
    <message>
        <location filename="../core/client/outboxdelivery.cpp" line="213"/>
        <source>outbox entry %1 is %2, not refused: only a refused entry is resent</source>
        <translation>Eintrag %1 des Postausgangs ist %2, nicht abgelehnt: nur ein abgelehnter Eintrag wird erneut gesendet</translation>
    </message>
    <message>
        <location filename="../core/client/outboxdelivery.cpp" line="227"/>
        <location filename="../core/client/outboxdelivery.cpp" line="231"/>
        <source>resending an entry</source>
        <translation>erneutes Senden eines Eintrags</translation>
    </message>
</context>
<context>
    <name>PersonWrite</name>
    <message numerus="yes">
        <location filename="../ui/personwrite.cpp" line="9"/>
        <source>queued — will be sent when the database is reachable (%n waiting)</source>
        <translation>
            <numerusform>vorgemerkt — wird gesendet, sobald die Datenbank erreichbar ist (%n wartet)</numerusform>
            <numerusform>vorgemerkt — wird gesendet, sobald die Datenbank erreichbar ist (%n warten)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuickReason</name>
    <message>
        <location filename="../core/events/event.cpp" line="396"/>
        <source>Right direction</source>
        <translation>Richtige Richtung</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="397"/>
        <source>Key insight</source>
        <translation>Wichtige Erkenntnis</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="398"/>
        <source>Dead end</source>
        <translation>Sackgasse</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="399"/>
        <source>Already known</source>
        <translation>Schon bekannt</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="401"/>
        <source>Useful data</source>
        <translation>Nützliche Daten</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="402"/>
        <source>Confirmed suspicion</source>
        <translation>Verdacht bestätigt</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="403"/>
        <source>Wrong table</source>
        <translation>Falsche Tabelle</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="404"/>
        <source>Inconclusive</source>
        <translation>Nicht eindeutig</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="406"/>
        <source>Key proof</source>
        <translation>Entscheidender Beleg</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="407"/>
        <source>Clear signal</source>
        <translation>Klares Signal</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="408"/>
        <source>Noise</source>
        <translation>Rauschen</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="409"/>
        <source>Misleading</source>
        <translation>Irreführend</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="411"/>
        <source>Solved it</source>
        <translation>Problem gelöst</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="412"/>
        <source>Actionable</source>
        <translation>Umsetzbar</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="413"/>
        <source>Partial answer</source>
        <translation>Teilantwort</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="414"/>
        <source>Missed root cause</source>
        <translation>Ursache verfehlt</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="416"/>
        <source>Saved time</source>
        <translation>Zeit gespart</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="417"/>
        <source>Found the issue</source>
        <translation>Fehler gefunden</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="418"/>
        <source>No value</source>
        <translation>Kein Nutzen</translation>
    </message>
    <message>
        <location filename="../core/events/event.cpp" line="419"/>
        <source>Wrong conclusion</source>
        <translation>Falscher Schluss</translation>
    </message>
</context>
<context>
    <name>QuirkBook</name>
    <message>
        <location filename="../core/knowledge/quirkbook.cpp" line="27"/>
        <source>looking up quirk %1</source>
        <translation>Suchen der Besonderheit %1</translation>
    </message>
    <message>
        <location filename="../core/knowledge/quirkbook.cpp" line="59"/>
        <source>there is no quirk %1 in this tenant — check the id (`knowledgectl knowledge DATASET` lists quirks); nothing was changed</source>
        <translation>in diesem Mandanten gibt es keine Besonderheit %1 — prüfen Sie die ID (`knowledgectl knowledge DATASET` listet Besonderheiten auf); nichts wurde geändert</translation>
    </message>
    <message>
        <location filename="../core/knowledge/quirkbook.cpp" line="112"/>
        <source>the quirk text is empty — describe the quirk, e.g. &quot;ETL has a 2-day lag on weekends&quot;</source>
        <translation>der Text der Besonderheit ist leer — beschreiben Sie sie, z. B. „ETL hängt am Wochenende 2 Tage hinterher“</translation>
    </message>
    <message>
        <location filename="../core/knowledge/quirkbook.cpp" line="116"/>
        <source>the quirk text is %1 characters long, at most %2 are allowed — shorten it to what people need to know at a glance</source>
        <translation>der Text der Besonderheit ist %1 Zeichen lang, höchstens %2 sind erlaubt — kürzen Sie ihn auf das, was man auf einen Blick wissen muss</translation>
    </message>
    <message>
        <location filename="../core/knowledge/quirkbook.cpp" line="243"/>
        <source>quirk %1 was retired; add a new quirk instead of editing it</source>
        <translation>Besonderheit %1 wurde zurückgezogen; legen Sie eine neue an, statt sie zu bearbeiten</translation>
    </message>
    <message>
        <location filename="../core/knowledge/quirkbook.cpp" line="245"/>
        <source>quirk %1 is already retired</source>
        <translation>Besonderheit %1 ist bereits zurückgezogen</translation>
    </message>
    <message>
        <location filename="../core/knowledge/quirkbook.cpp" line="246"/>
        <source>quirk %1 was retired and cannot be confirmed</source>
        <translation>Besonderheit %1 wurde zurückgezogen und kann nicht bestätigt werden</translation>
    </message>
    <message>
        <location filename="../core/knowledge/quirkbook.cpp" line="263"/>
        <source>quirk %1 was changed by somebody else after the version you edited (now: &quot;%2&quot;, %3) — keep yours (resend) or theirs (discard yours)</source>
        <translation>Besonderheit %1 wurde nach der von Ihnen bearbeiteten Fassung von jemand anderem geändert (jetzt: „%2“, %3) — behalten Sie Ihre (erneut senden) oder die andere (Ihre verwerfen)</translation>
    </message>
</context>
<context>
    <name>QuirkScope</name>
    <message>
        <location filename="../core/knowledge/quirkbook.cpp" line="179"/>
        <source>the whole dataset</source>
        <translation>den ganzen Datensatz</translation>
    </message>
    <message>
        <location filename="../core/knowledge/quirkbook.cpp" line="181"/>
        <source>column %1</source>
        <translation>Spalte %1</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <location filename="../ui/relativetime.cpp" line="20"/>
        <location filename="../ui/relativetime.cpp" line="45"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../ui/relativetime.cpp" line="23"/>
        <source>in the future</source>
        <translation>in der Zukunft</translation>
    </message>
    <message>
        <location filename="../ui/relativetime.cpp" line="25"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="27"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="30"/>
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/relativetime.cpp" line="32"/>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="34"/>
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="36"/>
        <source>%n week(s) ago</source>
        <translation>
            <numerusform>vor %n Woche</numerusform>
            <numerusform>vor %n Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="38"/>
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>vor %n Monat</numerusform>
            <numerusform>vor %n Monaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="39"/>
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>vor %n Jahr</numerusform>
            <numerusform>vor %n Jahren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/relativetime.cpp" line="48"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../ui/relativetime.cpp" line="50"/>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="52"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="54"/>
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n Woche</numerusform>
            <numerusform>%n Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="56"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n Monat</numerusform>
            <numerusform>%n Monate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="57"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n Jahr</numerusform>
            <numerusform>%n Jahre</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchClient</name>
    <message>
        <location filename="../core/client/searchclient.cpp" line="15"/>
        <source>database unreachable (%1) — %2</source>
        <translation>Datenbank nicht erreichbar (%1) — %2</translation>
    </message>
</context>
<context>
    <name>SearchDocuments</name>
    <message>
        <location filename="../core/search/searchdocuments.cpp" line="186"/>
        <source>updating the searchable documents</source>
        <translation>Aktualisieren der durchsuchbaren Dokumente</translation>
    </message>
    <message>
        <location filename="../core/search/searchembeddings.cpp" line="489"/>
        <source>the embedding model %1 answered vectors without any numbers — check the embeddings service and its model</source>
        <translation>das Embedding-Modell %1 hat Vektoren ohne Zahlen geliefert — prüfen Sie den Embedding-Dienst und sein Modell</translation>
    </message>
    <message>
        <location filename="../core/search/searchembeddings.cpp" line="43"/>
        <location filename="../core/search/searchembeddings.cpp" line="59"/>
        <source>cannot create a temporary directory</source>
        <translation>temporäres Verzeichnis kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../core/search/searchembeddings.cpp" line="47"/>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../core/search/searchembeddings.cpp" line="65"/>
        <source>cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../core/search/searchembeddings.cpp" line="74"/>
        <source>loading the search model</source>
        <translation>Laden des Suchmodells</translation>
    </message>
    <message>
        <location filename="../core/search/searchembeddings.cpp" line="88"/>
        <source>the tenant&apos;s documents were embedded with the embeddings API model &apos;%1&apos;, but none is configured here — set KNOWLEDGE_EMBEDDINGS_URL and KNOWLEDGE_EMBEDDINGS_MODEL</source>
        <translation>die Dokumente des Mandanten wurden mit dem Modell &apos;%1&apos; der Embeddings-API eingebettet, hier ist aber keines konfiguriert — setzen Sie KNOWLEDGE_EMBEDDINGS_URL und KNOWLEDGE_EMBEDDINGS_MODEL</translation>
    </message>
    <message>
        <location filename="../core/search/searchembeddings.cpp" line="178"/>
        <source>pgvector is installed but its index could not be kept (%1) — searching with the exact scan instead</source>
        <translation>pgvector ist installiert, aber sein Index konnte nicht gepflegt werden (%1) — es wird stattdessen exakt gesucht</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/search/searchdocuments.cpp" line="334"/>
        <source>writing %n searchable document(s)</source>
        <translation>
            <numerusform>Schreiben von %n durchsuchbarem Dokument</numerusform>
            <numerusform>Schreiben von %n durchsuchbaren Dokumenten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/search/searchembeddings.cpp" line="564"/>
        <source>embedding the searchable documents</source>
        <translation>Einbetten der durchsuchbaren Dokumente</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/search/searchembeddings.cpp" line="288"/>
        <source>cannot learn the local search model from %n document(s): %1</source>
        <translation>
            <numerusform>das lokale Suchmodell kann nicht aus %n Dokument gelernt werden: %1</numerusform>
            <numerusform>das lokale Suchmodell kann nicht aus %n Dokumenten gelernt werden: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/search/searchembeddings.cpp" line="447"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>SearchIndex</name>
    <message>
        <location filename="../core/search/searchindex.cpp" line="47"/>
        <source>cannot open the search cache %1: %2 — check the directory&apos;s permissions and free space</source>
        <translation>Such-Cache %1 kann nicht geöffnet werden: %2 — prüfen Sie die Rechte des Verzeichnisses und den freien Speicherplatz</translation>
    </message>
    <message>
        <location filename="../core/search/searchindex.cpp" line="62"/>
        <source>%1 failed in the search cache %2: %3</source>
        <translation>%1 im Such-Cache %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="287"/>
        <source>reading vectors</source>
        <translation>Lesen der Vektoren</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="317"/>
        <source>cannot build the vector index: %1</source>
        <translation>Vektorindex kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="104"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="355"/>
        <source>cannot rename %1 to %2</source>
        <translation>%1 kann nicht in %2 umbenannt werden</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="460"/>
        <source>the vector index file is missing</source>
        <translation>die Vektorindex-Datei fehlt</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="475"/>
        <source>the vector index header is damaged</source>
        <translation>der Header des Vektorindex ist beschädigt</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="477"/>
        <source>the vector index header cannot be read</source>
        <translation>der Header des Vektorindex kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="480"/>
        <source>the vector index was built by another model</source>
        <translation>der Vektorindex wurde mit einem anderen Modell erstellt</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="482"/>
        <source>the vector index is older than the documents (a sync was interrupted)</source>
        <translation>der Vektorindex ist älter als die Dokumente (eine Synchronisation wurde unterbrochen)</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="487"/>
        <source>a sync is writing the cache: the vector index is the one saved last (%1 of %2 vectors)</source>
        <translation>eine Synchronisation schreibt gerade den Cache: der Vektorindex ist der zuletzt gespeicherte (%1 von %2 Vektoren)</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="492"/>
        <source>the vector index holds %1 vectors, the cache %2</source>
        <translation>der Vektorindex enthält %1 Vektoren, der Cache %2</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="499"/>
        <location filename="../core/search/vectorindex.cpp" line="505"/>
        <location filename="../core/search/vectorindex.cpp" line="522"/>
        <source>the vector index file is truncated or damaged</source>
        <translation>die Vektorindex-Datei ist abgeschnitten oder beschädigt</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="528"/>
        <source>the vector index cannot be loaded (%1)</source>
        <translation>der Vektorindex kann nicht geladen werden (%1)</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="541"/>
        <source>%1; a sync is writing the cache, so vector matches are left out until it is done</source>
        <translation>%1; eine Synchronisation schreibt gerade den Cache, daher fehlen Vektortreffer, bis sie fertig ist</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="552"/>
        <source>%1; rebuilt it from %2 stored vectors</source>
        <translation>%1; aus %2 gespeicherten Vektoren neu aufgebaut</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="565"/>
        <location filename="../core/search/vectorindex.cpp" line="582"/>
        <source>storing vectors</source>
        <translation>Speichern der Vektoren</translation>
    </message>
    <message>
        <location filename="../core/search/vectorindex.cpp" line="571"/>
        <source>the model %1 returned a vector of %2 dimensions instead of %3</source>
        <translation>das Modell %1 lieferte einen Vektor mit %2 statt %3 Dimensionen</translation>
    </message>
    <message>
        <location filename="../core/search/searchindex.cpp" line="209"/>
        <source>cannot create the search cache directory %1 — check its parent&apos;s permissions</source>
        <translation>Such-Cache-Verzeichnis %1 kann nicht angelegt werden — prüfen Sie die Rechte des übergeordneten Verzeichnisses</translation>
    </message>
    <message>
        <location filename="../core/search/searchindex.cpp" line="270"/>
        <source>no embedder given</source>
        <translation>kein Embedder angegeben</translation>
    </message>
    <message>
        <location filename="../core/search/searchindex.cpp" line="372"/>
        <location filename="../core/search/searchindex.cpp" line="385"/>
        <source>storing documents</source>
        <translation>Speichern der Dokumente</translation>
    </message>
    <message>
        <location filename="../core/search/searchindex.cpp" line="413"/>
        <source>removing a document</source>
        <translation>Entfernen eines Dokuments</translation>
    </message>
    <message>
        <location filename="../core/search/searchindex.cpp" line="431"/>
        <source>storing the cache&apos;s state</source>
        <translation>Speichern des Cache-Zustands</translation>
    </message>
    <message>
        <location filename="../core/search/searchindex.cpp" line="508"/>
        <source>reading the cache&apos;s state</source>
        <translation>Lesen des Cache-Zustands</translation>
    </message>
    <message>
        <location filename="../core/search/searchindex.cpp" line="531"/>
        <source>the query vector has %1 dimensions, the index %2</source>
        <translation>der Anfragevektor hat %1 Dimensionen, der Index %2</translation>
    </message>
    <message>
        <location filename="../core/search/searchindex.cpp" line="551"/>
        <source>counting documents</source>
        <translation>Zählen der Dokumente</translation>
    </message>
    <message>
        <location filename="../core/search/searchindex.cpp" line="571"/>
        <source>reading the full-text index</source>
        <translation>Lesen des Volltextindex</translation>
    </message>
    <message>
        <location filename="../core/search/searchindexquery.cpp" line="110"/>
        <source>the search was cancelled</source>
        <translation>die Suche wurde abgebrochen</translation>
    </message>
    <message>
        <location filename="../core/search/searchindexquery.cpp" line="31"/>
        <source>the query has no words to search for — type a word or two</source>
        <translation>die Suchanfrage enthält keine Wörter — geben Sie ein oder zwei Wörter ein</translation>
    </message>
    <message>
        <location filename="../core/search/searchindexquery.cpp" line="36"/>
        <source>the search cache has no embedding model yet — sync it first</source>
        <translation>der Such-Cache hat noch kein Embedding-Modell — synchronisieren Sie ihn zuerst</translation>
    </message>
    <message>
        <location filename="../core/search/offlinelexical.cpp" line="123"/>
        <location filename="../core/search/offlinelexical.cpp" line="136"/>
        <location filename="../core/search/offlinelexical.cpp" line="164"/>
        <location filename="../core/search/offlinelexical.cpp" line="207"/>
        <source>the full-text search</source>
        <translation>Volltextsuche</translation>
    </message>
    <message>
        <location filename="../core/search/searchindex.cpp" line="540"/>
        <location filename="../core/search/searchindexquery.cpp" line="245"/>
        <source>the vector search failed: %1</source>
        <translation>die Vektorsuche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../core/search/searchindexquery.cpp" line="268"/>
        <location filename="../core/search/searchindexquery.cpp" line="295"/>
        <source>reading results</source>
        <translation>Lesen der Ergebnisse</translation>
    </message>
</context>
<context>
    <name>SearchRequests</name>
    <message>
        <location filename="../core/search/searchengine.cpp" line="29"/>
        <source>unknown document type &apos;%1&apos; — use one of %2</source>
        <translation>unbekannter Dokumenttyp &apos;%1&apos; — verwenden Sie einen von %2</translation>
    </message>
</context>
<context>
    <name>ServerInfo</name>
    <message>
        <location filename="../core/storage/serverinfo.cpp" line="11"/>
        <source>asking the server what it offers</source>
        <translation>Abfragen der Serverfunktionen</translation>
    </message>
</context>
<context>
    <name>SourceTypes</name>
    <message>
        <location filename="../core/events/catalogue.cpp" line="65"/>
        <source>finding</source>
        <translation>Erkenntnis</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="66"/>
        <source>Findings</source>
        <translation>Erkenntnisse</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="67"/>
        <source>hypothesis</source>
        <translation>Hypothese</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="68"/>
        <source>Hypotheses</source>
        <translation>Hypothesen</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="69"/>
        <source>query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="70"/>
        <source>Queries</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="71"/>
        <source>comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="72"/>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="73"/>
        <source>quirk</source>
        <translation>Besonderheit</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="74"/>
        <source>Quirks</source>
        <translation>Besonderheiten</translation>
    </message>
</context>
<context>
    <name>SqlSession</name>
    <message>
        <location filename="../core/sqlsupport/sqlsession.cpp" line="41"/>
        <source>running “%1”</source>
        <translation>Ausführen von „%1“</translation>
    </message>
    <message>
        <location filename="../core/sqlsupport/sqlsession.cpp" line="84"/>
        <source>cannot reach the database at %1: %2</source>
        <translation>Datenbank unter %1 nicht erreichbar: %2</translation>
    </message>
    <message>
        <location filename="../core/sqlsupport/sqlsession.cpp" line="189"/>
        <source>cannot load %1: %2 columns given, 1 to %3 are possible</source>
        <translation>%1 kann nicht geladen werden: %2 Spalten angegeben, möglich sind 1 bis %3</translation>
    </message>
    <message>
        <location filename="../core/sqlsupport/sqlsession.cpp" line="196"/>
        <source>cannot load %1: a row has %2 values for %3 columns</source>
        <translation>%1 kann nicht geladen werden: eine Zeile hat %2 Werte für %3 Spalten</translation>
    </message>
    <message>
        <location filename="../core/sqlsupport/sqlsession.cpp" line="201"/>
        <source>loading %1</source>
        <translation>Laden von %1</translation>
    </message>
</context>
<context>
    <name>StepKinds</name>
    <message>
        <location filename="../core/events/catalogue.cpp" line="45"/>
        <source>hypothesis</source>
        <translation>Hypothese</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="46"/>
        <source>Hypothesis</source>
        <translation>Hypothese</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="47"/>
        <source>query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="48"/>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="49"/>
        <source>evidence</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="50"/>
        <source>Evidence</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="51"/>
        <source>synthesis</source>
        <translation>Synthese</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="52"/>
        <source>Synthesis</source>
        <translation>Synthese</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="53"/>
        <source>investigation</source>
        <translation>Untersuchung</translation>
    </message>
    <message>
        <location filename="../core/events/catalogue.cpp" line="54"/>
        <source>Investigation</source>
        <translation>Untersuchung</translation>
    </message>
</context>
<context>
    <name>TrainingExampleBuilder</name>
    <message>
        <location filename="../core/training/trainingexamplebuilder.cpp" line="409"/>
        <source>building training examples needs a tenant — set KNOWLEDGE_TENANT or --tenant</source>
        <translation>zum Erstellen von Trainingsbeispielen ist ein Mandant nötig — setzen Sie KNOWLEDGE_TENANT oder --tenant</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexamplebuilder.cpp" line="413"/>
        <source>building training examples</source>
        <translation>Erstellen der Trainingsbeispiele</translation>
    </message>
</context>
<context>
    <name>TrainingExporter</name>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="106"/>
        <source>cannot read the orchestrator&apos;s people in %1 to mask their names in the export — grant this login SELECT on it</source>
        <translation>die Personen des Orchestrators in %1 können nicht gelesen werden, um ihre Namen im Export zu maskieren — gewähren Sie diesem Login SELECT darauf</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="222"/>
        <source>unknown format &apos;%1&apos; — use raw, openai-chat or preference</source>
        <translation>unbekanntes Format &apos;%1&apos; — verwenden Sie raw, openai-chat oder preference</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="228"/>
        <source>no output file — give --out FILE</source>
        <translation>keine Ausgabedatei — geben Sie --out FILE an</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="232"/>
        <source>unknown task &apos;%1&apos; — use one of %2</source>
        <translation>unbekannte Aufgabe &apos;%1&apos; — verwenden Sie eine von %2</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="236"/>
        <source>the preference format pairs hypotheses or syntheses: --task must be hypothesis_gen or synthesis, not &apos;%1&apos;</source>
        <translation>das Format preference bildet Paare aus Hypothesen oder Synthesen: --task muss hypothesis_gen oder synthesis sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="242"/>
        <source>--min-score must be a number between -1 and 1 (feedback scores are means of ratings of +1 and -1)</source>
        <translation>--min-score muss eine Zahl zwischen -1 und 1 sein (Feedback-Scores sind Mittelwerte aus Bewertungen mit +1 und -1)</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="246"/>
        <source>--split must be a fraction between 0 and 1 exclusive, e.g. 0.9</source>
        <translation>--split muss ein Anteil echt zwischen 0 und 1 sein, z. B. 0.9</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="248"/>
        <source>fetch size must be positive</source>
        <translation>die Abrufgröße muss positiv sein</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="493"/>
        <source>exporting training data needs a tenant — set KNOWLEDGE_TENANT or --tenant</source>
        <translation>zum Exportieren von Trainingsdaten ist ein Mandant nötig — setzen Sie KNOWLEDGE_TENANT oder --tenant</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="500"/>
        <source>a cross-tenant export runs only as a service login for every tenant (`knowledgectl access grant LOGIN --all-tenants --level service`) or the schema owner — login %1 may export its own tenant (leave out --cross-tenant)</source>
        <translation>ein mandantenübergreifender Export läuft nur als Dienst-Login für alle Mandanten (`knowledgectl access grant LOGIN --all-tenants --level service`) oder als Schema-Eigentümer — Login %1 darf seinen eigenen Mandanten exportieren (lassen Sie --cross-tenant weg)</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="516"/>
        <source>cannot write &apos;%1&apos;: %2 — check that the directory exists and is writable</source>
        <translation>&apos;%1&apos; kann nicht geschrieben werden: %2 — prüfen Sie, ob das Verzeichnis existiert und beschreibbar ist</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="525"/>
        <source>cannot make &apos;%1&apos; readable by its owner only: %2</source>
        <translation>&apos;%1&apos; kann nicht nur für seinen Eigentümer lesbar gemacht werden: %2</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="530"/>
        <source>exporting training data</source>
        <translation>Exportieren der Trainingsdaten</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="316"/>
        <source>a cross-tenant export is anonymised with a secret key: set KNOWLEDGE_EXPORT_KEY (at least 16 characters), or run `knowledgectl migrate` so the schema keeps one</source>
        <translation>ein mandantenübergreifender Export wird mit einem geheimen Schlüssel anonymisiert: setzen Sie KNOWLEDGE_EXPORT_KEY (mindestens 16 Zeichen), oder führen Sie `knowledgectl migrate` aus, damit das Schema einen hält</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="327"/>
        <source>no tenant has opted in to cross-tenant training export — a tenant opts in with the setting {&quot;training_export&quot;: {&quot;cross_tenant&quot;: true}}</source>
        <translation>kein Mandant hat dem mandantenübergreifenden Trainingsexport zugestimmt — ein Mandant stimmt mit der Einstellung {&quot;training_export&quot;: {&quot;cross_tenant&quot;: true}} zu</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="469"/>
        <source>writing &apos;%1&apos; failed: %2 — nothing was exported</source>
        <translation>Schreiben von &apos;%1&apos; fehlgeschlagen: %2 — nichts wurde exportiert</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="479"/>
        <source>export cancelled after %1 line(s) — nothing was written</source>
        <translation>Export nach %1 Zeile(n) abgebrochen — es wurde nichts geschrieben</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="585"/>
        <source>could not finish writing &apos;%1&apos;: %2</source>
        <translation>Schreiben von &apos;%1&apos; konnte nicht abgeschlossen werden: %2</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="599"/>
        <source>nothing to export: no training examples are built yet and --no-build was given — run export-training without --no-build, or `knowledgectl build-training` first</source>
        <translation>nichts zu exportieren: es sind noch keine Trainingsbeispiele erstellt und --no-build wurde angegeben — führen Sie export-training ohne --no-build aus oder vorher `knowledgectl build-training`</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="602"/>
        <source>reading the event log</source>
        <translation>Lesen des Ereignisprotokolls</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="613"/>
        <source>nothing to export: the event log has no investigation for this tenant yet, so no training example was built — the orchestrator writes them (`knowledgectl demo-seed` makes demo data)</source>
        <translation>nichts zu exportieren: das Ereignisprotokoll enthält noch keine Untersuchung dieses Mandanten, daher wurde kein Trainingsbeispiel erstellt — der Orchestrator schreibt sie (`knowledgectl demo-seed` erzeugt Demodaten)</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/training/trainingexporter.cpp" line="616"/>
        <source>nothing to export: %n investigation(s) in the event log, but none has a hypothesis, a query or a synthesis to learn from yet (%1 with feedback)</source>
        <translation>
            <numerusform>nichts zu exportieren: %n Untersuchung im Ereignisprotokoll, aber keine hat bisher eine Hypothese, Abfrage oder Synthese, aus der sich lernen ließe (%1 mit Feedback)</numerusform>
            <numerusform>nichts zu exportieren: %n Untersuchungen im Ereignisprotokoll, aber keine hat bisher eine Hypothese, Abfrage oder Synthese, aus der sich lernen ließe (%1 mit Feedback)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="626"/>
        <source>nothing to export: the task filter matched none of the %1 example(s) — there are: %2</source>
        <translation>nichts zu exportieren: der Aufgabenfilter trifft keines der %1 Beispiele — vorhanden sind: %2</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="631"/>
        <source>nothing to export: --since/--dataset-type/--issue-type filtered out all %1 example(s) of the chosen task(s)</source>
        <translation>nichts zu exportieren: --since/--dataset-type/--issue-type haben alle %1 Beispiele der gewählten Aufgaben ausgefiltert</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="635"/>
        <source>nothing to export: none of the %1 example(s) has a feedback score, because no investigation has feedback on them yet — rate hypotheses, queries or syntheses, or drop --min-score</source>
        <translation>nichts zu exportieren: keines der %1 Beispiele hat eine Feedback-Bewertung, weil noch keine Untersuchung Feedback dazu hat — bewerten Sie Hypothesen, Abfragen oder Synthesen oder lassen Sie --min-score weg</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="640"/>
        <source>nothing to export: nothing at or above --min-score %1 (the best score is %2) — lower --min-score</source>
        <translation>nichts zu exportieren: nichts erreicht --min-score %1 (die beste Bewertung ist %2) — senken Sie --min-score</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="645"/>
        <source>nothing to export: no investigation has two examples of one task where one is valued positive and another lower and not positive (%1 without a pair) — preference pairs need hypotheses or syntheses rated both ways</source>
        <translation>nichts zu exportieren: keine Untersuchung hat zwei Beispiele einer Aufgabe, von denen eines positiv und ein anderes niedriger und nicht positiv bewertet ist (%1 ohne Paar) — Präferenzpaare brauchen Hypothesen oder Synthesen mit Bewertungen in beide Richtungen</translation>
    </message>
    <message>
        <location filename="../core/training/trainingexporter.cpp" line="649"/>
        <source>nothing to export: none of the %1 example(s) matched the filters (%2 below --min-score, %3 without a feedback score, %4 filtered out)</source>
        <translation>nichts zu exportieren: keines der %1 Beispiele passt zu den Filtern (%2 unter --min-score, %3 ohne Feedback-Bewertung, %4 ausgefiltert)</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <location filename="../core/jobs/jobs.cpp" line="193"/>
        <source>taking the job&apos;s lock</source>
        <translation>die Sperre des Jobs nehmen</translation>
    </message>
    <message>
        <location filename="../core/jobs/jobs.cpp" line="207"/>
        <source>another worker is running this job for the tenant</source>
        <translation>ein anderer Worker führt diesen Job für den Mandanten gerade aus</translation>
    </message>
    <message>
        <location filename="../core/jobs/jobs.cpp" line="226"/>
        <source>reading when the job last ran</source>
        <translation>lesen, wann der Job zuletzt lief</translation>
    </message>
    <message>
        <location filename="../core/jobs/jobs.cpp" line="249"/>
        <source>it ran for the tenant %1 s ago (every %2 s)</source>
        <translation>er lief für den Mandanten vor %1 s (alle %2 s)</translation>
    </message>
    <message>
        <location filename="../core/jobs/jobs.cpp" line="266"/>
        <source>stopped by a shutdown, rolled back to the last consistent state (%1)</source>
        <translation>durch das Beenden abgebrochen, auf den letzten konsistenten Stand zurückgesetzt (%1)</translation>
    </message>
    <message>
        <location filename="../core/jobs/jobs.cpp" line="280"/>
        <source>the connection failed after the run; connecting again</source>
        <translation>die Verbindung ist nach dem Lauf abgebrochen; es wird neu verbunden</translation>
    </message>
    <message>
        <location filename="../core/jobs/jobs.cpp" line="318"/>
        <source>%1 of %2 tenant(s) failed (the others ran): %3</source>
        <translation>%1 von %2 Mandant(en) fehlgeschlagen (die übrigen liefen): %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/jobs/jobs.cpp" line="322"/>
        <source>%n tenant(s)</source>
        <translation>
            <numerusform>%n Mandant</numerusform>
            <numerusform>%n Mandanten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/jobs/jobs.cpp" line="352"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>ke::ActivityDialog</name>
    <message>
        <location filename="../ui/activitydialog.cpp" line="23"/>
        <source>Activity of %1</source>
        <translation>Aktivität von %1</translation>
    </message>
    <message>
        <location filename="../ui/activitydialog.cpp" line="28"/>
        <source>All activity</source>
        <translation>Alle Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/activitydialog.cpp" line="39"/>
        <source>Load more</source>
        <translation>Mehr laden</translation>
    </message>
    <message>
        <location filename="../ui/activitydialog.cpp" line="65"/>
        <source>Could not load the activity: %1</source>
        <translation>Die Aktivität konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/activitydialog.cpp" line="70"/>
        <source>Offline · %1</source>
        <translation>Offline · %1</translation>
    </message>
</context>
<context>
    <name>ke::ActivityModel</name>
    <message>
        <location filename="../ui/activitymodel.cpp" line="25"/>
        <source>orchestrator</source>
        <translation>Orchestrator</translation>
    </message>
    <message>
        <location filename="../ui/activitymodel.cpp" line="31"/>
        <source>%1 — double-click to open the investigation</source>
        <translation>%1 — Doppelklick öffnet die Untersuchung</translation>
    </message>
</context>
<context>
    <name>ke::ConnectDialog</name>
    <message>
        <location filename="../ui/connectdialog.cpp" line="29"/>
        <source>reader</source>
        <translation>Leser</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="31"/>
        <source>member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="33"/>
        <source>service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="35"/>
        <source>owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="39"/>
        <source>no access</source>
        <translation>kein Zugriff</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="51"/>
        <source>Connect to a Knowledge Explorer database</source>
        <translation>Mit einer Knowledge-Explorer-Datenbank verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="81"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="83"/>
        <source>Forget this saved connection (and its password in the keychain)</source>
        <translation>Diese gespeicherte Verbindung vergessen (und ihr Passwort im Schlüsselbund)</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="91"/>
        <source>e.g. staging or production</source>
        <translation>z. B. staging oder production</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="94"/>
        <source>postgresql://db.example/knowledge, host=… dbname=…, or a service name</source>
        <translation>postgresql://db.example/knowledge, host=… dbname=… oder ein Service-Name</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="96"/>
        <source>A libpq connection URI, a conninfo string (host=db.example dbname=knowledge), or the name of a service in pg_service.conf. Empty: libpq&apos;s defaults (PGHOST, …).</source>
        <translation>Eine libpq-Verbindungs-URI, ein Conninfo-Text (host=db.example dbname=knowledge) oder der Name eines Service in pg_service.conf. Leer: die Vorgaben von libpq (PGHOST, …).</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="101"/>
        <source>your database login (empty: as in the database field)</source>
        <translation>Ihre Datenbank-Anmeldung (leer: wie im Feld Datenbank)</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="102"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="106"/>
        <source>the server asks for one</source>
        <translation>der Server verlangt eines</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="108"/>
        <source>&amp;Remember the password in the system keychain</source>
        <translation>Passwort im System-Schlüssel&amp;bund merken</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="116"/>
        <location filename="../ui/connectdialog.cpp" line="374"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="141"/>
        <source>test the connection to list your tenants</source>
        <translation>Verbindung testen, um Ihre Mandanten aufzulisten</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="152"/>
        <source>&amp;Saved connection:</source>
        <translation>&amp;Gespeicherte Verbindung:</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="155"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="156"/>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="157"/>
        <source>&amp;Login:</source>
        <translation>&amp;Anmeldung:</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="163"/>
        <source>T&amp;enant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="175"/>
        <source>the standard cache folder</source>
        <translation>der Standard-Cache-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="176"/>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="178"/>
        <source>Offline cache folder</source>
        <translation>Ordner des Offline-Caches</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="190"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="191"/>
        <source>Start &amp;offline, from the cache</source>
        <translation>&amp;Offline starten, aus dem Cache</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="196"/>
        <source>Offline c&amp;ache:</source>
        <translation>Offline-&amp;Cache:</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="197"/>
        <source>S&amp;ync every:</source>
        <translation>S&amp;ynchronisieren alle:</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="199"/>
        <source>KNOWLEDGE_DATABASE_URL, KNOWLEDGE_TENANT, KNOWLEDGE_CACHE_DIR and the command-line flags win over what is saved here.</source>
        <translation>KNOWLEDGE_DATABASE_URL, KNOWLEDGE_TENANT, KNOWLEDGE_CACHE_DIR und die Kommandozeilenoptionen haben Vorrang vor dem, was hier gespeichert ist.</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="58"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="59"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="62"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="236"/>
        <location filename="../ui/connectdialog.cpp" line="574"/>
        <source>The system keychain is not available — the password is kept for this session only.</source>
        <translation>Der System-Schlüsselbund ist nicht verfügbar — das Passwort wird nur für diese Sitzung behalten.</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="261"/>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="303"/>
        <location filename="../ui/connectdialog.cpp" line="514"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="320"/>
        <source>Could not read the password from the system keychain (%1) — type it; it is kept for this session only.</source>
        <translation>Das Passwort konnte nicht aus dem System-Schlüsselbund gelesen werden (%1) — geben Sie es ein; es wird nur für diese Sitzung behalten.</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="374"/>
        <source>Cancel &amp;test</source>
        <translation>Test abbre&amp;chen</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="432"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="460"/>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="482"/>
        <source>You are %1, %2 of this tenant; what you write is signed as this login&apos;s person.</source>
        <translation>Sie sind %1, %2 dieses Mandanten; was Sie schreiben, wird als Person dieser Anmeldung gezeichnet.</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="499"/>
        <source>Choose a tenant, then connect.</source>
        <translation>Wählen Sie einen Mandanten und verbinden Sie dann.</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="554"/>
        <source>Keeping the password in the system keychain…</source>
        <translation>Passwort wird im System-Schlüsselbund abgelegt…</translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="581"/>
        <source>Could not keep the password in the system keychain (%1). Connect again to use it for this session only.</source>
        <translation>Das Passwort konnte nicht im System-Schlüsselbund abgelegt werden (%1). Verbinden Sie erneut, um es nur für diese Sitzung zu verwenden.</translation>
    </message>
</context>
<context>
    <name>ke::ConnectionStatus</name>
    <message>
        <location filename="../ui/connectionstatus.cpp" line="66"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../ui/connectionstatus.cpp" line="69"/>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../ui/connectionstatus.cpp" line="72"/>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <location filename="../ui/connectionstatus.cpp" line="77"/>
        <source>Tenant: %1</source>
        <translation>Mandant: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectionstatus.cpp" line="77"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location filename="../ui/connectionstatus.cpp" line="78"/>
        <source>You: %1</source>
        <translation>Sie: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectionstatus.cpp" line="78"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/connectionstatus.cpp" line="80"/>
        <source>Syncing… %1%</source>
        <translation>Synchronisiere… %1 %</translation>
    </message>
    <message>
        <location filename="../ui/connectionstatus.cpp" line="80"/>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <location filename="../ui/connectionstatus.cpp" line="82"/>
        <source>Synced %1</source>
        <translation>Synchronisiert %1</translation>
    </message>
    <message>
        <location filename="../ui/connectionstatus.cpp" line="85"/>
        <source>Never synced</source>
        <translation>Nie synchronisiert</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectionstatus.cpp" line="87"/>
        <source>%n write(s) pending</source>
        <translation>
            <numerusform>%n Änderung wartet</numerusform>
            <numerusform>%n Änderungen warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectionstatus.cpp" line="89"/>
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n braucht Ihre Aufmerksamkeit</numerusform>
            <numerusform>%n brauchen Ihre Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/connectionstatus.cpp" line="93"/>
        <source>Working offline from the cache: your changes are kept in the outbox and sent when the database is reachable.</source>
        <translation>Offline aus dem Zwischenspeicher: Ihre Änderungen bleiben im Postausgang und werden gesendet, sobald die Datenbank erreichbar ist.</translation>
    </message>
    <message>
        <location filename="../ui/connectionstatus.cpp" line="95"/>
        <source>Connected to the database.</source>
        <translation>Mit der Datenbank verbunden.</translation>
    </message>
    <message>
        <location filename="../ui/connectionstatus.cpp" line="98"/>
        <source>Click to see the outbox.</source>
        <translation>Klicken, um den Postausgang zu sehen.</translation>
    </message>
</context>
<context>
    <name>ke::ConnectionSwitcher</name>
    <message>
        <location filename="../ui/connectionswitcher.cpp" line="123"/>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>ke::DatasetListModel</name>
    <message numerus="yes">
        <location filename="../ui/datasetlistmodel.cpp" line="21"/>
        <source>%n investigation(s)</source>
        <translation>
            <numerusform>%n Untersuchung</numerusform>
            <numerusform>%n Untersuchungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/datasetlistmodel.cpp" line="23"/>
        <source>net %1</source>
        <translation>netto %1</translation>
    </message>
    <message>
        <location filename="../ui/datasetlistmodel.cpp" line="31"/>
        <source>👍 %1 · 👎 %2 · last investigation %3</source>
        <translation>👍 %1 · 👎 %2 · letzte Untersuchung %3</translation>
    </message>
</context>
<context>
    <name>ke::GlobalSearch</name>
    <message>
        <location filename="../ui/globalsearch.cpp" line="41"/>
        <location filename="../ui/globalsearch.cpp" line="49"/>
        <source>Search everything</source>
        <translation>Alles durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/globalsearch.cpp" line="50"/>
        <source>Search findings, hypotheses, queries, comments and quirks…</source>
        <translation>Erkenntnisse, Hypothesen, Abfragen, Kommentare und Besonderheiten durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/globalsearch.cpp" line="60"/>
        <source>Kind of result</source>
        <translation>Art des Ergebnisses</translation>
    </message>
    <message>
        <location filename="../ui/globalsearch.cpp" line="61"/>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <location filename="../ui/globalsearch.cpp" line="66"/>
        <source>Datasets searched</source>
        <translation>Durchsuchte Datasets</translation>
    </message>
    <message>
        <location filename="../ui/globalsearch.cpp" line="67"/>
        <source>All datasets</source>
        <translation>Alle Datasets</translation>
    </message>
    <message>
        <location filename="../ui/globalsearch.cpp" line="68"/>
        <location filename="../ui/globalsearch.cpp" line="145"/>
        <source>This dataset</source>
        <translation>Dieses Dataset</translation>
    </message>
    <message>
        <location filename="../ui/globalsearch.cpp" line="79"/>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/globalsearch.cpp" line="107"/>
        <source>Type what you are looking for, e.g. &quot;late ETL batch&quot;. ↑ ↓ choose, Enter opens, → shows similar ones, Esc closes.</source>
        <translation>Geben Sie ein, wonach Sie suchen, z. B. „verspäteter ETL-Batch“. ↑ ↓ wählen, Enter öffnet, → zeigt ähnliche, Esc schließt.</translation>
    </message>
    <message>
        <location filename="../ui/globalsearch.cpp" line="145"/>
        <source>Only %1</source>
        <translation>Nur %1</translation>
    </message>
    <message>
        <location filename="../ui/globalsearch.cpp" line="230"/>
        <source>Type what you are looking for, e.g. &quot;late ETL batch&quot;.</source>
        <translation>Geben Sie ein, wonach Sie suchen, z. B. „verspäteter ETL-Batch“.</translation>
    </message>
    <message>
        <location filename="../ui/globalsearch.cpp" line="258"/>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <location filename="../ui/globalsearch.cpp" line="272"/>
        <source>Nothing found for &quot;%1&quot; in the offline cache.</source>
        <translation>Nichts gefunden für „%1“ im Offline-Cache.</translation>
    </message>
    <message>
        <location filename="../ui/globalsearch.cpp" line="273"/>
        <source>Nothing found for &quot;%1&quot;.</source>
        <translation>Nichts gefunden für „%1“.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/globalsearch.cpp" line="275"/>
        <source>%n result(s) from the offline cache</source>
        <translation>
            <numerusform>%n Ergebnis aus dem Offline-Cache</numerusform>
            <numerusform>%n Ergebnisse aus dem Offline-Cache</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/globalsearch.cpp" line="277"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/globalsearch.cpp" line="280"/>
        <source> in %n row(s) (near-identical ones together)</source>
        <translation>
            <numerusform> in %n Zeile (fast gleiche zusammengefasst)</numerusform>
            <numerusform> in %n Zeilen (fast gleiche zusammengefasst)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/globalsearch.cpp" line="349"/>
        <source>This result belongs to no dataset or investigation.</source>
        <translation>Dieses Ergebnis gehört zu keinem Dataset und keiner Untersuchung.</translation>
    </message>
</context>
<context>
    <name>ke::GlobalSearchModel</name>
    <message>
        <location filename="../ui/globalsearchmodel.cpp" line="104"/>
        <source>no dataset</source>
        <translation>kein Dataset</translation>
    </message>
    <message>
        <location filename="../ui/globalsearchmodel.cpp" line="115"/>
        <source>%1 in %2, %3</source>
        <translation>%1 in %2, %3</translation>
    </message>
    <message>
        <location filename="../ui/globalsearchmodel.cpp" line="118"/>
        <source>Why it ranked: score %1</source>
        <translation>Warum gefunden: Punktzahl %1</translation>
    </message>
    <message>
        <location filename="../ui/globalsearchmodel.cpp" line="119"/>
        <source>  • words: rank %1 (the words you typed)</source>
        <translation>  • Wörter: Rang %1 (die eingegebenen Wörter)</translation>
    </message>
    <message>
        <location filename="../ui/globalsearchmodel.cpp" line="120"/>
        <source>  • words: not found by the words you typed</source>
        <translation>  • Wörter: über die eingegebenen Wörter nicht gefunden</translation>
    </message>
    <message>
        <location filename="../ui/globalsearchmodel.cpp" line="121"/>
        <source>  • meaning: rank %1 (similar in meaning)</source>
        <translation>  • Bedeutung: Rang %1 (ähnlich in der Bedeutung)</translation>
    </message>
    <message>
        <location filename="../ui/globalsearchmodel.cpp" line="122"/>
        <source>  • meaning: not among the most similar in meaning</source>
        <translation>  • Bedeutung: nicht unter den in der Bedeutung ähnlichsten</translation>
    </message>
    <message>
        <location filename="../ui/globalsearchmodel.cpp" line="123"/>
        <source>  • feedback: %1 (rated higher ranks higher)</source>
        <translation>  • Feedback: %1 (besser bewertet steht weiter oben)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/globalsearchmodel.cpp" line="127"/>
        <source>%n similar result(s) — the same text in other places; Enter opens the best, → shows each:</source>
        <translation>
            <numerusform>%n ähnliches Ergebnis — derselbe Text an anderer Stelle; Enter öffnet das beste, → zeigt jedes:</numerusform>
            <numerusform>%n ähnliche Ergebnisse — derselbe Text an anderen Stellen; Enter öffnet das beste, → zeigt jedes:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/globalsearchmodel.cpp" line="133"/>
        <source>  • %1, %2 (score %3)</source>
        <translation>  • %1, %2 (Punktzahl %3)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/globalsearchmodel.cpp" line="138"/>
        <source>  … and %n more</source>
        <translation>
            <numerusform>  … und %n weiteres</numerusform>
            <numerusform>  … und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/globalsearchmodel.cpp" line="142"/>
        <source>From the offline cache.</source>
        <translation>Aus dem Offline-Cache.</translation>
    </message>
    <message>
        <location filename="../ui/globalsearchmodel.cpp" line="158"/>
        <source>%1 in %2, %3: %4</source>
        <translation>%1 in %2, %3: %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/globalsearchmodel.cpp" line="163"/>
        <location filename="../ui/globalsearchmodel.cpp" line="186"/>
        <source>%n similar</source>
        <translation>
            <numerusform>%n ähnlich</numerusform>
            <numerusform>%n ähnliche</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::InvestigationDetail</name>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="83"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="85"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="86"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="108"/>
        <source>Open an investigation from the list, the dataset&apos;s activity or its findings.</source>
        <translation>Öffnen Sie eine Untersuchung aus der Liste, der Aktivität des Datensatzes oder seinen Befunden.</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="214"/>
        <source>&lt;b&gt;Hypotheses&lt;/b&gt; (%1), most confident first</source>
        <translation>&lt;b&gt;Hypothesen&lt;/b&gt; (%1), die sicherste zuerst</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="220"/>
        <source>No hypotheses yet — the investigation is still running.</source>
        <translation>Noch keine Hypothesen — die Untersuchung läuft noch.</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="221"/>
        <source>This investigation recorded no hypotheses.</source>
        <translation>Diese Untersuchung hat keine Hypothesen aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="235"/>
        <source>&lt;b&gt;Other steps&lt;/b&gt; (not tied to a hypothesis)</source>
        <translation>&lt;b&gt;Weitere Schritte&lt;/b&gt; (keiner Hypothese zugeordnet)</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="245"/>
        <source>&lt;b&gt;Comments&lt;/b&gt; (%1)</source>
        <translation>&lt;b&gt;Kommentare&lt;/b&gt; (%1)</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="265"/>
        <source>Investigation %1</source>
        <translation>Untersuchung %1</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="277"/>
        <source>expected %1, got %2</source>
        <translation>erwartet %1, gemessen %2</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="284"/>
        <source>severity %1</source>
        <translation>Schweregrad %1</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="285"/>
        <source>Alert: %1</source>
        <translation>Alarm: %1</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="293"/>
        <location filename="../ui/investigationdetail.cpp" line="348"/>
        <location filename="../ui/investigationdetail.cpp" line="388"/>
        <location filename="../ui/investigationdetail.cpp" line="507"/>
        <source>confidence %1</source>
        <translation>Konfidenz %1</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="295"/>
        <source>started %1</source>
        <translation>begonnen %1</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="299"/>
        <source>took %1</source>
        <translation>Dauer %1</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="304"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="308"/>
        <source>Rate investigation…</source>
        <translation>Untersuchung bewerten…</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="333"/>
        <source>You: helpful</source>
        <translation>Sie: hilfreich</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="333"/>
        <source>You: not helpful</source>
        <translation>Sie: nicht hilfreich</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="336"/>
        <source>%1 helpful · %2 not helpful</source>
        <translation>%1 hilfreich · %2 nicht hilfreich</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="345"/>
        <source>&lt;b&gt;Synthesis&lt;/b&gt;</source>
        <translation>&lt;b&gt;Synthese&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="354"/>
        <source>&lt;b&gt;Root cause:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Ursache:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="355"/>
        <source>none given</source>
        <translation>keine angegeben</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="360"/>
        <source>&lt;b&gt;Recommendations&lt;/b&gt;</source>
        <translation>&lt;b&gt;Empfehlungen&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="384"/>
        <source>Show the queries and evidence of: %1</source>
        <translation>Abfragen und Belege anzeigen von: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/investigationdetail.cpp" line="394"/>
        <source>%n query(ies)</source>
        <translation>
            <numerusform>%n Abfrage</numerusform>
            <numerusform>%n Abfragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/investigationdetail.cpp" line="395"/>
        <source>%n piece(s) of evidence</source>
        <translation>
            <numerusform>%n Beleg</numerusform>
            <numerusform>%n Belege</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="422"/>
        <source>No queries or evidence for this hypothesis.</source>
        <translation>Keine Abfragen oder Belege zu dieser Hypothese.</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="427"/>
        <source>Hide the queries and evidence</source>
        <translation>Abfragen und Belege ausblenden</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="428"/>
        <source>Show the queries and evidence</source>
        <translation>Abfragen und Belege anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="445"/>
        <source>&lt;b&gt;Query&lt;/b&gt; — %1</source>
        <translation>&lt;b&gt;Abfrage&lt;/b&gt; — %1</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="446"/>
        <source>no purpose given</source>
        <translation>kein Zweck angegeben</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="454"/>
        <source>SQL of the query</source>
        <translation>SQL der Abfrage</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/investigationdetail.cpp" line="486"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="491"/>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="508"/>
        <source>&lt;b&gt;Evidence&lt;/b&gt; — %1&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</source>
        <translation>&lt;b&gt;Beleg&lt;/b&gt; — %1&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="525"/>
        <source>This step has no id, so it cannot be rated.</source>
        <translation>Dieser Schritt hat keine Kennung und kann daher nicht bewertet werden.</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="625"/>
        <location filename="../ui/investigationdetail.cpp" line="636"/>
        <source>Your rating was not saved: %1</source>
        <translation>Ihre Bewertung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="630"/>
        <source>Saving your rating…</source>
        <translation>Ihre Bewertung wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="639"/>
        <source>Your rating is %1.</source>
        <translation>Ihre Bewertung ist %1.</translation>
    </message>
    <message>
        <location filename="../ui/investigationdetail.cpp" line="642"/>
        <source>Thanks — your rating was saved.</source>
        <translation>Danke — Ihre Bewertung wurde gespeichert.</translation>
    </message>
</context>
<context>
    <name>ke::InvestigationListModel</name>
    <message>
        <location filename="../ui/investigationlistmodel.cpp" line="44"/>
        <source>Helpful (latest ratings of the investigation and its steps)</source>
        <translation>Hilfreich (jeweils letzte Bewertungen der Untersuchung und ihrer Schritte)</translation>
    </message>
    <message>
        <location filename="../ui/investigationlistmodel.cpp" line="45"/>
        <source>Not helpful (latest ratings of the investigation and its steps)</source>
        <translation>Nicht hilfreich (jeweils letzte Bewertungen der Untersuchung und ihrer Schritte)</translation>
    </message>
    <message>
        <location filename="../ui/investigationlistmodel.cpp" line="51"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/investigationlistmodel.cpp" line="51"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../ui/investigationlistmodel.cpp" line="51"/>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../ui/investigationlistmodel.cpp" line="51"/>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <location filename="../ui/investigationlistmodel.cpp" line="74"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>ke::InvestigationView</name>
    <message>
        <location filename="../ui/investigationview.cpp" line="42"/>
        <source>Filter investigations (alert, outcome, date)…</source>
        <translation>Untersuchungen filtern (Alarm, Ergebnis, Datum)…</translation>
    </message>
    <message>
        <location filename="../ui/investigationview.cpp" line="43"/>
        <source>Filter investigations</source>
        <translation>Untersuchungen filtern</translation>
    </message>
    <message>
        <location filename="../ui/investigationview.cpp" line="49"/>
        <source>Investigations of the dataset</source>
        <translation>Untersuchungen des Datensatzes</translation>
    </message>
    <message>
        <location filename="../ui/investigationview.cpp" line="85"/>
        <source>← All investigations</source>
        <translation>← Alle Untersuchungen</translation>
    </message>
    <message>
        <location filename="../ui/investigationview.cpp" line="86"/>
        <source>Back to the dataset&apos;s investigations (Alt+Left)</source>
        <translation>Zurück zu den Untersuchungen des Datensatzes (Alt+Links)</translation>
    </message>
    <message>
        <location filename="../ui/investigationview.cpp" line="198"/>
        <source>Could not load the investigations: %1</source>
        <translation>Die Untersuchungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/investigationview.cpp" line="207"/>
        <source>No investigations of this dataset yet. They appear here once the orchestrator has investigated one of its alerts and the knowledge was aggregated.</source>
        <translation>Noch keine Untersuchungen dieses Datensatzes. Sie erscheinen hier, sobald der Orchestrator einen seiner Alarme untersucht hat und das Wissen aggregiert wurde.</translation>
    </message>
    <message>
        <location filename="../ui/investigationview.cpp" line="227"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/investigationview.cpp" line="233"/>
        <source>Could not load the investigation: %1</source>
        <translation>Die Untersuchung konnte nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>ke::KnowledgeClient</name>
    <message>
        <location filename="../core/client/knowledgeclient.cpp" line="151"/>
        <source>no tenant selected</source>
        <translation>kein Mandant ausgewählt</translation>
    </message>
    <message>
        <location filename="../core/client/knowledgeclient.cpp" line="158"/>
        <source>started offline — the database is not contacted until you reconnect</source>
        <translation>offline gestartet — die Datenbank wird erst kontaktiert, wenn Sie sich wieder verbinden</translation>
    </message>
</context>
<context>
    <name>ke::KnowledgeView</name>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="101"/>
        <location filename="../ui/knowledgeview.cpp" line="365"/>
        <source>Select a dataset to see what your team knows about it.</source>
        <translation>Wählen Sie ein Dataset, um zu sehen, was Ihr Team darüber weiß.</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="120"/>
        <source>Search this dataset&apos;s history…</source>
        <translation>Verlauf dieses Datensatzes durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="121"/>
        <source>Search this dataset&apos;s history</source>
        <translation>Verlauf dieses Datensatzes durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="134"/>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="156"/>
        <source>+ Add note</source>
        <translation>+ Notiz hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="158"/>
        <source>Write down a quirk of this dataset for everybody</source>
        <translation>Eine Besonderheit dieses Datensatzes für alle festhalten</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="178"/>
        <source>Top findings (by feedback score)</source>
        <translation>Wichtigste Erkenntnisse (nach Feedback-Wert)</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="181"/>
        <location filename="../ui/knowledgeview.cpp" line="182"/>
        <source>Recent activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="183"/>
        <source>Show all</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="214"/>
        <source>Investigations per week (last six months)</source>
        <translation>Untersuchungen pro Woche (letzte sechs Monate)</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="215"/>
        <source>👍 / 👎 per week, on that week&apos;s investigations</source>
        <translation>👍 / 👎 pro Woche, zu den Untersuchungen dieser Woche</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="286"/>
        <source>Could not load the knowledge: %1</source>
        <translation>Das Wissen konnte nicht geladen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/knowledgeview.cpp" line="372"/>
        <source>&lt;b&gt;%n&lt;/b&gt; investigations</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; Untersuchung</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; Untersuchungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="373"/>
        <source>👍 &lt;b&gt;%1&lt;/b&gt; / 👎 &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>👍 &lt;b&gt;%1&lt;/b&gt; / 👎 &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="377"/>
        <source>last investigation %1</source>
        <translation>letzte Untersuchung %1</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="378"/>
        <source>no investigation yet</source>
        <translation>noch keine Untersuchung</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="385"/>
        <source>knows it best: %1</source>
        <translation>kennt ihn am besten: %1</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="389"/>
        <source>Last investigation: %1</source>
        <translation>Letzte Untersuchung: %1</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="391"/>
        <source>%1: %2 % of the work on this dataset</source>
        <translation>%1: %2 % der Arbeit an diesem Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="403"/>
        <source>Quirk: %1</source>
        <translation>Besonderheit: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/knowledgeview.cpp" line="416"/>
        <source>confirmed by %n</source>
        <translation>
            <numerusform>von %n bestätigt</numerusform>
            <numerusform>von %n bestätigt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="418"/>
        <source>edited %1</source>
        <translation>bearbeitet %1</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="421"/>
        <source>⏳ your note waits in the outbox</source>
        <translation>⏳ Ihre Notiz wartet im Postausgang</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="423"/>
        <source>⏳ your edit waits in the outbox</source>
        <translation>⏳ Ihre Änderung wartet im Postausgang</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="425"/>
        <source>⏳ your confirmation waits in the outbox</source>
        <translation>⏳ Ihre Bestätigung wartet im Postausgang</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="427"/>
        <source>⏳ your retirement waits in the outbox</source>
        <translation>⏳ Ihr Zurückziehen wartet im Postausgang</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="430"/>
        <source>applies to %1</source>
        <translation>gilt für %1</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="435"/>
        <source>Added %1</source>
        <translation>Hinzugefügt %1</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="437"/>
        <source>Last edited %1</source>
        <translation>Zuletzt bearbeitet %1</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="452"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="453"/>
        <source>Change the text; the earlier one stays in the history</source>
        <translation>Den Text ändern; der frühere bleibt im Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="456"/>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="459"/>
        <source>Retire…</source>
        <translation>Zurückziehen…</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="460"/>
        <source>It is no longer true: take it off this page</source>
        <translation>Sie stimmt nicht mehr: von dieser Seite nehmen</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="463"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="463"/>
        <source>Every version, who and when</source>
        <translation>Jede Fassung, wer und wann</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/knowledgeview.cpp" line="483"/>
        <source>%n quirk(s)</source>
        <translation>
            <numerusform>%n Besonderheit</numerusform>
            <numerusform>%n Besonderheiten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="499"/>
        <source>Show fewer</source>
        <translation>Weniger anzeigen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/knowledgeview.cpp" line="500"/>
        <source>Show all %n quirks</source>
        <translation>
            <numerusform>Alle %n Besonderheiten anzeigen</numerusform>
            <numerusform>Alle %n Besonderheiten anzeigen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="503"/>
        <source>Showing the first %1 of %2 quirks.</source>
        <translation>Die ersten %1 von %2 Besonderheiten werden angezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="537"/>
        <source>confidence %1 %</source>
        <translation>Konfidenz %1 %</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="540"/>
        <source>open investigation</source>
        <translation>Untersuchung öffnen</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="546"/>
        <source>Feedback score %1 — 👍 %2 / 👎 %3 on its investigation (%4)</source>
        <translation>Feedback-Wert %1 — 👍 %2 / 👎 %3 zu ihrer Untersuchung (%4)</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="552"/>
        <source>Feedback score %1</source>
        <translation>Feedback-Wert %1</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="559"/>
        <source>No findings yet — they come from completed investigations.</source>
        <translation>Noch keine Erkenntnisse — sie entstehen aus abgeschlossenen Untersuchungen.</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="572"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="578"/>
        <source>open</source>
        <translation>öffnen</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="585"/>
        <source>Nothing happened here yet.</source>
        <translation>Hier ist noch nichts geschehen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/knowledgeview.cpp" line="605"/>
        <source>%n investigation(s) in the last six months</source>
        <translation>
            <numerusform>%n Untersuchung in den letzten sechs Monaten</numerusform>
            <numerusform>%n Untersuchungen in den letzten sechs Monaten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="607"/>
        <source>👍 %1 · 👎 %2 in the last six months</source>
        <translation>👍 %1 · 👎 %2 in den letzten sechs Monaten</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="612"/>
        <source>The weekly charts are empty: %1</source>
        <translation>Die Wochendiagramme sind leer: %1</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="614"/>
        <source>The weekly charts count the latest %1 investigations.</source>
        <translation>Die Wochendiagramme zählen die letzten %1 Untersuchungen.</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="659"/>
        <source>Your change is %1.</source>
        <translation>Ihre Änderung ist %1.</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="674"/>
        <source>Could not confirm the quirk: %1</source>
        <translation>Die Besonderheit konnte nicht bestätigt werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="676"/>
        <source>Your confirmation is %1.</source>
        <translation>Ihre Bestätigung ist %1.</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="722"/>
        <source>Search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="730"/>
        <source>%1 · %2 — %3</source>
        <translation>%1 · %2 — %3</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="739"/>
        <source>Nothing in this dataset&apos;s history matches “%1”.</source>
        <translation>Nichts im Verlauf dieses Datensatzes passt zu „%1“.</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="457"/>
        <source>Say that you have seen this quirk too</source>
        <translation>Bestätigen, dass Sie diese Besonderheit auch beobachtet haben</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="153"/>
        <source>Known quirks</source>
        <translation>Bekannte Besonderheiten</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="179"/>
        <source>Top findings</source>
        <translation>Wichtigste Erkenntnisse</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="216"/>
        <source>Common issues</source>
        <translation>Häufige Probleme</translation>
    </message>
    <message>
        <location filename="../ui/knowledgeview.cpp" line="493"/>
        <source>No quirks known yet — add what surprised you.</source>
        <translation>Noch keine Besonderheiten bekannt — halten Sie fest, was Sie überrascht hat.</translation>
    </message>
</context>
<context>
    <name>ke::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="61"/>
        <source>Knowledge Explorer</source>
        <translation>Knowledge Explorer</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="195"/>
        <source>Knowledge</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="196"/>
        <source>Investigations</source>
        <translation>Untersuchungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="197"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="98"/>
        <source>Filter datasets</source>
        <translation>Datasets filtern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="116"/>
        <source>Sort datasets by</source>
        <translation>Datensätze sortieren nach</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="120"/>
        <source>By name</source>
        <translation>Nach Name</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="121"/>
        <source>By activity</source>
        <translation>Nach Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="122"/>
        <source>By problems</source>
        <translation>Nach Problemen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="175"/>
        <source>Load more</source>
        <translation>Mehr laden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="193"/>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="194"/>
        <source>Lineage</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="201"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="215"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="217"/>
        <source>Fold in new events and reload (F5)</source>
        <translation>Neue Ereignisse einarbeiten und neu laden (F5)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="219"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="220"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="222"/>
        <source>&amp;Switch Connection</source>
        <translation>Verbindung &amp;wechseln</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="226"/>
        <source>Export &amp;training data…</source>
        <translation>&amp;Trainingsdaten exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="230"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="231"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="233"/>
        <source>&amp;Search everything…</source>
        <translation>&amp;Alles durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="236"/>
        <source>Search findings, hypotheses, queries, comments and quirks of every dataset (Ctrl+K)</source>
        <translation>Erkenntnisse, Hypothesen, Abfragen, Kommentare und Besonderheiten aller Datasets durchsuchen (Strg+K)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="243"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="244"/>
        <source>&amp;About Knowledge Explorer</source>
        <translation>Ü&amp;ber Knowledge Explorer</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="245"/>
        <source>About Knowledge Explorer</source>
        <translation>Über Knowledge Explorer</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="246"/>
        <source>&lt;b&gt;Knowledge Explorer&lt;/b&gt; %1&lt;br&gt;What your team knows about each dataset: quirks, findings ranked by feedback, owners and activity.</source>
        <translation>&lt;b&gt;Knowledge Explorer&lt;/b&gt; %1&lt;br&gt;Was Ihr Team über jedes Dataset weiß: Besonderheiten, nach Feedback gewichtete Erkenntnisse, Ansprechpartner und Aktivität.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="250"/>
        <source>Main</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="267"/>
        <source>Sync progress</source>
        <translation>Fortschritt der Synchronisation</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="271"/>
        <source>Cancel sync</source>
        <translation>Synchronisation abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="272"/>
        <source>Stop the sync; what was synced so far stays, and the next sync goes on from there</source>
        <translation>Synchronisation anhalten; was bisher synchronisiert ist, bleibt, und die nächste Synchronisation macht dort weiter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="76"/>
        <source>No tenant selected. Start with KNOWLEDGE_TENANT set or pass --tenant SLUG (e.g. --tenant acme for the demo data).</source>
        <translation>Kein Mandant ausgewählt. Starten Sie mit gesetztem KNOWLEDGE_TENANT oder übergeben Sie --tenant SLUG (z. B. --tenant acme für die Demodaten).</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="340"/>
        <source>Could not sync the offline cache: %1</source>
        <translation>Der Offline-Zwischenspeicher konnte nicht synchronisiert werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="346"/>
        <source>%n queued change(s) delivered</source>
        <translation>
            <numerusform>%n vorgemerkte Änderung zugestellt</numerusform>
            <numerusform>%n vorgemerkte Änderungen zugestellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="348"/>
        <source>%n change(s) refused by the database — see the outbox</source>
        <translation>
            <numerusform>%n Änderung von der Datenbank abgelehnt — siehe Postausgang</numerusform>
            <numerusform>%n Änderungen von der Datenbank abgelehnt — siehe Postausgang</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="448"/>
        <location filename="../ui/mainwindow.cpp" line="454"/>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="476"/>
        <source>Offline · %1</source>
        <translation>Offline · %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="514"/>
        <source>Could not fold in new events: %1</source>
        <translation>Neue Ereignisse konnten nicht eingearbeitet werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="517"/>
        <source>%n new event(s) folded in</source>
        <translation>
            <numerusform>%n neues Ereignis eingearbeitet</numerusform>
            <numerusform>%n neue Ereignisse eingearbeitet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="528"/>
        <source>Could not load the datasets: %1</source>
        <translation>Die Datasets konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="558"/>
        <source>This tenant has no datasets yet. They appear when investigations are recorded.</source>
        <translation>Dieser Mandant hat noch keine Datasets. Sie erscheinen, sobald Untersuchungen erfasst werden.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="575"/>
        <source>%1 — Knowledge Explorer</source>
        <translation>%1 — Knowledge Explorer</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="628"/>
        <source>Could not load the activity: %1</source>
        <translation>Die Aktivität konnte nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>ke::OutboxDialog</name>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="60"/>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="63"/>
        <source>Changes you made while the database could not be reached wait here and are sent in the order you made them. Those the database refused need your attention: resend or discard them.</source>
        <translation>Änderungen, die Sie gemacht haben, während die Datenbank nicht erreichbar war, warten hier und werden in der Reihenfolge gesendet, in der Sie sie gemacht haben. Die von der Datenbank abgelehnten brauchen Ihre Aufmerksamkeit: erneut senden oder verwerfen.</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="74"/>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="74"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="74"/>
        <source>Made</source>
        <translation>Gemacht</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="74"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="81"/>
        <source>Selected change</source>
        <translation>Ausgewählte Änderung</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="88"/>
        <source>Your text</source>
        <translation>Ihr Text</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="93"/>
        <source>The version in the database</source>
        <translation>Die Fassung in der Datenbank</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="97"/>
        <source>&amp;Yours (edit before resending):</source>
        <translation>&amp;Ihre Fassung (vor dem erneuten Senden bearbeitbar):</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="99"/>
        <source>In the database now:</source>
        <translation>Jetzt in der Datenbank:</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="112"/>
        <source>&amp;Deliver now</source>
        <translation>Jetzt &amp;zustellen</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="114"/>
        <location filename="../ui/outboxdialog.cpp" line="264"/>
        <source>&amp;Resend</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="116"/>
        <location filename="../ui/outboxdialog.cpp" line="268"/>
        <source>Send a refused change again, as made now</source>
        <translation>Eine abgelehnte Änderung erneut senden, als jetzt gemacht</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="117"/>
        <location filename="../ui/outboxdialog.cpp" line="265"/>
        <source>D&amp;iscard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="119"/>
        <location filename="../ui/outboxdialog.cpp" line="270"/>
        <source>Give up this change: it is never sent</source>
        <translation>Diese Änderung aufgeben: Sie wird nie gesendet</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="150"/>
        <source>Rating ▲ helpful (%1)</source>
        <translation>Bewertung ▲ hilfreich (%1)</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="151"/>
        <source>Rating ▼ not helpful (%1)</source>
        <translation>Bewertung ▼ nicht hilfreich (%1)</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="157"/>
        <source>Comment: %1</source>
        <translation>Kommentar: %1</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="159"/>
        <source>New quirk: %1</source>
        <translation>Neue Besonderheit: %1</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="161"/>
        <source>Quirk edit: %1</source>
        <translation>Besonderheit geändert: %1</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="163"/>
        <source>Quirk retired: %1</source>
        <translation>Besonderheit zurückgezogen: %1</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="165"/>
        <source>Quirk confirmed</source>
        <translation>Besonderheit bestätigt</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="193"/>
        <source>Could not read the outbox: %1</source>
        <translation>Der Postausgang konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="209"/>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="209"/>
        <source>Pending</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="213"/>
        <source>waiting for the database</source>
        <translation>wartet auf die Datenbank</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="223"/>
        <source>Nothing waits: every change you made is in the database.</source>
        <translation>Nichts wartet: Jede Ihrer Änderungen ist in der Datenbank.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/outboxdialog.cpp" line="225"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n Änderung wartet</numerusform>
            <numerusform>%n Änderungen warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/outboxdialog.cpp" line="227"/>
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n braucht Ihre Aufmerksamkeit</numerusform>
            <numerusform>%n brauchen Ihre Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="264"/>
        <source>Keep &amp;mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="265"/>
        <source>Keep &amp;theirs</source>
        <translation>&amp;Deren behalten</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="266"/>
        <source>Send your version, as a change of the one the database holds now</source>
        <translation>Ihre Fassung senden, als Änderung der Fassung, die die Datenbank jetzt hat</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="269"/>
        <source>Give up your version: the database&apos;s stays</source>
        <translation>Ihre Fassung aufgeben: die der Datenbank bleibt</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="277"/>
        <source>Somebody retired this quirk meanwhile (%1): a retired quirk cannot be changed. Copy your text and add it as a new quirk if it still holds, then discard this change.</source>
        <translation>Jemand hat diese Besonderheit inzwischen zurückgezogen (%1): eine zurückgezogene Besonderheit kann nicht geändert werden. Kopieren Sie Ihren Text und fügen Sie ihn als neue Besonderheit hinzu, wenn er noch zutrifft; verwerfen Sie dann diese Änderung.</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="281"/>
        <source>Somebody else changed this quirk meanwhile (%1). Choose which version stays.</source>
        <translation>Jemand anderes hat diese Besonderheit inzwischen geändert (%1). Wählen Sie, welche Fassung bleibt.</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="319"/>
        <source>Discarded: %1</source>
        <translation>Verworfen: %1</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="324"/>
        <source>Queued again: %1</source>
        <translation>Erneut vorgemerkt: %1</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="343"/>
        <source>Delivering…</source>
        <translation>Stelle zu…</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="374"/>
        <source>Could not deliver: %1</source>
        <translation>Zustellen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="377"/>
        <source>The database cannot be reached — your changes stay queued: %1</source>
        <translation>Die Datenbank ist nicht erreichbar — Ihre Änderungen bleiben vorgemerkt: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/outboxdialog.cpp" line="380"/>
        <source>%n change(s) delivered</source>
        <translation>
            <numerusform>%n Änderung zugestellt</numerusform>
            <numerusform>%n Änderungen zugestellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/outboxdialog.cpp" line="382"/>
        <source>%n refused</source>
        <translation>
            <numerusform>%n abgelehnt</numerusform>
            <numerusform>%n abgelehnt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::PasswordKeychain</name>
    <message>
        <location filename="../ui/passwordkeychain.cpp" line="27"/>
        <source>no keychain service (Secret Service, KWallet) answers on this desktop session (error %1)</source>
        <translation>kein Schlüsselbund-Dienst (Secret Service, KWallet) antwortet in dieser Desktop-Sitzung (Fehler %1)</translation>
    </message>
</context>
<context>
    <name>ke::QuirkEditor</name>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="35"/>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="37"/>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="39"/>
        <source>retired</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="41"/>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="71"/>
        <source>Quirk text</source>
        <translation>Text der Besonderheit</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="72"/>
        <source>e.g. ETL has a 2-day lag on weekends</source>
        <translation>z. B. ETL hat am Wochenende 2 Tage Verzug</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="86"/>
        <source>Applies to</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="87"/>
        <source>The whole dataset</source>
        <translation>Den ganzen Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="87"/>
        <source>A column</source>
        <translation>Eine Spalte</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="87"/>
        <source>A schedule</source>
        <translation>Einen Zeitplan</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="88"/>
        <source>A time range</source>
        <translation>Einen Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="88"/>
        <source>As recorded</source>
        <translation>Wie erfasst</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="91"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="95"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="97"/>
        <source>weekends</source>
        <translation>Wochenenden</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="97"/>
        <source>weekdays</source>
        <translation>Werktage</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="97"/>
        <source>month end</source>
        <translation>Monatsende</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="97"/>
        <source>public holidays</source>
        <translation>Feiertage</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="98"/>
        <source>the nightly load</source>
        <translation>die nächtliche Ladung</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="101"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="105"/>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="110"/>
        <source>from</source>
        <translation>vom</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="112"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="138"/>
        <location filename="../ui/quirkeditor.cpp" line="143"/>
        <source>Why is it no longer true?</source>
        <translation>Warum stimmt sie nicht mehr?</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="139"/>
        <source>e.g. fixed by the new loader in release 4.2</source>
        <translation>z. B. behoben durch den neuen Loader in Version 4.2</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="165"/>
        <source>&amp;Text</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="169"/>
        <source>&amp;Applies to</source>
        <translation>&amp;Gilt für</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="173"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="177"/>
        <location filename="../ui/quirkeditor.cpp" line="245"/>
        <source>Quirk history</source>
        <translation>Verlauf der Besonderheit</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="180"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="180"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="180"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="180"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="194"/>
        <source>Quirk</source>
        <translation>Besonderheit</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="195"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="202"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="226"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="226"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="229"/>
        <source>Add a quirk</source>
        <translation>Besonderheit hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="230"/>
        <source>Add quirk</source>
        <translation>Besonderheit hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="233"/>
        <source>Edit quirk</source>
        <translation>Besonderheit bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="234"/>
        <source>The earlier text stays in the history.</source>
        <translation>Der frühere Text bleibt im Verlauf.</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="235"/>
        <source>Save edit</source>
        <translation>Änderung speichern</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="238"/>
        <location filename="../ui/quirkeditor.cpp" line="242"/>
        <source>Retire quirk</source>
        <translation>Besonderheit zurückziehen</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="240"/>
        <source>A retired quirk leaves the dataset&apos;s page; its history stays. Retire it when it is no longer true.</source>
        <translation>Eine zurückgezogene Besonderheit verschwindet von der Seite des Datensatzes; ihr Verlauf bleibt. Ziehen Sie sie zurück, wenn sie nicht mehr stimmt.</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="246"/>
        <source>Every version of this quirk, oldest first.</source>
        <translation>Jede Fassung dieser Besonderheit, die älteste zuerst.</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="264"/>
        <source>What should people know about &lt;b&gt;%1&lt;/b&gt;? Everybody who opens the dataset sees it.</source>
        <translation>Was sollte man über &lt;b&gt;%1&lt;/b&gt; wissen? Alle, die den Datensatz öffnen, sehen es.</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="396"/>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 Zeichen</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="416"/>
        <source>The quirk&apos;s text appears here.</source>
        <translation>Hier erscheint der Text der Besonderheit.</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="421"/>
        <location filename="../ui/quirkeditor.cpp" line="499"/>
        <source>Applies to %1</source>
        <translation>Gilt für %1</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="436"/>
        <source>Loading the history…</source>
        <translation>Der Verlauf wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="471"/>
        <source>Could not load the history: %1</source>
        <translation>Der Verlauf konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="485"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="486"/>
        <source>person %1</source>
        <translation>Person %1</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="494"/>
        <source>(no reason given)</source>
        <translation>(kein Grund angegeben)</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="494"/>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/quirkeditor.cpp" line="504"/>
        <source>%n version(s) — from the offline cache, %1</source>
        <translation>
            <numerusform>%n Fassung — aus dem Offline-Cache, %1</numerusform>
            <numerusform>%n Fassungen — aus dem Offline-Cache, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/quirkeditor.cpp" line="507"/>
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n Fassung</numerusform>
            <numerusform>%n Fassungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="527"/>
        <source>Nothing changed — edit the text or what it applies to, or cancel.</source>
        <translation>Nichts geändert — bearbeiten Sie den Text oder wofür sie gilt, oder brechen Sie ab.</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="553"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../ui/quirkeditor.cpp" line="561"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>ke::RateInvestigationDialog</name>
    <message>
        <location filename="../ui/rateinvestigationdialog.cpp" line="27"/>
        <source>Rate investigation</source>
        <translation>Untersuchung bewerten</translation>
    </message>
    <message>
        <location filename="../ui/rateinvestigationdialog.cpp" line="29"/>
        <source>Was this investigation helpful overall?</source>
        <translation>War diese Untersuchung insgesamt hilfreich?</translation>
    </message>
    <message>
        <location filename="../ui/rateinvestigationdialog.cpp" line="37"/>
        <source>Helpful</source>
        <translation>Hilfreich</translation>
    </message>
    <message>
        <location filename="../ui/rateinvestigationdialog.cpp" line="37"/>
        <source>Not helpful</source>
        <translation>Nicht hilfreich</translation>
    </message>
    <message>
        <location filename="../ui/rateinvestigationdialog.cpp" line="38"/>
        <source>Rate helpful</source>
        <translation>Als hilfreich bewerten</translation>
    </message>
    <message>
        <location filename="../ui/rateinvestigationdialog.cpp" line="38"/>
        <source>Rate not helpful</source>
        <translation>Als nicht hilfreich bewerten</translation>
    </message>
    <message>
        <location filename="../ui/rateinvestigationdialog.cpp" line="50"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../ui/rateinvestigationdialog.cpp" line="55"/>
        <source>&amp;Comment (optional):</source>
        <translation>&amp;Kommentar (optional):</translation>
    </message>
    <message>
        <location filename="../ui/rateinvestigationdialog.cpp" line="59"/>
        <source>What should the next person know about it?</source>
        <translation>Was sollte die nächste Person darüber wissen?</translation>
    </message>
    <message>
        <location filename="../ui/rateinvestigationdialog.cpp" line="60"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../ui/rateinvestigationdialog.cpp" line="94"/>
        <source>Choose Helpful or Not helpful first</source>
        <translation>Wählen Sie zuerst Hilfreich oder Nicht hilfreich</translation>
    </message>
    <message>
        <location filename="../ui/rateinvestigationdialog.cpp" line="104"/>
        <source>No particular reason</source>
        <translation>Kein bestimmter Grund</translation>
    </message>
</context>
<context>
    <name>ke::RatingButtons</name>
    <message>
        <location filename="../ui/ratingbuttons.cpp" line="34"/>
        <source>Rate helpful</source>
        <translation>Als hilfreich bewerten</translation>
    </message>
    <message>
        <location filename="../ui/ratingbuttons.cpp" line="34"/>
        <source>Rate not helpful</source>
        <translation>Als nicht hilfreich bewerten</translation>
    </message>
    <message>
        <location filename="../ui/ratingbuttons.cpp" line="36"/>
        <source>Helpful — rate this %1 up</source>
        <translation>Hilfreich — %1 positiv bewerten</translation>
    </message>
    <message>
        <location filename="../ui/ratingbuttons.cpp" line="37"/>
        <source>Not helpful — rate this %1 down</source>
        <translation>Nicht hilfreich — %1 negativ bewerten</translation>
    </message>
    <message>
        <location filename="../ui/ratingbuttons.cpp" line="53"/>
        <source>pending</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location filename="../ui/ratingbuttons.cpp" line="55"/>
        <source>Your rating waits in the outbox and is sent when the database can be reached</source>
        <translation>Ihre Bewertung wartet im Postausgang und wird gesendet, sobald die Datenbank erreichbar ist</translation>
    </message>
</context>
<context>
    <name>ke::RatingPopup</name>
    <message>
        <location filename="../ui/ratingpopup.cpp" line="22"/>
        <source>Why?</source>
        <translation>Warum?</translation>
    </message>
    <message>
        <location filename="../ui/ratingpopup.cpp" line="29"/>
        <source>&lt;b&gt;Why?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Warum?&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/ratingpopup.cpp" line="45"/>
        <source>Add comment…</source>
        <translation>Kommentar hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/ratingpopup.cpp" line="53"/>
        <source>What should others know?</source>
        <translation>Was sollten andere wissen?</translation>
    </message>
    <message>
        <location filename="../ui/ratingpopup.cpp" line="54"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../ui/ratingpopup.cpp" line="57"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
</context>
<context>
    <name>ke::SearchResultModel</name>
    <message>
        <location filename="../ui/searchresultmodel.cpp" line="37"/>
        <source>words #%1</source>
        <translation>Wörter #%1</translation>
    </message>
    <message>
        <location filename="../ui/searchresultmodel.cpp" line="39"/>
        <source>meaning #%1</source>
        <translation>Bedeutung #%1</translation>
    </message>
    <message>
        <location filename="../ui/searchresultmodel.cpp" line="41"/>
        <source>feedback %1</source>
        <translation>Feedback %1</translation>
    </message>
    <message>
        <location filename="../ui/searchresultmodel.cpp" line="46"/>
        <source>%1

score %2 — lexical rank %3, vector rank %4 (0 = not found by that signal)</source>
        <translation>%1

Score %2 — lexikalischer Rang %3, Vektorrang %4 (0 = von diesem Signal nicht gefunden)</translation>
    </message>
    <message>
        <location filename="../ui/searchresultmodel.cpp" line="61"/>
        <source>Found</source>
        <translation>Fundstelle</translation>
    </message>
    <message>
        <location filename="../ui/searchresultmodel.cpp" line="61"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/searchresultmodel.cpp" line="61"/>
        <source>Dataset</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <location filename="../ui/searchresultmodel.cpp" line="61"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../ui/searchresultmodel.cpp" line="61"/>
        <source>Why it ranked</source>
        <translation>Warum gefunden</translation>
    </message>
</context>
<context>
    <name>ke::SearchView</name>
    <message>
        <location filename="../ui/searchview.cpp" line="27"/>
        <source>Search findings, hypotheses, queries, comments and quirks</source>
        <translation>Erkenntnisse, Hypothesen, Abfragen, Kommentare und Besonderheiten durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/searchview.cpp" line="31"/>
        <source>All datasets</source>
        <translation>Alle Datasets</translation>
    </message>
    <message>
        <location filename="../ui/searchview.cpp" line="32"/>
        <source>This dataset</source>
        <translation>Dieses Dataset</translation>
    </message>
    <message>
        <location filename="../ui/searchview.cpp" line="34"/>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <location filename="../ui/searchview.cpp" line="37"/>
        <source>Offline cache</source>
        <translation>Offline-Cache</translation>
    </message>
    <message>
        <location filename="../ui/searchview.cpp" line="38"/>
        <source>Search the local cache kept by `knowledgectl sync` instead of the database (used by itself when the database cannot be reached)</source>
        <translation>Den von `knowledgectl sync` gepflegten lokalen Cache statt der Datenbank durchsuchen (geschieht automatisch, wenn die Datenbank nicht erreichbar ist)</translation>
    </message>
    <message>
        <location filename="../ui/searchview.cpp" line="40"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../ui/searchview.cpp" line="91"/>
        <source>Only %1</source>
        <translation>Nur %1</translation>
    </message>
    <message>
        <location filename="../ui/searchview.cpp" line="109"/>
        <source>Type what you are looking for, e.g. &quot;late ETL batch&quot;.</source>
        <translation>Geben Sie ein, wonach Sie suchen, z. B. &quot;verspäteter ETL-Batch&quot;.</translation>
    </message>
    <message>
        <location filename="../ui/searchview.cpp" line="126"/>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/searchview.cpp" line="139"/>
        <source>%n result(s) from the offline cache</source>
        <translation>
            <numerusform>%n Treffer aus dem Offline-Cache</numerusform>
            <numerusform>%n Treffer aus dem Offline-Cache</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/searchview.cpp" line="140"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::StructureView</name>
    <message>
        <location filename="../ui/structureview.cpp" line="20"/>
        <source>Upstream — feeds this dataset</source>
        <translation>Vorgelagert — speist diesen Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="22"/>
        <source>Downstream — fed by this dataset</source>
        <translation>Nachgelagert — wird von diesem Datensatz gespeist</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="26"/>
        <source>Read together — direction not recorded</source>
        <translation>Zusammen gelesen — Richtung nicht erfasst</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="34"/>
        <source>metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/structureview.cpp" line="36"/>
        <location filename="../ui/structureview.cpp" line="164"/>
        <source>%n investigation(s)</source>
        <translation>
            <numerusform>%n Untersuchung</numerusform>
            <numerusform>%n Untersuchungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/structureview.cpp" line="38"/>
        <location filename="../ui/structureview.cpp" line="165"/>
        <source>%n query/queries</source>
        <translation>
            <numerusform>%n Abfrage</numerusform>
            <numerusform>%n Abfragen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="63"/>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="63"/>
        <source>Related datasets</source>
        <translation>Verwandte Datensätze</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="67"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="67"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="67"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="67"/>
        <location filename="../ui/structureview.cpp" line="69"/>
        <source>Named in</source>
        <translation>Genannt in</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="69"/>
        <source>Dataset or table</source>
        <translation>Datensatz oder Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="89"/>
        <source>Select a dataset.</source>
        <translation>Wählen Sie einen Datensatz.</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="117"/>
        <location filename="../ui/structureview.cpp" line="134"/>
        <source>&lt;p&gt;&lt;b&gt;Available online.&lt;/b&gt; The schema and lineage are read from the shared database, which cannot be reached now; the offline cache holds the knowledge, findings and activity.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Online verfügbar.&lt;/b&gt; Schema und Herkunft werden aus der gemeinsamen Datenbank gelesen, die gerade nicht erreichbar ist; der Offline-Cache enthält das Wissen, die Erkenntnisse und die Aktivität.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="141"/>
        <source>Could not read what is known about this dataset: %1</source>
        <translation>Was über diesen Datensatz bekannt ist, konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="163"/>
        <source>Read from the dataset&apos;s metadata, %1 and %2.</source>
        <translation>Gelesen aus den Metadaten des Datensatzes, %1 und %2.</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="169"/>
        <source>&lt;p&gt;&lt;b&gt;No columns are known for this dataset yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Columns appear here when the dataset&apos;s metadata lists them (&lt;tt&gt;columns&lt;/tt&gt; in the dataset catalog), when an investigation records the schema it found (&lt;tt&gt;schema&lt;/tt&gt; in &lt;tt&gt;investigation.started&lt;/tt&gt;), or when investigations&apos; queries name them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Für diesen Datensatz sind noch keine Spalten bekannt.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Spalten erscheinen hier, wenn die Metadaten des Datensatzes sie aufführen (&lt;tt&gt;columns&lt;/tt&gt; im Datensatzkatalog), wenn eine Untersuchung das vorgefundene Schema festhält (&lt;tt&gt;schema&lt;/tt&gt; in &lt;tt&gt;investigation.started&lt;/tt&gt;) oder wenn Abfragen von Untersuchungen sie nennen.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/structureview.cpp" line="176"/>
        <source>%n column(s) known. </source>
        <translation>
            <numerusform>%n Spalte bekannt. </numerusform>
            <numerusform>%n Spalten bekannt. </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="179"/>
        <location filename="../ui/structureview.cpp" line="207"/>
        <source>Loaded from %1.</source>
        <translation>Geladen aus %1.</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="184"/>
        <source>primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="190"/>
        <source>&lt;p&gt;&lt;b&gt;No upstream or downstream datasets are known yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;They appear here when the dataset catalog&apos;s metadata names them (&lt;tt&gt;upstream&lt;/tt&gt;, &lt;tt&gt;downstream&lt;/tt&gt; or &lt;tt&gt;lineage&lt;/tt&gt;), when an investigation records lineage or the tables it found (&lt;tt&gt;lineage&lt;/tt&gt;, &lt;tt&gt;tables_found&lt;/tt&gt; in &lt;tt&gt;investigation.started&lt;/tt&gt;), or when investigations&apos; queries read other tables.&lt;/p&gt;%1</source>
        <translation>&lt;p&gt;&lt;b&gt;Noch sind keine vor- oder nachgelagerten Datensätze bekannt.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Sie erscheinen hier, wenn die Metadaten des Datensatzkatalogs sie nennen (&lt;tt&gt;upstream&lt;/tt&gt;, &lt;tt&gt;downstream&lt;/tt&gt; oder &lt;tt&gt;lineage&lt;/tt&gt;), wenn eine Untersuchung die Herkunft oder die gefundenen Tabellen festhält (&lt;tt&gt;lineage&lt;/tt&gt;, &lt;tt&gt;tables_found&lt;/tt&gt; in &lt;tt&gt;investigation.started&lt;/tt&gt;) oder wenn Abfragen von Untersuchungen andere Tabellen lesen.&lt;/p&gt;%1</translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="199"/>
        <source>&lt;p&gt;The metadata says it is loaded from %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Laut Metadaten wird er aus %1 geladen.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/structureview.cpp" line="203"/>
        <source>%n related dataset(s) or table(s). </source>
        <translation>
            <numerusform>%n verwandter Datensatz oder Tabelle. </numerusform>
            <numerusform>%n verwandte Datensätze oder Tabellen. </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/structureview.cpp" line="225"/>
        <source>A dataset of this tenant — open it with Enter</source>
        <translation>Ein Datensatz dieses Mandanten — mit Eingabe öffnen</translation>
    </message>
</context>
<context>
    <name>ke::TraceStepModel</name>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="24"/>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="24"/>
        <source>rejected</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="24"/>
        <source>proposed</source>
        <translation>vorgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="25"/>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="25"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="25"/>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="26"/>
        <source>submitted</source>
        <translation>abgeschickt</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="26"/>
        <source>executed</source>
        <translation>ausgeführt</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="26"/>
        <source>supports</source>
        <translation>stützt</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="27"/>
        <source>refutes</source>
        <translation>widerlegt</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="27"/>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="27"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="84"/>
        <source>▲ %1</source>
        <translation>▲ %1</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="85"/>
        <source>▼ %1</source>
        <translation>▼ %1</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="116"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="116"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="116"/>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="116"/>
        <source>Helpful</source>
        <translation>Hilfreich</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="117"/>
        <source>Not helpful</source>
        <translation>Nicht hilfreich</translation>
    </message>
    <message>
        <location filename="../ui/tracestepmodel.cpp" line="117"/>
        <source>Your rating</source>
        <translation>Ihre Bewertung</translation>
    </message>
</context>
<context>
    <name>ke::TrainingExportDialog</name>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="53"/>
        <source>Export training data</source>
        <translation>Trainingsdaten exportieren</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="55"/>
        <source>The training examples of this tenant, as the worker last built them, as JSON Lines for fine-tuning. The file is readable by you only.</source>
        <translation>Die Trainingsbeispiele dieses Mandanten, wie der Worker sie zuletzt erstellt hat, als JSON Lines zum Feintuning. Nur Sie können die Datei lesen.</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="63"/>
        <source>Tasks to export</source>
        <translation>Zu exportierende Aufgaben</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="73"/>
        <source>Raw examples (input, output, feedback score)</source>
        <translation>Rohbeispiele (Eingabe, Ausgabe, Feedback-Wert)</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="74"/>
        <source>OpenAI chat messages</source>
        <translation>OpenAI-Chatnachrichten</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="75"/>
        <source>Preference pairs (chosen / rejected)</source>
        <translation>Präferenzpaare (gewählt / abgelehnt)</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="77"/>
        <source>Only examples with a feedback score of at least</source>
        <translation>Nur Beispiele mit einem Feedback-Wert von mindestens</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="84"/>
        <source>Minimum feedback score</source>
        <translation>Mindest-Feedback-Wert</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="88"/>
        <source>Split into training and validation files, training share</source>
        <translation>In Trainings- und Validierungsdatei aufteilen, Trainingsanteil</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="95"/>
        <source>Share of investigations in the training file</source>
        <translation>Anteil der Untersuchungen in der Trainingsdatei</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="98"/>
        <source>Leave out people&apos;s free-text comments</source>
        <translation>Freitext-Kommentare der Personen weglassen</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="103"/>
        <source>Output file</source>
        <translation>Ausgabedatei</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="104"/>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="111"/>
        <source>&amp;Tasks:</source>
        <translation>&amp;Aufgaben:</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="112"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="116"/>
        <source>&amp;Output file:</source>
        <translation>A&amp;usgabedatei:</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="127"/>
        <source>Export progress</source>
        <translation>Fortschritt des Exports</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="134"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="137"/>
        <location filename="../ui/trainingexportdialog.cpp" line="184"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="169"/>
        <source>Export training data to</source>
        <translation>Trainingsdaten exportieren nach</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="170"/>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="184"/>
        <source>&amp;Cancel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="199"/>
        <source>Choose at least one task to export.</source>
        <translation>Wählen Sie mindestens eine Aufgabe zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="234"/>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="254"/>
        <source>Exporting needs the database, which cannot be reached: %1</source>
        <translation>Der Export braucht die Datenbank, die nicht erreichbar ist: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/trainingexportdialog.cpp" line="263"/>
        <source>Exported %n line(s) to %1.</source>
        <translation>
            <numerusform>%n Zeile nach %1 exportiert.</numerusform>
            <numerusform>%n Zeilen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="271"/>
        <source>Training: %1 · validation: %2</source>
        <translation>Training: %1 · Validierung: %2</translation>
    </message>
    <message>
        <location filename="../ui/trainingexportdialog.cpp" line="272"/>
        <source>Skipped: %1 below the minimum score, %2 without a feedback score, %3 without a preference pair.</source>
        <translation>Übersprungen: %1 unter dem Mindestwert, %2 ohne Feedback-Wert, %3 ohne Präferenzpaar.</translation>
    </message>
</context>
<context>
    <name>knowledgectl</name>
    <message>
        <location filename="../app/ctl/cmd_migrate.cpp" line="15"/>
        <source>schema &apos;%1&apos; is up to date (version %2)</source>
        <translation>Schema &apos;%1&apos; ist aktuell (Version %2)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_migrate.cpp" line="21"/>
        <source>applied %1</source>
        <translation>angewendet: %1</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_migrate.cpp" line="22"/>
        <source>schema &apos;%1&apos; is now at version %2</source>
        <translation>Schema &apos;%1&apos; hat jetzt Version %2</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_migrate.cpp" line="34"/>
        <source>create or upgrade the database schema</source>
        <translation>Datenbankschema anlegen oder aktualisieren</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="30"/>
        <source>no tenant given — set KNOWLEDGE_TENANT or pass --tenant SLUG|UUID</source>
        <translation>kein Mandant angegeben — setzen Sie KNOWLEDGE_TENANT oder übergeben Sie --tenant SLUG|UUID</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="53"/>
        <source>no actor given — login %1 writes for others (a service login or the schema owner): set KNOWLEDGE_ACTOR or pass --actor HANDLE|UUID, so that it is that person&apos;s</source>
        <translation>keine Person angegeben — Login %1 schreibt für andere (ein Dienst-Login oder der Schema-Eigentümer): setzen Sie KNOWLEDGE_ACTOR oder übergeben Sie --actor KÜRZEL|UUID, damit es dieser Person gehört</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="143"/>
        <source>no tenants yet — `knowledgectl tenant add SLUG` creates one, and tenants with events in %1 are found by themselves</source>
        <translation>noch keine Mandanten — `knowledgectl tenant add SLUG` legt einen an, und Mandanten mit Ereignissen in %1 werden von selbst gefunden</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="148"/>
        <source>knowledgectl: %1 of %2 tenant(s) failed; the others are done</source>
        <translation>knowledgectl: %1 von %2 Mandant(en) fehlgeschlagen; die übrigen sind erledigt</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="162"/>
        <source>usage: knowledgectl COMMAND [ARGS] [--database URL] [--tenant T] [--actor A] [--schema S] [--events-table T] [--datasets-table T [--datasets-name-column C]]</source>
        <translation>Aufruf: knowledgectl BEFEHL [ARGUMENTE] [--database URL] [--tenant T] [--actor A] [--schema S] [--events-table T] [--datasets-table T [--datasets-name-column C]]</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="178"/>
        <source>Environment: KNOWLEDGE_DATABASE_URL, KNOWLEDGE_TENANT, KNOWLEDGE_ACTOR, KNOWLEDGE_SCHEMA, KNOWLEDGE_EVENTS_TABLE (and libpq&apos;s PG* variables).</source>
        <translation>Umgebung: KNOWLEDGE_DATABASE_URL, KNOWLEDGE_TENANT, KNOWLEDGE_ACTOR, KNOWLEDGE_SCHEMA, KNOWLEDGE_EVENTS_TABLE (sowie die PG*-Variablen von libpq).</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="233"/>
        <source>internal error: %1</source>
        <translation>interner Fehler: %1</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="237"/>
        <source>knowledgectl: unknown command &apos;%1&apos; — run `knowledgectl --help` for the list</source>
        <translation>knowledgectl: unbekannter Befehl &apos;%1&apos; — `knowledgectl --help` zeigt die Liste</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_activity.cpp" line="20"/>
        <source>--limit wants a number, got &apos;%1&apos;</source>
        <translation>--limit erwartet eine Zahl, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_activity.cpp" line="22"/>
        <source>usage: knowledgectl activity DATASET [--limit N] [--before CURSOR] [--offline] [--json]</source>
        <translation>Aufruf: knowledgectl activity DATASET [--limit N] [--before CURSOR] [--offline] [--json]</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_activity.cpp" line="43"/>
        <source>recent activity of a dataset, newest first (--offline or no database: the local cache)</source>
        <translation>jüngste Aktivität eines Datasets, neueste zuerst (--offline oder ohne Datenbank: der lokale Cache)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_activity.cpp" line="36"/>
        <source>more: --before %1</source>
        <translation>mehr: --before %1</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_aggregate.cpp" line="11"/>
        <source>unexpected argument &apos;%1&apos; — usage: knowledgectl aggregate [--full]</source>
        <translation>unerwartetes Argument &apos;%1&apos; — Aufruf: knowledgectl aggregate [--full]</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_aggregate.cpp" line="18"/>
        <source>%1: %2 events processed, %3 datasets touched in %4 s</source>
        <translation>%1: %2 Ereignisse verarbeitet, %3 Datasets betroffen, in %4 s</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_aggregate.cpp" line="19"/>
        <source>full rebuild</source>
        <translation>vollständiger Neuaufbau</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_aggregate.cpp" line="19"/>
        <location filename="../app/ctl/cmd_embed.cpp" line="39"/>
        <location filename="../app/ctl/cmd_sync.cpp" line="103"/>
        <location filename="../app/ctl/trainingtext.h" line="15"/>
        <source>incremental</source>
        <translation>inkrementell</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_aggregate.cpp" line="29"/>
        <source>update dataset knowledge from new events, for the tenant given or every tenant (--full: rebuild)</source>
        <translation>Dataset-Wissen aus neuen Ereignissen aktualisieren, für den angegebenen oder jeden Mandanten (--full: neu aufbauen)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_demoseed.cpp" line="17"/>
        <source>--investigations must be a whole number of at least 0, got &apos;%1&apos;</source>
        <translation>--investigations muss eine ganze Zahl ab 0 sein, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_demoseed.cpp" line="24"/>
        <source>--seed must be a non-negative whole number, got &apos;%1&apos;</source>
        <translation>--seed muss eine nicht negative ganze Zahl sein, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_demoseed.cpp" line="27"/>
        <source>unexpected argument &apos;%1&apos; — usage: knowledgectl demo-seed [--investigations N] [--seed S] [--force]</source>
        <translation>unerwartetes Argument &apos;%1&apos; — Aufruf: knowledgectl demo-seed [--investigations N] [--seed S] [--force]</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_demoseed.cpp" line="45"/>
        <source>demo-seed: %1 of %2 investigations (%3%)</source>
        <translation>demo-seed: %1 von %2 Untersuchungen (%3 %)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_demoseed.cpp" line="59"/>
        <source>seeded %1 tenants (%2), %3 people, %4 datasets, %5 investigations: %6 events generated, %7 written (the rest were already stored), in %8 s</source>
        <translation>%1 Mandanten (%2), %3 Personen, %4 Datasets, %5 Untersuchungen angelegt: %6 Ereignisse erzeugt, %7 geschrieben (der Rest war bereits gespeichert), in %8 s</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_demoseed.cpp" line="78"/>
        <source>write realistic, deterministic demo data for the demo tenants</source>
        <translation>realistische, deterministische Demodaten für die Demo-Mandanten schreiben</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_emit.cpp" line="32"/>
        <source>usage: knowledgectl emit [FILE|-] [--allow-unknown-types] — one JSON object or JSON Lines, from FILE or stdin</source>
        <translation>Aufruf: knowledgectl emit [FILE|-] [--allow-unknown-types] — ein JSON-Objekt oder JSON Lines, aus FILE oder stdin</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_emit.cpp" line="45"/>
        <source>cannot read %1: %2 — give a readable file, or - for stdin</source>
        <translation>%1 kann nicht gelesen werden: %2 — geben Sie eine lesbare Datei an oder - für stdin</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_emit.cpp" line="75"/>
        <source>invalid JSON at character %1: %2</source>
        <translation>ungültiges JSON bei Zeichen %1: %2</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_emit.cpp" line="80"/>
        <source>expected a JSON object (one event per line)</source>
        <translation>JSON-Objekt erwartet (ein Ereignis pro Zeile)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_emit.cpp" line="94"/>
        <source> (pass --allow-unknown-types to replay another writer&apos;s stream)</source>
        <translation> (übergeben Sie --allow-unknown-types, um den Ereignisstrom eines anderen Schreibers einzuspielen)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_emit.cpp" line="104"/>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_emit.cpp" line="106"/>
        <source>%n bad line(s), nothing was written</source>
        <translation>
            <numerusform>%n fehlerhafte Zeile, nichts wurde geschrieben</numerusform>
            <numerusform>%n fehlerhafte Zeilen, nichts wurde geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_emit.cpp" line="116"/>
        <source>%1 written, %2 already present</source>
        <translation>%1 geschrieben, %2 bereits vorhanden</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_emit.cpp" line="127"/>
        <source>append events (one JSON object or JSON Lines)</source>
        <translation>Ereignisse anhängen (ein JSON-Objekt oder JSON Lines)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_evalsearch.cpp" line="42"/>
        <source>cannot read %1: %2 — DIR must hold corpus.jsonl, queries.jsonl and qrels/*.tsv (BEIR layout)</source>
        <translation>%1 kann nicht gelesen werden: %2 — DIR muss corpus.jsonl, queries.jsonl und qrels/*.tsv enthalten (BEIR-Layout)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_evalsearch.cpp" line="55"/>
        <source>%1 line %2 is not a JSON object: %3</source>
        <translation>%1 Zeile %2 ist kein JSON-Objekt: %3</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_evalsearch.cpp" line="93"/>
        <source>cannot read the judgements %1: %2</source>
        <translation>Relevanzurteile %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_evalsearch.cpp" line="107"/>
        <source>%1 holds no judgements (expected query-id, corpus-id, score separated by tabs)</source>
        <translation>%1 enthält keine Relevanzurteile (erwartet: query-id, corpus-id, score, durch Tabs getrennt)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_evalsearch.cpp" line="330"/>
        <source>usage: knowledgectl eval-search DIR [--qrels FILE] [--online] [--json] [--dimension N] [--feedback-docs N] [--feedback-weight X] [--rrf-k X] [--vector-weight X] [--posting-budget N] [--max-scored-terms N]</source>
        <translation>Aufruf: knowledgectl eval-search VERZEICHNIS [--qrels DATEI] [--online] [--json] [--dimension N] [--feedback-docs N] [--feedback-weight X] [--rrf-k X] [--vector-weight X] [--posting-budget N] [--max-scored-terms N]</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_evalsearch.cpp" line="165"/>
        <source>%1/qrels holds no *.tsv judgements — pass --qrels FILE</source>
        <translation>%1/qrels enthält keine *.tsv-Relevanzurteile — übergeben Sie --qrels FILE</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_evalsearch.cpp" line="345"/>
        <source>cannot create a temporary directory: %1</source>
        <translation>temporäres Verzeichnis kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_evalsearch.cpp" line="362"/>
        <source>%1 documents indexed in %2 ms (model %3)</source>
        <translation>%1 Dokumente in %2 ms indiziert (Modell %3)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_evalsearch.cpp" line="224"/>
        <source>query %1: %2</source>
        <translation>Anfrage %1: %2</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_evalsearch.cpp" line="232"/>
        <source>%1 (%2 queries)</source>
        <translation>%1 (%2 Anfragen)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_evalsearch.cpp" line="234"/>
        <source>mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_evalsearch.cpp" line="250"/>
        <source>hybrid / lexical nDCG@10 = %1</source>
        <translation>hybrid / lexikalisch nDCG@10 = %1</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_evalsearch.cpp" line="311"/>
        <source>online (PostgreSQL, model %1)</source>
        <translation>online (PostgreSQL, Modell %1)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_evalsearch.cpp" line="411"/>
        <source>all (%1 queries): nDCG@10 lexical %2, vector %3, hybrid %4; searched in %5 ms</source>
        <translation>alle (%1 Anfragen): nDCG@10 lexikalisch %2, Vektor %3, hybrid %4; gesucht in %5 ms</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_evalsearch.cpp" line="420"/>
        <source>online, all (%1 queries): nDCG@10 lexical %2, vector %3, hybrid %4</source>
        <translation>online, alle (%1 Anfragen): nDCG@10 lexikalisch %2, Vektor %3, hybrid %4</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_evalsearch.cpp" line="435"/>
        <source>measure search quality (nDCG@10, Recall@100, MRR@10) on a BEIR-layout collection</source>
        <translation>Suchqualität (nDCG@10, Recall@100, MRR@10) auf einer Sammlung im BEIR-Layout messen</translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="120"/>
        <source>%1 must be a UUID, got &apos;%2&apos;</source>
        <translation>%1 muss eine UUID sein, erhalten: &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_feedback.cpp" line="21"/>
        <source>usage: knowledgectl feedback --target-type T --target ID --investigation ID --rating 1|-1 [--reason R] [--comment C]%1</source>
        <translation>Aufruf: knowledgectl feedback --target-type T --target ID --investigation ID --rating 1|-1 [--reason R] [--comment C]%1</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_feedback.cpp" line="25"/>
        <source> (unexpected: %1)</source>
        <translation> (unerwartet: %1)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_feedback.cpp" line="41"/>
        <location filename="../app/ctl/cmd_outbox.cpp" line="233"/>
        <source>--rating must be 1 or -1, got &apos;%1&apos;</source>
        <translation>--rating muss 1 oder -1 sein, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_feedback.cpp" line="51"/>
        <source>recorded %1 on %2 %3 (event %4)</source>
        <translation>%1 für %2 %3 gespeichert (Ereignis %4)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_feedback.cpp" line="52"/>
        <location filename="../app/ctl/cmd_outbox.cpp" line="57"/>
        <source>thumbs up</source>
        <translation>Daumen hoch</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_feedback.cpp" line="52"/>
        <location filename="../app/ctl/cmd_outbox.cpp" line="58"/>
        <source>thumbs down</source>
        <translation>Daumen runter</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_comment.cpp" line="17"/>
        <source>usage: knowledgectl comment --investigation ID [--target ID] TEXT</source>
        <translation>Aufruf: knowledgectl comment --investigation ID [--target ID] TEXT</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_comment.cpp" line="34"/>
        <source>comment added (event %1)</source>
        <translation>Kommentar hinzugefügt (Ereignis %1)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_feedback.cpp" line="63"/>
        <source>rate a step of an investigation</source>
        <translation>einen Schritt einer Untersuchung bewerten</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_comment.cpp" line="42"/>
        <source>comment on an investigation</source>
        <translation>eine Untersuchung kommentieren</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_knowledge.cpp" line="14"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_knowledge.cpp" line="22"/>
        <source>usage: knowledgectl knowledge DATASET [--offline] [--json] (DATASET is a UUID or a name such as public.orders)</source>
        <translation>Aufruf: knowledgectl knowledge DATASET [--offline] [--json] (DATASET ist eine UUID oder ein Name wie public.orders)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_knowledge.cpp" line="32"/>
        <source>%n investigation(s), last %1</source>
        <translation>
            <numerusform>%n Untersuchung, zuletzt %1</numerusform>
            <numerusform>%n Untersuchungen, zuletzt %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_knowledge.cpp" line="35"/>
        <source>feedback: %1 up, %2 down</source>
        <translation>Feedback: %1 positiv, %2 negativ</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_knowledge.cpp" line="39"/>
        <source>Known quirks:</source>
        <translation>Bekannte Besonderheiten:</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_knowledge.cpp" line="41"/>
        <location filename="../app/ctl/cmd_knowledge.cpp" line="50"/>
        <location filename="../app/ctl/cmd_knowledge.cpp" line="56"/>
        <location filename="../app/ctl/cmd_knowledge.cpp" line="62"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_knowledge.cpp" line="44"/>
        <source>by %1, %2, %n confirmation(s)</source>
        <translation>
            <numerusform>von %1, %2, %n Bestätigung</numerusform>
            <numerusform>von %1, %2, %n Bestätigungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_knowledge.cpp" line="48"/>
        <source>Top findings:</source>
        <translation>Wichtigste Erkenntnisse:</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_knowledge.cpp" line="54"/>
        <source>Common issues:</source>
        <translation>Häufige Probleme:</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_knowledge.cpp" line="59"/>
        <source>last %1</source>
        <translation>zuletzt %1</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_knowledge.cpp" line="60"/>
        <source>Owners:</source>
        <translation>Ansprechpartner:</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_knowledge.cpp" line="72"/>
        <source>what the team knows about a dataset (--offline or no database: the local cache)</source>
        <translation>was das Team über ein Dataset weiß (--offline oder ohne Datenbank: der lokale Cache)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_quirk.cpp" line="14"/>
        <source>usage: knowledgectl quirk add DATASET TEXT [--applies-to WHAT] | edit QUIRK_ID TEXT | retire QUIRK_ID [--reason R] | confirm QUIRK_ID</source>
        <translation>Aufruf: knowledgectl quirk add DATASET TEXT [--applies-to WHAT] | edit QUIRK_ID TEXT | retire QUIRK_ID [--reason R] | confirm QUIRK_ID</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_quirk.cpp" line="31"/>
        <source>QUIRK_ID must be a UUID, got &apos;%1&apos;</source>
        <translation>QUIRK_ID muss eine UUID sein, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_quirk.cpp" line="41"/>
        <source>--investigation must be a UUID, got &apos;%1&apos;</source>
        <translation>--investigation muss eine UUID sein, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_quirk.cpp" line="56"/>
        <source>offline, dataset &apos;%1&apos; can only be found in the offline cache, which says: %2 — give the dataset&apos;s UUID instead</source>
        <translation>offline kann der Datensatz „%1“ nur im Offline-Cache gefunden werden, und dieser meldet: %2 — geben Sie stattdessen die UUID des Datensatzes an</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_quirk.cpp" line="86"/>
        <source>quirk %1: %2 (event %3)</source>
        <translation>Besonderheit %1: %2 (Ereignis %3)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_quirk.cpp" line="95"/>
        <source>add, edit, retire or confirm a quirk</source>
        <translation>eine Besonderheit hinzufügen, bearbeiten, zurückziehen oder bestätigen</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_datasets.cpp" line="24"/>
        <source>list the tenant&apos;s datasets</source>
        <translation>die Datasets des Mandanten auflisten</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_status.cpp" line="18"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="26"/>
        <source>usage: knowledgectl status [--json] — unexpected argument &apos;%1&apos;</source>
        <translation>Aufruf: knowledgectl status [--json] — unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="124"/>
        <source>server:       %1 (%2)</source>
        <translation>Server:          %1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="128"/>
        <source>not migrated — run `knowledgectl migrate`</source>
        <translation>nicht migriert — führen Sie `knowledgectl migrate` aus</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="130"/>
        <source>version %1 (up to date)</source>
        <translation>Version %1 (aktuell)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="132"/>
        <source>version %1, this build knows %2 — run `knowledgectl migrate`</source>
        <translation>Version %1, dieser Build kennt %2 — führen Sie `knowledgectl migrate` aus</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="136"/>
        <source>version %1, newer than this build (%2) — upgrade knowledgectl</source>
        <translation>Version %1, neuer als dieser Build (%2) — aktualisieren Sie knowledgectl</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="139"/>
        <source>schema:       %1: %2</source>
        <translation>Schema:          %1: %2</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="140"/>
        <source>events table: %1 (%2)</source>
        <translation>Ereignistabelle: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="142"/>
        <source>the product&apos;s own</source>
        <translation>produkteigen</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="143"/>
        <source>external, read and appended only</source>
        <translation>extern, nur gelesen und ergänzt</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="147"/>
        <source>installed (%1)</source>
        <translation>installiert (%1)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="149"/>
        <source>available (%1), not installed in this database</source>
        <translation>verfügbar (%1), in dieser Datenbank nicht installiert</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="152"/>
        <source>not available — embeddings are stored as real[]</source>
        <translation>nicht verfügbar — Embeddings werden als real[] gespeichert</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="153"/>
        <source>pgvector:     %1</source>
        <translation>pgvector:        %1</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="156"/>
        <source>tenant:       %1 (%2): %3</source>
        <translation>Mandant:         %1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="163"/>
        <source>tenants:      %1</source>
        <translation>Mandanten:       %1</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="170"/>
        <source>(not registered: registered on first use, or name it with `knowledgectl tenant add SLUG --id %1`)</source>
        <translation>(nicht registriert: wird bei der ersten Verwendung registriert, oder benennen Sie ihn mit `knowledgectl tenant add SLUG --id %1`)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_status.cpp" line="185"/>
        <source>server, schema version, event counts, pgvector</source>
        <translation>Server, Schemaversion, Ereigniszahlen, pgvector</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_worker.cpp" line="106"/>
        <source>usage: knowledgectl worker [--once] [--aggregate-interval SECONDS] [--embed-interval SECONDS] [--training-interval SECONDS] (intervals are whole seconds ≥ 1)</source>
        <translation>Aufruf: knowledgectl worker [--once] [--aggregate-interval SECONDS] [--embed-interval SECONDS] [--training-interval SECONDS] (Intervalle in ganzen Sekunden ≥ 1)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_worker.cpp" line="150"/>
        <source>cannot set up signal handling</source>
        <translation>Signalbehandlung kann nicht eingerichtet werden</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_worker.cpp" line="157"/>
        <source>stopping: cancelling the running jobs</source>
        <translation>wird beendet: die laufenden Jobs werden abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_worker.cpp" line="176"/>
        <source>worker started (each job once)</source>
        <translation>Worker gestartet (jeder Job einmal)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_worker.cpp" line="177"/>
        <source>worker started</source>
        <translation>Worker gestartet</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_worker.cpp" line="185"/>
        <source>worker stopped</source>
        <translation>Worker beendet</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_worker.cpp" line="194"/>
        <source>run the background jobs on their schedule</source>
        <translation>die Hintergrundjobs nach Zeitplan ausführen</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_embed.cpp" line="16"/>
        <source>unexpected argument &apos;%1&apos; — usage: knowledgectl embed [--full]</source>
        <translation>unerwartetes Argument &apos;%1&apos; — Aufruf: knowledgectl embed [--full]</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_embed.cpp" line="38"/>
        <source>documents (%1): %2 changed, %3 retired</source>
        <translation>Dokumente (%1): %2 geändert, %3 zurückgezogen</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_embed.cpp" line="39"/>
        <location filename="../app/ctl/trainingtext.h" line="15"/>
        <source>full</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_embed.cpp" line="43"/>
        <source>embedded 0 (no documents yet)</source>
        <translation>0 eingebettet (noch keine Dokumente)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_embed.cpp" line="46"/>
        <source>learned a new local model: %1</source>
        <translation>neues lokales Modell gelernt: %1</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_embed.cpp" line="47"/>
        <source>embedded %1 with model %2, removed %3 old vector(s)</source>
        <translation>%1 mit Modell %2 eingebettet, %3 alte(n) Vektor(en) entfernt</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_embed.cpp" line="54"/>
        <source>done in %1 s</source>
        <translation>fertig in %1 s</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_embed.cpp" line="63"/>
        <source>update the searchable documents and embed new ones, for the tenant given or every tenant (--full: recompute every document)</source>
        <translation>die durchsuchbaren Dokumente aktualisieren und neue einbetten, für den angegebenen oder jeden Mandanten (--full: jedes Dokument neu berechnen)</translation>
    </message>
    <message>
        <location filename="../app/ctl/trainingtext.h" line="14"/>
        <source>%1 build: %2 investigation(s), %3 example(s) in %4 s</source>
        <translation>Aufbau (%1): %2 Untersuchung(en), %3 Beispiel(e) in %4 s</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_buildtraining.cpp" line="15"/>
        <source>unexpected argument &apos;%1&apos; — usage: knowledgectl build-training [--full]</source>
        <translation>unerwartetes Argument &apos;%1&apos; — Aufruf: knowledgectl build-training [--full]</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_buildtraining.cpp" line="28"/>
        <source>rebuild the training examples from the event log, for the tenant given or every tenant</source>
        <translation>die Trainingsbeispiele aus dem Ereignisprotokoll neu aufbauen, für den angegebenen oder jeden Mandanten</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_exporttraining.cpp" line="28"/>
        <source>--min-score &apos;%1&apos; is not a number — give e.g. --min-score 0.5</source>
        <translation>--min-score &apos;%1&apos; ist keine Zahl — geben Sie z. B. --min-score 0.5 an</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_exporttraining.cpp" line="41"/>
        <source>--since &apos;%1&apos; is not a date — give YYYY-MM-DD or an ISO 8601 date and time</source>
        <translation>--since &apos;%1&apos; ist kein Datum — geben Sie YYYY-MM-DD oder Datum und Uhrzeit nach ISO 8601 an</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_exporttraining.cpp" line="61"/>
        <source>--split &apos;%1&apos; is not a number — give e.g. --split 0.9</source>
        <translation>--split &apos;%1&apos; ist keine Zahl — geben Sie z. B. --split 0.9 an</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_exporttraining.cpp" line="74"/>
        <source>unexpected argument &apos;%1&apos; — run `knowledgectl --help` for the usage</source>
        <translation>unerwartetes Argument &apos;%1&apos; — `knowledgectl --help` zeigt den Aufruf</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_exporttraining.cpp" line="87"/>
        <source>exporting the examples as last built by the worker (login %1 does not build them; a service login runs `knowledgectl build-training`)</source>
        <translation>exportiere die Beispiele, wie der Worker sie zuletzt erstellt hat (Login %1 erstellt sie nicht; ein Dienst-Login führt `knowledgectl build-training` aus)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_exporttraining.cpp" line="102"/>
        <source>exported %1 line(s) to %2 in %3 s</source>
        <translation>%1 Zeile(n) nach %2 exportiert in %3 s</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_exporttraining.cpp" line="108"/>
        <source>  train: %1, valid: %2</source>
        <translation>  Training: %1, Validierung: %2</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_exporttraining.cpp" line="110"/>
        <source>  tenants (opted in, anonymised): %1</source>
        <translation>  Mandanten (zugestimmt, anonymisiert): %1</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_exporttraining.cpp" line="115"/>
        <source>skipped: %1 below --min-score, %2 without a feedback score, %3 filtered out by --since/--dataset-type/--issue-type, %4 without a preference pair</source>
        <translation>übersprungen: %1 unter --min-score, %2 ohne Feedback-Score, %3 durch --since/--dataset-type/--issue-type herausgefiltert, %4 ohne Präferenzpaar</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_exporttraining.cpp" line="137"/>
        <source>bring the training examples up to date (unless --no-build) and export them as JSON Lines</source>
        <translation>die Trainingsbeispiele aktualisieren (außer mit --no-build) und als JSON Lines exportieren</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_search.cpp" line="18"/>
        <source>usage: knowledgectl search QUERY [--dataset D] [--type T] [--limit N] [--offline] [--json]</source>
        <translation>Aufruf: knowledgectl search QUERY [--dataset D] [--type T] [--limit N] [--offline] [--json]</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_search.cpp" line="23"/>
        <source>no query given — %1</source>
        <translation>keine Suchanfrage angegeben — %1</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_search.cpp" line="24"/>
        <source>give the query as one argument (quote it) — %1</source>
        <translation>geben Sie die Suchanfrage als ein Argument an (in Anführungszeichen) — %1</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_search.cpp" line="32"/>
        <source>--limit must be a number from 1 to 1000, not &apos;%1&apos;</source>
        <translation>--limit muss eine Zahl von 1 bis 1000 sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_search.cpp" line="59"/>
        <source>no results (%1)</source>
        <translation>keine Treffer (%1)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_search.cpp" line="79"/>
        <source>search findings, hypotheses, queries, comments and quirks (online; --offline or no database: the local cache)</source>
        <translation>Erkenntnisse, Hypothesen, Abfragen, Kommentare und Besonderheiten durchsuchen (online; mit --offline oder ohne Datenbank: der lokale Cache)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_sync.cpp" line="23"/>
        <source>unexpected argument &quot;%1&quot; — usage: knowledgectl sync [--json]</source>
        <translation>unerwartetes Argument &quot;%1&quot; — Aufruf: knowledgectl sync [--json]</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_sync.cpp" line="49"/>
        <source>sync: %1 of %2 changes</source>
        <translation>Synchronisierung: %1 von %2 Änderungen</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_sync.cpp" line="55"/>
        <source>outbox: %1 queued change(s) delivered, %2 refused (see `knowledgectl outbox list`)</source>
        <translation>Postausgang: %1 wartende Änderung(en) zugestellt, %2 abgelehnt (siehe `knowledgectl outbox list`)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_sync.cpp" line="101"/>
        <source>%1 sync of %2: %3 added, %4 updated, %5 removed in %6 s (%7 docs/s)</source>
        <translation>Synchronisierung (%1) von %2: %3 hinzugefügt, %4 aktualisiert, %5 entfernt in %6 s (%7 Dok./s)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_sync.cpp" line="103"/>
        <source>cold</source>
        <translation>kalt</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_sync.cpp" line="112"/>
        <source>offline snapshot: datasets %1, activity items %2, investigations %3, traces %4 (%5 fetched, %6 dropped), quirks %7; %8 MiB in %9 s</source>
        <translation>Offline-Abzug: Datasets %1, Aktivitäten %2, Untersuchungen %3, Verläufe %4 (%5 geholt, %6 entfernt), Besonderheiten %7; %8 MiB in %9 s</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_sync.cpp" line="126"/>
        <source>embedding model: %1 (every document re-embedded)</source>
        <translation>Embedding-Modell: %1 (jedes Dokument neu eingebettet)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_sync.cpp" line="137"/>
        <source>bring the tenant&apos;s offline cache (search, knowledge, activity, investigations) up to date</source>
        <translation>den Offline-Cache des Mandanten (Suche, Wissen, Aktivität, Untersuchungen) aktualisieren</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_tenant.cpp" line="12"/>
        <location filename="../app/ctl/cmd_tenant.cpp" line="23"/>
        <source>usage: knowledgectl tenant add SLUG [--id UUID] [--name NAME]</source>
        <translation>Aufruf: knowledgectl tenant add SLUG [--id UUID] [--name NAME]</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_tenant.cpp" line="18"/>
        <source>&apos;%1&apos; is not a tenant UUID — usage: knowledgectl tenant add SLUG [--id UUID] [--name NAME]</source>
        <translation>&apos;%1&apos; ist keine Mandanten-UUID — Aufruf: knowledgectl tenant add SLUG [--id UUID] [--name NAME]</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_tenant.cpp" line="31"/>
        <source>the slug &apos;%1&apos; already names tenant %2 — choose another slug</source>
        <translation>der Slug &apos;%1&apos; bezeichnet bereits Mandant %2 — wählen Sie einen anderen Slug</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_tenant.cpp" line="41"/>
        <source>create a tenant, or name one by its UUID (--id)</source>
        <translation>einen Mandanten anlegen oder einen per UUID benennen (--id)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_access.cpp" line="19"/>
        <source>usage: knowledgectl access grant LOGIN --tenant T [--person P] [--level reader|member|service] | access grant LOGIN --all-tenants --level service | access revoke LOGIN --tenant T | access list [--json]</source>
        <translation>Aufruf: knowledgectl access grant LOGIN --tenant T [--person P] [--level reader|member|service] | access grant LOGIN --all-tenants --level service | access revoke LOGIN --tenant T | access list [--json]</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_access.cpp" line="26"/>
        <source>every tenant</source>
        <translation>alle Mandanten</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_access.cpp" line="28"/>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_access.cpp" line="29"/>
        <source>%1: %2 of %3 as %4</source>
        <translation>%1: %2 von %3 als %4</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_access.cpp" line="45"/>
        <source>give either --tenant or --all-tenants, not both</source>
        <translation>geben Sie entweder --tenant oder --all-tenants an, nicht beides</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_access.cpp" line="78"/>
        <source>no grants yet — `knowledgectl access grant LOGIN --tenant T` gives a login access to a tenant</source>
        <translation>noch keine Freigaben — `knowledgectl access grant LOGIN --tenant T` gibt einem Login Zugriff auf einen Mandanten</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_access.cpp" line="98"/>
        <source>granted %1</source>
        <translation>freigegeben: %1</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_access.cpp" line="104"/>
        <location filename="../app/ctl/cmd_apikey.cpp" line="100"/>
        <source>revoked %1</source>
        <translation>entzogen: %1</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_access.cpp" line="113"/>
        <source>give database logins access to tenants (schema owner)</source>
        <translation>Datenbank-Logins Zugriff auf Mandanten geben (Schema-Eigentümer)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_outbox.cpp" line="26"/>
        <source>queued: %n change(s) waiting</source>
        <translation>
            <numerusform>eingereiht: %n Änderung wartet</numerusform>
            <numerusform>eingereiht: %n Änderungen warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_outbox.cpp" line="31"/>
        <source>%n change(s) need attention — the database refused them; see `knowledgectl outbox list`, then resend or discard each</source>
        <translation>
            <numerusform>%n Änderung braucht Aufmerksamkeit — die Datenbank hat sie abgelehnt; siehe `knowledgectl outbox list`, dann erneut senden oder verwerfen</numerusform>
            <numerusform>%n Änderungen brauchen Aufmerksamkeit — die Datenbank hat sie abgelehnt; siehe `knowledgectl outbox list`, dann jede erneut senden oder verwerfen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_outbox.cpp" line="63"/>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_outbox.cpp" line="65"/>
        <source>yours:  &quot;%1&quot;</source>
        <translation>Ihre:   „%1“</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_outbox.cpp" line="67"/>
        <source>theirs: &quot;%1&quot; (%2, %3)</source>
        <translation>andere: „%1“ (%2, %3)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_outbox.cpp" line="112"/>
        <source>the outbox is empty: nothing waits, nothing needs attention</source>
        <translation>der Postausgang ist leer: nichts wartet, nichts braucht Aufmerksamkeit</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_outbox.cpp" line="158"/>
        <source>delivered %n change(s)</source>
        <translation>
            <numerusform>%n Änderung zugestellt</numerusform>
            <numerusform>%n Änderungen zugestellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_outbox.cpp" line="160"/>
        <source> (%n already in the database from an earlier attempt)</source>
        <translation>
            <numerusform> (%n schon von einem früheren Versuch in der Datenbank)</numerusform>
            <numerusform> (%n schon von einem früheren Versuch in der Datenbank)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_outbox.cpp" line="181"/>
        <source>discarded %1 (%2, %3)</source>
        <translation>verworfen: %1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_outbox.cpp" line="196"/>
        <source>queued again as %1</source>
        <translation>erneut eingereiht als %1</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_outbox.cpp" line="203"/>
        <source>usage: knowledgectl outbox list [--all] [--json] | deliver [--json] | discard ID | resend ID [--text T] [--rating 1|-1] [--reason R] [--comment C]</source>
        <translation>Aufruf: knowledgectl outbox list [--all] [--json] | deliver [--json] | discard ID | resend ID [--text T] [--rating 1|-1] [--reason R] [--comment C]</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_outbox.cpp" line="252"/>
        <source>written, but without the outbox (changes made offline cannot be kept until it opens): %1</source>
        <translation>geschrieben, aber ohne Postausgang (offline gemachte Änderungen können erst aufbewahrt werden, wenn er sich öffnen lässt): %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_outbox.cpp" line="257"/>
        <source>delivered %n earlier change(s) from the outbox</source>
        <translation>
            <numerusform>%n frühere Änderung aus dem Postausgang zugestellt</numerusform>
            <numerusform>%n frühere Änderungen aus dem Postausgang zugestellt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_outbox.cpp" line="264"/>
        <source>the database cannot be reached (%1); the change is kept in the outbox and delivered by the next change made online or by `knowledgectl outbox deliver`</source>
        <translation>die Datenbank ist nicht erreichbar (%1); die Änderung bleibt im Postausgang und wird mit der nächsten Änderung online oder mit `knowledgectl outbox deliver` zugestellt</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_outbox.cpp" line="289"/>
        <source>changes made offline: list, deliver, discard or resend</source>
        <translation>offline gemachte Änderungen: auflisten, zustellen, verwerfen oder erneut senden</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_apikey.cpp" line="16"/>
        <source>usage: knowledgectl api-key create --tenant T [--person P] [--name N] [--rate PER_MINUTE] | api-key list [--json] | api-key revoke ID</source>
        <translation>Aufruf: knowledgectl api-key create --tenant T [--person P] [--name N] [--rate PRO_MINUTE] | api-key list [--json] | api-key revoke ID</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_apikey.cpp" line="49"/>
        <source>--rate wants a positive number of requests per minute, got &apos;%1&apos;</source>
        <translation>--rate erwartet eine positive Zahl von Anfragen pro Minute, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_apikey.cpp" line="61"/>
        <source>API key %1 &quot;%2&quot; for tenant %3 as %4 — shown this once, only its hash is stored:</source>
        <translation>API-Schlüssel %1 &quot;%2&quot; für Mandant %3 als %4 — nur dieses eine Mal angezeigt, gespeichert wird nur sein Hash:</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_apikey.cpp" line="93"/>
        <source>no API keys</source>
        <translation>keine API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_apikey.cpp" line="103"/>
        <source>live</source>
        <translation>gültig</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_apikey.cpp" line="121"/>
        <source>revoked API key %1 &quot;%2&quot; of tenant %3</source>
        <translation>API-Schlüssel %1 &quot;%2&quot; von Mandant %3 widerrufen</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_apikey.cpp" line="148"/>
        <source>make, list and revoke the HTTP service&apos;s API keys (owner)</source>
        <translation>API-Schlüssel des HTTP-Dienstes erzeugen, auflisten und widerrufen (Eigentümer)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_serve.cpp" line="15"/>
        <source>usage: knowledgectl serve --listen HOST:PORT [--io-threads N] [--db-threads N] [--timeout SECONDS] [--warm-documents N]</source>
        <translation>Aufruf: knowledgectl serve --listen HOST:PORT [--io-threads N] [--db-threads N] [--timeout SEKUNDEN] [--warm-documents N]</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_serve.cpp" line="31"/>
        <source>--listen wants HOST:PORT (e.g. 127.0.0.1:8080; port 0 picks a free one), got &apos;%1&apos; — %2</source>
        <translation>--listen erwartet HOST:PORT (z. B. 127.0.0.1:8080; Port 0 wählt einen freien), erhalten: &apos;%1&apos; — %2</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_serve.cpp" line="48"/>
        <source>%1 wants a number of at least %2, got &apos;%3&apos;</source>
        <translation>%1 erwartet eine Zahl von mindestens %2, erhalten: &apos;%3&apos;</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_serve.cpp" line="56"/>
        <source>--warm-documents wants a number of documents (0: load no search index at start), got &apos;%1&apos;</source>
        <translation>--warm-documents erwartet eine Anzahl Dokumente (0: beim Start keinen Suchindex laden), nicht „%1“</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_serve.cpp" line="73"/>
        <source>listening on http://%1:%2</source>
        <translation>lausche auf http://%1:%2</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_serve.cpp" line="76"/>
        <source>stopping (signal %1)</source>
        <translation>beende (Signal %1)</translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_serve.cpp" line="86"/>
        <source>the HTTP API (API keys: knowledgectl api-key; README &quot;The HTTP service&quot;)</source>
        <translation>die HTTP-API (API-Schlüssel: knowledgectl api-key; README „The HTTP service“)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/explorer/main.cpp" line="62"/>
        <source>What your team knows about each dataset.</source>
        <translation>Was Ihr Team über jedes Dataset weiß.</translation>
    </message>
    <message>
        <location filename="../app/explorer/main.cpp" line="67"/>
        <source>Render the window to FILE (PNG) and exit.</source>
        <translation>Das Fenster als FILE (PNG) speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../app/explorer/main.cpp" line="71"/>
        <source>Open view V: schema, lineage, knowledge, activity, investigation or search (the Ctrl+K search popup).</source>
        <translation>Ansicht V öffnen: schema, lineage, knowledge, activity, investigation oder search (das Suchfenster von Strg+K).</translation>
    </message>
    <message>
        <location filename="../app/explorer/main.cpp" line="88"/>
        <source>Search for TEXT (in the Ctrl+K popup with --view search, else in the Search tab).</source>
        <translation>Nach TEXT suchen (mit --view search im Suchfenster von Strg+K, sonst im Reiter Suche).</translation>
    </message>
    <message>
        <location filename="../app/explorer/main.cpp" line="77"/>
        <source>Open dataset D (name or UUID) first.</source>
        <translation>Zuerst Dataset D (Name oder UUID) öffnen.</translation>
    </message>
    <message>
        <location filename="../app/explorer/main.cpp" line="81"/>
        <source>Open investigation I (UUID).</source>
        <translation>Untersuchung I (UUID) öffnen.</translation>
    </message>
    <message>
        <location filename="../app/explorer/main.cpp" line="136"/>
        <source>knowledge-explorer: cannot write the screenshot to %1 — check the folder exists and is writable</source>
        <translation>knowledge-explorer: der Screenshot kann nicht nach %1 geschrieben werden — prüfen Sie, ob der Ordner existiert und beschreibbar ist</translation>
    </message>
</context>
</TS>
