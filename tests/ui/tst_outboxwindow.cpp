// The window's writes go through the outbox: a rating made while the database cannot be
// reached (the same URL through a TCP forwarder that is closed) is queued and the status bar
// says "1 write pending"; back online the window delivers it by itself and "Deliver now"
// again leaves it in the database exactly once; a change the database refuses shows its
// reason in the outbox dialog. Real PostgreSQL, real SQLite.

#include "connectionstatus.h"
#include "databasetestcase.h"
#include "investigationdetail.h"
#include "investigationview.h"
#include "mainwindow.h"
#include "outbox.h"
#include "outboxdialog.h"
#include "quirkbook.h"
#include "rateinvestigationdialog.h"
#include "settle.h"
#include "tcpforwarder.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>
#include <QUrl>

using namespace ke;
using As = test::TestDatabase::As;

class TestOutboxWindow : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    QTranslator m_translator; ///< KE_SCREENSHOT_QM: the words of the screenshots
    QString m_investigation;
    QString m_dataset;

    static QString statusText(MainWindow &w)
    {
        return w.findChild<ConnectionStatus *>(QStringLiteral("connectionStatus"))->text();
    }

    /// Online and the first sync done (the cache and the outbox know this connection).
    static bool onlineAndSynced(MainWindow &w)
    {
        return QTest::qWaitFor(
            [&w]() {
                const QString s = statusText(w);
                return s.contains(QLatin1String("Online")) && s.contains(QLatin1String("Synced"))
                    && !s.contains(QLatin1String("Syncing"));
            },
            30000);
    }

    /// erin adds a quirk to the dataset online; its quirk id and the id of the event that
    /// added it (empty when the command failed, which the calling test then names).
    QStringList quirkAddedByErin(const QString &text)
    {
        auto added = m_db->run(QStringLiteral("knowledgectl"),
                               {QStringLiteral("quirk"), QStringLiteral("add"), m_dataset, text},
                               {}, QStringLiteral("acme"), QStringLiteral("erin"), As::Member);
        if (added.exitCode != 0) {
            qWarning("quirk add failed: %s", qPrintable(added.err));
            return {};
        }
        const auto rows = m_db->rows(
            QStringLiteral("SELECT event_data->>'quirk_id', id::text FROM feedback_events WHERE "
                           "event_type = 'quirk.added' AND event_data->>'text' = $1"),
            {text});
        return rows.size() == 1 ? rows[0] : QStringList();
    }

    /// Queues a prepared change in the outbox of the login of `settings`, as if written while
    /// offline; the queued event's id, or an error.
    static Result<QUuid> queueOffline(const ConnectionSettings &settings,
                                      const Result<Event> &change, QuirkBase base = {})
    {
        if (!change)
            return change.error();
        auto db = Database::connect(settings);
        if (!db)
            return db.error();
        auto box = Outbox::openFor(**db);
        if (!box)
            return box.error();
        const OutboxIdentity who{(*db)->login(),
                                 (*db)->tenantId(),
                                 (*db)->actorId(),
                                 QStringLiteral("member"),
                                 QDateTime::currentDateTimeUtc(),
                                 {},
                                 {}};
        auto queued = (*box)->enqueue(*change, who, base);
        if (!queued)
            return queued.error();
        return queued->id;
    }

    /// The window of `settings` once it says one change needs attention, and its outbox dialog
    /// with that change as its only row.
    static QTreeWidget *outboxNeedingAttention(MainWindow &w, OutboxDialog *&dialog)
    {
        w.show();
        if (!test::settle(w))
            return nullptr;
        if (!QTest::qWaitFor([&w]() { return statusText(w).contains(QLatin1String("1 need")); },
                             30000)) {
            qWarning("status bar: %s", qPrintable(statusText(w)));
            return nullptr;
        }
        dialog = w.showOutbox();
        if (!dialog
            || !QTest::qWaitFor([dialog]() { return dialog->pendingRequests() == 0; }, 20000))
            return nullptr;
        auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("outboxList"));
        if (!list || list->topLevelItemCount() != 1) {
            qWarning("the outbox lists %d changes, not 1", list ? list->topLevelItemCount() : -1);
            return nullptr;
        }
        return list;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("KE_SCREENSHOT_QM")
            && m_translator.load(qEnvironmentVariable("KE_SCREENSHOT_QM")))
            QCoreApplication::installTranslator(&m_translator);
        KE_CREATE_CACHED_TEST_DATABASE("outboxwindow", 12, 5, true);
        const Step step = firstHypothesis(QStringLiteral("acme"));
        QVERIFY(!step.investigation.isEmpty());
        m_investigation = step.investigation;
        m_dataset = step.dataset;
    }

    void aRatingMadeOfflineIsQueuedAndDeliveredOnce()
    {
        const QString login
            = m_db->login(QStringLiteral("acme"), QStringLiteral("bea"), As::Member);
        const ConnectionSettings direct = m_db->settingsAs(login, QStringLiteral("acme"));
        ConnectionSettings settings = direct;
        test::TcpForwarder forwarder(test::databasePort());
        settings.databaseUrl = test::databaseUrlThrough(forwarder.port(), login);

        {
            // Online once: the window remembers who bea is and syncs the cache by itself.
            MainWindow w(settings);
            w.show();
            QVERIFY(test::settle(w));
            QVERIFY2(onlineAndSynced(w), qPrintable(statusText(w)));
            QVERIFY2(statusText(w).contains(QLatin1String("You: bea")), qPrintable(statusText(w)));
            QVERIFY2(!statusText(w).contains(QLatin1String("pending")), qPrintable(statusText(w)));
        }

        forwarder.close();
        QUuid queuedId;
        {
            MainWindow w(settings);
            w.show();
            w.showView(QStringLiteral("investigation")); // the newest, from the cache
            QVERIFY(test::settle(w));
            QTRY_VERIFY_WITH_TIMEOUT(statusText(w).contains(QLatin1String("Offline")), 20000);
            auto *view = w.findChild<InvestigationView *>();
            QTRY_VERIFY2_WITH_TIMEOUT(
                view->detail()->trace().steps.size() > 1,
                qPrintable(w.findChild<QLabel *>(QStringLiteral("rateMessage"))->text()
                           + QStringLiteral(" | ") + statusText(w)),
                20000);
            // The whole investigation, rated with a comment in the Rate investigation dialog.
            view->detail()->rateInvestigation();
            auto *rate = view->detail()->findChild<RateInvestigationDialog *>();
            QVERIFY(rate);
            rate->setRating(1);
            rate->findChild<QPlainTextEdit *>(QStringLiteral("overallComment"))
                ->setPlainText(QStringLiteral("typed on the train"));
            rate->accept();
            auto *message = w.findChild<QLabel *>(QStringLiteral("rateMessage"));
            QTRY_VERIFY2_WITH_TIMEOUT(message->text().contains(QLatin1String("queued")),
                                      qPrintable(message->text()), 30000);
            QTRY_VERIFY2_WITH_TIMEOUT(statusText(w).contains(QLatin1String("1 write")),
                                      qPrintable(statusText(w)), 20000);

            if (qEnvironmentVariableIsSet("KE_SCREENSHOT_DIR")) {
                QTest::qWait(200);
                w.grab().save(qEnvironmentVariable("KE_SCREENSHOT_DIR")
                              + QStringLiteral("/offline-pending-writes.png"));
            }

            // The outbox holds it; the dialog lists it as pending.
            auto box = Outbox::openFor(settings);
            QVERIFY2(box, qPrintable(box ? QString() : box.error().message));
            auto entries = (*box)->entries({}, QUuid(), login);
            QVERIFY(entries);
            QCOMPARE(int(entries->size()), 1);
            queuedId = entries->front().event.id;
            QCOMPARE(entries->front().event.data.value(QStringLiteral("comment")).toString(),
                     QStringLiteral("typed on the train"));
            QCOMPARE(storedEvents(queuedId), 0);
            OutboxDialog *dialog = w.showOutbox();
            QTRY_VERIFY_WITH_TIMEOUT(dialog->pendingRequests() == 0, 20000);
            auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("outboxList"));
            QCOMPARE(list->topLevelItemCount(), 1);
            QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Pending"));
            // Deliver now while unreachable: it stays queued and says so.
            dialog->deliverNow();
            QTRY_VERIFY_WITH_TIMEOUT(dialog->pendingRequests() == 0, 30000);
            QVERIFY2(
                dialog->findChild<QLabel *>(QStringLiteral("outboxMessage"))
                    ->text()
                    .contains(QLatin1String("cannot be reached")),
                qPrintable(dialog->findChild<QLabel *>(QStringLiteral("outboxMessage"))->text()));
            QCOMPARE(list->topLevelItemCount(), 1);
        }
        QCOMPARE(storedEvents(queuedId), 0);

        // Back online (the same database, directly): delivered by the window itself, once.
        MainWindow w(direct);
        w.show();
        QVERIFY(test::settle(w));
        QTRY_VERIFY_WITH_TIMEOUT(storedEvents(queuedId) == 1, 30000);
        QVERIFY2(onlineAndSynced(w), qPrintable(statusText(w)));
        QTRY_VERIFY2_WITH_TIMEOUT(!statusText(w).contains(QLatin1String("pending")),
                                  qPrintable(statusText(w)), 20000);
        OutboxDialog *dialog = w.showOutbox();
        dialog->deliverNow();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->pendingRequests() == 0, 30000);
        QCOMPARE(
            dialog->findChild<QTreeWidget *>(QStringLiteral("outboxList"))->topLevelItemCount(), 0);
        QCOMPARE(storedEvents(queuedId), 1);
    }

    void aRefusedChangeShowsItsReason()
    {
        const ConnectionSettings settings
            = m_db->memberSettings(QStringLiteral("acme"), QStringLiteral("cyd"));
        // A quirk, confirmed by cyd while offline (queued), retired by erin meanwhile.
        const QStringList added = quirkAddedByErin(QStringLiteral("nightly load skips Sundays"));
        QVERIFY(!added.isEmpty());
        const QString quirk = added[0];
        auto queued = queueOffline(settings, QuirkBook::prepareConfirm(QUuid::fromString(quirk)));
        QVERIFY2(queued, qPrintable(queued ? QString() : queued.error().message));
        const QUuid queuedId = *queued;
        auto retired = m_db->run(QStringLiteral("knowledgectl"),
                                 {QStringLiteral("quirk"), QStringLiteral("retire"), quirk}, {},
                                 QStringLiteral("acme"), QStringLiteral("erin"), As::Member);
        QVERIFY2(retired.exitCode == 0, qPrintable(retired.err));

        MainWindow w(settings);
        OutboxDialog *dialog = nullptr;
        QTreeWidget *list = outboxNeedingAttention(w, dialog);
        QVERIFY(list);
        QCOMPARE(storedEvents(queuedId), 0);
        QTreeWidgetItem *item = list->topLevelItem(0);
        QCOMPARE(item->text(0), QStringLiteral("Needs attention"));
        QCOMPARE(item->text(1), QStringLiteral("Quirk confirmed"));
        QVERIFY2(item->text(3).contains(QLatin1String("retired")), qPrintable(item->text(3)));

        if (qEnvironmentVariableIsSet("KE_SCREENSHOT_DIR")) {
            list->setCurrentItem(item);
            dialog->grab().save(qEnvironmentVariable("KE_SCREENSHOT_DIR")
                                + QStringLiteral("/outbox-needs-attention.png"));
        }

        // Discard: gone from the list and the counts, never written.
        list->setCurrentItem(item);
        dialog->findChild<QPushButton *>(QStringLiteral("outboxDiscard"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(list->topLevelItemCount() == 0 && dialog->pendingRequests() == 0,
                                 20000);
        QTRY_VERIFY2_WITH_TIMEOUT(!statusText(w).contains(QLatin1String("attention")),
                                  qPrintable(statusText(w)), 20000);
        QCOMPARE(storedEvents(queuedId), 0);
    }

    void aConflictShowsBothVersionsAndKeepsTheChosenOne()
    {
        const ConnectionSettings settings
            = m_db->memberSettings(QStringLiteral("acme"), QStringLiteral("dee"));
        const QStringList added = quirkAddedByErin(QStringLiteral("exports lag by a day"));
        QVERIFY(!added.isEmpty());
        const QString quirk = added[0];
        // dee edits the version she saw, offline (queued with that version as its base) …
        auto queued = queueOffline(
            settings,
            QuirkBook::prepareEdit(QUuid::fromString(quirk),
                                   QStringLiteral("exports lag by a day on Mondays")),
            QuirkBase{QUuid::fromString(added[1]), QDateTime::currentDateTimeUtc()});
        QVERIFY2(queued, qPrintable(queued ? QString() : queued.error().message));
        // … while erin edits it online.
        QTest::qWait(5);
        auto theirs = m_db->run(QStringLiteral("knowledgectl"),
                                {QStringLiteral("quirk"), QStringLiteral("edit"), quirk,
                                 QStringLiteral("exports lag by two days")},
                                {}, QStringLiteral("acme"), QStringLiteral("erin"), As::Member);
        QVERIFY2(theirs.exitCode == 0, qPrintable(theirs.err));

        MainWindow w(settings);
        OutboxDialog *dialog = nullptr;
        QTreeWidget *list = outboxNeedingAttention(w, dialog);
        QVERIFY(list);
        list->setCurrentItem(list->topLevelItem(0));
        // Both versions, side by side; the buttons say what they keep.
        auto *theirsLabel = dialog->findChild<QLabel *>(QStringLiteral("outboxTheirs"));
        auto *yours = dialog->findChild<QPlainTextEdit *>(QStringLiteral("outboxYours"));
        QVERIFY(theirsLabel->isVisible());
        QVERIFY2(theirsLabel->text().contains(QLatin1String("changed")),
                 qPrintable(theirsLabel->text()));
        auto *theirsText = dialog->findChild<QPlainTextEdit *>(QStringLiteral("outboxTheirsText"));
        QVERIFY(theirsText->isVisible());
        QCOMPARE(theirsText->toPlainText(), QStringLiteral("exports lag by two days"));
        QCOMPARE(yours->toPlainText(), QStringLiteral("exports lag by a day on Mondays"));
        auto *keepMine = dialog->findChild<QPushButton *>(QStringLiteral("outboxResend"));
        QCOMPARE(keepMine->text(), QStringLiteral("Keep &mine"));
        QCOMPARE(dialog->findChild<QPushButton *>(QStringLiteral("outboxDiscard"))->text(),
                 QStringLiteral("Keep &theirs"));
        if (qEnvironmentVariableIsSet("KE_SCREENSHOT_DIR"))
            dialog->grab().save(qEnvironmentVariable("KE_SCREENSHOT_DIR")
                                + QStringLiteral("/outbox-conflict.png"));

        // dee keeps hers, edited once more: it goes in after erin's.
        yours->selectAll();
        QTest::keyClicks(yours, QStringLiteral("exports lag by two days on Mondays"));
        keepMine->click();
        QTRY_VERIFY_WITH_TIMEOUT(list->topLevelItemCount() == 0 && dialog->pendingRequests() == 0,
                                 30000);
        QCOMPARE(m_db->scalar(
                     QStringLiteral("SELECT event_data ->> 'text' FROM feedback_events WHERE "
                                    "event_data ->> 'quirk_id' = $1 ORDER BY created_at DESC, id "
                                    "DESC LIMIT 1"),
                     {quirk}),
                 QStringLiteral("exports lag by two days on Mondays"));
    }
};

QTEST_MAIN(TestOutboxWindow)
#include "tst_outboxwindow.moc"
