#include "trainingexportdialog.h"

#include "database.h"
#include "knowledgeclient.h"
#include "trainingexporter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ke {

namespace {

/// What one export did, for the message.
struct ExportDone
{
    TrainingExporter::Summary summary;
    QString nothingBecause; ///< written nothing: why, for people
};

/// An optional setting's row: the box that turns it on, then its value, usable only while the
/// box is ticked.
QHBoxLayout *optionRow(QCheckBox *use, QWidget *value)
{
    value->setEnabled(use->isChecked());
    QObject::connect(use, &QCheckBox::toggled, value, &QWidget::setEnabled);
    auto *row = new QHBoxLayout;
    row->addWidget(use);
    row->addWidget(value);
    row->addStretch(1);
    return row;
}

} // namespace

TrainingExportDialog::TrainingExportDialog(KnowledgeClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("trainingExportDialog"));
    setWindowTitle(tr("Export training data"));

    auto *intro = new QLabel(tr("The training examples of this tenant, as the worker last built "
                                "them, as JSON Lines for fine-tuning. The file is readable by "
                                "you only."),
                             this);
    intro->setWordWrap(true);

    m_tasks = new QListWidget(this);
    m_tasks->setObjectName(QStringLiteral("exportTasks"));
    m_tasks->setAccessibleName(tr("Tasks to export"));
    for (const QString &task : TrainingExporter::taskTypes()) {
        auto *item = new QListWidgetItem(task, m_tasks);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Checked);
    }
    m_tasks->setMaximumHeight(m_tasks->sizeHintForRow(0) * (m_tasks->count() + 1));

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("Raw examples (input, output, feedback score)"), QStringLiteral("raw"));
    m_format->addItem(tr("OpenAI chat messages"), QStringLiteral("openai-chat"));
    m_format->addItem(tr("Preference pairs (chosen / rejected)"), QStringLiteral("preference"));

    m_useMinScore = new QCheckBox(tr("Only examples with a feedback score of at least"), this);
    m_useMinScore->setObjectName(QStringLiteral("exportUseMinScore"));
    m_minScore = new QDoubleSpinBox(this);
    m_minScore->setObjectName(QStringLiteral("exportMinScore"));
    m_minScore->setRange(-1.0, 1.0);
    m_minScore->setSingleStep(0.1);
    m_minScore->setValue(0.5);
    m_minScore->setAccessibleName(tr("Minimum feedback score"));
    QHBoxLayout *minScoreRow = optionRow(m_useMinScore, m_minScore);

    m_useSplit
        = new QCheckBox(tr("Split into training and validation files, training share"), this);
    m_useSplit->setObjectName(QStringLiteral("exportUseSplit"));
    m_trainPercent = new QSpinBox(this);
    m_trainPercent->setObjectName(QStringLiteral("exportTrainPercent"));
    m_trainPercent->setRange(50, 99);
    m_trainPercent->setValue(90);
    m_trainPercent->setSuffix(QStringLiteral(" %"));
    m_trainPercent->setAccessibleName(tr("Share of investigations in the training file"));
    QHBoxLayout *splitRow = optionRow(m_useSplit, m_trainPercent);

    m_excludeComments = new QCheckBox(tr("Leave out people's free-text comments"), this);
    m_excludeComments->setObjectName(QStringLiteral("exportExcludeComments"));

    m_file = new QLineEdit(QDir::home().filePath(QStringLiteral("knowledge-training.jsonl")), this);
    m_file->setObjectName(QStringLiteral("exportFile"));
    m_file->setAccessibleName(tr("Output file"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    connect(m_browse, &QPushButton::clicked, this, &TrainingExportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Tasks:"), m_tasks);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(QString(), minScoreRow);
    form->addRow(QString(), splitRow);
    form->addRow(QString(), m_excludeComments);
    form->addRow(tr("&Output file:"), fileRow);
    // The labels name their fields for the keyboard (Alt+letter) and for screen readers.
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(m_tasks)))
        label->setBuddy(m_tasks);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(m_format)))
        label->setBuddy(m_format);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(fileRow)))
        label->setBuddy(m_file);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setAccessibleName(tr("Export progress"));
    m_progress->hide();
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("exportMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_export = new QPushButton(tr("&Export"), this);
    m_export->setObjectName(QStringLiteral("exportStart"));
    m_export->setDefault(true);
    m_cancel = new QPushButton(tr("Close"), this);
    m_cancel->setObjectName(QStringLiteral("exportCancel"));
    connect(m_export, &QPushButton::clicked, this, &TrainingExportDialog::startExport);
    connect(m_cancel, &QPushButton::clicked, this, [this]() {
        if (m_running && m_cancelFlag)
            m_cancelFlag->store(true); // the export stops after its current chunk
        else
            reject();
    });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_export);
    buttons->addWidget(m_cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    resize(640, sizeHint().height());
}

TrainingExportDialog::~TrainingExportDialog()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

void TrainingExportDialog::browse()
{
    const QString file
        = QFileDialog::getSaveFileName(this, tr("Export training data to"), m_file->text(),
                                       tr("JSON Lines (*.jsonl);;All files (*)"));
    if (!file.isEmpty())
        m_file->setText(file);
}

void TrainingExportDialog::setRunning(bool running)
{
    m_running = running;
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_tasks, m_format, m_useMinScore, m_useSplit,
                                          m_excludeComments, m_file, m_browse, m_export})
        w->setEnabled(!running);
    m_minScore->setEnabled(!running && m_useMinScore->isChecked());
    m_trainPercent->setEnabled(!running && m_useSplit->isChecked());
    m_cancel->setText(running ? tr("&Cancel") : tr("Close"));
    m_progress->setVisible(running);
}

void TrainingExportDialog::startExport()
{
    if (m_running)
        return;
    TrainingExporter::Options o;
    o.outPath = m_file->text().trimmed();
    for (int i = 0; i < m_tasks->count(); ++i) {
        if (m_tasks->item(i)->checkState() == Qt::Checked)
            o.tasks << m_tasks->item(i)->text();
    }
    if (o.tasks.isEmpty()) {
        m_message->setText(tr("Choose at least one task to export."));
        return;
    }
    if (o.tasks.size() == m_tasks->count())
        o.tasks.clear(); // all (for preference pairs: the tasks that pair)
    auto format = TrainingExporter::parseFormat(m_format->currentData().toString());
    if (format)
        o.format = *format;
    if (m_useMinScore->isChecked())
        o.minScore = m_minScore->value();
    if (m_useSplit->isChecked())
        o.split = m_trainPercent->value() / 100.0;
    o.excludeComments = m_excludeComments->isChecked();
    // The form's mistakes are said here, before anything runs.
    if (auto valid = TrainingExporter::validate(o); !valid) {
        m_message->setText(valid.error().message);
        return;
    }

    m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    auto cancel = m_cancelFlag;
    QPointer<TrainingExportDialog> self(this);
    o.cancel = cancel.get();
    o.progress = [self](qint64 written, qint64 examples) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, written, examples]() {
                if (!self)
                    return;
                self->m_progress->setRange(0, int(std::max<qint64>(examples, 1)));
                self->m_progress->setValue(int(std::min(written, examples)));
            },
            Qt::QueuedConnection);
    };
    m_progress->setRange(0, 0); // busy until the first chunk
    m_message->setText(tr("Exporting…"));
    setRunning(true);
    m_client->withDatabase<ExportDone>(
        this,
        [o, cancel](Database &db) -> Result<ExportDone> {
            auto summary = TrainingExporter::exportTo(db, o);
            if (!summary)
                return summary.error();
            ExportDone done{*summary, {}};
            if (summary->written == 0) {
                auto why = TrainingExporter::explainNothingExported(db, o, *summary, false);
                done.nothingBecause = why ? *why : why.error().message;
            }
            return done;
        },
        [this](const Result<ExportDone> &r) {
            setRunning(false);
            m_cancelFlag.reset();
            if (!r) {
                m_message->setText(r.error().is(ErrorCode::Unreachable)
                                       ? tr("Exporting needs the database, which cannot be "
                                            "reached: %1")
                                             .arg(r.error().message)
                                       : r.error().message);
                Q_EMIT exportFinished(false);
                return;
            }
            const TrainingExporter::Summary &s = r->summary;
            QStringList lines;
            lines << tr("Exported %n line(s) to %1.", nullptr, int(s.written))
                         .arg(s.files.join(QStringLiteral(", ")));
            QStringList perTask;
            for (auto it = s.perTask.begin(); it != s.perTask.end(); ++it)
                perTask << QStringLiteral("%1: %2").arg(it.key()).arg(it.value());
            if (!perTask.isEmpty())
                lines << perTask.join(QStringLiteral(" · "));
            if (s.train + s.valid > 0)
                lines << tr("Training: %1 · validation: %2").arg(s.train).arg(s.valid);
            lines << tr("Skipped: %1 below the minimum score, %2 without a feedback score, %3 "
                        "without a preference pair.")
                         .arg(s.belowMinScore)
                         .arg(s.unscored)
                         .arg(s.unpaired);
            if (!r->nothingBecause.isEmpty())
                lines << r->nothingBecause;
            m_message->setText(lines.join(QLatin1Char('\n')));
            Q_EMIT exportFinished(true);
        });
}

} // namespace ke
