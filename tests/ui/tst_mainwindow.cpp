// The desktop window against a real database: datasets listed, knowledge shown, an
// investigation opened and a step rated — all without blocking the GUI thread.

#include "activitymodel.h"
#include "connectionstatus.h"
#include "databasetestcase.h"
#include "datasetlistmodel.h"
#include "elidinglabel.h"
#include "investigationdetail.h"
#include "investigationview.h"
#include "knowledgeclient.h"
#include "mainwindow.h"
#include "ratingbuttons.h"
#include "ratingpopup.h"
#include "screenshots.h"
#include "settle.h"
#include "tracestepmodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHash>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSplitter>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace ke;

class TestMainWindow : public test::DatabaseTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_TEST_DATABASE("mainwindow");
        auto seed = seedDemo(30, 3);
        QVERIFY2(seed.exitCode == 0, qPrintable(seed.err));
        auto agg = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("aggregate")}, {},
                             QStringLiteral("acme"));
        QVERIFY2(agg.exitCode == 0, qPrintable(agg.err));
    }

    void modelsPassTheModelTester()
    {
        DatasetListModel datasets;
        QAbstractItemModelTester t1(&datasets,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        DatasetSummary d;
        d.ref.name = QStringLiteral("public.orders");
        d.investigationCount = 3;
        datasets.setDatasets({d, d});
        QCOMPARE(datasets.rowCount(), 2);
        QVERIFY(datasets.index(0).data().toString().startsWith(QLatin1String("public.orders")));

        ActivityModel activity;
        QAbstractItemModelTester t2(&activity,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        ActivityPage page;
        page.items.append(ActivityItem{});
        page.nextCursor = QStringLiteral("x");
        activity.appendPage(page);
        activity.appendPage(page);
        QCOMPARE(activity.rowCount(), 2);
        QVERIFY(activity.hasMore());

        TraceStepModel steps;
        QAbstractItemModelTester t3(&steps, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TraceStep s;
        s.kind = QStringLiteral("hypothesis");
        s.title = QStringLiteral("ETL lag");
        s.rating.up = 2;
        steps.setSteps({s});
        QCOMPARE(steps.index(0, TraceStepModel::UpColumn).data().toInt(), 2);
    }

    void showsTheTenantsDatasetsAndKnowledge()
    {
        MainWindow w(m_db->settings(QStringLiteral("acme"), QStringLiteral("tester")));
        w.show();
        QVERIFY(test::settle(w));
        auto *list = w.findChild<QListView *>(QStringLiteral("datasetList"));
        QVERIFY(list);
        QVERIFY2(list->model()->rowCount() >= 10, "the demo tenant has 10–20 datasets");
        const QString first = list->currentIndex().data(DatasetListModel::NameRole).toString();
        QVERIFY(!first.isEmpty());
        auto *title = w.findChild<QLabel *>(QStringLiteral("knowledgeTitle"));
        QCOMPARE(title->text(), first);
        auto *stats = w.findChild<QLabel *>(QStringLiteral("knowledgeStats"));
        QVERIFY2(stats->text().contains(QLatin1String("investigations")),
                 qPrintable(stats->text()));
        auto *activity = w.findChild<QListView *>(QStringLiteral("activityList"));
        QVERIFY(activity->model()->rowCount() > 0);
    }

    void ratesAStepFromTheInvestigationView()
    {
        const QString investigation = m_db->scalar(QStringLiteral(
            "SELECT e.investigation_id FROM feedback_events e JOIN tenants t ON t.id = e.tenant_id "
            "WHERE t.slug = 'acme' AND e.event_type = 'hypothesis.generated' ORDER BY e.id LIMIT "
            "1"));
        QVERIFY(!investigation.isEmpty());
        const int before = m_db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events WHERE "
                                                       "event_type = 'feedback.hypothesis'"))
                               .toInt();

        MainWindow w(m_db->settings(QStringLiteral("acme"), QStringLiteral("tester")));
        w.show();
        w.openInvestigation(QUuid::fromString(investigation));
        QVERIFY(test::settle(w));
        InvestigationDetail *detail = w.findChild<InvestigationView *>()->detail();
        QTRY_VERIFY_WITH_TIMEOUT(detail->trace().steps.size() > 2, 20000);
        // Step 1 is the first hypothesis (step 0 is the investigation itself).
        const TraceStep hypothesis = detail->trace().steps.at(1);
        QCOMPARE(hypothesis.kind, QStringLiteral("hypothesis"));
        RatingButtons *thumbs = detail->ratingButtons(hypothesis.id);
        QVERIFY(thumbs);
        thumbs->upButton()->click(); // recorded at once; the "Why?" popup opens
        RatingPopup *popup = detail->popup();
        QVERIFY(popup);
        popup->findChild<QPushButton *>(QStringLiteral("addComment"))->click();
        auto *comment = popup->findChild<QLineEdit *>(QStringLiteral("whyComment"));
        comment->setText(QStringLiteral("good call"));
        QTest::keyClick(comment, Qt::Key_Return);
        auto *message = w.findChild<QLabel *>(QStringLiteral("rateMessage"));
        QTRY_VERIFY2_WITH_TIMEOUT(message->text().contains(QLatin1String("was saved"))
                                      && detail->pendingWrites() == 0,
                                  qPrintable(message->text()), 20000);
        // The click and the click's comment: two ratings, the latest with the comment.
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM feedback_events WHERE "
                                             "event_type = 'feedback.hypothesis'"))
                     .toInt(),
                 before + 2);
        QCOMPARE(m_db->scalar(QStringLiteral(
                     "SELECT event_data->>'comment' FROM feedback_events WHERE event_type = "
                     "'feedback.hypothesis' ORDER BY created_at DESC, id DESC LIMIT 1")),
                 QStringLiteral("good call"));
        // The step shows the new rating as the viewer's own.
        QVERIFY(thumbs->upButton()->isChecked());
        const int row = detail->model()->rowOf(hypothesis.id);
        QVERIFY(detail->model()
                    ->index(row, TraceStepModel::MineColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("▲")));
    }

    void sayWhatIsWrongWithoutATenant()
    {
        MainWindow w(m_db->settings(QString()));
        w.show();
        QVERIFY(test::settle(w));
        QVERIFY(w.findChild<QListView *>(QStringLiteral("datasetList"))->model()->rowCount() == 0);
    }

    void theDatasetOrderReadsInFullInEveryLanguage()
    {
        test::inEnglishAndGerman(QStringLiteral(KE_QM_DIR), [&](const QString &language) {
            MainWindow w(m_db->settings(QString()));
            w.show();
            QVERIFY(test::settle(w));
            auto *sort = w.findChild<QComboBox *>(QStringLiteral("datasetSort"));
            QVERIFY(sort);
            QCOMPARE(sort->count(), 3);
            for (int i = 0; i < sort->count(); ++i) {
                // The closed box's text field must hold the whole choice.
                QStyleOptionComboBox opt;
                opt.initFrom(sort);
                opt.currentText = sort->itemText(i);
                const int room = sort->style()
                                     ->subControlRect(QStyle::CC_ComboBox, &opt,
                                                      QStyle::SC_ComboBoxEditField, sort)
                                     .width();
                const int needed = sort->fontMetrics().horizontalAdvance(opt.currentText);
                QVERIFY2(room >= needed,
                         qPrintable(QStringLiteral("%1: '%2' needs %3 px, the box shows %4")
                                        .arg(language, opt.currentText)
                                        .arg(needed)
                                        .arg(room)));
            }
        });
    }

    void datasetRowsArePaintedWhole()
    {
        // A row's height is the delegate's answer for its text wrapped at some width; painted
        // where the text needs more lines than that, the last one is cut short with "…"
        // (German: "… · vor 3 …"). A spy in front of the window's own delegate asks it, for
        // every row it paints, what that row needs at the width it is painted at — for every
        // width of the pane from 200 to 340 px, English and German.
        struct Spy : QAbstractItemDelegate
        {
            QAbstractItemDelegate *inner = nullptr;
            mutable QStringList cut;
            mutable int rows = 0;
            QSize sizeHint(const QStyleOptionViewItem &o, const QModelIndex &i) const override
            {
                return inner->sizeHint(o, i);
            }
            void paint(QPainter *p, const QStyleOptionViewItem &o,
                       const QModelIndex &i) const override
            {
                ++rows;
                const int needed = inner->sizeHint(o, i).height();
                if (needed > o.rect.height())
                    cut << QStringLiteral("'%1' needs %2 px at %3 px wide, has %4")
                               .arg(i.data().toString())
                               .arg(needed)
                               .arg(o.rect.width())
                               .arg(o.rect.height());
                inner->paint(p, o, i);
            }
        };
        test::inEnglishAndGerman(QStringLiteral(KE_QM_DIR), [&](const QString &language) {
            MainWindow w(m_db->settings(QStringLiteral("acme")));
            w.resize(1280, 820);
            w.show();
            QVERIFY(test::settle(w));
            auto *list = w.findChild<QListView *>(QStringLiteral("datasetList"));
            auto *split = w.findChild<QSplitter *>();
            QVERIFY(list && split);
            QVERIFY(list->model()->rowCount() > 3);
            Spy spy;
            spy.inner = list->itemDelegate();
            list->setItemDelegate(&spy);
            for (int width = 200; width <= 340; ++width) {
                split->setSizes({width, 1280 - width});
                QTest::qWait(1); // the view lays its rows out again
                list->viewport()->repaint();
            }
            list->setItemDelegate(spy.inner);
            QVERIFY(spy.rows > 0);
            QVERIFY2(spy.cut.isEmpty(),
                     qPrintable(language + QStringLiteral(": ") + spy.cut.value(0)));
        });
    }

    void theSyncBarFollowsALongSync()
    {
        MainWindow w(m_db->settings(QString())); // no tenant: the client itself stays idle
        w.show();
        QVERIFY(test::settle(w));
        auto *bar = w.findChild<QProgressBar *>(QStringLiteral("syncProgress"));
        auto *cancel = w.findChild<QToolButton *>(QStringLiteral("cancelSync"));
        QVERIFY(bar && cancel);
        KnowledgeClient *client = w.client();
        Q_EMIT client->syncStarted();
        Q_EMIT client->syncProgress(0, 500); // a short sync: no bar
        QVERIFY(bar->isHidden());
        Q_EMIT client->syncProgress(0, 4000);
        QVERIFY(bar->isVisible() && cancel->isVisible());
        QCOMPARE(bar->value(), 0);
        Q_EMIT client->syncProgress(1000, 4000);
        QCOMPARE(bar->value(), 25);
        // The last page: the bar says what the status bar says while the files are saved;
        // Cancel (which stops between pages) has nothing left to stop.
        Q_EMIT client->syncProgress(4000, 4000);
        QCOMPARE(bar->value(), 100);
        QVERIFY(bar->isVisible() && cancel->isHidden());
        auto *status = w.findChild<ConnectionStatus *>(QStringLiteral("connectionStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QLatin1String("100")), qPrintable(status->text()));
        Q_EMIT client->syncFinished(true, QString());
        QVERIFY(bar->isHidden() && cancel->isHidden());
    }

    void aLongStatusMessageEndsInAnEllipsis()
    {
        MainWindow w(m_db->settings(QString()));
        w.resize(900, 600);
        w.show();
        QVERIFY(test::settle(w));
        auto *message = w.findChild<ElidingLabel *>(QStringLiteral("statusMessage"));
        auto *summary = w.findChild<ConnectionStatus *>(QStringLiteral("connectionStatus"));
        QVERIFY(message && summary);
        const QString longText
            = QStringLiteral("offline cache, as of 2 Dec 2026 01:07 — the database cannot be "
                             "reached: connection to server at 127.0.0.1, port 5432 failed: "
                             "Connection refused. Is the server running on that host?");
        message->setMessage(longText);
        QTest::qWait(1);
        // The connection summary keeps its room; the message gives way and says so with "…",
        // the whole of it in its tooltip.
        QVERIFY(summary->isVisible() && summary->width() >= summary->sizeHint().width());
        QCOMPARE(message->text(), longText);
        QCOMPARE(message->toolTip(), longText);
        const QString shown = message->shownText();
        QVERIFY2(shown.endsWith(QChar(0x2026)) && shown.size() < longText.size(),
                 qPrintable(shown));
        QVERIFY(longText.startsWith(shown.chopped(1)));
        message->setMessage(QStringLiteral("3 queued changes delivered"));
        QCOMPARE(message->shownText(), QStringLiteral("3 queued changes delivered"));
    }

    void comesBackAsThePersonLeftIt()
    {
        // The window's QSettings in a directory of this test.
        QTemporaryDir config;
        QVERIFY(config.isValid());
        qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
        const ConnectionSettings settings
            = m_db->settings(QStringLiteral("acme"), QStringLiteral("tester"));
        QString chosen;
        {
            MainWindow w(settings);
            w.restoreSession();
            w.resize(1234, 901);
            w.show();
            QVERIFY(test::settle(w));
            auto *list = w.findChild<QListView *>(QStringLiteral("datasetList"));
            QVERIFY(list->model()->rowCount() > 2);
            list->setCurrentIndex(list->model()->index(2, 0));
            chosen = list->currentIndex().data(DatasetListModel::NameRole).toString();
            QVERIFY(test::settle(w));
            w.close();
        }
        MainWindow again(settings);
        again.restoreSession();
        again.show();
        QVERIFY(test::settle(again));
        QCOMPARE(again.size(), QSize(1234, 901));
        auto *list = again.findChild<QListView *>(QStringLiteral("datasetList"));
        QCOMPARE(list->currentIndex().data(DatasetListModel::NameRole).toString(), chosen);
        qunsetenv("XDG_CONFIG_HOME");
    }

    void eachViewRendersItsOwnPicture()
    {
        // knowledge-explorer --screenshot --view V: every view its own picture, in English and
        // in German (the German picture of a view differs from the English one).
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        if (qEnvironmentVariableIsSet("KE_KEEP_VIEWS"))
            dir.setAutoRemove(false);
        const QStringList views{QStringLiteral("schema"),        QStringLiteral("lineage"),
                                QStringLiteral("knowledge"),     QStringLiteral("investigations"),
                                QStringLiteral("investigation"), QStringLiteral("search")};
        QHash<QString, QByteArray> pictures;
        for (const char *lang : {"en", "de"}) {
            qputenv("KE_RUN_LANGUAGE", lang);
            QSet<QByteArray> distinct;
            for (const QString &view : views) {
                const QString file = dir.filePath(
                    QStringLiteral("%1-%2.png").arg(view, QString::fromLatin1(lang)));
                auto r = m_db->run(QStringLiteral("knowledge-explorer"),
                                   {QStringLiteral("--screenshot"), file, QStringLiteral("--view"),
                                    view, QStringLiteral("--search"), QStringLiteral("row count")},
                                   {}, QStringLiteral("acme"), QStringLiteral("tester"));
                QVERIFY2(r.exitCode == 0, qPrintable(view + QStringLiteral(": ") + r.err));
                QImage image(file);
                QVERIFY2(!image.isNull(), qPrintable(file));
                const QByteArray bits(reinterpret_cast<const char *>(image.constBits()),
                                      image.sizeInBytes());
                QVERIFY2(!distinct.contains(bits),
                         qPrintable(view + QStringLiteral(" looks like another view (")
                                    + QString::fromLatin1(lang) + QStringLiteral(")")));
                distinct.insert(bits);
                pictures.insert(view + QString::fromLatin1(lang), bits);
            }
        }
        qunsetenv("KE_RUN_LANGUAGE");
        for (const QString &view : views)
            QVERIFY2(pictures.value(view + QStringLiteral("en"))
                         != pictures.value(view + QStringLiteral("de")),
                     qPrintable(view + QStringLiteral(": the German picture is the English one")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
