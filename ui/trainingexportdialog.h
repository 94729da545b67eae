#pragma once

#include <QDialog>
#include <QPointer>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace ke {

class ClientJob;
class KnowledgeClient;

/// File → Export training data…: the tenant's training examples (as the worker last built
/// them) as JSON Lines for fine-tuning — TrainingExporter, the same export as
/// `knowledgectl export-training`. Task, format, minimum score, split, output file; a
/// progress bar and Cancel while it runs (a cancelled export writes no file); afterwards how
/// many lines per task, and why the others were skipped. The export runs on the client's
/// thread pool, never the GUI thread. GUI thread only.
class TrainingExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TrainingExportDialog(KnowledgeClient *client, QWidget *parent = nullptr);
    ~TrainingExportDialog() override;

    /// Starts the export with what the form says (what the Export button does).
    void startExport();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    /// An export ended (written, nothing to write, refused, or cancelled).
    void exportFinished(bool ok);

private:
    void setRunning(bool running);
    void browse();

    KnowledgeClient *m_client = nullptr;
    QListWidget *m_tasks = nullptr;
    QComboBox *m_format = nullptr;
    QCheckBox *m_useMinScore = nullptr;
    QDoubleSpinBox *m_minScore = nullptr;
    QCheckBox *m_useSplit = nullptr;
    QSpinBox *m_trainPercent = nullptr;
    QCheckBox *m_excludeComments = nullptr;
    QLineEdit *m_file = nullptr;
    QPushButton *m_browse = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_cancel = nullptr;
    bool m_running = false;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
};

} // namespace ke
