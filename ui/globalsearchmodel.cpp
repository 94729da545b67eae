#include "globalsearchmodel.h"

#include "catalogue.h"
#include "relativetime.h"

#include <QLocale>
#include <QRegularExpression>

namespace ke {

void GlobalSearchModel::setResults(const QList<SearchResult> &results, bool offline)
{
    m_offline = offline;
    resetRows(grouped(results));
}

void GlobalSearchModel::setDatasetNames(QHash<QString, QString> names)
{
    m_names = std::move(names);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

QList<SearchResultGroup> GlobalSearchModel::grouped(const QList<SearchResult> &results)
{
    QList<SearchResultGroup> groups;
    QHash<QString, qsizetype> rowOf; // source type + normalised text -> row
    for (const SearchResult &r : results) {
        const QString key = r.sourceType + QLatin1Char('\n') + normalisedText(r.snippet);
        const auto it = rowOf.constFind(key);
        if (it == rowOf.constEnd()) {
            rowOf.insert(key, groups.size());
            groups.append(SearchResultGroup{r, {}});
        } else {
            groups[*it].similar.append(r);
        }
    }
    return groups;
}

bool GlobalSearchModel::setExpanded(int row, bool expanded)
{
    if (row < 0 || row >= rowCount() || m_rows.at(row).similar.isEmpty() || m_rows.at(row).member)
        return false;
    if (m_rows.at(row).expanded == expanded)
        return true;
    m_rows[row].expanded = expanded;
    Q_EMIT dataChanged(index(row), index(row));
    const QList<SearchResult> &similar = m_rows.at(row).similar;
    if (expanded) {
        QList<SearchResultGroup> members;
        for (const SearchResult &r : similar)
            members.append(SearchResultGroup{r, {}, false, true});
        insertRowsAt(row + 1, members);
    } else {
        removeRowsAt(row + 1, int(similar.size()));
    }
    return true;
}

int GlobalSearchModel::groupRowOf(int row) const
{
    while (row > 0 && row < rowCount() && m_rows.at(row).member)
        --row;
    return row;
}

QString GlobalSearchModel::normalisedText(const QString &text)
{
    // A quoted literal, or any word holding a digit (42, 2026-03-01, 3f2a…, v2): what a
    // template fills in per run.
    static const QRegularExpression literal(QStringLiteral("'[^']*'|\\b\\w*\\d[\\w.:-]*"));
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QString s = text;
    s.remove(QChar(0xab)).remove(QChar(0xbb)).remove(QChar(0x2026));
    s = s.toCaseFolded();
    s.replace(literal, QStringLiteral("#"));
    s.replace(space, QStringLiteral(" "));
    return s.trimmed();
}

QIcon GlobalSearchModel::sourceIcon(const QString &sourceType)
{
    static QHash<QString, QIcon> icons;
    auto it = icons.find(sourceType);
    if (it == icons.end()) {
        const QString file = QStringLiteral(":/icons/source-%1.svg").arg(sourceType);
        it = icons.insert(sourceType,
                          SourceTypes::isKnown(sourceType)
                              ? QIcon(file)
                              : QIcon(QStringLiteral(":/icons/source-finding.svg")));
    }
    return *it;
}

QString GlobalSearchModel::ageText(const QDateTime &when)
{
    return when.isValid() ? RelativeTime::ago(when) : QString();
}

QString GlobalSearchModel::datasetName(const QString &id) const
{
    if (id.isEmpty())
        return tr("no dataset");
    return m_names.value(id, id.left(8));
}

QString GlobalSearchModel::whyItRanked(const SearchResultGroup &g) const
{
    const SearchResult &r = g.best;
    const QLocale locale;
    QStringList lines;
    lines << QString(r.snippet).remove(QChar(0xab)).remove(QChar(0xbb));
    lines << QString();
    lines << tr("%1 in %2, %3")
                 .arg(SourceTypes::label(r.sourceType), datasetName(r.datasetId),
                      RelativeTime::exact(r.createdAt));
    lines << tr("Why it ranked: score %1").arg(locale.toString(r.score, 'f', 4));
    lines << (r.lexicalRank > 0 ? tr("  • words: rank %1 (the words you typed)").arg(r.lexicalRank)
                                : tr("  • words: not found by the words you typed"));
    lines << (r.vectorRank > 0 ? tr("  • meaning: rank %1 (similar in meaning)").arg(r.vectorRank)
                               : tr("  • meaning: not among the most similar in meaning"));
    lines << tr("  • feedback: %1 (rated higher ranks higher)")
                 .arg(locale.toString(r.feedbackScore, 'f', 1));
    if (!g.similar.isEmpty()) {
        lines << QString();
        lines << tr("%n similar result(s) — the same text in other places; Enter opens the best, "
                    "→ shows each:",
                    nullptr, g.size());
        constexpr int shown = 12;
        for (int i = 0; i < std::min<int>(shown, int(g.similar.size())); ++i) {
            const SearchResult &s = g.similar.at(i);
            lines << tr("  • %1, %2 (score %3)")
                         .arg(datasetName(s.datasetId), ageText(s.createdAt),
                              locale.toString(s.score, 'f', 4));
        }
        if (g.similar.size() > shown)
            lines << tr("  … and %n more", nullptr, int(g.similar.size()) - shown);
    }
    if (m_offline) {
        lines << QString();
        lines << tr("From the offline cache.");
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant GlobalSearchModel::rowData(const SearchResultGroup &g, int, int role) const
{
    const SearchResult &r = g.best;
    switch (role) {
    case Qt::DisplayRole:
        return QString(r.snippet).remove(QChar(0xab)).remove(QChar(0xbb));
    case Qt::DecorationRole:
        return sourceIcon(r.sourceType);
    case Qt::ToolTipRole:
        return whyItRanked(g);
    case Qt::AccessibleTextRole: {
        QString text = tr("%1 in %2, %3: %4")
                           .arg(SourceTypes::label(r.sourceType), datasetName(r.datasetId),
                                ageText(r.createdAt),
                                QString(r.snippet).remove(QChar(0xab)).remove(QChar(0xbb)));
        if (!g.similar.isEmpty())
            text += QStringLiteral(" (") + tr("%n similar", nullptr, g.size()) + QLatin1Char(')');
        return text;
    }
    case MarkedSnippetRole:
        return r.snippet;
    case SourceTypeRole:
        return r.sourceType;
    case DatasetNameRole:
        return datasetName(r.datasetId);
    case DatasetIdRole:
        return QUuid::fromString(r.datasetId);
    case InvestigationRole:
        // A quirk belongs to its dataset, whatever investigation id its event carries.
        if (r.sourceType == QLatin1String("quirk") || r.investigationId == r.datasetId)
            return QUuid();
        return QUuid::fromString(r.investigationId);
    case AgeRole:
        return ageText(r.createdAt);
    case FeedbackRole:
        return r.feedbackScore;
    case GroupSizeRole:
        return g.size();
    case SimilarRole:
        return g.similar.isEmpty() ? QString() : tr("%n similar", nullptr, g.size());
    case ExpandedRole:
        return g.expanded;
    case MemberRole:
        return g.member;
    }
    return {};
}

QHash<int, QByteArray> GlobalSearchModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(MarkedSnippetRole, "markedSnippet");
    names.insert(SourceTypeRole, "sourceType");
    names.insert(DatasetNameRole, "datasetName");
    names.insert(DatasetIdRole, "datasetId");
    names.insert(InvestigationRole, "investigationId");
    names.insert(AgeRole, "age");
    names.insert(FeedbackRole, "feedback");
    names.insert(GroupSizeRole, "groupSize");
    names.insert(SimilarRole, "similar");
    names.insert(ExpandedRole, "expanded");
    names.insert(MemberRole, "member");
    return names;
}

} // namespace ke
