// The Investigations tab on demo data: the dataset's investigations listed (date, alert,
// outcome, confidence, 👍 / 👎) with filter-as-you-type and sortable columns, and one opened
// from the keyboard: the synthesis first, the hypotheses by confidence with the most confident
// expanded, each with its queries (SQL, outcome, rows, duration) and evidence beneath. Real
// PostgreSQL, a member login, QTest key and mouse events.

#include "databasetestcase.h"
#include "investigationdetail.h"
#include "investigationlistmodel.h"
#include "investigationview.h"
#include "knowledgeclient.h"
#include "ratingbuttons.h"
#include "settle.h"
#include "sqlhighlighter.h"
#include "tracestepmodel.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolButton>

using namespace ke;
using As = test::TestDatabase::As;

class TestInvestigationsView : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    QString m_dataset; ///< the dataset with the most investigations
    ConnectionSettings m_settings; ///< a member of acme

    /// The page's widgets in the order they are shown.
    static QList<QWidget *> cards(InvestigationDetail *detail)
    {
        QList<QWidget *> out;
        QLayout *layout = detail->findChild<QScrollArea *>(QStringLiteral("investigationDetail"))
                              ->widget()
                              ->layout();
        for (int i = 0; i < layout->count(); ++i) {
            if (QWidget *w = layout->itemAt(i)->widget(); w && w->inherits("QFrame"))
                out.append(w);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_CACHED_TEST_DATABASE("investigationsview", 40, 11, true);
        m_dataset = m_db->scalar(QStringLiteral(
            "SELECT i.dataset_id FROM agg_investigations i JOIN tenants t ON t.id = i.tenant_id "
            "WHERE t.slug = 'acme' AND i.start_event_id IS NOT NULL GROUP BY i.dataset_id ORDER BY "
            "count(*) DESC, i.dataset_id "
            "LIMIT 1"));
        QVERIFY(!m_dataset.isEmpty());
        m_settings = m_db->memberSettings(QStringLiteral("acme"), QStringLiteral("bea"));
    }

    void modelsPassTheModelTester()
    {
        InvestigationListModel list;
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&list);
        sorted.setSortRole(InvestigationListModel::SortRole);
        sorted.setFilterKeyColumn(-1);
        QAbstractItemModelTester t1(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&sorted,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        InvestigationSummary a;
        a.investigationId = QUuid::createUuid();
        a.anomalyType = QStringLiteral("freshness");
        a.status = QStringLiteral("completed");
        a.outcome = QStringLiteral("ETL lag");
        a.confidence = 0.9;
        a.startedAt = QDateTime::currentDateTimeUtc();
        InvestigationSummary b = a;
        b.investigationId = QUuid::createUuid();
        b.anomalyType = QStringLiteral("schema_drift");
        b.confidence = -1;
        b.status.clear();
        list.setInvestigations({a, b});
        sorted.sort(InvestigationListModel::ConfidenceColumn, Qt::AscendingOrder);
        QCOMPARE(sorted.index(0, InvestigationListModel::AlertColumn).data().toString(),
                 QStringLiteral("schema_drift"));
        QCOMPARE(sorted.index(1, InvestigationListModel::ConfidenceColumn).data().toString(),
                 QStringLiteral("90 %"));
        sorted.setFilterFixedString(QStringLiteral("lag"));
        QCOMPARE(sorted.rowCount(), 2);
        sorted.setFilterFixedString(QStringLiteral("fresh"));
        QCOMPARE(sorted.rowCount(), 1);
        list.setInvestigations({});
        QCOMPARE(sorted.rowCount(), 0);

        TraceStepModel steps;
        QAbstractItemModelTester t3(&steps, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TraceStep s;
        s.kind = QStringLiteral("hypothesis");
        s.id = QUuid::createUuid();
        s.title = QStringLiteral("ETL lag");
        s.status = QStringLiteral("accepted");
        steps.setSteps({s, s});
        RatingTally mine;
        mine.up = 1;
        mine.mine = 1;
        steps.setRating(1, mine);
        QCOMPARE(steps.index(1, TraceStepModel::UpColumn).data().toInt(), 1);
        QCOMPARE(steps.rowOf(s.id), 0);
    }

    void sqlIsHighlightedWithThePalettesColours()
    {
        for (const bool dark : {false, true}) {
            QPalette palette;
            palette.setColor(QPalette::Link, dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0, 0, 0xee));
            palette.setColor(QPalette::LinkVisited,
                             dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x55, 0x1a, 0x8b));
            palette.setColor(QPalette::PlaceholderText,
                             dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x80, 0x80, 0x80));
            QTextDocument doc;
            doc.setPlainText(QStringLiteral("SELECT count(*) FROM t WHERE s = 'it''s' AND n > 42 "
                                            "-- note\n/* two\nlines */ select 1"));
            SqlHighlighter highlighter(&doc, palette);
            const auto colourAt = [&doc](int block, int position) {
                const QTextBlock b = doc.findBlockByNumber(block);
                for (const QTextLayout::FormatRange &r : b.layout()->formats()) {
                    if (position >= r.start && position < r.start + r.length)
                        return r.format.foreground().color();
                }
                return QColor();
            };
            const QString first = doc.findBlockByNumber(0).text();
            QCOMPARE(colourAt(0, 0), palette.color(QPalette::Link)); // SELECT
            QCOMPARE(colourAt(0, int(first.indexOf(QLatin1String("FROM")))),
                     palette.color(QPalette::Link));
            QCOMPARE(colourAt(0, int(first.indexOf(QLatin1String("'it")))),
                     palette.color(QPalette::LinkVisited)); // a string, '' inside
            QCOMPARE(colourAt(0, int(first.indexOf(QLatin1String("s'"))) + 1),
                     palette.color(QPalette::LinkVisited));
            QCOMPARE(colourAt(0, int(first.indexOf(QLatin1String("42")))),
                     palette.color(QPalette::LinkVisited));
            QCOMPARE(colourAt(0, int(first.indexOf(QLatin1String("-- note")))),
                     palette.color(QPalette::PlaceholderText));
            QVERIFY(!colourAt(0, int(first.indexOf(QLatin1String(" t "))) + 1).isValid());
            // A block comment goes on into the next line, and ends there.
            QCOMPARE(colourAt(1, 0), palette.color(QPalette::PlaceholderText));
            QCOMPARE(colourAt(2, 0), palette.color(QPalette::PlaceholderText));
            const QString third = doc.findBlockByNumber(2).text();
            QCOMPARE(colourAt(2, int(third.indexOf(QLatin1String("select")))),
                     palette.color(QPalette::Link));
        }
        // The statuses: darker shades on a light page, lighter ones on a dark page.
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        QVERIFY(TraceStepModel::statusColor(QStringLiteral("failed"), light).lightness() < 128);
        QVERIFY(TraceStepModel::statusColor(QStringLiteral("failed"), dark).lightness() > 128);
        QVERIFY(TraceStepModel::statusColor(QStringLiteral("accepted"), dark).lightness() > 128);
    }

    void listsTheDatasetsInvestigationsWithFilterAndSort()
    {
        KnowledgeClient client(m_settings);
        InvestigationView view(&client);
        view.resize(1100, 700);
        QVERIFY(test::showDataset(view, QUuid::fromString(m_dataset)));
        QVERIFY(!view.isShowingDetail());
        auto *table = view.findChild<QTableView *>(QStringLiteral("investigationList"));
        QAbstractItemModel *model = table->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int total = m_db->scalar(QStringLiteral("SELECT count(*) FROM agg_investigations "
                                                      "WHERE dataset_id = $1 AND start_event_id IS "
                                                      "NOT NULL"),
                                       {m_dataset})
                              .toInt();
        QVERIFY2(total >= 3, "the demo's busiest dataset has a few investigations");
        QCOMPARE(model->rowCount(), total);

        // Newest first; the ratings and the root cause's confidence as the database has them.
        const auto newest = m_db->rows(
            QStringLiteral("SELECT i.investigation_id, i.positive_count, i.negative_count, "
                           "(SELECT round(100 * max(f.confidence)) FROM dataset_findings f "
                           " WHERE f.investigation_id = i.investigation_id AND f.finding_type = "
                           " 'root_cause') FROM agg_investigations i WHERE i.dataset_id = $1 AND "
                           "i.start_event_id IS NOT NULL "
                           "ORDER BY i.started_at DESC NULLS LAST LIMIT 1"),
            {m_dataset});
        QCOMPARE(model->index(0, 0).data(InvestigationListModel::IdRole).toUuid(),
                 QUuid::fromString(newest[0][0]));
        QCOMPARE(model->index(0, InvestigationListModel::UpColumn).data().toString(), newest[0][1]);
        QCOMPARE(model->index(0, InvestigationListModel::DownColumn).data().toString(),
                 newest[0][2]);
        if (!newest[0][3].isEmpty())
            QCOMPARE(model->index(0, InvestigationListModel::ConfidenceColumn).data().toString(),
                     newest[0][3] + QStringLiteral(" %"));

        // Sort by confidence: a click on its header, then again for the other direction.
        auto *header = table->horizontalHeader();
        const auto clickHeader = [header](int section) {
            QTest::mouseClick(
                header->viewport(), Qt::LeftButton, {},
                QPoint(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                       header->height() / 2));
        };
        const auto confidences = [model]() {
            QList<double> out;
            for (int r = 0; r < model->rowCount(); ++r)
                out << model->index(r, InvestigationListModel::ConfidenceColumn)
                           .data(InvestigationListModel::SortRole)
                           .toDouble();
            return out;
        };
        clickHeader(InvestigationListModel::ConfidenceColumn);
        QList<double> c = confidences();
        QVERIFY2(std::is_sorted(c.begin(), c.end()), "ascending after one click");
        clickHeader(InvestigationListModel::ConfidenceColumn);
        c = confidences();
        QVERIFY2(std::is_sorted(c.rbegin(), c.rend()), "descending after the second click");
        QVERIFY(c.first() > c.last());

        // Filter as you type: an anomaly type narrows the list to the rows that name it.
        const QString anomaly = m_db->scalar(
            QStringLiteral("SELECT anomaly_type FROM agg_investigations WHERE dataset_id = $1 AND "
                           "start_event_id IS NOT NULL "
                           "GROUP BY anomaly_type ORDER BY count(*), anomaly_type LIMIT 1"),
            {m_dataset});
        const int withAnomaly
            = m_db->scalar(
                      QStringLiteral(
                          "SELECT count(*) FROM agg_investigations WHERE "
                          "dataset_id = $1 AND anomaly_type = $2 AND start_event_id IS NOT NULL"),
                      {m_dataset, anomaly})
                  .toInt();
        auto *filter = view.findChild<QLineEdit *>(QStringLiteral("investigationFilter"));
        filter->setFocus();
        QTest::keyClicks(filter, anomaly.toUpper());
        QVERIFY(model->rowCount() >= withAnomaly);
        QVERIFY(model->rowCount() < total);
        for (int r = 0; r < model->rowCount(); ++r) {
            bool named = false;
            for (int col = 0; col < model->columnCount(); ++col)
                named = named
                    || model->index(r, col).data().toString().contains(anomaly,
                                                                       Qt::CaseInsensitive);
            QVERIFY2(named, qPrintable(model->index(r, 2).data().toString()));
        }
        int exact = 0;
        for (int r = 0; r < model->rowCount(); ++r)
            exact += model->index(r, InvestigationListModel::AlertColumn).data().toString()
                == anomaly;
        QCOMPARE(exact, withAnomaly);
        // Down goes from the filter into the list; Enter opens the row.
        QTest::keyClick(filter, Qt::Key_Down);
        QVERIFY(table->hasFocus());
        const QUuid first = table->currentIndex().data(InvestigationListModel::IdRole).toUuid();
        QTest::keyClick(table, Qt::Key_Return);
        QVERIFY(view.isShowingDetail());
        QVERIFY(test::settle(view));
        QCOMPARE(view.detail()->trace().investigationId, first);
        // Back (Alt+Left) keeps the filter.
        QTest::mouseClick(view.findChild<QToolButton *>(QStringLiteral("backToList")),
                          Qt::LeftButton);
        QVERIFY(!view.isShowingDetail());
        QCOMPARE(filter->text(), anomaly.toUpper());
        filter->clear();
        QCOMPARE(model->rowCount(), total);
    }

    void anOpenedInvestigationShowsSynthesisFirstThenHypothesesByConfidence()
    {
        // An investigation with a synthesis, two or more hypotheses and a query that succeeded.
        const QString id = m_db->scalar(
            QStringLiteral(
                "SELECT e.investigation_id FROM feedback_events e WHERE e.investigation_id IN "
                "(SELECT "
                "investigation_id FROM agg_investigations WHERE dataset_id = $1) GROUP BY "
                "e.investigation_id HAVING count(*) FILTER (WHERE e.event_type = "
                "'synthesis.generated') > 0 AND count(DISTINCT e.event_data->>'hypothesis_id') "
                "FILTER (WHERE e.event_type LIKE 'hypothesis.%') >= 2 AND count(*) FILTER (WHERE "
                "e.event_type = 'query.succeeded') > 0 ORDER BY e.investigation_id LIMIT 1"),
            {m_dataset});
        QVERIFY(!id.isEmpty());
        // The hypotheses by their latest stated confidence, most confident first.
        const auto hypotheses = m_db->rows(
            QStringLiteral("SELECT h, c FROM (SELECT DISTINCT ON (event_data->>'hypothesis_id') "
                           "event_data->>'hypothesis_id' AS h, (event_data->>'confidence')::float "
                           "AS c FROM feedback_events WHERE investigation_id = $1 AND event_type "
                           "LIKE 'hypothesis.%' AND event_data ? 'confidence' ORDER BY "
                           "event_data->>'hypothesis_id', created_at DESC, id DESC) x ORDER BY c "
                           "DESC"),
            {id});
        QVERIFY(hypotheses.size() >= 2);

        KnowledgeClient client(m_settings);
        InvestigationView view(&client);
        view.resize(1100, 900);
        QVERIFY(test::showDataset(view, QUuid::fromString(m_dataset)));
        auto *table = view.findChild<QTableView *>(QStringLiteral("investigationList"));
        int row = -1;
        for (int r = 0; r < table->model()->rowCount(); ++r) {
            if (table->model()->index(r, 0).data(InvestigationListModel::IdRole).toUuid()
                == QUuid::fromString(id))
                row = r;
        }
        QVERIFY(row >= 0);
        // To the row with the keyboard (Home, then Down), and Enter.
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Home);
        for (int r = 0; r < row; ++r)
            QTest::keyClick(table, Qt::Key_Down);
        QCOMPARE(table->currentIndex().row(), row);
        QTest::keyClick(table, Qt::Key_Enter);
        QVERIFY(view.isShowingDetail());
        QVERIFY(test::settle(view));
        InvestigationDetail *detail = view.detail();
        QCOMPARE(detail->trace().investigationId, QUuid::fromString(id));
        QAbstractItemModelTester tester(detail->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        const QList<QWidget *> shown = cards(detail);
        QVERIFY(shown.size() >= 2 + hypotheses.size());
        QCOMPARE(shown.at(0)->objectName(), QStringLiteral("headerCard"));
        QVERIFY(shown.at(0)->findChild<QWidget *>(QStringLiteral("rateInvestigation")));
        const QString metric = m_db->scalar(
            QStringLiteral("SELECT event_data->'alert'->>'metric' FROM feedback_events WHERE "
                           "investigation_id = $1 AND event_type = 'investigation.started' AND "
                           "event_data ? 'alert' ORDER BY created_at, id LIMIT 1"),
            {id});
        QVERIFY(shown.at(0)
                    ->findChild<QLabel *>(QStringLiteral("investigationTitle"))
                    ->text()
                    .contains(metric.toHtmlEscaped()));
        QCOMPARE(shown.at(1)->objectName(), QStringLiteral("synthesisCard"));
        const QString rootCause = m_db->scalar(
            QStringLiteral("SELECT event_data->>'root_cause' FROM feedback_events WHERE "
                           "investigation_id = $1 AND event_type = 'synthesis.generated' LIMIT 1"),
            {id});
        QVERIFY(shown.at(1)
                    ->findChild<QLabel *>(QStringLiteral("rootCause"))
                    ->text()
                    .contains(rootCause.toHtmlEscaped()));
        QVERIFY(shown.at(1)->findChild<RatingButtons *>());

        // The hypotheses in confidence order; only the first is open.
        QList<QWidget *> hypothesisCards;
        for (QWidget *w : shown) {
            if (w->objectName() == QLatin1String("hypothesisCard"))
                hypothesisCards.append(w);
        }
        QCOMPARE(hypothesisCards.size(), int(hypotheses.size()));
        for (int i = 0; i < hypothesisCards.size(); ++i) {
            QCOMPARE(hypothesisCards.at(i)->property("stepId").toUuid(),
                     QUuid::fromString(hypotheses.at(i)[0]));
            QCOMPARE(hypothesisCards.at(i)->property("expanded").toBool(), i == 0);
            QCOMPARE(hypothesisCards.at(i)
                         ->findChild<QWidget *>(QStringLiteral("hypothesisBody"))
                         ->isVisible(),
                     i == 0);
            QVERIFY(detail->ratingButtons(QUuid::fromString(hypotheses.at(i)[0])));
        }

        // Each hypothesis's queries: the SQL, the outcome, rows and duration; its evidence
        // beneath.
        const auto queries = m_db->rows(
            QStringLiteral(
                "SELECT q.event_data->>'query_id', q.event_data->>'hypothesis_id', "
                "q.event_data->>'sql', s.event_data->>'row_count', s.event_data->>'duration_ms' "
                "FROM feedback_events q JOIN feedback_events s ON s.investigation_id = "
                "q.investigation_id AND s.event_type = 'query.succeeded' AND "
                "s.event_data->>'query_id' = q.event_data->>'query_id' WHERE q.investigation_id "
                "= $1 AND q.event_type = 'query.planned'"),
            {id});
        QVERIFY(!queries.isEmpty());
        for (const auto &q : queries) {
            QWidget *card = nullptr;
            for (QWidget *h : hypothesisCards) {
                if (h->property("stepId").toUuid() == QUuid::fromString(q[1]))
                    card = h;
            }
            QVERIFY(card);
            QWidget *block = nullptr;
            const auto blocks = card->findChildren<QWidget *>(QStringLiteral("queryBlock"));
            for (QWidget *b : blocks) {
                if (b->property("stepId").toUuid() == QUuid::fromString(q[0]))
                    block = b;
            }
            QVERIFY2(block, qPrintable(q[0]));
            QCOMPARE(block->findChild<QPlainTextEdit *>(QStringLiteral("sqlBlock"))->toPlainText(),
                     q[2]);
            const QString meta = block->findChild<QLabel *>(QStringLiteral("queryMeta"))->text();
            QVERIFY2(meta.contains(QLatin1String("succeeded")), qPrintable(meta));
            QVERIFY2(meta.contains(QLocale().toString(q[3].toLongLong())), qPrintable(meta));
            QVERIFY2(meta.contains(QLatin1String(" ms")) || meta.contains(QLatin1String(" s"))
                         || meta.contains(QLatin1String(" min")),
                     qPrintable(meta));
            QVERIFY(block->findChild<RatingButtons *>());
            // The evidence comes after the queries in the hypothesis's body.
            const auto evidence = card->findChildren<QWidget *>(QStringLiteral("evidenceBlock"));
            for (QWidget *e : evidence)
                QVERIFY(e->mapTo(card, QPoint(0, 0)).y() > block->mapTo(card, QPoint(0, 0)).y()
                        || !e->isVisible());
        }

        // Everything on the page is reachable with Tab, and every control there has a name
        // for screen readers.
        view.activateWindow();
        auto *back = view.findChild<QToolButton *>(QStringLiteral("backToList"));
        back->setFocus(Qt::TabFocusReason);
        QSet<QString> reached;
        for (int i = 0; i < 80 && QApplication::focusWidget(); ++i) {
            QWidget *f = QApplication::focusWidget();
            const QString name = f->objectName();
            reached.insert(name);
            if (qobject_cast<QAbstractButton *>(f) || qobject_cast<QPlainTextEdit *>(f))
                QVERIFY2(!f->accessibleName().isEmpty()
                             || !static_cast<QAbstractButton *>(f)->text().isEmpty(),
                         qPrintable(name));
            QTest::keyClick(f, Qt::Key_Tab);
        }
        for (const char *name : {"rateInvestigation", "thumbUp", "thumbDown", "expandHypothesis",
                                 "sqlBlock", "backToList"})
            QVERIFY2(reached.contains(QLatin1String(name)), name);

        // A click on a collapsed hypothesis's arrow opens it.
        QWidget *second = hypothesisCards.at(1);
        QTest::mouseClick(second->findChild<QToolButton *>(QStringLiteral("expandHypothesis")),
                          Qt::LeftButton);
        QVERIFY(second->property("expanded").toBool());
        QVERIFY(second->findChild<QWidget *>(QStringLiteral("hypothesisBody"))->isVisible());
        // And Space on the focused arrow closes it again.
        auto *toggle = second->findChild<QToolButton *>(QStringLiteral("expandHypothesis"));
        toggle->setFocus();
        QTest::keyClick(toggle, Qt::Key_Space);
        QVERIFY(!second->property("expanded").toBool());
        // A click on its title opens it as well.
        QTest::mouseClick(second->findChild<QLabel *>(QStringLiteral("hypothesisTitle")),
                          Qt::LeftButton);
        QVERIFY(second->property("expanded").toBool());

        // The system switches to a dark palette: the page follows (its colours come from the
        // palette), the same cards in the same order.
        const QPalette before = QApplication::palette();
        QPalette dark = before;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, Qt::white);
        dark.setColor(QPalette::WindowText, Qt::white);
        QApplication::setPalette(dark);
        QTest::qWait(20);
        const QList<QWidget *> again = cards(detail);
        QCOMPARE(again.size(), shown.size());
        QCOMPARE(again.at(1)->objectName(), QStringLiteral("synthesisCard"));
        const QString status
            = again.at(0)->findChild<QLabel *>(QStringLiteral("investigationStatus"))->text();
        const QString outcome = detail->trace().outcome;
        QVERIFY2(status.contains(TraceStepModel::statusColor(outcome, dark).name()),
                 qPrintable(status));
        QVERIFY(TraceStepModel::statusColor(outcome, dark)
                != TraceStepModel::statusColor(outcome, before));
        QApplication::setPalette(before);
    }
};

QTEST_MAIN(TestInvestigationsView)
#include "tst_investigationsview.moc"
