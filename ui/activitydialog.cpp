#include "activitydialog.h"

#include "activitymodel.h"
#include "browseclient.h"
#include "knowledgeclient.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace ke {

ActivityDialog::ActivityDialog(KnowledgeClient *client, const QUuid &datasetId,
                               const QString &datasetName, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_datasetId(datasetId)
{
    setObjectName(QStringLiteral("activityDialog"));
    setWindowTitle(tr("Activity of %1").arg(datasetName));
    resize(720, 560);
    m_model = new ActivityModel(this);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("allActivityList"));
    m_list->setAccessibleName(tr("All activity"));
    m_list->setModel(m_model);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        const QUuid id = index.data(ActivityModel::InvestigationRole).toUuid();
        if (!id.isNull() && id != m_datasetId)
            Q_EMIT investigationRequested(id);
    });
    m_more = new QPushButton(tr("Load more"), this);
    m_more->setEnabled(false);
    connect(m_more, &QPushButton::clicked, this, &ActivityDialog::loadMore);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *row = new QHBoxLayout;
    row->addWidget(m_note, 1);
    row->addWidget(m_more);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(row);
    layout->addWidget(buttons);
    loadMore();
}

void ActivityDialog::loadMore()
{
    const QString id = m_datasetId.toString(QUuid::WithoutBraces);
    const QString cursor = m_model->nextCursor();
    m_more->setEnabled(false);
    ++m_pending;
    m_client->activity(this, id, 100, cursor, [this](const Result<Browsed<ActivityPage>> &r) {
        --m_pending;
        if (!r) {
            m_note->setText(tr("Could not load the activity: %1").arg(r.error().message));
            return;
        }
        m_model->appendPage(r->value);
        m_more->setEnabled(m_model->hasMore());
        m_note->setText(r->offline ? tr("Offline · %1").arg(BrowseClient::asOf(r->asOf))
                                   : QString());
    });
}

} // namespace ke
