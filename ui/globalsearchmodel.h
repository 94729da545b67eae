#pragma once

#include "searchoutcome.h"

#include "rowmodel.h"

#include <QAbstractListModel>
#include <QHash>
#include <QIcon>

namespace ke {

/// One row of the global search: a result and the near-identical ones found with it (the same
/// query template run in twelve investigations is one row, "12 similar").
struct SearchResultGroup
{
    SearchResult best; ///< the best ranked of the group: what the row shows and Enter opens
    QList<SearchResult> similar; ///< the others, in rank order (empty: a result of its own)
    bool expanded = false; ///< the similar ones are shown as rows of their own below it
    bool member = false; ///< one of an expanded group's similar results (drawn indented)
    int size() const { return 1 + int(similar.size()); }
};

/// The global search's results (Ctrl+K) as a list, near-identical results grouped: same
/// source type and the same normalised text (normalisedText). Each row has the source type's
/// icon, the dataset's name, the snippet (matched words marked in MarkedSnippetRole), its age,
/// the feedback score and, in the tooltip, why it ranked (the signals' ranks) and the similar
/// results. A plain list underneath; GUI thread only.
class GlobalSearchModel : public RowModel<QAbstractListModel, SearchResultGroup>
{
    Q_OBJECT

public:
    enum Role {
        MarkedSnippetRole = Qt::UserRole + 1, ///< QString: the snippet, matches «marked»
        SourceTypeRole, ///< QString: "query", …
        DatasetNameRole, ///< QString: the dataset's name (its id's start when unknown)
        DatasetIdRole, ///< QUuid (null: none)
        InvestigationRole, ///< QUuid (null: not bound to an investigation)
        AgeRole, ///< QString: how long ago ("3 weeks ago"; the exact time is in the tooltip)
        FeedbackRole, ///< double: the result's feedback score
        GroupSizeRole, ///< int: results in the row (1: alone)
        SimilarRole, ///< QString: "12 similar", or empty for a result of its own
        ExpandedRole, ///< bool: a group whose similar results are shown below it
        MemberRole, ///< bool: one of those similar results (drawn indented)
    };

    using RowModel::RowModel; // explicit GlobalSearchModel(QObject *parent = nullptr)

    /// Replaces the rows by `results` (ranked, best first), grouped. `offline`: they come
    /// from the offline cache (the tooltips say so).
    void setResults(const QList<SearchResult> &results, bool offline);
    void clear() { setResults({}, false); }
    /// Dataset UUID (without braces) -> name.
    void setDatasetNames(QHash<QString, QString> names);
    const SearchResultGroup *group(int row) const { return rowAt(row); }
    /// Shows the similar results of the group at `row` as rows of their own below it (each
    /// opens its own investigation), or hides them again; false when the row is no group.
    bool setExpanded(int row, bool expanded);
    /// The row of the group that the row `row` belongs to (itself when it is no member).
    int groupRowOf(int row) const;
    bool isOffline() const { return m_offline; }

    /// `results` in rank order, near-identical ones gathered into the row of the best of them.
    static QList<SearchResultGroup> grouped(const QList<SearchResult> &results);
    /// What makes two results near-identical: the text without the match marks and the "…" of
    /// a cut, case-folded, runs of white space as one, and numbers, quoted literals and ids
    /// (which a template fills in per investigation) as placeholders.
    static QString normalisedText(const QString &text);
    /// The source type's icon (resources/icons/source-*.svg); a plain one for unknown types.
    static QIcon sourceIcon(const QString &sourceType);
    /// When `when` was, as the row shows it (RelativeTime::ago).
    static QString ageText(const QDateTime &when);

    QHash<int, QByteArray> roleNames() const override;

protected:
    QVariant rowData(const SearchResultGroup &g, int column, int role) const override;

private:
    QString datasetName(const QString &id) const;
    QString whyItRanked(const SearchResultGroup &g) const;

    QHash<QString, QString> m_names;
    bool m_offline = false;
};

} // namespace ke
