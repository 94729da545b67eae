// Ranking: reciprocal rank fusion and the recency / feedback boosts (pure functions).

#include "ranking.h"

#include <QTest>

using namespace ke;

class TestRanking : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_now = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);

private Q_SLOTS:
    void rrfSumsBothSignals()
    {
        RankingParameters p;
        p.lexicalWeight = 1.0;
        p.vectorWeight = 1.0;
        p.rrfK = 60;
        QCOMPARE(ranking::rrfTerm(1, 1.0, 60), 1.0 / 61);
        QCOMPARE(ranking::rrfTerm(0, 1.0, 60), 0.0); // absent from that signal
        QCOMPARE(ranking::fusedScore(1, 3, p), 1.0 / 61 + 1.0 / 63);
        // Found by both signals beats found by one at the same rank.
        QVERIFY(ranking::fusedScore(2, 2, p) > ranking::fusedScore(1, 0, p));
        // The vector weight scales its contribution.
        p.vectorWeight = 2.0;
        QCOMPARE(ranking::fusedScore(0, 1, p), 2.0 / 61);
    }

    void boostsAreSmallAndBounded()
    {
        RankingParameters p;
        QCOMPARE(ranking::recencyMultiplier(m_now, m_now, p), 1.0 + p.recencyBoost);
        const double halfLife
            = ranking::recencyMultiplier(m_now.addDays(-qint64(p.recencyHalfLifeDays)), m_now, p);
        QVERIFY(std::abs(halfLife - (1.0 + p.recencyBoost / 2)) < 1e-9);
        QVERIFY(ranking::recencyMultiplier(m_now.addYears(-20), m_now, p) < 1.0001);
        QCOMPARE(ranking::recencyMultiplier(QDateTime(), m_now, p), 1.0); // unknown age
        QCOMPARE(ranking::feedbackMultiplier(0, p), 1.0);
        QVERIFY(ranking::feedbackMultiplier(5, p) > 1.0);
        QVERIFY(ranking::feedbackMultiplier(1e9, p) <= 1.0 + p.feedbackBoost);
        QVERIFY(ranking::feedbackMultiplier(-5, p) < 1.0);
        QVERIFY(ranking::feedbackMultiplier(-1e9, p) >= 1.0 - p.feedbackBoost);
    }

    void wellRatedRecentResultMovesAboveEqualOlderOne()
    {
        RankingParameters p;
        p.vectorWeight = p.lexicalWeight; // so ranks (1, 2) and (2, 1) fuse to equal scores
        // Equal relevance: the older one ranks first lexically, the recent one by vector.
        ranking::Candidate older{1, 1, 2, m_now.addDays(-400), 0.0, 0};
        ranking::Candidate recent{2, 2, 1, m_now.addDays(-2), 3.0, 0};
        QList<ranking::Candidate> list{older, recent};
        ranking::rank(list, m_now, p);
        QCOMPARE(list.first().id, qint64(2));
        QVERIFY(list.first().score > list.last().score);

        // Without boosts they tie on fused score and the order falls back to the ids.
        RankingParameters flat = p;
        flat.recencyBoost = 0;
        flat.feedbackBoost = 0;
        QList<ranking::Candidate> plain{recent, older};
        ranking::rank(plain, m_now, flat);
        QCOMPARE(plain.first().score, plain.last().score);
        QCOMPARE(plain.first().id, qint64(1));
    }

    void boostsDoNotOverturnAClearlyBetterResult()
    {
        RankingParameters p;
        // Rank 1 in both signals, old and unrated, vs rank 30 in both, new and well rated.
        QList<ranking::Candidate> list{{1, 1, 1, m_now.addYears(-3), 0.0, 0},
                                       {2, 30, 30, m_now, 10.0, 0}};
        ranking::rank(list, m_now, p);
        QCOMPARE(list.first().id, qint64(1));
    }

    void badlyRatedResultSinks()
    {
        RankingParameters p;
        QList<ranking::Candidate> list{{1, 1, 0, m_now, -4.0, 0}, {2, 1, 0, m_now, 0.0, 0}};
        ranking::rank(list, m_now, p);
        QCOMPARE(list.first().id, qint64(2));
    }
};

QTEST_GUILESS_MAIN(TestRanking)
#include "tst_ranking.moc"
