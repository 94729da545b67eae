// The local LSA embedder: learns from a corpus, embeds related texts close together, is
// reproducible, and survives a save/load round trip; a damaged model file is refused.

#include "lsaembedder.h"
#include "textanalyzer.h"

#include <QDataStream>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ke;

namespace {

QStringList corpus()
{
    QStringList c;
    for (int i = 0; i < 6; ++i) {
        c << QStringLiteral("the wing lift increases with the angle of attack of the airfoil")
          << QStringLiteral("airfoil lift and drag measured in the wind tunnel at high angle")
          << QStringLiteral("heat transfer in the boundary layer of a heated flat plate")
          << QStringLiteral("boundary layer temperature and heat flux near the plate surface")
          << QStringLiteral("buckling of thin cylindrical shells under axial compression")
          << QStringLiteral("shell buckling load for cylinders with axial stress");
    }
    return c;
}

} // namespace

class TestLsaEmbedder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stemsLikePorter()
    {
        // Porter (1980), as FTS5's porter tokenizer stems (PostgreSQL's english, Snowball's
        // Porter2, would make "general" of "generalizations").
        QCOMPARE(textanalyzer::stem(QStringLiteral("caresses")), QStringLiteral("caress"));
        QCOMPARE(textanalyzer::stem(QStringLiteral("ponies")), QStringLiteral("poni"));
        QCOMPARE(textanalyzer::stem(QStringLiteral("relational")), QStringLiteral("relat"));
        QCOMPARE(textanalyzer::stem(QStringLiteral("hopping")), QStringLiteral("hop"));
        QCOMPARE(textanalyzer::stem(QStringLiteral("generalizations")), QStringLiteral("gener"));
        QCOMPARE(textanalyzer::stem(QStringLiteral("knowledge")), QStringLiteral("knowledg"));
        QCOMPARE(textanalyzer::terms(QStringLiteral("The Wings, of the AIRFOILS!")),
                 (QStringList{QStringLiteral("wing"), QStringLiteral("airfoil")}));
    }

    void relatedTextsAreCloser()
    {
        LsaEmbedder::Options o;
        o.dimension = 3;
        auto m = LsaEmbedder::train(corpus(), o);
        QVERIFY2(m, qPrintable(m ? QString() : m.error().message));
        QCOMPARE(m->dimension(), 3);
        const auto lift = m->embedOne(QStringLiteral("lift of an airfoil"));
        const auto drag = m->embedOne(QStringLiteral("wind tunnel drag at high angle of attack"));
        const auto heat = m->embedOne(QStringLiteral("heat flux of heated plates"));
        QVERIFY(dotProduct(lift, drag) > dotProduct(lift, heat) + 0.3);
        QVERIFY(std::abs(dotProduct(lift, lift) - 1.0f) < 1e-4f);
        // Nothing known: a zero vector, not NaN.
        const auto none = m->embedOne(QStringLiteral("zzz qqq"));
        QCOMPARE(dotProduct(none, none), 0.0f);
    }

    void reproducibleAndPersistent()
    {
        auto a = LsaEmbedder::train(corpus());
        auto b = LsaEmbedder::train(corpus());
        QVERIFY(a && b);
        QCOMPARE(a->name(), b->name()); // same corpus, same model: no needless re-embedding
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/model.lsa");
        QVERIFY(a->save(path));
        auto loaded = LsaEmbedder::load(path);
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
        QCOMPARE(loaded->name(), a->name());
        QCOMPARE(loaded->dimension(), a->dimension());
        const QString text = QStringLiteral("buckling of cylinders");
        QCOMPARE(loaded->embedOne(text), a->embedOne(text));

        auto other = LsaEmbedder::train(corpus().mid(0, 12));
        QVERIFY(other);
        QVERIFY(other->name() != a->name());
    }

    // The job stores the vectors train() hands back for its corpus instead of embedding the
    // same texts again: they must be exactly embed()'s, or a query would be compared with
    // vectors made differently.
    void corpusVectorsAreEmbedsOwn()
    {
        QStringList texts = corpus();
        texts << QStringLiteral("lift lift lift of the airfoil") << QStringLiteral("zzz qqq");
        std::vector<EmbeddingVector> vectors;
        auto m = LsaEmbedder::train(texts, LsaEmbedder::Options{}, &vectors);
        QVERIFY(m);
        QCOMPARE(vectors.size(), size_t(texts.size()));
        for (qsizetype i = 0; i < texts.size(); ++i)
            QCOMPARE(vectors[size_t(i)], m->embedOne(texts.at(i)));
        QCOMPARE(LsaEmbedder::train(texts)->name(), m->name());
    }

    void damagedModelIsRefused()
    {
        auto a = LsaEmbedder::train(corpus());
        QVERIFY(a);
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/model.lsa");
        QVERIFY(a->save(path));
        QFile f(path);
        QVERIFY(f.resize(f.size() - 10));
        auto loaded = LsaEmbedder::load(path);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, QStringLiteral("corrupt_model"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("not a model at all");
        f.close();
        QVERIFY(!LsaEmbedder::load(path));
        QVERIFY(!LsaEmbedder::load(dir.path() + QStringLiteral("/missing.lsa")));
        // Format 1 held the terms of our own Porter stemmer, which differs from Snowball's on
        // some words (digits, non-ASCII letters): refused like a damaged file, relearned.
        QVERIFY(a->save(path));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(4)); // after the magic number: the format version, big-endian
        QCOMPARE(f.write(QByteArray::fromHex("00000001")), qint64(4));
        f.close();
        QVERIFY(LsaEmbedder::load(dir.path() + QStringLiteral("/model.lsa"))
                    .error()
                    .is(ErrorCode::CorruptModel));
        // A vocabulary holding one term twice (rows would go unnamed) is refused, not loaded
        // with a row fewer.
        QVERIFY(a->save(path));
        auto encoded = [](const QString &term) {
            QByteArray out;
            QDataStream s(&out, QIODevice::WriteOnly);
            s.setVersion(QDataStream::Qt_6_4);
            s << term;
            return out;
        };
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        f.close();
        const qsizetype at = bytes.indexOf(encoded(QStringLiteral("load")));
        QVERIFY(at > 0 && bytes.indexOf(encoded(QStringLiteral("lift"))) > 0);
        bytes.replace(at, encoded(QStringLiteral("lift")).size(), encoded(QStringLiteral("lift")));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(bytes), bytes.size());
        f.close();
        const auto twice = LsaEmbedder::load(path);
        QVERIFY(!twice);
        QVERIFY(twice.error().is(ErrorCode::CorruptModel));
        QVERIFY2(twice.error().message.contains(QLatin1String("twice")),
                 qPrintable(twice.error().message));
    }

    void emptyCorpusIsAnError()
    {
        QVERIFY(!LsaEmbedder::train({}));
        auto r = LsaEmbedder::train({QStringLiteral("!!! ???")});
        QVERIFY(!r);
        QVERIFY(!r.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLsaEmbedder)
#include "tst_lsaembedder.moc"
