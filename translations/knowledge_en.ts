<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApiKeys</name>
    <message numerus="yes">
        <location filename="../core/service/apikeys.cpp" line="175"/>
        <source>&apos;%1&apos; names %n API keys — give the key&apos;s id</source>
        <translation>
            <numerusform>&apos;%1&apos; names %n API key — give the key&apos;s id</numerusform>
            <numerusform>&apos;%1&apos; names %n API keys — give the key&apos;s id</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionCheck</name>
    <message numerus="yes">
        <location filename="../core/client/connectioncheck.cpp" line="200"/>
        <source>Signed in as %1 (%2): %n tenant(s) to choose from.</source>
        <translation>
            <numerusform>Signed in as %1 (%2): %n tenant to choose from.</numerusform>
            <numerusform>Signed in as %1 (%2): %n tenants to choose from.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventLog</name>
    <message numerus="yes">
        <location filename="../core/events/eventlog.cpp" line="327"/>
        <source>%n event(s) refused, nothing was written:</source>
        <translation>
            <numerusform>%n event refused, nothing was written:</numerusform>
            <numerusform>%n events refused, nothing was written:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/events/eventlog.cpp" line="403"/>
        <source>reading %n investigation(s)</source>
        <translation>
            <numerusform>reading %n investigation</numerusform>
            <numerusform>reading %n investigations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/events/eventlog.cpp" line="260"/>
        <source>writing %n event(s)</source>
        <translation>
            <numerusform>writing %n event</numerusform>
            <numerusform>writing %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HttpService</name>
    <message numerus="yes">
        <location filename="../core/service/httpfeedback.cpp" line="177"/>
        <location filename="../core/service/httpservice.cpp" line="149"/>
        <source>this key may make %n request(s) a minute — wait, or ask for a higher rate</source>
        <translation>
            <numerusform>this key may make %n request a minute — wait, or ask for a higher rate</numerusform>
            <numerusform>this key may make %n requests a minute — wait, or ask for a higher rate</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LsaEmbedder</name>
    <message numerus="yes">
        <location filename="../core/embedding/lsaembedder.cpp" line="159"/>
        <source>cannot learn a search model: the %n document(s) contain no words</source>
        <translation>
            <numerusform>cannot learn a search model: the %n document contains no words</numerusform>
            <numerusform>cannot learn a search model: the %n documents contain no words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/embedding/lsaembedder.cpp" line="233"/>
        <source>cannot learn a search model: the decomposition of the %n document(s) did not converge</source>
        <translation>
            <numerusform>cannot learn a search model: the decomposition of the %n document did not converge</numerusform>
            <numerusform>cannot learn a search model: the decomposition of the %n documents did not converge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonWrite</name>
    <message numerus="yes">
        <location filename="../ui/personwrite.cpp" line="9"/>
        <source>queued — will be sent when the database is reachable (%n waiting)</source>
        <translation>
            <numerusform>queued — will be sent when the database is reachable (%n waiting)</numerusform>
            <numerusform>queued — will be sent when the database is reachable (%n waiting)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="27"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="30"/>
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="34"/>
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="36"/>
        <source>%n week(s) ago</source>
        <translation>
            <numerusform>%n week ago</numerusform>
            <numerusform>%n weeks ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="38"/>
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n month ago</numerusform>
            <numerusform>%n months ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="39"/>
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="52"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="54"/>
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="56"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/relativetime.cpp" line="57"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchDocuments</name>
    <message numerus="yes">
        <location filename="../core/search/searchdocuments.cpp" line="334"/>
        <source>writing %n searchable document(s)</source>
        <translation>
            <numerusform>writing %n searchable document</numerusform>
            <numerusform>writing %n searchable documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/search/searchembeddings.cpp" line="288"/>
        <source>cannot learn the local search model from %n document(s): %1</source>
        <translation>
            <numerusform>cannot learn the local search model from %n document: %1</numerusform>
            <numerusform>cannot learn the local search model from %n documents: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingExporter</name>
    <message numerus="yes">
        <location filename="../core/training/trainingexporter.cpp" line="616"/>
        <source>nothing to export: %n investigation(s) in the event log, but none has a hypothesis, a query or a synthesis to learn from yet (%1 with feedback)</source>
        <translation>
            <numerusform>nothing to export: %n investigation in the event log, but none has a hypothesis, a query or a synthesis to learn from yet (%1 with feedback)</numerusform>
            <numerusform>nothing to export: %n investigations in the event log, but none has a hypothesis, a query or a synthesis to learn from yet (%1 with feedback)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message numerus="yes">
        <location filename="../core/jobs/jobs.cpp" line="322"/>
        <source>%n tenant(s)</source>
        <translation>
            <numerusform>%n tenant</numerusform>
            <numerusform>%n tenants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::ConnectionStatus</name>
    <message numerus="yes">
        <location filename="../ui/connectionstatus.cpp" line="87"/>
        <source>%n write(s) pending</source>
        <translation>
            <numerusform>%n write pending</numerusform>
            <numerusform>%n writes pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connectionstatus.cpp" line="89"/>
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n needs attention</numerusform>
            <numerusform>%n need attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::DatasetListModel</name>
    <message numerus="yes">
        <location filename="../ui/datasetlistmodel.cpp" line="21"/>
        <source>%n investigation(s)</source>
        <translation>
            <numerusform>%n investigation</numerusform>
            <numerusform>%n investigations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::GlobalSearch</name>
    <message numerus="yes">
        <location filename="../ui/globalsearch.cpp" line="275"/>
        <source>%n result(s) from the offline cache</source>
        <translation>
            <numerusform>%n result from the offline cache</numerusform>
            <numerusform>%n results from the offline cache</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/globalsearch.cpp" line="277"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/globalsearch.cpp" line="280"/>
        <source> in %n row(s) (near-identical ones together)</source>
        <translation>
            <numerusform> in %n row (near-identical ones together)</numerusform>
            <numerusform> in %n rows (near-identical ones together)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::GlobalSearchModel</name>
    <message numerus="yes">
        <location filename="../ui/globalsearchmodel.cpp" line="127"/>
        <source>%n similar result(s) — the same text in other places; Enter opens the best, → shows each:</source>
        <translation>
            <numerusform>%n similar result — the same text in other places; Enter opens the best, → shows each:</numerusform>
            <numerusform>%n similar results — the same text in other places; Enter opens the best, → shows each:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/globalsearchmodel.cpp" line="138"/>
        <source>  … and %n more</source>
        <translation>
            <numerusform>  … and %n more</numerusform>
            <numerusform>  … and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/globalsearchmodel.cpp" line="163"/>
        <location filename="../ui/globalsearchmodel.cpp" line="186"/>
        <source>%n similar</source>
        <translation>
            <numerusform>%n similar</numerusform>
            <numerusform>%n similar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::InvestigationDetail</name>
    <message numerus="yes">
        <location filename="../ui/investigationdetail.cpp" line="394"/>
        <source>%n query(ies)</source>
        <translation>
            <numerusform>%n query</numerusform>
            <numerusform>%n queries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/investigationdetail.cpp" line="395"/>
        <source>%n piece(s) of evidence</source>
        <translation>
            <numerusform>%n piece of evidence</numerusform>
            <numerusform>%n pieces of evidence</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/investigationdetail.cpp" line="486"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::KnowledgeView</name>
    <message numerus="yes">
        <location filename="../ui/knowledgeview.cpp" line="372"/>
        <source>&lt;b&gt;%n&lt;/b&gt; investigations</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; investigation</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; investigations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/knowledgeview.cpp" line="416"/>
        <source>confirmed by %n</source>
        <translation>
            <numerusform>confirmed by %n</numerusform>
            <numerusform>confirmed by %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/knowledgeview.cpp" line="483"/>
        <source>%n quirk(s)</source>
        <translation>
            <numerusform>%n quirk</numerusform>
            <numerusform>%n quirks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/knowledgeview.cpp" line="500"/>
        <source>Show all %n quirks</source>
        <translation>
            <numerusform>Show all %n quirks</numerusform>
            <numerusform>Show all %n quirks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/knowledgeview.cpp" line="605"/>
        <source>%n investigation(s) in the last six months</source>
        <translation>
            <numerusform>%n investigation in the last six months</numerusform>
            <numerusform>%n investigations in the last six months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="346"/>
        <source>%n queued change(s) delivered</source>
        <translation>
            <numerusform>%n queued change delivered</numerusform>
            <numerusform>%n queued changes delivered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="348"/>
        <source>%n change(s) refused by the database — see the outbox</source>
        <translation>
            <numerusform>%n change refused by the database — see the outbox</numerusform>
            <numerusform>%n changes refused by the database — see the outbox</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="517"/>
        <source>%n new event(s) folded in</source>
        <translation>
            <numerusform>%n new event folded in</numerusform>
            <numerusform>%n new events folded in</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::OutboxDialog</name>
    <message numerus="yes">
        <location filename="../ui/outboxdialog.cpp" line="225"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/outboxdialog.cpp" line="227"/>
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n needs attention</numerusform>
            <numerusform>%n need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/outboxdialog.cpp" line="380"/>
        <source>%n change(s) delivered</source>
        <translation>
            <numerusform>%n change delivered</numerusform>
            <numerusform>%n changes delivered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/outboxdialog.cpp" line="382"/>
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::QuirkEditor</name>
    <message numerus="yes">
        <location filename="../ui/quirkeditor.cpp" line="504"/>
        <source>%n version(s) — from the offline cache, %1</source>
        <translation>
            <numerusform>%n version — from the offline cache, %1</numerusform>
            <numerusform>%n versions — from the offline cache, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/quirkeditor.cpp" line="507"/>
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::SearchView</name>
    <message numerus="yes">
        <location filename="../ui/searchview.cpp" line="139"/>
        <source>%n result(s) from the offline cache</source>
        <translation>
            <numerusform>%n result from the offline cache</numerusform>
            <numerusform>%n results from the offline cache</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/searchview.cpp" line="140"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::StructureView</name>
    <message numerus="yes">
        <location filename="../ui/structureview.cpp" line="36"/>
        <location filename="../ui/structureview.cpp" line="164"/>
        <source>%n investigation(s)</source>
        <translation>
            <numerusform>%n investigation</numerusform>
            <numerusform>%n investigations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/structureview.cpp" line="38"/>
        <location filename="../ui/structureview.cpp" line="165"/>
        <source>%n query/queries</source>
        <translation>
            <numerusform>%n query</numerusform>
            <numerusform>%n queries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/structureview.cpp" line="176"/>
        <source>%n column(s) known. </source>
        <translation>
            <numerusform>%n column known. </numerusform>
            <numerusform>%n columns known. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/structureview.cpp" line="203"/>
        <source>%n related dataset(s) or table(s). </source>
        <translation>
            <numerusform>%n related dataset or table. </numerusform>
            <numerusform>%n related datasets or tables. </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::TrainingExportDialog</name>
    <message numerus="yes">
        <location filename="../ui/trainingexportdialog.cpp" line="263"/>
        <source>Exported %n line(s) to %1.</source>
        <translation>
            <numerusform>Exported %n line to %1.</numerusform>
            <numerusform>Exported %n lines to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knowledgectl</name>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_emit.cpp" line="106"/>
        <source>%n bad line(s), nothing was written</source>
        <translation>
            <numerusform>%n bad line, nothing was written</numerusform>
            <numerusform>%n bad lines, nothing was written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_knowledge.cpp" line="32"/>
        <source>%n investigation(s), last %1</source>
        <translation>
            <numerusform>%n investigation, last %1</numerusform>
            <numerusform>%n investigations, last %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_knowledge.cpp" line="44"/>
        <source>by %1, %2, %n confirmation(s)</source>
        <translation>
            <numerusform>by %1, %2, %n confirmation</numerusform>
            <numerusform>by %1, %2, %n confirmations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_status.cpp" line="18"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_outbox.cpp" line="26"/>
        <source>queued: %n change(s) waiting</source>
        <translation>
            <numerusform>queued: %n change waiting</numerusform>
            <numerusform>queued: %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_outbox.cpp" line="31"/>
        <source>%n change(s) need attention — the database refused them; see `knowledgectl outbox list`, then resend or discard each</source>
        <translation>
            <numerusform>%n change needs attention — the database refused it; see `knowledgectl outbox list`, then resend or discard it</numerusform>
            <numerusform>%n changes need attention — the database refused them; see `knowledgectl outbox list`, then resend or discard each</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_outbox.cpp" line="158"/>
        <source>delivered %n change(s)</source>
        <translation>
            <numerusform>delivered %n change</numerusform>
            <numerusform>delivered %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_outbox.cpp" line="160"/>
        <source> (%n already in the database from an earlier attempt)</source>
        <translation>
            <numerusform> (%n already in the database from an earlier attempt)</numerusform>
            <numerusform> (%n already in the database from an earlier attempt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_outbox.cpp" line="257"/>
        <source>delivered %n earlier change(s) from the outbox</source>
        <translation>
            <numerusform>delivered %n earlier change from the outbox</numerusform>
            <numerusform>delivered %n earlier changes from the outbox</numerusform>
        </translation>
    </message>
</context>
</TS>
