// Search quality on Cranfield, through the real command: `knowledgectl eval-search --online
// --json` (the online half needs the test database). The bar (issue 4): hybrid nDCG@10 >=
// 1.10 x lexical on dev, hybrid >= lexical on test, in the same run, with the default local
// embedder; and online lexical and hybrid results no worse than offline ones.

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestEvalSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cranfieldMeetsTheQualityBar()
    {
        const QString bin = qEnvironmentVariable("KE_BUILD_BIN") + QStringLiteral("/knowledgectl");
        QVERIFY2(QFileInfo::exists(bin), qPrintable(QStringLiteral("missing ") + bin));
        QString data = qEnvironmentVariable("KE_CRANFIELD_DIR");
        if (data.isEmpty())
            data = QStringLiteral("/work/shared/data/cranfield");
        QVERIFY2(QFileInfo::exists(data + QStringLiteral("/corpus.jsonl")),
                 qPrintable(QStringLiteral("Cranfield not found in ") + data
                            + QStringLiteral(" (set KE_CRANFIELD_DIR)")));
        QProcess p;
        // --online: the same judgements through the online search too (a throwaway schema of
        // the test database), so that online is held to the offline figures.
        p.start(bin,
                {QStringLiteral("eval-search"), data, QStringLiteral("--online"),
                 QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(o.value(QLatin1String("queries")).toInt(), 225);
        const QJsonObject splits = o.value(QLatin1String("splits")).toObject();
        auto ndcg = [&](const char *split, const char *mode) {
            return splits.value(QLatin1String(split))
                .toObject()
                .value(QLatin1String(mode))
                .toObject()
                .value(QLatin1String("ndcg@10"))
                .toDouble();
        };
        const double devLex = ndcg("dev", "lexical"), devHyb = ndcg("dev", "hybrid");
        const double testLex = ndcg("test", "lexical"), testHyb = ndcg("test", "hybrid");
        qInfo("dev: lexical %.4f hybrid %.4f (x%.3f); test: lexical %.4f hybrid %.4f (x%.3f)",
              devLex, devHyb, devHyb / devLex, testLex, testHyb, testHyb / testLex);
        // Plain bm25 is about 0.35 on all queries: a sanity check of the lexical baseline.
        const double allLex = o.value(QLatin1String("lexical"))
                                  .toObject()
                                  .value(QLatin1String("ndcg@10"))
                                  .toDouble();
        QVERIFY2(allLex > 0.30 && allLex < 0.40, qPrintable(QString::number(allLex)));
        QVERIFY(devLex > 0);
        QVERIFY2(devHyb >= 1.10 * devLex, "hybrid must beat lexical by 10 % on dev");
        QVERIFY2(testHyb >= testLex, "hybrid must not fall below lexical on test");
        // Online must not rank worse than offline for the same queries.
        const QJsonObject online = o.value(QLatin1String("online")).toObject();
        QCOMPARE(online.value(QLatin1String("queries")).toInt(), 225);
        for (const char *mode : {"lexical", "hybrid"}) {
            const double off = o.value(QLatin1String(mode))
                                   .toObject()
                                   .value(QLatin1String("ndcg@10"))
                                   .toDouble();
            const double on = online.value(QLatin1String(mode))
                                  .toObject()
                                  .value(QLatin1String("ndcg@10"))
                                  .toDouble();
            qInfo("%s nDCG@10: offline %.4f, online %.4f", mode, off, on);
            QVERIFY2(on >= off, mode);
        }
        for (const char *mode : {"lexical", "vector", "hybrid"}) {
            const QJsonObject m = o.value(QLatin1String(mode)).toObject();
            for (const char *metric : {"ndcg@10", "recall@100", "mrr@10"}) {
                const double v = m.value(QLatin1String(metric)).toDouble(-1);
                QVERIFY2(v > 0 && v <= 1, metric);
            }
        }
    }

    void badDirectoryIsAClearError()
    {
        const QString bin = qEnvironmentVariable("KE_BUILD_BIN") + QStringLiteral("/knowledgectl");
        QProcess p;
        p.start(bin, {QStringLiteral("eval-search"), QStringLiteral("/nonexistent/beir")});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY(p.exitCode() != 0);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("/nonexistent/beir")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestEvalSearch)
#include "tst_evalsearch.moc"
