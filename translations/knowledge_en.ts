<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>EventLog</name>
    <message numerus="yes">
        <location filename="../core/eventlog.cpp" line="218"/>
        <source>%n event(s) refused, nothing was written:</source>
        <translation>
            <numerusform>%n event refused, nothing was written:</numerusform>
            <numerusform>%n events refused, nothing was written:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/eventlog.cpp" line="241"/>
        <source>writing %n event(s)</source>
        <translation>
            <numerusform>writing %n event</numerusform>
            <numerusform>writing %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LsaEmbedder</name>
    <message numerus="yes">
        <location filename="../core/lsaembedder.cpp" line="205"/>
        <source>cannot learn a search model: the %n document(s) contain no words</source>
        <translation>
            <numerusform>cannot learn a search model: the %n document contains no words</numerusform>
            <numerusform>cannot learn a search model: the %n documents contain no words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::DatasetListModel</name>
    <message numerus="yes">
        <location filename="../ui/datasetlistmodel.cpp" line="41"/>
        <source>%n investigation(s)</source>
        <translation>
            <numerusform>%n investigation</numerusform>
            <numerusform>%n investigations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ke::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="191"/>
        <source>%n new event(s) folded in</source>
        <translation>
            <numerusform>%n new event folded in</numerusform>
            <numerusform>%n new events folded in</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knowledgectl</name>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_emit.cpp" line="107"/>
        <source>%n bad line(s), nothing was written</source>
        <translation>
            <numerusform>%n bad line, nothing was written</numerusform>
            <numerusform>%n bad lines, nothing was written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_knowledge.cpp" line="34"/>
        <source>%n investigation(s), last %1</source>
        <translation>
            <numerusform>%n investigation, last %1</numerusform>
            <numerusform>%n investigations, last %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ctl/cmd_knowledge.cpp" line="47"/>
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
</context>
</TS>
