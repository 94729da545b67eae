// The window offline: after a sync, with the database unreachable at the same URL, every
// view — the dataset list, Knowledge, Activity, Investigation — shows the offline cache and
// says "as of" in a marker that does not move the page. Prints how long a view takes to show
// from the cache (docs/benchmarks.md); never asserts a time.

#include "databasetestcase.h"
#include "datasetlistmodel.h"
#include "investigationdetail.h"
#include "investigationview.h"
#include "mainwindow.h"
#include "settle.h"
#include "tcpforwarder.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QListView>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace ke;
using As = test::TestDatabase::As;

class TestOfflineViews : public test::DatabaseTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { KE_CREATE_CACHED_TEST_DATABASE("offlineviews", 30, 7, true); }

    void everyViewRendersFromTheCacheOffline()
    {
        auto through = syncedThroughForwarder(QStringLiteral("acme"), QStringLiteral("bea"));
        QVERIFY2(through.sync.exitCode == 0, qPrintable(through.sync.err));
        const ConnectionSettings &settings = through.settings;
        test::TcpForwarder &forwarder = *through.forwarder;

        // Online first: what the knowledge view shows, and no offline marker.
        QString onlineTitle, onlineStats;
        {
            MainWindow w(settings);
            w.show();
            QVERIFY(test::settle(w));
            onlineTitle = w.findChild<QLabel *>(QStringLiteral("knowledgeTitle"))->text();
            onlineStats = w.findChild<QLabel *>(QStringLiteral("knowledgeStats"))->text();
            QVERIFY(w.findChild<QLabel *>(QStringLiteral("sourceLabel"))->text().isEmpty());
        }
        QVERIFY(!onlineStats.isEmpty());

        forwarder.close();
        MainWindow w(settings);
        w.show();
        QVERIFY(test::settle(w));
        auto *list = w.findChild<QListView *>(QStringLiteral("datasetList"));
        QVERIFY(list->model()->rowCount() > 1);
        QCOMPARE(w.findChild<QLabel *>(QStringLiteral("knowledgeTitle"))->text(), onlineTitle);
        QCOMPARE(w.findChild<QLabel *>(QStringLiteral("knowledgeStats"))->text(), onlineStats);
        auto *source = w.findChild<QLabel *>(QStringLiteral("sourceLabel"));
        QVERIFY2(source->text().contains(QLatin1String("as of")), qPrintable(source->text()));
        QVERIFY(w.findChild<QListView *>(QStringLiteral("activityList"))->model()->rowCount() > 0);
        auto *investigations = w.findChild<QTableView *>(QStringLiteral("investigationList"));
        QVERIFY(investigations->model()->rowCount() > 0);
        QVERIFY(w.findChild<InvestigationView *>()->detail()->trace().steps.size() > 1);

        // Another dataset, from the cache: knowledge, activity and investigations shown.
        QList<double> ms;
        for (int row = 1; row < std::min(6, list->model()->rowCount()); ++row) {
            QElapsedTimer t;
            t.start();
            list->setCurrentIndex(list->model()->index(row, 0));
            QVERIFY(QTest::qWaitFor([&w]() { return w.pendingRequests() == 0; }, 20000));
            ms.append(double(t.nsecsElapsed()) / 1e6);
            QCOMPARE(w.findChild<QLabel *>(QStringLiteral("knowledgeTitle"))->text(),
                     list->model()->index(row, 0).data(DatasetListModel::NameRole).toString());
        }
        std::sort(ms.begin(), ms.end());
        qDebug("offline: a dataset's views (knowledge + activity + investigations + newest "
               "trace) shown from the cache in %.1f ms median, %.1f ms max over %d datasets",
               ms.at(ms.size() / 2), ms.last(), int(ms.size()));
        w.showView(QStringLiteral("investigations"));
        QVERIFY(source->text().contains(QLatin1String("as of")));
    }
};

QTEST_MAIN(TestOfflineViews)
#include "tst_offlineviews.moc"
