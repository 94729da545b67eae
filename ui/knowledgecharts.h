#pragma once

#include "investigationdirectory.h"
#include "knowledgestore.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

class QChart;
class QPalette;

namespace ke {

/// One week (Monday to Sunday, local dates) of a dataset's investigations.
struct WeekBucket
{
    QDate monday;
    int investigations = 0; ///< started that week
    int positive = 0; ///< 👍 on those investigations and their steps
    int negative = 0; ///< 👎
};

/// The charts of the Knowledge tab, built with Qt Charts and styled from the widget's palette
/// (light or dark), so they stay readable with either. Pure functions; GUI thread (QChart).
class KnowledgeCharts
{
    Q_DECLARE_TR_FUNCTIONS(KnowledgeCharts)

public:
    static constexpr int weeks = 26; ///< six months

    /// The `weeks` weeks up to the one holding `today`, oldest first, filled from
    /// `investigations` (those started before the first week are left out).
    static QList<WeekBucket> weekly(const QList<InvestigationSummary> &investigations,
                                    const QDate &today);
    /// Investigations per week (bars).
    static QChart *investigationsChart(const QList<WeekBucket> &buckets, const QPalette &palette);
    /// 👍 and 👎 per week (bars side by side).
    static QChart *feedbackChart(const QList<WeekBucket> &buckets, const QPalette &palette);
    /// The most frequent issues, most frequent on top (horizontal bars); at most `limit`.
    static QChart *issuesChart(const QList<CommonIssue> &issues, const QPalette &palette,
                               int limit = 6);
    /// Colours a chart from `palette`: background, labels, grid; the dark theme when the
    /// palette's window is dark.
    static void style(QChart *chart, const QPalette &palette);
    /// The colours of 👍 and 👎 bars (readable on light and dark backgrounds).
    static QColor positiveColor(const QPalette &palette);
    static QColor negativeColor(const QPalette &palette);
};

} // namespace ke
