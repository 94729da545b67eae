#pragma once

#include <QHash>
#include <QPointer>
#include <QUuid>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace ke {

class ClientJob;
class KnowledgeClient;
class SearchResultModel;

/// Search everything — findings, hypotheses, queries, comments, quirks — tenant-wide or in the
/// selected dataset. Online by default; the offline cache when asked, or by itself when the
/// database cannot be reached. Searches run in the background; a newer search supersedes an
/// older one. GUI thread only.
class SearchView : public QWidget
{
    Q_OBJECT

public:
    explicit SearchView(KnowledgeClient *client, QWidget *parent = nullptr);

    /// The dataset the "this dataset" scope refers to.
    void setCurrentDataset(const QUuid &id, const QString &name);
    void setDatasetNames(const QHash<QString, QString> &names);
    /// Runs a search as if typed (used by tests and --search).
    void search(const QString &text);
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void investigationRequested(const QUuid &investigationId);
    /// A search answered (results or an error are shown).
    void searchFinished();

private:
    void run();

    KnowledgeClient *m_client = nullptr;
    QUuid m_dataset;
    QString m_datasetName;
    QPointer<ClientJob> m_job; ///< the running search; cancelled when superseded
    bool m_busy = false;
    QLineEdit *m_query = nullptr;
    QComboBox *m_scope = nullptr;
    QComboBox *m_kind = nullptr;
    QCheckBox *m_offline = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_status = nullptr;
    SearchResultModel *m_model = nullptr;
};

} // namespace ke
