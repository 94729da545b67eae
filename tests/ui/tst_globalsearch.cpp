// The global search (Ctrl+K) in the window, on a real database with the demo data embedded:
// Ctrl+K opens it, typing searches after the pause, typing on cancels the older search (only
// the newest answer is shown), Down and Enter open the right investigation, a quirk opens its
// dataset, near-identical results are one row ("N similar"), Esc closes, and offline the
// results come from the cache. The model passes the model tester; the icons are crisp at
// 200 %; `--screenshot --view search` has the popup in the picture. With KE_SCREENSHOT_DIR:
// the README's pictures (docs/screenshots/global-search(.de).png).

#include "catalogue.h"
#include "databasetestcase.h"
#include "datasetlistmodel.h"
#include "globalsearch.h"
#include "globalsearchdelegate.h"
#include "globalsearchmodel.h"
#include "investigationdetail.h"
#include "investigationview.h"
#include "knowledgeclient.h"
#include "knowledgeview.h"
#include "mainwindow.h"
#include "scopedlanguage.h"
#include "screenshots.h"
#include "settle.h"
#include "tcpforwarder.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace ke;
using As = test::TestDatabase::As;

class TestGlobalSearch : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    ConnectionSettings memberSettings()
    {
        return m_db->memberSettings(QStringLiteral("acme"), QStringLiteral("bea"));
    }

    /// Shows the window, waits for its data, and opens the popup with Ctrl+K.
    static GlobalSearch *openWithCtrlK(MainWindow &w)
    {
        w.show();
        if (!QTest::qWaitForWindowActive(&w) || !test::settle(w))
            return nullptr;
        // From a field of the window (where Ctrl+K would otherwise delete to the line's end).
        QLineEdit *filter = nullptr;
        for (QLineEdit *edit : w.findChildren<QLineEdit *>())
            if (edit->isVisible() && edit->window() == &w && !filter)
                filter = edit;
        if (!filter)
            return nullptr;
        filter->setFocus();
        filter->setText(QStringLiteral("public"));
        filter->setCursorPosition(0);
        QTest::keyClick(filter, Qt::Key_K, Qt::ControlModifier);
        const bool kept = filter->text() == QLatin1String("public");
        filter->clear();
        GlobalSearch *popup = w.globalSearch();
        return kept && QTest::qWaitFor([popup]() { return popup->isVisible(); }, 5000) ? popup
                                                                                       : nullptr;
    }

    static QLineEdit *field(GlobalSearch *popup)
    {
        return popup->findChild<QLineEdit *>(QStringLiteral("globalSearchField"));
    }
    static QListView *results(GlobalSearch *popup)
    {
        return popup->findChild<QListView *>(QStringLiteral("globalSearchResults"));
    }
    static QString status(GlobalSearch *popup)
    {
        return popup->findChild<QLabel *>(QStringLiteral("globalSearchStatus"))->text();
    }

    static SearchResult result(const QString &type, const QString &snippet, int investigation,
                               double score)
    {
        SearchResult r;
        r.sourceType = type;
        r.sourceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.datasetId = QStringLiteral("00000000-0000-0000-0000-0000000000%1").arg(investigation % 3);
        r.investigationId = QStringLiteral("10000000-0000-0000-0000-0000000000%1")
                                .arg(investigation, 2, 10, QLatin1Char('0'));
        r.createdAt = QDateTime(QDate(2026, 3, 1 + investigation), QTime(10, 0), Qt::UTC);
        r.snippet = snippet;
        r.lexicalRank = investigation + 1;
        r.vectorRank = investigation % 2 ? 0 : investigation + 3;
        r.score = score;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        KE_CREATE_CACHED_TEST_DATABASE("globalsearch", 30, 3, true);
        const auto embedded = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("embed")},
                                        {}, QStringLiteral("acme"), {}, As::Service);
        QVERIFY2(embedded.exitCode == 0, qPrintable(embedded.out + embedded.err));
    }

    // Twelve runs of one query template (other dates and ids filled in) are one row; the
    // same words as another kind, or another text, are rows of their own.
    void nearIdenticalResultsAreOneRow()
    {
        GlobalSearchModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<SearchResult> found;
        found << result(QStringLiteral("hypothesis"),
                        QStringLiteral("The «row count» dropped after the «late» batch"), 0, 0.9);
        for (int i = 1; i <= 12; ++i)
            found << result(QStringLiteral("query"),
                            QStringLiteral("SELECT «count»(*) FROM public.orders WHERE created_at "
                                           ">= '2026-03-%1' AND batch_id = %2 …")
                                .arg(i, 2, 10, QLatin1Char('0'))
                                .arg(1000 + i),
                            i, 0.8 - i * 0.01);
        found << result(QStringLiteral("hypothesis"),
                        QStringLiteral("The «ROW   count» dropped after the late batch"), 13, 0.5);
        found << result(QStringLiteral("query"), QStringLiteral("SELECT «count»(*) FROM refunds"),
                        14, 0.4);
        model.setResults(found, false);
        QCOMPARE(model.rowCount(), 3);
        const QModelIndex queries = model.index(1);
        QCOMPARE(queries.data(GlobalSearchModel::SourceTypeRole).toString(),
                 QStringLiteral("query"));
        QCOMPARE(queries.data(GlobalSearchModel::GroupSizeRole).toInt(), 12);
        QCOMPARE(queries.data(GlobalSearchModel::SimilarRole).toString(),
                 QStringLiteral("12 similar"));
        // The row is the best of them; Enter opens that one.
        QCOMPARE(model.group(1)->best.score, 0.79);
        QCOMPARE(queries.data(GlobalSearchModel::InvestigationRole).toUuid(),
                 QUuid::fromString(found.at(1).investigationId));
        // The two hypotheses differ only by marks, case and spaces: one row of 2.
        QCOMPARE(model.index(0).data(GlobalSearchModel::GroupSizeRole).toInt(), 2);
        QCOMPARE(model.index(2).data(GlobalSearchModel::GroupSizeRole).toInt(), 1);
        QVERIFY(model.index(2).data(GlobalSearchModel::SimilarRole).toString().isEmpty());
        // Why it ranked, and the similar ones, in the tooltip.
        model.setDatasetNames({{found.at(1).datasetId, QStringLiteral("public.orders")}});
        const QString tip = queries.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QLatin1String("words: rank 2")), qPrintable(tip));
        QVERIFY2(tip.contains(QLatin1String("12 similar result")), qPrintable(tip));
        QVERIFY2(tip.contains(QLatin1String("public.orders")), qPrintable(tip));
        QVERIFY(!tip.contains(QLatin1String("offline cache")));
        QCOMPARE(queries.data(GlobalSearchModel::DatasetNameRole).toString(),
                 QStringLiteral("public.orders"));
        QVERIFY(queries.data(GlobalSearchModel::MarkedSnippetRole)
                    .toString()
                    .contains(QStringLiteral("«count»")));
        QVERIFY(!queries.data().toString().contains(QChar(0xab)));
        QVERIFY(
            queries.data(Qt::AccessibleTextRole).toString().contains(QLatin1String("12 similar")));
        model.setResults(found.mid(0, 1), true);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.index(0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("From the offline cache.")));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // One SVG per source type, rendered at twice the pixels for 200 %, not a scaled bitmap.
    void sourceIconsAreCrispAt200Percent()
    {
        for (const QString &type : SourceTypes::all()) {
            const QString file = QStringLiteral(":/icons/source-%1.svg").arg(type);
            QVERIFY2(QFile::exists(file), qPrintable(file));
            const QPixmap pixmap = GlobalSearchModel::sourceIcon(type).pixmap(QSize(20, 20), 2.0);
            QCOMPARE(pixmap.deviceIndependentSize().toSize(), QSize(20, 20));
            QCOMPARE(pixmap.size(), QSize(40, 40));
            const QImage image = pixmap.toImage();
            int opaque = 0, partial = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const int a = qAlpha(image.pixel(x, y));
                    opaque += a == 255;
                    partial += a > 0 && a < 255;
                }
            QVERIFY2(opaque > 200, qPrintable(type));
            // Antialiased edges at the device's resolution: a few partly covered pixels per
            // edge, far fewer than the opaque ones (an upscaled 20 px bitmap blurs broadly).
            QVERIFY2(partial < opaque, qPrintable(type));
        }
    }

    // A dark palette: the popup's background, the rows and their words follow it.
    void followsADarkPalette()
    {
        const QPalette light = QApplication::palette();
        QPalette dark(QColor(0x2b, 0x2b, 0x2b), QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Base, QColor(0x1c, 0x1c, 0x1c));
        QApplication::setPalette(dark);
        QWidget window;
        window.resize(900, 700);
        KnowledgeClient client(memberSettings());
        GlobalSearch popup(&client, &window);
        QList<SearchResult> found;
        for (int i = 0; i < 4; ++i)
            found << result(QStringLiteral("hypothesis"),
                            QStringLiteral("The «row count» dropped after batch %1").arg(i), i,
                            1.0 - i / 10.0);
        popup.model()->setResults(found, false);
        const QImage image = popup.grab().toImage();
        QApplication::setPalette(light);
        const QRect list = results(&popup)->geometry();
        int darkPixels = 0, lightPixels = 0;
        for (int y = list.top() + 2; y < list.bottom() - 2; y += 2)
            for (int x = list.left() + 2; x < list.right() - 2; x += 2) {
                const int v = qGray(image.pixel(x, y));
                darkPixels += v < 60;
                lightPixels += v > 180;
            }
        QVERIFY2(darkPixels > 20 * lightPixels, "a dark background");
        QVERIFY2(lightPixels > 50, "light words on it");
    }

    void ctrlKOpensAndTypingSearchesAfterThePause()
    {
        MainWindow w(memberSettings());
        GlobalSearch *popup = openWithCtrlK(w);
        QVERIFY(popup);
        QLineEdit *edit = field(popup);
        QCOMPARE(QApplication::focusWidget(), edit);
        QVERIFY2(!edit->accessibleName().isEmpty() && !results(popup)->accessibleName().isEmpty(),
                 "accessible names");
        // Centred at the top of the window.
        const QPoint centre = w.mapFromGlobal(popup->mapToGlobal(popup->rect().center()));
        QVERIFY(qAbs(centre.x() - w.width() / 2) <= 2);
        QVERIFY(w.mapFromGlobal(popup->mapToGlobal(QPoint(0, 0))).y() < w.height() / 4);

        QAbstractItemModelTester tester(results(popup)->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy started(popup, &GlobalSearch::searchStarted);
        QSignalSpy finished(popup, &GlobalSearch::searchFinished);
        QTest::keyClicks(edit, QStringLiteral("schema drift"));
        QElapsedTimer sinceTyped;
        sinceTyped.start();
        QCOMPARE(started.count(), 0); // the pause first
        QVERIFY(started.wait(2000));
        QVERIFY2(sinceTyped.elapsed() >= GlobalSearch::debounceMs - 10,
                 qPrintable(QString::number(sinceTyped.elapsed())));
        QCOMPARE(started.count(), 1); // one search for all the keys typed
        QCOMPARE(started.at(0).at(0).toString(), QStringLiteral("schema drift"));
        QVERIFY(finished.wait(20000));
        QVERIFY(results(popup)->model()->rowCount() > 0);
        const QString best = results(popup)->model()->index(0, 0).data().toString();
        QVERIFY2(best.contains(QLatin1String("schema"), Qt::CaseInsensitive)
                     || best.contains(QLatin1String("drift"), Qt::CaseInsensitive),
                 qPrintable(best));
        QVERIFY2(status(popup).contains(QLatin1String("result")), qPrintable(status(popup)));
        QVERIFY(!status(popup).contains(QLatin1String("offline")));
        QCOMPARE(results(popup)->currentIndex().row(), 0);
        // The tooltip says why it ranked.
        const QString tip = results(popup)->model()->index(0, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QLatin1String("Why it ranked")), qPrintable(tip));
        // Esc closes it.
        QTest::keyClick(edit, Qt::Key_Escape);
        QTRY_VERIFY(!popup->isVisible());
        QVERIFY(test::settle(w));
    }

    void typingOnCancelsTheOlderSearch()
    {
        MainWindow w(memberSettings());
        GlobalSearch *popup = openWithCtrlK(w);
        QVERIFY(popup);
        QLineEdit *edit = field(popup);
        QSignalSpy started(popup, &GlobalSearch::searchStarted);
        QSignalSpy finished(popup, &GlobalSearch::searchFinished);
        // The moment the first search is sent, more is typed: its answer must never show.
        bool typedOn = false;
        connect(popup, &GlobalSearch::searchStarted, this, [&](const QString &) {
            if (!typedOn) {
                typedOn = true;
                QTest::keyClicks(edit, QStringLiteral(" drift"));
            }
        });
        QTest::keyClicks(edit, QStringLiteral("schema"));
        QVERIFY(finished.wait(20000));
        QTest::qWait(500); // the older answer, were it not cancelled, would come meanwhile
        QCOMPARE(started.count(), 2);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("schema drift"));
        QVERIFY(!popup->isBusy());
        QVERIFY(results(popup)->model()->rowCount() > 0);
        popup->close();
        QVERIFY(test::settle(w));
    }

    void downAndEnterOpenTheInvestigation()
    {
        MainWindow w(memberSettings());
        GlobalSearch *popup = openWithCtrlK(w);
        QVERIFY(popup);
        QLineEdit *edit = field(popup);
        QSignalSpy finished(popup, &GlobalSearch::searchFinished);
        QTest::keyClicks(edit, QStringLiteral("row count"));
        QVERIFY(finished.wait(20000));
        QAbstractItemModel *model = results(popup)->model();
        // The second result bound to an investigation, whose investigation differs from the
        // first's (so that opening the wrong row would show).
        int target = -1;
        const QUuid first = model->index(0, 0).data(GlobalSearchModel::InvestigationRole).toUuid();
        for (int row = 1; row < model->rowCount() && target < 0; ++row) {
            const QUuid id
                = model->index(row, 0).data(GlobalSearchModel::InvestigationRole).toUuid();
            if (!id.isNull() && id != first)
                target = row;
        }
        QVERIFY2(target > 0, "two results of different investigations");
        const QUuid expected
            = model->index(target, 0).data(GlobalSearchModel::InvestigationRole).toUuid();
        for (int i = 0; i < target; ++i)
            QTest::keyClick(edit, Qt::Key_Down);
        QCOMPARE(QApplication::focusWidget(), edit); // the keys stay in the field
        QCOMPARE(results(popup)->currentIndex().row(), target);
        QTest::keyClick(edit, Qt::Key_Up);
        QCOMPARE(results(popup)->currentIndex().row(), target - 1);
        QTest::keyClick(edit, Qt::Key_Down);
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY(!popup->isVisible());
        auto *view = w.findChild<InvestigationView *>();
        QCOMPARE(w.findChild<QTabWidget *>(QStringLiteral("tabs"))->currentWidget(), view);
        QCOMPARE(view->investigationId(), expected);
        QTRY_COMPARE_WITH_TIMEOUT(view->detail()->trace().investigationId, expected, 20000);
        QVERIFY(view->isShowingDetail());
        QVERIFY(test::settle(w));
    }

    void enterOnAQuirkOpensItsDataset()
    {
        MainWindow w(memberSettings());
        w.showView(QStringLiteral("investigation")); // from another tab
        GlobalSearch *popup = openWithCtrlK(w);
        QVERIFY(popup);
        auto *type = popup->findChild<QComboBox *>(QStringLiteral("globalSearchType"));
        type->setCurrentIndex(type->findData(QStringLiteral("quirk")));
        QLineEdit *edit = field(popup);
        edit->setFocus();
        QSignalSpy finished(popup, &GlobalSearch::searchFinished);
        QTest::keyClicks(edit, QStringLiteral("weekend lag"));
        QVERIFY(finished.wait(20000));
        QAbstractItemModel *model = results(popup)->model();
        QVERIFY2(model->rowCount() > 0, qPrintable(status(popup)));
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->index(row, 0).data(GlobalSearchModel::SourceTypeRole).toString(),
                     QStringLiteral("quirk"));
        // The last row: its dataset is unlikely to be the one shown already.
        const int last = model->rowCount() - 1;
        const QUuid dataset = model->index(last, 0).data(GlobalSearchModel::DatasetIdRole).toUuid();
        QVERIFY(!dataset.isNull());
        for (int i = 0; i < last; ++i)
            QTest::keyClick(edit, Qt::Key_Down);
        QSignalSpy requested(popup, &GlobalSearch::datasetRequested);
        QSignalSpy investigation(popup, &GlobalSearch::investigationRequested);
        QTest::keyClick(edit, Qt::Key_Enter);
        QTRY_VERIFY(!popup->isVisible());
        QCOMPARE(requested.count(), 1); // a quirk: its dataset, never an investigation
        QCOMPARE(investigation.count(), 0);
        QCOMPARE(w.findChild<QTabWidget *>(QStringLiteral("tabs"))->currentWidget(),
                 w.findChild<KnowledgeView *>());
        auto *list = w.findChild<QListView *>(QStringLiteral("datasetList"));
        QCOMPARE(list->currentIndex().data(DatasetListModel::IdRole).toUuid(), dataset);
        QVERIFY(test::settle(w));
    }

    // The demo's investigations of a dataset run the same query templates: one row with
    // "N similar", all of one kind and one normalised text.
    void nearIdenticalDemoResultsAreGrouped()
    {
        MainWindow w(memberSettings());
        GlobalSearch *popup = openWithCtrlK(w);
        QVERIFY(popup);
        auto *type = popup->findChild<QComboBox *>(QStringLiteral("globalSearchType"));
        type->setCurrentIndex(type->findData(QStringLiteral("query")));
        QLineEdit *edit = field(popup);
        edit->setFocus();
        QSignalSpy finished(popup, &GlobalSearch::searchFinished);
        QTest::keyClicks(edit, QStringLiteral("count"));
        QVERIFY(finished.wait(20000));
        const GlobalSearchModel *model = popup->model();
        int grouped = -1;
        for (int row = 0; row < model->rowCount() && grouped < 0; ++row)
            if (model->group(row)->size() > 1)
                grouped = row;
        QVERIFY2(grouped >= 0, qPrintable(status(popup)));
        const SearchResultGroup *g = model->group(grouped);
        QCOMPARE(model->index(grouped).data(GlobalSearchModel::SimilarRole).toString(),
                 QStringLiteral("%1 similar").arg(g->size()));
        QSet<QString> investigations{g->best.investigationId};
        for (const SearchResult &s : g->similar) {
            QCOMPARE(s.sourceType, g->best.sourceType);
            QCOMPARE(GlobalSearchModel::normalisedText(s.snippet),
                     GlobalSearchModel::normalisedText(g->best.snippet));
            QVERIFY(s.score <= g->best.score);
            investigations.insert(s.investigationId);
        }
        QVERIFY2(investigations.size() > 1, "the same template in several investigations");
        QVERIFY2(status(popup).contains(QLatin1String("near-identical")),
                 qPrintable(status(popup)));

        // → at the end of the text shows the similar ones as rows of their own below the
        // group; → again hides them; a click on the "N similar ▸" badge shows them too.
        const int rowsBefore = model->rowCount();
        const int similar = int(g->similar.size());
        const QString firstSimilar = g->similar.first().investigationId;
        for (int i = 0; i < grouped; ++i)
            QTest::keyClick(edit, Qt::Key_Down);
        QCOMPARE(results(popup)->currentIndex().row(), grouped);
        QTest::keyClick(edit, Qt::Key_Right);
        QCOMPARE(model->rowCount(), rowsBefore + similar);
        QVERIFY(model->index(grouped).data(GlobalSearchModel::ExpandedRole).toBool());
        QVERIFY(model->index(grouped + 1).data(GlobalSearchModel::MemberRole).toBool());
        QCOMPARE(model->index(grouped + 1).data(GlobalSearchModel::InvestigationRole).toUuid(),
                 QUuid::fromString(firstSimilar));
        QCOMPARE(model->groupRowOf(grouped + similar), grouped);
        QTest::keyClick(edit, Qt::Key_Right);
        QCOMPARE(model->rowCount(), rowsBefore);
        QListView *list = results(popup);
        list->scrollTo(model->index(grouped));
        const QRect badge = GlobalSearchDelegate::similarBadge(
            list->visualRect(model->index(grouped)), list->font(), model->index(grouped));
        QVERIFY(!badge.isEmpty());
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, badge.center());
        QVERIFY(popup->isVisible()); // the badge shows, it does not open
        QCOMPARE(model->rowCount(), rowsBefore + similar);
        if (qEnvironmentVariableIsSet("KE_SCREENSHOT_DIR"))
            popup->grab().save(qEnvironmentVariable("KE_SCREENSHOT_DIR")
                               + QStringLiteral("/global-search-similar.png"));
        // Enter on a similar one opens its own investigation.
        QTest::keyClick(edit, Qt::Key_Down);
        QCOMPARE(results(popup)->currentIndex().row(), grouped + 1);
        QSignalSpy investigation(popup, &GlobalSearch::investigationRequested);
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY(!popup->isVisible());
        QCOMPARE(investigation.count(), 1);
        QCOMPARE(investigation.first().at(0).toUuid(), QUuid::fromString(firstSimilar));
        QVERIFY(test::settle(w));
    }

    void offlineResultsComeFromTheCache()
    {
        auto through = syncedThroughForwarder(QStringLiteral("acme"), QStringLiteral("bea"));
        QVERIFY2(through.sync.exitCode == 0, qPrintable(through.sync.err));
        const ConnectionSettings &settings = through.settings;
        test::TcpForwarder &forwarder = *through.forwarder;
        forwarder.close();

        MainWindow w(settings);
        GlobalSearch *popup = openWithCtrlK(w);
        QVERIFY(popup);
        QSignalSpy finished(popup, &GlobalSearch::searchFinished);
        QTest::keyClicks(field(popup), QStringLiteral("schema drift"));
        QVERIFY(finished.wait(20000));
        QVERIFY2(popup->model()->rowCount() > 0, qPrintable(status(popup)));
        QVERIFY(popup->model()->isOffline());
        QVERIFY2(status(popup).contains(QLatin1String("from the offline cache")),
                 qPrintable(status(popup)));
        QVERIFY(popup->model()
                    ->index(0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("From the offline cache.")));
        // Enter opens the investigation from the cache too.
        const QUuid expected
            = popup->model()->index(0).data(GlobalSearchModel::InvestigationRole).toUuid();
        QVERIFY(!expected.isNull());
        QTest::keyClick(field(popup), Qt::Key_Return);
        auto *view = w.findChild<InvestigationView *>();
        QTRY_COMPARE_WITH_TIMEOUT(view->detail()->trace().investigationId, expected, 20000);
        QVERIFY(test::settle(w));
    }

    // `knowledge-explorer --screenshot FILE --view search --search TEXT`: the popup is in the
    // picture (where it stands, over the window), unlike the same window without it.
    void screenshotShowsThePopup()
    {
        const QString dir = m_cacheRoot.filePath(QStringLiteral("shots"));
        QVERIFY(QDir().mkpath(dir));
        QImage shots[2];
        const QStringList views{QStringLiteral("search"), QStringLiteral("knowledge")};
        for (int i = 0; i < 2; ++i) {
            const QString file = dir + QLatin1Char('/') + views.at(i) + QStringLiteral(".png");
            auto r = m_db->run(QStringLiteral("knowledge-explorer"),
                               {QStringLiteral("--screenshot"), file, QStringLiteral("--view"),
                                views.at(i), QStringLiteral("--search"),
                                QStringLiteral("schema drift")},
                               {}, QStringLiteral("acme"), QStringLiteral("bea"), As::Member);
            QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
            QVERIFY(shots[i].load(file));
        }
        QCOMPARE(shots[0].size(), shots[1].size());
        // The popup sits centred at the top: there the pictures differ, row after row.
        const QRect where(shots[0].width() / 2 - 150, 80, 300, 300);
        int differing = 0;
        for (int y = where.top(); y < where.bottom(); y += 10)
            differing += shots[0].copy(QRect(where.left(), y, where.width(), 1))
                != shots[1].copy(QRect(where.left(), y, where.width(), 1));
        QVERIFY2(differing > 25, qPrintable(QString::number(differing)));
    }

    // docs/screenshots/global-search(.de).png: the window with the popup open on a search.
    void screenshots()
    {
        const QString dir = test::screenshotDirectory(m_cacheRoot.path());
        QVERIFY(!dir.isEmpty());
        test::inEnglishAndGerman(QStringLiteral(KE_QM_DIR), [&](const QString &language) {
            MainWindow w(memberSettings());
            w.resize(1280, 860);
            w.show();
            QVERIFY(QTest::qWaitForWindowActive(&w));
            QVERIFY(test::settle(w));
            // The demo's best hit for it is a row of near-identical ones ("3 similar").
            w.showGlobalSearch(QStringLiteral("null spike"));
            QVERIFY(test::settle(w));
            QVERIFY(w.globalSearch()->model()->group(0)->size() > 1);
            QTest::keyClick(field(w.globalSearch()), Qt::Key_End);
            QTest::keyClick(field(w.globalSearch()), Qt::Key_Down);
            QTest::qWait(300);
            const QPixmap shot = w.globalSearch()->pictureOf(&w, test::withoutStatusBar(w));
            const QString file
                = test::screenshotFile(dir, QStringLiteral("global-search"), language);
            QVERIFY2(shot.save(file, "PNG"), qPrintable(file));
            w.globalSearch()->close();
            QVERIFY(test::settle(w));
        });
    }
};

QTEST_MAIN(TestGlobalSearch)
#include "tst_globalsearch.moc"
