#pragma once

#include "datasetstructure.h"

#include <QUuid>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace ke {

class KnowledgeClient;

/// The Schema or the Lineage tab of a dataset: what the knowledge base holds about its columns
/// (named in its metadata, in what investigations recorded, in its queries' SQL) or about the
/// datasets upstream and downstream of it (metadata, recorded lineage, tables read together).
/// Never asks the warehouse; when nothing is known it says where such knowledge would come
/// from. Reads (DatasetStructureReader, on the KnowledgeClient's pool) once the tab is shown;
/// offline it says the view needs the database. GUI thread only.
class StructureView : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { Schema, Lineage };

    /// `client` (not owned) must outlive the view.
    StructureView(KnowledgeClient *client, Kind kind, QWidget *parent = nullptr);

    /// Shows `id`: read now when the tab is visible, else when it is shown.
    void setDataset(const QUuid &id, const QString &name = {});
    void reload();
    int pendingRequests() const { return m_pending; }
    /// The structure last shown (for tests).
    const DatasetStructure &structure() const { return m_structure; }

Q_SIGNALS:
    void settled();
    /// A dataset of the tenant named in the lineage was opened.
    void datasetRequested(const QUuid &datasetId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showStructure();
    void showEmpty(const QString &why);

    KnowledgeClient *m_client;
    Kind m_kind;
    QUuid m_datasetId;
    QUuid m_loaded; ///< the dataset whose structure is shown (or being read)
    QString m_name;
    int m_pending = 0;
    int m_generation = 0;
    DatasetStructure m_structure;

    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace ke
