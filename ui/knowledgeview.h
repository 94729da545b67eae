#pragma once

#include <QJsonObject>
#include <QUuid>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

class QChartView;

namespace ke {

/// A dataset's tribal knowledge at a glance: headline numbers, known quirks (with add, edit,
/// confirm and retire), top findings ranked by feedback, common issues as a chart, and owners.
/// Shows the JSON document of `knowledgectl knowledge DATASET --json` (one source of truth for
/// the CLI, the HTTP API and the GUI). GUI thread only; it asks, by signal, for the work.
class KnowledgeView : public QWidget
{
    Q_OBJECT

public:
    explicit KnowledgeView(QWidget *parent = nullptr);

    void setKnowledge(const QJsonObject &knowledge);
    void setMessage(const QString &message);
    QUuid datasetId() const { return m_datasetId; }

Q_SIGNALS:
    void addQuirkRequested(const QUuid &datasetId);
    void editQuirkRequested(const QUuid &quirkId, const QString &currentText);
    void confirmQuirkRequested(const QUuid &quirkId);
    void retireQuirkRequested(const QUuid &quirkId, const QString &text);
    void investigationRequested(const QUuid &investigationId);

private:
    QUuid selectedQuirk(QString *text = nullptr) const;
    void updateQuirkButtons();

    QUuid m_datasetId;
    QLabel *m_title = nullptr;
    QLabel *m_stats = nullptr;
    QLabel *m_message = nullptr;
    QTreeWidget *m_quirks = nullptr;
    QTreeWidget *m_findings = nullptr;
    QTreeWidget *m_owners = nullptr;
    QChartView *m_issues = nullptr;
    QPushButton *m_addQuirk = nullptr;
    QPushButton *m_editQuirk = nullptr;
    QPushButton *m_confirmQuirk = nullptr;
    QPushButton *m_retireQuirk = nullptr;
};

} // namespace ke
