// Rating in two clicks, on a real PostgreSQL with demo data, as a member: 👍 on a hypothesis
// records at once and opens the "Why?" popup with the hypothesis's two quick reasons; a reason
// chosen with the keyboard is recorded and closes it; 👎 then changes the rating (clicking
// away keeps it without a reason) — the event log holds both ratings, and the knowledge counts
// after `aggregate` only the latest. A comment from the popup, and the Rate investigation
// dialog's overall rating, reason and comment. With KE_SCREENSHOT_DIR: the README's picture of
// an investigation with the popup open, in English and German.

#include "databasetestcase.h"
#include "investigationdetail.h"
#include "investigationview.h"
#include "knowledgeclient.h"
#include "mainwindow.h"
#include "rateinvestigationdialog.h"
#include "ratingbuttons.h"
#include "ratingpopup.h"
#include "scopedlanguage.h"
#include "screenshots.h"
#include "settle.h"
#include "tcpforwarder.h"
#include "tracestepmodel.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUrl>

using namespace ke;
using As = test::TestDatabase::As;

class TestRatingPopup : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    QString m_investigation; ///< one with hypotheses, queries and a synthesis
    QString m_dataset;
    QString m_person; ///< bea's person id
    ConnectionSettings m_settings; ///< bea, a member of acme
    std::unique_ptr<KnowledgeClient> m_client; ///< the views' client (as the window's)

    /// The most confident hypothesis of the open investigation.
    static QUuid topHypothesis(InvestigationDetail *detail)
    {
        QUuid best;
        double confidence = -2;
        for (const TraceStep &s : detail->trace().steps) {
            if (s.kind == QLatin1String("hypothesis") && s.confidence > confidence) {
                confidence = s.confidence;
                best = s.id;
            }
        }
        return best;
    }

    QPair<int, int> knowledgeCounts()
    {
        const auto agg = aggregateAsService(QStringLiteral("acme"));
        if (agg.exitCode != 0)
            qWarning("aggregate: %s", qPrintable(agg.err));
        const auto row = m_db->rows(QStringLiteral("SELECT positive_feedback_count, "
                                                   "negative_feedback_count FROM dataset_knowledge "
                                                   "WHERE dataset_id = $1"),
                                    {m_dataset});
        return row.isEmpty() ? qMakePair(-1, -1) : qMakePair(row[0][0].toInt(), row[0][1].toInt());
    }

    /// bea's ratings of `target`, oldest first: (rating, reason, comment).
    QList<QStringList> ratingsOf(const QUuid &target, const QString &type)
    {
        const auto rows = m_db->rows(
            QStringLiteral("SELECT event_data->>'rating', coalesce(event_data->>'reason', ''), "
                           "coalesce(event_data->>'comment', '') FROM feedback_events WHERE "
                           "event_type = $1 AND event_data->>'target_id' = $2 AND actor_id = $3 "
                           "ORDER BY created_at, id"),
            {QString(QStringLiteral("feedback.") + type), target.toString(QUuid::WithoutBraces),
             m_person});
        QList<QStringList> out;
        for (const auto &r : rows)
            out.append(QStringList{r[0], r[1], r[2]});
        return out;
    }

    /// Opens the investigation in a view of its own.
    std::unique_ptr<InvestigationView> openView()
    {
        if (!m_client)
            m_client = std::make_unique<KnowledgeClient>(m_settings);
        auto view = std::make_unique<InvestigationView>(m_client.get());
        view->resize(1100, 800);
        view->show();
        view->showInvestigation(QUuid::fromString(m_investigation));
        if (!test::settle(*view) || view->detail()->trace().steps.size() < 3)
            return nullptr;
        return view;
    }

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_CACHED_TEST_DATABASE("ratingpopup", 20, 5, true);
        const auto rows = m_db->rows(QStringLiteral(
            "SELECT i.investigation_id, i.dataset_id FROM agg_investigations i JOIN tenants t ON "
            "t.id = i.tenant_id WHERE t.slug = 'acme' AND EXISTS (SELECT 1 FROM feedback_events "
            "e WHERE e.investigation_id = i.investigation_id AND e.event_type = "
            "'synthesis.generated') AND EXISTS (SELECT 1 FROM feedback_events e WHERE "
            "e.investigation_id = i.investigation_id AND e.event_type = 'query.succeeded') ORDER "
            "BY i.investigation_id LIMIT 1"));
        QCOMPARE(rows.size(), 1);
        m_investigation = rows[0][0];
        m_dataset = rows[0][1];
        m_settings = m_db->memberSettings(QStringLiteral("acme"), QStringLiteral("bea"));
        m_person = m_db->scalar(QStringLiteral("SELECT p.id FROM people p JOIN tenants t ON t.id = "
                                               "p.tenant_id WHERE t.slug = 'acme' AND p.handle = "
                                               "'bea'"));
        QVERIFY2(!m_person.isEmpty(), "the member login's person exists once it is granted");
    }

    void rateAHypothesisUpWithAReasonThenChangeItToDown()
    {
        const QPair<int, int> before = knowledgeCounts();
        QVERIFY(before.first >= 0);
        auto view = openView();
        QVERIFY(view);
        InvestigationDetail *detail = view->detail();
        const QUuid hypothesis = topHypothesis(detail);
        RatingButtons *thumbs = detail->ratingButtons(hypothesis);
        QVERIFY(thumbs);
        QCOMPARE(thumbs->upButton()->accessibleName(), QStringLiteral("Rate helpful"));
        QCOMPARE(thumbs->downButton()->accessibleName(), QStringLiteral("Rate not helpful"));
        QVERIFY(!thumbs->upButton()->isChecked());
        const int upBefore = thumbs->tally().up;

        // Click 1: 👍 — recorded at once, the popup opens with the two quick reasons.
        QTest::mouseClick(thumbs->upButton(), Qt::LeftButton);
        QVERIFY(thumbs->upButton()->isChecked());
        QCOMPARE(thumbs->tally().up, upBefore + 1);
        RatingPopup *popup = detail->popup();
        QVERIFY(popup);
        QVERIFY(popup->isVisible());
        const QList<QPushButton *> reasons = popup->reasonButtons();
        QCOMPARE(reasons.size(), 2);
        QCOMPARE(reasons.at(0)->text(), QStringLiteral("Right direction"));
        QCOMPARE(reasons.at(1)->text(), QStringLiteral("Key insight"));
        QVERIFY(popup->findChild<QPushButton *>(QStringLiteral("addComment")));
        QVERIFY(reasons.at(0)->hasFocus());
        // Click 2, by keyboard: down to "Key insight", Enter — saved, and the popup closes.
        QTest::keyClick(popup, Qt::Key_Down);
        QVERIFY(reasons.at(1)->hasFocus());
        QTest::keyClick(reasons.at(1), Qt::Key_Return);
        QTRY_VERIFY(!detail->popup());
        QVERIFY(test::settle(*view));
        QList<QStringList> stored = ratingsOf(hypothesis, QStringLiteral("hypothesis"));
        QCOMPARE(stored.size(), 2); // the click, then the click with its reason
        QCOMPARE(stored.at(0), (QStringList{QStringLiteral("1"), QString(), QString()}));
        QCOMPARE(stored.at(1),
                 (QStringList{QStringLiteral("1"), QStringLiteral("Key insight"), QString()}));
        QVERIFY2(view->findChild<QLabel *>(QStringLiteral("rateMessage"))
                     ->text()
                     .contains(QLatin1String("saved")),
                 qPrintable(view->findChild<QLabel *>(QStringLiteral("rateMessage"))->text()));
        const QPair<int, int> afterUp = knowledgeCounts();
        QCOMPARE(afterUp, qMakePair(before.first + 1, before.second));

        // 👎 changes it; clicking away keeps the rating without a reason.
        QTest::mouseClick(thumbs->downButton(), Qt::LeftButton);
        QVERIFY(thumbs->downButton()->isChecked());
        QVERIFY(!thumbs->upButton()->isChecked());
        QCOMPARE(thumbs->tally().up, upBefore);
        popup = detail->popup();
        QVERIFY(popup);
        QCOMPARE(popup->reasonButtons().at(0)->text(), QStringLiteral("Dead end"));
        QCOMPARE(popup->reasonButtons().at(1)->text(), QStringLiteral("Already known"));
        QWidget *elsewhere = view->findChild<QWidget *>(QStringLiteral("investigationTitle"));
        // Through the window system, as a real click: the popup sees it land outside.
        QTest::mouseClick(view->windowHandle(), Qt::LeftButton, {},
                          elsewhere->mapTo(view.get(), elsewhere->rect().center()));
        QTRY_VERIFY(!detail->popup());
        QVERIFY(test::settle(*view));
        stored = ratingsOf(hypothesis, QStringLiteral("hypothesis"));
        QCOMPARE(stored.size(), 3);
        QCOMPARE(stored.last(), (QStringList{QStringLiteral("-1"), QString(), QString()}));

        // The database holds both polarities; the knowledge counts only the latest.
        QVERIFY(stored.at(1).at(0) == QLatin1String("1")
                && stored.at(2).at(0) == QLatin1String("-1"));
        const QPair<int, int> afterDown = knowledgeCounts();
        QCOMPARE(afterDown, qMakePair(before.first, before.second + 1));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT rating FROM agg_ratings WHERE target_id = "
                                             "$1 AND actor_id = $2"),
                              {hypothesis.toString(QUuid::WithoutBraces), m_person}),
                 QStringLiteral("-1"));

        // Opened again, the button shows the person's current rating.
        auto again = openView();
        QVERIFY(again);
        RatingButtons *reread = again->detail()->ratingButtons(hypothesis);
        QVERIFY(reread->downButton()->isChecked());
        QVERIFY(!reread->upButton()->isChecked());
    }

    void aCommentFromThePopup()
    {
        auto view = openView();
        QVERIFY(view);
        InvestigationDetail *detail = view->detail();
        QUuid query;
        for (const TraceStep &s : detail->trace().steps) {
            if (s.kind == QLatin1String("query") && detail->ratingButtons(s.id)
                && detail->ratingButtons(s.id)->isVisible())
                query = s.id;
        }
        QVERIFY(!query.isNull());
        RatingButtons *thumbs = detail->ratingButtons(query);
        QTest::mouseClick(thumbs->upButton(), Qt::LeftButton);
        RatingPopup *popup = detail->popup();
        QVERIFY(popup);
        QCOMPARE(popup->reasonButtons().at(0)->text(), QStringLiteral("Useful data"));
        QTest::mouseClick(popup->findChild<QPushButton *>(QStringLiteral("addComment")),
                          Qt::LeftButton);
        auto *comment = popup->findChild<QLineEdit *>(QStringLiteral("whyComment"));
        QVERIFY(comment->isVisible());
        QVERIFY(comment->hasFocus());
        QTest::keyClicks(comment, QStringLiteral("the hourly grain made the gap obvious"));
        QTest::keyClick(comment, Qt::Key_Return);
        QTRY_VERIFY(!detail->popup());
        QVERIFY(test::settle(*view));
        const QList<QStringList> stored = ratingsOf(query, QStringLiteral("query"));
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.last(),
                 (QStringList{QStringLiteral("1"), QString(),
                              QStringLiteral("the hourly grain made the gap obvious")}));
    }

    void rateInvestigationDialogWritesItsEvent()
    {
        auto view = openView();
        QVERIFY(view);
        InvestigationDetail *detail = view->detail();
        auto *open = detail->findChild<QPushButton *>(QStringLiteral("rateInvestigation"));
        QVERIFY(open);
        QTest::mouseClick(open, Qt::LeftButton);
        RateInvestigationDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = detail->findChild<RateInvestigationDialog *>()) != nullptr);
        QVERIFY(dialog->isVisible());
        auto *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        QVERIFY(!save->isEnabled()); // no rating yet
        QTest::mouseClick(dialog->findChild<QToolButton *>(QStringLiteral("overallDown")),
                          Qt::LeftButton);
        QVERIFY(save->isEnabled());
        QRadioButton *reason = nullptr;
        for (QRadioButton *b :
             dialog->findChildren<QRadioButton *>(QStringLiteral("overallReason")))
            if (b->property("reason").toString() == QLatin1String("Wrong conclusion"))
                reason = b;
        QVERIFY(reason);
        QCOMPARE(reason->text(), QStringLiteral("Wrong conclusion"));
        QTest::mouseClick(reason, Qt::LeftButton);
        auto *comment = dialog->findChild<QPlainTextEdit *>(QStringLiteral("overallComment"));
        comment->setFocus();
        QTest::keyClicks(comment, QStringLiteral("the lag was the weekend batch"));
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY(!detail->findChild<RateInvestigationDialog *>());
        QVERIFY(test::settle(*view));
        const QList<QStringList> stored
            = ratingsOf(QUuid::fromString(m_investigation), QStringLiteral("investigation"));
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.last(),
                 (QStringList{QStringLiteral("-1"), QStringLiteral("Wrong conclusion"),
                              QStringLiteral("the lag was the weekend batch")}));
        const QString overall
            = detail->findChild<QLabel *>(QStringLiteral("overallRating"))->text();
        QVERIFY2(overall.contains(QStringLiteral("You: not helpful — Wrong conclusion")),
                 qPrintable(overall));

        // Opened again, the dialog starts from the person's current rating.
        QTest::mouseClick(open, Qt::LeftButton);
        QTRY_VERIFY((dialog = detail->findChild<RateInvestigationDialog *>()) != nullptr);
        QCOMPARE(dialog->rating(), -1);
        QCOMPARE(dialog->input().reason, QStringLiteral("Wrong conclusion"));
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!detail->findChild<RateInvestigationDialog *>());
    }

    void offlineTheQueuedRatingIsTheCurrentOne()
    {
        // cyd, through a forwarder that can be closed: online once (a rating, and a sync of
        // the offline cache), then offline.
        const QString login
            = m_db->login(QStringLiteral("acme"), QStringLiteral("cyd"), As::Member);
        ConnectionSettings settings = m_db->settingsAs(login, QStringLiteral("acme"));
        test::TcpForwarder forwarder(test::databasePort());
        settings.databaseUrl = test::databaseUrlThrough(forwarder.port(), login);
        // One client per view, as a window has (it goes offline when the forwarder closes).
        std::vector<std::unique_ptr<KnowledgeClient>> clients;
        const auto open = [&settings, &clients, this]() {
            clients.push_back(std::make_unique<KnowledgeClient>(settings));
            auto view = std::make_unique<InvestigationView>(clients.back().get());
            view->resize(1100, 800);
            view->show();
            view->showInvestigation(QUuid::fromString(m_investigation));
            return view;
        };
        QUuid synthesis;
        {
            auto view = open();
            QVERIFY(test::settle(*view));
            for (const TraceStep &s : view->detail()->trace().steps) {
                if (s.kind == QLatin1String("synthesis"))
                    synthesis = s.id;
            }
            QVERIFY(!synthesis.isNull());
            QTest::mouseClick(view->detail()->ratingButtons(synthesis)->upButton(), Qt::LeftButton);
            QTest::keyClick(view->detail()->popup(), Qt::Key_Escape);
            QVERIFY(test::settle(*view));
        }
        const auto sync = m_db->run(QStringLiteral("knowledgectl"),
                                    {QStringLiteral("--database"), settings.databaseUrl,
                                     QStringLiteral("sync"), QStringLiteral("--quiet")},
                                    {}, QStringLiteral("acme"), QStringLiteral("cyd"), As::Member);
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.err));

        forwarder.close();
        int upBefore = -1;
        {
            auto view = open();
            QVERIFY(test::settle(*view));
            RatingButtons *thumbs = view->detail()->ratingButtons(synthesis);
            QVERIFY(thumbs);
            QVERIFY(thumbs->upButton()->isChecked()); // from the cache
            upBefore = thumbs->tally().up;
            QTest::mouseClick(thumbs->downButton(), Qt::LeftButton);
            QTest::mouseClick(view->detail()->popup()->reasonButtons().at(1), Qt::LeftButton);
            QVERIFY(test::settle(*view));
            const QString message
                = view->findChild<QLabel *>(QStringLiteral("rateMessage"))->text();
            QVERIFY2(message.contains(QLatin1String("queued")), qPrintable(message));
        }
        // Opened again offline: the cache still has 👍, the outbox 👎 — 👎 is the current one.
        auto view = open();
        QVERIFY(test::settle(*view));
        RatingButtons *thumbs = view->detail()->ratingButtons(synthesis);
        QVERIFY(thumbs->downButton()->isChecked());
        QVERIFY(!thumbs->upButton()->isChecked());
        QCOMPARE(thumbs->tally().up, upBefore - 1);
        QCOMPARE(thumbs->tally().myReason, QStringLiteral("Missed root cause"));
        // … and marked as waiting to be sent.
        QVERIFY(thumbs->tally().pending);
        QVERIFY(thumbs->findChild<QLabel *>(QStringLiteral("ratingPending"))->isVisible());
    }

    // docs/screenshots/investigation-why-popup(.de).png: the window on an investigation with
    // the popup open after a 👍 — the popup painted into the picture where it stands.
    void screenshots()
    {
        const QString dir = test::screenshotDirectory(m_cacheRoot.path());
        QVERIFY(!dir.isEmpty());
        test::inEnglishAndGerman(QStringLiteral(KE_QM_DIR), [&](const QString &language) {
            MainWindow w(m_db->memberSettings(QStringLiteral("acme"), QStringLiteral("alex")));
            w.resize(1280, 860);
            w.show();
            w.openInvestigation(QUuid::fromString(m_investigation));
            QVERIFY(test::settle(w));
            auto *view = w.findChild<InvestigationView *>();
            QTRY_VERIFY_WITH_TIMEOUT(view->detail()->trace().steps.size() > 2, 20000);
            InvestigationDetail *detail = view->detail();
            RatingButtons *thumbs = detail->ratingButtons(topHypothesis(detail));
            QVERIFY(thumbs);
            QTest::mouseClick(thumbs->upButton(), Qt::LeftButton);
            RatingPopup *popup = detail->popup();
            QVERIFY(popup);
            QVERIFY(test::settle(w));
            QTest::qWait(300);
            QPixmap shot = w.grab(test::withoutStatusBar(w));
            {
                QPainter painter(&shot);
                painter.drawPixmap(w.mapFromGlobal(popup->mapToGlobal(QPoint(0, 0))),
                                   popup->grab());
            }
            const QString file
                = test::screenshotFile(dir, QStringLiteral("investigation-why-popup"), language);
            QVERIFY2(shot.save(file, "PNG"), qPrintable(file));
            popup->close();
        });
    }
};

QTEST_MAIN(TestRatingPopup)
#include "tst_ratingpopup.moc"
