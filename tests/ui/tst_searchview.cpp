// The search view: a newer search supersedes an older one (the older is cancelled and its
// answer never shown), results come through SearchClient like knowledgectl's, the result model
// passes the model tester, and without database and cache it says what to do.

#include "databasetestcase.h"
#include "knowledgeclient.h"
#include "searchresultmodel.h"
#include "searchview.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ke;

class TestSearchView : public test::DatabaseTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_CACHED_TEST_DATABASE("searchview");
        for (const QStringList &step :
             {QStringList{QStringLiteral("demo-seed"), QStringLiteral("--investigations"),
                          QStringLiteral("30"), QStringLiteral("--seed"), QStringLiteral("3")},
              QStringList{QStringLiteral("embed"), QStringLiteral("--tenant"),
                          QStringLiteral("acme")}}) {
            const auto r = m_db->run(QStringLiteral("knowledgectl"), step);
            QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        }
    }

    void newerSearchSupersedesTheOlder()
    {
        KnowledgeClient client(m_db->settings(QStringLiteral("acme")));
        SearchView view(&client);
        auto *table = view.findChild<QTableView *>(QStringLiteral("searchResults"));
        QVERIFY(table);
        QAbstractItemModelTester tester(table->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&view, &SearchView::searchFinished);
        view.search(QStringLiteral("row count dropped"));
        view.search(QStringLiteral("schema drift")); // typed on before the first answered
        QVERIFY(finished.wait(20000));
        QTest::qWait(300); // the first search's answer, if it came, must not be shown
        QCOMPARE(finished.count(), 1);
        QVERIFY(!view.isBusy());
        auto *status = view.findChild<QLabel *>(QStringLiteral("searchStatus"));
        QVERIFY2(status->text().contains(QLatin1String("result")), qPrintable(status->text()));
        QVERIFY(table->model()->rowCount() > 0);
        // What is shown answers the second query: its best hit holds one of its words.
        const QString best
            = table->model()->index(0, SearchResultModel::SnippetColumn).data().toString();
        QVERIFY2(best.contains(QLatin1String("schema"), Qt::CaseInsensitive)
                     || best.contains(QLatin1String("drift"), Qt::CaseInsensitive),
                 qPrintable(best));
    }

    void withoutDatabaseAndCacheItSaysWhatToDo()
    {
        ConnectionSettings nowhere = m_db->settings(QStringLiteral("acme"));
        nowhere.databaseUrl = QStringLiteral("postgresql://127.0.0.1:1/nothing?connect_timeout=2");
        KnowledgeClient client(nowhere);
        SearchView view(&client);
        QSignalSpy finished(&view, &SearchView::searchFinished);
        view.search(QStringLiteral("row count"));
        QVERIFY(finished.wait(20000));
        auto *status = view.findChild<QLabel *>(QStringLiteral("searchStatus"));
        QVERIFY2(status->text().contains(QLatin1String("knowledgectl sync")),
                 qPrintable(status->text()));
    }
};

QTEST_MAIN(TestSearchView)
#include "tst_searchview.moc"
