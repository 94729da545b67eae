#pragma once

#include <QFrame>
#include <QHash>
#include <QPoint>
#include <QPointer>
#include <QUuid>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QTimer;

namespace ke {

class ClientJob;
class GlobalSearchModel;
class KnowledgeClient;

/// Search everything from anywhere (Ctrl+K): a command-palette popup centred at the top of
/// the window with a search field, filters (source type; all datasets or the current one) and
/// the results (GlobalSearchModel: near-identical ones grouped, "12 similar"). It searches as
/// you type: 150 ms after the last key, through the window's KnowledgeClient (online, or the
/// offline cache — the status line says which); a change of text cancels the running search
/// at once, so only the newest answer is ever shown. Up/Down move in the results while the
/// focus stays in the field; Enter opens the current result (investigationRequested, or
/// datasetRequested for one that belongs to no investigation, e.g. a quirk) and closes; Esc
/// or a click outside closes. A Qt::Popup child of the window (a window of its own: a
/// screenshot of the window paints it in, see pictureOf). GUI thread only.
class GlobalSearch : public QFrame
{
    Q_OBJECT

public:
    /// The pause after the last key before the search runs.
    static constexpr int debounceMs = 150;

    GlobalSearch(KnowledgeClient *client, QWidget *window);
    ~GlobalSearch() override;

    /// The dataset "This dataset" means (the one the window shows).
    void setCurrentDataset(const QUuid &id, const QString &name);
    /// Shows the popup over its window, the field focused and its text selected; when it
    /// holds text, searches again (the answer may have changed since).
    void open();
    /// Puts `text` in the field and searches at once, without the pause (--search, tests).
    void search(const QString &text);
    /// A search is waiting for its pause, running, or the dataset names are being read.
    bool isBusy() const;
    GlobalSearchModel *model() const { return m_model; }
    /// The window's picture with this popup painted in where it stands (when it is open).
    QPixmap pictureOf(QWidget *window, const QRect &area = {});

Q_SIGNALS:
    /// A search was sent for `text` (the pause is over or it was asked for at once).
    void searchStarted(const QString &text);
    /// The answer to the search for `text` is shown (results, none, or an error).
    void searchFinished(const QString &text);
    /// Nothing runs any more (isBusy() turned false): answered, closed or cleared.
    void settled();
    void investigationRequested(const QUuid &investigationId);
    /// A result that belongs to a dataset but no investigation (a quirk) was opened.
    void datasetRequested(const QUuid &datasetId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void textEdited();
    void run();
    void showAnswer(const QString &text, bool offline, const QString &status);
    void maybeSettled();
    void moveCurrent(int delta);
    void openCurrent();
    /// Shows or hides the similar results of the current row's group; false when it has none.
    bool toggleSimilar();
    void loadDatasetNames();
    void place();

    KnowledgeClient *m_client = nullptr;
    QUuid m_dataset;
    QPointer<ClientJob> m_job; ///< the running search; cancelled when the text changes
    QPointer<ClientJob> m_namesJob;
    bool m_busy = false;
    bool m_openWhenAnswered = false; ///< Enter came during the pause: open the answer's best
    QHash<QString, QString> m_names;
    QLineEdit *m_field = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_scope = nullptr;
    QListView *m_list = nullptr;
    QPoint m_pressedAt; ///< where the last click on the list began (the badge toggles)
    QLabel *m_status = nullptr;
    QTimer *m_debounce = nullptr;
    GlobalSearchModel *m_model = nullptr;
};

} // namespace ke
