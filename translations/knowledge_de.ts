<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Database</name>
    <message>
        <location filename="../core/database.cpp" line="38"/>
        <source>%1: cannot reach the database: %2 — start it with `scripts/postgres start` or set KNOWLEDGE_DATABASE_URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/database.cpp" line="47"/>
        <source>%1: the database schema is missing or out of date (%2) — run `knowledgectl migrate`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/database.cpp" line="53"/>
        <source>%1: refused by the database: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/database.cpp" line="56"/>
        <source>%1: the database refused it (SQLSTATE %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/database.cpp" line="59"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/database.cpp" line="73"/>
        <source>cannot reach the database at %1: %2 — start it with `scripts/postgres start`, or set KNOWLEDGE_DATABASE_URL / --database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/database.cpp" line="83"/>
        <source>preparing the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/database.cpp" line="133"/>
        <source>selecting tenant &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/database.cpp" line="139"/>
        <source>unknown tenant &apos;%1&apos; — give a tenant UUID or slug that exists (`knowledgectl status` lists them; `knowledgectl tenant add SLUG` creates one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/database.cpp" line="155"/>
        <source>no tenant selected — set KNOWLEDGE_TENANT or --tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/database.cpp" line="156"/>
        <source>resolving person &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/database.cpp" line="176"/>
        <source>unknown person &apos;%1&apos; in this tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/database.cpp" line="180"/>
        <source>&apos;%1&apos; is neither a UUID nor a valid handle (letters, digits, . _ @ -, at most 64)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/database.cpp" line="200"/>
        <source>&apos;%1&apos; is not a valid tenant slug: use lowercase letters, digits, &apos;-&apos; and &apos;_&apos;, starting with a letter or digit, at most 63</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/database.cpp" line="205"/>
        <source>creating tenant &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <location filename="../core/migrator.cpp" line="38"/>
        <source>reading the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/migrator.cpp" line="54"/>
        <source>migrating schema &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/migrator.cpp" line="72"/>
        <source>the database schema &apos;%1&apos; is at version %2, newer than this build knows (%3) — upgrade Knowledge Explorer before using this database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/migrator.cpp" line="88"/>
        <source>migration %1 (%2) differs from the one applied to this database — migrations must never be edited once released; add a new one instead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ke::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="14"/>
        <source>Knowledge Explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="24"/>
        <source>Select a dataset to see what your team knows about it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="25"/>
        <source>Knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="26"/>
        <source>Recent activity appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="26"/>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="27"/>
        <source>Search findings, hypotheses, queries, comments and quirks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="28"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="31"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="32"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="35"/>
        <source>no tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="36"/>
        <source>Tenant: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>knowledgectl</name>
    <message>
        <location filename="../app/ctl/cmd_migrate.cpp" line="17"/>
        <source>schema &apos;%1&apos; is up to date (version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_migrate.cpp" line="24"/>
        <source>applied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_migrate.cpp" line="26"/>
        <source>schema &apos;%1&apos; is now at version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_migrate.cpp" line="37"/>
        <source>usage: knowledgectl tenant add SLUG [--name NAME]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_migrate.cpp" line="55"/>
        <source>create or upgrade the database schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ctl/cmd_migrate.cpp" line="58"/>
        <source>create a tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="25"/>
        <source>no tenant given — set KNOWLEDGE_TENANT or pass --tenant SLUG|UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="75"/>
        <source>usage: knowledgectl COMMAND [ARGS] [--database URL] [--tenant T] [--actor A] [--schema S] [--events-table T]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="88"/>
        <source>Environment: KNOWLEDGE_DATABASE_URL, KNOWLEDGE_TENANT, KNOWLEDGE_ACTOR, KNOWLEDGE_SCHEMA, KNOWLEDGE_EVENTS_TABLE (and libpq&apos;s PG* variables).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="130"/>
        <source>internal error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ctl/main.cpp" line="135"/>
        <source>knowledgectl: unknown command &apos;%1&apos; — run `knowledgectl --help` for the list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/explorer/main.cpp" line="37"/>
        <source>What your team knows about each dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/explorer/main.cpp" line="42"/>
        <source>Render the window to FILE (PNG) and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/explorer/main.cpp" line="46"/>
        <source>Open view V: knowledge, activity or search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/explorer/main.cpp" line="64"/>
        <source>knowledge-explorer: cannot write the screenshot to %1 — check the folder exists and is writable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
