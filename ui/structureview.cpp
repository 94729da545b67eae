#include "structureview.h"

#include "knowledgeclient.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ke {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

QString direction(StructureLink::Direction d)
{
    switch (d) {
    case StructureLink::Direction::Upstream:
        return StructureView::tr("Upstream — feeds this dataset");
    case StructureLink::Direction::Downstream:
        return StructureView::tr("Downstream — fed by this dataset");
    case StructureLink::Direction::Related:
        break;
    }
    return StructureView::tr("Read together — direction not recorded");
}

/// Where a column or link was named, in words: "metadata · 3 investigations · 12 queries".
QString sources(bool metadata, int events, int queries)
{
    QStringList s;
    if (metadata)
        s << StructureView::tr("metadata");
    if (events > 0)
        s << StructureView::tr("%n investigation(s)", nullptr, events);
    if (queries > 0)
        s << StructureView::tr("%n query/queries", nullptr, queries);
    return s.join(QStringLiteral(" · "));
}

} // namespace

StructureView::StructureView(KnowledgeClient *client, Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_kind(kind)
{
    const bool schema = kind == Kind::Schema;
    setObjectName(schema ? QStringLiteral("schemaView") : QStringLiteral("lineageView"));
    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_summary = new QLabel(this);
    m_summary->setObjectName(schema ? QStringLiteral("schemaSummary")
                                    : QStringLiteral("lineageSummary"));
    m_summary->setWordWrap(true);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(schema ? QStringLiteral("schemaColumns")
                                 : QStringLiteral("lineageLinks"));
    m_tree->setAccessibleName(schema ? tr("Columns") : tr("Related datasets"));
    m_tree->setAlternatingRowColors(true);
    if (schema) {
        m_tree->setRootIsDecorated(false);
        m_tree->setHeaderLabels({tr("Column"), tr("Type"), tr("Key"), tr("Named in")});
    } else {
        m_tree->setHeaderLabels({tr("Dataset or table"), tr("Named in")});
    }
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QUuid id = item->data(0, IdRole).toUuid();
        if (!id.isNull())
            Q_EMIT datasetRequested(id);
    });
    m_empty = new QLabel(this);
    m_empty->setObjectName(schema ? QStringLiteral("schemaEmpty") : QStringLiteral("lineageEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::RichText);
    m_empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_empty->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_empty, 1);
    showEmpty(tr("Select a dataset."));
}

void StructureView::setDataset(const QUuid &id, const QString &name)
{
    m_datasetId = id;
    m_name = name;
    m_title->setText(name);
    if (isVisible())
        reload();
}

void StructureView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_loaded != m_datasetId)
        reload();
}

void StructureView::reload()
{
    if (m_datasetId.isNull())
        return;
    m_loaded = m_datasetId;
    const int generation = ++m_generation;
    const QString id = m_datasetId.toString(QUuid::WithoutBraces);
    if (m_client->state() == KnowledgeClient::State::Offline) {
        m_structure = {};
        showEmpty(tr("<p><b>Available online.</b> The schema and lineage are read "
                     "from the shared database, which cannot be reached now; the "
                     "offline cache holds the knowledge, findings and activity.</p>"
                     "<p>%1</p>")
                      .arg(m_client->stateReason().toHtmlEscaped()));
        return;
    }
    ++m_pending;
    m_client->withDatabase<DatasetStructure>(
        this, [id](Database &db) { return DatasetStructureReader::read(db, id); },
        [this, generation](const Result<DatasetStructure> &r) {
            if (generation == m_generation) {
                if (r) {
                    m_structure = *r;
                    showStructure();
                } else if (r.error().is(ErrorCode::Unreachable)) {
                    m_structure = {};
                    showEmpty(tr("<p><b>Available online.</b> The schema and lineage are read "
                                 "from the shared database, which cannot be reached now; the "
                                 "offline cache holds the knowledge, findings and activity.</p>"
                                 "<p>%1</p>")
                                  .arg(r.error().message.toHtmlEscaped()));
                } else {
                    m_structure = {};
                    showEmpty(tr("Could not read what is known about this dataset: %1")
                                  .arg(r.error().message.toHtmlEscaped()));
                }
            }
            if (--m_pending == 0)
                Q_EMIT settled();
        });
}

void StructureView::showEmpty(const QString &why)
{
    m_tree->clear();
    m_tree->setVisible(false);
    m_empty->setText(why);
    m_empty->setVisible(true);
}

void StructureView::showStructure()
{
    const DatasetStructure &s = m_structure;
    m_title->setText(s.name);
    m_tree->clear();
    const QString read = tr("Read from the dataset's metadata, %1 and %2.")
                             .arg(tr("%n investigation(s)", nullptr, s.investigationsRead),
                                  tr("%n query/queries", nullptr, s.queriesRead));
    if (m_kind == Kind::Schema) {
        if (s.columns.isEmpty()) {
            m_summary->setText(read);
            showEmpty(tr("<p><b>No columns are known for this dataset yet.</b></p><p>Columns "
                         "appear here when the dataset's metadata lists them (<tt>columns</tt> "
                         "in the dataset catalog), when an investigation records the schema it "
                         "found (<tt>schema</tt> in <tt>investigation.started</tt>), or when "
                         "investigations' queries name them.</p>"));
            return;
        }
        m_summary->setText(tr("%n column(s) known. ", nullptr, int(s.columns.size())) + read
                           + (s.loadedFrom.isEmpty()
                                  ? QString()
                                  : QLatin1Char(' ') + tr("Loaded from %1.").arg(s.loadedFrom)));
        for (const StructureColumn &c : s.columns) {
            auto *item = new QTreeWidgetItem(m_tree);
            item->setText(0, c.name);
            item->setText(1, c.type);
            item->setText(2, c.primaryKey ? tr("primary key") : QString());
            item->setText(3, sources(c.inMetadata, c.events, c.queries));
        }
    } else {
        if (s.links.isEmpty()) {
            m_summary->setText(read);
            showEmpty(tr("<p><b>No upstream or downstream datasets are known yet.</b></p><p>They "
                         "appear here when the dataset catalog's metadata names them "
                         "(<tt>upstream</tt>, <tt>downstream</tt> or <tt>lineage</tt>), when an "
                         "investigation records lineage or the tables it found "
                         "(<tt>lineage</tt>, <tt>tables_found</tt> in "
                         "<tt>investigation.started</tt>), or when investigations' queries read "
                         "other tables.</p>%1")
                          .arg(s.loadedFrom.isEmpty()
                                   ? QString()
                                   : tr("<p>The metadata says it is loaded from %1.</p>")
                                         .arg(s.loadedFrom.toHtmlEscaped())));
            return;
        }
        m_summary->setText(tr("%n related dataset(s) or table(s). ", nullptr, int(s.links.size()))
                           + read
                           + (s.loadedFrom.isEmpty()
                                  ? QString()
                                  : QLatin1Char(' ') + tr("Loaded from %1.").arg(s.loadedFrom)));
        QHash<int, QTreeWidgetItem *> groups;
        for (const StructureLink &l : s.links) {
            QTreeWidgetItem *&group = groups[int(l.direction)];
            if (!group) {
                group = new QTreeWidgetItem(m_tree);
                group->setText(0, direction(l.direction));
                QFont f = group->font(0);
                f.setBold(true);
                group->setFont(0, f);
                group->setFirstColumnSpanned(true);
                group->setExpanded(true);
            }
            auto *item = new QTreeWidgetItem(group);
            item->setText(0, l.name);
            item->setText(1, sources(l.fromMetadata, l.events, l.queries));
            if (!l.datasetId.isNull()) {
                item->setData(0, IdRole, l.datasetId);
                item->setToolTip(0, tr("A dataset of this tenant — open it with Enter"));
            }
        }
        m_tree->expandAll();
    }
    m_empty->setVisible(false);
    m_tree->setVisible(true);
}

} // namespace ke
