#include "personwrite.h"

#include <QCoreApplication>

namespace ke {

QString queuedMessage(const WriteOutcome &outcome)
{
    return QCoreApplication::translate("PersonWrite",
                                       "queued — will be sent when the database is reachable "
                                       "(%n waiting)",
                                       nullptr, int(outcome.waiting));
}

} // namespace ke
