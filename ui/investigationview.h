#pragma once

#include "connectionsettings.h"
#include "investigationtrace.h"

#include <QUuid>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace ke {

class TraceStepModel;

/// One investigation, step by step, with a rating panel: thumbs up/down, a quick reason, an
/// optional comment. Loading and rating run in the background (runInBackground); the view
/// stays responsive and shows errors in place. GUI thread only.
class InvestigationView : public QWidget
{
    Q_OBJECT

public:
    explicit InvestigationView(const ConnectionSettings &settings, QWidget *parent = nullptr);

    void showInvestigation(const QUuid &investigationId);
    QUuid investigationId() const { return m_investigation; }

Q_SIGNALS:
    /// A rating was stored (the dataset's knowledge may change on the next aggregation).
    void feedbackRecorded(const QUuid &investigationId);

private:
    void reload();
    void onStepSelected();
    void updateReasons();
    void submitRating();
    void setBusy(bool busy, const QString &message = {});

    ConnectionSettings m_settings;
    QUuid m_investigation;
    QUuid m_viewer;
    TraceStepModel *m_model = nullptr;
    QLabel *m_header = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QButtonGroup *m_ratingGroup = nullptr;
    QComboBox *m_reason = nullptr;
    QLineEdit *m_comment = nullptr;
    QPushButton *m_submit = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace ke
