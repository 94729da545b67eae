#include "knowledgecharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLocale>
#include <QPalette>
#include <QValueAxis>

#include <algorithm>

namespace ke {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

/// A value axis from 0 with whole-number ticks.
QValueAxis *countAxis(int max)
{
    auto *axis = new QValueAxis;
    const int top = std::max(1, max);
    axis->setRange(0, top);
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setTickCount(std::min(top, 4) + 1);
    return axis;
}

/// The week axis: the month's short name at its first week.
QCategoryAxis *weekAxis(const QList<WeekBucket> &buckets)
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setRange(-0.5, buckets.size() - 0.5);
    int lastMonth = -1;
    for (int i = 0; i < buckets.size(); ++i) {
        const QDate d = buckets.at(i).monday;
        if (d.month() != lastMonth) {
            lastMonth = d.month();
            axis->append(QLocale().monthName(d.month(), QLocale::ShortFormat), i);
        }
    }
    axis->setGridLineVisible(false);
    return axis;
}

QChart *barChart(const QList<QBarSet *> &sets, const QList<WeekBucket> &buckets, int max,
                 const QPalette &palette)
{
    auto *chart = new QChart;
    auto *series = new QBarSeries;
    for (QBarSet *set : sets)
        series->append(set);
    series->setBarWidth(0.8);
    chart->addSeries(series);
    QCategoryAxis *x = weekAxis(buckets);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QValueAxis *y = countAxis(max);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->setVisible(sets.size() > 1);
    chart->legend()->setAlignment(Qt::AlignTop);
    KnowledgeCharts::style(chart, palette);
    return chart;
}

} // namespace

QList<WeekBucket> KnowledgeCharts::weekly(const QList<InvestigationSummary> &investigations,
                                          const QDate &today)
{
    QList<WeekBucket> buckets(weeks);
    const QDate thisMonday = today.addDays(1 - today.dayOfWeek());
    for (int i = 0; i < weeks; ++i)
        buckets[i].monday = thisMonday.addDays(-7 * (weeks - 1 - i));
    const QDate first = buckets.first().monday;
    for (const InvestigationSummary &s : investigations) {
        if (!s.startedAt.isValid())
            continue;
        const QDate day = s.startedAt.toLocalTime().date();
        if (day < first || day > thisMonday.addDays(6))
            continue;
        WeekBucket &b = buckets[int(first.daysTo(day) / 7)];
        ++b.investigations;
        b.positive += s.positive;
        b.negative += s.negative;
    }
    return buckets;
}

QChart *KnowledgeCharts::investigationsChart(const QList<WeekBucket> &buckets,
                                             const QPalette &palette)
{
    auto *set = new QBarSet(tr("Investigations"));
    set->setColor(palette.color(QPalette::Highlight));
    set->setBorderColor(palette.color(QPalette::Highlight));
    int max = 0;
    for (const WeekBucket &b : buckets) {
        *set << b.investigations;
        max = std::max(max, b.investigations);
    }
    QChart *chart = barChart({set}, buckets, max, palette);
    chart->setObjectName(QStringLiteral("investigationsChart"));
    return chart;
}

QChart *KnowledgeCharts::feedbackChart(const QList<WeekBucket> &buckets, const QPalette &palette)
{
    auto *up = new QBarSet(tr("👍 helpful"));
    auto *down = new QBarSet(tr("👎 not helpful"));
    up->setColor(positiveColor(palette));
    up->setBorderColor(positiveColor(palette));
    down->setColor(negativeColor(palette));
    down->setBorderColor(negativeColor(palette));
    int max = 0;
    for (const WeekBucket &b : buckets) {
        *up << b.positive;
        *down << b.negative;
        max = std::max({max, b.positive, b.negative});
    }
    QChart *chart = barChart({up, down}, buckets, max, palette);
    chart->setObjectName(QStringLiteral("feedbackChart"));
    return chart;
}

QChart *KnowledgeCharts::issuesChart(const QList<CommonIssue> &issues, const QPalette &palette,
                                     int limit)
{
    auto *chart = new QChart;
    chart->setObjectName(QStringLiteral("issuesChart"));
    const int shown = std::min<int>(int(issues.size()), limit);
    if (shown == 0) {
        chart->setTitle(tr("No issues recorded yet"));
        style(chart, palette);
        return chart;
    }
    auto *set = new QBarSet(tr("Investigations"));
    set->setColor(palette.color(QPalette::Highlight));
    set->setBorderColor(palette.color(QPalette::Highlight));
    QStringList labels;
    int max = 0;
    for (int i = shown - 1; i >= 0; --i) { // bottom-up, so the top issue is drawn on top
        const CommonIssue &issue = issues.at(i);
        QString label = issue.issue;
        if (label.size() > 26)
            label = label.left(25).trimmed() + QChar(0x2026);
        // Category labels must be unique; two themes cut to the same prefix get a mark.
        while (labels.contains(label))
            label += QChar(0x200b);
        labels << label;
        *set << issue.count;
        max = std::max(max, issue.count);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(labels);
    y->setGridLineVisible(false);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    QValueAxis *x = countAxis(max);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    chart->legend()->hide();
    style(chart, palette);
    set->setLabelColor(palette.color(QPalette::HighlightedText));
    return chart;
}

void KnowledgeCharts::style(QChart *chart, const QPalette &palette)
{
    // The theme first: it resets colours, which are then taken from the palette.
    chart->setTheme(isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    const QColor background = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    QColor grid = text;
    grid.setAlphaF(0.18);
    chart->setBackgroundBrush(background);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid);
        axis->setTitleBrush(text);
    }
    // setTheme() recoloured the bars; give them their meaning's colours back.
    const auto series = chart->series();
    for (QAbstractSeries *s : series) {
        auto *bars = qobject_cast<QAbstractBarSeries *>(s);
        if (!bars)
            continue;
        const auto sets = bars->barSets();
        for (QBarSet *set : sets) {
            QColor c = palette.color(QPalette::Highlight);
            if (set->label().startsWith(QStringLiteral("👍")))
                c = positiveColor(palette);
            else if (set->label().startsWith(QStringLiteral("👎")))
                c = negativeColor(palette);
            set->setColor(c);
            set->setBorderColor(c);
        }
    }
}

QColor KnowledgeCharts::positiveColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x7d, 0x32);
}

QColor KnowledgeCharts::negativeColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);
}

} // namespace ke
