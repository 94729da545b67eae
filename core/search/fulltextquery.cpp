#include "fulltextquery.h"

#include "textanalyzer.h"

#include <QHash>

namespace ke::fulltextquery {

QStringList terms(const QString &userQuery, QList<int> *counts)
{
    QStringList out;
    QHash<QString, int> seen; // word -> its index in out
    if (counts)
        counts->clear();
    for (const QString &w : textanalyzer::words(userQuery, kMaxTermLength)) {
        const auto it = seen.constFind(w);
        if (it != seen.cend()) {
            if (counts)
                ++(*counts)[*it];
            continue;
        }
        if (out.size() >= kMaxTerms)
            continue; // later repeats of kept words still count
        seen.insert(w, int(out.size()));
        out.append(w);
        if (counts)
            counts->append(1);
    }
    return out;
}

QString toFts5(const QStringList &terms)
{
    QStringList quoted;
    quoted.reserve(terms.size());
    for (const QString &t : terms) {
        // words() keeps letters and digits only, so a term never holds a double quote;
        // escape anyway, the function is public.
        QString e = t;
        e.replace(QLatin1Char('"'), QLatin1String("\"\""));
        quoted.append(QLatin1Char('"') + e + QLatin1Char('"'));
    }
    return quoted.join(QLatin1String(" OR "));
}

QString toFts5(const QString &userQuery)
{
    return toFts5(terms(userQuery));
}

} // namespace ke::fulltextquery
