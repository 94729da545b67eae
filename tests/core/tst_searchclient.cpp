// SearchClient, the one place that decides online vs the offline cache: online while the
// database answers, the cache (saying why) when it cannot be reached — the same URL, as for a
// laptop that loses the network — and errors that are not about the network answered as
// they are. The GUI's search view and knowledgectl both go through it.

#include "databasetestcase.h"
#include "searchclient.h"
#include "tcpforwarder.h"
#include "threaddatabase.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ke;

class TestSearchClient : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    void ctl(const QStringList &args, const QString &tenant = QStringLiteral("acme"))
    {
        const auto r = m_db->run(QStringLiteral("knowledgectl"), args, {}, tenant);
        QVERIFY2(r.exitCode == 0,
                 qPrintable(args.join(QLatin1Char(' ')) + QLatin1Char('\n') + r.out + r.err));
    }

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_CACHED_TEST_DATABASE("searchclient");
        ctl({QStringLiteral("demo-seed"), QStringLiteral("--investigations"), QStringLiteral("30"),
             QStringLiteral("--seed"), QStringLiteral("3")},
            {});
        ctl({QStringLiteral("embed")});
    }

    void onlineThenTheCacheWhenTheNetworkGoes()
    {
        test::TcpForwarder forwarder(test::databasePort());
        QVERIFY(forwarder.port() != 0);
        ConnectionSettings settings = m_db->settings(QStringLiteral("acme"));
        settings.databaseUrl = test::databaseUrlThrough(forwarder.port());
        ctl({QStringLiteral("--database"), settings.databaseUrl, QStringLiteral("sync")});

        SearchRequest request;
        request.text = QStringLiteral("row count dropped");
        auto online = SearchClient::search(settings, request, SearchSource::Automatic);
        QVERIFY2(online, qPrintable(test::errorOf(online)));
        QCOMPARE(online->mode, QStringLiteral("online"));
        QVERIFY(!online->results.isEmpty());

        // Not about the network: answered as it is, never by the cache.
        SearchRequest unknownDataset = request;
        unknownDataset.datasetId = QStringLiteral("public.no_such_table");
        auto refused = SearchClient::search(settings, unknownDataset, SearchSource::Automatic);
        QVERIFY(!refused);
        QVERIFY2(refused.error().is(ErrorCode::UnknownDataset), qPrintable(refused.error().code));
        SearchRequest badType = request;
        badType.sourceTypes = {QStringLiteral("spreadsheet")};
        auto invalid = SearchClient::search(settings, badType, SearchSource::Automatic);
        QVERIFY(!invalid);
        QVERIFY(invalid.error().is(ErrorCode::InvalidType));

        // A search superseded before it ran answers "cancelled".
        const std::atomic_bool cancelled{true};
        auto stopped = SearchClient::search(settings, request, SearchSource::Automatic, &cancelled);
        QVERIFY(!stopped);
        QVERIFY2(stopped.error().is(ErrorCode::Cancelled), qPrintable(stopped.error().message));

        // The network goes; the URL stays. This thread's connection is broken now.
        forwarder.close();
        auto offline = SearchClient::search(settings, request, SearchSource::Automatic);
        QVERIFY2(offline, qPrintable(test::errorOf(offline)));
        QCOMPARE(offline->mode, QStringLiteral("offline"));
        QVERIFY2(offline->note.contains(QLatin1String("database unreachable")),
                 qPrintable(offline->note));
        QCOMPARE(offline->results.isEmpty(), false);
        // The same top result as online: one pipeline, one ranking.
        QCOMPARE(offline->results.first().sourceType, online->results.first().sourceType);

        // Asked for the cache: the cache, with no word about the network.
        auto asked = SearchClient::search(settings, request, SearchSource::Offline);
        QVERIFY2(asked, qPrintable(test::errorOf(asked)));
        QCOMPARE(asked->mode, QStringLiteral("offline"));
        QVERIFY(!asked->note.contains(QLatin1String("unreachable")));
        resetThreadDatabase();
    }
};

QTEST_GUILESS_MAIN(TestSearchClient)
#include "tst_searchclient.moc"
