// The quirk editor driven as a person would — mouse clicks and typed keys on the Knowledge
// tab's cards and the dialog — against a real database as a member login: a quirk added (with
// what it applies to), edited, refused inline when too long, its history listed, and retired.

#include "databasetestcase.h"
#include "knowledgeclient.h"
#include "knowledgeview.h"
#include "quirkbook.h"
#include "quirkeditor.h"
#include "settle.h"
#include "tcpforwarder.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace ke;
using test::TestDatabase;
using As = TestDatabase::As;

class TestQuirkEditor : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    ConnectionSettings m_settings;
    QUuid m_dataset;

    /// The card of the quirk whose text is `text`, or null.
    static QWidget *card(const KnowledgeView &v, const QString &text)
    {
        const auto labels = v.findChildren<QLabel *>(QStringLiteral("quirkCardText"));
        for (QLabel *l : labels)
            if (l->text() == text)
                return l->parentWidget();
        return nullptr;
    }

    static QuirkEditor *openedEditor(const KnowledgeView &v)
    {
        QuirkEditor *editor = nullptr;
        const bool opened = QTest::qWaitFor(
            [&]() {
                editor = v.findChild<QuirkEditor *>();
                return editor && editor->isVisible();
            },
            5000);
        return opened ? editor : nullptr;
    }

    /// Clicks the button `name` of `from` (a quirk card, or the view) and returns the editor
    /// it opened.
    static QuirkEditor *openWith(const KnowledgeView &v, QWidget *from, const QString &name)
    {
        QTest::mouseClick(from->findChild<QPushButton *>(name), Qt::LeftButton);
        return openedEditor(v);
    }

    static void clickSave(QuirkEditor *editor)
    {
        QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("quirkSave")),
                          Qt::LeftButton);
    }

    int events(const QString &type, const QString &text = {})
    {
        return m_db
            ->scalar(QStringLiteral("SELECT count(*) FROM feedback_events WHERE event_type = $1 "
                                    "AND dataset_id = $2 AND ($3 = '' OR event_data->>'text' = $3 "
                                    "OR event_data->>'reason' = $3)"),
                     {type, m_dataset, text})
            .toInt();
    }

    /// Replaces the editor's text by typing, as a person would.
    static void typeText(QuirkEditor *editor, const QString &text)
    {
        auto *edit = editor->findChild<QPlainTextEdit *>(QStringLiteral("quirkText"));
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_CACHED_TEST_DATABASE("quirkeditor", 12, 5, true);
        // A dataset of its own, so that the new quirk's card is the only one.
        const QUuid acme = QUuid::fromString(
            m_db->scalar(QStringLiteral("SELECT id FROM tenants WHERE slug = 'acme'")));
        m_dataset = m_db->createDataset(acme, QStringLiteral("test.quirky"));
        m_settings = m_db->memberSettings(QStringLiteral("acme"), QStringLiteral("quinn"));
    }

    void addEditRetireThroughTheDialog()
    {
        KnowledgeClient client(m_settings);
        KnowledgeView view(&client);
        view.resize(1200, 900);
        QVERIFY(test::showDataset(view, m_dataset, QStringLiteral("test.quirky")));
        QVERIFY(view.findChildren<QWidget *>(QStringLiteral("quirkCard")).isEmpty());

        // Add: "+ Add note", type, choose "A schedule" (weekends) with the keyboard, save.
        auto *add = view.findChild<QPushButton *>(QStringLiteral("addQuirk"));
        QVERIFY(add && add->isEnabled());
        QTest::mouseClick(add, Qt::LeftButton);
        QPointer<QuirkEditor> editor = openedEditor(view);
        QVERIFY(editor);
        QCOMPARE(editor->mode(), QuirkEditor::Mode::Add);
        const QString text = QStringLiteral("The nightly load lands two days late on weekends");
        typeText(editor, text);
        auto *counter = editor->findChild<QLabel *>(QStringLiteral("quirkCounter"));
        QVERIFY2(counter->text().startsWith(
                     QStringLiteral("%1 / %2").arg(text.size()).arg(QuirkBook::maxTextLength)),
                 qPrintable(counter->text()));
        auto *kind = editor->findChild<QComboBox *>(QStringLiteral("quirkScopeKind"));
        kind->setFocus();
        QTest::keyClick(kind, Qt::Key_Down);
        QTest::keyClick(kind, Qt::Key_Down);
        QCOMPARE(kind->currentIndex(), 2);
        QCOMPARE(editor->appliesTo(), QStringLiteral("schedule:weekends"));
        auto *preview = editor->findChild<QLabel *>(QStringLiteral("quirkPreview"));
        QVERIFY2(preview->text().contains(QLatin1String("weekends")), qPrintable(preview->text()));
        QTest::qWait(50); // the preview's new height laid out
        if (qEnvironmentVariableIsSet("KE_SCREENSHOT_DIR"))
            editor->grab().save(qEnvironmentVariable("KE_SCREENSHOT_DIR")
                                + QStringLiteral("/quirk-editor.png"));
        clickSave(editor);
        QTRY_VERIFY_WITH_TIMEOUT(editor.isNull(), 20000);
        QCOMPARE(events(QStringLiteral("quirk.added"), text), 1);
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT event_data->>'applies_to' FROM "
                                             "feedback_events WHERE event_type = 'quirk.added' "
                                             "AND dataset_id = $1"),
                              {m_dataset}),
                 QStringLiteral("schedule:weekends"));
        QVERIFY(test::settle(view));
        QWidget *added = card(view, text);
        QVERIFY2(added, "the new quirk shows as a card, full text");
        const QString meta = added->findChild<QLabel *>(QStringLiteral("quirkCardMeta"))->text();
        QVERIFY2(meta.contains(QLatin1String("@quinn")) && meta.contains(QLatin1String("just now"))
                     && meta.contains(QLatin1String("weekends")),
                 qPrintable(meta));

        // Edit: the dialog starts from the current text.
        editor = openWith(view, added, QStringLiteral("quirkEdit"));
        QVERIFY(editor);
        QCOMPARE(editor->mode(), QuirkEditor::Mode::Edit);
        QCOMPARE(editor->findChild<QPlainTextEdit *>(QStringLiteral("quirkText"))->toPlainText(),
                 text);
        QCOMPARE(editor->appliesTo(), QStringLiteral("schedule:weekends"));
        const QString edited = QStringLiteral("The nightly load lands three days late on weekends");
        typeText(editor, edited);
        clickSave(editor);
        QTRY_VERIFY_WITH_TIMEOUT(editor.isNull(), 20000);
        QCOMPARE(events(QStringLiteral("quirk.edited"), edited), 1);
        QVERIFY(test::settle(view));
        QWidget *changed = card(view, edited);
        QVERIFY2(changed, "the card shows the edited text");
        QVERIFY(!card(view, text));
        QVERIFY(changed->findChild<QLabel *>(QStringLiteral("quirkCardMeta"))
                    ->text()
                    .contains(QLatin1String("edited")));

        // Too long: the counter and an inline error say so; saving writes nothing.
        editor = openWith(view, changed, QStringLiteral("quirkEdit"));
        QVERIFY(editor);
        auto *edit = editor->findChild<QPlainTextEdit *>(QStringLiteral("quirkText"));
        edit->setFocus();
        edit->moveCursor(QTextCursor::End);
        const int missing = QuirkBook::maxTextLength - int(edited.size()) + 1;
        edit->insertPlainText(QString(missing - 1, QLatin1Char('x')));
        auto *error = editor->findChild<QLabel *>(QStringLiteral("quirkError"));
        QVERIFY(error->isHidden());
        QTest::keyClick(edit, Qt::Key_Y); // the one character too many, typed
        QVERIFY2(editor->findChild<QLabel *>(QStringLiteral("quirkCounter"))
                     ->text()
                     .startsWith(QStringLiteral("%1 / %2")
                                     .arg(QuirkBook::maxTextLength + 1)
                                     .arg(QuirkBook::maxTextLength)),
                 qPrintable(editor->findChild<QLabel *>(QStringLiteral("quirkCounter"))->text()));
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(QString::number(QuirkBook::maxTextLength)),
                 qPrintable(error->text()));
        clickSave(editor);
        QTest::qWait(200);
        QVERIFY2(!editor.isNull() && editor->isVisible(), "the dialog stays with the text");
        QCOMPARE(events(QStringLiteral("quirk.edited")), 1);
        QTest::keyClick(editor, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(editor.isNull(), 5000);

        // History: every version, who and when.
        editor = openWith(view, changed, QStringLiteral("quirkHistory"));
        QVERIFY(editor);
        QCOMPARE(editor->mode(), QuirkEditor::Mode::History);
        auto *history = editor->findChild<QTreeWidget *>(QStringLiteral("quirkHistory"));
        QTRY_COMPARE_WITH_TIMEOUT(history->topLevelItemCount(), 2, 20000);
        QCOMPARE(history->topLevelItem(0)->text(2), QStringLiteral("added"));
        QCOMPARE(history->topLevelItem(0)->text(3).section(QLatin1Char('\n'), 0, 0), text);
        QVERIFY2(history->topLevelItem(0)->text(3).contains(QLatin1String("weekends")),
                 qPrintable(history->topLevelItem(0)->text(3)));
        QCOMPARE(history->topLevelItem(1)->text(2), QStringLiteral("edited"));
        QCOMPARE(history->topLevelItem(1)->text(3), edited);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(history->topLevelItem(i)->text(1), QStringLiteral("@quinn"));
            QCOMPARE(history->topLevelItem(i)->text(0), QStringLiteral("just now"));
            QVERIFY(!history->topLevelItem(i)->toolTip(0).isEmpty()); // the exact time
        }
        QTest::keyClick(editor, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(editor.isNull(), 5000);

        // Retire, with a reason: the card leaves the page, the event holds the reason.
        editor = openWith(view, changed, QStringLiteral("quirkRetire"));
        QVERIFY(editor);
        QCOMPARE(editor->mode(), QuirkEditor::Mode::Retire);
        const QString reason = QStringLiteral("fixed by the new loader");
        QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("quirkReason")), reason);
        clickSave(editor);
        QTRY_VERIFY_WITH_TIMEOUT(editor.isNull(), 20000);
        QCOMPARE(events(QStringLiteral("quirk.retired"), reason), 1);
        QVERIFY(test::settle(view));
        QTRY_VERIFY_WITH_TIMEOUT(!card(view, edited), 5000);
        QVERIFY(view.findChildren<QWidget *>(QStringLiteral("quirkCard")).isEmpty());
    }

    void anEmptyTextIsRefusedInline()
    {
        KnowledgeClient client(m_settings);
        KnowledgeView view(&client);
        QVERIFY(test::showDataset(view, m_dataset, QStringLiteral("test.quirky")));
        QPointer<QuirkEditor> editor = openWith(view, &view, QStringLiteral("addQuirk"));
        QVERIFY(editor);
        const int before = events(QStringLiteral("quirk.added"));
        clickSave(editor);
        auto *error = editor->findChild<QLabel *>(QStringLiteral("quirkError"));
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(QLatin1String("empty")), qPrintable(error->text()));
        QVERIFY(editor->isVisible());
        QCOMPARE(events(QStringLiteral("quirk.added")), before);
        editor->reject();
    }

    void anOfflineQuirkWaitsInTheOutbox()
    {
        // The same member through a forwarder that can be closed: the database unreachable at
        // the same URL, as for a laptop that loses the network.
        const QString login
            = m_db->login(QStringLiteral("acme"), QStringLiteral("quinn"), As::Member);
        ConnectionSettings settings = m_settings;
        test::TcpForwarder forwarder(test::databasePort());
        settings.databaseUrl = test::databaseUrlThrough(forwarder.port(), login);
        KnowledgeClient client(settings);
        KnowledgeView view(&client);
        QVERIFY(test::showDataset(view, m_dataset, QStringLiteral("test.quirky")));
        const auto add = [&view](const QString &text) -> bool {
            QPointer<QuirkEditor> editor = openWith(view, &view, QStringLiteral("addQuirk"));
            if (!editor)
                return false;
            typeText(editor, text);
            clickSave(editor);
            return QTest::qWaitFor([&editor]() { return editor.isNull(); }, 20000);
        };
        // Online once, so the outbox knows whom this login writes as.
        QVERIFY(add(QStringLiteral("Written while online")));
        QCOMPARE(events(QStringLiteral("quirk.added"), QStringLiteral("Written while online")), 1);
        QVERIFY(test::settle(view));

        forwarder.close();
        const QString offline = QStringLiteral("Typed on the train");
        QVERIFY2(add(offline), "accepted: the change is queued");
        QVERIFY(test::settle(view));
        QCOMPARE(events(QStringLiteral("quirk.added"), offline), 0);
        auto *message = view.findChild<QLabel *>(QStringLiteral("knowledgeMessage"));
        QVERIFY2(message->text().contains(QLatin1String("queued")), qPrintable(message->text()));
    }

    void theScopeRoundTrips()
    {
        QuirkScope range;
        range.kind = QuirkScope::Kind::TimeRange;
        range.from = QDate(2026, 11, 1);
        QCOMPARE(range.toStored(), QStringLiteral("time:2026-11-01/"));
        const QuirkScope back = QuirkScope::fromStored(range.toStored());
        QCOMPARE(back.kind, QuirkScope::Kind::TimeRange);
        QCOMPARE(back.from, range.from);
        QVERIFY(back.to.isNull());
        QCOMPARE(QuirkScope::fromStored(QStringLiteral("column:status")).describe(),
                 QStringLiteral("column status"));
        // Another writer's text is kept as it is.
        QCOMPARE(QuirkScope::fromStored(QStringLiteral("EU orders only")).kind,
                 QuirkScope::Kind::Other);
        QCOMPARE(QuirkScope::fromStored(QStringLiteral("time:soon/later")).kind,
                 QuirkScope::Kind::Other);
    }
};

QTEST_MAIN(TestQuirkEditor)
#include "tst_quirkeditor.moc"
