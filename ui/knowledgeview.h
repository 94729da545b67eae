#pragma once

#include "browseclient.h"

#include <QHash>
#include <QPointer>
#include <QUuid>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;
class QVBoxLayout;

namespace ke {

class ClientJob;
class KnowledgeClient;

/// What the Knowledge tab shows of one dataset, read in one go (BrowseClient: the database,
/// or the offline cache when it cannot be reached).
struct KnowledgePage
{
    Browsed<DatasetKnowledge> knowledge;
    QList<ActivityItem> activity; ///< the latest few, newest first
    bool moreActivity = false;
    QList<InvestigationSummary> investigations; ///< newest first, for the weekly charts
    QString investigationsError; ///< why they could not be read (the charts say so)
    QHash<QString, QString> scopes; ///< quirk id -> applies_to, for the cards shown
};

/// A dataset's tribal knowledge at a glance: a summary line (investigations, 👍/👎, last
/// investigation, who knows it best), "Search this dataset's history…" with results inline,
/// known quirks as cards (full text, author, relative times, confirmations, edited marker;
/// edit, confirm, retire, history, "+ Add note" through QuirkEditor), top findings by feedback
/// score (opening one opens its investigation), recent activity ("Show all" lists all of it),
/// and charts: investigations and 👍/👎 per week over six months, and the common issues.
///
/// Owns its reads: setDataset()/reload() ask the KnowledgeClient (the database, or the offline
/// cache when it cannot be reached or the client is offline) for the knowledge, the activity
/// and the investigations at once, then the cards' quirk histories, and build the page once
/// from all of it (KnowledgePage); quirk cards are capped (quirksShown, "Show all") so a
/// dataset with thousands stays cheap to show. Writes go through the client (the outbox).
/// GUI thread only.
class KnowledgeView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int quirksShown = 5; ///< cards before "Show all"
    static constexpr int activityShown = 6;
    static constexpr int investigationsRead = 2000; ///< for the weekly charts

    /// `client` (not owned) must outlive the view.
    explicit KnowledgeView(KnowledgeClient *client, QWidget *parent = nullptr);

    /// Shows `id` (its name until the knowledge says it) and reads its knowledge.
    void setDataset(const QUuid &id, const QString &name = {});
    /// Reads the current dataset's knowledge again.
    void reload();
    void setMessage(const QString &message);
    QUuid datasetId() const { return m_datasetId; }
    /// Background requests still running (0 = what is shown is what was read last).
    int pendingRequests() const { return m_pending; }
    /// The page last shown (for tests and the benchmark).
    const KnowledgePage &page() const { return m_page; }

Q_SIGNALS:
    void investigationRequested(const QUuid &investigationId);
    /// Where the page was read from (see BrowseClient).
    void readFrom(bool offline, const QDateTime &asOf, const QString &note);
    /// No background request is running any more.
    void settled();
    /// The person changed a quirk (written, or queued in the outbox).
    void outboxChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showPage(const KnowledgePage &page);
    void showSummary();
    void showQuirks();
    void showFindings();
    void showActivity();
    void showCharts();
    QLabel *row(const QString &html, const QString &tip);
    void restyleCharts();
    QWidget *quirkCard(const KnownQuirk &quirk);
    void openEditor(int mode, const KnownQuirk &quirk);
    void confirmQuirk(const QUuid &quirkId);
    void showAllActivity();
    void runSearch();
    void begin();
    void end();

    KnowledgeClient *m_client;
    QUuid m_datasetId;
    QString m_name;
    KnowledgePage m_page;
    bool m_allQuirks = false;
    QString m_writeNote; ///< said after the person's change, kept across the reload it causes
    int m_pending = 0;
    int m_generation = 0; ///< reloads; an older answer is dropped
    QPointer<ClientJob> m_searchJob; ///< the running search (cancelled by the next)

    QLabel *m_title = nullptr;
    QLabel *m_stats = nullptr;
    QLabel *m_message = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchTimer = nullptr;
    QListWidget *m_searchResults = nullptr;
    QLabel *m_searchNote = nullptr;
    QLabel *m_quirksTitle = nullptr;
    QPushButton *m_addQuirk = nullptr;
    QVBoxLayout *m_quirkCards = nullptr;
    QList<QWidget *> m_cards;
    QPushButton *m_moreQuirks = nullptr;
    QWidget *m_findings = nullptr;
    QVBoxLayout *m_findingRows = nullptr;
    QList<QWidget *> m_findingWidgets;
    QWidget *m_activity = nullptr;
    QVBoxLayout *m_activityRows = nullptr;
    QList<QWidget *> m_activityWidgets;
    QPushButton *m_allActivity = nullptr;
    QChartView *m_weeklyChart = nullptr;
    QChartView *m_feedbackChart = nullptr;
    QChartView *m_issuesChart = nullptr;
    QLabel *m_chartNote = nullptr;
};

} // namespace ke
