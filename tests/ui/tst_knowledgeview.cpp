// The Knowledge tab against a real database (demo data, as a member login): the summary line,
// quirk cards with their full text, findings and activity with links to investigations, the
// weekly charts counting what the database holds, the inline history search; and the pieces
// it is made of — relative times, week buckets, palette-aware charts, the sorted dataset list.

#include "catalogue.h"
#include "databasetestcase.h"
#include "datasetlistmodel.h"
#include "knowledgecharts.h"
#include "knowledgeclient.h"
#include "knowledgeview.h"
#include "relativetime.h"
#include "settle.h"

#include <QAbstractItemModelTester>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPalette>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace ke;
using As = test::TestDatabase::As;

class TestKnowledgeView : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    ConnectionSettings m_settings;
    QTranslator m_english; ///< its plural forms ("3 weeks ago"), as the application loads them

    static int barTotal(QChartView *view, int set)
    {
        auto *series = qobject_cast<QBarSeries *>(view->chart()->series().value(0));
        if (!series || set >= series->count())
            return -1;
        int total = 0;
        QBarSet *bars = series->barSets().at(set);
        for (int i = 0; i < bars->count(); ++i)
            total += int(bars->at(i));
        return total;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_english.load(QStringLiteral(KE_QM_DIR "/knowledge_en.qm")));
        QCoreApplication::installTranslator(&m_english);
        KE_CREATE_CACHED_TEST_DATABASE("knowledgeview");
        for (const QStringList &step :
             {QStringList{QStringLiteral("demo-seed"), QStringLiteral("--investigations"),
                          QStringLiteral("60"), QStringLiteral("--seed"), QStringLiteral("11")},
              QStringList{QStringLiteral("aggregate")},
              QStringList{QStringLiteral("embed"), QStringLiteral("--tenant"),
                          QStringLiteral("acme")}}) {
            const auto r = m_db->run(QStringLiteral("knowledgectl"), step);
            QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        }
        m_settings = m_db->memberSettings(QStringLiteral("acme"), QStringLiteral("rita"));
    }

    void relativeTimesAreWhatPeopleSay()
    {
        const QDateTime now = QDateTime::currentDateTime();
        QCOMPARE(RelativeTime::ago(now.addSecs(-20), now), QStringLiteral("just now"));
        QCOMPARE(RelativeTime::ago(now.addSecs(-60), now), QStringLiteral("1 minute ago"));
        QCOMPARE(RelativeTime::ago(now.addSecs(-5 * 60), now), QStringLiteral("5 minutes ago"));
        QCOMPARE(RelativeTime::ago(now.addDays(-3), now), QStringLiteral("3 days ago"));
        QCOMPARE(RelativeTime::ago(now.addDays(-21), now), QStringLiteral("3 weeks ago"));
        QCOMPARE(RelativeTime::ago(now.addDays(-200), now), QStringLiteral("6 months ago"));
        QCOMPARE(RelativeTime::ago(now.addDays(-800), now), QStringLiteral("2 years ago"));
        QCOMPARE(RelativeTime::ago(QDateTime(), now), QStringLiteral("never"));
        QCOMPARE(RelativeTime::day(now, now), QStringLiteral("Today"));
        QCOMPARE(RelativeTime::day(now.addDays(-1), now), QStringLiteral("Yesterday"));
        QCOMPARE(RelativeTime::day(now.addDays(-2), now), QStringLiteral("2 days"));
        QVERIFY(RelativeTime::exact(now).contains(QString::number(now.date().year())));
    }

    void weeksBucketSixMonths()
    {
        const QDate today(2026, 12, 2); // a Wednesday
        const auto at = [](const QDate &d, int up, int down) {
            InvestigationSummary s;
            s.startedAt = QDateTime(d, QTime(12, 0));
            s.positive = up;
            s.negative = down;
            return s;
        };
        const QList<WeekBucket> weeks = KnowledgeCharts::weekly(
            {at(today, 2, 1), at(QDate(2026, 11, 30), 1, 0), at(QDate(2026, 11, 29), 0, 3),
             at(today.addDays(-7 * 30), 9, 9)},
            today);
        QCOMPARE(weeks.size(), KnowledgeCharts::weeks);
        QCOMPARE(weeks.last().monday, QDate(2026, 11, 30));
        QCOMPARE(weeks.last().investigations, 2);
        QCOMPARE(weeks.last().positive, 3);
        QCOMPARE(weeks.last().negative, 1);
        QCOMPARE(weeks.at(weeks.size() - 2).investigations, 1); // Sunday the 29th: last week
        QCOMPARE(weeks.at(weeks.size() - 2).negative, 3);
        int total = 0;
        for (const WeekBucket &b : weeks)
            total += b.investigations;
        QCOMPARE(total, 3); // seven months ago is not on the chart
    }

    void chartsFollowTheLightAndDarkPalettes()
    {
        QPalette light;
        light.setColor(QPalette::Window, QColor(0xf5, 0xf5, 0xf5));
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        QList<WeekBucket> weeks(KnowledgeCharts::weeks);
        weeks.last().positive = 4;
        weeks.last().negative = 1;
        for (const bool isDark : {false, true}) {
            const QPalette &p = isDark ? dark : light;
            std::unique_ptr<QChart> chart(KnowledgeCharts::feedbackChart(weeks, p));
            QCOMPARE(chart->backgroundBrush().color(), p.color(QPalette::Base));
            QCOMPARE(chart->theme(), isDark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
            for (QAbstractAxis *axis : chart->axes())
                QCOMPARE(axis->labelsColor(), p.color(QPalette::Text));
            auto *series = qobject_cast<QBarSeries *>(chart->series().value(0));
            QVERIFY(series);
            QCOMPARE(series->barSets().at(0)->color(), KnowledgeCharts::positiveColor(p));
            QCOMPARE(series->barSets().at(1)->color(), KnowledgeCharts::negativeColor(p));
            QCOMPARE(series->barSets().at(0)->at(KnowledgeCharts::weeks - 1), 4.0);
        }
        QVERIFY(KnowledgeCharts::positiveColor(light) != KnowledgeCharts::positiveColor(dark));
    }

    void datasetListSortsAndShowsNetFeedback()
    {
        DatasetListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto dataset = [](const char *name, int investigations, int up, int down, int days) {
            DatasetSummary d;
            d.ref.name = QLatin1String(name);
            d.investigationCount = investigations;
            d.positiveFeedback = up;
            d.negativeFeedback = down;
            if (days >= 0)
                d.lastInvestigationAt = QDateTime::currentDateTimeUtc().addDays(-days);
            return d;
        };
        model.setDatasets({dataset("b.busy", 9, 1, 4, 20), dataset("a.recent", 2, 5, 0, 1),
                           dataset("c.quiet", 0, 0, 0, -1)});
        QVERIFY2(model.index(0).data().toString().contains(QLatin1String("net -3")),
                 qPrintable(model.index(0).data().toString()));
        QVERIFY(model.index(1).data().toString().contains(QLatin1String("net +5")));
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto order = [&proxy]() {
            QStringList names;
            for (int i = 0; i < proxy.rowCount(); ++i)
                names << proxy.index(i, 0).data(DatasetListModel::NameRole).toString();
            return names.join(QLatin1Char(' '));
        };
        proxy.setSortRole(DatasetListModel::NameRole);
        proxy.sort(0, Qt::AscendingOrder);
        QCOMPARE(order(), QStringLiteral("a.recent b.busy c.quiet"));
        proxy.setSortRole(DatasetListModel::LastInvestigationRole);
        proxy.sort(0, Qt::DescendingOrder);
        QCOMPARE(order(), QStringLiteral("a.recent b.busy c.quiet"));
        proxy.setSortRole(DatasetListModel::InvestigationCountRole);
        proxy.sort(0, Qt::DescendingOrder);
        QCOMPARE(order(), QStringLiteral("b.busy a.recent c.quiet"));
        proxy.setFilterRole(DatasetListModel::NameRole);
        proxy.setFilterFixedString(QStringLiteral("re"));
        QCOMPARE(order(), QStringLiteral("a.recent"));
    }

    void showsTheDatasetsKnowledge()
    {
        // The dataset with the most quirks, so that the cards are capped.
        const QString dataset = m_db->scalar(
            QStringLiteral("SELECT d.id FROM datasets d JOIN tenants t ON t.id = d.tenant_id "
                           "JOIN dataset_knowledge k ON k.dataset_id = d.id WHERE t.slug = 'acme' "
                           "ORDER BY jsonb_array_length(k.known_quirks) DESC, "
                           "k.investigation_count DESC LIMIT 1"));
        QVERIFY(!dataset.isEmpty());
        KnowledgeClient client(m_settings);
        KnowledgeView view(&client);
        view.resize(1200, 900);
        view.show();
        QSignalSpy opened(&view, &KnowledgeView::investigationRequested);
        view.setDataset(QUuid::fromString(dataset));
        QVERIFY(test::settle(view));
        const KnowledgePage &page = view.page();
        const DatasetKnowledge &k = page.knowledge.value;
        QVERIFY(!page.knowledge.offline);
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("knowledgeTitle"))->text(), k.name);
        const QString stats = view.findChild<QLabel *>(QStringLiteral("knowledgeStats"))->text();
        QVERIFY2(stats.contains(QStringLiteral("<b>%1</b> investigation").arg(k.investigationCount))
                     && stats.contains(QStringLiteral("👍 <b>%1</b>").arg(k.positiveFeedbackCount))
                     && stats.contains(QLatin1String("knows it best: @")),
                 qPrintable(stats));

        // Quirk cards: full text, author, capped with "Show all".
        QVERIFY(!k.knownQuirks.isEmpty());
        auto texts = view.findChildren<QLabel *>(QStringLiteral("quirkCardText"));
        QCOMPARE(texts.size(),
                 std::min<int>(int(k.knownQuirks.size()), KnowledgeView::quirksShown));
        QCOMPARE(texts.first()->text(), k.knownQuirks.first().text);
        const QString meta
            = view.findChildren<QLabel *>(QStringLiteral("quirkCardMeta")).first()->text();
        QVERIFY2(meta.contains(QLatin1String("ago")), qPrintable(meta));
        auto *more = view.findChild<QPushButton *>(QStringLiteral("moreQuirks"));
        if (k.knownQuirks.size() > KnowledgeView::quirksShown) {
            QVERIFY(more->isVisible());
            QTest::mouseClick(more, Qt::LeftButton);
            QCOMPARE(view.findChildren<QLabel *>(QStringLiteral("quirkCardText")).size(),
                     int(k.knownQuirks.size()));
        }

        // Findings: one row each, 👍 and a link that opens its investigation.
        const auto findings = view.findChildren<QLabel *>(QStringLiteral("finding"));
        QCOMPARE(findings.size(), int(k.topFindings.size()));
        QVERIFY(!findings.isEmpty());
        QVERIFY2(findings.first()->text().contains(QStringLiteral("👍")),
                 qPrintable(findings.first()->text()));
        QVERIFY(findings.first()->text().contains(k.topFindings.first().summary.toHtmlEscaped()));
        // Its kind in words ("root cause"), not the stored value ("root_cause").
        int rootCauses = 0;
        for (int i = 0; i < findings.size(); ++i) {
            const QString type = k.topFindings.at(i).findingType;
            QVERIFY2(FindingTypes::all().contains(type), qPrintable(type));
            QVERIFY2(findings.at(i)->text().contains(FindingTypes::label(type))
                         && !findings.at(i)->text().contains(QLatin1String("root_cause")),
                     qPrintable(findings.at(i)->text()));
            if (type == QLatin1String("root_cause")) {
                ++rootCauses;
                QVERIFY2(findings.at(i)->text().contains(QLatin1String("root cause")),
                         qPrintable(findings.at(i)->text()));
            }
        }
        QVERIFY(rootCauses > 0);
        Q_EMIT findings.first()->linkActivated(
            QStringLiteral("inv:")
            + k.topFindings.first().investigationId.toString(QUuid::WithoutBraces));
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().toUuid(), k.topFindings.first().investigationId);

        // Recent activity with days as people say them.
        const auto activity = view.findChildren<QLabel *>(QStringLiteral("activityItem"));
        QCOMPARE(activity.size(), int(page.activity.size()));
        QVERIFY(!activity.isEmpty());
        QVERIFY2(
            activity.first()->text().contains(RelativeTime::day(page.activity.first().createdAt)),
            qPrintable(activity.first()->text()));

        // The weekly charts count what the database holds for the last six months.
        const int inWindow
            = m_db->scalar(QStringLiteral("SELECT count(*) FROM agg_investigations WHERE "
                                          "dataset_id = $1 AND started_at::date >= "
                                          "date_trunc('week', now())::date - 175"),
                           {QUuid::fromString(dataset)})
                  .toInt();
        QCOMPARE(barTotal(view.findChild<QChartView *>(QStringLiteral("weeklyChart")), 0),
                 inWindow);
        auto *issues = view.findChild<QChartView *>(QStringLiteral("issuesChart"));
        QCOMPARE(issues->chart()->series().isEmpty(), k.commonIssues.isEmpty());
    }

    void chartsFollowAPaletteChange()
    {
        const QString dataset = m_db->scalar(QStringLiteral(
            "SELECT dataset_id FROM dataset_knowledge ORDER BY investigation_count DESC LIMIT 1"));
        KnowledgeClient client(m_settings);
        KnowledgeView view(&client);
        view.resize(1280, 860);
        QVERIFY(test::showDataset(view, QUuid::fromString(dataset)));
        auto *charts = view.findChild<QWidget *>(QStringLiteral("knowledgeCharts"));
        auto *weekly = view.findChild<QChartView *>(QStringLiteral("weeklyChart"));
        const auto background
            = [weekly]() { return weekly->grab().toImage().pixelColor(weekly->width() - 4, 4); };
        QVERIFY2(background().lightness() > 200, "light by default");
        const QString dir = qEnvironmentVariable("KE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            charts->grab().save(dir + QStringLiteral("/knowledge-charts.png"));

        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x26, 0x28, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Button, QColor(0x33, 0x35, 0x39));
        dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Highlight, QColor(0x4a, 0x90, 0xd9));
        dark.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
        view.setPalette(dark);
        QCoreApplication::processEvents();
        QCOMPARE(weekly->chart()->theme(), QChart::ChartThemeDark);
        QCOMPARE(weekly->chart()->backgroundBrush().color(), dark.color(QPalette::Base));
        QVERIFY2(background().lightness() < 60, "the charts follow the dark palette");
        for (QAbstractAxis *axis : weekly->chart()->axes())
            QCOMPARE(axis->labelsColor(), dark.color(QPalette::Text));
        if (!dir.isEmpty())
            charts->grab().save(dir + QStringLiteral("/knowledge-charts-dark.png"));
    }

    void searchesTheDatasetsHistoryInline()
    {
        const QString dataset = m_db->scalar(
            QStringLiteral("SELECT dataset_id FROM search_documents WHERE content ILIKE '%null%' "
                           "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"));
        QVERIFY(!dataset.isEmpty());
        KnowledgeClient client(m_settings);
        KnowledgeView view(&client);
        QVERIFY(test::showDataset(view, QUuid::fromString(dataset)));
        auto *search = view.findChild<QLineEdit *>(QStringLiteral("knowledgeSearch"));
        auto *results = view.findChild<QListWidget *>(QStringLiteral("knowledgeSearchResults"));
        QVERIFY(results->isHidden());
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("null"));
        QTRY_VERIFY_WITH_TIMEOUT(results->isVisible(), 20000);
        QVERIFY(test::settle(view));
        QVERIFY(results->count() > 0);
        QVERIFY2(results->item(0)->text().contains(QLatin1String("null"), Qt::CaseInsensitive),
                 qPrintable(results->item(0)->text()));
        // Only this dataset's history: every hit's investigation belongs to it.
        for (int i = 0; i < results->count(); ++i) {
            const QUuid inv = results->item(i)->data(Qt::UserRole + 1).toUuid();
            if (inv.isNull() || inv == QUuid::fromString(dataset))
                continue;
            QCOMPARE(m_db->scalar(QStringLiteral("SELECT dataset_id FROM agg_investigations "
                                                 "WHERE investigation_id = $1"),
                                  {inv}),
                     dataset);
        }
        // Clearing the field hides the results.
        QTest::keyClick(search, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(search, Qt::Key_Delete);
        QTRY_VERIFY_WITH_TIMEOUT(results->isHidden(), 5000);
    }
};

QTEST_MAIN(TestKnowledgeView)
#include "tst_knowledgeview.moc"
