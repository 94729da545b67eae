#include "searchview.h"

#include "catalogue.h"
#include "knowledgeclient.h"
#include "searchresultmodel.h"
#include "snippetdelegate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ke {

SearchView::SearchView(KnowledgeClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new SearchResultModel(this))
{
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setPlaceholderText(tr("Search findings, hypotheses, queries, comments and quirks"));
    m_query->setClearButtonEnabled(true);
    connect(m_query, &QLineEdit::returnPressed, this, &SearchView::run);
    m_scope = new QComboBox(this);
    m_scope->addItem(tr("All datasets"));
    m_scope->addItem(tr("This dataset"));
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Everything"), QString());
    for (const QString &type : SourceTypes::all())
        m_kind->addItem(SourceTypes::pluralTitle(type), type);
    m_offline = new QCheckBox(tr("Offline cache"), this);
    m_offline->setToolTip(tr("Search the local cache kept by `knowledgectl sync` instead of the "
                             "database (used by itself when the database cannot be reached)"));
    auto *go = new QPushButton(tr("Search"), this);
    connect(go, &QPushButton::clicked, this, &SearchView::run);
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this]() {
        if (!m_query->text().trimmed().isEmpty())
            run();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this]() {
        if (!m_query->text().trimmed().isEmpty())
            run();
    });

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("searchResults"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(
        SearchResultModel::SnippetColumn,
        new SnippetDelegate(SearchResultModel::MarkedSnippetRole, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(SearchResultModel::SnippetColumn,
                                                      QHeaderView::Stretch);
    for (int c = SearchResultModel::KindColumn; c < SearchResultModel::ColumnCount; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setDefaultSectionSize(2 * fontMetrics().height() + 8);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QUuid id
            = QUuid::fromString(index.data(SearchResultModel::InvestigationRole).toString());
        if (!id.isNull())
            Q_EMIT investigationRequested(id);
    });
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_query, 1);
    bar->addWidget(m_scope);
    bar->addWidget(m_kind);
    bar->addWidget(m_offline);
    bar->addWidget(go);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
}

void SearchView::setCurrentDataset(const QUuid &id, const QString &name)
{
    m_dataset = id;
    m_datasetName = name;
    m_scope->setItemText(1, tr("Only %1").arg(name));
}

void SearchView::setDatasetNames(const QHash<QString, QString> &names)
{
    m_model->setDatasetNames(names);
}

void SearchView::search(const QString &text)
{
    m_query->setText(text);
    run();
}

void SearchView::run()
{
    const QString text = m_query->text();
    if (text.trimmed().isEmpty()) {
        m_status->setText(tr("Type what you are looking for, e.g. \"late ETL batch\"."));
        return;
    }
    SearchRequest request;
    request.text = text;
    request.limit = 50;
    if (m_scope->currentIndex() == 1 && !m_dataset.isNull())
        request.datasetId = m_dataset.toString(QUuid::WithoutBraces);
    const QString kind = m_kind->currentData().toString();
    if (!kind.isEmpty())
        request.sourceTypes << kind;
    const bool offline = m_offline->isChecked();
    // A newer search supersedes this one: the old one is told to stop between its stages,
    // and its answer, should it still come, is dropped.
    if (m_job)
        m_job->cancel();
    m_busy = true;
    m_status->setText(tr("Searching…"));
    // Online or the offline cache: the client decides and falls back (the same policy as
    // knowledgectl's).
    m_job = m_client->search(this, request, offline, [this](const Result<SearchOutcome> &r) {
        m_busy = false;
        if (!r) {
            m_model->setResults({});
            m_status->setText(r.error().message);
            Q_EMIT searchFinished();
            return;
        }
        m_model->setResults(r->results);
        QString status = r->mode == QLatin1String("offline")
            ? tr("%n result(s) from the offline cache", nullptr, int(r->results.size()))
            : tr("%n result(s)", nullptr, int(r->results.size()));
        if (!r->note.isEmpty())
            status += QStringLiteral(" — ") + r->note;
        m_status->setText(status);
        Q_EMIT searchFinished();
    });
}

} // namespace ke
