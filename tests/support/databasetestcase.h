#pragma once

// What the test cases on a database of their own share: the database, created once in
// initTestCase, and the usual first steps on it (demo data, a private offline cache).

#include "testdatabase.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace ke::test {

/// The base of a test case on its own database: `m_db`, made by createDatabase() (first thing
/// in initTestCase, through KE_CREATE_TEST_DATABASE), dropped with the test object.
class DatabaseTestCase : public QObject
{
protected:
    /// Creates m_db on a schema named after `prefix`; false when it cannot (see
    /// TestDatabase::error()).
    [[nodiscard]] bool createDatabase(const QString &prefix)
    {
        m_db = TestDatabase::create(prefix);
        return m_db != nullptr;
    }

    /// `knowledgectl demo-seed` of `investigations` investigations from `seed` on m_db.
    TestDatabase::Run seedDemo(int investigations, int seed) const
    {
        return m_db->run(QStringLiteral("knowledgectl"),
                         {QStringLiteral("demo-seed"), QStringLiteral("--investigations"),
                          QString::number(investigations), QStringLiteral("--seed"),
                          QString::number(seed)});
    }

    /// How many events with this id the database holds (a delivered write: exactly 1).
    int storedEvents(const QUuid &id) const
    {
        return m_db
            ->scalar(QStringLiteral("SELECT count(*) FROM feedback_events WHERE id = $1"), {id})
            .toInt();
    }

    /// Points KNOWLEDGE_CACHE_DIR at `dir`, so offline caches stay inside the test; false when
    /// the temporary directory could not be made.
    static bool useCacheDirectory(const QTemporaryDir &dir)
    {
        if (!dir.isValid())
            return false;
        qputenv("KNOWLEDGE_CACHE_DIR", dir.path().toUtf8());
        return true;
    }

    std::unique_ptr<TestDatabase> m_db;
};

} // namespace ke::test

/// In a DatabaseTestCase's initTestCase: creates m_db on a schema named after `prefix`, or
/// fails the test case with the reason. There is no silent skip: an unreachable server fails.
#define KE_CREATE_TEST_DATABASE(prefix)                                                            \
    QVERIFY2(createDatabase(QStringLiteral(prefix)), qPrintable(::ke::test::TestDatabase::error()))
