#include "personwrite.h"

#include "backgroundtask.h"
#include "database.h"
#include "knowledgeaggregator.h"
#include "threaddatabase.h"

#include <QCoreApplication>

namespace ke {

void writeAsPerson(QObject *receiver, const ConnectionSettings &settings,
                   OutboxWriter::Prepare prepare,
                   std::function<void(const Result<WriteOutcome> &)> done)
{
    runInBackground<WriteOutcome>(
        receiver,
        std::function<Result<WriteOutcome>()>([settings, prepare]() -> Result<WriteOutcome> {
            // A connection of its own: OutboxWriter owns it for the write (and for the
            // delivery of what waits before it); the pool thread's cached one stays for reads.
            auto written = OutboxWriter::write(
                settings, [&settings]() { return Database::connect(settings); }, prepare);
            if (written && !written->queued) {
                // Show the change at once: the aggregator folds in the new event.
                if (auto db = threadDatabase(settings))
                    KnowledgeAggregator::runIncremental(**db);
            }
            return written;
        }),
        std::move(done));
}

QString queuedMessage(const WriteOutcome &outcome)
{
    return QCoreApplication::translate("PersonWrite",
                                       "queued — will be sent when the database is reachable "
                                       "(%n waiting)",
                                       nullptr, int(outcome.waiting));
}

} // namespace ke
