#pragma once

#include "connectionsettings.h"

#include <QMainWindow>

class QLabel;
class QTabWidget;

namespace ke {

/// The application's main window: the dataset list on the left, the dataset's knowledge,
/// activity and search on the right. Lives on the GUI thread; all database work it starts
/// runs on worker threads and comes back by signal.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const ConnectionSettings &settings, QWidget *parent = nullptr);

    /// Shows one of the views by name ("knowledge", "activity", "search").
    void showView(const QString &view);

private:
    ConnectionSettings m_settings;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace ke
