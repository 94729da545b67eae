// Retrieval metrics against a small example computed by hand.

#include "retrievalmetrics.h"

#include <QTest>

#include <cmath>

using namespace ke;
using namespace ke::retrievalmetrics;

class TestRetrievalMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handComputedExample()
    {
        // Ranking d1 d2 d3 d4; relevant: d2 (grade 2), d4 (1), d5 (1, never retrieved).
        const QStringList ranking{QStringLiteral("d1"), QStringLiteral("d2"), QStringLiteral("d3"),
                                  QStringLiteral("d4")};
        const Judgements qrels{{QStringLiteral("d2"), 2},
                               {QStringLiteral("d4"), 1},
                               {QStringLiteral("d5"), 1},
                               {QStringLiteral("d3"), 0}};
        // DCG = 2/log2(3) + 1/log2(5) = 1.69254; IDCG = 2/log2(2) + 1/log2(3) + 1/log2(4)
        // = 3.13093; nDCG = 0.540586.
        QVERIFY(std::abs(ndcgAt(ranking, qrels, 10) - 0.540586) < 1e-5);
        QCOMPARE(ndcgAt(ranking, qrels, 1), 0.0);
        QVERIFY(std::abs(recallAt(ranking, qrels, 100) - 2.0 / 3.0) < 1e-12);
        QVERIFY(std::abs(recallAt(ranking, qrels, 3) - 1.0 / 3.0) < 1e-12);
        QCOMPARE(reciprocalRankAt(ranking, qrels, 10), 0.5);
        QCOMPARE(reciprocalRankAt(ranking, qrels, 1), 0.0);
    }

    void perfectAndEmpty()
    {
        const Judgements qrels{{QStringLiteral("a"), 3}, {QStringLiteral("b"), 1}};
        QCOMPARE(ndcgAt({QStringLiteral("a"), QStringLiteral("b")}, qrels, 10), 1.0);
        // Swapping the two lowers nDCG below 1.
        QVERIFY(ndcgAt({QStringLiteral("b"), QStringLiteral("a")}, qrels, 10) < 1.0);
        QCOMPARE(ndcgAt({}, qrels, 10), 0.0);
        QCOMPARE(ndcgAt({QStringLiteral("a")}, Judgements{}, 10), 0.0);
        QCOMPARE(recallAt({QStringLiteral("a")}, Judgements{}, 10), 0.0);
    }

    void summaryAverages()
    {
        Summary s;
        const Judgements q{{QStringLiteral("x"), 1}};
        accumulate(s, {QStringLiteral("x")}, q); // perfect
        accumulate(s, {QStringLiteral("y")}, q); // nothing
        finish(s);
        QCOMPARE(s.queries, 2);
        QCOMPARE(s.ndcg10, 0.5);
        QCOMPARE(s.recall100, 0.5);
        QCOMPARE(s.mrr10, 0.5);
    }
};

QTEST_GUILESS_MAIN(TestRetrievalMetrics)
#include "tst_retrievalmetrics.moc"
