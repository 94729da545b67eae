// The translations: German is complete and reaches every layer (core errors, GUI labels,
// knowledgectl output, plurals); English adds the plural forms the "%n thing(s)" sources lack.
// Built with KE_QM_DIR (the compiled .qm files), KE_TS_DIR (translations/ in the source tree),
// KE_LUPDATE (Qt's lupdate) and KE_SOURCE_DIR (to rescan the sources).

#include "catalogue.h"
#include "event.h"
#include "scopedlanguage.h"
#include "testdatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>

#include <QTest>
#include <QXmlStreamReader>
using namespace ke;
using namespace ke::test;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    QStringList forms; ///< the translation, or its numerus forms
};

/// Parses a Qt Linguist .ts file; on failure returns nothing and sets *error.
QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return {};
    }
    QList<TsMessage> out;
    QXmlStreamReader xml(&f);
    QString context;
    TsMessage m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = TsMessage{context,
                          {},
                          xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"),
                          false,
                          {}};
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                continue;
            m.unfinished = type == QLatin1String("unfinished");
            if (m.numerus) {
                while (xml.readNextStartElement())
                    m.forms << xml.readElementText();
            } else {
                m.forms << xml.readElementText();
            }
            if (m.forms.isEmpty() || m.forms.contains(QString()))
                m.unfinished = true;
            out << m;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1: %2 at line %3")
                     .arg(path, xml.errorString())
                     .arg(xml.lineNumber());
    return out;
}

/// %1, %2 … (and %n for plurals) in a string, sorted and unique.
QStringList placeholders(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("%(?:n|\\d+)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(s); it.hasNext();)
        found.insert(it.next().captured());
    QStringList list(found.cbegin(), found.cend());
    list.sort();
    return list;
}

QString describe(const TsMessage &m)
{
    return QStringLiteral("  [%1] %2").arg(m.context, m.source);
}

/// Runs build/bin/knowledgectl in the given language (LANGUAGE and LC_ALL), with extra
/// environment variables.
ProcessRun knowledgectl(const QString &language, const QStringList &args,
                        const QList<std::pair<QString, QString>> &extraEnv = {},
                        const QByteArray &input = {})
{
    QString bin = qEnvironmentVariable("KE_BUILD_BIN");
    if (bin.isEmpty())
        bin = QStringLiteral(KE_BUILD_BIN_DIR);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.remove(QStringLiteral("LANG"));
    if (language.isEmpty()) {
        env.remove(QStringLiteral("LANGUAGE"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    } else {
        env.insert(QStringLiteral("LANGUAGE"), language);
        env.insert(QStringLiteral("LC_ALL"), language + QStringLiteral(".UTF-8"));
    }
    for (const auto &[k, v] : extraEnv)
        env.insert(k, v);
    return test::runProcess(bin + QStringLiteral("/knowledgectl"), args, env, input, 120000);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanReachesEveryLayer()
    {
        const test::ScopedLanguage de(QStringLiteral(KE_QM_DIR), QStringLiteral("de"));
        QVERIFY2(de.isLoaded(),
                 "knowledge_de.qm was not built — build the knowledge-explorer target");

        // A knowledgectl error, a GUI label, a quick reason, a status of a trace step.
        QCOMPARE(QCoreApplication::translate(
                     "knowledgectl",
                     "no tenant given — set KNOWLEDGE_TENANT or pass --tenant SLUG|UUID"),
                 QStringLiteral("kein Mandant angegeben — setzen Sie KNOWLEDGE_TENANT oder "
                                "übergeben Sie --tenant SLUG|UUID"));
        QCOMPARE(QCoreApplication::translate("ke::KnowledgeView", "Known quirks"),
                 QStringLiteral("Bekannte Besonderheiten"));
        QCOMPARE(QCoreApplication::translate("ke::MainWindow", "&File"), QStringLiteral("&Datei"));
        QCOMPARE(QCoreApplication::translate("QuickReason", "Dead end"),
                 QStringLiteral("Sackgasse"));
        QCOMPARE(QCoreApplication::translate("ke::TraceStepModel", "succeeded"),
                 QStringLiteral("erfolgreich"));
        QCOMPARE(FindingTypes::label(QStringLiteral("root_cause")), QStringLiteral("Ursache"));

        // Plurals: both German forms.
        QCOMPARE(
            QCoreApplication::translate("ke::DatasetListModel", "%n investigation(s)", nullptr, 1),
            QStringLiteral("1 Untersuchung"));
        QCOMPARE(
            QCoreApplication::translate("ke::DatasetListModel", "%n investigation(s)", nullptr, 7),
            QStringLiteral("7 Untersuchungen"));

        // A real core error, through the class's own tr() (its context must match the .ts).
        QJsonObject json{{QStringLiteral("event_type"), 42}};
        const auto e = Event::fromJson(json);
        QVERIFY(!e);
        QVERIFY2(
            e.error().message.startsWith(QLatin1String("event_type muss eine Zeichenkette sein")),
            qPrintable(e.error().message));
    }

    void englishHasPluralForms()
    {
        const test::ScopedLanguage en(QStringLiteral(KE_QM_DIR), QStringLiteral("en"));
        QVERIFY2(en.isLoaded(), "knowledge_en.qm was not built — build the knowledgectl target");
        QCOMPARE(QCoreApplication::translate("knowledgectl", "%n event(s)", nullptr, 1),
                 QStringLiteral("1 event"));
        QCOMPARE(QCoreApplication::translate("knowledgectl", "%n event(s)", nullptr, 2),
                 QStringLiteral("2 events"));
        QCOMPARE(
            QCoreApplication::translate("ke::DatasetListModel", "%n investigation(s)", nullptr, 1),
            QStringLiteral("1 investigation"));
        // Everything else stays the source text.
        QCOMPARE(QCoreApplication::translate("ke::KnowledgeView", "Known quirks"),
                 QStringLiteral("Known quirks"));
    }

    void knowledgectlSpeaksTheUsersLanguage()
    {
        // Two paths: main() itself, and a command file's Messages::tr().
        ProcessRun r = knowledgectl(QStringLiteral("de"), {QStringLiteral("no-such-command")});
        QVERIFY2(r.exitCode != 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("unbekannter Befehl 'no-such-command'")),
                 qPrintable(r.err));
        r = knowledgectl(QStringLiteral("de"),
                         {QStringLiteral("emit"), QStringLiteral("a"), QStringLiteral("b")});
        QVERIFY2(r.err.contains(QLatin1String("Aufruf: knowledgectl emit")), qPrintable(r.err));
        r = knowledgectl(QStringLiteral("de"), {QStringLiteral("--help")});
        QVERIFY2(r.out.contains(QLatin1String("Datenbankschema anlegen oder aktualisieren")),
                 qPrintable(r.out));
        r = knowledgectl(QStringLiteral("en"), {QStringLiteral("--help")});
        QVERIFY2(r.out.contains(QLatin1String("create or upgrade the database schema")),
                 qPrintable(r.out));
    }

    void knowledgectlPluralsInEnglishAndCLocale()
    {
        auto db = TestDatabase::create(QStringLiteral("tr"));
        QVERIFY2(db, qPrintable(TestDatabase::error()));
        db->createTenant(QStringLiteral("acme"));
        const QList<std::pair<QString, QString>> env{
            {QStringLiteral("KNOWLEDGE_SCHEMA"), db->schema()},
            {QStringLiteral("KNOWLEDGE_TENANT"), QStringLiteral("acme")}};
        const QStringList emit{QStringLiteral("emit"), QStringLiteral("-")};

        ProcessRun r = knowledgectl(QStringLiteral("en"), emit, env, "not json\n");
        QVERIFY2(r.err.contains(QLatin1String("1 bad line, nothing was written")),
                 qPrintable(r.err));
        r = knowledgectl(QStringLiteral("en"), emit, env, "not json\n[]\n");
        QVERIFY2(r.err.contains(QLatin1String("2 bad lines, nothing was written")),
                 qPrintable(r.err));
        // No language set at all: English is the fallback, plurals included.
        r = knowledgectl(QString(), emit, env, "not json\n");
        QVERIFY2(r.err.contains(QLatin1String("1 bad line, nothing was written")),
                 qPrintable(r.err));
        r = knowledgectl(QStringLiteral("de"), emit, env, "not json\n[]\n");
        QVERIFY2(r.err.contains(QLatin1String("2 fehlerhafte Zeilen, nichts wurde geschrieben")),
                 qPrintable(r.err));

        // The activity feed in German: the rated step and a quick reason (stored in English)
        // are shown translated, a reason typed by hand as typed.
        const QUuid dataset = QUuid::createUuid();
        db->exec(QStringLiteral("INSERT INTO datasets (tenant_id, id, name) SELECT id, $1, "
                                "'public.orders' FROM tenants WHERE slug = 'acme'"),
                 {dataset});
        const QString inv = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString ds = dataset.toString(QUuid::WithoutBraces);
        auto feedback = [&](const char *reason) {
            return QStringLiteral("{\"event_type\":\"feedback.hypothesis\",\"investigation_id\":"
                                  "\"%1\",\"dataset_id\":\"%2\",\"actor_type\":\"user\","
                                  "\"event_data\":{\"target_id\":\"%3\",\"rating\":1,"
                                  "\"reason\":\"%4\"}}\n")
                .arg(inv, ds, QUuid::createUuid().toString(QUuid::WithoutBraces),
                     QLatin1String(reason))
                .toUtf8();
        };
        const QByteArray started
            = QStringLiteral("{\"event_type\":\"investigation.started\",\"investigation_id\":"
                             "\"%1\",\"dataset_id\":\"%2\",\"actor_type\":\"system\","
                             "\"event_data\":{\"dataset_id\":\"%2\"}}\n")
                  .arg(inv, ds)
                  .toUtf8();
        r = knowledgectl(QStringLiteral("en"), emit, env,
                         started + feedback("Right direction") + feedback("seen it in March"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = knowledgectl(QStringLiteral("en"), {QStringLiteral("aggregate")}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = knowledgectl(QStringLiteral("de"), {QStringLiteral("activity"), ds}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("Positiv bewertet: Hypothese: Richtige Richtung")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Positiv bewertet: Hypothese: seen it in March")),
                 qPrintable(r.out));
    }

    void tsFilesAreCompleteAndConsistent_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("forms");
        QTest::addColumn<bool>("pluralOnly");
        QTest::newRow("de") << QStringLiteral("knowledge_de.ts") << 2 << false;
        QTest::newRow("en") << QStringLiteral("knowledge_en.ts") << 2 << true;
    }

    /// Every message of the .ts as committed is translated, with the source's placeholders
    /// and the language's number of plural forms; the English file holds only plurals.
    void tsFilesAreCompleteAndConsistent()
    {
        QFETCH(QString, file);
        QFETCH(int, forms);
        QFETCH(bool, pluralOnly);
        QString error;
        const QList<TsMessage> messages = readTs(QStringLiteral(KE_TS_DIR "/") + file, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!messages.isEmpty());
        QStringList unfinished, wrong;
        for (const TsMessage &m : messages) {
            if (pluralOnly && !m.numerus)
                wrong << describe(m) + QStringLiteral(" (not a plural)");
            if (m.unfinished) {
                unfinished << describe(m);
                continue;
            }
            if (m.numerus && m.forms.size() != forms)
                wrong << describe(m) + QStringLiteral(" (%1 plural forms)").arg(m.forms.size());
            QStringList want = placeholders(m.source);
            for (const QString &f : m.forms) {
                QStringList got = placeholders(f);
                if (m.numerus) { // a singular form may spell the number out
                    want.removeAll(QStringLiteral("%n"));
                    got.removeAll(QStringLiteral("%n"));
                }
                if (got != want)
                    wrong << describe(m) + QStringLiteral(" -> ") + f;
            }
        }
        QVERIFY2(unfinished.isEmpty(),
                 qPrintable(QStringLiteral("%1 untranslated in %2:\n%3")
                                .arg(unfinished.size())
                                .arg(file, unfinished.join(QLatin1Char('\n')))));
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }

    /// Rescans the sources with lupdate (into a copy of each .ts): a string added to the
    /// code but not yet translated fails here, listed, until someone runs
    /// `cmake --build build --target update_translations` and translates it.
    void everySourceStringIsTranslated_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("options");
        QTest::newRow("de") << QStringLiteral("knowledge_de.ts") << QStringList();
        QTest::newRow("en") << QStringLiteral("knowledge_en.ts")
                            << QStringList{QStringLiteral("-pluralonly")};
    }

    void everySourceStringIsTranslated()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, options);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString ts = tmp.filePath(file);
        QVERIFY(QFile::copy(QStringLiteral(KE_TS_DIR "/") + file, ts));
        const QDir src(QStringLiteral(KE_SOURCE_DIR));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(
            QStringLiteral(KE_LUPDATE),
            options
                + QStringList{QStringLiteral("-no-obsolete"), QStringLiteral("-silent"),
                              src.filePath(QStringLiteral("core")),
                              src.filePath(QStringLiteral("ui")),
                              src.filePath(QStringLiteral("app/ctl")),
                              src.filePath(QStringLiteral("app/explorer")), QStringLiteral("-I"),
                              src.filePath(QStringLiteral("core")), QStringLiteral("-I"),
                              src.filePath(QStringLiteral("ui")), QStringLiteral("-I"),
                              src.filePath(QStringLiteral("app/ctl")), QStringLiteral("-ts"), ts});
        QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
        const QString log = QString::fromUtf8(lupdate.readAll());
        QCOMPARE(lupdate.exitCode(), 0);
        // lupdate's warnings name tr() calls it cannot file under a context.
        QVERIFY2(!log.contains(QLatin1String("lacks Q_OBJECT")), qPrintable(log));

        QString error;
        const QList<TsMessage> messages = readTs(ts, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList unfinished;
        for (const TsMessage &m : messages) {
            if (m.unfinished)
                unfinished << describe(m);
        }
        QVERIFY2(unfinished.isEmpty(),
                 qPrintable(QStringLiteral("%1 string(s) in the code are not translated in "
                                           "translations/%2 — run `cmake --build build --target "
                                           "update_translations` and translate them:\n%3")
                                .arg(unfinished.size())
                                .arg(file, unfinished.join(QLatin1Char('\n')))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
