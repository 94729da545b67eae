#include "fulltextquery.h"

#include "textanalyzer.h"

#include <QSet>

namespace ke::fulltextquery {

QStringList terms(const QString &userQuery)
{
    QStringList out;
    QSet<QString> seen;
    for (const QString &w : textanalyzer::words(userQuery, kMaxTermLength)) {
        if (seen.contains(w))
            continue;
        seen.insert(w);
        out.append(w);
        if (out.size() >= kMaxTerms)
            break;
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
