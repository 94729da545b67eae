#include "mainwindow.h"

#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ke {

MainWindow::MainWindow(const ConnectionSettings &settings, QWidget *parent)
    : QMainWindow(parent), m_settings(settings)
{
    setWindowTitle(tr("Knowledge Explorer"));
    resize(1200, 780);

    m_tabs = new QTabWidget(this);
    const auto placeholder = [this](const QString &text) {
        auto *label = new QLabel(text, m_tabs);
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        return label;
    };
    m_tabs->addTab(placeholder(tr("Select a dataset to see what your team knows about it.")),
                   tr("Knowledge"));
    m_tabs->addTab(placeholder(tr("Recent activity appears here.")), tr("Activity"));
    m_tabs->addTab(placeholder(tr("Search findings, hypotheses, queries, comments and quirks.")),
                   tr("Search"));
    setCentralWidget(m_tabs);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    m_status = new QLabel(this);
    const QString tenant = m_settings.tenant.isEmpty() ? tr("no tenant") : m_settings.tenant;
    m_status->setText(tr("Tenant: %1").arg(tenant));
    statusBar()->addPermanentWidget(m_status);
}

void MainWindow::showView(const QString &view)
{
    static const QStringList views = {QStringLiteral("knowledge"), QStringLiteral("activity"),
                                      QStringLiteral("search")};
    const auto index = views.indexOf(view);
    if (index >= 0)
        m_tabs->setCurrentIndex(int(index));
}

} // namespace ke
