#include "datasetlistmodel.h"

#include "relativetime.h"

namespace ke {

int DatasetListModel::rowOf(const QUuid &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).ref.id == id)
            return int(i);
    }
    return -1;
}

QVariant DatasetListModel::rowData(const DatasetSummary &d, int, int role) const
{
    switch (role) {
    case Qt::DisplayRole: {
        const int net = d.positiveFeedback - d.negativeFeedback;
        QString line = tr("%n investigation(s)", nullptr, d.investigationCount)
            + QStringLiteral(" · ")
            + tr("net %1").arg(net > 0 ? QStringLiteral("+%1").arg(net) : QString::number(net));
        if (d.lastInvestigationAt.isValid())
            line += QStringLiteral(" · ") + RelativeTime::ago(d.lastInvestigationAt);
        return QString(d.ref.name + QLatin1Char('\n') + line);
    }
    case Qt::ToolTipRole: {
        const QString about = d.ref.description.isEmpty() ? d.ref.name : d.ref.description;
        return QString(about + QLatin1Char('\n')
                       + tr("👍 %1 · 👎 %2 · last investigation %3")
                             .arg(d.positiveFeedback)
                             .arg(d.negativeFeedback)
                             .arg(d.lastInvestigationAt.isValid()
                                      ? RelativeTime::exact(d.lastInvestigationAt)
                                      : RelativeTime::ago({})));
    }
    case Qt::AccessibleTextRole:
        return QString(d.ref.name);
    case LastInvestigationRole:
        return d.lastInvestigationAt;
    case NetFeedbackRole:
        return d.positiveFeedback - d.negativeFeedback;
    case IdRole:
        return d.ref.id;
    case NameRole:
        return d.ref.name;
    case InvestigationCountRole:
        return d.investigationCount;
    }
    return {};
}

} // namespace ke
