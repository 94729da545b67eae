// File → Export training data…: a member exports the examples the worker built, through the
// window's client; the file holds the lines the dialog reports, per task, readable by the
// owner only; a minimum score nobody reaches exports nothing and says why; bad input is said
// in the dialog before anything runs. Real PostgreSQL.

#include "databasetestcase.h"
#include "knowledgeclient.h"
#include "trainingexportdialog.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ke;
using As = test::TestDatabase::As;

class TestTrainingExportDialog : public test::DatabaseTestCase
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ConnectionSettings m_settings;

    static int lines(const QString &file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        return int(f.readAll().count('\n'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        KE_CREATE_TEST_DATABASE("exportdialog");
        const auto seeded = seedDemo(16, 9);
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        // The worker's job (a service login): the examples the dialog exports.
        const auto built
            = m_db->run(QStringLiteral("knowledgectl"), {QStringLiteral("build-training")}, {},
                        QStringLiteral("acme"));
        QVERIFY2(built.exitCode == 0, qPrintable(built.err));
        m_settings = m_db->memberSettings(QStringLiteral("acme"), QStringLiteral("ivy"));
    }

    void exportsWhatItSaysToAPrivateFile()
    {
        KnowledgeClient client(m_settings);
        TrainingExportDialog dialog(&client);
        dialog.show();
        const QString file = m_dir.filePath(QStringLiteral("all.jsonl"));
        auto *path = dialog.findChild<QLineEdit *>(QStringLiteral("exportFile"));
        path->clear();
        QTest::keyClicks(path, file);
        QSignalSpy finished(&dialog, &TrainingExportDialog::exportFinished);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("exportStart")),
                          Qt::LeftButton);
        QVERIFY(dialog.isRunning());
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().at(0).toBool());
        const QString message = dialog.findChild<QLabel *>(QStringLiteral("exportMessage"))->text();
        const int expected
            = m_db->scalar(QStringLiteral("SELECT count(*) FROM ml_training_examples x JOIN "
                                          "tenants t ON t.id = x.tenant_id WHERE t.slug = "
                                          "'acme'"))
                  .toInt();
        QVERIFY(expected > 0);
        QCOMPARE(lines(file), expected);
        QVERIFY2(message.contains(QStringLiteral("Exported %1 line").arg(expected)),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("hypothesis_gen: ")), qPrintable(message));
        QCOMPARE(QFile::permissions(file) & (QFile::ReadGroup | QFile::ReadOther),
                 QFileDevice::Permissions());
    }

    void aMinimumScoreSaysWhatItSkipped()
    {
        KnowledgeClient client(m_settings);
        TrainingExportDialog dialog(&client);
        dialog.show();
        const QString file = m_dir.filePath(QStringLiteral("best.jsonl"));
        dialog.findChild<QLineEdit *>(QStringLiteral("exportFile"))->setText(file);
        dialog.findChild<QCheckBox *>(QStringLiteral("exportUseMinScore"))->setChecked(true);
        dialog.findChild<QDoubleSpinBox *>(QStringLiteral("exportMinScore"))->setValue(0.9);
        QSignalSpy finished(&dialog, &TrainingExportDialog::exportFinished);
        dialog.startExport();
        QVERIFY(finished.wait(30000));
        const QString message = dialog.findChild<QLabel *>(QStringLiteral("exportMessage"))->text();
        const QString scope = QStringLiteral(
            " FROM ml_training_examples x JOIN tenants t ON t.id = x.tenant_id WHERE t.slug = "
            "'acme' AND ");
        const int kept = m_db->scalar(QStringLiteral("SELECT count(*)") + scope
                                      + QStringLiteral("x.feedback_score >= 0.9"))
                             .toInt();
        const int below = m_db->scalar(QStringLiteral("SELECT count(*)") + scope
                                       + QStringLiteral("x.feedback_score < 0.9"))
                              .toInt();
        QVERIFY(below > 0);
        QCOMPARE(lines(file), kept);
        QVERIFY2(message.contains(QStringLiteral("Skipped: %1 below the minimum score").arg(below)),
                 qPrintable(message));
    }

    void badInputIsSaidBeforeAnythingRuns()
    {
        KnowledgeClient client(m_settings);
        TrainingExportDialog dialog(&client);
        dialog.show();
        auto *tasks = dialog.findChild<QListWidget *>(QStringLiteral("exportTasks"));
        for (int i = 0; i < tasks->count(); ++i)
            tasks->item(i)->setCheckState(Qt::Unchecked);
        dialog.startExport();
        QVERIFY(!dialog.isRunning());
        QVERIFY2(dialog.findChild<QLabel *>(QStringLiteral("exportMessage"))
                     ->text()
                     .contains(QLatin1String("at least one task")),
                 qPrintable(dialog.findChild<QLabel *>(QStringLiteral("exportMessage"))->text()));
        tasks->item(0)->setCheckState(Qt::Checked);
        dialog.findChild<QLineEdit *>(QStringLiteral("exportFile"))->clear();
        dialog.startExport();
        QVERIFY(!dialog.isRunning());
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("exportMessage"))->text().isEmpty());
    }
};

QTEST_MAIN(TestTrainingExportDialog)
#include "tst_trainingexportdialog.moc"
